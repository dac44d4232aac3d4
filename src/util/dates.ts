import {DateTime} from 'luxon'

/** Resolves `+3d`, `+2w`, `-1d` or `YYYY-MM-DD` against a base date; undefined when the form is wrong. */
export function relativeDate(spec: string, base: string): string | undefined {
  const rel = /^([+-])(\d{1,4})([dw])$/.exec(spec.trim())
  if (rel) {
    const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1)
    const d = DateTime.fromISO(base, {zone: 'utc'}).plus(rel[3] === 'w' ? {weeks: n} : {days: n})
    return d.toISODate() ?? undefined
  }
  const d = DateTime.fromISO(spec.trim(), {zone: 'utc'})
  return /^\d{4}-\d{2}-\d{2}$/.test(spec.trim()) && d.isValid ? d.toISODate() : undefined
}

/** Today's date in a timezone, YYYY-MM-DD. */
export function dateIn(now: Date, timezone: string): string {
  return DateTime.fromJSDate(now).setZone(timezone).toISODate()!
}
