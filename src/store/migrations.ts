/**
 * Versions of the store's shape. To add a collection (members, responses, incidents…):
 * add it to `Db` and to `COLLECTIONS` (its default and its container check), bump
 * `CURRENT_VERSION` and append a migration `{to: N, up}` that fills or reshapes older data.
 * Bumping the version makes older commops refuse the file instead of dropping what they do not know.
 */
import {responseBatchPath} from './layout.js'
import type {Db} from './types.js'

export const CURRENT_VERSION = 4

/** A file a migration moves out of `db.json`: its path relative to `.commops/` and its text. */
export interface DataFile {
  path: string
  text: string
}

/**
 * A step from version `to - 1` to `to`; `up` mutates the raw object in place. A migration that moves data out of
 * `db.json` pushes the files to write onto `files`: the store writes them under its lock before the index that names
 * them (see Store.read and Store.update).
 */
export interface Migration {
  to: number
  up(db: Record<string, unknown>, files: DataFile[]): void
}

/** Ordered by `to`; applied on read (in memory), persisted by the next update (at once when it moves files). */
export const MIGRATIONS: readonly Migration[] = [
  {
    // Survey responses leave db.json: one NDJSON batch per survey and source file, indexed by db.responseBatches.
    to: 2,
    up(db, files) {
      const responses = db.responses
      delete db.responses
      if (responses === undefined) return
      if (!Array.isArray(responses)) throw new ShapeProblem('foreign', '"responses" is not an array', db.version)
      const check = fields(['survey', 'rowHash'], ['answers'])
      const groups = new Map<string, {survey: string; source: string; ingestedAt: string; lines: string[]}>()
      for (let i = 0; i < responses.length; i++) {
        const r = responses[i] as Record<string, unknown>
        if (!check.ok(r)) throw new ShapeProblem('item', 'bad response', db.version, bad(`responses[${i}]`, {item: check} as Collection, r))
        const source = isPlainObject(r.source) && typeof r.source.file === 'string' ? r.source.file : ''
        const key = `${r.survey as string}\u0000${source}`
        let group = groups.get(key)
        if (!group)
          groups.set(key, (group = {survey: r.survey as string, source, ingestedAt: typeof r.ingestedAt === 'string' ? r.ingestedAt : '', lines: []}))
        group.lines.push(JSON.stringify(r))
      }
      const counters = (isPlainObject(db.counters) ? db.counters : (db.counters = {})) as Record<string, number>
      const batches = Array.isArray(db.responseBatches) ? (db.responseBatches as unknown[]) : (db.responseBatches = [])
      for (const g of groups.values()) {
        const id = `RB${(counters.RB = (Number.isInteger(counters.RB) ? counters.RB : 0) + 1)}`
        files.push({path: responseBatchPath(g.survey, id), text: `${g.lines.join('\n')}\n`})
        batches.push({id, survey: g.survey, source: g.source, responses: g.lines.length, ingestedAt: g.ingestedAt})
      }
    },
  },
  {
    // Member records: an index entry (the records themselves live in `.commops/members/`), empty until the first import.
    to: 3,
    up(db) {
      if (db.memberRecords === undefined) db.memberRecords = {}
    },
  },
  // members.incentives: the index of `.commops/ledger/` (filled empty by the defaults)
  {to: 4, up() {}},
]

type CollectionName = Exclude<keyof Db, 'version'>

interface Collection {
  make(): unknown
  type: 'object' | 'array'
  /** The cheap check of every item's essential fields, and their names for the refusal (none: a counter). */
  item: {fields?: string; ok(value: unknown): boolean}
}

/** An item check: an object whose `strings` are strings and whose `objects` are objects or arrays; plain loops, it runs per item per read. */
function fields(strings: string[], objects: string[] = []): Collection['item'] {
  const all = [...strings, ...objects]
  return {
    fields: all.join(', '),
    ok(v) {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false
      const o = v as Record<string, unknown>
      for (const k of strings) if (typeof o[k] !== 'string') return false
      for (const k of objects) if (typeof o[k] !== 'object' || o[k] === null) return false
      return true
    },
  }
}

const COLLECTIONS: Record<CollectionName, Collection> = {
  artifacts: {make: () => ({}), type: 'object', item: fields(['id', 'kind'])},
  runs: {make: () => [], type: 'array', item: fields(['id', 'playbook', 'status', 'startedAt'], ['steps'])},
  tasks: {make: () => [], type: 'array', item: fields(['id', 'title', 'status'])},
  counters: {make: () => ({}), type: 'object', item: {ok: (v) => Number.isInteger(v) && (v as number) >= 0}},
  files: {make: () => ({}), type: 'object', item: fields(['hash'])},
  calendar: {make: () => [], type: 'array', item: fields(['id', 'key', 'date', 'title'])},
  calendarRemoved: {make: () => [], type: 'array', item: fields(['key', 'id'])},
  incidents: {make: () => [], type: 'array', item: fields(['id', 'member', 'rule'])},
  surveys: {make: () => ({}), type: 'object', item: fields(['id', 'name'], ['doc'])},
  responseBatches: {make: () => [], type: 'array', item: fields(['id', 'survey', 'source'])},
  eventBatches: {make: () => [], type: 'array', item: fields(['id', 'format', 'source'])},
  memberLinks: {make: () => [], type: 'array', item: fields(['id'], ['members'])},
  // `snapshot` (an object naming the records file) and `salt` (a string)
  memberRecords: {
    make: () => ({}),
    type: 'object',
    item: {fields: 'file, count', ok: (v) => typeof v === 'string' || (isPlainObject(v) && typeof v.file === 'string')},
  },
  eventPresets: {make: () => ({}), type: 'object', item: fields(['platform'], ['map'])},
  scorecards: {make: () => ({}), type: 'object', item: fields(['key'], ['period', 'dimensions'])},
  incentives: {make: () => ({}), type: 'object', item: fields(['file', 'hash'])},
}

/** One bad item: where it is (`tasks[0]`), the fields it must have (none: a whole number), a short JSON of what it is. */
export interface ItemProblem {
  item: string
  fields?: string
  got: string
}

/** Why a parsed file cannot be used: not our shape (`foreign`), written by a newer commops (`newer`), or a bad `item`. */
export class ShapeProblem extends Error {
  constructor(
    readonly kind: 'foreign' | 'newer' | 'item',
    readonly reason: string,
    readonly version?: unknown,
    readonly item?: ItemProblem,
  ) {
    super(reason)
    this.name = 'ShapeProblem'
  }
}

/** A fresh, empty store at the current version. */
export function defaultDb(): Db {
  const db: Record<string, unknown> = {version: CURRENT_VERSION}
  for (const [name, collection] of Object.entries(COLLECTIONS)) db[name] = collection.make()
  return db as unknown as Db
}

/** True for `{…}` but not for arrays, null or class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** The first way `value` differs from a current-version `Db`'s containers, or undefined if it fits. */
export function shapeProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'the top level is not a JSON object'
  if (!isVersion(value.version)) return '"version" is missing or not a positive integer'
  for (const [name, collection] of Object.entries(COLLECTIONS)) {
    const item = value[name]
    if (item === undefined) return `"${name}" is missing`
    const ok = collection.type === 'array' ? Array.isArray(item) : isPlainObject(item)
    if (!ok) return `"${name}" is not ${collection.type === 'array' ? 'an array' : 'an object'}`
  }
  return undefined
}

/** The first item of a well-shaped store that lacks its essential fields, or undefined; one pass, no allocation per item. */
export function itemProblem(db: Record<string, unknown>): ItemProblem | undefined {
  for (const [name, collection] of Object.entries(COLLECTIONS)) {
    const items = db[name] as Record<string, unknown> | unknown[]
    if (Array.isArray(items)) {
      for (let i = 0; i < items.length; i++) if (!collection.item.ok(items[i])) return bad(`${name}[${i}]`, collection, items[i])
    } else {
      for (const key in items) {
        if (!collection.item.ok(items[key]))
          return bad(/^[A-Za-z_$][\w$-]*$/.test(key) ? `${name}.${key}` : `${name}[${JSON.stringify(key)}]`, collection, items[key])
      }
    }
  }
  return undefined
}

function bad(item: string, collection: Collection, value: unknown): ItemProblem {
  const json = JSON.stringify(value) ?? String(value)
  return {item, fields: collection.item.fields, got: json.length > 60 ? `${json.slice(0, 60)}…` : json}
}

/** The problem in plain English, for errors that are not shown translated. */
export function describeItemProblem(p: ItemProblem): string {
  return `${p.item} must be ${p.fields ? `an object with ${p.fields}` : 'a whole number ≥ 0'} (got ${p.got})`
}

/**
 * Checks a parsed file, applies pending migrations and fills missing collections; throws `ShapeProblem`. Files the
 * migrations move out of the store are pushed onto `files` (the caller writes them before the index).
 */
export function upgradeDb(raw: unknown, migrations: readonly Migration[] = MIGRATIONS, current = CURRENT_VERSION, files: DataFile[] = []): Db {
  if (!isPlainObject(raw)) throw new ShapeProblem('foreign', 'the top level is not a JSON object')
  const version = raw.version
  if (!isVersion(version)) throw new ShapeProblem('foreign', '"version" is missing or not a positive integer', version)
  if (version > current) throw new ShapeProblem('newer', `version ${version} is newer than ${current}`, version)
  const db: Record<string, unknown> = {...raw}
  for (const migration of [...migrations].sort((a, b) => a.to - b.to)) {
    if (migration.to <= version || migration.to > current) continue
    migration.up(db, files)
    db.version = migration.to
  }
  db.version = current
  for (const [name, collection] of Object.entries(COLLECTIONS)) {
    if (db[name] === undefined) db[name] = collection.make()
  }
  const problem = shapeProblem(db)
  if (problem) throw new ShapeProblem('foreign', problem, version)
  const item = itemProblem(db)
  if (item) throw new ShapeProblem('item', describeItemProblem(item), version, item)
  return db as unknown as Db
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
}
