/** Local dates (YYYY-MM-DD strings) for the calendar: periods, weeks, holidays and labels. */
import {DateTime} from '../util/luxon.js'
import {UsageError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {ZH_CN_HOLIDAYS} from './holidays-zh-CN.js'
import type {DateRange} from './types.js'

/** The longest period one generation or check covers (it makes or checks every occurrence); reads have no cap. */
export const MAX_RANGE_DAYS = 366
export const MIN_YEAR = 1970
export const MAX_YEAR = 2100

const day = (date: string) => DateTime.fromISO(date, {zone: 'utc'})

/** True when a string is a real date written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && day(value).isValid
}

export function addDays(date: string, days: number): string {
  return day(date).plus({days}).toISODate()!
}

/** Whole days from `a` to `b` (negative when b is earlier). */
export function daysBetween(a: string, b: string): number {
  return Math.round(day(b).diff(day(a), 'days').days)
}

/** Every date from `from` to `to`, inclusive. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = []
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d)
  return out
}

/** ISO week-year and week number of a date. */
export function isoWeek(date: string): {year: number; week: number; monday: string; sunday: string} {
  const d = day(date)
  const monday = d.minus({days: d.weekday - 1})
  return {year: d.weekYear, week: d.weekNumber, monday: monday.toISODate()!, sunday: monday.plus({days: 6}).toISODate()!}
}

/** Short weekday name: 周二 / Tue. */
export function weekdayName(date: string, locale: Locale): string {
  return locale === 'zh-CN' ? `周${'一二三四五六日'[day(date).weekday - 1]}` : day(date).setLocale('en').toFormat('ccc')
}

/** A date for people: 12月1日 / Dec 1. */
export function dateLabel(date: string, locale: Locale): string {
  const d = day(date)
  return locale === 'zh-CN' ? `${d.month}月${d.day}日` : d.setLocale('en').toFormat('LLL d')
}

function checkDate(value: string, flag: string): string {
  const v = value.trim()
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || !day(v).isValid) {
    throw new UsageError({key: 'cal.badDate', params: {flag, value}}, {code: 'calendar.badDate', hint: {key: 'cal.badDate.hint'}})
  }
  const year = Number(v.slice(0, 4))
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new UsageError(
      {key: 'cal.dateOutOfRange', params: {flag, value, min: MIN_YEAR, max: MAX_YEAR}},
      {code: 'calendar.dateOutOfRange', hint: {key: 'cal.dateOutOfRange.hint', params: {min: MIN_YEAR, max: MAX_YEAR}}},
    )
  }
  return v
}

/**
 * The period asked for: `from` (default `today`) and either `to` or `weeks` (default `defaultWeeks`);
 * a bad date or an end before the start is a usage error, and so is a period longer than `maxDays` (default a year;
 * `Infinity` for a read such as `calendar show`).
 */
export function resolveRange(
  input: {from?: string; to?: string; weeks?: number},
  today: string,
  o: {defaultWeeks?: number; maxDays?: number} = {},
): DateRange {
  const {defaultWeeks = 4, maxDays = MAX_RANGE_DAYS} = o
  const from = checkDate(input.from ?? today, 'from')
  if (input.to !== undefined && input.weeks !== undefined) {
    throw new UsageError({key: 'cal.toAndWeeks'}, {code: 'calendar.toAndWeeks', hint: {key: 'cal.toAndWeeks.hint'}})
  }
  let to: string
  if (input.to !== undefined) to = checkDate(input.to, 'to')
  else {
    const weeks = input.weeks ?? defaultWeeks
    if (!Number.isInteger(weeks) || weeks < 1 || weeks > 53) {
      throw new UsageError({key: 'cal.badWeeks', params: {value: weeks}}, {code: 'calendar.badWeeks', hint: {key: 'cal.badWeeks.hint'}})
    }
    to = addDays(from, weeks * 7 - 1)
  }
  if (to < from) throw new UsageError({key: 'cal.rangeOrder', params: {from, to}}, {code: 'calendar.rangeOrder', hint: {key: 'cal.rangeOrder.hint'}})
  const days = daysBetween(from, to) + 1
  if (days > maxDays) {
    throw new UsageError(
      {key: 'cal.rangeTooLong', params: {from, to, days, max: maxDays}},
      {code: 'calendar.rangeTooLong', hint: {key: 'cal.rangeTooLong.hint'}},
    )
  }
  if (Number(to.slice(0, 4)) > MAX_YEAR)
    throw new UsageError(
      {key: 'cal.dateOutOfRange', params: {flag: 'to', value: to, min: MIN_YEAR, max: MAX_YEAR}},
      {code: 'calendar.dateOutOfRange', hint: {key: 'cal.dateOutOfRange.hint', params: {min: MIN_YEAR, max: MAX_YEAR}}},
    )
  return {from, to}
}

/** Days to keep free of content: blackout dates and public holidays, with a reason for each. */
export interface FreeDays {
  /** date → reason: 'blackout' or the holiday's name. */
  days: Map<string, {kind: 'blackout' | 'holiday'; name?: {'zh-CN': string; en: string}}>
  /** Years of the period with no holiday data (nothing skipped for holidays those years). */
  missingYears: number[]
  /** Years whose holiday list is a projection, not yet the published notice. */
  projectedYears: number[]
}

/** The blackout dates and (for `holidays: zh-CN`) public holidays that fall in a period. */
export function freeDays(content: {blackouts?: string[]; holidays?: 'zh-CN' | 'none'} | undefined, range: DateRange): FreeDays {
  const out: FreeDays = {days: new Map(), missingYears: [], projectedYears: []}
  if (content?.holidays === 'zh-CN') {
    for (let year = Number(range.from.slice(0, 4)); year <= Number(range.to.slice(0, 4)); year++) {
      const data = ZH_CN_HOLIDAYS[year]
      if (!data) {
        out.missingYears.push(year)
        continue
      }
      if (data.projected) out.projectedYears.push(year)
      for (const h of data.holidays) {
        for (const d of eachDay(h.from, h.to)) if (d >= range.from && d <= range.to) out.days.set(d, {kind: 'holiday', name: h.name})
      }
    }
  }
  for (const d of content?.blackouts ?? []) {
    const date = String(d)
    if (date >= range.from && date <= range.to) out.days.set(date, {kind: 'blackout'})
  }
  return out
}
