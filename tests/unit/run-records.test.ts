import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {Store, runStatus, type RunRecord} from '../../src/store/index.js'
import type {Workspace} from '../../src/workspace/index.js'
import {ROOT} from '../helpers/cli.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

// The run id is reserved when a run starts, so concurrent runs never share one and a killed run leaves a record.

const pb = (name: string) =>
  parse(`apiVersion: commops/v1
kind: Playbook
name: ${name}
phase: launch
steps:
  - id: todo
    uses: tasks.create
    with: {tasks: [{title: "${name} first"}, {title: "${name} second"}]}
  - id: hello
    uses: note
    with: {message: "hello from ${name}"}
  - id: export
    uses: export
    with: {artifacts: [todo, hello], formats: [md]}
`) as Playbook

async function run(ws: Workspace, playbook: Playbook, dryRun = false): Promise<{record: RunRecord; events: StepEvent[]}> {
  const events: StepEvent[] = []
  const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars: {}, locale: 'en', dryRun, user: 'tester'})
  for (;;) {
    const next = await gen.next()
    if (next.done) return {record: next.value, events}
    if (!('starting' in next.value)) events.push(next.value)
  }
}

describe('run records', () => {
  it("two concurrent runs get distinct ids, and each one's tasks and files name its own run", async () => {
    const ws = await sampleWorkspace('en')
    const [a, b] = await Promise.all([run(ws, pb('alpha')), run(ws, pb('beta'))])
    expect(a.events.every((e) => e.status === 'changed')).toBe(true)
    expect(b.events.every((e) => e.status === 'changed')).toBe(true)
    expect(a.record.id).not.toBe(b.record.id)
    const db = await Store.at(ws.root).read()
    expect(db.runs.map((r) => r.id).sort()).toEqual([a.record.id, b.record.id].sort())
    expect(db.runs.every((r) => r.status === 'changed')).toBe(true)
    for (const {record} of [a, b]) {
      const name = record.playbook
      const tasks = db.tasks.filter((t) => t.title.startsWith(name))
      expect(tasks).toHaveLength(2)
      for (const task of tasks) expect(task.source?.run, `${task.title}`).toBe(record.id)
      const files = Object.entries(db.files).filter(([file]) => file.includes(`${name}-`))
      expect(files.length).toBeGreaterThan(0)
      for (const [file, owned] of files) expect(owned.run, file).toBe(record.id)
    }
  })

  it('the run id is known while the run runs: run.id in expressions and the record match', async () => {
    const ws = await sampleWorkspace('en')
    await run(ws, pb('alpha'))
    const playbook = parse(
      'apiVersion: commops/v1\nkind: Playbook\nname: ids\nphase: launch\nsteps:\n  - {id: say, uses: note, with: {message: "run ${{ run.id }}"}}\n',
    ) as Playbook
    const {record, events} = await run(ws, playbook)
    expect(record.id).toBe('R2')
    expect(events[0].outputs.message).toBe('run R2')
  })

  it('a dry run reserves nothing and writes nothing', async () => {
    const ws = await sampleWorkspace('en')
    const before = await treeHash(ws.root)
    const {record} = await run(ws, pb('alpha'), true)
    expect(record.id).toBe('dry-run')
    expect(await treeHash(ws.root)).toEqual(before)
    expect(existsSync(path.join(ws.root, '.commops', 'db.json'))).toBe(false)
  })

  it('a run killed after it started leaves a record that reads as interrupted', async () => {
    const ws = await sampleWorkspace('en')
    // a separate process starts a run, then dies before finishing it (as under kill -9)
    const script = `
      import {runPlaybook} from ${JSON.stringify(path.join(ROOT, 'src/playbook/runner.ts'))}
      import {openWorkspace} from ${JSON.stringify(path.join(ROOT, 'src/workspace/index.ts'))}
      import {Store} from ${JSON.stringify(path.join(ROOT, 'src/store/index.ts'))}
      const ws = await openWorkspace({flag: ${JSON.stringify(ws.root)}})
      const playbook = {apiVersion: 'commops/v1', kind: 'Playbook', name: 'doomed', phase: 'launch', steps: [{id: 'a', uses: 'note', with: {message: 'x'}}]}
      const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars: {}, locale: 'en'})
      await gen.next()
      process.kill(process.pid, 'SIGKILL')
    `
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: ROOT,
        stdio: ['ignore', 'inherit', 'inherit'],
      })
      child.on('error', reject)
      child.on('close', (_, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`child ended without being killed (${signal})`))))
    })
    const db = await Store.at(ws.root).read()
    expect(db.runs).toHaveLength(1)
    expect(db.runs[0]).toMatchObject({id: 'R1', playbook: 'doomed', status: 'running'})
    expect(runStatus(db.runs[0])).toBe('interrupted')

    // the next run gets the next id and marks the dead one interrupted in the store
    const {record} = await run(ws, pb('alpha'))
    expect(record.id).toBe('R2')
    const after = await Store.at(ws.root).read()
    expect(after.runs.map((r) => [r.id, r.status])).toEqual([
      ['R1', 'interrupted'],
      ['R2', 'changed'],
    ])
  }, 30_000)
})
