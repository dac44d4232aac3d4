/** Small helpers every importer shares. */
import type {Msg} from '../../errors.js'
import type {ImportItem} from '../types.js'
import type {JsonShape} from './json-walk.js'

/** A rejected record: where it is and the message key of why. */
export const reject = (at: string, key: string, params?: Record<string, unknown>): ImportItem => ({
  reject: {at, reason: {key: `events.reject.${key}`, ...(params ? {params} : {})}},
})

/** A record whose time field cannot be read: `noTime` naming the field when it is absent, else `badTime` with the value. */
export const rejectTime = (at: string, field: string, value: unknown): ImportItem =>
  value === undefined || value === null || value === ''
    ? reject(at, 'noTime', {field})
    : reject(at, 'badTime', {value: typeof value === 'object' ? JSON.stringify(value) : `${value as string | number | boolean}`})

/** A memberCache: the member of an id, and the ref of the member it returned last. */
export interface MemberCache<R extends string | undefined> {
  (id: string): R
  /**
   * The ref (ImportItem.memberRef) of `member` when it is the member returned last, else undefined. A ref stands for
   * one member string in the whole process (never given to another), so the batch's member table (BlockBuilder) finds
   * the member by its ref in an array, instead of looking its text up again in a Map (measured: the two look-ups of
   * the same members, the cache's and the table's, were a tenth of the import of a 100 MB Telegram export's time).
   */
  refOf(member: string): number | undefined
}

/** Refs given so far, by every memberCache. */
let refsGiven = 0

/**
 * `make` remembered: a member string per id it was read from, one string for all of a member's messages rather than a
 * new one each, so the batch's member table finds it without copying it flat and hashing it again. Forgotten all at
 * once past `max` ids (memory stays bounded; a member met again then gets a new ref); an undefined answer is not
 * remembered.
 */
export function memberCache<R extends string | undefined>(make: (id: string) => R, max = 100_000): MemberCache<R> {
  /** The slot of each id: its member and the member's ref are at that index. */
  const known = new Map<string, number>()
  let members: R[] = []
  let refs: number[] = []
  let last: string | undefined
  let lastRef = -1
  const cache = (id: string): R => {
    let slot = known.get(id)
    if (slot === undefined) {
      const member = make(id)
      if (member === undefined) return member
      if (known.size >= max) {
        known.clear()
        members = []
        refs = []
      }
      slot = members.push(member) - 1
      refs.push(refsGiven++)
      known.set(id, slot)
    }
    const member = members[slot]
    last = member
    lastRef = refs[slot]
    return member
  }
  cache.refOf = (member: string): number | undefined => (member === last ? lastRef : undefined)
  return cache
}

/** A plain object, or undefined. */
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined

/** A non-empty string or a finite number, as a string; else undefined. */
export function idOf(v: unknown): string | undefined {
  if (typeof v === 'string') {
    const t = v.trim()
    return t === '' ? undefined : t
  }
  return typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined
}

/** A JSON path for locations: `file:messages[3]`. */
export const jsonAt = (display: string, key: string, index?: number): string => `${display}:${key}${index === undefined ? '' : `[${index}]`}`

/** What a JSON value is, for messages: `found a string`. `missing` for a key the document does not have. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'missing'

export function kindOf(v: unknown): JsonKind {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  const t = typeof v
  return t === 'object' || t === 'string' || t === 'number' || t === 'boolean' ? t : 'missing'
}

/**
 * Thrown by an importer when the source is well-formed JSON of the wrong shape (`{"messages": "nope"}`, `[1,2,3]` as
 * a Telegram export): the whole source is refused, never read as "nothing new". The service adds the file and a hint.
 */
export class ShapeError extends Error {
  constructor(readonly msg: Msg) {
    super(msg.key)
  }
}

/** The value at `path` (`''` for the document itself) is not the `expected` kind. */
export const wrongShape = (path: string, expected: 'object' | 'array', value: unknown): ShapeError =>
  new ShapeError({
    key: path === '' ? 'events.json.shapeTop' : 'events.json.shape',
    params: {path, expected: {$key: `events.json.kind.${expected}`}, found: {$key: `events.json.kind.${kindOf(value)}`}},
  })

/** After a whole chat export (Discord, Telegram): it was an object holding a `messages` array (empty is fine). */
export function expectMessages(shape: JsonShape): void {
  if (shape.top !== 'object') throw wrongShape('', 'object', shape.top === 'array' ? [] : undefined)
  if (!shape.arrays.has('messages')) throw wrongShape('messages', 'array', undefined)
}
