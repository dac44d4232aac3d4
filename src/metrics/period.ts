/**
 * Periods: parsing what the user wrote (`2026-10`, `2026-Q4`, `2026-W44`, `2026-10-05`, `--from/--to`,
 * `--period week --last 12`) into windows of whole days in the community's timezone, and days as integers.
 */
import {DateTime} from '../util/luxon.js'
import {UsageError} from '../errors.js'
import type {Period, PeriodUnit} from './types.js'

export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter']

const DAY_MS = 86_400_000

/** A `YYYY-MM-DD` date as a day number (days since 1970-01-01); the engine works on these. */
export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS

/** A day number as `YYYY-MM-DD`. */
export const dayDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10)

/** What the user asked for. */
export interface PeriodRequest {
  /** `2026-10`, `2026-Q4`, `2026-W44`, `2026-10-05`, or a unit (`day|week|month|quarter`) meaning the last full one(s). */
  period?: string
  from?: string
  to?: string
  /** How many periods, ending with the one named (or the last full one). */
  last?: number
}

const bad = (value: string) => new UsageError({key: 'metrics.period.bad', params: {value}}, {hint: {key: 'metrics.period.hint'}})

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function validDate(text: string): DateTime {
  const d = ISO_DATE.test(text) ? DateTime.fromISO(text, {zone: 'UTC'}) : undefined
  if (!d?.isValid) throw bad(text)
  return d
}

/** The unit and first day of a named period, or undefined when the text names none. */
function named(text: string): {unit: PeriodUnit; start: DateTime} | undefined {
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const start = DateTime.utc(Number(m[1]), Number(m[2]), 1)
    return start.isValid ? {unit: 'month', start} : undefined
  }
  if ((m = /^(\d{4})-?Q([1-4])$/i.exec(text))) return {unit: 'quarter', start: DateTime.utc(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1)}
  if ((m = /^(\d{4})-?W(\d{2})$/i.exec(text))) {
    const start = DateTime.fromObject({weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1}, {zone: 'UTC'})
    return start.isValid && start.weekNumber === Number(m[2]) ? {unit: 'week', start} : undefined
  }
  if (ISO_DATE.test(text)) {
    const start = DateTime.fromISO(text, {zone: 'UTC'})
    return start.isValid ? {unit: 'day', start} : undefined
  }
  return undefined
}

/** The period of one unit starting at `start` (a UTC midnight standing for a local date). */
export function unitPeriod(unit: PeriodUnit, start: DateTime, zone: string): Period {
  const s = start.startOf(unit === 'week' ? 'week' : unit)
  const end = s.endOf(unit === 'week' ? 'week' : unit)
  const label =
    unit === 'month'
      ? s.toFormat('yyyy-MM')
      : unit === 'quarter'
        ? `${s.year}-Q${s.quarter}`
        : unit === 'week'
          ? `${s.weekYear}-W${String(s.weekNumber).padStart(2, '0')}`
          : s.toISODate()!
  return {label, from: s.toISODate()!, to: end.toISODate()!, unit, zone}
}

/** The `n` periods of `unit` ending with the one that starts at `start`, oldest first. */
function series(unit: PeriodUnit, start: DateTime, n: number, zone: string): Period[] {
  const out: Period[] = []
  for (let i = n - 1; i >= 0; i--) out.push(unitPeriod(unit, start.minus({[`${unit}s`]: i}), zone))
  return out
}

/**
 * The periods a request names, oldest first. `today` is the local date (`YYYY-MM-DD`) in `zone`. With nothing given:
 * the last full month. A unit alone (`--period week`) is the last full one; `--last N` gives N, ending with it.
 */
export function resolvePeriods(request: PeriodRequest, today: string, zone: string): Period[] {
  const n = request.last ?? 1
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new UsageError({key: 'metrics.last.bad', params: {value: String(request.last)}}, {hint: {key: 'metrics.period.hint'}})
  if (request.from !== undefined || request.to !== undefined) {
    if (request.period !== undefined || request.last !== undefined)
      throw new UsageError({key: 'metrics.period.both'}, {hint: {key: 'metrics.period.hint'}})
    if (request.from === undefined) throw new UsageError({key: 'metrics.period.needFrom'}, {hint: {key: 'metrics.period.hint'}})
    const from = validDate(request.from)
    const to = request.to === undefined ? validDate(today) : validDate(request.to)
    if (to < from)
      throw new UsageError(
        {key: 'metrics.period.reversed', params: {from: request.from, to: request.to ?? today}},
        {hint: {key: 'metrics.period.hint'}},
      )
    const label = `${from.toISODate()}..${to.toISODate()}`
    return [{label, from: from.toISODate()!, to: to.toISODate()!, unit: 'custom', zone}]
  }
  const now = validDate(today)
  const text = request.period?.trim() ?? 'month'
  if ((PERIOD_UNITS as string[]).includes(text)) {
    const unit = text as PeriodUnit
    // the last full one: the one before the unit today is in
    const current = now.startOf(unit === 'week' ? 'week' : unit)
    return series(unit, current.minus({[`${unit}s`]: 1}), n, zone)
  }
  const found = named(text)
  if (!found) throw bad(text)
  return series(found.unit, found.start, n, zone)
}

/** Every day of a period as day numbers: `[first, last]`. */
export const periodDays = (p: Pick<Period, 'from' | 'to'>): [number, number] => [dayNumber(p.from), dayNumber(p.to)]
