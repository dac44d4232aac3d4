import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeDir, runInProcess} from '../helpers/cli.js'

// In-process tests of the compiled `schema` command.

let tmp: string
beforeAll(async () => {
  tmp = await makeTempDir('commops-cmd-schema-')
})
afterAll(async () => {
  await removeDir(tmp)
})

describe('schema (in-process)', () => {
  it('lists the kinds', async () => {
    const r = await runInProcess(['schema'], {cwd: tmp})
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Community\s+\S/m)
    expect(r.stdout).toMatch(/^Playbook\s+\S/m)
  })

  it('prints one kind, found case-insensitively, as JSON Schema draft 2020-12', async () => {
    const r = await runInProcess(['schema', 'community'], {cwd: tmp})
    expect(r.code).toBe(0)
    const schema = JSON.parse(r.stdout) as {$schema: string; required: string[]}
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(schema.required).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'name', 'locale', 'timezone']))
  })

  it('--json prints only the schema', async () => {
    const r = await runInProcess(['schema', 'Playbook', '--json'], {cwd: tmp})
    expect(r.code).toBe(0)
    expect((JSON.parse(r.stdout) as {title: string}).title).toBe('commops Playbook')
  })

  it('--out writes every kind to a folder and reports on stderr', async () => {
    const out = path.join(tmp, 'schemas')
    const r = await runInProcess(['schema', '--out', out], {cwd: tmp})
    expect(r.code).toBe(0)
    expect(r.stdout).toBe('')
    expect(r.stderr).toMatch(/Wrote \d+ schema\(s\)/)
    for (const f of ['community.schema.json', 'playbook.schema.json']) {
      expect(existsSync(path.join(out, f)), f).toBe(true)
      expect(JSON.parse(await readFile(path.join(out, f), 'utf8'))).toHaveProperty('$schema')
    }
  })

  it('an unknown kind is a usage error naming the known kinds', async () => {
    const r = await runInProcess(['schema', 'Nope'], {cwd: tmp})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Unknown kind `Nope`')
    expect(r.stderr).toMatch(/Known kinds: .*Community.*Playbook/)
  })
})
