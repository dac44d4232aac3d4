/**
 * Versions of the store's shape. To add a collection (members, responses, incidents…):
 * add it to `Db` and to `COLLECTIONS` (its default and its container check), bump
 * `CURRENT_VERSION` and append a migration `{to: N, up}` that fills or reshapes older data.
 * Bumping the version makes older commops refuse the file instead of dropping what they do not know.
 */
import type {Db} from './types.js'

export const CURRENT_VERSION = 1

/** A step from version `to - 1` to `to`; `up` mutates the raw object in place. */
export interface Migration {
  to: number
  up(db: Record<string, unknown>): void
}

/** Ordered by `to`; applied on read (in memory), persisted by the next update. */
export const MIGRATIONS: readonly Migration[] = []

type CollectionName = Exclude<keyof Db, 'version'>

interface Collection {
  make(): unknown
  type: 'object' | 'array'
}

const COLLECTIONS: Record<CollectionName, Collection> = {
  artifacts: {make: () => ({}), type: 'object'},
  runs: {make: () => [], type: 'array'},
  tasks: {make: () => [], type: 'array'},
  counters: {make: () => ({}), type: 'object'},
  files: {make: () => ({}), type: 'object'},
  calendar: {make: () => [], type: 'array'},
  incidents: {make: () => [], type: 'array'},
  surveys: {make: () => ({}), type: 'object'},
  responses: {make: () => [], type: 'array'},
}

/** Why a parsed file cannot be used: not our shape (`foreign`) or written by a newer commops (`newer`). */
export class ShapeProblem extends Error {
  constructor(
    readonly kind: 'foreign' | 'newer',
    readonly reason: string,
    readonly version?: unknown,
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
  const proto = Object.getPrototypeOf(value)
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

/** Checks a parsed file, applies pending migrations and fills missing collections; throws `ShapeProblem`. */
export function upgradeDb(raw: unknown, migrations: readonly Migration[] = MIGRATIONS, current = CURRENT_VERSION): Db {
  if (!isPlainObject(raw)) throw new ShapeProblem('foreign', 'the top level is not a JSON object')
  const version = raw.version
  if (!isVersion(version)) throw new ShapeProblem('foreign', '"version" is missing or not a positive integer', version)
  if (version > current) throw new ShapeProblem('newer', `version ${version} is newer than ${current}`, version)
  const db: Record<string, unknown> = {...raw}
  for (const migration of [...migrations].sort((a, b) => a.to - b.to)) {
    if (migration.to <= version || migration.to > current) continue
    migration.up(db)
    db.version = migration.to
  }
  db.version = current
  for (const [name, collection] of Object.entries(COLLECTIONS)) {
    if (db[name] === undefined) db[name] = collection.make()
  }
  const problem = shapeProblem(db)
  if (problem) throw new ShapeProblem('foreign', problem, version)
  return db as unknown as Db
}

function isVersion(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1
}
