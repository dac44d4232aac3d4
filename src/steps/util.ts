import {DateTime} from 'luxon'
import {sha256Hex} from '../util/hash.js'

/** A short stable hash of any JSON value (keys sorted), for ids and input hashes. */
export function stableHash(value: unknown, length = 12): string {
  return sha256Hex(canonicalJson(value)).slice(0, length)
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/** Resolves `+3d`, `+2w`, `-1d` or `YYYY-MM-DD` against a base date; undefined when the form is wrong. */
export function relativeDate(spec: string, base: string): string | undefined {
  const rel = /^([+-])(\d{1,4})([dw])$/.exec(spec.trim())
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1)
    const d = DateTime.fromISO(base, {zone: 'utc'}).plus(rel[3] === 'w' ? {weeks: n} : {days: n})
    return d.toISODate() ?? undefined
  }
  const d = DateTime.fromISO(spec.trim(), {zone: 'utc'})
  return /^\d{4}-\d{2}-\d{2}$/.test(spec.trim()) && d.isValid ? d.toISODate()! : undefined
}

/** Today's date in a timezone, YYYY-MM-DD. */
export function dateIn(now: Date, timezone: string): string {
  return DateTime.fromJSDate(now).setZone(timezone).toISODate()!
}

/** The first line of a text, cut to about `max` columns (CJK characters count double). */
export function headline(text: string, max = 60): string {
  const first = text.split('\n')[0].trim()
  let width = 0
  let out = ''
  for (const ch of first) {
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
    if (width > max) return out + '…'
    out += ch
  }
  return out === text.trim() ? out : out + (text.includes('\n') ? ' …' : '')
}
