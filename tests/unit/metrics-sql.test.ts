/** The SQL (src/metrics/sql.ts) run by DuckDB and the engine give the same figures on a seeded dataset. */
import {DuckDBInstance} from '@duckdb/node-api'
import {mkdtemp, readdir, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {eventLine, generateEvents} from '../../scripts/lib/gen-events.mjs'
import {importEvents} from '../../src/events/service.js'
import {personIndex} from '../../src/members/identity.js'
import {linkMembers} from '../../src/members/service.js'
import {computeMetrics, type MetricsWorkspace} from '../../src/metrics/service.js'
import {metricsSql, SQL_METRICS, type MetricsSqlRequest} from '../../src/metrics/sql.js'
import type {MetricFilter, Period} from '../../src/metrics/types.js'
import {roundValue} from '../../src/metrics/values.js'
import {Store} from '../../src/store/index.js'

const ZONE = 'Asia/Shanghai'
let ws: MetricsWorkspace
let store: Store
let files: string[]
let events = 0

beforeAll(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'commops-sql-'))
  const lines: string[] = []
  for (const e of generateEvents({seed: 11, from: '2026-06-01', to: '2026-09-30', members: 1500, names: 'id', platform: 'discord'}))
    lines.push(eventLine(e))
  events = lines.length
  await writeFile(path.join(root, 'activity.ndjson'), lines.join('\n') + '\n')
  store = Store.at(root)
  ws = {root, community: {timezone: ZONE, goals: []}}
  await importEvents(store, {path: path.join(root, 'activity.ndjson'), display: 'activity.ndjson', zone: ZONE, now: new Date()})
  // two identities of one person (and a third): metrics count people
  await linkMembers(store, ['discord:100003', 'discord:100004', 'discord:100010'], {now: new Date()})
  await linkMembers(store, ['discord:100020', 'discord:100021'], {now: new Date()})
  const dir = path.join(root, '.commops', 'events')
  files = (await readdir(dir)).filter((f) => /^B\d+\.ndjson$/.test(f)).map((f) => path.join(dir, f))
}, 120_000)

async function duckdb(request: Omit<MetricsSqlRequest, 'files' | 'zone'>): Promise<Record<string, unknown>> {
  const db = await DuckDBInstance.create(':memory:')
  const connection = await db.connect()
  const reader = await connection.runAndReadAll(metricsSql({...request, files, zone: ZONE}))
  const [row] = reader.getRowObjectsJS()
  connection.closeSync()
  return row
}

const period = (from: string, to: string): Period => ({label: `${from}..${to}`, from, to, unit: 'custom', zone: ZONE})

async function compare(p: Period, filter: MetricFilter = {}) {
  const set = await computeMetrics(ws, store, {window: p, filter})
  const db = await store.read()
  const row = await duckdb({period: p, filter, personMap: personIndex(db.memberLinks)})
  const engine: Record<string, number | null> = {}
  const sql: Record<string, number | null> = {}
  for (const id of SQL_METRICS) {
    const value = set.values.find((v) => v.id === id)!
    engine[id] = value.value
    const raw = row[id]
    sql[id] = raw === null ? null : roundValue(Number(raw), value.unit)
  }
  return {engine, sql}
}

describe('metrics as SQL', {timeout: 120_000}, () => {
  it('the dataset is big enough to mean something', () => {
    expect(events).toBeGreaterThan(20_000)
    expect(events).toBeLessThan(60_000)
  })

  const cases: Array<[string, Period, MetricFilter]> = [
    ['a quarter', period('2026-07-01', '2026-09-30'), {}],
    ['a month', period('2026-08-01', '2026-08-31'), {}],
    ['a week, one channel', period('2026-09-07', '2026-09-13'), {channel: ['general', 'tips']}],
  ]
  for (const [name, p, filter] of cases) {
    it(`DuckDB and the engine agree on every event metric: ${name}`, async () => {
      const {engine, sql} = await compare(p, filter)
      for (const id of SQL_METRICS) {
        if (engine[id] === null || sql[id] === null) expect(sql[id], id).toBe(engine[id])
        else expect(Math.abs(sql[id] - engine[id]), `${id}: sql ${sql[id]} engine ${engine[id]}`).toBeLessThanOrEqual(1e-9)
      }
      expect(Object.values(engine).filter((v) => v !== null).length).toBeGreaterThan(15)
    })
  }
})

describe('metrics as SQL, membership by instant', () => {
  it('a member who joins and leaves the same day is not a member at its end; one who leaves the next day was at its start', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'commops-sql-'))
    const file = path.join(dir, 'a.ndjson')
    const e = (ts: string, type: string, member: string) => JSON.stringify({ts, type, member, src: `${member}:${type}:${ts}`})
    await writeFile(
      file,
      [
        e('2026-08-01T09:00:00+08:00', 'join', 'qq:1'),
        e('2026-08-01T10:00:00+08:00', 'post', 'qq:1'),
        e('2026-08-01T23:00:00+08:00', 'leave', 'qq:1'),
        e('2026-08-01T09:00:00+08:00', 'join', 'qq:2'),
        e('2026-08-02T08:00:00+08:00', 'leave', 'qq:2'),
        e('2026-08-01T09:30:00+08:00', 'join', 'qq:3'),
      ].join('\n') + '\n',
    )
    const db = await DuckDBInstance.create(':memory:')
    const connection = await db.connect()
    const day = async (d: string) => {
      const reader = await connection.runAndReadAll(metricsSql({period: {from: d, to: d}, zone: ZONE, files: [file]}))
      return reader.getRowObjectsJS()[0]
    }
    expect(Number((await day('2026-08-01')).members_total)).toBe(2)
    const next = await day('2026-08-02')
    expect(Number(next.members_total)).toBe(1)
    expect(next.churn_rate).toBe(0.5)
    connection.closeSync()
  })
})
