/**
 * The events the member views read (`members show`, `list`, `segments`, `export`), from the column cache with its
 * texts (scanEvents) rather than by parsing every line of every batch (readEvents: ~1.5 s at 1M events): one
 * person's events as objects, or every event's ts, type, member and person handed to an ActivityTally one by one.
 */
import {typeName, type ColumnTables} from '../events/columns.js'
import {scanEvents} from '../events/io-columns.js'
import type {ResolvedEvent} from '../events/stats.js'
import {isoAt, KEPT} from '../events/ts-text.js'
import type {Db} from '../store/index.js'
import type {ActivityTally} from './activity.js'

/** JSON string contents (bytes [s, e) of buf) as the string they stand for. */
const decoded = (buf: Uint8Array, s: number, e: number): string =>
  JSON.parse(`"${Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8')}"`) as string

/**
 * The events whose person (`members link`, member records) is `person`, in file order, with the fields the member
 * views read: ts and src as the batch files spell them, type, member, person (no channel, topic or parent).
 * Undefined when one of them has a type the cache does not name (the caller reads the files instead).
 */
export async function personEvents(
  root: string,
  db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>,
  person: string,
): Promise<ResolvedEvent[] | undefined> {
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
    const {offset, ends, bytes} = b.text!
    for (let j = 0; j < b.length; j++) {
      const m = b.member[j]
      if (match[m] === 2) match[m] = b.persons[m] === person ? 1 : 0
      if (match[m] === 0) continue
      const type = typeName(b.type[j])
      if (type === undefined) return undefined
      const start = j === 0 ? 0 : ends[2 * j - 1]
      const ts = offset[j] === KEPT ? decoded(bytes, start, ends[2 * j]) : scratch.toString('latin1', 0, isoAt(b.ms, j, offset[j], scratch, 0))
      out.push({ts, type, member: b.tables.members[m], src: decoded(bytes, ends[2 * j], ends[2 * j + 1]), person})
    }
  }
  return out
}

/**
 * Adds every event to `tally` as readEvents would give it (ts as the batch spells it, type, member, person; one object
 * reused, as the tally keeps none); false, with the tally part-filled, when an event has a type the cache does not
 * name (the caller starts again from readEvents).
 */
export async function tallyActivity(
  root: string,
  db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>,
  tally: ActivityTally,
): Promise<boolean> {
  const scratch = Buffer.alloc(32)
  const e: ResolvedEvent = {ts: '', type: 'post', member: '', src: '', person: ''}
  for await (const b of scanEvents(root, db, undefined, true)) {
    const {offset, ends, bytes} = b.text!
    const members = b.tables.members
    const persons = b.persons
    for (let j = 0; j < b.length; j++) {
      const type = typeName(b.type[j])
      if (type === undefined) return false
      const m = b.member[j]
      e.member = members[m]
      // the tally leaves out `platform:*` before it reads the ts
      if (e.member.endsWith(':*')) continue
      const start = j === 0 ? 0 : ends[2 * j - 1]
      e.ts = offset[j] === KEPT ? decoded(bytes, start, ends[2 * j]) : scratch.toString('latin1', 0, isoAt(b.ms, j, offset[j], scratch, 0))
      e.type = type
      e.person = persons[m]
      tally.add(e)
    }
  }
  return true
}
