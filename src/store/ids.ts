import type {Db} from './types.js'

/** The next id for `prefix` ('T' → 'T1', 'T2', …), counted in `db.counters`; call it inside `update`. */
export function nextId(db: Db, prefix: string): string {
  const next = (db.counters[prefix] ?? 0) + 1
  db.counters[prefix] = next
  return `${prefix}${next}`
}
