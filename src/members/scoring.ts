/**
 * The events a points recompute holds: each event that scores as a few numbers (member, time, type) and the bytes of
 * its `ts` and `src` as written in the batch file (JSON string contents), so a million events are neither a million
 * objects nor two million strings. Pure: io-scoring.ts fills it from the event files, `fromTimelines` from plain data.
 */
import {EVENT_TYPES} from '../events/types.js'
import {grown} from '../util/typed-array.js'
import {compare, groupByMember, isAnonymous, type MemberKey, type TimelineEvent} from './timeline.js'

/** Bytes per page of text; an event's text never spans two pages. */
const PAGE = 1 << 20

/** JSON string contents as bytes (what JSON.stringify writes between the quotes). */
export const jsonText = (s: string): Buffer => Buffer.from(JSON.stringify(s).slice(1, -1))

/** The code of an event type: its index in EVENT_TYPES (as the column cache keeps it). */
export const typeCode = (type: string): number => (EVENT_TYPES as readonly string[]).indexOf(type)

export class ScoringEvents {
  n = 0
  /** The member of each event: an index into `members`. */
  slot: Uint32Array
  ms: Float64Array
  /** The index in EVENT_TYPES. */
  type: Uint8Array
  /** Where the event's text starts: page × PAGE + offset; `ts` first, then `src`. */
  private at: Uint32Array
  private tsLength: Uint32Array
  private srcLength: Uint32Array
  private readonly pages: Buffer[] = []
  private used = PAGE
  readonly members: MemberKey[] = []
  private readonly slots = new Map<MemberKey, number>()

  /** `capacity`: how many events there may be (the columns are made that long at once rather than grown). */
  constructor(capacity = 1024) {
    const n = Math.max(1, capacity)
    this.slot = new Uint32Array(n)
    this.ms = new Float64Array(n)
    this.type = new Uint8Array(n)
    this.at = new Uint32Array(n)
    this.tsLength = new Uint32Array(n)
    this.srcLength = new Uint32Array(n)
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
    if (i === this.ms.length) {
      this.slot = grown(this.slot)
      this.ms = grown(this.ms)
      this.type = grown(this.type)
      this.at = grown(this.at)
      this.tsLength = grown(this.tsLength)
      this.srcLength = grown(this.srcLength)
    }
    const ts = tsEnd - tsStart
    const src = srcEnd - srcStart
    if (this.used + ts + src > PAGE) {
      this.pages.push(Buffer.allocUnsafe(Math.max(PAGE, ts + src)))
      this.used = 0
    }
    const page = this.pages[this.pages.length - 1]
    let o = this.used
    for (let k = tsStart; k < tsEnd; k++) page[o++] = buf[k]
    for (let k = srcStart; k < srcEnd; k++) page[o++] = buf[k]
    this.slot[i] = slot
    this.ms[i] = ms
    this.type[i] = type
    this.at[i] = (this.pages.length - 1) * PAGE + this.used
    this.tsLength[i] = ts
    this.srcLength[i] = src
    this.used = o
  }

  /** Copies the JSON contents of event `i`'s ts (or src) into `out` at `o`; returns the end. */
  copyTs(i: number, out: Buffer, o: number): number {
    return this.copy(i, 0, this.tsLength[i], out, o)
  }

  copySrc(i: number, out: Buffer, o: number): number {
    return this.copy(i, this.tsLength[i], this.srcLength[i], out, o)
  }

  /** Bytes of event `i`'s ts and src together (what a ledger line copies of it). */
  textLength(i: number): number {
    return this.tsLength[i] + this.srcLength[i]
  }

  /** A byte loop: a few dozen bytes copy faster so than through Buffer#copy (measured: 1.4 million copies of 18 bytes, 0.1 s against 0.3 s). */
  private copy(i: number, skip: number, length: number, out: Buffer, o: number): number {
    const page = this.pages[Math.floor(this.at[i] / PAGE)]
    let k = (this.at[i] % PAGE) + skip
    const end = k + length
    while (k < end) out[o++] = page[k++]
    return o
  }

  private text(i: number, skip: number, length: number): string {
    const start = (this.at[i] % PAGE) + skip
    return JSON.parse(`"${this.pages[Math.floor(this.at[i] / PAGE)].toString('utf8', start, start + length)}"`) as string
  }

  ts(i: number): string {
    return this.text(i, 0, this.tsLength[i])
  }

  src(i: number): string {
    return this.text(i, this.tsLength[i], this.srcLength[i])
  }

  /** The local day (`YYYY-MM-DD`) an event's ts shows. */
  day(i: number): string {
    return this.ts(i).slice(0, 10)
  }

  private readonly monthNames = new Map<number, string>()

  /** The month (`YYYY-MM`) an event's ts shows, read from its first bytes. */
  month(i: number): string {
    const page = this.pages[Math.floor(this.at[i] / PAGE)]
    const s = this.at[i] % PAGE
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
    const ms = this.ms
    for (const p of byName) {
      const list = order.subarray(start[p], start[p + 1])
      // events read in time order (as most files are) need no sort
      let sorted = true
      for (let k = 1; k < list.length && sorted; k++) sorted = ms[list[k - 1]] < ms[list[k]]
      if (!sorted) list.sort((a, b) => ms[a] - ms[b] || compare(this.src(a), this.src(b)))
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
