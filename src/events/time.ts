/** Canonical event times: ISO 8601 with the community's offset, DST-correct (luxon). */
import {DateTime} from '../util/luxon.js'

/** An instant (ms since the epoch) as a canonical `ts` in `zone`. */
export function tsFromMillis(ms: number, zone: string): string | undefined {
  if (!Number.isFinite(ms)) return undefined
  const dt = DateTime.fromMillis(ms, {zone})
  return dt.isValid ? (dt.toISO({suppressMilliseconds: true}) ?? undefined) : undefined
}

/**
 * A time as sources write it: ISO with a zone (`2018-05-20T16:09:44.209+00:00`, `…Z`), ISO or `YYYY-MM-DD HH:MM[:SS]`
 * without one (then in `zone`, the community's), `YYYY/M/D H:MM`, or epoch seconds / milliseconds.
 */
export function parseTime(text: string, zone: string): string | undefined {
  const s = text.trim()
  if (/^\d{9,11}(\.\d+)?$/.test(s)) return tsFromMillis(Math.round(Number(s) * 1000), zone)
  if (/^\d{12,14}$/.test(s)) return tsFromMillis(Number(s), zone)
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:\s*([AaPp][Mm]))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/.exec(s)
  if (!m) return undefined
  const [, y, mo, d, h = '0', mi = '0', sec = '0', frac, ampm, offset] = m
  let hour = Number(h)
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined
    hour = (hour % 12) + (/p/i.test(ampm) ? 12 : 0)
  }
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour,
    minute: Number(mi),
    second: Number(sec),
    millisecond: frac ? Math.round(Number(frac) * 1000) : 0,
  }
  const fixed = offset ? (offset === 'Z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`) : zone
  const dt = DateTime.fromObject(parts, {zone: fixed})
  if (!dt.isValid) return undefined
  // a local time that does not exist (skipped by a DST change) is refused rather than moved
  if (!offset && (dt.hour !== parts.hour || dt.minute !== parts.minute)) return undefined
  return tsFromMillis(dt.toMillis(), zone)
}

/** The `YYYY-MM` of a canonical ts (its own offset, i.e. the community's). */
export const monthOf = (ts: string): string => ts.slice(0, 7)

/** The first and last millisecond of a `YYYY-MM-DD` day in `zone`; undefined for anything else. */
export function dayBounds(date: string, zone: string): {start: number; end: number} | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined
  const start = DateTime.fromISO(date, {zone})
  if (!start.isValid) return undefined
  return {start: start.toMillis(), end: start.plus({days: 1}).toMillis() - 1}
}
