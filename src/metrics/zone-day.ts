/**
 * Event times as integers, cheaply: a canonical `ts` to milliseconds (read by hand, no Date.parse for the usual form)
 * and to its day number in the community's timezone (the zone's offset cached per UTC day, or per hour on a day the
 * offset changes, so the zone data is read a few thousand times per year of data, not once per event). DST zones are
 * right on both sides of the change.
 *
 * The offsets come from Date's local time under TZ set to the zone (restored before returning): ICU's zone data, as
 * Intl.DateTimeFormat's, without ICU's formatting data, which a DateTimeFormat loads (~6 MB of memory, on Node 20 and 24,
 * most of what a metrics run holds besides its data).
 */

import {isTimezone} from '../util/timezone.js'
import {underTimezone} from '../util/dates.js'

const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

const digit = (s: string, i: number): number => s.charCodeAt(i) - 48
const two = (s: string, i: number): number => digit(s, i) * 10 + digit(s, i + 1)

/** Milliseconds since the epoch of an ISO 8601 time with an offset (`2026-11-02T10:15:00+08:00`, `…Z`); NaN when unreadable. */
export function tsMillis(ts: string): number {
  // the canonical form: YYYY-MM-DDTHH:MM:SS±HH:MM or …Z, 20 or 25 characters
  if ((ts.length === 25 || ts.length === 20) && ts.charCodeAt(10) === 84 && ts.charCodeAt(19) !== 46) {
    const utc = Date.UTC(digit(ts, 0) * 1000 + digit(ts, 1) * 100 + two(ts, 2), two(ts, 5) - 1, two(ts, 8), two(ts, 11), two(ts, 14), two(ts, 17))
    if (ts.length === 20) return ts.charCodeAt(19) === 90 ? utc : Date.parse(ts)
    const sign = ts.charCodeAt(19) === 45 ? -1 : ts.charCodeAt(19) === 43 ? 1 : 0
    if (sign === 0) return Date.parse(ts)
    return utc - sign * (two(ts, 20) * 60 + two(ts, 23)) * 60_000
  }
  return Date.parse(ts)
}

/** The offsets (minutes east of UTC) of `zone` at instants, from Date's local time with TZ set to the zone. */
function zoneOffsets(zone: string, instants: readonly number[]): number[] {
  return underTimezone(zone, () =>
    instants.map((ms) => {
      // from the local fields, to the second (getTimezoneOffset drops the seconds of old local mean times)
      const d = new Date(ms)
      const local = Date.UTC(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds())
      return Math.round((local - Math.floor(ms / 1000) * 1000) / 60_000)
    }),
  )
}

/** Day numbers of instants in one timezone. */
export class ZoneDays {
  private readonly cache = new Map<number, number>()
  /** Per UTC day: the zone's offset all that day, or NaN when it changes during the day (then per hour). */
  private readonly dayCache = new Map<number, number>()
  private lastDay = Number.NaN
  private lastOffset = Number.NaN

  /** Throws a RangeError for a zone Intl does not know. */
  constructor(readonly zone: string) {
    // under TZ, ICU takes an unknown name for UTC without a word
    if (!isTimezone(zone)) throw new RangeError(`Invalid time zone specified: ${zone}`)
  }

  /** The zone's offset in minutes at an instant (constant within a UTC hour, where every zone changes). */
  offsetAt(ms: number): number {
    const utcDay = Math.floor(ms / DAY_MS)
    if (utcDay !== this.lastDay) {
      this.lastOffset = this.dayOffset(utcDay)
      this.lastDay = utcDay
    }
    if (!Number.isNaN(this.lastOffset)) return this.lastOffset
    return this.hourOffset(ms)
  }

  /** The offset by the hour (a day in which the zone changes). */
  private hourOffset(ms: number): number {
    const hour = Math.floor(ms / HOUR_MS)
    let offset = this.cache.get(hour)
    if (offset === undefined) {
      const [start, middle, own] = zoneOffsets(this.zone, [hour * HOUR_MS, hour * HOUR_MS + HOUR_MS / 2, ms])
      // a change inside the hour (half-hour zones): take the instant's own
      if (start !== middle) return own
      offset = middle
      this.cache.set(hour, offset)
    }
    return offset
  }

  /** The offset of a whole UTC day when it does not change during it (no zone changes twice a day), else NaN. */
  private dayOffset(utcDay: number): number {
    let offset = this.dayCache.get(utcDay)
    if (offset === undefined) {
      const start = utcDay * DAY_MS
      const [a, b] = zoneOffsets(this.zone, [start, start + DAY_MS - 1000])
      offset = a === b ? a : Number.NaN
      this.dayCache.set(utcDay, offset)
    }
    return offset
  }

  /** The day number (days since 1970-01-01) of an instant, in the zone. */
  dayOf(ms: number): number {
    const utcDay = Math.floor(ms / DAY_MS)
    let offset: number
    if (utcDay === this.lastDay) offset = this.lastOffset
    else {
      offset = this.dayOffset(utcDay)
      this.lastDay = utcDay
      this.lastOffset = offset
    }
    if (Number.isNaN(offset)) offset = this.hourOffset(ms)
    return Math.floor((ms + offset * 60_000) / DAY_MS)
  }
}
