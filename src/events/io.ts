/** The events' edge with the disk: sources to read (files, Slack zips and folders), batch files, the event reader. */
import {createReadStream} from 'node:fs'
import {open, readdir, rm, stat} from 'node:fs/promises'
import path from 'node:path'
import type * as Yauzl from 'yauzl'
import {StoreError, ValidationError} from '../errors.js'
import type {Db} from '../store/index.js'
import {batchTempOwner, damagedStoreFile, isProcessAlive, readStoreFile} from '../util/fs.js'
import {jsonObject, storeLine} from '../util/json.js'
import {lazyRequire} from '../util/lazy.js'
import {forEachLine} from '../util/lines.js'
import type {SlackSource} from './import/slack.js'
import {readPersons} from '../members/io-records.js'
import type {ResolvedEvent} from './stats.js'
import type {ByteStream, EventBatch} from './types.js'

const yauzl = lazyRequire<typeof Yauzl>('yauzl')

/** `.commops/events` of a workspace. */
export const eventsDir = (root: string): string => path.join(root, '.commops', 'events')

/** Limits on a zip, so a small archive cannot expand into the disk or the memory (a zip bomb). */
export const ZIP_LIMITS = {entries: 200_000, entryBytes: 1024 ** 3, totalBytes: 8 * 1024 ** 3, ratio: 1000}

/**
 * A file's bytes, with every chunk reported to `seen` (for the progress line and the source's hash). Read into two
 * buffers in turn, the next read going on while the caller works through the chunk it was handed: the parse does not
 * wait for the disk between chunks.
 */
export async function* fileBytes(file: string, seen?: (chunk: Uint8Array) => void): ByteStream {
  const handle = await open(file, 'r')
  // two buffers for the whole file (a chunk is valid until the next is asked for: the buffer of the chunk handed on is
  // free again when the read after next starts): a new one per read left 100 MB of garbage outside the heap
  const buffers = [Buffer.allocUnsafe(64 * 1024), Buffer.allocUnsafe(64 * 1024)]
  const readInto = (buf: Buffer) => {
    const reading = handle.read(buf, 0, buf.length, null)
    // awaited below; until then a failed read must not count as unhandled
    reading.catch(() => undefined)
    return reading
  }
  let reading = readInto(buffers[0])
  try {
    for (let b = 0; ; b ^= 1) {
      const {bytesRead} = await reading
      if (bytesRead === 0) return
      reading = readInto(buffers[b ^ 1])
      const chunk = buffers[b].subarray(0, bytesRead)
      seen?.(chunk)
      yield chunk
    }
  } finally {
    // the read in flight ends before the file is closed
    await reading.catch(() => undefined)
    await handle.close()
  }
}

/** The first bytes of a file (for detecting its format). */
export async function readHead(file: string, bytes = 64 * 1024): Promise<Uint8Array> {
  const handle = await open(file, 'r')
  try {
    const buf = Buffer.alloc(bytes)
    const {bytesRead} = await handle.read(buf, 0, bytes, 0)
    return buf.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** True when the file starts like a zip archive. */
export const isZip = (head: Uint8Array): boolean => head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)

/** Entry names relative to the folder holding users.json / channels.json (exports are often zipped inside a folder). */
function rebase(names: string[]): {prefix: string; entries: string[]} {
  const marker = names.filter((n) => /(^|\/)(users|channels)\.json$/.test(n)).sort((a, b) => a.length - b.length)[0]
  const prefix = marker ? marker.slice(0, marker.lastIndexOf('/') + 1) : ''
  return {prefix, entries: names.filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length))}
}

/** A Slack export folder as a source. */
export async function slackFolder(dir: string, seen?: (chunk: Uint8Array) => void): Promise<SlackSource> {
  const names = (await readdir(dir, {recursive: true, withFileTypes: true}))
    .filter((d) => d.isFile() && d.name.endsWith('.json'))
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join('/'))
  const {prefix, entries} = rebase(names)
  return {entries, open: (entry) => fileBytes(path.join(dir, prefix, entry), seen)}
}

/** True when a folder looks like a Slack export. */
export async function isSlackFolder(dir: string): Promise<boolean> {
  return (await slackFolder(dir)).entries.some((e) => e === 'users.json' || e === 'channels.json')
}

/** A Slack export zip as a source: entries read one at a time; `..`, absolute names and zip bombs refused. */
export async function slackZip(file: string, display: string, seen?: (chunk: Uint8Array) => void): Promise<{source: SlackSource; close(): void}> {
  const refuse = (reason: string, entry = '') =>
    new ValidationError({key: 'events.zip.refused', params: {reason, entry}}, {location: {file: display}, hint: {key: 'events.zip.hint'}})
  // not a zip, or a truncated one: yauzl's reason, as for a bad entry
  const zip = await yauzl()
    .openPromise(file, {autoClose: false, lazyEntries: true, validateEntrySizes: true, strictFileNames: true})
    .catch((error: unknown) => {
      throw refuse((error as Error).message)
    })
  const byName = new Map<string, Yauzl.Entry>()
  let total = 0
  try {
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName
      if (name.endsWith('/')) continue
      if (name.split('/').includes('..') || name.startsWith('/')) throw refuse('path', name)
      if (byName.size >= ZIP_LIMITS.entries) throw refuse('entries')
      total += entry.uncompressedSize
      const ratio = entry.compressedSize > 0 ? entry.uncompressedSize / entry.compressedSize : 0
      if (
        entry.uncompressedSize > ZIP_LIMITS.entryBytes ||
        total > ZIP_LIMITS.totalBytes ||
        (ratio > ZIP_LIMITS.ratio && entry.uncompressedSize > 1024 ** 2)
      ) {
        throw refuse('size', name)
      }
      if (name.endsWith('.json')) byName.set(name, entry)
    }
  } catch (error) {
    zip.close()
    if (error instanceof ValidationError) throw error
    throw refuse((error as Error).message)
  }
  const {prefix, entries} = rebase([...byName.keys()])
  async function* read(entry: string): ByteStream {
    let size = 0
    try {
      const stream = await zip.openReadStreamPromise(byName.get(prefix + entry)!)
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.byteLength
        if (size > ZIP_LIMITS.entryBytes) throw refuse('size', entry)
        seen?.(chunk)
        yield chunk
      }
    } catch (error) {
      // a damaged entry (bad data, a size its header does not tell) is the archive's fault, not commops'
      if (error instanceof ValidationError) throw error
      throw refuse((error as Error).message, entry)
    }
  }
  return {source: {entries, open: read}, close: () => zip.close()}
}

/**
 * Every event of the workspace, batch by batch, each with the person its member belongs to (`members link`, member
 * records): the one reader metrics build on. Memory holds one chunk of lines at a time. `persons`: the index, when
 * the caller has it.
 */
export async function* readEvents(
  root: string,
  db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>,
  persons?: Map<string, string>,
): AsyncGenerator<ResolvedEvent> {
  for await (const chunk of readEventChunks(root, db, persons)) yield* chunk
}

/**
 * The same events as readEvents, a chunk at a time (the lines of about 1 MiB of a batch file): for readers of every
 * event, to whom a promise per event costs more than the event.
 */
export async function* readEventChunks(
  root: string,
  db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>,
  persons?: Map<string, string>,
): AsyncGenerator<ResolvedEvent[]> {
  if (db.eventBatches.length === 0) return
  persons ??= (await readPersons(root, db)).index
  /** The events of `lines`, the first of them line `first` of `file`: a line that is not an event's JSON object is damage. */
  const parse = (lines: string[], file: string, first: number): ResolvedEvent[] => {
    const out: ResolvedEvent[] = []
    let i = 0
    try {
      for (; i < lines.length; i++) {
        const line = lines[i]
        if (line.length === 0 || line === '\r') continue
        // the parsed line is ours: name its person on it instead of copying every event
        const r = jsonObject(JSON.parse(line)) as ResolvedEvent
        r.person = persons.get(r.member) ?? r.member
        out.push(r)
      }
    } catch (error) {
      throw damagedStoreFile(file, first + i, error)
    }
    return out
  }
  for (const batch of db.eventBatches) {
    let rest = ''
    let first = 1
    const file = path.join(eventsDir(root), `${batch.id}.ndjson`)
    const input = createReadStream(file, {encoding: 'utf8', highWaterMark: 1 << 16})
    for await (const chunk of input as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop()!
      yield parse(lines, file, first)
      first += lines.length
    }
    if (rest) yield parse([rest], file, first)
  }
}

/**
 * Whole events named by where they are (a batch's index in eventBatches, the event's place among its non-blank
 * lines, as forEachEvent names them), in the order asked, each with its person: only their lines are parsed.
 * Undefined when one is not there.
 */
export async function readEventsAt(
  root: string,
  db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>,
  wanted: Array<{batch: number; index: number}>,
  persons?: Map<string, string>,
): Promise<ResolvedEvent[] | undefined> {
  persons ??= (await readPersons(root, db)).index
  const found = new Map<string, ResolvedEvent>()
  const key = (batch: number, index: number) => `${batch}:${index}`
  for (const batch of [...new Set(wanted.map((w) => w.batch))].sort((a, b) => a - b)) {
    const indexes = new Set(wanted.filter((w) => w.batch === batch).map((w) => w.index))
    // a loop, not Math.max(...indexes): `events list --last` may ask for more than a call takes arguments
    let last = -1
    for (const i of indexes) if (i > last) last = i
    const file = path.join(eventsDir(root), `${db.eventBatches[batch].id}.ndjson`)
    const handle = await open(file, 'r')
    let index = 0
    let line = 0
    try {
      await forEachLine(handle, (buf, s, e) => {
        line++
        const stop = e > s && buf[e - 1] === 13 ? e - 1 : e
        if (stop === s) return
        if (indexes.has(index)) {
          const event = storeLine<ResolvedEvent>(buf.toString('utf8', s, stop), file, () => line)
          event.person = persons.get(event.member) ?? event.member
          found.set(key(batch, index), event)
        }
        return ++index <= last
      })
    } finally {
      await handle.close()
    }
  }
  const out: ResolvedEvent[] = []
  for (const w of wanted) {
    const e = found.get(key(w.batch, w.index))
    // a file shorter than its cache said: the caller reads every event instead
    if (!e) return undefined
    out.push(e)
  }
  return out
}

/**
 * The src hashes of the batches already imported (their `.srcs` files, 8 bytes an event). A missing one, or one whose
 * size is not its batch's events, is damage to the store: importing on would take that batch's events again as new.
 */
export async function readSrcHashes(root: string, batches: ReadonlyArray<Pick<EventBatch, 'id' | 'events'>>): Promise<Uint8Array[]> {
  return Promise.all(
    batches.map(async ({id, events}) => {
      const file = path.join(eventsDir(root), `${id}.srcs`)
      const bytes = await readStoreFile(root, file, id)
      if (bytes.byteLength !== 8 * events)
        throw new StoreError(
          {key: 'store.srcsSize', params: {bytes: bytes.byteLength, events, expected: 8 * events}},
          {code: 'store.damaged', location: {file}, hint: {key: 'store.damaged.hint'}},
        )
      return bytes
    }),
  )
}

/**
 * Removes what an interrupted import left: temp files of dead processes and, when `referenced` is given (under the
 * store's lock), batch files no index entry names. Returns the names removed.
 */
export async function sweepEvents(root: string, referenced?: Set<string>): Promise<string[]> {
  const dir = eventsDir(root)
  const names = await readdir(dir).catch(() => [] as string[])
  const gone: string[] = []
  for (const name of names) {
    const owner = batchTempOwner(name)
    const batch = /^([A-Z]\d+)\.(ndjson|srcs|rejects\.ndjson|cols)$/.exec(name)?.[1]
    const stale = owner !== undefined ? !isProcessAlive(owner) : referenced !== undefined && batch !== undefined && !referenced.has(batch)
    if (!stale) continue
    await rm(path.join(dir, name), {force: true})
    gone.push(name)
  }
  return gone
}

/** The size of a file or the total of a folder's files (for the progress line). */
export async function sizeOf(p: string): Promise<number> {
  const s = await stat(p)
  if (!s.isDirectory()) return s.size
  const names = await readdir(p, {recursive: true, withFileTypes: true})
  let total = 0
  for (const d of names) if (d.isFile()) total += (await stat(path.join(d.parentPath, d.name))).size
  return total
}
