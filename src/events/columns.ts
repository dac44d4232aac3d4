/**
 * Events as columns: what the metrics read of each event, in typed arrays of at most BLOCK events, with the strings
 * (members, channels, topics) as indexes into tables shared by the blocks of one batch. Pure: built from canonical
 * events here, stored beside each batch by io-columns.ts.
 */
import {tsMillis} from '../metrics/zone-day.js'
import {grown} from '../util/typed-array.js'
import {HashSlots} from './hash-slots.js'
import {canonicalOffset, dayText, jsonTextBound, KEPT, putJsonText} from './ts-text.js'
import type {EventLine, TextAt} from './event-line.js'
import {EVENT_TYPES, type CanonicalEvent, type EventType} from './types.js'

/** Events per block. */
export const BLOCK = 16_384

/** A 53-bit hash of a string (cyrb53), so message ids are kept as numbers. */
export function hash53(text: string): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  return finish53(h1, h2)
}

/** hash53 of the ASCII text in bytes [s, e), without making the string (the same number for ASCII). */
export function hash53Ascii(buf: Uint8Array, s: number, e: number): number {
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let k = s; k < e; k++) {
    const c = buf[k]
    h1 = Math.imul(h1 ^ c, 2654435761)
    h2 = Math.imul(h2 ^ c, 1597334677)
  }
  return finish53(h1, h2)
}

function finish53(h1: number, h2: number): number {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return 4294967296 * (2097151 & h2) + (h1 >>> 0)
}

/** Type codes: the index in EVENT_TYPES. */
export const TYPE_CODE: Readonly<Record<string, number>> = Object.fromEntries(EVENT_TYPES.map((t, i) => [t, i]))
/** The code of a type that is not one of EVENT_TYPES. */
export const UNKNOWN_TYPE = 255
export const typeName = (code: number): EventType | undefined => EVENT_TYPES[code]

/**
 * The identity of a string as numbers: hash53 of its JSON spelling (the UTF-8 bytes between the quotes of
 * JSON.stringify), so a member read as bytes from a cache's tables (MemberBytes) and the same member as a string have
 * the same key. Most ids need no escape and are ASCII: then it is hash53 of the string itself.
 */
export function stringKey(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x20 || c > 0x7e || c === 0x22 || c === 0x5c) {
      const bytes = new TextEncoder().encode(JSON.stringify(text).slice(1, -1))
      return hash53Ascii(bytes, 0, bytes.length)
    }
  }
  return hash53(text)
}

/** Whether a member id stands for nobody (`platform:*`: reactions counted without their members). */
export const isAnonymous = (member: string): boolean => member.endsWith(':*')

/**
 * The members of a table as the bytes of their JSON strings (escaped, without the quotes), so a reader that needs
 * only their identities (stringKey) never makes 47 000 strings; `names()` makes them when a reader needs the text.
 */
export class MemberBytes {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly start: Int32Array,
    private readonly end: Int32Array,
    readonly length: number,
  ) {}

  /** stringKey of member i. */
  key(i: number): number {
    return hash53Ascii(this.bytes, this.start[i], this.end[i])
  }

  /** Whether member i is `platform:*` (`:` and `*` are never escaped). */
  anonymous(i: number): boolean {
    const e = this.end[i]
    return e - this.start[i] >= 2 && this.bytes[e - 2] === 0x3a && this.bytes[e - 1] === 0x2a
  }

  /** Every member as a string. */
  names(): string[] {
    if (this.length === 0) return []
    const json = new TextDecoder().decode(this.bytes.subarray(this.start[0] - 1, this.end[this.length - 1] + 1))
    return JSON.parse(`[${json}]`) as string[]
  }
}

/**
 * The strings of one batch; blocks hold indexes into them. Tables only grow. Topics are kept as their hash53 only:
 * the metrics need a topic's identity, never its text, and 300 000 topic strings cost far more to read and hold.
 */
export interface ColumnTables {
  /** Made from `memberBytes` when first read, for tables read from a batch's cache. */
  members: string[]
  /** The members as bytes, for tables read from a batch's cache. */
  memberBytes?: MemberBytes
  channels: string[]
  /** hash53 of each topic. Of tables being built, those so far: an array made each time it is read (the table grows). */
  topics: Float64Array
}

/** How many members the tables have (without making their strings). */
export const memberCount = (t: ColumnTables): number => t.memberBytes?.length ?? t.members.length

/**
 * The key (stringKey) of the person of each member of the tables from `known` on (NaN for `platform:*`), into `keys`
 * (grown when short): the person is `persons.get(member)` when there are links or records, else the member.
 */
export function personKeys(t: ColumnTables, persons: ReadonlyMap<number, string>, keys: Float64Array, known: number): Float64Array {
  const n = memberCount(t)
  if (keys.length < n) keys = grown(keys, n)
  const bytes = t.memberBytes
  for (let i = known; i < n; i++) {
    const anonymous = bytes ? bytes.anonymous(i) : isAnonymous(t.members[i])
    const key = bytes ? bytes.key(i) : stringKey(t.members[i])
    const person = persons.size === 0 ? undefined : persons.get(key)
    keys[i] = anonymous ? Number.NaN : person === undefined ? key : stringKey(person)
  }
  return keys
}

/** Up to BLOCK events as columns. */
export interface EventBlock {
  length: number
  /** Milliseconds since the epoch; NaN when the ts cannot be read. */
  ms: Float64Array
  /** hash53 of `src`. */
  src: Float64Array
  /** hash53 of `parent`; NaN when there is none. */
  parent: Float64Array
  member: Uint32Array
  /** -1 when there is none. */
  channel: Int32Array
  topic: Int32Array
  type: Uint8Array
  tables: ColumnTables
  /** The events' ts and src as bytes, for a reader that asks for them (the points ledger). */
  text?: BlockText
}

/**
 * The `ts` and `src` of a block's events as their JSON string contents (ts-text.ts), side by side in `bytes`: event
 * i's kept ts from where event i - 1's src ends (0 for the first) to `ends[2i]`, its src from there to `ends[2i + 1]`.
 * A canonical ts (what isoAt writes back from the instant at `offset[i]` minutes) is not kept: its bytes are empty.
 */
export interface BlockText {
  /** The offset in minutes of each event's canonical ts; KEPT when its ts is kept as bytes. */
  offset: Int16Array
  ends: Uint32Array
  bytes: Uint8Array
}

/** Bytes of text per event a new block makes room for (it grows when its events need more). */
const TEXT_PER_EVENT = 32

const emptyText = (n: number): BlockText => ({offset: new Int16Array(n), ends: new Uint32Array(2 * n), bytes: new Uint8Array(TEXT_PER_EVENT * n)})

/** A block with the person (`members link`) of each member of its tables, as the metrics read it. */
export interface PersonBlock extends EventBlock {
  /** Where the block is: its batch (an index into the store's eventBatches) and its first event's place in the batch. */
  batch: number
  first: number
  /** persons[i] is the person of tables.members[i] (made when first read, for tables read from a cache). */
  persons: string[]
  /** personKeys[i] is stringKey of the person of member i, NaN for `platform:*` (at least as long as the tables' members). */
  personKeys: Float64Array
}

export const emptyBlock = (tables: ColumnTables, n = BLOCK, texts = false): EventBlock => ({
  length: 0,
  ms: new Float64Array(n),
  src: new Float64Array(n),
  parent: new Float64Array(n),
  member: new Uint32Array(n),
  channel: new Int32Array(n),
  topic: new Int32Array(n),
  type: new Uint8Array(n),
  tables,
  ...(texts ? {text: emptyText(n)} : {}),
})

/**
 * The indexes of a table's strings, found by their hash53 in a HashSlots (typed arrays: a Map held the 300 000 topics
 * of a 1M-event batch as ~25 MB of live strings and entries while its cache was rebuilt). With `strings` (the table),
 * a string is told from another of the same hash by comparing them; without (topics, kept as their hash only), the
 * hash is the string's identity, as it is for the metrics, which join topics across batches by their hash.
 *
 * The last string looked up is kept, and a string that is the same string (`===` compares the pointer first) is
 * answered without hashing it: a chat export gives every event the same channel, and a member often posts several
 * messages in a row (measured: 0.5% fewer instructions for the import of a 10 MB Telegram export, whose members are
 * random).
 */
class Interner {
  readonly slots = new HashSlots()
  private last: string | undefined
  private lastIndex = -1
  /** The index of the string of each ref met (`ofRef`), plus one; 0 for a ref not met yet. */
  private byRef = new Int32Array(0)

  /** A new string is pushed to `strings`: the table (none for topics, kept as their hashes: `slots.hashes()`). */
  constructor(private readonly strings?: string[]) {}

  of(value: string): number {
    if (value === this.last) return this.lastIndex
    const h = hash53(value)
    let i = this.slots.first(h)
    if (this.strings) while (i >= 0 && this.strings[i] !== value) i = this.slots.next()
    if (i < 0) {
      this.strings?.push(value)
      i = this.slots.add()
    }
    this.last = value
    this.lastIndex = i
    return i
  }

  /**
   * `of` a string that has a ref (a number that stands for this one string: ImportItem.memberRef), found by its ref in
   * an array once the ref is met: no hashing, no look-up.
   */
  ofRef(value: string, ref: number): number {
    if (ref < this.byRef.length) {
      const known = this.byRef[ref]
      if (known > 0) return known - 1
    } else this.byRef = grown(this.byRef, ref + 1)
    const i = this.of(value)
    this.byRef[ref] = i + 1
    return i
  }
}

/** Tables being built, whose topics are the hashes of `topics` so far (an array made when asked for). */
function tablesOf(topics: HashSlots): ColumnTables {
  return {
    members: [],
    channels: [],
    get topics() {
      return topics.hashes()
    },
  }
}

/**
 * Turns canonical events into blocks: `add` returns a block when one is full, `flush` the rest. With `texts`, each
 * block has the events' ts and src as bytes (BlockText).
 */
export class BlockBuilder {
  private readonly topics = new Interner()
  readonly tables: ColumnTables = tablesOf(this.topics.slots)
  private readonly members = new Interner(this.tables.members)
  private readonly channels = new Interner(this.tables.channels)
  private block: EventBlock
  private free?: EventBlock
  /** The date and offset of the last canonical ts met. */
  private readonly day = dayText()

  constructor(
    private readonly size = BLOCK,
    private readonly texts = false,
  ) {
    this.block = emptyBlock(this.tables, size, texts)
  }

  /** A block returned by `add` or `flush` that its reader is done with: the next block is filled in it. */
  recycle(b: EventBlock): void {
    if (b.ms.length === this.size && b.tables === this.tables) this.free = b
  }

  private next(): EventBlock {
    const b = this.free ?? emptyBlock(this.tables, this.size, this.texts)
    this.free = undefined
    b.length = 0
    return b
  }

  /**
   * Adds an event; `ms`, when the caller has it, is `tsMillis(e.ts)`; `line`, when the caller has it, is e's line
   * (EventLine), whose bytes give the src and parent hashes and the texts without reading the strings again, and
   * whose member ref (when it has one) gives the member's index.
   */
  add(e: CanonicalEvent, ms?: number, line?: EventLine): EventBlock | undefined {
    const b = this.block
    const i = b.length++
    b.ms[i] = ms ?? (typeof e.ts === 'string' ? tsMillis(e.ts) : Number.NaN)
    b.src[i] = line?.src.plain ? hash53Ascii(line.bytes, line.src.start, line.src.end) : hash53(String(e.src))
    b.parent[i] =
      e.parent === undefined ? Number.NaN : line?.parent.plain ? hash53Ascii(line.bytes, line.parent.start, line.parent.end) : hash53(e.parent)
    b.member[i] = line !== undefined && line.memberRef >= 0 ? this.members.ofRef(e.member, line.memberRef) : this.members.of(e.member)
    b.channel[i] = e.channel === undefined ? -1 : this.channels.of(e.channel)
    b.topic[i] = e.topic === undefined ? -1 : this.topics.of(e.topic)
    b.type[i] = TYPE_CODE[e.type] ?? UNKNOWN_TYPE
    if (b.text) {
      if (line) this.addLineText(b, i, line)
      else this.addText(b, i, String(e.ts), String(e.src))
    }
    if (b.length < this.size) return undefined
    this.block = this.next()
    return b
  }

  /** Event i's ts and src into the block's text (its ms is set). */
  private addText(b: EventBlock, i: number, ts: string, src: string): void {
    const t = this.room(b, i, jsonTextBound(ts) + jsonTextBound(src))
    const o = i === 0 ? 0 : t.ends[2 * i - 1]
    let tsEnd = putJsonText(ts, t.bytes, o)
    const offset = canonicalOffset(b.ms, i, t.bytes, o, tsEnd, this.day)
    if (offset === undefined) t.offset[i] = KEPT
    else {
      t.offset[i] = offset
      tsEnd = o
    }
    t.ends[2 * i] = tsEnd
    t.ends[2 * i + 1] = putJsonText(src, t.bytes, tsEnd)
  }

  /** addText from the bytes of the event's line: a canonical ts is recognised there, and only what is kept is copied. */
  private addLineText(b: EventBlock, i: number, line: EventLine): void {
    const t = this.room(b, i, line.ts.end - line.ts.start + line.src.end - line.src.start)
    const o = i === 0 ? 0 : t.ends[2 * i - 1]
    const offset = canonicalOffset(b.ms, i, line.bytes, line.ts.start, line.ts.end, this.day)
    t.offset[i] = offset ?? KEPT
    const tsEnd = offset === undefined ? copyText(line.bytes, line.ts, t.bytes, o) : o
    t.ends[2 * i] = tsEnd
    t.ends[2 * i + 1] = copyText(line.bytes, line.src, t.bytes, tsEnd)
  }

  /** The block's text, with room for `bytes` more after event i - 1's. */
  private room(b: EventBlock, i: number, bytes: number): BlockText {
    const t = b.text!
    const o = i === 0 ? 0 : t.ends[2 * i - 1]
    if (o + bytes > t.bytes.length) {
      const grown = new Uint8Array(Math.max(o + bytes, 2 * t.bytes.length))
      grown.set(t.bytes.subarray(0, o))
      t.bytes = grown
    }
    return t
  }

  /** The block being filled, when it holds any event (then a new one is started). */
  flush(): EventBlock | undefined {
    const b = this.block
    if (b.length === 0) return undefined
    this.block = this.next()
    return b
  }
}

/** Copies the bytes of `text` in `from` to `to` at o; returns the end. */
function copyText(from: Uint8Array, text: TextAt, to: Uint8Array, o: number): number {
  for (let k = text.start; k < text.end; k++) to[o++] = from[k]
  return o
}

/** The blocks of a list of events (each its own person: for tests and small in-memory streams). */
export function* blocksOf(events: Iterable<CanonicalEvent & {person?: string}>, size = BLOCK): Generator<PersonBlock> {
  const builder = new BlockBuilder(size)
  const persons = new Map<string, string>()
  let first = 0
  const withPersons = (b: EventBlock): PersonBlock => {
    const names = b.tables.members.map((m) => persons.get(m) ?? m)
    const at = first
    first += b.length
    return {
      ...b,
      batch: 0,
      first: at,
      persons: names,
      personKeys: Float64Array.from(names, (p, i) => (isAnonymous(b.tables.members[i]) ? Number.NaN : stringKey(p))),
    }
  }
  for (const e of events) {
    if (e.person !== undefined) persons.set(e.member, e.person)
    const full = builder.add(e)
    if (full) yield withPersons(full)
  }
  const rest = builder.flush()
  if (rest) yield withPersons(rest)
}
