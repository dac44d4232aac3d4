/** computeMetrics and metricSeries on a real workspace store: imported NDJSON, links, surveys, calendar, the inputs hash. */
import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'
import {importEvents} from '../../src/events/service.js'
import {linkMembers} from '../../src/members/service.js'
import {computeMetrics, metricSeries, type MetricsWorkspace} from '../../src/metrics/service.js'
import {METRICS} from '../../src/schema/kinds/common.js'
import {Store} from '../../src/store/index.js'

let root: string
let store: Store
let ws: MetricsWorkspace
const now = new Date('2026-12-02T00:00:00Z')

const line = (ts: string, type: string, member: string, extra: object = {}) =>
  JSON.stringify({ts, type, member, src: `${member}@${ts}#${type}`, channel: 'main', ...extra})

async function importLines(lines: string[], name = 'a.ndjson'): Promise<void> {
  const p = path.join(root, 'data', name)
  await mkdir(path.dirname(p), {recursive: true})
  await writeFile(p, lines.join('\n') + '\n')
  await importEvents(store, {path: p, display: `data/${name}`, zone: 'Asia/Shanghai', now})
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'commops-metrics-'))
  store = Store.at(root)
  ws = {root, community: {timezone: 'Asia/Shanghai', goals: []}}
})

describe('computeMetrics', () => {
  it('gives every metric, in order, for the last full month by default; n/a ones say why', async () => {
    await importLines([
      line('2026-11-02T10:00:00+08:00', 'join', 'qq:1'),
      line('2026-11-02T11:00:00+08:00', 'post', 'qq:1'),
      line('2026-11-03T23:30:00+08:00', 'post', 'discord:7'),
    ])
    const set = await computeMetrics(ws, store, {now})
    expect(set.period).toMatchObject({label: '2026-11', from: '2026-11-01', to: '2026-11-30', zone: 'Asia/Shanghai'})
    expect(set.values.map((v) => v.id)).toEqual([...METRICS])
    const v = Object.fromEntries(set.values.map((x) => [x.id, x]))
    expect(v.active_members.value).toBe(2)
    expect(v.csat).toMatchObject({value: null, reason: {key: 'metrics.na.noSurvey'}})
    expect(v.calendar_adherence).toMatchObject({value: null, reason: {key: 'metrics.na.noCalendar'}})
    expect(v.dau.days).toBeUndefined()
    expect(set.inputsHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('counts linked identities once, and linking changes the inputs hash', async () => {
    await importLines([line('2026-11-02T11:00:00+08:00', 'post', 'qq:1'), line('2026-11-03T11:00:00+08:00', 'post', 'discord:7')])
    const before = await computeMetrics(ws, store, {period: '2026-11', now})
    await linkMembers(store, ['qq:1', 'discord:7'], {now})
    const after = await computeMetrics(ws, store, {period: '2026-11', now})
    const active = (s: typeof before) => s.values.find((x) => x.id === 'active_members')!.value
    expect(active(before)).toBe(2)
    expect(active(after)).toBe(1)
    expect(after.inputsHash).not.toBe(before.inputsHash)
  })

  it('a series of weeks from one pass, with the days when asked', async () => {
    await importLines([line('2026-11-02T11:00:00+08:00', 'post', 'qq:1'), line('2026-11-10T11:00:00+08:00', 'post', 'qq:2')])
    const sets = await metricSeries(ws, store, {period: 'week', last: 3, now, days: true})
    expect(sets.map((s) => s.period.label)).toEqual(['2026-W46', '2026-W47', '2026-W48'])
    const dau = sets.map((s) => s.values.find((x) => x.id === 'dau')!)
    expect(dau[0].days).toHaveLength(7)
    expect(dau[0].inputs.active_days_total).toBe(1)
    expect(dau[2].value).toBe(null)
  })
})
