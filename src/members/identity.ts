/** One person behind several platform identities: linking and unlinking, pure. */
import {UsageError, ValidationError} from '../errors.js'
import type {Person} from '../events/types.js'

/** `platform:id`, e.g. `discord:123`, `qq:10002`, `csv:小王`. */
export const IDENTITY = /^[a-z][a-z0-9_-]*:[^\s*][^\s]*$/

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

/** identity → person id, for resolving events. */
export function personIndex(people: Person[]): Map<string, string> {
  return new Map(people.flatMap((p) => p.members.map((m) => [m, p.id] as const)))
}
