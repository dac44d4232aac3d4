/**
 * The stored leaderboard (.commops/ledger/leaderboard.json): written by a points recompute (not by an award), read
 * by `members top` and the dashboard instead of every member's month totals; the same rows either way, and a file of
 * other inputs (links changed since), a damaged one or none at all is not read.
 */
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {beforeEach, describe, expect, it} from 'vitest'
import {importEvents} from '../../src/events/service.js'
import {awardPoints, ledgerSummary, recomputePoints, topMembers, type IncentivesWorkspace} from '../../src/members/incentives-service.js'
import {
  buildLeaderboard,
  LEADERBOARD_ROWS,
  leadersOf,
  monthPeriod,
  monthRangeTotals,
  quarterPeriod,
  storedLeaders,
  type StoredLeaderboard,
} from '../../src/members/leaderboard.js'
import {MonthColumns} from '../../src/members/month-columns.js'
import {monthTotals, type LedgerEntry} from '../../src/members/points.js'
import {linkMembers} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'
import {DateTime} from '../../src/util/luxon.js'

const ZONE = 'Asia/Shanghai'
const NOW = new Date('2026-12-02T02:00:00Z')

let root: string
let store: Store
let ws: IncentivesWorkspace
let file: string

/** Member i posts i times a day on the first i days of October and November (1 point a post). */
async function importPosts(): Promise<void> {
  const lines: string[] = []
  for (const month of ['10', '11'])
    for (let i = 1; i <= 6; i++)
      for (let d = 1; d <= i; d++)
        for (let k = 0; k < i; k++) {
          const ts = `2026-${month}-${String(d).padStart(2, '0')}T1${k}:00:00+08:00`
          lines.push(JSON.stringify({ts, type: 'post', member: `qq:${i}`, src: `qq:${i}@${ts}`}))
        }
  const p = path.join(root, 'data', 'posts.ndjson')
  await mkdir(path.dirname(p), {recursive: true})
  await writeFile(p, lines.join('\n') + '\n')
  await importEvents(store, {path: p, display: 'data/posts.ndjson', zone: ZONE, now: NOW})
}

const PERIODS = ['2026-10', '2026-11', '2026-12', '2026-Q4', '2026-09', '2026-W45']

/** Every period's rows, as `members top` gives them. */
const tops = async (limit?: number) => Promise.all(PERIODS.map(async (period) => (await topMembers(ws, store, {period, limit, now: NOW})).rows))

/** The rows computed without the stored leaderboard. */
async function computed(limit?: number) {
  const text = await readFile(file, 'utf8').catch(() => undefined)
  await rm(file, {force: true})
  const rows = await tops(limit)
  if (text !== undefined) await writeFile(file, text)
  return rows
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'commops-leaderboard-'))
  store = Store.at(root)
  ws = {root, community: {timezone: ZONE, incentives: {points: {post: 1}}}}
  file = path.join(root, '.commops', 'ledger', 'leaderboard.json')
  await importPosts()
})

describe('stored leaderboard', () => {
  it('a recompute stores it; members top reads it and gives the rows the month totals give; after an award, it works them out', async () => {
    await recomputePoints(ws, store, {now: NOW})
    const stored = JSON.parse(await readFile(file, 'utf8')) as StoredLeaderboard
    expect(stored.months).toEqual(['2026-10', '2026-11'])
    expect(stored.periods['2026-11-01/2026-11-30'].slice(0, 2)).toEqual([
      ['qq:6', 36, 72],
      ['qq:5', 25, 50],
    ])
    // a tie (qq:1 and qq:2 at 4 in December) shares its rank; an award leaves the file as it was (an award is one
    // short update), and the standings are worked out from the month totals until the next recompute
    await awardPoints(ws, store, {member: 'qq:1', points: 4, reason: 'meetup', now: new Date('2026-12-01T04:00:00Z')})
    await awardPoints(ws, store, {member: 'qq:2', points: 4, reason: 'meetup', now: new Date('2026-12-01T05:00:00Z')})
    expect((JSON.parse(await readFile(file, 'utf8')) as StoredLeaderboard).months).toEqual(['2026-10', '2026-11'])
    let [, , december] = await tops()
    expect(december.map((r) => [r.rank, r.member, r.points, r.total])).toEqual([
      [1, 'qq:1', 4, 6],
      [1, 'qq:2', 4, 12],
    ])
    expect(await tops()).toEqual(await computed())
    await recomputePoints(ws, store, {now: NOW})
    expect((JSON.parse(await readFile(file, 'utf8')) as StoredLeaderboard).months).toEqual(['2026-10', '2026-11', '2026-12'])
    ;[, , december] = await tops()
    expect(december.map((r) => [r.rank, r.member, r.points, r.total])).toEqual([
      [1, 'qq:1', 4, 6],
      [1, 'qq:2', 4, 12],
    ])
    expect(await tops()).toEqual(await computed())
    expect(await tops(3)).toEqual(await computed(3))

    // what is read is the file: a row changed in it (same inputs) shows
    const doctored = JSON.parse(await readFile(file, 'utf8')) as StoredLeaderboard
    doctored.periods['2026-11-01/2026-11-30'][0] = ['qq:66', 99, 99]
    await writeFile(file, JSON.stringify(doctored))
    expect((await topMembers(ws, store, {period: '2026-11', now: NOW})).rows[0]).toMatchObject({member: 'qq:66', points: 99})
  })

  it('is not read when the links changed since, when damaged, or when missing', async () => {
    await recomputePoints(ws, store, {now: NOW})
    await linkMembers(store, ['qq:6', 'qq:5'], {now: NOW})
    const [, november] = await tops()
    expect(november[0]).toMatchObject({rank: 1, member: 'P1', points: 61, total: 122})
    expect(await tops()).toEqual(await computed())

    for (const damaged of ['{"key":"', '[]', 'null', JSON.stringify({...JSON.parse(await readFile(file, 'utf8')), periods: {x: 1}})]) {
      await writeFile(file, damaged)
      expect(await tops()).toEqual(await computed())
    }
  })

  it('members points sums the month totals and the manual entries as the whole ledger would (links made since count for their person)', async () => {
    await recomputePoints(ws, store, {now: NOW})
    await awardPoints(ws, store, {member: 'qq:1', points: 4.25, reason: 'meetup', now: new Date('2026-12-01T04:00:00Z')})
    await linkMembers(store, ['qq:6', 'qq:5'], {now: NOW})
    const summary = await ledgerSummary(ws, store)
    // member i posts i × i times a month in October and November: 2 × 91 points, plus the award; six members, two now one person
    expect(summary).toMatchObject({computed: 182, manual: 1, members: 5, total: 186.25})
    // without the month totals (a store from before they were kept) the whole ledger is read: the same summary
    const {months} = (await store.read()).incentives.computed!
    await rm(path.join(root, '.commops', 'ledger', months!))
    expect(await ledgerSummary(ws, store)).toEqual(summary)
  })

  it('takes a period already resolved (the dashboard passes its scorecard’s) as it takes its label', async () => {
    await recomputePoints(ws, store, {now: NOW})
    const november = {label: '2026-11', from: '2026-11-01', to: '2026-11-30', unit: 'month' as const, zone: ZONE}
    const byPeriod = await topMembers(ws, store, {period: november, now: NOW})
    expect(byPeriod).toEqual(await topMembers(ws, store, {period: '2026-11', now: NOW}))
    expect(byPeriod.rows[0]).toMatchObject({member: 'qq:6', points: 36})
  })

  it('answers a period of whole months without points with no rows; anything else it does not hold is computed', () => {
    const board: StoredLeaderboard = {key: 'k', months: ['2026-11'], periods: {'2026-11-01/2026-11-30': [['qq:1', 3, 5]]}}
    const nov = {from: '2026-11-01', to: '2026-11-30'}
    expect(storedLeaders(board, 'k', nov, 10)).toEqual([['qq:1', 3, 5]])
    expect(storedLeaders(board, 'other', nov, 10)).toBeUndefined()
    expect(storedLeaders(board, 'k', nov, LEADERBOARD_ROWS + 1)).toBeUndefined()
    expect(storedLeaders(board, 'k', {from: '2026-09-01', to: '2026-09-30'}, 10)).toEqual([])
    expect(storedLeaders(board, 'k', {from: '2026-10-01', to: '2026-12-31'}, 10)).toBeUndefined()
    expect(storedLeaders(board, 'k', {from: '2026-11-02', to: '2026-11-08'}, 10)).toBeUndefined()
  })

  it('names each month and quarter by its first and last day, as luxon counts them, leap years and years below 100 too', () => {
    fc.assert(
      fc.property(fc.integer({min: 1, max: 9999}), fc.integer({min: 1, max: 12}), (year, m) => {
        const month = `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}`
        const start = DateTime.fromISO(`${month}-01`, {zone: 'utc'})
        expect(monthPeriod(month)).toEqual({from: start.toISODate(), to: start.endOf('month').toISODate()})
        expect(quarterPeriod(month)).toEqual({from: start.startOf('quarter').toISODate(), to: start.endOf('quarter').toISODate()})
      }),
    )
    expect(monthPeriod('2028-02').to).toBe('2028-02-29')
    expect(quarterPeriod('0050-11')).toEqual({from: '0050-10-01', to: '0050-12-31'})
  })

  it('ranks a period’s members as sorting them all would: most points first, ties in code-point order, none with 0', () => {
    const rows = fc.array(fc.tuple(fc.string({maxLength: 3}), fc.integer({min: -3, max: 3})), {maxLength: 80})
    fc.assert(
      fc.property(rows, fc.integer({min: 0, max: 12}), (pairs, limit) => {
        const inPeriod = new Map(pairs)
        const totals = (members: string[]) => new Map(members.map((m) => [m, 100]))
        const sorted = [...inPeriod]
          .filter(([, p]) => p !== 0)
          .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
          .slice(0, limit)
        expect(leadersOf({inPeriod, totals}, limit)).toEqual(sorted.map(([m, p]) => [m, p, 100]))
      }),
    )
  })

  it('writes the month totals as JSON.stringify writes them, whether every member key is plain ASCII or not', () => {
    const key = fc.oneof(
      fc.stringMatching(/^[a-z]{1,6}:[0-9a-z]{0,8}$/),
      fc.constantFrom('wx:张', 'csv:a"b', 'csv:a\\b', 'csv:\u0001', 'csv:\ud800', '', 'qq:é'),
    )
    fc.assert(
      fc.property(
        fc.uniqueArray(key, {maxLength: 12}),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom('2026-05', '2026-06'), fc.integer({min: -9, max: 99})), {maxLength: 30}),
        (members, points) => {
          const sorted = [...members].sort()
          const columns = new MonthColumns()
          const entries: LedgerEntry[] = []
          for (const member of sorted) {
            const k = columns.append(member)
            for (const [at, month, p] of points)
              if (sorted[at % Math.max(1, sorted.length)] === member) {
                columns.add(month, k, p)
                entries.push({ts: `${month}-15T10:00:00+08:00`, member, points: p})
              }
          }
          expect(columns.json().toString('utf8')).toBe(JSON.stringify(monthTotals(entries)))
        },
      ),
    )
  })

  it('the month columns a recompute adds up give the month totals and the leaderboard the ledger’s entries give', () => {
    const members = ['qq:1', 'qq:2', 'qq:10', 'wx:张', 'P1', 'csv:a"b\\c', 'csv:\u0001']
    const entry = fc.record({
      member: fc.constantFrom(...members),
      month: fc.constantFrom('2026-05', '2026-06', '2026-07', '2026-10'),
      points: fc.oneof(fc.integer({min: -5, max: 9}), fc.constantFrom(0.1, 0.2, 1.25, 2.5, -0.5, 123_456, 2 ** 31, -(2 ** 31))),
    })
    const ts = (month: string) => `${month}-15T10:00:00+08:00`
    // manual entries also of members the computed ledger does not name (before, among and after its members)
    const manualEntry = fc.record({
      member: fc.constantFrom(...members, 'P0', 'qq:15', 'zz:9'),
      month: fc.constantFrom('2026-05', '2026-06', '2026-07', '2026-10'),
      points: fc.oneof(fc.integer({min: -5, max: 9}), fc.constantFrom(0.1, 0.2, 1.25)),
    })
    fc.assert(
      fc.property(fc.array(entry, {maxLength: 60}), fc.array(manualEntry, {maxLength: 8}), (computed, manual) => {
        // a recompute adds each member's points month by month, members in code-point order, each appended once (the
        // leaderboard looks up the manual entries' members after)
        const columns = new MonthColumns()
        for (const member of [...members].sort()) {
          const k = columns.append(member)
          for (const e of computed) if (e.member === member) columns.add(e.month, k, e.points)
        }
        const entries: LedgerEntry[] = computed.map((e) => ({ts: ts(e.month), member: e.member, points: e.points}))
        const months = monthTotals([...members].sort().flatMap((m) => entries.filter((e) => e.member === m)))
        expect(columns.json().toString('utf8')).toBe(JSON.stringify(months))
        // every month and quarter as members top works it out from the month totals
        const manualEntries = manual.map((e) => ({ts: ts(e.month), member: e.member, points: e.points}))
        const board = buildLeaderboard('k', columns, manualEntries)
        const inputs = {months, manual: manualEntries, persons: new Map<string, string>(), identitiesOf: new Map<string, string[]>()}
        for (const [key, rows] of Object.entries(board.periods)) {
          const [from, to] = key.split('/')
          expect(rows).toEqual(leadersOf(monthRangeTotals(inputs, {from, to}), LEADERBOARD_ROWS))
        }
        expect(board.months).toEqual([...new Set([...Object.keys(months), ...manual.map((e) => e.month)])].sort())
        expect(MonthColumns.of(months).json()).toEqual(columns.json())
      }),
    )
  })
})
