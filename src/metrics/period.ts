/**
 * Periods: parsing what the user wrote (`2026-10`, `2026-Q4`, `2026-W44`, `2026-10-05`, `--from/--to`,
 * `--period week --last 12`) into windows of whole days in the community's timezone, and days as integers.
 */
import type {DateTime} from '../util/luxon.js'
import {UsageError} from '../errors.js'
import {utcDay} from '../util/dates.js'
import type {Period, PeriodUnit} from './types.js'

export const PERIOD_UNITS: readonly PeriodUnit[] = ['day', 'week', 'month', 'quarter']

const DAY_MS = 86_400_000

/** A `YYYY-MM-DD` date as a day number (days since 1970-01-01); the engine works on these. */
export const dayNumber = (date: string): number =>
  Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY_MS

/** Whether the `days` days ending on `to` hold none of the days [first, last] (the events imported). */
export const outsideDays = (to: string, days: number, imported: {first: string; last: string}): boolean =>
  to < imported.first || dayNumber(to) - days + 1 > dayNumber(imported.last)

/** The month (`YYYY-MM`) of the last day imported, when the `days` days ending on `to` hold none of the days imported. */
export const latestMonthOutside = (to: string, days: number, imported?: {first: string; last: string}): string | undefined =>
  imported && outsideDays(to, days, imported) ? imported.last.slice(0, 7) : undefined

/** A day number as `YYYY-MM-DD` (as luxon writes one: a sign and six digits outside 0000–9999). */
export function dayDate(day: number): string {
  const text = new Date(day * DAY_MS).toISOString()
  return text.slice(0, text.indexOf('T'))
}

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

/*
 * Periods are reckoned in day numbers by plain arithmetic on UTC dates, not luxon: luxon asks Intl.DateTimeFormat for
 * the system's locale when it makes a date or a duration, and a metrics run does without Intl's formatting data
 * (~6 MB of memory). `unitPeriod` takes a luxon date for the callers that have one.
 */

/** The day number of year-month-day (month 1–12; the day may run past the month's end), years 0–99 as written. */
function dayOf(year: number, month: number, day: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return d.getTime() / DAY_MS
}

/** Year and month (1–12) of a day number. */
function yearMonth(day: number): [number, number] {
  const d = new Date(day * DAY_MS)
  return [d.getUTCFullYear(), d.getUTCMonth() + 1]
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')

/** The Monday (ISO weekday 1) of the week of a day; day 0 (1970-01-01) was a Thursday. */
const monday = (day: number): number => day - ((((day + 3) % 7) + 7) % 7)
/** The Monday of ISO week 1 of a week-year: the week of 4 January. */
const firstMonday = (weekYear: number): number => monday(dayOf(weekYear, 1, 4))
/** ISO week-year and week number of a day: those of its week's Thursday. */
function isoWeek(day: number): [number, number] {
  const thursday = monday(day) + 3
  const [year] = yearMonth(thursday)
  return [year, (monday(day) - firstMonday(year)) / 7 + 1]
}

function validDate(text: string): number {
  const ms = utcDay(text)
  if (ms === undefined) throw bad(text)
  return ms / DAY_MS
}

/** The unit and first day of a named period, or undefined when the text names none. */
function named(text: string): {unit: PeriodUnit; start: number} | undefined {
  let m: RegExpExecArray | null
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const month = Number(m[2])
    return month >= 1 && month <= 12 ? {unit: 'month', start: dayOf(Number(m[1]), month, 1)} : undefined
  }
  if ((m = /^(\d{4})-?Q([1-4])$/i.exec(text))) return {unit: 'quarter', start: dayOf(Number(m[1]), (Number(m[2]) - 1) * 3 + 1, 1)}
  if ((m = /^(\d{4})-?W(\d{2})$/i.exec(text))) {
    const [year, week] = [Number(m[1]), Number(m[2])]
    const weeks = (firstMonday(year + 1) - firstMonday(year)) / 7
    return week >= 1 && week <= weeks ? {unit: 'week', start: firstMonday(year) + (week - 1) * 7} : undefined
  }
  const ms = utcDay(text)
  if (ms !== undefined) return {unit: 'day', start: ms / DAY_MS}
  return undefined
}

/** The first day of the unit a day is in, and `n` units later (n may be negative). */
function unitStart(unit: PeriodUnit, day: number, n = 0): number {
  if (unit === 'day') return day + n
  if (unit === 'week') return monday(day) + 7 * n
  const [year, month] = yearMonth(day)
  const months = unit === 'quarter' ? 3 : 1
  return dayOf(year, month - ((month - 1) % months) + months * n, 1)
}

/** The period of one unit starting at day `start` (a UTC day standing for a local date), or the unit it is in. */
function periodAt(unit: PeriodUnit, start: number, zone: string): Period {
  const s = unitStart(unit, start)
  const end = unitStart(unit, s, 1) - 1
  const [year, month] = yearMonth(s)
  const label =
    unit === 'month'
      ? `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month)}`
      : unit === 'quarter'
        ? `${year}-Q${(month + 2) / 3}`
        : unit === 'week'
          ? `${isoWeek(s)[0]}-W${pad(isoWeek(s)[1])}`
          : dayDate(s)
  return {label, from: dayDate(s), to: dayDate(end), unit, zone}
}

/** The first and last day (`YYYY-MM-DD`) of the month or quarter a month `YYYY-MM` is in, any year 0000–9999. */
export function monthUnitDays(unit: 'month' | 'quarter', month: string): {from: string; to: string} {
  const s = unitStart(unit, dayOf(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 1))
  return {from: dayDate(s), to: dayDate(unitStart(unit, s, 1) - 1)}
}

/** The period of one unit starting at `start` (a UTC midnight standing for a local date). */
export function unitPeriod(unit: PeriodUnit, start: DateTime, zone: string): Period {
  return periodAt(unit, dayOf(start.year, start.month, start.day), zone)
}

/** The `n` periods of `unit` ending with the one that starts at `start`, oldest first. */
function series(unit: PeriodUnit, start: number, n: number, zone: string): Period[] {
  const out: Period[] = []
  for (let i = n - 1; i >= 0; i--) out.push(periodAt(unit, unitStart(unit, start, -i), zone))
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
    const label = `${dayDate(from)}..${dayDate(to)}`
    return [{label, from: dayDate(from), to: dayDate(to), unit: 'custom', zone}]
  }
  const now = validDate(today)
  const text = request.period?.trim() ?? 'month'
  if ((PERIOD_UNITS as string[]).includes(text)) {
    const unit = text as PeriodUnit
    // the last full one: the one before the unit today is in
    return series(unit, unitStart(unit, now, -1), n, zone)
  }
  const found = named(text)
  if (!found) throw bad(text)
  return series(found.unit, found.start, n, zone)
}

/** Every day of a period as day numbers: `[first, last]`. */
export const periodDays = (p: Pick<Period, 'from' | 'to'>): [number, number] => [dayNumber(p.from), dayNumber(p.to)]
