/** Identity links a user can make: `members link` and `members unlink`. */
import type {Person} from '../events/types.js'
import {nextId, type Store} from '../store/index.js'
import {planLink, planUnlink} from './identity.js'

/** Joins identities into one person (merging people that already hold any of them); returns that person. */
export async function linkMembers(store: Store, identities: string[], o: {now: Date}): Promise<Person> {
  const now = o.now.toISOString()
  planLink([], identities, {nextId: () => 'P0', now}) // refuse bad input before taking the lock
  return store.update((db) => {
    const plan = planLink(db.memberLinks, identities, {nextId: () => nextId(db, 'P'), now})
    db.memberLinks = plan.people
    return structuredClone(plan.person)
  })
}

/** Takes identities out of their person; returns the identities that were linked. */
export async function unlinkMembers(store: Store, identities: string[]): Promise<string[]> {
  planUnlink([], identities)
  return store.update((db) => {
    const plan = planUnlink(db.memberLinks, identities)
    db.memberLinks = plan.people
    return plan.removed
  })
}
