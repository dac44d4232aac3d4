/**
 * An event's `ts` and `src` as bytes: the JSON string contents (what JSON.stringify writes between the quotes), and
 * the canonical ts (`2026-11-02T10:15:00+08:00`, as imports write it) told apart from any other spelling, so it can be
 * kept as its offset alone and written back from the instant. Pure: used by the column cache (columns.ts), which
 * keeps them per event, and by the points ledger (members/scoring.ts), which copies them into its lines.
 */

/** A canonical ts: `2026-11-02T10:15:00+08:00`. */
export const ISO = 25

/** Two decimal digits of n (0–99) into out at o; returns the end. */
function two(n: number, out: Uint8Array, o: number): number {
  const tens = (n / 10) | 0
  out[o] = 48 + tens
  out[o + 1] = 48 + n - tens * 10
  return o + 2
}

/**
 * An instant (`times[i]`, epoch ms of whole seconds, years 0–9999) as ISO 8601 at `offset` minutes, as canonical events
 * write it (`2026-11-02T10:15:00+08:00`), into out at o; returns the end. The time is read here, not passed: a float64
 * passed to a call is a number on the heap (one per event: 13 MB of garbage at 1M events).
 */
export function isoAt(times: Float64Array, i: number, offset: number, out: Uint8Array, o: number): number {
  const t = times[i] / 1000 + offset * 60
  const days = Math.floor(t / 86_400)
  return isoOfDay(days, t - days * 86_400, offset, out, o)
}

/**
 * isoAt of a local day (days since 1970) and second of that day: small integers, so the caller's float64 ms is not
 * boxed for the call. The civil date of a day count by H. Hinnant's `civil_from_days`, in small integers only.
 */
export function isoOfDay(days: number, secs: number, offset: number, out: Uint8Array, o: number): number {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = ((doe - ((doe / 1460) | 0) + ((doe / 36_524) | 0) - ((doe / 146_096) | 0)) / 365) | 0
  const doy = doe - (365 * yoe + ((yoe / 4) | 0) - ((yoe / 100) | 0))
  const mp = ((5 * doy + 2) / 153) | 0
  const month = mp < 10 ? mp + 3 : mp - 9
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0)
  o = two((year / 100) | 0, out, o)
  o = two(year % 100, out, o)
  out[o++] = 45
  o = two(month, out, o)
  out[o++] = 45
  o = two(doy - (((153 * mp + 2) / 5) | 0) + 1, out, o)
  out[o++] = 84
  o = two((secs / 3600) | 0, out, o)
  out[o++] = 58
  o = two(((secs / 60) | 0) % 60, out, o)
  out[o++] = 58
  o = two(secs % 60, out, o)
  const abs = offset < 0 ? -offset : offset
  out[o++] = offset < 0 ? 45 : 43
  o = two((abs / 60) | 0, out, o)
  out[o++] = 58
  return two(abs % 60, out, o)
}

/**
 * isoAt with the date and offset of each local day made once (`YYYY-MM-DDT` and `±hh:mm`), the time of day written
 * between them: a ledger writes a million ts's of a few hundred days (the dates were 50 ms of a recompute of 1M events).
 */
export class IsoDays {
  /**
   * The date and offset written last of each day d, in slot d & 1023 (tag: its key, day and offset), bytes
   * [slot × ISO, slot × ISO + ISO) of `dates`: an array lookup for most writes; a day met again after another in its
   * slot is written again.
   */
  private readonly keys = new Float64Array(1024).fill(Number.NaN)
  private readonly dates = new Uint8Array(1024 * ISO)

  write(times: Float64Array, i: number, offset: number, out: Uint8Array, o: number): number {
    const t = times[i] / 1000 + offset * 60
    const days = Math.floor(t / 86_400)
    const secs = t - days * 86_400
    // offsets are within ±5999 minutes (two digits of hours)
    const key = days * 16_384 + offset
    const slot = days & 1023
    const at = slot * ISO
    if (this.keys[slot] !== key) {
      isoOfDay(days, 0, offset, this.dates, at)
      this.keys[slot] = key
    }
    const date = this.dates
    for (let k = 0; k < 11; k++) out[o++] = date[at + k]
    o = two((secs / 3600) | 0, out, o)
    out[o++] = 58
    o = two(((secs / 60) | 0) % 60, out, o)
    out[o++] = 58
    o = two(secs % 60, out, o)
    for (let k = 19; k < ISO; k++) out[o++] = date[at + k]
    return o
  }
}

/** Whether bytes o, o + 1 of buf are two decimal digits; their value, else -1. */
function digits(buf: Uint8Array, o: number): number {
  const a = buf[o] - 48
  const b = buf[o + 1] - 48
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1
}

/** The bytes isoAt writes of a local day at an offset (the time of day 00:00:00), kept while the day is the same. */
export interface DayText {
  days: number
  offset: number
  text: Uint8Array
}

export const dayText = (): DayText => ({days: Number.NaN, offset: 0, text: new Uint8Array(ISO)})

/**
 * Whether a ts (bytes [s, s + ISO) of buf) is what isoAt writes of instant `ms` at `offset` minutes, the date and the
 * offset (`YYYY-MM-DDT`, `±hh:mm`) compared with `day`'s bytes: isoAt of local day `day.days` at `day.offset`, made
 * again only when the day changes (events read in time order share their day with the last one), and the time of day
 * read as digits, instead of writing the whole ts of every event to compare it.
 */
function isCanonical(ms: number, offset: number, buf: Uint8Array, s: number, day: DayText): boolean {
  const t = ms / 1000 + offset * 60
  const days = Math.floor(t / 86_400)
  const secs = t - days * 86_400
  if (days !== day.days || offset !== day.offset) {
    isoOfDay(days, 0, offset, day.text, 0)
    day.days = days
    day.offset = offset
  }
  const text = day.text
  for (let k = 0; k < 11; k++) if (buf[s + k] !== text[k]) return false
  for (let k = 19; k < ISO; k++) if (buf[s + k] !== text[k]) return false
  if (buf[s + 13] !== 58 || buf[s + 16] !== 58) return false
  // two digits each, minutes and seconds below 60: one way to write secs (< 86,400, so the hour is below 24)
  const h = digits(buf, s + 11)
  const m = digits(buf, s + 14)
  const sec = digits(buf, s + 17)
  return h >= 0 && m >= 0 && m < 60 && sec >= 0 && sec < 60 && h * 3600 + m * 60 + sec === secs
}

/** Whether isoAt writes an instant: whole seconds of the years 0–9999. */
export const writable = (ms: number): boolean => ms % 1000 === 0 && ms >= -62_167_219_200_000 && ms < 253_402_300_800_000

/** The offset of a ts (bytes [s, e) of buf) isoAt writes back exactly from its ms `times[t]`, else undefined. */
export function canonicalOffset(times: Float64Array, t: number, buf: Uint8Array, s: number, e: number, day: DayText): number | undefined {
  const ms = times[t]
  if (e - s !== ISO || !writable(ms)) return undefined
  const sign = buf[s + 19] === 43 ? 1 : buf[s + 19] === 45 ? -1 : 0
  const h = digits(buf, s + 20)
  const m = digits(buf, s + 23)
  if (sign === 0 || h < 0 || m < 0) return undefined
  const offset = sign * (h * 60 + m)
  return isCanonical(ms, offset, buf, s, day) ? offset : undefined
}

/** JSON string contents as bytes (what JSON.stringify writes between the quotes). */
export const jsonText = (s: string): Buffer => Buffer.from(JSON.stringify(s).slice(1, -1))

/** JSON string contents (bytes [s, e) of buf) as the string they stand for: jsonText's inverse. */
export const decodedText = (buf: Uint8Array, s: number, e: number): string =>
  JSON.parse(`"${Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8')}"`) as string

/** Whether JSON.stringify writes a string as it is between its quotes (printable ASCII, no `"` or `\\`). */
export function plainJson(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k)
    if (c < 32 || c > 126 || c === 34 || c === 92) return false
  }
  return true
}

/**
 * Writes jsonText(s) into out at o (room for it is the caller's: see jsonTextBound); returns the end. A plain string
 * is copied a character at a time, without a buffer made for it.
 */
export function putJsonText(s: string, out: Uint8Array, o: number): number {
  // copied while checked, in one pass: most strings are plain
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k)
    if (c < 32 || c > 126 || c === 34 || c === 92) {
      const bytes = jsonText(s)
      out.set(bytes, o)
      return o + bytes.length
    }
    out[o + k] = c
  }
  return o + s.length
}

/** At most how many bytes jsonText(s) takes (`\uXXXX` for a control character: 6 per UTF-16 unit). */
export const jsonTextBound = (s: string): number => 6 * s.length

/** The offset of an event whose ts is kept as its bytes (not canonical): no offset in minutes is this far from UTC. */
export const KEPT = -32_768
