/**
 * The leaderboard of whole months: points per member in a period of whole months and all-time points up to its end,
 * from the computed ledger's month totals and the manual entries (never the ~100 MB computed ledger), and its stored
 * form: for each month and quarter with points, the first LEADERBOARD_ROWS members, so `members top` and the
 * dashboard read a few kB instead of every member's month totals. Pure: io-leaderboard.ts reads and writes it.
 */
import {monthUnitDays} from '../metrics/period.js'
import {DateTime} from '../util/luxon.js'
import type {MonthColumns} from './month-columns.js'
import {monthPointTotals, pointTotals, round2, type LedgerEntry, type MonthTotals} from './points.js'
import type {MemberKey} from './timeline.js'

/** Rows kept per period (`members top` shows 20 by default, the dashboard 10). */
export const LEADERBOARD_ROWS = 50

/** What a period of whole months is read from. */
export interface MonthInputs {
  /** The computed ledger's points per month and member. */
  months: MonthTotals
  /** Manual entries, identities resolved to their person. */
  manual: LedgerEntry[]
  /** Identity → person; and each person's identities. */
  persons: Map<string, string>
  identitiesOf: Map<string, string[]>
}

export interface PeriodTotals {
  inPeriod: Map<MemberKey, number>
  /** All-time points up to the period's end of the members asked for (the leaderboard's rows). */
  totals: (members: MemberKey[]) => Map<MemberKey, number>
}

/** A leaderboard row: member, points in the period, all-time points up to its end. */
export type Leader = [member: MemberKey, points: number, total: number]

/** The day after a day. */
const nextDay = (day: string): string => DateTime.fromISO(day, {zone: 'utc'}).plus({days: 1}).toISODate() ?? day

/** Whether a period starts on a month's first day and ends on a month's last. */
export const wholeMonths = (period: {from: string; to: string}): boolean => period.from.endsWith('-01') && nextDay(period.to).endsWith('-01')

/** Points in a period of whole months and up to its end (identities linked since the ledger was computed count for their person). */
export function monthRangeTotals(inputs: MonthInputs, period: {from: string; to: string}): PeriodTotals {
  const {months, manual, persons, identitiesOf} = inputs
  const range = {from: period.from.slice(0, 7), to: period.to.slice(0, 7)}
  const merged = (first: Map<MemberKey, number>, ...parts: Array<Map<MemberKey, number>>) => {
    if (persons.size === 0 && parts.every((p) => p.size === 0)) return first
    const out = new Map<MemberKey, number>()
    parts.unshift(first)
    for (const part of parts)
      for (const [member, points] of part) {
        const key = persons.get(member) ?? member
        out.set(key, round2((out.get(key) ?? 0) + points))
      }
    return out
  }
  return {
    inPeriod: merged(monthPointTotals(months, range), pointTotals(manual, {from: period.from, to: period.to})),
    totals: (members) => {
      const only = new Set(members)
      for (const [person, ids] of identitiesOf) if (only.has(person)) for (const id of ids) only.add(id)
      return merged(monthPointTotals(months, {to: range.to, only}), pointTotals(manual, {to: period.to}))
    },
  }
}

/** All-time points per member (`members points`), from the month totals and the manual entries. */
export const allTimeTotals = (inputs: MonthInputs): Map<MemberKey, number> =>
  monthRangeTotals(inputs, {from: '0000-01-01', to: '9999-12-31'}).inPeriod

/** Whether row a ranks before row b: more points, or as many and first in code-point order. */
const ranksBefore = (a: [MemberKey, number], b: [MemberKey, number]): boolean => a[1] > b[1] || (a[1] === b[1] && a[0] < b[0])

/**
 * The `limit` members with the most points (none with 0), highest first: kept in order as the map is read, so a
 * period of 50k members is not sorted whole for its first rows.
 */
function highest(points: Map<MemberKey, number>, limit: number): Array<[MemberKey, number]> {
  const top: Array<[MemberKey, number]> = []
  if (limit <= 0) return top
  for (const row of points) {
    if (row[1] === 0 || (top.length === limit && !ranksBefore(row, top[limit - 1]))) continue
    if (top.length === limit) top.pop()
    let k = top.length
    while (k > 0 && ranksBefore(row, top[k - 1])) k--
    top.splice(k, 0, row)
  }
  return top
}

/** The first `limit` members by points in the period (none with 0), highest first, ties in code-point order. */
export function leadersOf(t: PeriodTotals, limit: number): Leader[] {
  const sorted = highest(t.inPeriod, limit)
  const allTime = t.totals(sorted.map(([member]) => member))
  return sorted.map(([member, points]) => [member, points, allTime.get(member) ?? 0])
}

/** The stored leaderboard: valid only for the inputs its `key` names. */
export interface StoredLeaderboard {
  key: string
  /** Months (`YYYY-MM`) with computed or manual points. */
  months: string[]
  /** `from/to` of each month and quarter with points → its first LEADERBOARD_ROWS rows. */
  periods: Record<string, Leader[]>
}

const periodKey = (p: {from: string; to: string}): string => `${p.from}/${p.to}`

/** The days of a month `YYYY-MM` (by plain arithmetic: luxon's first use costs ~25 ms of a recompute). */
export const monthPeriod = (month: string): {from: string; to: string} => monthUnitDays('month', month)

/** The days of the quarter a month `YYYY-MM` is in. */
export const quarterPeriod = (month: string): {from: string; to: string} => monthUnitDays('quarter', month)

/** Points per member index of several months added up in order (NaN: none in any). */
function added(columns: Float64Array[]): Float64Array {
  if (columns.length === 1) return columns[0]
  const out = columns[0].slice()
  for (const column of columns.slice(1))
    for (let k = 0; k < column.length; k++) {
      const points = column[k]
      if (Number.isNaN(points)) continue
      const before = out[k]
      out[k] = Number.isNaN(before) ? points : round2(before + points)
    }
  return out
}

/** The first `limit` member indexes by points (none with 0 or none at all), highest first, ties in code-point order. */
function highestOf(points: Float64Array, members: MemberKey[], limit: number): number[] {
  const top: number[] = []
  if (limit <= 0) return top
  const before = (a: number, b: number) => points[a] > points[b] || (points[a] === points[b] && members[a] < members[b])
  for (let k = 0; k < points.length; k++) {
    if (Number.isNaN(points[k]) || points[k] === 0 || (top.length === limit && !before(k, top[limit - 1]))) continue
    if (top.length === limit) top.pop()
    let at = top.length
    while (at > 0 && before(k, top[at - 1])) at--
    top.splice(at, 0, k)
  }
  return top
}

/**
 * The leaderboard of every month and quarter with points, for the inputs `key` names, from the computed ledger's
 * points per month (`columns`, members as persons) and the manual entries (resolved to persons): each month read once.
 */
export function buildLeaderboard(key: string, columns: MonthColumns, manual: LedgerEntry[]): StoredLeaderboard {
  const months = [...new Set([...columns.months(), ...manual.map((e) => e.ts.slice(0, 7))])].sort()
  const manualByMonth = months.map((m) => pointTotals(manual, monthPeriod(m)))
  for (const totals of manualByMonth) for (const member of totals.keys()) columns.indexOf(member)
  // a month's points: the computed ledger's, then its manual entries added (as monthRangeTotals adds them)
  const byMonth = months.map((m, i) => {
    const points = columns.column(m)
    for (const [member, extra] of manualByMonth[i]) {
      const k = columns.indexOf(member)
      points[k] = round2((Number.isNaN(points[k]) ? 0 : points[k]) + extra)
    }
    return points
  })
  const periods: Record<string, Leader[]> = {}
  for (const p of [...months.map(monthPeriod), ...months.map(quarterPeriod)]) {
    const from = p.from.slice(0, 7)
    const to = p.to.slice(0, 7)
    if (periods[periodKey(p)]) continue
    const inPeriod = added(byMonth.filter((_, i) => months[i] >= from && months[i] <= to))
    const upTo = byMonth.filter((_, i) => months[i] <= to)
    periods[periodKey(p)] = highestOf(inPeriod, columns.members, LEADERBOARD_ROWS).map((k) => {
      let total: number | undefined
      for (const points of upTo) if (!Number.isNaN(points[k])) total = total === undefined ? points[k] : round2(total + points[k])
      return [columns.members[k], inPeriod[k], total ?? 0]
    })
  }
  return {key, months, periods}
}

const isLeader = (row: unknown): row is Leader =>
  Array.isArray(row) && row.length === 3 && typeof row[0] === 'string' && typeof row[1] === 'number' && typeof row[2] === 'number'

/**
 * The first `limit` rows of a period from a stored leaderboard; undefined when it cannot say (another key, a period
 * not stored, more rows than kept, a damaged entry): the caller computes them instead.
 */
export function storedLeaders(board: unknown, key: string, period: {from: string; to: string}, limit: number): Leader[] | undefined {
  if (limit > LEADERBOARD_ROWS || typeof board !== 'object' || board === null) return undefined
  const b = board as Partial<StoredLeaderboard>
  if (b.key !== key || typeof b.periods !== 'object' || b.periods === null || !Array.isArray(b.months)) return undefined
  const rows: unknown = Object.hasOwn(b.periods, periodKey(period)) ? b.periods[periodKey(period)] : undefined
  if (rows === undefined) {
    // a period of whole months without any points has no rows
    const from = period.from.slice(0, 7)
    const to = period.to.slice(0, 7)
    return wholeMonths(period) && !b.months.some((m) => typeof m !== 'string' || (m >= from && m <= to)) ? [] : undefined
  }
  return Array.isArray(rows) && rows.every(isLeader) ? rows.slice(0, limit) : undefined
}
