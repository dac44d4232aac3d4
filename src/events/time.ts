/** Canonical event times: ISO 8601 with the community's offset, DST-correct (luxon). */
import {DateTime} from '../util/luxon.js'
import {tsMillis, ZoneDays} from '../metrics/zone-day.js'

/** Offsets of IANA zones by instant, cached per hour (ZoneDays); undefined for a zone Intl does not know. */
const zones = new Map<string, ZoneDays | undefined>()
/** The zone asked for last, and its ZoneDays: an import asks for one zone, once or twice per event. */
let lastZone: {zone: string; days: ZoneDays | undefined} = {zone: '', days: undefined}
function zoneDays(zone: string): ZoneDays | undefined {
  if (zone === lastZone.zone) return lastZone.days
  if (!zones.has(zone)) {
    let z: ZoneDays | undefined
    try {
      z = new ZoneDays(zone)
    } catch {
      z = undefined
    }
    zones.set(zone, z)
  }
  lastZone = {zone, days: zones.get(zone)}
  return lastZone.days
}

const pad2 = (n: number): string => (n < 10 ? '0' : '') + n
/** 1970 to 2100: where the hand-made form is known to match luxon's. */
const FAST_FROM = 0
const FAST_TO = 4_102_444_800_000

/** The zone's offsets when `tsFromMillis` writes the ts of `ms` by hand: a region zone, a modern date. */
const byHand = (ms: number, zone: string): ZoneDays | undefined =>
  zone.includes('/') && ms >= FAST_FROM && ms < FAST_TO ? zoneDays(zone) : undefined

const DAY_MS = 86_400_000

/** A local day as `tsFromMillis` writes it: `YYYY-MM-DDT` and the offset (`+08:00`). */
interface DayParts {
  zone: string
  day: number
  offset: number
  date: string
  offsetText: string
}

function dayParts(zone: string, day: number, offset: number): DayParts {
  const d = new Date(day * DAY_MS)
  const abs = Math.abs(offset)
  return {
    zone,
    day,
    offset,
    date: `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}T`,
    offsetText: `${offset < 0 ? '-' : '+'}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`,
  }
}

/** The local day of the last ts written by hand: an export runs in time order, so most events share the day before's. */
let lastDay: DayParts = {zone: '', day: Number.NaN, offset: Number.NaN, date: '', offsetText: ''}

/** An instant (ms since the epoch) as a canonical `ts` in `zone`. */
export function tsFromMillis(ms: number, zone: string): string | undefined {
  if (!Number.isFinite(ms)) return undefined
  // the usual case by hand (an import calls this per event); luxon for the rest
  const z = byHand(ms, zone)
  if (z) {
    const offset = z.offsetAt(ms)
    const local = Math.trunc(ms + offset * 60_000)
    const day = Math.floor(local / DAY_MS)
    if (day !== lastDay.day || offset !== lastDay.offset || zone !== lastDay.zone) lastDay = dayParts(zone, day, offset)
    const t = local - day * DAY_MS
    const milli = t % 1000
    const sec = (t - milli) / 1000
    return (
      lastDay.date +
      pad2(Math.floor(sec / 3600)) +
      ':' +
      pad2(Math.floor(sec / 60) % 60) +
      ':' +
      pad2(sec % 60) +
      (milli ? '.' + String(milli).padStart(3, '0') : '') +
      lastDay.offsetText
    )
  }
  const dt = DateTime.fromMillis(ms, {zone})
  return dt.isValid ? (dt.toISO({suppressMilliseconds: true}) ?? undefined) : undefined
}

/**
 * A time as sources write it: ISO with a zone (`2018-05-20T16:09:44.209+00:00`, `…Z`), ISO or `YYYY-MM-DD HH:MM[:SS]`
 * without one (then in `zone`, the community's), `YYYY/M/D H:MM`, or epoch seconds / milliseconds.
 */
export function parseTime(text: string, zone: string): string | undefined {
  const ms = parseMillis(text, zone)
  return ms === undefined ? undefined : tsFromMillis(ms, zone)
}

/** An event's time: its instant, and its canonical ts. */
export interface EventTime {
  ms: number
  ts: string
}

/**
 * An instant as an event's time: its canonical ts in `zone`, and the instant that ts stands for as `tsMillis(ts)` reads
 * it: `ms` itself when the ts was written by hand (its offset is the one added), else read back (luxon writes whole
 * minutes of offset, and before 1900 zones had seconds in theirs). Importers hand `ms` on with the event, so the ts is
 * not read again for each event. Undefined for no instant, or one no ts can be written for.
 */
export function eventTime(ms: number | undefined, zone: string): EventTime | undefined {
  if (ms === undefined) return undefined
  const ts = tsFromMillis(ms, zone)
  if (ts === undefined) return undefined
  return {ms: Number.isInteger(ms) && byHand(ms, zone) ? ms : tsMillis(ts), ts}
}

const digit = (s: string, i: number): number => {
  const d = s.charCodeAt(i) - 0x30
  return d >= 0 && d <= 9 ? d : Number.NaN
}
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1)
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0

/**
 * The instant of the form chat exports write, `YYYY-MM-DDTHH:MM:SS[.fff](Z|±HH:MM)` (DiscordChatExporter's), read by
 * hand; undefined for anything else, which the regular expression reads. The same instant as that path gives (a test
 * compares them), without a match array, seven numbers parsed from substrings and a Date per event (measured: a sixth
 * of a Discord import's time outside JSON.parse went to reading its timestamps).
 */
function isoMillis(s: string): number | undefined {
  const n = s.length
  if (n !== 20 && n !== 24 && n !== 25 && n !== 29) return undefined
  const frac = n === 24 || n === 29
  const z = frac ? 23 : 19
  if (s[4] !== '-' || s[7] !== '-' || s[10] !== 'T' || s[13] !== ':' || s[16] !== ':' || (frac && s[19] !== '.')) return undefined
  const year = two(s, 0) * 100 + two(s, 2)
  const month = two(s, 5)
  const day = two(s, 8)
  const hour = two(s, 11)
  const minute = two(s, 14)
  const second = two(s, 17)
  const milli = frac ? digit(s, 20) * 100 + two(s, 21) : 0
  let offset = 0
  if (s[z] === 'Z') {
    if (n !== z + 1) return undefined
  } else {
    const sign = s[z] === '+' ? 1 : s[z] === '-' ? -1 : 0
    const oh = two(s, z + 1)
    const om = two(s, z + 4)
    if (sign === 0 || s[z + 3] !== ':' || !(oh <= 14 && om <= 59)) return undefined
    offset = sign * (oh * 60 + om)
  }
  // NaN (a non-digit) fails every comparison
  if (!(year >= 1000 && month >= 1 && month <= 12 && day >= 1 && hour < 24 && minute < 60 && second < 60 && milli >= 0)) return undefined
  if (!(day <= (month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]))) return undefined
  return Date.UTC(year, month - 1, day, hour, minute, second, milli) - offset * 60_000
}

/** The instant (ms since the epoch) of a time as `parseTime` reads it: its ts is `tsFromMillis(ms, zone)`. */
export function parseMillis(text: string, zone: string): number | undefined {
  const fast = isoMillis(text)
  if (fast !== undefined) return fast
  const s = text.trim()
  // epoch seconds or milliseconds: digits only (a date has its separator at index 4)
  const c4 = s.charCodeAt(4)
  if (c4 >= 0x30 && c4 <= 0x39) {
    if (/^\d{9,11}(\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000)
    if (/^\d{12,14}$/.test(s)) return Number(s)
  }
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
  // a time with its offset, by hand when every part is in range (checked by a round trip); luxon for the rest
  if (offset && parts.year >= 1000 && parts.hour < 24 && parts.millisecond < 1000) {
    const oh = offset === 'Z' ? 0 : Number(offset.slice(1, 3))
    const om = offset === 'Z' ? 0 : Number(offset.slice(-2))
    if (oh <= 14 && om <= 59) {
      const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, parts.millisecond)
      const back = new Date(local)
      if (
        back.getUTCFullYear() !== parts.year ||
        back.getUTCMonth() !== parts.month - 1 ||
        back.getUTCDate() !== parts.day ||
        back.getUTCHours() !== parts.hour ||
        back.getUTCMinutes() !== parts.minute ||
        back.getUTCSeconds() !== parts.second
      )
        return undefined
      return local - (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om) * 60_000
    }
  }
  const fixed = offset ? (offset === 'Z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`) : zone
  const dt = DateTime.fromObject(parts, {zone: fixed})
  if (!dt.isValid) return undefined
  // a local time that does not exist (skipped by a DST change) is refused rather than moved
  if (!offset && (dt.hour !== parts.hour || dt.minute !== parts.minute)) return undefined
  return dt.toMillis()
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
