/** `overview` end to end: a consultant's clients/ folder with a graded client, a fresh one, a damaged one and a plain folder. */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import stringWidth from 'string-width'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {importEvents} from '../../src/events/service.js'
import type {OverviewResult} from '../../src/overview/service.js'
import {computeScorecard, type MetricSource} from '../../src/scorecard/service.js'
import {finishRun, reserveRun, Store} from '../../src/store/index.js'
import {addTask} from '../../src/tasks/service.js'
import {openWorkspace} from '../../src/workspace/index.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, runCli} from '../helpers/cli.js'
import {metricSet} from '../helpers/metric-sets.js'
import {treeHash} from '../helpers/workspace.js'

let tmp: string
let clients: string
const now = new Date()

/** Hand-made figures by period, graded by the real scorecard service against the sample's goals. */
const source: MetricSource = async (_ws, _store, request) =>
  request.period === '2026-09'
    ? metricSet('2026-09', {stickiness: 0.1, wau: 200, churn_rate: 0.06, csat: 0.7})
    : metricSet('2026-10', {stickiness: 0.15, wau: 300, churn_rate: 0.03, csat: 0.9})

beforeAll(async () => {
  tmp = await makeTempDir()
  clients = path.join(tmp, 'clients')
  // acme: graded twice, two open tasks (one overdue), a playbook run and an import
  const acmeDir = path.join(clients, 'acme')
  await initWorkspace({dir: acmeDir, name: 'Acme 米粉俱乐部', locale: 'zh-CN', timezone: 'Asia/Shanghai', platforms: [], type: 'brand', sample: true})
  const acme = await openWorkspace({flag: acmeDir})
  const store = Store.at(acmeDir)
  for (const period of ['2026-09', '2026-10']) await computeScorecard(store, acme, {period, now}, source)
  await addTask(store, acme, {title: '补充用户画像', due: '2020-01-01'}, {now})
  await addTask(store, acme, {title: '预订见面会场地', due: '7d'}, {now})
  const lines = ['qq:1', 'qq:2', 'qq:3'].map((m, i) =>
    JSON.stringify({ts: `2026-10-0${i + 1}T10:00:00+08:00`, type: 'post', member: m, src: `s${i}`}),
  )
  await writeFile(path.join(acmeDir, 'data', 'a.ndjson'), lines.join('\n') + '\n')
  await importEvents(store, {path: path.join(acmeDir, 'data', 'a.ndjson'), display: 'data/a.ndjson', zone: acme.timezone, now})
  const {id} = await reserveRun(store, {playbook: 'maintain', vars: {}, user: 'tester', startedAt: '2026-11-02T02:00:00.000Z'})
  await finishRun(store, {
    id,
    playbook: 'maintain',
    vars: {},
    inputHashes: {},
    status: 'changed',
    steps: [],
    user: 'tester',
    startedAt: '2026-11-02T02:00:00.000Z',
    durationMs: 5,
  })
  // beta: fresh from init
  await initWorkspace({
    dir: path.join(clients, 'beta'),
    name: 'Beta Club',
    locale: 'en',
    timezone: 'America/New_York',
    platforms: [],
    type: 'interest',
  })
  // damaged: a db.json cut short
  await initWorkspace({dir: path.join(clients, 'damaged'), name: 'Damaged', locale: 'en', timezone: 'UTC', platforms: [], type: 'interest'})
  await writeFile(path.join(clients, 'damaged', '.commops', 'db.json'), '{"version": 4, "tasks": [')
  // a plain folder: not a workspace, not shown
  await mkdir(path.join(clients, 'invoices'))
  await writeFile(path.join(clients, 'invoices', '2026-10.pdf'), 'x')
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('overview', () => {
  it('shows one row per client workspace, the damaged one with its error, and changes nothing', async () => {
    const before = await treeHash(clients)
    const json = await runCli(['overview', 'clients', '--json'], {cwd: tmp})
    expect(json.code, json.stderr).toBe(0)
    const result = JSON.parse(json.stdout) as OverviewResult
    expect(result.rows.map((r) => r.dir)).toEqual(['acme', 'beta', 'damaged'])
    const [acme, beta, damaged] = result.rows
    expect(acme).toMatchObject({
      name: 'Acme 米粉俱乐部',
      scorecard: {key: '2026-10', period: '2026-10', grade: expect.any(String), trend: {previous: '2026-09', delta: expect.any(Number)}},
      tasks: {open: 2, overdue: 1},
      lastRun: {playbook: 'maintain', status: 'changed', date: '2026-11-02'},
      events: {imported: 3, batches: 1},
    })
    expect(acme.scorecard!.trend!.delta).toBeGreaterThan(0)
    expect(beta).toMatchObject({name: 'Beta Club', tasks: {open: 0, overdue: 0}, events: {imported: 0}})
    expect(beta.scorecard).toBeUndefined()
    expect(damaged).toMatchObject({dir: 'damaged', name: 'Damaged', error: {code: 'store.corrupt'}})
    expect(damaged.error!.message).toContain(path.join('clients', 'damaged', '.commops', 'db.json'))

    const text = await runCli(['overview', 'clients', '--sort', 'overdue'], {cwd: tmp, env: {COLUMNS: '120'}})
    expect(text.code, text.stderr).toBe(0)
    expect(hasStackTrace(text.stderr)).toBe(false)
    const lines = text.stdout.split('\n')
    expect(lines[0]).toMatch(/^Folder\s+Client\s+Period\s+Score\s+Grade\s+Trend\s+Open\s+Overdue\s+Last run\s+Events$/)
    const card = acme.scorecard!
    expect(lines[1]).toMatch(
      new RegExp(`^acme\\s+Acme 米粉俱乐部\\s+2026-10\\s+${card.score}\\s+${card.grade}\\s+↑ \\+${card.trend!.delta}\\s+2\\s+1\\s+2026-11-02`),
    )
    expect(lines[2]).toMatch(/^beta\s+Beta Club\s+—\s+0\s+0\s+—\s+0$/)
    expect(lines[3]).toMatch(/^✗ damaged \(Damaged\) {2}The store clients\/damaged\/\.commops\/db\.json cannot be read: /)
    expect(text.stdout).toContain('3 workspaces, 1 could not be read.')
    // CJK measured by display width: the columns after the name line up in every row
    const column = (line: string, text: string) => stringWidth(line.slice(0, line.indexOf(text)))
    expect(column(lines[1], '2026-10')).toBe(column(lines[0], 'Period'))
    expect(column(lines[2], '—')).toBe(column(lines[0], 'Period'))
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(120)

    expect(await treeHash(clients)).toEqual(before)
  })

  it('a folder that does not exist is a usage error', async () => {
    const missing = await runCli(['overview', 'nowhere', '--lang', 'zh-CN'], {cwd: tmp})
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('文件夹 nowhere 不存在')
    expect(hasStackTrace(missing.stderr)).toBe(false)
  })
})
