import {appendFile, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

// Usage errors that used to come without a hint, and the warning about documents after a playbook, end to end.

let ws: string

beforeAll(async () => {
  ws = (await sampleWorkspace('zh-CN')).root
})

const errorOf = (stdout: string) => (JSON.parse(stdout) as {error: {exitCode: number; hint?: string}}).error

describe('usage errors carry a hint', () => {
  it('rules incident add --at in the future', async () => {
    const r = await runCli(['rules', 'incident', 'add', '--member', 'u42', '--rule', 'no-ads', '--at', '2099-01-01', '--json', '--lang', 'en'], {
      cwd: ws,
    })
    expect(r.code).toBe(2)
    expect(errorOf(r.stdout)).toMatchObject({exitCode: 2, hint: expect.stringContaining('--at')})
  })

  it('calendar add with an empty title', async () => {
    const r = await runCli(['calendar', 'add', '--date', '2026-12-01', '--time', '10:00', '--title', ' ', '--json'], {cwd: ws})
    expect(r.code).toBe(2)
    expect(errorOf(r.stdout).hint).toContain('--title')
  })

  it('playbook run --var without =, in Chinese', async () => {
    const r = await runCli(['playbook', 'run', 'launch', '--var', 'weeks', '--dry-run'], {cwd: ws})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('提示')
    expect(r.stderr).toContain('--var 名称=值')
  })
})

describe('a playbook file with a second document', () => {
  it('playbook show and run say, on stderr, where the ignored document starts; --json stays clean', async () => {
    const file = path.join(ws, 'playbooks', 'multi.yaml')
    expect((await runCli(['playbook', 'new', 'multi'], {cwd: ws})).code).toBe(0)
    const text = (await readFile(file, 'utf8')).replace(/\n*$/, '\n')
    await writeFile(file, text)
    await appendFile(file, '---\napiVersion: commops/v1\nkind: Community\nname: Other\nlocale: en\ntimezone: UTC\n')
    const line = text.split('\n').length + 1
    const show = await runCli(['playbook', 'show', 'playbooks/multi.yaml', '--json'], {cwd: ws})
    expect(show.code).toBe(0)
    expect(() => JSON.parse(show.stdout) as unknown).not.toThrow()
    expect(show.stderr).toContain(`playbooks/multi.yaml:${line}:1`)
    const run = await runCli(['playbook', 'run', 'playbooks/multi.yaml', '--dry-run', '--lang', 'en'], {cwd: ws})
    expect(run.stderr).toContain(`playbooks/multi.yaml:${line}:1: warning:`)
    const validate = await runCli(['validate', 'playbooks/multi.yaml', '--json'], {cwd: ws})
    expect(JSON.parse(validate.stdout)).toMatchObject({valid: true})
    expect(validate.stdout).toContain('yaml.extraDocuments')
  })
})
