/**
 * The events that score, read for a points recompute: type, member and time from the column cache (scanEvents), and
 * of each line of the batch files only the bytes of its `ts` and `src`, found without parsing the line. A line whose
 * ts or src is not plain ASCII (an escape, a control or non-ASCII character) is parsed whole; a src that does not hash
 * to the one the cache holds for that line means the cache and the file disagree, and every line is parsed instead.
 */
import {open} from 'node:fs/promises'
import path from 'node:path'
import {hash53, hash53Ascii, isAnonymous, type ColumnTables, type PersonBlock} from '../events/columns.js'
import {eventsDir} from '../events/io.js'
import {scanEvents} from '../events/io-columns.js'
import {EVENT_TYPES, type CanonicalEvent} from '../events/types.js'
import {tsMillis} from '../metrics/zone-day.js'
import {grown} from '../util/typed-array.js'
import type {Db} from '../store/index.js'
import {jsonText, jsonTextLength, ScoringEvents, typeCode} from './scoring.js'

type Batches = Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>

/** Bytes of a batch file read at once. */
const CHUNK = 1 << 20

const TS = Buffer.from('"ts":"')
const SRC = Buffer.from('"src":"')

/**
 * Where the string value of `key` (`"ts":"`) starts in the line [s, e), or -1. In a canonical event (flat, known
 * keys) the first match is the key: inside a string value every `"` is escaped.
 */
function valueAt(buf: Buffer, key: Buffer, s: number, e: number): number {
  const last = e - key.length
  next: for (let k = s; k <= last; k++) {
    if (buf[k] !== key[0]) continue
    for (let j = 1; j < key.length; j++) if (buf[k + j] !== key[j]) continue next
    return k + key.length
  }
  return -1
}

/** Bytes between a canonical line's ts value and its src value, besides the type and member: `","type":"`, `","member":"`, `","src":"`. */
const GAP = 10 + 12 + 9
const TYPE_BYTES = EVENT_TYPES.map((t) => t.length)

/**
 * `at` when the src value starts there: in a canonical line (`{"ts":"…","type":"…","member":"…","src":"…`, as JSON
 * .stringify writes an event) it does, found without a search; else undefined.
 */
function srcAt(buf: Buffer, at: number, e: number): number | undefined {
  if (at > e) return undefined
  for (let j = 0; j < SRC.length; j++) if (buf[at - SRC.length + j] !== SRC[j]) return undefined
  return at
}

/** The closing quote of a string value starting at `s` when it is printable ASCII without escapes; else -1. */
function plainEnd(buf: Buffer, s: number, e: number): number {
  for (let k = s; k < e; k++) {
    const c = buf[k]
    if (c === 34) return k
    if (c === 92 || c < 32 || c > 126) return -1
  }
  return -1
}

/**
 * The lines of a batch file as [start, end] ranges of one buffer, a chunk of the file at a time ('\r' before '\n'
 * left out): `ranges[0]` to `ranges[n - 1]`. The buffer and the ranges are read over for the next chunk: valid until
 * then (one array of ranges for every chunk: an array made per chunk was 49 MB of garbage at 1M events). The next
 * chunk is read into a second buffer, after the line the chunk ends in, while this one's lines are scored (awaited
 * reads were 50-300 ms of a recompute's 1M events).
 */
async function* batchLines(root: string, id: string): AsyncGenerator<[Buffer, Uint32Array, number]> {
  const handle = await open(path.join(eventsDir(root), `${id}.ndjson`), 'r')
  try {
    let buf = Buffer.allocUnsafe(CHUNK)
    let spare = Buffer.allocUnsafe(CHUNK)
    let ranges = new Uint32Array(1 << 15)
    /** Bytes at the start of buf before the read's: the end of the last chunk, a line begun there. */
    let kept = 0
    let reading = handle.read(buf, 0, buf.length, null)
    for (;;) {
      const {bytesRead} = await reading
      const end = kept + bytesRead
      const last = bytesRead === 0
      let n = 0
      let s = 0
      for (;;) {
        let e = buf.indexOf(10, s)
        if (e === -1 || e >= end) {
          if (!last || s >= end) break
          e = end
        }
        const stop = e > s && buf[e - 1] === 13 ? e - 1 : e
        if (stop > s) {
          if (n + 2 > ranges.length) ranges = grown(ranges)
          ranges[n++] = s
          ranges[n++] = stop
        }
        s = e + 1
      }
      if (last) {
        if (n > 0) yield [buf, ranges, n]
        return
      }
      kept = end - s
      // a line longer than the buffer
      if (kept >= spare.length) spare = Buffer.allocUnsafe(2 * Math.max(kept, spare.length))
      buf.copy(spare, 0, s, end)
      reading = handle.read(spare, kept, spare.length - kept, null)
      // a failed read is thrown where it is awaited (close waits for it when the reader stops early)
      reading.catch(() => undefined)
      if (n > 0) yield [buf, ranges, n]
      const read = buf
      buf = spare
      spare = read
    }
  } finally {
    await handle.close()
  }
}

/** The events of every batch whose type `scores`, each under its person (`persons`: identity → person). */
export async function readScoringEvents(
  root: string,
  db: Batches,
  persons: Map<string, string>,
  scores: (type: string) => boolean,
): Promise<ScoringEvents> {
  const keep = new Uint8Array(256)
  EVENT_TYPES.forEach((t, code) => (keep[code] = scores(t) ? 1 : 0))
  return (await read(root, db, persons, keep, true)) ?? (await read(root, db, persons, keep, false))!
}

/** One read; with `cache`, undefined when the cache and the files disagree. */
async function read(root: string, db: Batches, persons: Map<string, string>, keep: Uint8Array, cache: boolean): Promise<ScoringEvents | undefined> {
  const ev = new ScoringEvents(db.eventBatches.reduce((n, b) => n + b.events, 0))
  /** A parsed line: its event when it scores (checked against the cache's src hash when there is one). */
  const parsed = (buf: Buffer, s: number, e: number, hash?: number): boolean => {
    const event = JSON.parse(buf.toString('utf8', s, e)) as CanonicalEvent
    if (hash !== undefined && hash53(String(event.src)) !== hash) return false
    const code = typeCode(event.type)
    const ms = tsMillis(event.ts)
    if (code < 0 || !keep[code] || !Number.isFinite(ms) || isAnonymous(event.member)) return true
    const ts = jsonText(event.ts)
    const text = Buffer.concat([ts, jsonText(event.src)])
    ev.add(ev.slotOf(persons.get(event.member) ?? event.member), Float64Array.of(ms), 0, code, text, 0, ts.length, ts.length, text.length)
    return true
  }
  const blocks = cache ? scanEvents(root, db)[Symbol.asyncIterator]() : undefined
  try {
    let block: PersonBlock | undefined
    let j = 0
    let tables: ColumnTables | undefined
    // per member of the batch's tables: its slot, -1 anonymous, -2 not looked up yet; and where src starts after ts
    let slots = new Int32Array(0)
    let gaps = new Int32Array(0)
    for (const batch of db.eventBatches) {
      for await (const [buf, lines, n] of batchLines(root, batch.id)) {
        for (let l = 0; l < n; l += 2) {
          const s = lines[l]
          const e = lines[l + 1]
          if (!blocks) {
            parsed(buf, s, e)
            continue
          }
          if (!block || j === block.length) {
            const next = await blocks.next()
            if (next.done) return undefined
            block = next.value
            j = 0
            if (block.tables !== tables || slots.length < block.tables.members.length) {
              const known = block.tables === tables ? slots : new Int32Array(0)
              slots = new Int32Array(block.tables.members.length).fill(-2)
              slots.set(known)
              const knownGaps = gaps.subarray(0, known.length)
              gaps = new Int32Array(slots.length)
              gaps.set(knownGaps)
              tables = block.tables
            }
          }
          const code = block.type[j]
          const ms = block.ms[j]
          const m = block.member[j]
          const hash = block.src[j]
          j++
          if (!keep[code] || !Number.isFinite(ms)) continue
          let slot = slots[m]
          if (slot === -2) {
            const member = block.tables.members[m]
            slot = slots[m] = isAnonymous(member) ? -1 : ev.slotOf(block.persons[m])
            gaps[m] = jsonTextLength(member) + GAP
          }
          if (slot === -1) continue
          const ts = valueAt(buf, TS, s, e)
          const tsEnd = ts < 0 ? -1 : plainEnd(buf, ts, e)
          // src comes after ts in a canonical line (else the line is parsed); where type and member are known
          const src = tsEnd < 0 ? -1 : (srcAt(buf, tsEnd + gaps[m] + TYPE_BYTES[code], e) ?? valueAt(buf, SRC, tsEnd, e))
          const srcEnd = src < 0 ? -1 : plainEnd(buf, src, e)
          if (srcEnd < 0) {
            if (!parsed(buf, s, e, hash)) return undefined
          } else {
            if (hash53Ascii(buf, src, srcEnd) !== hash) return undefined
            ev.add(slot, block.ms, j - 1, code, buf, ts, tsEnd, src, srcEnd)
          }
        }
      }
    }
    if (blocks && ((block && j < block.length) || !(await blocks.next()).done)) return undefined
    return ev
  } finally {
    await blocks?.return(undefined)
  }
}
