/**
 * The column cache of a batch, `.commops/events/<id>.cols`: the batch's events as blocks of typed arrays (columns.ts),
 * written by the batch writer beside `<id>.ndjson` and read instead of parsing every line: by the metrics and levels
 * (the columns), and with the events' texts by the points ledger, events stats and list, and the member views.
 *
 * Layout (little-endian): blocks, then the tables (the topics' hashes as Float64, then members and channels as JSON),
 * then a 64-byte trailer. A block is a 16-byte header (event count, checksum of the body, size and checksum of the
 * text), the body: ms, src, parent (Float64), member (Uint32), channel, topic (Int32), type (Uint8), padded to 8
 * bytes; and the text, the events' ts and src as bytes (BlockText), read only by a reader that asks for it: offset
 * (Int16), ends (Uint32), bytes, each padded to 8 bytes. The trailer names the
 * format version, the event count, where the tables are, their checksum and the number of topics, and the size and a
 * sample hash (first and last 4 KiB) of the NDJSON it was made from.
 *
 * The cache is never trusted blindly: a missing, stale (another NDJSON), other-version or damaged cache is read from
 * the NDJSON instead and rebuilt on the way (best effort); a block whose checksum fails ends the cache's part of the
 * read, and the NDJSON gives the rest of the events from that block on.
 */
import {open, rename, rm, type FileHandle} from 'node:fs/promises'
import path from 'node:path'
import type {Db} from '../store/index.js'
import {readPersons} from '../members/io-records.js'
import {damagedStoreFile, tempPathFor} from '../util/fs.js'
import {jsonObject} from '../util/json.js'
import {decodeText, textLineBatches} from './import/decode.js'
import {eventsDir, fileBytes} from './io.js'
import {
  BLOCK,
  BlockBuilder,
  MemberBytes,
  memberCount,
  personKeys,
  stringKey,
  type BlockText,
  type ColumnTables,
  type EventBlock,
  type PersonBlock,
} from './columns.js'
import {grown} from '../util/typed-array.js'
import {KEPT, writable} from './ts-text.js'
import type {EventLine} from './event-line.js'
import type {ByteStream} from './types.js'
import type {CanonicalEvent} from './types.js'

/**
 * 2: topics as their hash53 (numbers), not strings. 3: the topics' hashes as Float64 bytes, not JSON (300 000 of them
 * cost 25 MB of memory to parse; as bytes, 2.4 MB). 4: each block's text (the events' ts and src), so a points
 * recompute reads the cache alone instead of every line of the NDJSON (a cache of an older version is rebuilt from
 * the NDJSON by the next read).
 */
export const COLS_VERSION = 4
const MAGIC = 'COMMOPSC'
const TRAILER = 64
const HEADER = 16
const SAMPLE = 4096

/** A 32-bit checksum of 32-bit words (FNV-1a over words). */
function checksum(words: Uint32Array, seed = 0x811c9dc5): number {
  let h = seed
  for (let i = 0; i < words.length; i++) h = Math.imul(h ^ words[i], 0x01000193)
  return h >>> 0
}

/** A 32-bit checksum of bytes (FNV-1a). */
function checksumBytes(bytes: Uint8Array, seed = 0x811c9dc5): number {
  let h = seed
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193)
  return h >>> 0
}

const pad8 = (n: number): number => Math.ceil(n / 8) * 8
const bodyBytes = (n: number): number => pad8(37 * n)
/** Bytes of a block's text: offsets, ends and the bytes they end. */
const textBytes = (n: number, bytes: number): number => pad8(2 * n) + 8 * n + pad8(bytes)

/** The views of a block body in `buf` at byte `at` (8-aligned). */
function views(buf: ArrayBuffer, at: number, n: number, tables: ColumnTables): EventBlock {
  let o = at
  const take = <A>(make: (b: ArrayBuffer, off: number, len: number) => A, bytes: number): A => {
    const a = make(buf, o, n)
    o += bytes * n
    return a
  }
  const ms = take((b, off, len) => new Float64Array(b, off, len), 8)
  const src = take((b, off, len) => new Float64Array(b, off, len), 8)
  const parent = take((b, off, len) => new Float64Array(b, off, len), 8)
  const member = take((b, off, len) => new Uint32Array(b, off, len), 4)
  const channel = take((b, off, len) => new Int32Array(b, off, len), 4)
  const topic = take((b, off, len) => new Int32Array(b, off, len), 4)
  const type = take((b, off, len) => new Uint8Array(b, off, len), 1)
  return {length: n, ms, src, parent, member, channel, topic, type, tables}
}

/** The text of a block's n events in buf from byte `at` (8-aligned), `size` bytes (textBytes). */
function textViews(buf: ArrayBuffer, at: number, n: number, size: number): BlockText {
  const offset = new Int16Array(buf, at, n)
  const ends = new Uint32Array(buf, at + pad8(2 * n), 2 * n)
  const start = at + pad8(2 * n) + 8 * n
  return {offset, ends, bytes: new Uint8Array(buf, start, at + size - start)}
}

/**
 * One block as bytes: header, body and text (the builder of a cache makes blocks with texts), in `into` when it is
 * large enough (a buffer written and free again).
 */
function encodeBlock(b: EventBlock, into?: ArrayBuffer): Uint8Array {
  const n = b.length
  const t = b.text!
  const used = n === 0 ? 0 : t.ends[2 * n - 1]
  const text = textBytes(n, used)
  const size = HEADER + bodyBytes(n) + text
  // room to spare in a new buffer, so that it can be reused for blocks whose text is a little longer
  const buf = into && into.byteLength >= size ? into : new ArrayBuffer(pad8(size + (size >>> 3)))
  const v = views(buf, HEADER, n, b.tables)
  v.ms.set(b.ms.subarray(0, n))
  v.src.set(b.src.subarray(0, n))
  v.parent.set(b.parent.subarray(0, n))
  v.member.set(b.member.subarray(0, n))
  v.channel.set(b.channel.subarray(0, n))
  v.topic.set(b.topic.subarray(0, n))
  v.type.set(b.type.subarray(0, n))
  const at = HEADER + bodyBytes(n)
  const w = textViews(buf, at, n, text)
  w.offset.set(t.offset.subarray(0, n))
  w.ends.set(t.ends.subarray(0, 2 * n))
  w.bytes.set(t.bytes.subarray(0, used))
  // the padding too, so the same block gives the same bytes (a reused buffer holds an older block's)
  new Uint8Array(buf, HEADER + 37 * n, bodyBytes(n) - 37 * n).fill(0)
  w.bytes.fill(0, used)
  new Uint8Array(buf, at + 2 * n, pad8(2 * n) - 2 * n).fill(0)
  const head = new Uint32Array(buf, 0, 4)
  head[0] = n
  head[1] = checksum(new Uint32Array(buf, HEADER, bodyBytes(n) / 4), n)
  head[2] = text
  head[3] = checksum(new Uint32Array(buf, at, text / 4), n)
  return new Uint8Array(buf, 0, size)
}

/** Size and a hash of the first and last 4 KiB of a file: what ties a cache to its NDJSON. */
async function sampleOf(handle: FileHandle): Promise<{size: number; sample: number}> {
  const {size} = await handle.stat()
  const head = Buffer.alloc(Math.min(SAMPLE, size))
  const tail = Buffer.alloc(Math.min(SAMPLE, size))
  await handle.read(head, 0, head.length, 0)
  await handle.read(tail, 0, tail.length, size - tail.length)
  return {size, sample: checksumBytes(tail, checksumBytes(head))}
}

async function sampleOfFile(file: string): Promise<{size: number; sample: number}> {
  const handle = await open(file, 'r')
  try {
    return await sampleOf(handle)
  } finally {
    await handle.close()
  }
}

/** The trailer after the blocks and tables. */
function trailer(o: {
  count: number
  blocks: number
  tablesAt: number
  /** The tables' bytes: the topics' hashes, then the JSON (two parts, not copied into one). */
  tables: [Uint8Array, Uint8Array]
  topics: number
  ndjson: {size: number; sample: number}
}): Uint8Array {
  const buf = Buffer.alloc(TRAILER)
  buf.write(MAGIC, 0, 'latin1')
  buf.writeUInt32LE(COLS_VERSION, 8)
  buf.writeUInt32LE(BLOCK, 12)
  buf.writeDoubleLE(o.count, 16)
  buf.writeUInt32LE(o.blocks, 24)
  const [hashes, json] = o.tables
  buf.writeUInt32LE(checksumBytes(json, checksumBytes(hashes)), 28)
  buf.writeDoubleLE(o.tablesAt, 32)
  buf.writeDoubleLE(hashes.length + json.length, 40)
  buf.writeDoubleLE(o.ndjson.size, 48)
  buf.writeUInt32LE(o.ndjson.sample, 56)
  buf.writeUInt32LE(o.topics, 60)
  return buf
}

/**
 * Writes a column cache as events come: blocks go to the file as they fill; `finish` adds the tables and the
 * trailer once the NDJSON is complete. The file is a temp file until the caller renames it.
 */
export class ColumnWriter {
  private readonly builder = new BlockBuilder(BLOCK, true)
  private count = 0
  private blocks = 0
  private at = 0
  private pending: Uint8Array[] = []
  private pendingBytes = 0
  /** Encoded full blocks already written, for reuse (as the builder's block is): no new memory per block. */
  private spare: ArrayBuffer[] = []

  constructor(
    readonly file: string,
    private readonly handle: FileHandle,
  ) {}

  static async create(file: string): Promise<ColumnWriter> {
    return new ColumnWriter(file, await open(file, 'wx'))
  }

  private queue(bytes: Uint8Array): void {
    this.pending.push(bytes)
    this.pendingBytes += bytes.length
    this.at += bytes.length
  }

  /** Forgets what is waiting to be written (a cache that could not be written is not finished). */
  drop(): void {
    this.pending = []
    this.pendingBytes = 0
  }

  /** Enough is waiting to be written (`flush`). */
  get due(): boolean {
    return this.pendingBytes >= 1024 * 1024
  }

  async flush(): Promise<void> {
    const data = this.pending
    this.pending = []
    this.pendingBytes = 0
    for (const bytes of data) {
      await this.handle.write(bytes)
      // a block's buffer (encodeBlock's, not the tables' or trailer's)
      if (!Buffer.isBuffer(bytes) && bytes.buffer.byteLength >= HEADER + bodyBytes(BLOCK) && this.spare.length < 2)
        this.spare.push(bytes.buffer as ArrayBuffer)
    }
  }

  /**
   * Adds an event without writing: a caller adding many at once flushes when `due` (no promise per event). Returns the
   * block the event filled, if it did (queued for writing; the caller may read it until it adds the next event).
   */
  push(e: CanonicalEvent, ms?: number, line?: EventLine): EventBlock | undefined {
    this.count++
    const full = this.builder.add(e, ms, line)
    if (full) this.block(full)
    return full
  }

  /** Queues the block being filled, when it holds any event, and returns it (valid until the next event is added). */
  rest(): EventBlock | undefined {
    const rest = this.builder.flush()
    if (rest) this.block(rest)
    return rest
  }

  private block(b: EventBlock): void {
    this.blocks++
    this.queue(encodeBlock(b, this.spare.pop()))
    this.builder.recycle(b)
  }

  /** Writes the last block, the tables and the trailer for the NDJSON `ndjson` (complete), fsyncs and closes. */
  async finish(ndjson: string | FileHandle): Promise<void> {
    this.rest()
    const {members, channels, topics} = this.builder.tables
    // Buffers (views, not copies), so that `flush` does not keep them for blocks
    const hashes = Buffer.from(topics.buffer, topics.byteOffset, topics.byteLength)
    const json = Buffer.from(JSON.stringify({members, channels}))
    const tablesAt = this.at
    this.queue(hashes)
    this.queue(json)
    const sample = typeof ndjson === 'string' ? await sampleOfFile(ndjson) : await sampleOf(ndjson)
    this.queue(trailer({count: this.count, blocks: this.blocks, tablesAt, tables: [hashes, json], topics: topics.length, ndjson: sample}))
    await this.flush()
    await this.handle.sync()
    await this.close()
  }

  async close(): Promise<void> {
    await this.handle.close().catch(() => undefined)
  }
}

/**
 * The tables of the batches a caller has read, by batch id, kept by a caller that reads the events more than once: a
 * later read takes a batch's tables from here when its cache names the same tables (checksum, place and size), instead
 * of reading and parsing them again (~5 MB for 50 000 members and 300 000 topics).
 */
export type KnownTables = Map<string, {tag: string; tables: ColumnTables}>

interface CacheHead {
  count: number
  blocks: number
  tables: ColumnTables
  size: number
  /** Where the blocks end. */
  tablesAt: number
}

/**
 * The trailer and tables of a cache when it matches the NDJSON and the expected count; undefined otherwise. The tables
 * are those of `known` when they are the same, and are added to it when read.
 */
async function openCache(handle: FileHandle, ndjson: string, count: number, known?: KnownTables, id = ''): Promise<CacheHead | undefined> {
  const {size} = await handle.stat()
  if (size < TRAILER) return undefined
  const t = Buffer.alloc(TRAILER)
  await handle.read(t, 0, TRAILER, size - TRAILER)
  if (t.toString('latin1', 0, 8) !== MAGIC || t.readUInt32LE(8) !== COLS_VERSION || t.readUInt32LE(12) !== BLOCK) return undefined
  const n = t.readDoubleLE(16)
  const blocks = t.readUInt32LE(24)
  const tablesAt = t.readDoubleLE(32)
  const tablesLength = t.readDoubleLE(40)
  if (n !== count || blocks !== Math.ceil(n / BLOCK) || tablesAt + tablesLength + TRAILER !== size) return undefined
  // the blocks without their texts take this much at least
  const least = blocks === 0 ? 0 : (blocks - 1) * (HEADER + bodyBytes(BLOCK)) + HEADER + bodyBytes(n - (blocks - 1) * BLOCK)
  if (tablesAt < least) return undefined
  const source = await sampleOfFile(ndjson).catch(() => undefined)
  if (!source || source.size !== t.readDoubleLE(48) || source.sample !== t.readUInt32LE(56)) return undefined
  const topicBytes = t.readUInt32LE(60) * 8
  if (topicBytes > tablesLength) return undefined
  const tag = `${t.readUInt32LE(28)}:${tablesAt}:${tablesLength}:${topicBytes}`
  const seen = known?.get(id)
  if (seen?.tag === tag) return {count: n, blocks, tables: seen.tables, size, tablesAt}
  // the topics straight into their array, the JSON after them
  const topics = new Float64Array(topicBytes / 8)
  const json = Buffer.alloc(tablesLength - topicBytes)
  await handle.read(new Uint8Array(topics.buffer), 0, topicBytes, tablesAt)
  await handle.read(json, 0, json.length, tablesAt + topicBytes)
  if (checksumBytes(json, checksumBytes(new Uint8Array(topics.buffer))) !== t.readUInt32LE(28)) return undefined
  try {
    const tables = memberTables(json, topics)
    if (!tables) return undefined
    known?.set(id, {tag, tables})
    return {count: n, blocks, tables, size, tablesAt}
  } catch {
    return undefined
  }
}

const ok = (a: unknown): a is string[] => Array.isArray(a) && a.every((s) => typeof s === 'string')

const MEMBERS_HEAD = Buffer.from('{"members":[')
const CHANNELS_HEAD = Buffer.from(',"channels":')

/**
 * The tables' JSON as the writer spells it, `{"members":[…],"channels":[…]}`, with the members kept as the bytes of
 * their strings (MemberBytes: no string per member) and the channels parsed; undefined when it is spelled otherwise
 * (the writer never does: such a cache is not used, and the NDJSON is read instead).
 */
function memberTables(json: Buffer, topics: Float64Array): ColumnTables | undefined {
  if (!json.subarray(0, MEMBERS_HEAD.length).equals(MEMBERS_HEAD)) return undefined
  let start = new Int32Array(1024)
  let end = new Int32Array(1024)
  let n = 0
  let k = MEMBERS_HEAD.length
  if (json[k] === 0x5d) k++
  else {
    for (;;) {
      if (json[k] !== 0x22) return undefined
      const s = ++k
      k = stringEnd(json, k)
      if (k < 0) return undefined
      if (n === start.length) {
        start = grown(start)
        end = grown(end)
      }
      start[n] = s
      end[n++] = k++
      if (json[k] === 0x2c) k++
      else if (json[k] === 0x5d) {
        k++
        break
      } else return undefined
    }
  }
  if (!json.subarray(k, k + CHANNELS_HEAD.length).equals(CHANNELS_HEAD) || json[json.length - 1] !== 0x7d) return undefined
  const channels = JSON.parse(json.toString('utf8', k + CHANNELS_HEAD.length, json.length - 1)) as unknown
  if (!ok(channels)) return undefined
  const memberBytes = new MemberBytes(json, start, end, n)
  let members: string[] | undefined
  return {
    get members() {
      return (members ??= memberBytes.names())
    },
    memberBytes,
    channels,
    topics,
  }
}

/**
 * Where JSON string text starting at `k` stops before `end`: at its closing quote, or at `end` when it runs there
 * whole; -1 when it is not valid JSON string text (a control character, an incomplete or unknown escape).
 */
function stringStop(json: Uint8Array, k: number, end = json.length): number {
  for (; k < end; k++) {
    const c = json[k]
    if (c === 0x22) return k
    if (c < 0x20) return -1
    if (c === 0x5c) {
      const x = json[++k]
      if (k >= end) return -1
      if (x === 0x75) {
        if (k + 4 >= end) return -1
        for (let h = 1; h <= 4; h++) if (!isHex(json[k + h])) return -1
        k += 4
      } else if (!ESCAPES.includes(x)) return -1
    }
  }
  return end
}

/** The index of the closing quote of a JSON string whose text starts at `k`, or -1 when it is not valid JSON. */
function stringEnd(json: Uint8Array, k: number): number {
  const stop = stringStop(json, k)
  return stop === json.length ? -1 : stop
}

/** The characters after a backslash in JSON, but `u`. */
const ESCAPES = [0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]
const isHex = (c: number | undefined): boolean =>
  c !== undefined && ((c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66))

/** Where a block's text is read into (grown when a block's text is longer). */
interface TextBuffer {
  buf: ArrayBuffer
}

/**
 * A block read from the cache at `at`, ending at most at `limit` (with its text into `text` when asked), and the
 * size it takes; undefined when its bytes do not check out (or point outside the tables).
 */
async function readBlock(
  handle: FileHandle,
  at: number,
  limit: number,
  n: number,
  tables: ColumnTables,
  buf: ArrayBuffer,
  text?: TextBuffer,
): Promise<{block: EventBlock; size: number} | undefined> {
  const bytes = HEADER + bodyBytes(n)
  const {bytesRead} = await handle.read(new Uint8Array(buf, 0, bytes), 0, bytes, at)
  if (bytesRead !== bytes) return undefined
  const head = new Uint32Array(buf, 0, 4)
  const textSize = head[2]
  if (head[0] !== n || head[1] !== checksum(new Uint32Array(buf, HEADER, bodyBytes(n) / 4), n)) return undefined
  if (textSize < textBytes(n, 0) || textSize % 8 !== 0 || at + bytes + textSize > limit) return undefined
  const b = views(buf, HEADER, n, tables)
  const members = memberCount(tables)
  const channels = tables.channels.length
  const topics = tables.topics.length
  for (let i = 0; i < n; i++) if (b.member[i] >= members || b.channel[i] >= channels || b.topic[i] >= topics) return undefined
  if (text) {
    if (text.buf.byteLength < textSize) text.buf = new ArrayBuffer(pad8(textSize + (textSize >>> 3)))
    const read = await handle.read(new Uint8Array(text.buf, 0, textSize), 0, textSize, at + bytes)
    if (read.bytesRead !== textSize || head[3] !== checksum(new Uint32Array(text.buf, 0, textSize / 4), n)) return undefined
    b.text = textViews(text.buf, 0, n, textSize)
    if (!textChecks(b.text, n, b.ms)) return undefined
  }
  return {block: b, size: bytes + textSize}
}

/**
 * Whether a block's text is what a writer makes: ends in order and inside the bytes, no ts bytes where the ts is
 * canonical, offsets a canonical ts can have (on whole seconds), and bytes that are JSON string contents, so the
 * points ledger can copy them between quotes as they are.
 */
function textChecks(t: BlockText, n: number, ms: Float64Array): boolean {
  let end = 0
  for (let i = 0; i < n; i++) {
    const tsEnd = t.ends[2 * i]
    const srcEnd = t.ends[2 * i + 1]
    if (tsEnd < end || srcEnd < tsEnd) return false
    const offset = t.offset[i]
    if (offset !== KEPT && (tsEnd !== end || offset < -5999 || offset > 5999 || !writable(ms[i]))) return false
    end = srcEnd
  }
  if (end > t.bytes.length) return false
  const bytes = t.bytes
  if (plainText(bytes, end)) return true
  let s = 0
  for (let k = 0; k < 2 * n; k++) {
    if (!jsonContents(bytes, s, t.ends[k])) return false
    s = t.ends[k]
  }
  return true
}

/**
 * Whether bytes [0, end) hold no control character, quote or backslash (then every string in them is JSON string
 * contents as it is), checked four bytes at a time (a quote and a backslash found by indexOf): a byte loop took 50 ms
 * of a recompute of 1M events.
 */
function plainText(bytes: Uint8Array, end: number): boolean {
  const head = bytes.subarray(0, end)
  if (head.indexOf(0x22) !== -1 || head.indexOf(0x5c) !== -1) return false
  // a word with a byte below 0x20 (H. S. Warren's "has less": exact for whether there is one)
  const words = new Uint32Array(bytes.buffer, bytes.byteOffset, end >>> 2)
  for (let k = 0; k < words.length; k++) {
    const w = words[k]
    if (((w - 0x20202020) & ~w & 0x80808080) !== 0) return false
  }
  for (let k = words.length * 4; k < end; k++) if (bytes[k] < 0x20) return false
  return true
}

/** Whether bytes [s, e) are the contents of a JSON string (no control character or bare quote, escapes complete). */
const jsonContents = (bytes: Uint8Array, s: number, e: number): boolean => stringStop(bytes, s, e) === e

/** Bytes read from a batch's NDJSON at a time (as views of the reader's larger chunks), for `ndjsonEvents`. */
const PIECE = 16 * 1024

/** The chunks of a byte stream cut in pieces of at most `size` bytes (views: each valid as long as its chunk is). */
async function* pieces(bytes: ByteStream, size: number): ByteStream {
  for await (const chunk of bytes) for (let s = 0; s < chunk.length; s += size) yield chunk.subarray(s, s + size)
}

/**
 * The events of a batch's NDJSON from line `skip` on, a piece's lines at a time, each line parsed as it is asked for.
 * What survives a young collection makes V8 grow its young generation: the text and events of 64 KiB of lines at once
 * grew it to 32 MB in a rebuild of 1M events, 16 KiB of text and one event to 16 MB.
 */
async function* ndjsonEvents(file: string, skip = 0): AsyncGenerator<Iterable<CanonicalEvent>> {
  let i = 0
  // empty lines are skipped, and not counted; `first`: the number of lines[0], to name a damaged line
  function* parse(lines: string[], first: number): Generator<CanonicalEvent> {
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k]
      if (line === '' || i++ < skip) continue
      let event: CanonicalEvent
      try {
        event = jsonObject(JSON.parse(line)) as CanonicalEvent
      } catch (error) {
        throw damagedStoreFile(file, first + k, error)
      }
      yield event
    }
  }
  for await (const {lines, first} of textLineBatches(decodeText(pieces(fileBytes(file), PIECE), 'utf8'))) yield parse(lines, first)
}

/**
 * The blocks of one batch: from its cache when it checks out, else from the NDJSON (rebuilding the cache on the way).
 * A block is valid until the next one is asked for.
 */
export async function* batchBlocks(
  root: string,
  batch: {id: string; events: number},
  known?: KnownTables,
  texts = false,
): AsyncGenerator<EventBlock> {
  const dir = eventsDir(root)
  const ndjson = path.join(dir, `${batch.id}.ndjson`)
  const cols = path.join(dir, `${batch.id}.cols`)
  const handle = await open(cols, 'r').catch(() => undefined)
  let done = 0
  if (handle) {
    let damaged = false
    try {
      const head = await openCache(handle, ndjson, batch.events, known, batch.id).catch(() => undefined)
      if (head) {
        let at = 0
        // two buffers (and two for the texts), taken in turn: the next block is read into one while the caller works
        // on the block in the other (waiting for each read in turn left the thread idle for ~15% of a points
        // recompute), and a block is valid until the next one is asked for. A read under way when the caller stops
        // early ends before the file is closed (FileHandle#close waits for it), or fails quietly (caught)
        const bufs = [new ArrayBuffer(HEADER + bodyBytes(BLOCK)), new ArrayBuffer(HEADER + bodyBytes(BLOCK))]
        const textBufs = [{buf: new ArrayBuffer(0)}, {buf: new ArrayBuffer(0)}]
        const readAt = (from: number, k: number) =>
          readBlock(
            handle,
            from,
            head.tablesAt,
            Math.min(BLOCK, head.count - k * BLOCK),
            head.tables,
            bufs[k % 2],
            texts ? textBufs[k % 2] : undefined,
          ).catch(() => undefined)
        let next = head.count > 0 ? readAt(0, 0) : undefined
        for (let k = 0; done < head.count; k++) {
          const n = Math.min(BLOCK, head.count - done)
          const read = await next
          // the last block ends where the tables start
          if (!read || (done + n === head.count && at + read.size !== head.tablesAt)) {
            damaged = true
            break
          }
          at += read.size
          done += n
          next = done < head.count ? readAt(at, k + 1) : undefined
          yield read.block
        }
        if (!damaged) return
      }
    } finally {
      await handle.close().catch(() => undefined)
    }
    // a damaged cache: the rest from the NDJSON, and the cache goes, to be rebuilt by the next full read
    if (damaged) {
      await rm(cols, {force: true}).catch(() => undefined)
      const builder = new BlockBuilder(BLOCK, texts)
      for await (const events of ndjsonEvents(ndjson, done))
        for (const e of events) {
          const full = builder.add(e)
          if (full) yield full
        }
      const rest = builder.flush()
      if (rest) yield rest
      return
    }
  }
  yield* rebuild(ndjson, cols, texts)
}

/**
 * The blocks of an NDJSON file, writing its cache beside it as they go (best effort: a read-only folder just reads).
 * The blocks read are those written (with their texts, which a reader that did not ask for them ignores).
 */
async function* rebuild(ndjson: string, cols: string, texts: boolean): AsyncGenerator<EventBlock> {
  const temp = tempPathFor(cols)
  const writer = await ColumnWriter.create(temp).catch(() => undefined)
  // a writer that cannot write goes on building the blocks, and drops what it would write
  let writing = writer !== undefined
  const builder = writer ? undefined : new BlockBuilder(BLOCK, texts)
  let complete = false
  try {
    for await (const events of ndjsonEvents(ndjson)) {
      for (const e of events) {
        const full = writer ? writer.push(e) : builder!.add(e)
        if (full) yield full
      }
      if (writer?.due) {
        if (writing) await writer.flush().catch(() => (writing = false))
        if (!writing) writer.drop()
      }
    }
    const rest = writer ? writer.rest() : builder!.flush()
    if (rest) yield rest
    complete = true
  } finally {
    let kept = false
    if (writer && writing && complete) {
      kept = await writer
        .finish(ndjson)
        .then(() => rename(temp, cols))
        .then(() => true)
        .catch(() => false)
    }
    if (!kept && writer) {
      await writer.close()
      await rm(temp, {force: true}).catch(() => undefined)
    }
  }
}

/**
 * Every event of the workspace as blocks of columns, batch by batch, each with the person its members belong to
 * (`members link`, member records): the reader the metrics build on. Memory holds one block and the batch's tables at a time: a
 * block's arrays are valid until the next block is asked for (they are read into the same buffer). A caller that reads
 * the events again passes the same `known` to each read: the tables are then read once. With `texts`, each block has
 * its events' ts and src as bytes (`text`).
 */
export async function* scanEvents(
  root: string,
  db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>,
  known?: KnownTables,
  texts = false,
): AsyncGenerator<PersonBlock> {
  if (db.eventBatches.length === 0) return
  const {index} = await readPersons(root, db)
  // the persons of linked members by the member's key: a member read as bytes is looked up without its string
  const byKey = new Map<number, string>()
  for (const [member, person] of index) byKey.set(stringKey(member), person)
  for (const [n, batch] of db.eventBatches.entries()) {
    let tables: ColumnTables | undefined
    let keys: Float64Array = new Float64Array(0)
    let keyed = 0
    let persons: string[] | undefined
    let first = 0
    for await (const b of batchBlocks(root, batch, known, texts)) {
      if (b.tables !== tables) {
        tables = b.tables
        keyed = 0
        persons = undefined
      }
      const t = tables
      if (keyed < memberCount(t)) {
        keys = personKeys(t, byKey, keys, keyed)
        keyed = memberCount(t)
      }
      const at = first
      first += b.length
      yield {
        ...b,
        batch: n,
        first: at,
        personKeys: keys,
        // the strings only for a reader that asks: with no links and no records, the table's own
        get persons() {
          if (index.size === 0) return t.members
          persons ??= []
          for (let i = persons.length; i < t.members.length; i++) persons.push(index.get(t.members[i]) ?? t.members[i])
          return persons
        },
      }
    }
  }
}
