/** Calendar dates as `YYYY-MM-DD`, by plain arithmetic on UTC days: no date library for the commands that use them. */

const DAY_MS = 86_400_000

/** Milliseconds at 00:00 UTC of a `YYYY-MM-DD` date that exists, else undefined. */
export function utcDay(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return undefined
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])]
  const date = new Date(0)
  date.setUTCFullYear(y, mo, d)
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo && date.getUTCDate() === d ? date.getTime() : undefined
}

/** Whether a text is a `YYYY-MM-DD` date that exists (2024-02-29 is one, 2023-02-29 is not). */
export function isIsoDate(text: string): boolean {
  return utcDay(text) !== undefined
}

/** `YYYY-MM-DD` of a UTC time. */
function isoDay(ms: number): string {
  const date = new Date(ms)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

/** Resolves `+3d`, `+2w`, `-1d` or `YYYY-MM-DD` against a base date; undefined when the form is wrong. */
export function relativeDate(spec: string, base: string): string | undefined {
  const rel = /^([+-])(\d{1,4})([dw])$/.exec(spec.trim())
  if (rel) {
    const start = utcDay(base.trim())
    if (start === undefined) return undefined
    const days = Number(rel[2]) * (rel[3] === 'w' ? 7 : 1) * (rel[1] === '-' ? -1 : 1)
    return isoDay(start + days * DAY_MS)
  }
  const day = utcDay(spec.trim())
  return day === undefined ? undefined : isoDay(day)
}

/**
 * `read` with TZ set to `zone`, restored before returning: Date's local fields then read the zone with ICU's zone data,
 * as Intl.DateTimeFormat does, without the ~100 ms (on a slow machine) and ~6 MB of loading ICU's formatting data. An
 * unknown zone reads as UTC.
 */
export function underTimezone<T>(zone: string, read: () => T): T {
  const saved = process.env.TZ
  process.env.TZ = zone
  try {
    return read()
  } finally {
    if (saved === undefined) delete process.env.TZ
    else process.env.TZ = saved
  }
}

/** Today's date in a timezone, YYYY-MM-DD (in UTC when the zone is unknown), which a command that only needs a date reads without Intl. */
export function dateIn(now: Date, timezone: string): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return underTimezone(timezone, () => `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`)
}
