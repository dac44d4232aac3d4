import {mkdir, mkdtemp, symlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {overviewRow, scoreDelta, sortRows, trendArrow, type OverviewRow} from '../../src/overview/rows.js'
import {overviewWorkspaces} from '../../src/overview/service.js'
import type {Scorecard} from '../../src/scorecard/types.js'
import {defaultDb, type RunRecord, type Task} from '../../src/store/index.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {treeHash} from '../helpers/workspace.js'

const GRADES = [
  {grade: 'A', min: 90},
  {grade: 'B', min: 75},
  {grade: 'C', min: 60},
  {grade: 'D', min: 40},
  {grade: 'F', min: 0},
]

function card(
  label: string,
  from: string,
  to: string,
  score: number | null,
  o: {filter?: Record<string, string>; computedAt?: string} = {},
): Scorecard {
  const grade = score === null ? null : GRADES.find((g) => score >= g.min)!.grade
  return {
    key: o.filter ? `${label} channel=${o.filter.channel}` : label,
    period: {label, from, to, unit: 'month', zone: 'Asia/Shanghai'},
    filter: o.filter ?? {},
    spec: {name: 'default', hash: 'h', source: 'default', grades: GRADES},
    inputsHash: 'x',
    computedAt: o.computedAt ?? `${to}T23:00:00Z`,
    score,
    grade,
    dimensions: [],
  }
}

const task = (id: string, due: string | undefined, status: Task['status'] = 'open'): Task => ({
  id,
  title: id,
  due,
  status,
  createdAt: '2026-01-01T00:00:00Z',
})
const run = (id: string, startedAt: string, status: RunRecord['status'] = 'ok'): RunRecord => ({
  id,
  playbook: 'launch',
  vars: {},
  inputHashes: {},
  status,
  steps: [],
  user: 'me',
  startedAt,
  durationMs: 1,
})

describe('overview rows', () => {
  it('takes the latest unfiltered scorecard and its trend against the previous one', () => {
    const db = defaultDb()
    for (const c of [
      card('2026-09', '2026-09-01', '2026-09-30', 61.2),
      card('2026-10', '2026-10-01', '2026-10-31', 70.5),
      card('2026-11', '2026-11-01', '2026-11-30', 99, {filter: {channel: 'wechat-main'}}),
    ])
      db.scorecards[c.key] = c
    const row = overviewRow({dir: 'acme', name: 'Acme', timezone: 'Asia/Shanghai', db, now: new Date('2026-12-01T00:00:00Z')})
    expect(row.scorecard).toMatchObject({
      key: '2026-10',
      period: '2026-10',
      score: 70.5,
      grade: 'C',
      trend: {previous: '2026-09', from: 61.2, delta: 9.3},
    })
    expect(trendArrow(row.scorecard!.trend!.delta)).toBe('↑')
    const alone = defaultDb()
    alone.scorecards['2026-10'] = card('2026-10', '2026-10-01', '2026-10-31', null)
    const r2 = overviewRow({dir: 'b', name: 'B', timezone: 'UTC', db: alone, now: new Date()})
    expect(r2.scorecard).toMatchObject({score: null, grade: null})
    expect(r2.scorecard!.trend).toBeUndefined()
  })

  it('counts a task overdue from the day after its due date in the workspace timezone', () => {
    const db = defaultDb()
    db.tasks = [task('T1', '2026-12-01'), task('T2', '2026-12-02'), task('T3', undefined), task('T4', '2020-01-01', 'done'), task('T5', '2026-11-30')]
    // 2026-12-01T20:00Z is already 12-02 in Shanghai, still 12-01 in New York
    const now = new Date('2026-12-01T20:00:00Z')
    const sh = overviewRow({dir: 'a', name: 'A', timezone: 'Asia/Shanghai', db, now})
    const ny = overviewRow({dir: 'a', name: 'A', timezone: 'America/New_York', db, now})
    expect(sh.tasks).toEqual({open: 4, overdue: 2})
    expect(ny.tasks).toEqual({open: 4, overdue: 1})
  })

  it('shows the latest run in the workspace timezone and the events imported', () => {
    const db = defaultDb()
    db.runs = [run('R1', '2026-11-01T10:00:00Z'), run('R2', '2026-11-30T18:00:00Z', 'running'), run('R3', '2026-11-03T10:00:00Z')]
    db.eventBatches = [{events: 100}, {events: 23}] as typeof db.eventBatches
    const row = overviewRow({dir: 'a', name: 'A', timezone: 'Asia/Shanghai', db, now: new Date(), runStatus: () => 'interrupted'})
    expect(row.lastRun).toEqual({id: 'R2', date: '2026-12-01', playbook: 'launch', status: 'interrupted'})
    expect(row.events).toEqual({imported: 123, batches: 2})
  })

  it('sorts by name (pinyin in Chinese), grade, score or overdue; unread rows last', () => {
    const row = (dir: string, name: string, score: number | null, overdue: number): OverviewRow => ({
      dir,
      name,
      ...(score !== null && {
        scorecard: {key: 'k', period: 'p', score, grade: GRADES.find((g) => score >= g.min)!.grade, grades: GRADES.map((g) => g.grade)},
      }),
      tasks: {open: overdue, overdue},
    })
    const rows = [
      row('z', '张三社群', 80, 0),
      row('a', '阿里社群', 95, 3),
      row('b', 'Beta', null, 5),
      {dir: 'x', error: {code: 'store.corrupt', message: 'bad'}},
    ]
    // 阿 (ā) before 张 (zhāng): pinyin order, not code points
    expect(
      sortRows(rows, 'name', 'zh-CN')
        .map((r) => r.dir)
        .filter((d) => d !== 'b'),
    ).toEqual(['a', 'z', 'x'])
    expect(sortRows(rows, 'name', 'en').at(-1)!.dir).toBe('x')
    expect(sortRows(rows, 'grade', 'en').map((r) => r.dir)).toEqual(['a', 'z', 'b', 'x'])
    expect(sortRows(rows, 'score', 'en').map((r) => r.dir)).toEqual(['a', 'z', 'b', 'x'])
    expect(sortRows(rows, 'overdue', 'en').map((r) => r.dir)).toEqual(['b', 'a', 'z', 'x'])
    expect(scoreDelta(70.1, 61.3)).toBe(-8.8)
    expect(scoreDelta(null, 3)).toBeNull()
    expect(trendArrow(0)).toBe('→')
  })
})

describe('overview service', () => {
  it('reads the folder itself and its direct sub-folders, skips plain folders and links out, writes nothing', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'commops-overview-'))
    const dir = path.join(tmp, 'clients')
    const init = (sub: string, name: string) =>
      initWorkspace({dir: path.join(dir, sub), name, locale: 'en', timezone: 'Asia/Shanghai', platforms: [], type: 'interest'})
    await init('.', 'Agency')
    await init('acme', 'Acme')
    await init(path.join('acme', 'nested'), 'Nested')
    await mkdir(path.join(dir, 'plain'))
    await writeFile(path.join(dir, 'plain', 'notes.txt'), 'hi')
    await mkdir(path.join(dir, 'odd', 'community.yaml'), {recursive: true})
    await initWorkspace({dir: path.join(tmp, 'outside'), name: 'Outside', locale: 'en', timezone: 'UTC', platforms: [], type: 'interest'})
    await symlink(path.join(tmp, 'outside'), path.join(dir, 'out-link'))
    await symlink(path.join(dir, 'acme'), path.join(dir, 'acme-again'))
    // a workspace whose community.yaml is a link out of it: refused, not read
    await mkdir(path.join(dir, 'yaml-link'))
    await symlink(path.join(tmp, 'outside', 'community.yaml'), path.join(dir, 'yaml-link', 'community.yaml'))
    // an old store whose migration would move responses out of db.json, and one written by a newer commops
    await init('old', 'Old')
    const oldDb = {version: 1, artifacts: {}, runs: [], tasks: [], counters: {}, files: {}, responses: [{survey: 'S1', rowHash: 'r', answers: {}}]}
    await writeFile(path.join(dir, 'old', '.commops', 'db.json'), JSON.stringify(oldDb))
    await init('newer', 'Newer')
    await writeFile(path.join(dir, 'newer', '.commops', 'db.json'), '{"version": 99}')
    const before = await treeHash(tmp)

    const result = await overviewWorkspaces(dir, {now: new Date(), locale: 'en', cwd: tmp})
    expect(result.rows.map((r) => [r.dir, r.name])).toEqual([
      ['acme', 'Acme'],
      ['.', 'Agency'],
      ['old', 'Old'],
      ['newer', 'Newer'],
      ['yaml-link', undefined],
    ])
    expect(result.rows[4].error).toMatchObject({code: 'file.symlinkOut'})
    expect(result.rows[3].error).toMatchObject({code: 'store.newer', location: path.join('clients', 'newer', '.commops', 'db.json')})
    expect(result.rows[3].error!.message).toContain('store version 99')
    expect(result.skipped).toEqual([{dir: 'out-link', target: await import('node:fs').then((fs) => fs.realpathSync(path.join(tmp, 'outside')))}])
    expect(await treeHash(tmp)).toEqual(before)

    await expect(overviewWorkspaces(path.join(tmp, 'missing'), {now: new Date(), locale: 'en'})).rejects.toMatchObject({
      code: 'overview.dirMissing',
      exitCode: 2,
    })
  })
})
