/**
 * Cadences: the friendly forms of community.yaml (`daily`, `weekly on tue 20:00`, `2/week`, `monthly on 1st`,
 * `monthly on last thu`, `every 2 weeks on mon`, `每周二 20:00`…) and raw RRULEs, parsed into one shape and
 * expanded with the `rrule` package in floating local time, so 20:00 stays 20:00 whatever the UTC offset.
 */
import type {Options, RRule as RRuleClass, Weekday} from 'rrule'
import {lazyRequire} from '../util/lazy.js'
import {DateTime} from '../util/luxon.js'
import {CadenceError, DAY_CODES, FREQS, parseFriendly, parseRule, type Cadence, type Freq, type Parts} from './cadence-parse.js'
import {parseChinese} from './cadence-zh.js'

export {CadenceError, FREQS, type Freq}
export type {ByDay, Cadence} from './cadence-parse.js'

const rrule = lazyRequire<{RRule: typeof RRuleClass}>('rrule')

/** A local date and time produced by a cadence. */
export interface LocalOccurrence {
  date: string
  time: string
}

/**
 * Where INTERVAL counts from when a rule has no DTSTART: Monday 3 January 2000. Every other week is then a fixed set
 * of ISO weeks and every third month is January, April, July, October, whatever period is generated.
 */
export const EPOCH = '2000-01-03'
/** Time of day for a cadence that names none. */
export const DEFAULT_TIME = {hour: 10, minute: 0}

/** Parses a friendly cadence or an RRULE; throws `CadenceError` pointing at the offending part. */
export function parseCadence(text: string): Cadence {
  const trimmed = text.trim()
  const lead = text.length - text.trimStart().length
  if (trimmed === '') throw new CadenceError({key: 'cal.cadence.empty'}, 0)
  const isRule = /^(RRULE:)?[A-Za-z]+=/.test(trimmed)
  const parts = isRule
    ? parseRule(trimmed, lead, text)
    : /[\u3400-\u9fff]/.test(trimmed)
      ? parseChinese(trimmed, lead, text)
      : parseFriendly(trimmed, lead, text)
  return finish(text, parts)
}

function finish(text: string, p: Parts): Cadence {
  const c: Cadence = {
    ...p,
    text,
    rule: '',
    byhour: p.byhour ?? [DEFAULT_TIME.hour],
    byminute: p.byminute ?? [p.byhour ? 0 : DEFAULT_TIME.minute],
    anchor: p.anchor ?? EPOCH,
  }
  // Without a day, rrule would take DTSTART's; name it, so the anchor only decides INTERVAL parity.
  const hasDay = Boolean(c.byday?.length || c.bymonthday?.length || c.byyearday?.length || c.byweekno?.length)
  if (c.freq === 'WEEKLY' && !hasDay) c.byday = [{day: 0}]
  if (c.freq === 'MONTHLY' && !hasDay) c.bymonthday = [1]
  if (c.freq === 'YEARLY' && !hasDay && !c.bymonth?.length) c.bymonth = [1]
  if (c.freq === 'YEARLY' && !hasDay) c.bymonthday = [1]
  c.rule = ruleText(c)
  return c
}

/** The RRULE text of a cadence (without DTSTART). */
export function ruleText(c: Omit<Cadence, 'rule' | 'text'>): string {
  const parts = [`FREQ=${c.freq}`]
  if (c.interval > 1) parts.push(`INTERVAL=${c.interval}`)
  if (c.bymonth?.length) parts.push(`BYMONTH=${c.bymonth.join(',')}`)
  if (c.byweekno?.length) parts.push(`BYWEEKNO=${c.byweekno.join(',')}`)
  if (c.byyearday?.length) parts.push(`BYYEARDAY=${c.byyearday.join(',')}`)
  if (c.bymonthday?.length) parts.push(`BYMONTHDAY=${c.bymonthday.join(',')}`)
  if (c.byday?.length) parts.push(`BYDAY=${c.byday.map((d) => `${d.n ?? ''}${DAY_CODES[d.day]}`).join(',')}`)
  if (c.bysetpos?.length) parts.push(`BYSETPOS=${c.bysetpos.join(',')}`)
  parts.push(`BYHOUR=${c.byhour.join(',')}`, `BYMINUTE=${c.byminute.join(',')}`)
  if (c.wkst !== undefined) parts.push(`WKST=${DAY_CODES[c.wkst]}`)
  if (c.until) parts.push(`UNTIL=${c.until.replace(/-/g, '')}`)
  if (c.anchor !== EPOCH) parts.push(`DTSTART=${c.anchor.replace(/-/g, '')}`)
  return parts.join(';')
}

// ---------------------------------------------------------------- expansion

const floating = (date: string, hour = 0, minute = 0, second = 0): Date => {
  const [y, mo, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, mo - 1, d, hour, minute, second))
}

/** The start of the INTERVAL period that contains `from`, counted from the cadence's anchor, so parity never depends on the period asked for. */
function periodStart(c: Cadence, from: string): string {
  const anchor = DateTime.fromISO(c.anchor, {zone: 'utc'})
  const target = DateTime.fromISO(from, {zone: 'utc'})
  if (target <= anchor) return c.anchor
  const k = c.interval
  switch (c.freq) {
    case 'DAILY': {
      const days = Math.floor(target.diff(anchor, 'days').days / k) * k
      return anchor.plus({days}).toISODate()!
    }
    case 'WEEKLY': {
      const wkst = (c.wkst ?? 0) + 1
      const align = (d: DateTime) => d.minus({days: (d.weekday - wkst + 7) % 7})
      const a = align(anchor)
      const weeks = Math.floor(Math.round(align(target).diff(a, 'days').days / 7) / k) * k
      return a.plus({weeks}).toISODate()!
    }
    case 'MONTHLY': {
      const a = anchor.startOf('month')
      const months = Math.floor((target.year * 12 + target.month - (a.year * 12 + a.month)) / k) * k
      return a.plus({months}).toISODate()!
    }
    default: {
      const a = anchor.startOf('year')
      return a.plus({years: Math.floor((target.year - a.year) / k) * k}).toISODate()!
    }
  }
}

const RRULE_FREQ = {DAILY: 3, WEEKLY: 2, MONTHLY: 1, YEARLY: 0} as const // RRule.DAILY … RRule.YEARLY (RFC 5545 Frequency enum)
const weekdays = (): Weekday[] => {
  const {RRule} = rrule()
  return [RRule.MO, RRule.TU, RRule.WE, RRule.TH, RRule.FR, RRule.SA, RRule.SU]
}

/** Every local date and time of the cadence from `from` to `to` (local dates, inclusive), in order. */
export function expandCadence(c: Cadence, from: string, to: string): LocalOccurrence[] {
  const last = c.until && c.until < to ? c.until : to
  if (last < from || last < c.anchor) return []
  const options: Partial<Options> = {
    freq: RRULE_FREQ[c.freq],
    interval: c.interval,
    dtstart: floating(periodStart(c, from)),
    byweekday: c.byday?.map((d) => (d.n ? weekdays()[d.day].nth(d.n) : weekdays()[d.day])) ?? null,
    bymonthday: c.bymonthday ?? null,
    bymonth: c.bymonth ?? null,
    bysetpos: c.bysetpos ?? null,
    byweekno: c.byweekno ?? null,
    byyearday: c.byyearday ?? null,
    byhour: c.byhour,
    byminute: c.byminute,
    bysecond: [0],
    wkst: c.wkst ?? 0,
  }
  const dates = new (rrule().RRule)(options).between(floating(from), floating(last, 23, 59, 59), true)
  return dates.map((d) => {
    const iso = d.toISOString()
    return {date: iso.slice(0, 10), time: iso.slice(11, 16)}
  })
}

/** The longest wait in days between two consecutive days of the cadence over two reference years (Infinity if it rarely repeats). */
export function longestIntervalDays(c: Cadence): number {
  const days = [...new Set(expandCadence({...c, until: undefined}, '2026-01-01', '2027-12-31').map((o) => o.date))]
  if (days.length < 2) return Infinity
  let longest = 0
  for (let i = 1; i < days.length; i++) {
    longest = Math.max(longest, DateTime.fromISO(days[i], {zone: 'utc'}).diff(DateTime.fromISO(days[i - 1], {zone: 'utc'}), 'days').days)
  }
  return longest
}
