import {mkdir, mkdtemp, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {Store} from '../../src/store/index.js'
import type {Workspace} from '../../src/workspace/index.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

const NOW = new Date('2026-10-02T02:00:00Z')

function playbook(importPath: string, extra = ''): Playbook {
  return parse(`
apiVersion: commops/v1
kind: Playbook
name: t
phase: evaluate
steps:
  - id: activity
    uses: events.import
    with: {path: ${JSON.stringify(importPath)}${extra}}
  - id: enough
    uses: assert
    with: {that: "\${{ steps.activity.outputs.events > 1000 }}"}
`) as Playbook
}

async function run(ws: Workspace, pb: Playbook, options: {dryRun?: boolean} = {}) {
  const events: StepEvent[] = []
  const gen = runPlaybook({playbook: pb, ws, store: Store.at(ws.root), vars: {}, locale: 'en', dryRun: options.dryRun, now: NOW, user: 'tester'})
  for (;;) {
    const next = await gen.next()
    if (next.done) return {record: next.value, byId: Object.fromEntries(events.map((e) => [e.id, e]))}
    if (!('starting' in next.value)) events.push(next.value)
  }
}

describe('events.import step', () => {
  it('a dry run counts and writes nothing; a run imports; a rerun adds nothing and gives the same outputs', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const before = await treeHash(ws.root)
    const dry = await run(ws, playbook('data/activity.ndjson'), {dryRun: true})
    expect(dry.byId.activity.status).toBe('changed')
    expect(dry.byId.activity.diff).toEqual([expect.stringMatching(/^\+ events \d+ ← data\/activity\.ndjson \(ndjson\)$/)])
    expect(dry.byId.enough.status).toBe('ok')
    expect(await treeHash(ws.root)).toEqual(before)
    expect((await Store.at(ws.root).read()).eventBatches).toEqual([])

    const first = await run(ws, playbook('data/activity.ndjson'))
    expect(first.byId.activity.status).toBe('changed')
    const outputs = first.byId.activity.outputs as {events: number; rejected: number; format: string}
    expect(outputs).toMatchObject({format: 'ndjson', rejected: 0, skipped: 0})
    expect(outputs.events).toBe(dry.byId.activity.outputs.events)
    expect(first.byId.activity.messages?.join('\n')).toContain('batch B1')
    const db = await Store.at(ws.root).read()
    expect(db.eventBatches.map((b) => [b.id, b.events])).toEqual([['B1', outputs.events]])

    const second = await run(ws, playbook('data/activity.ndjson'))
    expect(second.byId.activity.status).toBe('ok')
    expect(second.byId.activity.diff).toEqual([])
    expect(second.byId.activity.outputs).toEqual(outputs)
    expect((await Store.at(ws.root).read()).eventBatches).toHaveLength(1)
  })

  it('reads only inside the workspace: .., absolute paths and a symlink out fail the step', async () => {
    const ws = await sampleWorkspace('en')
    const outside = await mkdtemp(path.join(os.tmpdir(), 'commops-outside-'))
    await writeFile(path.join(outside, 'x.ndjson'), '{"ts":"2026-07-01T10:00:00+02:00","type":"post","member":"discord:1","src":"s1"}\n')
    await mkdir(path.join(ws.root, 'data'), {recursive: true})
    await symlink(outside, path.join(ws.root, 'data', 'elsewhere'))
    for (const p of ['../x.ndjson', path.join(outside, 'x.ndjson'), 'data/elsewhere/x.ndjson']) {
      const r = await run(ws, playbook(p))
      expect(r.byId.activity.status, p).toBe('failed')
      expect(r.byId.enough.status).toBe('skipped')
    }
    expect((await Store.at(ws.root).read()).eventBatches).toEqual([])
  })

  it('passes the CSV options through: a preset and a channel', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await writeFile(
      path.join(ws.root, 'data', 'sheet.csv'),
      '时间,成员,类型,频道,话题\n2026-07-01 20:00,小王,发言,主群,t1\n2026-07-01 20:05,小李,回复,主群,t1\n',
    )
    const pb = parse(`
apiVersion: commops/v1
kind: Playbook
name: t
phase: evaluate
steps:
  - id: sheet
    uses: events.import
    with: {path: data/sheet.csv, preset: sheet-zh, channel: wechat-main}
`) as Playbook
    const r = await run(ws, pb)
    expect(r.byId.sheet.status).toBe('changed')
    expect(r.byId.sheet.outputs).toEqual({events: 2, format: 'csv', rejected: 0, skipped: 0})
    const [batch] = (await Store.at(ws.root).read()).eventBatches
    expect(batch).toMatchObject({from: '2026-07-01T20:00:00+08:00', to: '2026-07-01T20:05:00+08:00'})
  })
})
