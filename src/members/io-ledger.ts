/**
 * The incentive files under `.commops/ledger/`: the computed ledger (`computed-<hash>.ndjson`, written whole, named
 * by its content), and the append-only `manual.ndjson` (awards, deductions) and `badges.ndjson` (awards,
 * revocations). Data first, index last: a file is synced before db.json names it, and only the `bytes` the index
 * counts are read, so a line half-written by a crash is never seen and is cut off by the next append.
 */
import {createHash} from 'node:crypto'
import {mkdir, open, readdir, readFile, rename, rm, type FileHandle} from 'node:fs/promises'
import path from 'node:path'
import {StoreError} from '../errors.js'
import type {IncentiveFile} from '../store/index.js'
import {assertConfined, batchTempOwner, isProcessAlive, readStoreFile, syncDir, tempPathFor, writeNewSynced} from '../util/fs.js'
import {parseNdjson, storeLine} from '../util/json.js'
import {forEachLine} from '../util/lines.js'
import {EVENT_TYPES} from '../events/types.js'
import type {LedgerEntry, LedgerRows} from './points.js'
import {plainJson} from '../events/ts-text.js'
import type {ScoringEvents} from './scoring.js'

/** Bytes read or gathered before a write at once. */
const CHUNK = 1 << 20

/** `.commops/ledger` of a workspace. */
export const ledgerDir = (root: string): string => path.join(root, '.commops', 'ledger')

const fileOf = (root: string, name: string): string => {
  const file = path.join(ledgerDir(root), name)
  assertConfined(root, file)
  return file
}

/** The objects of the counted part of an incentive file (none when the index names no file). */
export async function readIncentiveFile<T>(root: string, index: IncentiveFile | undefined): Promise<T[]> {
  if (!index || index.entries === 0) return []
  const file = fileOf(root, index.file)
  const buf = await readStoreFile(root, file, index.file)
  return parseNdjson<T>(buf.subarray(0, index.bytes).toString('utf8'), file)
}

/** The file of an incentive index, open for reading (a missing file: a store error naming it). */
async function openIncentiveFile(root: string, index: IncentiveFile): Promise<FileHandle> {
  const file = fileOf(root, index.file)
  return open(file, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
    throw new StoreError({key: 'store.batchMissing', params: {file, id: index.file}}, {location: {file}, hint: {key: 'store.batchMissing.hint'}})
  })
}

/** What scanEntries gives a reader of each entry. */
export interface EntryVisitor {
  /**
   * A line written as the computed ledger writes it (`{"ts":"YYYY-MM-DD…","member":"…","points":…`): its day as
   * the number YYYYMMDD, member and points, read in place; true when the reader wants the whole entry (`whole`).
   */
  head(day: number, member: string, points: number): boolean
  /** The entry of a line whose head the reader wanted. */
  whole?(e: LedgerEntry): void
  /** Any other line, parsed. */
  entry(e: LedgerEntry): void
}

// the parts of a computed ledger's line: ComputedWriter writes them, scanEntries finds them
const ascii = (s: string): Buffer => Buffer.from(s, 'latin1')
/** What starts a line, before its ts. */
const LINE_START = ascii('{"ts":"')
/** What follows the ts of a member's lines: `","member":` before the member, `,"points":` after. */
const MEMBER = ascii('","member":')
const POINTS = ascii(',"points":')
// the same parts as scanEntries meets them around a line's ts, member and points
const TS_HEAD = LINE_START
const MEMBER_HEAD = Buffer.concat([MEMBER, ascii('"')])
const POINTS_HEAD = Buffer.concat([ascii('"'), POINTS])

/** Whether bytes [s, e) of buf are `bytes` (compared here: a subarray per line cost more than the compare). */
function sameBytes(buf: Uint8Array, s: number, e: number, bytes: Uint8Array): boolean {
  if (e - s !== bytes.length) return false
  for (let k = 0; k < bytes.length; k++) if (buf[s + k] !== bytes[k]) return false
  return true
}

/** Whether `part` is at `at` in buf. */
function startsAt(buf: Uint8Array, at: number, part: Uint8Array): boolean {
  for (let k = 0; k < part.length; k++) if (buf[at + k] !== part[k]) return false
  return true
}

/** Whether bytes [s, e) are a decimal fraction as JSON.stringify writes one (`12.5`), Number reading it as JSON does. */
function isFraction(buf: Uint8Array, s: number, e: number): boolean {
  const dot = buf.indexOf(46, s)
  return dot > s && dot < e - 1 && digitsValue(buf, s, dot) >= 0 && digitsValue(buf, dot + 1, e) >= 0
}

/** The value of decimal digits [s, e) (at most 15, so exact), or -1 when a byte is not a digit. */
function digitsValue(buf: Uint8Array, s: number, e: number): number {
  if (e <= s || e - s > 15) return -1
  let v = 0
  for (let k = s; k < e; k++) {
    const d = buf[k] - 48
    if (d < 0 || d > 9) return -1
    v = v * 10 + d
  }
  return v
}

/**
 * Every entry of the counted part of an incentive file, each line read without parsing it when it is written as the
 * computed ledger writes its lines (the day, member and points found in place), any other line parsed: what a reader
 * of totals needs of a ledger that 1M events make ~75 MB (parsed whole: ~0.9 s). Consecutive lines of one member
 * (the computed ledger is sorted by member) share its string.
 */
export async function scanEntries(root: string, index: IncentiveFile | undefined, visit: EntryVisitor): Promise<void> {
  if (!index || index.entries === 0) return
  const handle = await openIncentiveFile(root, index)
  let member = ''
  let memberBytes = Buffer.alloc(0)
  const file = fileOf(root, index.file)
  /** Lines read so far, to name a damaged one. */
  let line = 0
  const parse = (buf: Buffer, s: number, e: number): LedgerEntry => storeLine<LedgerEntry>(buf.toString('utf8', s, e), file, () => line)
  /** A line read in place (false: it is not written as the computed ledger writes lines). */
  const inPlace = (buf: Buffer, s: number, e: number): boolean => {
    // {"ts":"YYYY-MM-DD
    const d = s + TS_HEAD.length
    if (!startsAt(buf, s, TS_HEAD) || buf[d + 4] !== 45 || buf[d + 7] !== 45) return false
    const year = digitsValue(buf, d, d + 4)
    const month = digitsValue(buf, d + 5, d + 7)
    const day = digitsValue(buf, d + 8, d + 10)
    if (year < 0 || month < 0 || day < 0) return false
    // the rest of the ts (plain: no escape), then the member (no escape), then the points
    let k = d + 10
    while (k < e && buf[k] !== 34 && buf[k] !== 92) k++
    if (buf[k] !== 34 || !startsAt(buf, k, MEMBER_HEAD)) return false
    const m = k + MEMBER_HEAD.length
    k = m
    while (k < e && buf[k] !== 34 && buf[k] !== 92 && buf[k] >= 32) k++
    if (buf[k] !== 34 || !startsAt(buf, k, POINTS_HEAD)) return false
    if (!sameBytes(buf, m, k, memberBytes)) {
      memberBytes = Buffer.from(buf.subarray(m, k))
      member = memberBytes.toString('utf8')
    }
    const p = k + POINTS_HEAD.length
    k = p
    while (k < e && buf[k] !== 44 && buf[k] !== 125) k++
    if (k >= e) return false
    // a whole number or a decimal fraction (as JSON.stringify writes points); any other number: the line is parsed
    const negative = buf[p] === 45
    const from = negative ? p + 1 : p
    const whole = digitsValue(buf, from, k)
    let points: number
    if (whole >= 0) points = negative ? -whole : whole
    else if (isFraction(buf, from, k)) points = Number(buf.toString('latin1', p, k))
    else return false
    if (visit.head(year * 10_000 + month * 100 + day, member, points)) visit.whole?.(parse(buf, s, e))
    return true
  }
  try {
    await forEachLine(
      handle,
      (buf, s, e) => {
        line++
        if (e > s && !inPlace(buf, s, e)) visit.entry(parse(buf, s, e))
      },
      {until: index.bytes},
    )
  } finally {
    await handle.close()
  }
}

/** The name a computed ledger is stored under: its content's hash. */
export const computedName = (hash: string): string => `computed-${hash.slice(0, 16)}.ndjson`

/** The name of a computed ledger's points per month and member. */
export const monthsName = (hash: string): string => `computed-${hash.slice(0, 16)}.months.json`

/** A computed ledger (and its month totals) written and synced to temp files outside the lock, to be committed (renamed) under it. */
export interface PreparedLedger {
  temp: string
  monthsTemp: string
  entry: IncentiveFile
}

/** A computed ledger's points per month and member; undefined when its index names no such file (an older store). */
export async function readMonthTotals<T>(root: string, index: IncentiveFile | undefined): Promise<T | undefined> {
  if (!index?.months) return undefined
  try {
    return JSON.parse(await readFile(fileOf(root, index.months), 'utf8')) as T
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
}

/** What ends the line of an event of each type (by type code) that has no factor and is not capped. */
const PLAIN_END = EVENT_TYPES.map((t) => ascii(`","type":${JSON.stringify(t)}}\n`))

/** What ends an event's line after its src: its type, factor (when not 1) and `capped`. */
const lineEnd = (type: number, factor: number, capped: boolean): Buffer =>
  factor === 1 && !capped
    ? PLAIN_END[type]
    : ascii(
        `","type":${JSON.stringify(EVENT_TYPES[type])}${factor === 1 ? '' : `,"factor":${JSON.stringify(factor)}`}${capped ? ',"capped":true' : ''}}\n`,
      )

/**
 * Writes a computed ledger line by line to a temp file (none on a dry run) while hashing it, so the ledger is never
 * held whole; `prepare` adds its month totals and gives what commitComputed renames. The same lines give the same
 * files. A line is what JSON.stringify writes of the entry; an event's entry is written from its bytes (its ts and
 * src as the batch file has them), not through an object.
 */
export class ComputedWriter {
  private readonly hash = createHash('sha256')
  private out = Buffer.allocUnsafe(CHUNK)
  /** The buffer of the write in flight, filled next once that write is done. */
  private spare = Buffer.allocUnsafe(CHUNK)
  /** The write in flight, awaited before the next one starts (or the file is synced or closed). */
  private writing: Promise<unknown> = Promise.resolve()
  private used = 0
  private entries = 0
  private bytes = 0
  private prepared = false
  /** The fsync of every line written is started (by digest). */
  private synced = false
  /** What the member's lines have between ts and points: `","member":"qq:1","points":`. */
  private member = new Uint8Array(0)
  /** The points of the lines written, each with what follows them before the src: `5,"src":"`. */
  private readonly points = new Map<number, Buffer>()
  /**
   * The points last written for each event type (by code) and their text: most types earn the same points every
   * time, so most lines find their text here rather than in the Map (a lookup per line: ~10 ms at 1M events).
   */
  private readonly typePoints = new Float64Array(256).fill(Number.NaN)
  private readonly typeText: Buffer[] = []

  private constructor(
    private readonly root: string,
    private readonly temp: string | undefined,
    private readonly handle: FileHandle | undefined,
  ) {}

  static async open(root: string, o: {dryRun?: boolean} = {}): Promise<ComputedWriter> {
    if (o.dryRun) return new ComputedWriter(root, undefined, undefined)
    const temp = tempPathFor(fileOf(root, 'computed.ndjson'))
    await mkdir(path.dirname(temp), {recursive: true})
    return new ComputedWriter(root, temp, await open(temp, 'wx'))
  }

  /** Room for `bytes` more (the buffer grows; `flush` empties it). */
  private room(bytes: number): void {
    if (this.used + bytes <= this.out.length) return
    const out = Buffer.allocUnsafe(Math.max(2 * this.out.length, this.used + bytes))
    this.out.copy(out, 0, 0, this.used)
    this.out = out
  }

  /**
   * `part` (whole: TypedArray#set copies the 10–40 bytes of a line's parts in half the time a byte loop took, but
   * only a whole array, as a subarray per part would be an object per part).
   */
  private put(part: Uint8Array): void {
    this.out.set(part, this.used)
    this.used += part.length
  }

  /** The member the next rows belong to. */
  startMember(member: string): void {
    // an array of the exact length, as put copies whole arrays: the last member's when as long (ids mostly are)
    const json = plainJson(member) ? undefined : Buffer.from(JSON.stringify(member))
    const n = MEMBER.length + (json ? json.length : member.length + 2) + POINTS.length
    const bytes = this.member.length === n ? this.member : new Uint8Array(n)
    bytes.set(MEMBER)
    let o = MEMBER.length
    if (json) {
      bytes.set(json, o)
      o += json.length
    } else {
      bytes[o++] = 34
      for (let k = 0; k < member.length; k++) bytes[o++] = member.charCodeAt(k)
      bytes[o++] = 34
    }
    bytes.set(POINTS, o)
    this.member = bytes
  }

  /** `points` as JSON and what follows them before the src, for an event of type `type`. */
  private pointsText(points: number, type: number): Buffer {
    if (this.typePoints[type] === points) return this.typeText[type]
    let text = this.points.get(points)
    if (text === undefined) {
      text = ascii(`${JSON.stringify(points)},"src":"`)
      // a few values in most ledgers; capped and multiplied points may have more
      if (this.points.size < 4096) this.points.set(points, text)
    }
    this.typePoints[type] = points
    this.typeText[type] = text
    return text
  }

  /** Row k of the member's entries (held until `flush`: call it when `due`). */
  add(ev: ScoringEvents, rows: LedgerRows, k: number): void {
    this.entries++
    const i = rows.event[k]
    if (i === -1) {
      const line = Buffer.from(JSON.stringify(rows.deduction[k]) + '\n')
      this.room(line.length)
      this.put(line)
      return
    }
    const type = ev.type(i)
    const points = this.pointsText(rows.points[k], type)
    const end = lineEnd(type, rows.factor[k], rows.capped[k] === 1)
    this.room(LINE_START.length + ev.textLength(i) + this.member.length + points.length + end.length)
    this.put(LINE_START)
    this.used = ev.copyTs(i, this.out, this.used)
    this.put(this.member)
    this.put(points)
    this.used = ev.copySrc(i, this.out, this.used)
    this.put(end)
  }

  /** Enough is held to be written. */
  get due(): boolean {
    return this.used >= CHUNK
  }

  /**
   * Hashes what is held and starts writing it, the lines that follow gathered in the other buffer meanwhile: a
   * write is not awaited until the next one must start (a 1 MiB write took ~3 ms, which the main thread spent idle).
   */
  async flush(): Promise<void> {
    if (this.used === 0) return
    const data = this.out.subarray(0, this.used)
    this.hash.update(data)
    this.bytes += data.length
    await this.writing
    if (this.handle) {
      this.writing = this.handle.write(data)
      // its failure is thrown where it is awaited, not as an unhandled rejection meanwhile
      this.writing.catch(() => undefined)
    }
    const full = this.out
    this.out = this.spare
    this.spare = full
    this.used = 0
  }

  /** The ledger's hash once every line is added and written, its fsync started (nothing else on a dry run). */
  async digest(): Promise<string> {
    await this.flush()
    await this.writing
    if (this.handle) {
      // the fsync prepare needs (~40 ms for 75 MB) runs while the caller makes the month totals
      this.writing = this.handle.sync()
      this.writing.catch(() => undefined)
      this.synced = true
    }
    return this.hash.digest('hex')
  }

  /** After digest: fsyncs the ledger and writes its month totals beside it. */
  async prepare(hash: string, o: {now: string; rulesHash: string; inputsHash: string; months: Uint8Array}): Promise<PreparedLedger> {
    if (!this.handle || !this.temp) throw new Error('a dry run writes nothing')
    await this.writing
    if (!this.synced) await this.handle.sync()
    await this.handle.close()
    this.prepared = true
    const monthsTemp = tempPathFor(fileOf(this.root, monthsName(hash)))
    await writeNewSynced(monthsTemp, o.months)
    return {
      temp: this.temp,
      monthsTemp,
      entry: {
        file: computedName(hash),
        entries: this.entries,
        bytes: this.bytes,
        hash,
        updatedAt: o.now,
        rulesHash: o.rulesHash,
        inputsHash: o.inputsHash,
        months: monthsName(hash),
      },
    }
  }

  /** Closes and deletes the temp file, unless prepared (then discardComputed removes what is left). */
  async abandon(): Promise<void> {
    if (this.prepared) return
    await this.writing.catch(() => undefined)
    await this.handle?.close().catch(() => undefined)
    if (this.temp) await rm(this.temp, {force: true})
  }
}

/** Renames a prepared ledger and its month totals to their names and fsyncs the folder; call it under the store's lock, before the index names them. */
export async function commitComputed(root: string, prepared: PreparedLedger): Promise<void> {
  const target = fileOf(root, prepared.entry.file)
  await rename(prepared.monthsTemp, fileOf(root, prepared.entry.months ?? monthsName(prepared.entry.hash)))
  await rename(prepared.temp, target)
  await syncDir(path.dirname(target))
}

/** Deletes a prepared ledger's temp files (a dry run, or nothing changed). */
export async function discardComputed(prepared: PreparedLedger): Promise<void> {
  await rm(prepared.temp, {force: true})
  await rm(prepared.monthsTemp, {force: true})
}

/**
 * Appends lines to an append-only file; call it under the store's lock with the file's index entry, then store the
 * entry it returns. Bytes past the index (a crashed append) are cut off first. The hash chains: hash(previous + new).
 */
export async function appendIncentive(
  root: string,
  name: string,
  index: IncentiveFile | undefined,
  lines: unknown[],
  now: string,
): Promise<IncentiveFile> {
  const file = fileOf(root, name)
  await mkdir(path.dirname(file), {recursive: true})
  const data = Buffer.from(lines.map((l) => JSON.stringify(l) + '\n').join(''))
  const handle = await open(file, 'a+')
  try {
    const bytes = index?.bytes ?? 0
    const {size} = await handle.stat()
    if (size !== bytes) await handle.truncate(bytes)
    await handle.write(data, 0, data.length, bytes)
    await handle.sync()
  } finally {
    await handle.close()
  }
  const hash = createHash('sha256')
    .update(index?.hash ?? '')
    .update(data)
    .digest('hex')
  return {file: name, entries: (index?.entries ?? 0) + lines.length, bytes: (index?.bytes ?? 0) + data.length, hash, updatedAt: now}
}

/**
 * Removes computed ledgers (and month totals) the index no longer names (pass the referenced names, under the lock) and temp files of
 * processes that are gone. Returns the names removed.
 */
export async function sweepLedger(root: string, referenced: Set<string>): Promise<string[]> {
  const dir = ledgerDir(root)
  const gone: string[] = []
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const owner = batchTempOwner(name)
    const stale =
      owner !== undefined ? !isProcessAlive(owner) : /^computed-[0-9a-f]{16}(\.ndjson|\.months\.json)$/.test(name) && !referenced.has(name)
    if (!stale) continue
    await rm(path.join(dir, name), {force: true})
    gone.push(name)
  }
  return gone
}
