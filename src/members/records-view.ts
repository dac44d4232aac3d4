/**
 * The members a workspace knows, as rows: every member record, plus every person seen in events without one, keyed
 * like events are (the person id when linked, else the identity). Filtering, sorting and finding one member. Pure.
 */
import {UsageError} from '../errors.js'
import type {PersonBlock} from '../events/columns.js'
import type {ActivityBrief} from './activity.js'
import type {Persons} from './identity.js'
import {canonicalField, type MemberRecord} from './records.js'

/**
 * More columns for members, from another part of commops (levels, points…): their names, and each member's values
 * by member key. `members list`, `show`, `segments` and `export` show, sort, filter, group and export by them.
 */
export interface MemberExtras {
  fields: string[]
  get(key: string): Record<string, string | number | undefined> | undefined
  /** Why a member has no value for one of `fields`, when that is worth a group of its own (`left` for a level): segments keep them apart. */
  absent?(key: string, field: string): string | undefined
  /**
   * Extras made from the events (levels): a reader that scans the events anyway gives `addBlock` every block, then
   * calls `ready(true)`, so the events are read once; `ready(false)` (no blocks, or not all of them) has the extras
   * read the events themselves. `get` and `absent` are called after `ready`.
   */
  scan?: {addBlock(b: PersonBlock): void; ready(fed: boolean): Promise<void>}
}

/** One member: its key, its record (if any), every identity of the person, and its activity. */
export interface MemberRow {
  key: string
  record?: MemberRecord
  identities: string[]
  activity: ActivityBrief
  extras?: Record<string, string | number | undefined>
}

/** The key of a record: the person holding one of its identities, else its first identity, else `record:<id>`. */
export function recordKey(record: MemberRecord, persons: Map<string, string>): string {
  for (const i of record.identities) {
    const p = persons.get(i)
    if (p !== undefined) return p
  }
  return record.identities[0] ?? `record:${record.id}`
}

/** Every member: records first (in their order), then people seen only in events; `persons` from resolvePersons. */
export function memberRows(
  records: MemberRecord[],
  {index: persons, members: membersOf}: Persons,
  activity: {keys(): Iterable<string>; get(key: string): ActivityBrief},
  extras?: MemberExtras,
): MemberRow[] {
  const rows: MemberRow[] = []
  const seen = new Set<string>()
  for (const record of records) {
    const key = recordKey(record, persons)
    if (seen.has(key)) continue
    seen.add(key)
    const linked = membersOf.get(key)
    // most records have one identity and no link: no Set to make
    const identities =
      linked === undefined && record.identities.length < 2 ? [...record.identities] : [...new Set([...record.identities, ...(linked ?? [])])]
    rows.push({key, record, identities, activity: activity.get(key)})
  }
  for (const key of activity.keys()) {
    if (seen.has(key)) continue
    seen.add(key)
    rows.push({key, identities: membersOf.get(key) ?? [key], activity: activity.get(key)})
  }
  if (extras) for (const r of rows) r.extras = extras.get(r.key)
  return rows
}

/** A member's display id: its record id, else its key. */
export const memberId = (r: MemberRow): string => r.record?.id ?? r.key

/** The value of a field of a member as text(s): record fields, extra columns, activity and extras; undefined when unknown. */
export function fieldValues(r: MemberRow, field: string): string[] | undefined {
  const rec = r.record
  switch (field) {
    case 'id':
      return [memberId(r)]
    case 'key':
      return [r.key]
    case 'identities':
    case 'ids':
      return r.identities.length ? r.identities : undefined
    case 'interests':
    case 'tags':
      return rec?.[field]?.length ? rec[field] : undefined
    case 'name':
    case 'age':
    case 'gender':
    case 'region':
    case 'occupation':
      return rec?.[field] === undefined ? undefined : [rec[field]]
    case 'joined': {
      const j = joinedOf(r)
      return j === undefined ? undefined : [j]
    }
    case 'first_seen':
      return r.activity.firstSeen ? [r.activity.firstSeen.slice(0, 10)] : undefined
    case 'last_seen':
      return r.activity.lastSeen ? [r.activity.lastSeen.slice(0, 10)] : undefined
    case 'interactions':
      return [String(r.activity.interactions)]
    case 'interactions_30d':
      return [String(r.activity.recent)]
  }
  const extra = r.extras?.[field]
  if (extra !== undefined) return [String(extra)]
  const col = rec?.extra?.[field]
  return col === undefined ? undefined : [col]
}

/** The join date: the record's, else the first join or first event seen. */
export function joinedOf(r: MemberRow): string | undefined {
  return r.record?.joined ?? r.activity.firstSeen?.slice(0, 10)
}

/** Fields every member has (beside the records' own extra columns and the extras' fields). */
export const BUILTIN_FIELDS = [
  'id',
  'name',
  'identities',
  'joined',
  'age',
  'gender',
  'region',
  'occupation',
  'interests',
  'tags',
  'first_seen',
  'last_seen',
  'interactions',
  'interactions_30d',
] as const

/** Every field name the members have: built-in, the records' extra columns, the extras'. */
export function knownFields(records: MemberRecord[], extras?: MemberExtras): string[] {
  const out = new Set<string>(BUILTIN_FIELDS)
  for (const r of records) for (const k in r.extra ?? {}) out.add(k)
  for (const f of extras?.fields ?? []) out.add(f)
  return [...out]
}

export interface MemberFilter {
  /** `field=value` pairs, all of which must hold: a multi-valued field (tags, interests) holds when one value matches. */
  where: Array<{field: string; value: string}>
}

const fold = (s: string) => s.normalize('NFKC').toLowerCase().trim()

/** Parses `--where attr=value` (and `--region`, `--tag` given as such pairs). */
export function parseWhere(specs: string[]): Array<{field: string; value: string}> {
  return specs.map((s) => {
    const eq = s.indexOf('=')
    if (eq <= 0) throw new UsageError({key: 'members.records.where.bad', params: {value: s}}, {hint: {key: 'members.records.where.hint'}})
    return {field: canonicalField(s.slice(0, eq)), value: s.slice(eq + 1).trim()}
  })
}

export function matchesFilter(r: MemberRow, f: MemberFilter): boolean {
  return f.where.every(({field, value}) => (fieldValues(r, field) ?? []).some((v) => fold(v) === fold(value)))
}

export const SORTS = ['name', 'last-seen', 'interactions', 'joined'] as const
/** One of SORTS, or an extras field. */
export type MemberSort = string

/**
 * Sorts rows: name A→Z (by the locale's collation), last-seen and interactions (last 30 days) highest first, joined
 * oldest first; any other name is an extras field, highest first. Ties by id.
 */
export function sortRows(rows: MemberRow[], sort: MemberSort, locale: string): MemberRow[] {
  return [...rows].sort(rowOrder(sort, locale))
}

/**
 * The first `limit` rows as sortRows orders them, without sorting them all: each row is compared with the last of
 * the best so far (a list of 100k members shows 50: ~100k comparisons where a sort makes ~2M). Rows that compare
 * equal keep their order, as in the (stable) sort.
 */
export function firstRows(rows: MemberRow[], sort: MemberSort, locale: string, limit: number): MemberRow[] {
  if (limit >= rows.length) return sortRows(rows, sort, locale)
  if (limit <= 0) return []
  const cmp = rowOrder(sort, locale)
  const best: MemberRow[] = []
  for (const r of rows) {
    if (best.length === limit && cmp(r, best[limit - 1]) >= 0) continue
    // after every row it does not come before (those met earlier stay first on a tie)
    let lo = 0
    let hi = best.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (cmp(r, best[mid]) < 0) hi = mid
      else lo = mid + 1
    }
    best.splice(lo, 0, r)
    if (best.length > limit) best.pop()
  }
  return best
}

/** The order of sortRows. */
function rowOrder(sort: MemberSort, locale: string): (a: MemberRow, b: MemberRow) => number {
  const collator = new Intl.Collator(locale)
  const byId = (a: MemberRow, b: MemberRow) => collator.compare(memberId(a), memberId(b))
  // unknown values last, either way
  const by =
    <T>(get: (r: MemberRow) => T | undefined, cmp: (a: T, b: T) => number, dir: 1 | -1 = -1) =>
    (a: MemberRow, b: MemberRow) => {
      const x = get(a)
      const y = get(b)
      if (x === undefined || y === undefined) return x === y ? byId(a, b) : x === undefined ? 1 : -1
      return dir * cmp(x, y) || byId(a, b)
    }
  const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
  const num = (a: number, b: number) => a - b
  let cmp: (a: MemberRow, b: MemberRow) => number
  switch (sort) {
    case 'name':
      cmp = by(
        (r) => r.record?.name,
        (a, b) => collator.compare(a, b),
        1,
      )
      break
    case 'last-seen':
      cmp = by((r) => r.activity.lastSeen, str)
      break
    case 'interactions':
      cmp = by((r) => r.activity.recent, num)
      break
    case 'joined':
      cmp = by(joinedOf, str, 1)
      break
    default:
      cmp = by(
        (r) => r.extras?.[sort],
        (a, b) => (typeof a === 'number' && typeof b === 'number' ? a - b : collator.compare(String(a), String(b))),
      )
  }
  return cmp
}

/**
 * The member a reference names: an identity (or any identity of a linked person), a person id, a record id, or an
 * exact name (unique). Undefined when none; a name two members share is a usage error listing their ids.
 */
export function findMember(rows: MemberRow[], ref: string): MemberRow | undefined {
  const exact = rows.find((r) => r.key === ref || r.identities.includes(ref) || r.record?.id === ref)
  return exact ?? uniquelyNamed(rows, ref, (r) => r.record?.name, memberId)
}

/** The one item whose name is `ref`: undefined when none; a name two items share is a usage error listing their ids. */
export function uniquelyNamed<T>(items: readonly T[], ref: string, name: (item: T) => string | undefined, id: (item: T) => string): T | undefined {
  const named = items.filter((item) => name(item) === ref)
  if (named.length > 1)
    throw new UsageError(
      {key: 'members.records.ambiguous', params: {ref, ids: named.map(id).join(', ')}},
      {hint: {key: 'members.records.ambiguous.hint'}},
    )
  return named[0]
}
