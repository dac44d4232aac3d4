/**
 * The events that score, read for a points recompute from the column cache (scanEvents with texts): type, member and
 * time from a block's columns, ts and src from its text, as bytes (a canonical ts as its offset alone), so no line of
 * the batch files is read or parsed when the cache is whole (scanEvents reads the NDJSON where it is not).
 */
import type {Db} from '../store/index.js'
import {isAnonymous, type ColumnTables} from '../events/columns.js'
import {scanEvents} from '../events/io-columns.js'
import {EVENT_TYPES} from '../events/types.js'
import {ScoringEvents} from './scoring.js'

type Batches = Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>

/** The events of every batch whose type `scores`, each under its person (`persons`: identity → person). */
export async function readScoringEvents(
  root: string,
  db: Batches,
  persons: Map<string, string>,
  scores: (type: string) => boolean,
): Promise<ScoringEvents> {
  const keep = new Uint8Array(256)
  EVENT_TYPES.forEach((t, code) => (keep[code] = scores(t) ? 1 : 0))
  const ev = new ScoringEvents(db.eventBatches.reduce((n, b) => n + b.events, 0))
  // per member of the batch's tables: its slot, -1 anonymous, -2 not looked up yet
  let slots = new Int32Array(0)
  let tables: ColumnTables | undefined
  for await (const block of scanEvents(root, db, undefined, true)) {
    if (block.tables !== tables || slots.length < block.tables.members.length) {
      const known = block.tables === tables ? slots : new Int32Array(0)
      slots = new Int32Array(block.tables.members.length).fill(-2)
      slots.set(known)
      tables = block.tables
    }
    const {offset, ends, bytes} = block.text!
    for (let j = 0; j < block.length; j++) {
      const code = block.type[j]
      if (!keep[code] || !Number.isFinite(block.ms[j])) continue
      const m = block.member[j]
      let slot = slots[m]
      if (slot === -2) slot = slots[m] = isAnonymous(block.tables.members[m]) ? -1 : ev.slotOf(block.persons[m])
      if (slot === -1) continue
      const start = j === 0 ? 0 : ends[2 * j - 1]
      ev.add(slot, block.ms, j, code, offset[j], bytes, start, ends[2 * j], ends[2 * j], ends[2 * j + 1])
    }
  }
  return ev
}
