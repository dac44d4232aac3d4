import {spawnSync} from 'node:child_process'
import {mkdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {defaultDb} from '../../src/store/index.js'
import {hasStackTrace, runInProcess} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

// What `runs` and `task list` show for records a killed run or a hand edit left in .commops/db.json.

async function withDb(db: Record<string, unknown>): Promise<string> {
  const ws = await sampleWorkspace('en')
  await mkdir(path.join(ws.root, '.commops'), {recursive: true})
  await writeFile(path.join(ws.root, '.commops', 'db.json'), JSON.stringify({...defaultDb(), ...db}, null, 2))
  return ws.root
}

describe('records in the store, through the commands', () => {
  it('`runs` shows a run whose process died as interrupted', async () => {
    const dead = spawnSync(process.execPath, ['-e', '0']).pid
    const run = {
      id: 'R1',
      playbook: 'launch',
      vars: {},
      inputHashes: {},
      status: 'running',
      steps: [],
      user: 'u',
      startedAt: '2026-11-02T10:00:00Z',
      durationMs: 0,
      pid: dead,
      host: os.hostname(),
    }
    const root = await withDb({runs: [run], counters: {R: 1}})
    const text = await runInProcess(['runs'], {cwd: root})
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/R1\s+launch\s+interrupted/)
    const json = await runInProcess(['runs', '--json'], {cwd: root})
    expect((JSON.parse(json.stdout) as {runs: Array<{status: string}>}).runs[0].status).toBe('interrupted')
  })

  it('`task list` on a store with "tasks":[null] is one clear store error naming the file and the item', async () => {
    const root = await withDb({tasks: [null]})
    const r = await runInProcess(['task', 'list'], {cwd: root})
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`${path.join(root, '.commops', 'db.json')}: tasks[0] must be an object with id, title, status (got null)`)
    expect(r.stderr).toMatch(/Hint: .*backups/)
    expect(r.stderr).not.toMatch(/bug|Unexpected/i)
    expect(hasStackTrace(r.stderr)).toBe(false)
  })

  it("a file where the store folder should be is the user's to move, not a bug", async () => {
    const ws = await sampleWorkspace('en')
    await rm(path.join(ws.root, '.commops'), {recursive: true, force: true})
    await writeFile(path.join(ws.root, '.commops'), 'not a folder\n')
    for (const args of [
      ['task', 'list'],
      ['playbook', 'run', 'launch', '--yes'],
    ]) {
      const r = await runInProcess(args, {cwd: ws.root})
      expect(r.code, args.join(' ')).toBe(1)
      expect(r.stderr).toMatch(/\.commops.* (is a file, not a folder|already exists and is in the way)/)
      expect(r.stderr).not.toMatch(/bug|Unexpected/i)
      expect(hasStackTrace(r.stderr)).toBe(false)
    }
  })
})
