/** One person behind several platform identities: linking and unlinking, pure. */
import {UsageError, ValidationError} from '../errors.js'
import type {Person} from '../events/types.js'

/** `platform:id`, e.g. `discord:123`, `qq:10002`, `csv:小王`. */
export const IDENTITY = /^[a-z][a-z0-9_-]*:[^\s*][^\s]*$/

/** A person's id, which links identities: `P1`, `P2`… */
export const PERSON_ID = /^P\d+$/

function check(identities: string[]): string[] {
  for (const id of identities) {
    if (!IDENTITY.test(id)) throw new ValidationError({key: 'members.link.badIdentity', params: {id}}, {hint: {key: 'members.link.identityHint'}})
  }
  return [...new Set(identities)]
}

/** The people after joining `identities` into one: a new person, or the one(s) holding any of them merged into the first. */
export function planLink(people: Person[], identities: string[], o: {nextId: () => string; now: string}): {people: Person[]; person: Person} {
  const ids = check(identities)
  if (ids.length < 2) throw new UsageError({key: 'members.link.tooFew'}, {hint: {key: 'members.link.tooFew.hint'}})
  const holding = people.filter((p) => p.members.some((m) => ids.includes(m)))
  const members = [...new Set([...holding.flatMap((p) => p.members), ...ids])]
  const person: Person = holding.length > 0 ? {...holding[0], members, linkedAt: o.now} : {id: o.nextId(), members, linkedAt: o.now}
  const rest = people.filter((p) => !holding.includes(p))
  return {people: [...rest, person].sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1))), person}
}

/** The people after taking `identities` out of whoever holds them; a person left with one identity is dissolved. */
export function planUnlink(people: Person[], identities: string[]): {people: Person[]; removed: string[]} {
  const ids = check(identities)
  const removed = ids.filter((id) => people.some((p) => p.members.includes(id)))
  const next = people.map((p) => ({...p, members: p.members.filter((m) => !ids.includes(m))})).filter((p) => p.members.length >= 2)
  return {people: next, removed}
}

/** Who is who: identity → person key, and each person's identities (linked people and joined records only). */
export interface Persons {
  index: Map<string, string>
  members: Map<string, string[]>
}

/** A linked person's number (`P12` → 12), ahead of any record's key. */
const rank = (key: string): number => (PERSON_ID.test(key) ? Number(key.slice(1)) : Number.POSITIVE_INFINITY)

/**
 * Linked people (`members link`, kept in the store) and the identities of member records (two or more each, read
 * from the records file) as persons. A record's identities are one person, keyed by its first identity, unless a
 * linked person holds any of them: then the record joins that person (the lowest-numbered, when it touches several,
 * which it joins into one), as a link made by hand takes precedence.
 */
export function resolvePersons(people: Person[], records: Iterable<readonly string[]> = []): Persons {
  const index = new Map<string, string>()
  const members = new Map<string, string[]>()
  for (const p of people) {
    members.set(p.id, [...p.members])
    for (const m of p.members) index.set(m, p.id)
  }
  for (const ids of records) {
    if (ids.length < 2) continue
    let key: string | undefined
    let others: string[] | undefined
    for (const i of ids) {
      const k = index.get(i)
      if (k === undefined || k === key) continue
      if (key === undefined) key = k
      else {
        ;(others ??= []).push(rank(k) < rank(key) ? key : k)
        if (rank(k) < rank(key)) key = k
      }
    }
    if (key === undefined) {
      key = ids[0]
      members.set(key, [...ids])
      for (const i of ids) index.set(i, key)
      continue
    }
    const list = members.get(key)!
    for (const other of others ?? []) {
      if (other === key || !members.has(other)) continue
      for (const m of members.get(other)!) {
        index.set(m, key)
        list.push(m)
      }
      members.delete(other)
    }
    for (const i of ids) {
      if (index.get(i) === key) continue
      index.set(i, key)
      list.push(i)
    }
  }
  return {index, members}
}

/** identity → person key, for resolving events (see resolvePersons). */
export function personIndex(people: Person[], records: Iterable<readonly string[]> = []): Map<string, string> {
  return resolvePersons(people, records).index
}
