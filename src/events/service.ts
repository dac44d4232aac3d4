/** Activity a user can import, list and count: `events import|list|stats` and the events.import step call these. */
import {createHash} from 'node:crypto'
import {stat} from 'node:fs/promises'
import {StoreError, UsageError, ValidationError} from '../errors.js'
import {nextId, type Store} from '../store/index.js'
import {decodeHead} from './import/decode.js'
import {detectFormat} from './detect.js'
import {parseCsv, parseMap, type CsvMapping} from './import/csv.js'
import {ShapeError} from './import/common.js'
import {parseDiscord} from './import/discord.js'
import {parseDiscourse} from './import/discourse.js'
import {JsonSyntaxError} from './import/json-walk.js'
import {MEMBER, parseNdjson} from './import/ndjson.js'
import {parseQq} from './import/qq.js'
import {parseSlack, type SlackSource} from './import/slack.js'
import {parseTelegram} from './import/telegram.js'
import {forEachEvent, fromEvents} from './io-lite.js'
import {
  eventsDir,
  fileBytes,
  isSlackFolder,
  isZip,
  readEvents,
  readEventsAt,
  readHead,
  readSrcHashes,
  sizeOf,
  slackFolder,
  slackZip,
  sweepEvents,
} from './io.js'
import {BatchWriter} from './io-batch.js'
import {BUILTIN_PRESETS} from './presets.js'
import {PERSON_ID} from '../members/identity.js'
import {readPersons} from '../members/io-records.js'
import {EventLine} from './event-line.js'
import {lineSrcHash, SrcSet} from './src-set.js'
import {dayBounds} from './time.js'
import {tsMillis} from '../metrics/zone-day.js'
import {LatestEvents, StatsCounter, matches, type EventFilter, type EventStats, type ResolvedEvent} from './stats.js'
import type {CanonicalEvent, EventBatch, Format, ImportItems, ParseContext, Rejected, SkipReason} from './types.js'

/** How many rejected rows the index keeps (all are in the batch's rejects file). */
const KEEP_REJECTED = 100
const SAMPLES = 5

export interface ImportRequest {
  /** Absolute path of the file or folder. */
  path: string
  /** As the user wrote it (locations, the index). */
  display: string
  from?: Format
  map?: string[]
  preset?: string
  /** Saves `--map` (with `platform`) under this name. */
  savePreset?: string
  /** Prefix of CSV members written without one (default `csv`, or the preset's). */
  platform?: string
  encoding?: string
  channel?: string
  includeBots?: boolean
  /** The community's timezone. */
  zone: string
  now: Date
  dryRun?: boolean
  /** Bytes read so far and the total, as the import goes. */
  onProgress?: (read: number, total: number) => void
}

export interface ImportResult {
  format: Format
  source: string
  /** The batch written, absent on a dry run or when nothing was new. */
  batch?: string
  added: number
  duplicates: number
  skipped: Partial<Record<SkipReason, number>>
  rejectedCount: number
  /** The first rejected rows (`rejectsFile` lists them all). */
  rejected: Rejected[]
  rejectsFile?: string
  samples: CanonicalEvent[]
  from?: string
  to?: string
  dryRun: boolean
}

/** A name to save a preset under: a word of letters (any script) and digits, `-`, `_` or `.` inside. */
const PRESET_NAME = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,63}$/u

/** Resolves `--preset` / `--map` into a CSV mapping; saving one is a separate store change. */
function csvMapping(db: {eventPresets: Record<string, CsvMapping>}, request: ImportRequest): CsvMapping | undefined {
  // own names only: `constructor` or `__proto__` is no preset
  const own = <T>(table: Readonly<Record<string, T>>, name: string): T | undefined => (Object.hasOwn(table, name) ? table[name] : undefined)
  const preset = request.preset ? (own(db.eventPresets, request.preset) ?? own(BUILTIN_PRESETS, request.preset)) : undefined
  if (request.preset && !preset) {
    const names = [...Object.keys(BUILTIN_PRESETS), ...Object.keys(db.eventPresets)].join(', ')
    throw new UsageError({key: 'events.preset.unknown', params: {name: request.preset, names}}, {hint: {key: 'events.preset.unknown.hint'}})
  }
  const map = request.map?.length ? parseMap(request.map) : undefined
  if (!preset && !map) return undefined
  return {
    map: {...preset?.map, ...map},
    platform: request.platform ?? preset?.platform ?? 'csv',
    ...(preset?.types ? {types: preset.types} : {}),
    ...(preset && !map ? {loose: true} : {}),
  }
}

/** The parser of a format over the source: what it yields, and how to release the source afterwards. */
async function openItems(
  request: ImportRequest,
  format: Format,
  mapping: CsvMapping | undefined,
  seen: (chunk: Uint8Array) => void,
): Promise<{items: ImportItems; close(): void}> {
  const ctx: ParseContext = {zone: request.zone, display: request.display, channel: request.channel, includeBots: request.includeBots}
  const bytes = () => fileBytes(request.path, seen)
  if (format === 'slack') {
    const folder = (await stat(request.path)).isDirectory()
    const opened: {source: SlackSource; close(): void} = folder
      ? {source: await slackFolder(request.path, seen), close: () => undefined}
      : await slackZip(request.path, request.display, seen)
    return {items: parseSlack(opened.source, ctx), close: () => opened.close()}
  }
  const none = () => undefined
  switch (format) {
    case 'discord':
      return {items: parseDiscord(bytes(), ctx), close: none}
    case 'telegram':
      return {items: parseTelegram(bytes(), ctx), close: none}
    case 'discourse':
      return {items: parseDiscourse(bytes(), ctx), close: none}
    case 'qq':
      return {items: parseQq(bytes(), ctx, request.encoding), close: none}
    case 'ndjson':
      return {items: parseNdjson(bytes(), ctx), close: none}
    case 'csv':
      if (!mapping) throw new UsageError({key: 'events.csv.needMap', params: {columns: ''}}, {hint: {key: 'events.map.hint'}})
      return {items: parseCsv(bytes(), ctx, mapping, request.encoding), close: none}
  }
}

/** The format named by --from, or the one the content shows; an unknown source says what it looks like. */
async function formatOf(request: ImportRequest, hasMapping: boolean): Promise<Format> {
  const info = await stat(request.path)
  if (request.from) return request.from
  const detected = info.isDirectory()
    ? detectFormat('', {folder: {slack: await isSlackFolder(request.path)}})
    : await readHead(request.path).then((head) => detectFormat(isZip(head) ? '' : decodeHead(head), {zip: isZip(head)}))
  if ('format' in detected) return detected.format
  if ('csv' in detected) {
    if (hasMapping) return 'csv'
    throw new UsageError(
      {key: 'events.csv.needMap', params: {columns: detected.csv.columns.join(', ')}},
      {location: {file: request.display, line: 1}, hint: {key: 'events.map.hint'}},
    )
  }
  throw new ValidationError(
    {key: 'events.detect.unknown', params: {looksLike: detected.unknown.looksLike}},
    {location: {file: request.display}, hint: {key: 'events.detect.hint'}},
  )
}

/**
 * `events import`: parses a source as it streams, drops what the workspace already has (by src), writes the new
 * events to a batch file and then, under the store's lock, names it in the index. A dry run writes nothing.
 */
export async function importEvents(store: Store, request: ImportRequest): Promise<ImportResult> {
  const snapshot = await store.read()
  const mapping = csvMapping(snapshot, request)
  if (request.savePreset !== undefined && !PRESET_NAME.test(request.savePreset))
    throw new UsageError({key: 'events.preset.badName', params: {name: request.savePreset}}, {hint: {key: 'events.preset.badName.hint'}})
  if (request.savePreset && !request.map?.length)
    throw new UsageError({key: 'events.preset.saveNeedsMap'}, {hint: {key: 'events.preset.saveNeedsMap.hint'}})
  const format = await formatOf(request, mapping !== undefined)
  const known = new SrcSet()
  for (const bytes of await readSrcHashes(store.root, snapshot.eventBatches)) known.addAll(bytes)
  if (!request.dryRun) await sweepEvents(store.root)

  const total = await sizeOf(request.path)
  const hash = createHash('sha256')
  let read = 0
  const seen = (chunk: Uint8Array) => {
    hash.update(chunk)
    read += chunk.byteLength
    request.onProgress?.(read, total)
  }
  const result: ImportResult = {
    format,
    source: request.display,
    added: 0,
    duplicates: 0,
    skipped: {},
    rejectedCount: 0,
    rejected: [],
    samples: [],
    dryRun: request.dryRun === true,
  }
  let first = Infinity
  let last = -Infinity
  // each event's NDJSON line, written once: the src's hash and the column cache are read from its bytes
  const line = new EventLine()
  // a dry run writes nothing, not even temp files
  const writer = request.dryRun ? undefined : await BatchWriter.create(eventsDir(store.root))
  let committed = false
  try {
    const opened = await openItems(request, format, mapping, seen)
    try {
      for await (const got of opened.items) {
        for (const item of Array.isArray(got) ? got : [got]) {
          if ('event' in item) {
            line.encode(item.event, item.memberRef)
            const h = lineSrcHash(line, item.event.src)
            if (!known.add(h[0], h[1])) {
              result.duplicates++
              continue
            }
            result.added++
            if (result.samples.length < SAMPLES) result.samples.push(item.event)
            const t = item.ms ?? tsMillis(item.event.ts)
            if (t < first) [first, result.from] = [t, item.event.ts]
            if (t > last) [last, result.to] = [t, item.event.ts]
            writer?.event(item.event, line, h, t)
          } else if ('reject' in item) {
            result.rejectedCount++
            if (result.rejected.length < KEEP_REJECTED) result.rejected.push(item.reject)
            writer?.reject(item.reject)
          } else result.skipped[item.skip] = (result.skipped[item.skip] ?? 0) + 1
        }
        await writer?.drain()
      }
    } catch (error) {
      if (error instanceof ShapeError) {
        throw new ValidationError(error.msg, {location: {file: request.display}, hint: {key: `events.shape.hint.${format}`}})
      }
      if (error instanceof JsonSyntaxError) {
        throw new ValidationError(
          {key: 'events.json.syntax', params: {reason: error.message}},
          {location: {file: request.display}, hint: {key: 'events.json.syntax.hint'}},
        )
      }
      throw error
    } finally {
      opened.close()
    }
    if (!writer || result.added === 0) {
      if (request.savePreset && !request.dryRun) await savePreset(store, request.savePreset, mapping!)
      return result
    }
    await writer.sync()
    const batch: Omit<EventBatch, 'id'> = {
      format,
      source: request.display,
      hash: hash.digest('hex'),
      importedAt: request.now.toISOString(),
      events: result.added,
      duplicates: result.duplicates,
      skipped: result.skipped,
      rejectedCount: result.rejectedCount,
      rejected: result.rejected,
      ...(result.from ? {from: result.from, to: result.to} : {}),
    }
    const before = new Set(snapshot.eventBatches.map((b) => b.id))
    result.batch = await store.update(async (db) => {
      // another import committed meanwhile: its events were not in our set, so ours may repeat them
      if (db.eventBatches.some((b) => !before.has(b.id)))
        throw new StoreError({key: 'events.import.concurrent'}, {hint: {key: 'events.import.rerun'}})
      const id = nextId(db, 'B')
      await sweepEvents(store.root, new Set(db.eventBatches.map((b) => b.id)))
      await writer.commit(id)
      committed = true
      db.eventBatches.push({id, ...batch})
      if (request.savePreset) db.eventPresets[request.savePreset] = mapping!
      return id
    })
    if (result.rejectedCount > 0) result.rejectsFile = `.commops/events/${result.batch}.rejects.ndjson`
    return result
  } finally {
    if (!committed) await writer?.discard()
  }
}

async function savePreset(store: Store, name: string, mapping: CsvMapping): Promise<void> {
  await store.update((db) => {
    db.eventPresets[name] = mapping
  })
}

export interface ListRequest extends Pick<EventFilter, 'type' | 'channel'> {
  member?: string
  /** `YYYY-MM-DD` days, inclusive, in `zone`. */
  since?: string
  until?: string
  zone: string
  /** The latest N events (by time). */
  last: number
}

/** `events list`: the latest events that pass the filter, oldest first, and how many passed. */
export async function listEvents(store: Store, request: ListRequest): Promise<{events: ResolvedEvent[]; matched: number}> {
  const {member} = request
  // an account as imports write them (`platform:id`) or a person (P1): anything else would match nothing, and say so
  // only by silence
  if (member !== undefined && !MEMBER.test(member) && !PERSON_ID.test(member))
    throw new UsageError({key: 'members.link.badIdentity', params: {id: member}}, {hint: {key: 'members.link.identityHint'}})
  const db = await store.read()
  const persons = member === undefined ? undefined : (await readPersons(store.root, db)).index
  const person = member === undefined ? undefined : (persons?.get(member) ?? member)
  const day = (value: string | undefined) => {
    if (value === undefined) return undefined
    const bounds = dayBounds(value, request.zone)
    if (!bounds) throw new UsageError({key: 'events.list.badDate', params: {value}}, {hint: {key: 'events.list.badDate.hint'}})
    return bounds
  }
  const filter: EventFilter = {type: request.type, channel: request.channel, person, since: day(request.since)?.start, until: day(request.until)?.end}
  // two valid days, the last before the first: no event could match
  if (request.since !== undefined && request.until !== undefined && request.until < request.since)
    throw new UsageError(
      {key: 'metrics.period.reversed', params: {from: request.since, to: request.until}},
      {hint: {key: 'events.list.badDate.hint'}},
    )
  // the latest are found in the column cache, and only their lines parsed
  const where = new LatestEvents<{ts: string; batch: number; index: number}>(request.last)
  const complete = await forEachEvent(
    store.root,
    db,
    (e, batch, index) => {
      if (matches(e, filter)) where.add({ts: e.ts, batch, index})
    },
    {channel: true},
  )
  const events = complete ? await readEventsAt(store.root, db, where.result(), persons) : undefined
  if (events) return {events, matched: where.total}
  const latest = new LatestEvents(request.last)
  for await (const e of readEvents(store.root, db, persons)) if (matches(e, filter)) latest.add(e)
  return {events: latest.result(), matched: latest.total}
}

/** `events stats`: counts by type, channel and month, the date range, members and people; and the batches. */
export async function eventStats(store: Store): Promise<EventStats & {batches: number}> {
  const db = await store.read()
  const counter = await fromEvents(store.root, db, () => new StatsCounter(), {channel: true})
  return {...counter.result(), batches: db.eventBatches.length}
}
