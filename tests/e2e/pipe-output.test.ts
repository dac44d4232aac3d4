/**
 * A command's output is complete whatever its exit code: `validate --json | jq` on a folder with many problems once
 * got the first 64 KiB only, as the process exited before stdout drained into the pipe.
 */
import {spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assertBuilt, baseEnv, BIN} from '../helpers/cli.js'

describe('output through a pipe', () => {
  let dir: string
  beforeAll(() => {
    assertBuilt()
    dir = mkdtempSync(path.join(os.tmpdir(), 'commops-pipe-'))
    const bad = 'kind: Community\nname: 12\nlocale: xx\ntimezone: Mars/Base\nchannels: 7\nextra: true\n'
    for (let i = 0; i < 300; i++) writeFileSync(path.join(dir, `c${i}.yaml`), bad)
  })
  afterAll(() => rmSync(dir, {recursive: true, force: true}))

  it('`validate --json | cat` gets the whole report when validate exits 1', () => {
    // a real pipe made by the shell; the exit code of commops goes to a file
    const script = `{ "$0" "$1" validate . --json; echo $? > code; } | cat`
    const r = spawnSync('sh', ['-c', script, process.execPath, BIN], {cwd: dir, env: baseEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
    expect(readFileSync(path.join(dir, 'code'), 'utf8').trim()).toBe('1')
    expect(r.stdout.length).toBeGreaterThan(200_000)
    const report = JSON.parse(r.stdout) as {files: string[]; problems: unknown[]}
    expect(report.files).toHaveLength(300)
    expect(report.problems.length).toBeGreaterThanOrEqual(300)
  })
})
