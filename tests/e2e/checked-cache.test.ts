/**
 * Commands other than `validate` take a community.yaml this build has already found valid from the user's cache
 * folder (src/workspace/checked.ts); a changed file is checked again, and an invalid one is never kept.
 */
import {mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'

describe('checked community profiles between runs', () => {
  let tmp: string
  let ws: string
  let cache: string
  const entries = () => readdirSync(path.join(cache, 'checked')).filter((n) => n.endsWith('.json'))
  const run = (argv: string[]) => runCli(argv, {cwd: ws, env: {COMMOPS_CACHE_DIR: cache}})
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-checked-e2e-'))
    ws = path.join(tmp, 'ws')
    cache = path.join(tmp, 'cache')
    expect((await runCli(['init', ws, '--sample', '--locale', 'en', '--yes'])).code).toBe(0)
  })
  afterAll(() => rmSync(tmp, {recursive: true, force: true}))

  it('keeps a valid profile once, and answers from it the same as from the file', async () => {
    const first = await run(['task', 'list', '--json'])
    expect(first.code).toBe(0)
    expect(entries()).toHaveLength(1)
    const second = await run(['task', 'list', '--json'])
    expect(second.stdout).toBe(first.stdout)
    expect(entries()).toHaveLength(1)
  })

  it('checks a changed file again: an error is reported with its location and nothing is kept', async () => {
    const file = path.join(ws, 'community.yaml')
    const good = readFileSync(file, 'utf8')
    writeFileSync(file, good.replace(/^timezone: .*$/m, 'timezone: Mars/Olympus_Mons'))
    const before = entries().length
    const r = await run(['task', 'list'])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/community\.yaml:\d+:\d+/)
    expect(entries()).toHaveLength(before)
    writeFileSync(file, good)
    expect((await run(['task', 'list'])).code).toBe(0)
  })

  it('runs as before when the cache folder cannot be written', async () => {
    const blocked = path.join(tmp, 'a-file')
    writeFileSync(blocked, '')
    const r = await runCli(['task', 'list', '--json'], {cwd: ws, env: {COMMOPS_CACHE_DIR: blocked}})
    expect([r.code, r.stderr]).toEqual([0, ''])
  })
})
