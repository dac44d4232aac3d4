/** Durations of ladder rungs and response times: ISO 8601 (P3D, PT2H) or friendly (3d, 24h, 2w, 3天). */
import {DateTime, Duration} from '../util/luxon.js'
import type {Locale} from '../i18n/index.js'

const UNITS: Record<string, 'minutes' | 'hours' | 'days' | 'weeks' | 'months' | 'years'> = {
  m: 'minutes',
  min: 'minutes',
  mins: 'minutes',
  minute: 'minutes',
  minutes: 'minutes',
  分钟: 'minutes',
  h: 'hours',
  hr: 'hours',
  hrs: 'hours',
  hour: 'hours',
  hours: 'hours',
  小时: 'hours',
  d: 'days',
  day: 'days',
  days: 'days',
  天: 'days',
  日: 'days',
  w: 'weeks',
  wk: 'weeks',
  week: 'weeks',
  weeks: 'weeks',
  周: 'weeks',
  星期: 'weeks',
  mo: 'months',
  month: 'months',
  months: 'months',
  月: 'months',
  个月: 'months',
  y: 'years',
  year: 'years',
  years: 'years',
  年: 'years',
}

/** The duration a text means, or undefined when it is neither ISO 8601 nor `<n><unit>`; zero is not a duration. */
export function parseDuration(text: string | undefined): Duration | undefined {
  if (typeof text !== 'string') return undefined
  const s = text.trim()
  let d: Duration | undefined
  if (/^P/i.test(s)) {
    const iso = Duration.fromISO(s.toUpperCase())
    d = iso.isValid ? iso : undefined
  } else {
    const m = /^(\d{1,4})\s*([a-z\u4e00-\u9fff]+)$/i.exec(s)
    const unit = m ? UNITS[m[2].toLowerCase()] : undefined
    if (m && unit) d = Duration.fromObject({[unit]: Number(m[1])})
  }
  if (!d || d.toMillis() <= 0) return undefined
  return d
}

/** The ISO 8601 form of a duration text (3d → P3D), or undefined when it is not one. */
export function normalizeDuration(text: string | undefined): string | undefined {
  return parseDuration(text)?.toISO() ?? undefined
}

/** A duration in words: `3 days`, `3天`; the text itself when it is not a duration. */
export function humanDuration(text: string | undefined, locale: Locale): string {
  const d = parseDuration(text)
  if (!d) return text ?? ''
  return d.reconfigure({locale: locale === 'zh-CN' ? 'zh-CN' : 'en'}).toHuman({listStyle: 'narrow'})
}

/** `at` plus a duration, as an ISO date-time in UTC; undefined without a valid duration. */
export function addDuration(at: string, text: string | undefined): string | undefined {
  const d = parseDuration(text)
  if (!d) return undefined
  return DateTime.fromISO(at, {zone: 'utc'}).plus(d).toUTC().toISO({suppressMilliseconds: true}) ?? undefined
}

/** How durations may be written, for hints. */
export const DURATION_FORMS = 'P3D, PT2H, P1W, 3d, 24h, 2w, 1mo, 3天'
