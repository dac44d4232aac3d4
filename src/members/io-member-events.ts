/**
 * The events the member views read (`members show`, `list`, `segments`, `export`), from the column cache with its
 * texts (scanEvents) rather than by parsing every line of every batch (readEvents: ~1.5 s at 1M events): one
 * person's events as objects, or every event's ts, type, member and person handed to an ActivityTally one by one.
 */
import {typeName, type ColumnTables} from '../events/columns.js'
import {scanEvents} from '../events/io-columns.js'
import {decodedText, forEachEvent} from '../events/io-lite.js'
import type {ResolvedEvent} from '../events/stats.js'
import {isoAt, KEPT} from '../events/ts-text.js'
import type {Db} from '../store/index.js'
import type {ActivityTally} from './activity.js'

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
      const ts = offset[j] === KEPT ? decodedText(bytes, start, ends[2 * j]) : scratch.toString('latin1', 0, isoAt(b.ms, j, offset[j], scratch, 0))
      out.push({ts, type, member: b.tables.members[m], src: decodedText(bytes, ends[2 * j], ends[2 * j + 1]), person})
    }
  }
  return out
}

/**
 * Adds every event to `tally` as readEvents would give it (ts as the batch spells it, type, member, person); false,
 * with the tally part-filled, when an event has a type the cache does not name (the caller starts again from
 * readEvents).
 */
export function tallyActivity(root: string, db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>, tally: ActivityTally): Promise<boolean> {
  // the tally leaves out `platform:*` events before it reads their ts
  return forEachEvent(root, db, (e) => tally.add(e), {named: true})
}
