/** Calendar dates as `YYYY-MM-DD`, by plain arithmetic on UTC days: no date library for the commands that use them. */

const DAY_MS = 86_400_000

/** Milliseconds at 00:00 UTC of a `YYYY-MM-DD` date that exists, else undefined. */
function utcDay(text: string): number | undefined {
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

const formats = new Map<string, Intl.DateTimeFormat>()

/** Today's date in a timezone, YYYY-MM-DD (in UTC when Intl does not know the zone). */
export function dateIn(now: Date, timezone: string): string {
  let format = formats.get(timezone)
  if (!format) {
    const options = {year: 'numeric', month: '2-digit', day: '2-digit'} as const
    try {
      format = new Intl.DateTimeFormat('en-US', {...options, timeZone: timezone})
    } catch {
      format = new Intl.DateTimeFormat('en-US', {...options, timeZone: 'UTC'})
    }
    formats.set(timezone, format)
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]))
  return `${parts.year.padStart(4, '0')}-${parts.month}-${parts.day}`
}
