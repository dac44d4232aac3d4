/** The `metrics` step: the same figures as the command, as outputs later steps can use; a bad period fails the step. */
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

const playbook = (period: string) =>
  parse(`
apiVersion: commops/v1
kind: Playbook
name: t
phase: evaluate
steps:
  - id: metrics
    uses: metrics
    with: {period: "${period}"}
  - id: busy
    uses: assert
    with: {that: "\${{ steps.metrics.outputs.active_members >= 2 }}"}
`) as Playbook

async function run(ws: Workspace, pb: Playbook): Promise<Record<string, StepEvent>> {
  const events: StepEvent[] = []
  const gen = runPlaybook({playbook: pb, ws, store: Store.at(ws.root), vars: {}, locale: 'en', now: NOW, user: 'tester'})
  for (;;) {
    const next = await gen.next()
    if (next.done) return Object.fromEntries(events.map((e) => [e.id, e]))
    if (!('starting' in next.value)) events.push(next.value)
  }
}

describe('metrics step', () => {
  it('outputs every figure by id (null when n/a) for later steps', async () => {
    const ws = await sampleWorkspace('en')
    const file = path.join(ws.root, 'data', 'a.ndjson')
    await mkdir(path.dirname(file), {recursive: true})
    const e = (ts: string, member: string) => JSON.stringify({ts, type: 'post', member, src: `${member}@${ts}`})
    await writeFile(file, [e('2026-11-02T10:00:00+08:00', 'qq:1'), e('2026-11-03T10:00:00+08:00', 'qq:2')].join('\n'))
    await importEvents(Store.at(ws.root), {path: file, display: 'data/a.ndjson', zone: ws.timezone, now: NOW})
    const byId = await run(ws, playbook('2026-11'))
    expect(byId.metrics.status).toBe('changed')
    expect(byId.metrics.outputs).toMatchObject({period: '2026-11', from: '2026-11-01', active_members: 2, conversion_rate: null})
    expect(byId.busy.status).not.toBe('failed')
  })

  it('a period it cannot read fails the step with the message and hint', async () => {
    const ws = await sampleWorkspace('en')
    const byId = await run(ws, playbook('2026-13'))
    expect(byId.metrics.status).toBe('failed')
    expect(byId.metrics.error?.message).toContain('Cannot read the period `2026-13`')
    expect(byId.metrics.error?.hint).toContain('Write a month')
    expect(byId.metrics.error?.bug).toBeFalsy()
  })
})
