/**
 * The events a points recompute holds: each event that scores as its member and a record of its time, type and the
 * bytes of its `ts` and `src` as written in the batch file (JSON string contents), so a million events are neither a
 * million objects nor two million strings. Pure: io-scoring.ts fills it from the event files, `fromTimelines` from plain data.
 */
import {isAnonymous} from '../events/columns.js'
import {canonicalOffset, dayText, decodedText, ISO, IsoDays, jsonText, KEPT} from '../events/ts-text.js'
import {EVENT_TYPES} from '../events/types.js'
import {grown} from '../util/typed-array.js'
import {compare, groupByMember, type MemberKey, type TimelineEvent} from './timeline.js'

/** Bytes per page of records; a record never spans two pages (a longer one gets a page of its own). */
const PAGE_BITS = 20
const PAGE = 1 << PAGE_BITS
const IN_PAGE = PAGE - 1
/**
 * A record: ms (float64); type (a byte); 1 when the ts is not kept because isoAt writes it back exactly from ms and
 * the offset (a byte); the offset in minutes + 32768 (two bytes); the lengths of the kept ts and of the src (four bytes
 * each); then the ts, when kept, and the src.
 */
const HEAD = 20
const OFFSET_ZERO = 32_768

/** The code of an event type: its index in EVENT_TYPES (as the column cache keeps it). */
export const typeCode = (type: string): number => (EVENT_TYPES as readonly string[]).indexOf(type)

/** A byte loop: a few dozen bytes copy faster so than through Buffer#copy (measured: 1.4 million copies of 18 bytes, 0.1 s against 0.3 s). */
function copyBytes(from: Uint8Array, s: number, e: number, out: Uint8Array, o: number): number {
  while (s < e) out[o++] = from[s++]
  return o
}

/** Events grouped by member: see ScoringEvents.grouped. */
type Grouped = {start: Uint32Array; order: Uint32Array; byName: number[]}

/**
 * Each event is one record of bytes (time, type, ts and src side by side), so the ledger, which visits the events
 * member by member rather than in the order they were read, touches one or two cache lines per event instead of one
 * per column: on 1M events, copying the ts and src of 700k entries took 0.55–0.6 s in member order and 0.15–0.2 s in
 * file order with the columns apart; with records, the ledger's loop went from 2.0–2.3 s to 1.6–1.7 s of CPU.
 * An event is named by its record's place, its ref (page × PAGE + offset): grouped() gives the refs in ledger order,
 * and the accessors (ms, type, copyTs…) take a ref, so the ledger reads a record without a lookup in a column per
 * event, and the columns of the reading (`slot`, `at`: 8 MB at 1M events) can go before the ledger is written.
 */
export class ScoringEvents {
  n = 0
  /** The member of each event: an index into `members` (until grouped). */
  private slot: Uint32Array
  /** The ref of each event's record (until grouped). */
  private at: Uint32Array
  private groups: Grouped | undefined
  private released = false
  private readonly pages: Buffer[] = []
  /** The same pages as float64s, for the records' ms. */
  private readonly times: Float64Array[] = []
  private used = PAGE
  /** The same pages as uint32s, for the lengths of the records' ts and src. */
  private readonly words: Uint32Array[] = []
  /** Writes canonical ts's back. */
  private readonly isoDays = new IsoDays()
  /** Room for one ts written by isoAt. */
  private readonly scratch = Buffer.alloc(ISO)
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

  /**
   * One event: its time is `times[t]` (epoch ms), read there rather than passed, as a float passed to a call is a
   * number on the heap (1M events: 13 MB of garbage); `offset` the minutes at which isoAt writes its ts back exactly
   * (the column cache tells), or KEPT when the ts is bytes [tsStart, tsEnd) of `buf`; its src is bytes [srcStart,
   * srcEnd) (JSON string contents).
   */
  add(
    slot: number,
    times: Float64Array,
    t: number,
    type: number,
    offset: number,
    buf: Uint8Array,
    tsStart: number,
    tsEnd: number,
    srcStart: number,
    srcEnd: number,
  ): void {
    if (this.groups || this.released) throw new Error('ScoringEvents: an event added once grouped or released')
    const ms = times[t]
    const i = this.n++
    if (i === this.at.length) {
      this.slot = grown(this.slot)
      this.at = grown(this.at)
    }
    const canonical = offset !== KEPT
    const ts = canonical ? 0 : tsEnd - tsStart
    const src = srcEnd - srcStart
    // records start at multiples of 8 (their ms is a float64)
    const size = (HEAD + ts + src + 7) & ~7
    if (this.used + size > PAGE) {
      const page = Buffer.allocUnsafeSlow(Math.max(PAGE, size))
      this.pages.push(page)
      this.times.push(new Float64Array(page.buffer, page.byteOffset, page.length >>> 3))
      this.words.push(new Uint32Array(page.buffer, page.byteOffset, page.length >>> 2))
      this.used = 0
    }
    const p = this.pages.length - 1
    const page = this.pages[p]
    const o = this.used
    this.times[p][o >>> 3] = ms
    page[o + 8] = type
    page[o + 9] = canonical ? 1 : 0
    const zoned = (canonical ? offset : 0) + OFFSET_ZERO
    page[o + 10] = zoned & 255
    page[o + 11] = zoned >>> 8
    // the lengths as uint32s of the page (o + 12 and o + 16 are multiples of 4), not through Buffer#writeUInt32LE
    const words = this.words[p]
    words[(o + 12) >>> 2] = ts
    words[(o + 16) >>> 2] = src
    let w = o + HEAD
    if (ts > 0) for (let k = tsStart; k < tsEnd; k++) page[w++] = buf[k]
    for (let k = srcStart; k < srcEnd; k++) page[w++] = buf[k]
    this.slot[i] = slot
    this.at[i] = p * PAGE + o
    this.used = o + size
  }

  /** Bytes the records take (pages in use). */
  get bytes(): number {
    return this.pages.length === 0 ? 0 : (this.pages.length - 1) * PAGE + this.used
  }

  /** An event's time (epoch ms); `ref` as grouped() gives it. */
  ms(ref: number): number {
    return this.times[ref >>> PAGE_BITS][(ref & IN_PAGE) >>> 3]
  }

  /** An event's type: its index in EVENT_TYPES. */
  type(ref: number): number {
    return this.pages[ref >>> PAGE_BITS][(ref & IN_PAGE) + 8]
  }

  /** The length of the kept ts of the record at r of page p (0 when canonical). */
  private tsLength(p: number, r: number): number {
    return this.words[p][(r + 12) >>> 2]
  }

  private srcLength(p: number, r: number): number {
    return this.words[p][(r + 16) >>> 2]
  }

  /** Whether the record at r keeps no ts (isoAt writes it back). */
  private canonical(page: Buffer, r: number): boolean {
    return page[r + 9] === 1
  }

  /** Writes the JSON contents of the ts of the record at r of page p into `out` at `o`; returns the end. */
  private writeTs(p: number, r: number, out: Uint8Array, o: number): number {
    const page = this.pages[p]
    if (this.canonical(page, r)) return this.isoDays.write(this.times[p], r >>> 3, page[r + 10] + page[r + 11] * 256 - OFFSET_ZERO, out, o)
    return copyBytes(page, r + HEAD, r + HEAD + this.tsLength(p, r), out, o)
  }

  /** Copies the JSON contents of an event's ts (or src) into `out` at `o`; returns the end. */
  copyTs(ref: number, out: Buffer, o: number): number {
    return this.writeTs(ref >>> PAGE_BITS, ref & IN_PAGE, out, o)
  }

  copySrc(ref: number, out: Buffer, o: number): number {
    const p = ref >>> PAGE_BITS
    const r = ref & IN_PAGE
    const s = r + HEAD + this.tsLength(p, r)
    return copyBytes(this.pages[p], s, s + this.srcLength(p, r), out, o)
  }

  /** Bytes of an event's ts and src together (what a ledger line copies of it). */
  textLength(ref: number): number {
    const p = ref >>> PAGE_BITS
    const r = ref & IN_PAGE
    return (this.canonical(this.pages[p], r) ? ISO : this.tsLength(p, r)) + this.srcLength(p, r)
  }

  ts(ref: number): string {
    const page = this.pages[ref >>> PAGE_BITS]
    const r = ref & IN_PAGE
    if (this.canonical(page, r)) return this.scratch.toString('latin1', 0, this.writeTs(ref >>> PAGE_BITS, r, this.scratch, 0))
    return decodedText(page, r + HEAD, r + HEAD + this.tsLength(ref >>> PAGE_BITS, r))
  }

  src(ref: number): string {
    const p = ref >>> PAGE_BITS
    const r = ref & IN_PAGE
    const s = r + HEAD + this.tsLength(p, r)
    return decodedText(this.pages[p], s, s + this.srcLength(p, r))
  }

  /** The local day (`YYYY-MM-DD`) an event's ts shows. */
  day(ref: number): string {
    return this.ts(ref).slice(0, 10)
  }

  private readonly monthNames = new Map<number, string>()

  /**
   * Months of local days (days since 1970 at the ts's offset) of canonical ts's, day d in slot d & 1023 (its tag: d):
   * an array lookup per event where a Map lookup was ~15 ms of a recompute of 1M events (data of years share slots).
   */
  private readonly monthDays = new Float64Array(1024).fill(Number.NaN)
  private readonly monthsOfDays: string[] = new Array<string>(1024).fill('')

  /** The month (`YYYY-MM`) an event's ts shows, read from its first bytes. */
  month(ref: number): string {
    const p = ref >>> PAGE_BITS
    const r = ref & IN_PAGE
    const page = this.pages[p]
    if (this.canonical(page, r)) {
      const day = Math.floor((this.times[p][r >>> 3] / 60_000 + page[r + 10] + page[r + 11] * 256 - OFFSET_ZERO) / 1440)
      const slot = day & 1023
      if (this.monthDays[slot] !== day) {
        this.monthDays[slot] = day
        this.monthsOfDays[slot] = this.scratch.toString('latin1', 0, this.writeTs(p, r, this.scratch, 0) - 18)
      }
      return this.monthsOfDays[slot]
    }
    const s = r + HEAD
    if (page[s + 4] !== 45) return page.toString('latin1', s, s + 7)
    // YYYY and MM as one number (six bytes: exact in a double)
    const code = ((page[s] * 256 + page[s + 1]) * 256 + page[s + 2]) * 16_777_216 + ((page[s + 3] * 256 + page[s + 5]) * 256 + page[s + 6])
    let name = this.monthNames.get(code)
    if (name === undefined) this.monthNames.set(code, (name = page.toString('latin1', s, s + 7)))
    return name
  }

  /**
   * The events grouped by member (groupByMember), as refs: members in code-point order (`byName`: indexes into
   * `members`), member p's events `order[start[p]]`…`order[start[p + 1] - 1]`, in file order until `inTimeOrder`
   * sorts them. Index ranges rather than a view per member: 47k members' views were 5 MB of garbage. Once grouped,
   * no event is added: the columns of the reading are let go (8 MB at 1M events, free before the ledger's month
   * totals and leaderboard are made); a second call gives the same groups.
   */
  grouped(): Grouped {
    if (this.groups) return this.groups
    if (this.released) throw new Error('ScoringEvents: grouped once released')
    const groups = groupByMember(this.slot, this.n, this.members, this.slots)
    const {order} = groups
    for (let k = 0; k < order.length; k++) order[k] = this.at[order[k]]
    this.slot = this.at = new Uint32Array(0)
    return (this.groups = groups)
  }

  /**
   * Hands over the buffers of the records (to be freed at once: freeNow) and lets go of the groups: no event can be
   * read after this.
   */
  release(): ArrayBuffer[] {
    const buffers = this.pages.map((page) => page.buffer as ArrayBuffer)
    this.pages.length = this.times.length = this.words.length = 0
    this.groups = undefined
    this.slot = this.at = new Uint32Array(0)
    this.n = 0
    this.released = true
    return buffers
  }

  /**
   * Sorts events `order[from]`…`order[to - 1]` by time then src (code-point order of the ids): a member's events in
   * the order a ledger lists them, the same whatever the order of the batches. Called just before the member's ledger
   * is made, while its records are in the cache.
   */
  inTimeOrder(order: Uint32Array, from: number, to: number): void {
    // events read in time order (as most files are) need no sort
    let sorted = true
    for (let k = from + 1; k < to && sorted; k++) sorted = this.ms(order[k - 1]) < this.ms(order[k])
    if (!sorted) order.subarray(from, to).sort((a, b) => this.ms(a) - this.ms(b) || compare(this.src(a), this.src(b)))
  }

  /** Each member's events in ledger order (grouped, then inTimeOrder), for tests and small inputs. */
  *byMember(): Generator<[MemberKey, Uint32Array]> {
    const {start, order, byName} = this.grouped()
    for (const p of byName) {
      this.inTimeOrder(order, start[p], start[p + 1])
      yield [this.members[p], order.subarray(start[p], start[p + 1])]
    }
  }

  /** The events of timelines (anonymous members left out), for tests and small inputs. */
  static fromTimelines(timelines: Iterable<[MemberKey, TimelineEvent[]]>): ScoringEvents {
    const ev = new ScoringEvents()
    const day = dayText()
    for (const [member, events] of timelines) {
      if (isAnonymous(member)) continue
      const slot = ev.slotOf(member)
      for (const e of events) {
        const text = Buffer.concat([jsonText(e.ts), jsonText(e.src)])
        const ts = text.length - jsonText(e.src).length
        const times = Float64Array.of(e.ms)
        const offset = canonicalOffset(times, 0, text, 0, ts, day) ?? KEPT
        ev.add(slot, times, 0, typeCode(e.type), offset, text, 0, ts, ts, text.length)
      }
    }
    return ev
  }
}
