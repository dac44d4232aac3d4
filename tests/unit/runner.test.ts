import {mkdtemp, readFile, symlink, writeFile, mkdir} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it, vi} from 'vitest'
import {parse} from 'yaml'
import {loadPlaybook} from '../../src/playbook/load.js'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import {normalizeVars} from '../../src/playbook/vars.js'
import type {Playbook} from '../../src/playbook/types.js'
import {DbFile} from '../../src/store/db-file.js'
import {Store} from '../../src/store/index.js'
import type {Workspace} from '../../src/workspace/index.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

const NOW = new Date('2026-11-30T02:00:00Z')

async function run(
  ws: Workspace,
  playbook: Playbook,
  options: {vars?: Record<string, unknown>; dryRun?: boolean; only?: string[]; force?: boolean} = {},
) {
  const events: StepEvent[] = []
  const defaults = Object.fromEntries(Object.entries(normalizeVars(playbook.vars ?? {}).decls).map(([k, d]) => [k, d.default]))
  const gen = runPlaybook({
    playbook,
    ws,
    store: Store.at(ws.root),
    vars: {...defaults, ...options.vars},
    locale: 'en',
    dryRun: options.dryRun,
    only: options.only,
    force: options.force,
    now: NOW,
    user: 'tester',
  })
  for (;;) {
    const next = await gen.next()
    if (next.done) return {record: next.value, events, byId: Object.fromEntries(events.map((e) => [e.id, e]))}
    if (!('starting' in next.value)) events.push(next.value)
  }
}

const pb = (yaml: string): Playbook => parse(`apiVersion: commops/v1\nkind: Playbook\nname: t\nphase: launch\n${yaml}`) as Playbook

const LAUNCH = pb(`
vars: {start: 2026-12-01, weeks: 4}
steps:
  - id: positioning
    uses: positioning.check
  - id: setup
    uses: tasks.create
    with:
      tasks:
        - {title: Invite seed users, owner: lead, due: +3d}
        - {title: Pin the rules, due: "\${{ addDays(vars.start, -1) }}"}
  - id: hello
    uses: note
    with: {message: "Launch \${{ vars.start }} for \${{ vars.weeks }} weeks"}
  - id: export
    uses: export
    with: {artifacts: [positioning, setup, hello], formats: [md, json]}
`)

describe('playbook runner', () => {
  it('dry run computes the plan and the diff but writes nothing at all', async () => {
    const ws = await sampleWorkspace()
    const before = await treeHash(ws.root)
    const {record, byId} = await run(ws, LAUNCH, {dryRun: true})
    expect(record.status).toBe('changed')
    expect(byId.setup.diff).toContainEqual(expect.stringContaining('+ task "Invite seed users" @lead due 2026-12-03'))
    expect(byId.export.diff!.some((d) => d.startsWith('+ file out/t-setup.md'))).toBe(true)
    expect(await treeHash(ws.root)).toEqual(before)
    expect(existsSync(path.join(ws.root, '.commops', 'db.json'))).toBe(false)
    expect(existsSync(path.join(ws.root, 'out'))).toBe(false)
  })

  it('writes artifacts, tasks and files, and a second run with the same inputs changes nothing', async () => {
    const ws = await sampleWorkspace()
    const first = await run(ws, LAUNCH)
    expect(first.events.map((e) => e.status)).toEqual(['changed', 'changed', 'changed', 'changed'])
    const db1 = await Store.at(ws.root).read()
    const out1 = await treeHash(path.join(ws.root, 'out'))
    expect(db1.tasks.map((t) => [t.id, t.title, t.due])).toEqual([
      ['T1', 'Invite seed users', '2026-12-03'],
      ['T2', 'Pin the rules', '2026-11-30'],
    ])
    expect(await readFile(path.join(ws.root, 'out', 't-hello.md'), 'utf8')).toContain('Launch 2026-12-01 for 4 weeks')

    const second = await run(ws, LAUNCH)
    expect(second.events.map((e) => e.status)).toEqual(['ok', 'ok', 'ok', 'ok'])
    const db2 = await Store.at(ws.root).read()
    expect(db2.artifacts).toEqual(db1.artifacts)
    expect(db2.tasks).toEqual(db1.tasks)
    expect(db2.files).toEqual(db1.files)
    expect(await treeHash(path.join(ws.root, 'out'))).toEqual(out1)
    expect(db2.runs.map((r) => [r.id, r.status])).toEqual([
      ['R1', 'changed'],
      ['R2', 'ok'],
    ])
  })

  it('a changed input changes only the steps that depend on it', async () => {
    const ws = await sampleWorkspace()
    await run(ws, LAUNCH)
    const {byId} = await run(ws, LAUNCH, {vars: {start: '2026-12-01', weeks: 6}})
    expect(byId.positioning.status).toBe('ok')
    expect(byId.setup.status).toBe('ok')
    expect(byId.hello.status).toBe('changed')
    expect(byId.export.status).toBe('changed')
    expect(byId.export.diff).toContainEqual(expect.stringContaining('~ file out/t-hello.md'))
    expect(await readFile(path.join(ws.root, 'out', 't-hello.md'), 'utf8')).toContain('for 6 weeks')
  })

  it('a failed step stops its dependants, keeps earlier results and records the run as failed', async () => {
    const ws = await sampleWorkspace()
    const failing = pb(`
steps:
  - id: setup
    uses: tasks.create
    with: {tasks: [{title: First}]}
  - id: gate
    uses: assert
    with: {that: "\${{ steps.setup.outputs.count > 5 }}", message: Need more than five tasks}
  - id: after
    uses: note
    needs: [gate]
    with: {message: never}
  - id: independent
    uses: note
    with: {message: still runs}
`)
    const {record, byId} = await run(ws, failing)
    expect(byId.setup.status).toBe('changed')
    expect(byId.gate.status).toBe('failed')
    expect(byId.gate.error?.message).toContain('Need more than five tasks')
    expect(byId.after.status).toBe('skipped')
    expect(byId.independent.status).toBe('changed')
    expect(record.status).toBe('failed')
    const db = await Store.at(ws.root).read()
    expect(db.tasks.map((t) => t.title)).toEqual(['First'])
    expect(db.runs[0]).toMatchObject({status: 'failed', steps: expect.arrayContaining([expect.objectContaining({id: 'gate', status: 'failed'})])})
  })

  it('`when` skips a step and its dependants; --only runs a step and what it needs', async () => {
    const ws = await sampleWorkspace()
    const p = pb(`
vars: {monthly: false}
steps:
  - id: a
    uses: note
    with: {message: a}
  - id: b
    uses: note
    when: "\${{ vars.monthly }}"
    with: {message: b}
  - id: c
    uses: note
    with: {message: "after \${{ steps.b.outputs.message }}"}
  - id: d
    uses: note
    with: {message: "d after \${{ steps.a.outputs.message }}"}
`)
    const r1 = await run(ws, p, {vars: {monthly: false}, dryRun: true})
    expect(r1.events.map((e) => [e.id, e.status])).toEqual([
      ['a', 'changed'],
      ['b', 'skipped'],
      ['c', 'skipped'],
      ['d', 'changed'],
    ])
    const r2 = await run(ws, p, {vars: {monthly: false}, only: ['d'], dryRun: true})
    expect(r2.events.map((e) => [e.id, e.status])).toEqual([
      ['a', 'changed'],
      ['b', 'skipped'],
      ['c', 'skipped'],
      ['d', 'changed'],
    ])
    expect(r2.byId.b.messages?.[0]).toMatch(/--only/)
  })

  it('refuses export paths that leave the workspace: .., absolute, and a symlink pointing out', async () => {
    const ws = await sampleWorkspace()
    const outside = await mkdtemp(path.join(os.tmpdir(), 'commops-outside-'))
    await symlink(outside, path.join(ws.root, 'escape'))
    for (const out of ['../evil', outside, 'escape/inner', 'out/../../evil']) {
      const p = pb(`
steps:
  - id: n
    uses: note
    with: {message: hi}
  - id: x
    uses: export
    with: {artifacts: [n], out: ${JSON.stringify(out)}}
`)
      const {byId} = await run(ws, p)
      expect(byId.x.status, out).toBe('failed')
      expect(byId.x.error?.message, out).toMatch(/outside the workspace/)
    }
    expect(await treeHash(outside)).toEqual({})
  })

  it('never overwrites a file it did not write, unless forced', async () => {
    const ws = await sampleWorkspace()
    await mkdir(path.join(ws.root, 'out'))
    await writeFile(path.join(ws.root, 'out', 't-n.md'), 'my own notes\n')
    const p = pb(`
steps:
  - id: n
    uses: note
    with: {message: hi}
  - id: x
    uses: export
    with: {artifacts: [n]}
`)
    const {byId} = await run(ws, p)
    expect(byId.x.status).toBe('failed')
    expect(byId.x.error?.message).toContain('out/t-n.md')
    expect(await readFile(path.join(ws.root, 'out', 't-n.md'), 'utf8')).toBe('my own notes\n')
    const forced = await run(ws, p, {force: true})
    expect(forced.byId.x.status).toBe('changed')
    expect(await readFile(path.join(ws.root, 'out', 't-n.md'), 'utf8')).toContain('hi')
  })

  it('an expression that fails at run time fails its step with the location in the input', async () => {
    const ws = await sampleWorkspace()
    const p = pb(`
vars: {start: nope}
steps:
  - id: t
    uses: tasks.create
    with: {tasks: [{title: x, due: "\${{ addDays(vars.start, 1) }}"}]}
`)
    const {byId} = await run(ws, p, {dryRun: true})
    expect(byId.t.status).toBe('failed')
    expect(byId.t.error?.message).toContain('/tasks/0/due')
  })

  it('export with ifMissing: skip exports what exists; a task key keeps one task across languages', async () => {
    const ws = await sampleWorkspace()
    const p = pb(`
steps:
  - id: a
    uses: tasks.create
    with: {tasks: [{title: {zh-CN: 周复盘, en: Weekly review}, owner: {zh-CN: 版主, en: moderator}, key: weekly-review}]}
  - id: b
    uses: note
    when: false
    with: {message: never}
  - id: e
    uses: export
    with: {artifacts: [a, b], ifMissing: skip}
`)
    const {byId} = await run(ws, p)
    expect(byId.e.status).toBe('changed')
    expect(byId.e.outputs.files).toEqual(['out/t-a.md'])
    const gen = runPlaybook({playbook: p, ws, store: Store.at(ws.root), vars: {}, locale: 'zh-CN', now: NOW})
    for (let next = await gen.next(); !next.done; next = await gen.next()) void next
    const db = await Store.at(ws.root).read()
    expect(db.tasks).toHaveLength(1)
    expect(db.tasks[0]).toMatchObject({id: 'T1', title: 'Weekly review'})
  })
})

describe('playbook vars', () => {
  it('defaults may read run.* and are typed; --var values are coerced; mistakes are usage errors', async () => {
    const {resolveVars} = await import('../../src/playbook/vars.js')
    const decls = normalizeVars({
      start: {type: 'date', default: '${{ addDays(run.date, 1) }}'},
      weeks: 4,
      live: {type: 'boolean', default: false},
    }).decls
    expect(resolveVars(decls, [], 'en', {run: {date: '2026-11-30'}})).toEqual({start: '2026-12-01', weeks: 4, live: false})
    expect(resolveVars(decls, ['weeks=6', 'live=yes'], 'en', {run: {date: '2026-11-30'}})).toMatchObject({weeks: 6, live: true})
    expect(() => resolveVars(decls, ['weeks=six'], 'en', {run: {date: '2026-11-30'}})).toThrow(expect.objectContaining({exitCode: 2}))
    expect(() => resolveVars(decls, ['wekks=6'], 'en', {run: {date: '2026-11-30'}})).toThrow(
      expect.objectContaining({exitCode: 2, code: 'var.unknown'}),
    )
  })
})

describe('store access of a playbook run', () => {
  it('reads db.json once per update and never between them: the built-in launch playbook on the sample', async () => {
    const ws = await sampleWorkspace('en')
    const {playbook} = await loadPlaybook('launch', {root: ws.root, locale: 'en'})
    const reads = vi.spyOn(DbFile.prototype, 'read')
    const writes = vi.spyOn(DbFile.prototype, 'write')
    try {
      const {record, events} = await run(ws, playbook, {vars: {start: '2026-12-28', weeks: 4}})
      expect(record.status).toBe('changed')
      // one update reserves the run; a step that writes files writes them in two (the intent first, see
      // writeOwnedFiles), the second with the changes of the steps before it; one update finishes the run with the
      // changes left; every update reads the store once, under its lock, and nothing reads it between them
      const changed = events.filter((e) => e.status === 'changed')
      const withFiles = changed.filter((e) => e.diff?.some((d) => /^[+~] file /.test(d)))
      expect(changed.length).toBe(12)
      expect(withFiles.length).toBe(2)
      const updates = 1 + 2 * withFiles.length + 1
      expect(writes.mock.calls.length).toBe(updates)
      expect(reads.mock.calls.length).toBe(updates)
      // the bound for this playbook: 6 and 6 (29 opens and 16 rewrites when each step read and wrote the store)
      expect(reads.mock.calls.length).toBeLessThanOrEqual(6)
      expect(writes.mock.calls.length).toBeLessThanOrEqual(6)
      // and all of it is in the store: every step's artifacts and tasks, the finished run
      const stored = await Store.at(ws.root).read()
      expect(stored.runs.at(-1)).toMatchObject({id: record.id, status: 'changed'})
      expect(stored.runs.at(-1)!.pid).toBeUndefined()
      for (const id of Object.keys(record.inputHashes)) {
        const step = events.find((e) => e.id === id)!
        if (step.status === 'changed' && !['note', 'assert', 'export'].includes(step.uses))
          expect(Object.values(stored.artifacts).some((a) => a.step === id) || stored.tasks.some((t) => t.source?.step === id), id).toBe(true)
      }
      expect(Object.values(stored.files).filter((f) => f.run === record.id).length).toBeGreaterThan(0)
    } finally {
      reads.mockRestore()
      writes.mockRestore()
    }
  })
})
