/**
 * The events as readEvents gives them, from the column cache with its texts instead of parsing every line (~1.5 s at
 * 1M events): every event for the fields most readers want (ts as the batch spells it, type, member, person; channel
 * when asked), one object reused for all (a reader keeps the strings it needs, never the object); or one person's
 * events as objects, only theirs made.
 */
import type {Db} from '../store/index.js'
import {typeName, type ColumnTables, type EventBlock} from './columns.js'
import {readEvents} from './io.js'
import {scanEvents} from './io-columns.js'
import type {ResolvedEvent} from './stats.js'
import {decodedText, isoAt, KEPT} from './ts-text.js'

type Events = Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>

/** Event j's ts as its batch spells it, from a block read with its text (`scratch`: room for a canonical ts). */
export function blockTs(b: EventBlock, j: number, scratch: Buffer): string {
  const {offset, ends, bytes} = b.text!
  if (offset[j] !== KEPT) return scratch.toString('latin1', 0, isoAt(b.ms, j, offset[j], scratch, 0))
  return decodedText(bytes, j === 0 ? 0 : ends[2 * j - 1], ends[2 * j])
}

/** Event j's src, from a block read with its text. */
export const blockSrc = (b: EventBlock, j: number): string => decodedText(b.text!.bytes, b.text!.ends[2 * j], b.text!.ends[2 * j + 1])

/**
 * Calls `visit` with each event (its ts, type, member and person; its channel with `channel`, left out when it has
 * none; no src, topic or parent) and where it is (its batch's index in eventBatches, its place among the batch's
 * events: readEventsAt reads it whole), `platform:*` events left out with `named`. False, after visiting some, when an
 * event has a type the cache does not name: the caller starts again from readEvents.
 */
export async function forEachEvent(
  root: string,
  db: Events,
  visit: (e: ResolvedEvent, batch: number, index: number) => void,
  o: {channel?: boolean; named?: boolean} = {},
): Promise<boolean> {
  const scratch = Buffer.alloc(32)
  const e: ResolvedEvent = {ts: '', type: 'post', member: '', src: '', person: ''}
  for await (const b of scanEvents(root, db, undefined, true)) {
    const members = b.tables.members
    const channels = b.tables.channels
    const persons = b.persons
    for (let j = 0; j < b.length; j++) {
      const type = typeName(b.type[j])
      if (type === undefined) return false
      const m = b.member[j]
      e.member = members[m]
      if (o.named && e.member.endsWith(':*')) continue
      e.ts = blockTs(b, j, scratch)
      e.type = type
      e.person = persons[m]
      if (o.channel) {
        if (b.channel[j] < 0) delete e.channel
        else e.channel = channels[b.channel[j]]
      }
      visit(e, b.batch, b.first + j)
    }
  }
  return true
}

/**
 * What `make()` adds up of every event (its `add` takes each as forEachEvent gives it, with `o`), from the column cache;
 * from every line (readEvents), in a new one, when the cache names a type it does not know.
 */
export async function fromEvents<T extends {add(e: ResolvedEvent): void}>(
  root: string,
  db: Events,
  make: () => T,
  o: {channel?: boolean; named?: boolean} = {},
): Promise<T> {
  const t = make()
  if (await forEachEvent(root, db, (e) => t.add(e), o)) return t
  const again = make()
  for await (const e of readEvents(root, db)) again.add(e)
  return again
}

/**
 * The events whose person (`members link`, member records) is `person`, in file order, with the fields the member
 * views read: ts and src as the batch files spell them, type, member, person (no channel, topic or parent).
 * Undefined when one of them has a type the cache does not name (the caller reads the files instead).
 */
export async function personEvents(root: string, db: Events, person: string): Promise<ResolvedEvent[] | undefined> {
  const out: ResolvedEvent[] = []
  const scratch = Buffer.alloc(32)
  // per member of the batch's tables: 1 when its person is `person`, 0 when not, 2 not looked up yet
  let match = new Uint8Array(0)
  let tables: ColumnTables | undefined
  for await (const b of scanEvents(root, db, undefined, true)) {
    if (b.tables !== tables || match.length < b.tables.members.length) {
      const known = b.tables === tables ? match : new Uint8Array(0)
      match = new Uint8Array(b.tables.members.length).fill(2)
      match.set(known)
      tables = b.tables
    }
    for (let j = 0; j < b.length; j++) {
      const m = b.member[j]
      if (match[m] === 2) match[m] = b.persons[m] === person ? 1 : 0
      if (match[m] === 0) continue
      const type = typeName(b.type[j])
      if (type === undefined) return undefined
      out.push({ts: blockTs(b, j, scratch), type, member: b.tables.members[m], src: blockSrc(b, j), person})
    }
  }
  return out
}
