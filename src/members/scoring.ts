/**
 * The events a points recompute holds: each event that scores as its member and a record of its time, type and the
 * bytes of its `ts` and `src` as written in the batch file (JSON string contents), so a million events are neither a
 * million objects nor two million strings. Pure: io-scoring.ts fills it from the event files, `fromTimelines` from plain data.
 */
import {EVENT_TYPES} from '../events/types.js'
import {grown} from '../util/typed-array.js'
import {compare, groupByMember, isAnonymous, type MemberKey, type TimelineEvent} from './timeline.js'

/** Bytes per page of records; a record never spans two pages (a longer one gets a page of its own). */
const PAGE_BITS = 20
const PAGE = 1 << PAGE_BITS
const IN_PAGE = PAGE - 1
/** A record: ms (float64), type (a byte), the lengths of the ts and the src (four bytes each), then the ts and the src. */
const HEAD = 17

/** JSON string contents as bytes (what JSON.stringify writes between the quotes). */
export const jsonText = (s: string): Buffer => Buffer.from(JSON.stringify(s).slice(1, -1))

/** The code of an event type: its index in EVENT_TYPES (as the column cache keeps it). */
export const typeCode = (type: string): number => (EVENT_TYPES as readonly string[]).indexOf(type)

/** A byte loop: a few dozen bytes copy faster so than through Buffer#copy (measured: 1.4 million copies of 18 bytes, 0.1 s against 0.3 s). */
function copyBytes(from: Uint8Array, s: number, e: number, out: Uint8Array, o: number): number {
  while (s < e) out[o++] = from[s++]
  return o
}

/**
 * Each event is one record of bytes (time, type, ts and src side by side), so the ledger, which visits the events
 * member by member rather than in the order they were read, touches one or two cache lines per event instead of one
 * per column: on 1M events, copying the ts and src of 700k entries took 0.55–0.6 s in member order and 0.15–0.2 s in
 * file order with the columns apart; with records, the ledger's loop went from 2.0–2.3 s to 1.6–1.7 s of CPU.
 * `at[i]`: page × PAGE + offset of event i's record.
 */
export class ScoringEvents {
  n = 0
  /** The member of each event: an index into `members`. */
  slot: Uint32Array
  private at: Uint32Array
  private readonly pages: Buffer[] = []
  /** The same pages as float64s, for the records' ms. */
  private readonly times: Float64Array[] = []
  private used = PAGE
  readonly members: MemberKey[] = []
  private readonly slots = new Map<MemberKey, number>()

  /** `capacity`: how many events there may be (the columns are made that long at once rather than grown). */
  constructor(capacity = 1024) {
    const n = Math.max(1, capacity)
    this.slot = new Uint32Array(n)
    this.at = new Uint32Array(n)
  }

  /** The index of a member key in `members`, added when new. */
  slotOf(member: MemberKey): number {
    let s = this.slots.get(member)
    if (s === undefined) {
      this.slots.set(member, (s = this.members.length))
      this.members.push(member)
    }
    return s
  }

  /** One event; `ts` and `src` are the JSON string contents in `buf` from `tsStart` and `srcStart`. */
  add(slot: number, ms: number, type: number, buf: Uint8Array, tsStart: number, tsEnd: number, srcStart: number, srcEnd: number): void {
    const i = this.n++
    if (i === this.at.length) {
      this.slot = grown(this.slot)
      this.at = grown(this.at)
    }
    const ts = tsEnd - tsStart
    const src = srcEnd - srcStart
    // records start at multiples of 8 (their ms is a float64)
    const size = (HEAD + ts + src + 7) & ~7
    if (this.used + size > PAGE) {
      const page = Buffer.allocUnsafeSlow(Math.max(PAGE, size))
      this.pages.push(page)
      this.times.push(new Float64Array(page.buffer, page.byteOffset, page.length >>> 3))
      this.used = 0
    }
    const p = this.pages.length - 1
    const page = this.pages[p]
    const o = this.used
    this.times[p][o >>> 3] = ms
    page[o + 8] = type
    page.writeUInt32LE(ts, o + 9)
    page.writeUInt32LE(src, o + 13)
    let w = o + HEAD
    for (let k = tsStart; k < tsEnd; k++) page[w++] = buf[k]
    for (let k = srcStart; k < srcEnd; k++) page[w++] = buf[k]
    this.slot[i] = slot
    this.at[i] = p * PAGE + o
    this.used = o + size
  }

  /** Event i's time (epoch ms). */
  ms(i: number): number {
    const a = this.at[i]
    return this.times[a >>> PAGE_BITS][(a & IN_PAGE) >>> 3]
  }

  /** Event i's type: its index in EVENT_TYPES. */
  type(i: number): number {
    const a = this.at[i]
    return this.pages[a >>> PAGE_BITS][(a & IN_PAGE) + 8]
  }

  private tsLength(page: Buffer, o: number): number {
    return page[o + 9] + page[o + 10] * 256 + page[o + 11] * 65_536 + page[o + 12] * 16_777_216
  }

  private srcLength(page: Buffer, o: number): number {
    return page[o + 13] + page[o + 14] * 256 + page[o + 15] * 65_536 + page[o + 16] * 16_777_216
  }

  /** Copies the JSON contents of event `i`'s ts (or src) into `out` at `o`; returns the end. */
  copyTs(i: number, out: Buffer, o: number): number {
    const a = this.at[i]
    const page = this.pages[a >>> PAGE_BITS]
    const s = (a & IN_PAGE) + HEAD
    return copyBytes(page, s, s + this.tsLength(page, s - HEAD), out, o)
  }

  copySrc(i: number, out: Buffer, o: number): number {
    const a = this.at[i]
    const page = this.pages[a >>> PAGE_BITS]
    const r = a & IN_PAGE
    const s = r + HEAD + this.tsLength(page, r)
    return copyBytes(page, s, s + this.srcLength(page, r), out, o)
  }

  /** Bytes of event `i`'s ts and src together (what a ledger line copies of it). */
  textLength(i: number): number {
    const a = this.at[i]
    const page = this.pages[a >>> PAGE_BITS]
    const r = a & IN_PAGE
    return this.tsLength(page, r) + this.srcLength(page, r)
  }

  private text(i: number, src: boolean): string {
    const a = this.at[i]
    const page = this.pages[a >>> PAGE_BITS]
    const r = a & IN_PAGE
    const start = r + HEAD + (src ? this.tsLength(page, r) : 0)
    return JSON.parse(`"${page.toString('utf8', start, start + (src ? this.srcLength(page, r) : this.tsLength(page, r)))}"`) as string
  }

  ts(i: number): string {
    return this.text(i, false)
  }

  src(i: number): string {
    return this.text(i, true)
  }

  /** The local day (`YYYY-MM-DD`) an event's ts shows. */
  day(i: number): string {
    return this.ts(i).slice(0, 10)
  }

  private readonly monthNames = new Map<number, string>()

  /** The month (`YYYY-MM`) an event's ts shows, read from its first bytes. */
  month(i: number): string {
    const a = this.at[i]
    const page = this.pages[a >>> PAGE_BITS]
    const s = (a & IN_PAGE) + HEAD
    if (page[s + 4] !== 45) return page.toString('latin1', s, s + 7)
    // YYYY and MM as one number (six bytes: exact in a double)
    const code = ((page[s] * 256 + page[s + 1]) * 256 + page[s + 2]) * 16_777_216 + ((page[s + 3] * 256 + page[s + 5]) * 256 + page[s + 6])
    let name = this.monthNames.get(code)
    if (name === undefined) this.monthNames.set(code, (name = page.toString('latin1', s, s + 7)))
    return name
  }

  /**
   * Each member's events, members in code-point order, each member's events by time then src (code-point order of
   * the ids): the order a ledger is written in, the same whatever the order of the batches.
   */
  *byMember(): Generator<[MemberKey, Uint32Array]> {
    const {start, order, byName} = groupByMember(this.slot, this.n, this.members)
    for (const p of byName) {
      const list = order.subarray(start[p], start[p + 1])
      // events read in time order (as most files are) need no sort
      let sorted = true
      for (let k = 1; k < list.length && sorted; k++) sorted = this.ms(list[k - 1]) < this.ms(list[k])
      if (!sorted) list.sort((a, b) => this.ms(a) - this.ms(b) || compare(this.src(a), this.src(b)))
      yield [this.members[p], list]
    }
  }

  /** The events of timelines (anonymous members left out), for tests and small inputs. */
  static fromTimelines(timelines: Iterable<[MemberKey, TimelineEvent[]]>): ScoringEvents {
    const ev = new ScoringEvents()
    for (const [member, events] of timelines) {
      if (isAnonymous(member)) continue
      const slot = ev.slotOf(member)
      for (const e of events) {
        const text = Buffer.concat([jsonText(e.ts), jsonText(e.src)])
        const ts = text.length - jsonText(e.src).length
        ev.add(slot, e.ms, typeCode(e.type), text, 0, ts, ts, text.length)
      }
    }
    return ev
  }
}
