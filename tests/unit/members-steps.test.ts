/** The members.points, members.levels and members.badges steps: outputs for later steps; a rerun changes nothing. */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {importEvents} from '../../src/events/service.js'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {Store} from '../../src/store/index.js'
import type {Workspace} from '../../src/workspace/index.js'
import {sampleWorkspace} from '../helpers/workspace.js'

const NOW = new Date('2026-12-02T02:00:00Z')

const playbook = parse(`
apiVersion: commops/v1
kind: Playbook
name: t
phase: maintain
steps:
  - id: points
    uses: members.points
  - id: levels
    uses: members.levels
    with: {period: "2026-11"}
  - id: badges
    uses: members.badges
    needs: [points]
  - id: check
    uses: assert
    with: {that: "\${{ steps.points.outputs.total == 8 && steps.levels.outputs.new == 2 }}"}
`) as Playbook

async function run(ws: Workspace, dryRun = false): Promise<Record<string, StepEvent>> {
  const events: StepEvent[] = []
  const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars: {}, locale: 'en', now: NOW, user: 'tester', dryRun})
  for (;;) {
    const next = await gen.next()
    if (next.done) return Object.fromEntries(events.map((e) => [e.id, e]))
    if (!('starting' in next.value)) events.push(next.value)
  }
}

describe('members steps', () => {
  it('recompute the ledger, read the levels and award badges; a rerun is ok; a dry run writes nothing', async () => {
    const ws = await sampleWorkspace('en')
    const file = path.join(ws.root, 'data', 'a.ndjson')
    await mkdir(path.dirname(file), {recursive: true})
    // the en sample scores a post 2 points: 3 posts of qq:1 and one of qq:2 make 8
    const e = (ts: string, member: string) => JSON.stringify({ts, type: 'post', member, src: `${member}@${ts}`})
    await writeFile(
      file,
      [
        e('2026-11-20T10:00:00+08:00', 'qq:1'),
        e('2026-11-21T10:00:00+08:00', 'qq:1'),
        e('2026-11-22T10:00:00+08:00', 'qq:1'),
        e('2026-11-23T10:00:00+08:00', 'qq:2'),
      ].join('\n'),
    )
    await importEvents(Store.at(ws.root), {path: file, display: 'data/a.ndjson', zone: ws.timezone, now: NOW})

    const dry = await run(ws, true)
    expect(dry.points.outputs).toMatchObject({entries: 4, total: 8})
    expect((await Store.at(ws.root).read()).incentives).toEqual({})

    const first = await run(ws)
    expect(first.points.status).toBe('changed')
    expect(first.points.outputs).toMatchObject({entries: 4, members: 2, total: 8})
    expect(first.levels.outputs).toMatchObject({period: '2026-11', new: 2, core: 0, gravity: 2, gravityChange: 2, up: 0})
    expect(first.badges.status).toBe('changed')
    expect(first.badges.outputs).toMatchObject({awarded: 2, holders: {'first-post': 2}})
    expect(first.check.status).not.toBe('failed')
    const db = await Store.at(ws.root).read()
    expect(db.incentives.computed?.entries).toBe(4)
    expect(db.incentives.badges?.entries).toBe(2)

    const second = await run(ws)
    expect(second.points.status).toBe('ok')
    expect(second.badges.status).toBe('ok')
    expect(second.badges.outputs).toMatchObject({awarded: 0, holders: {'first-post': 2}})
  })
})
