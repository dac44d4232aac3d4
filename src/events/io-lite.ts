/**
 * Every event as readEvents gives it, for the fields most readers want (ts as the batch spells it, type, member,
 * person; channel when asked), from the column cache with its texts instead of parsing every line (~1.5 s at 1M
 * events). One object is reused for every event: a reader keeps the strings it needs, never the object.
 */
import type {Db} from '../store/index.js'
import {typeName} from './columns.js'
import {scanEvents} from './io-columns.js'
import type {ResolvedEvent} from './stats.js'
import {isoAt, KEPT} from './ts-text.js'

/** JSON string contents (bytes [s, e) of buf) as the string they stand for. */
export const decodedText = (buf: Uint8Array, s: number, e: number): string =>
  JSON.parse(`"${Buffer.from(buf.buffer, buf.byteOffset + s, e - s).toString('utf8')}"`) as string

/**
 * Calls `visit` with each event (its ts, type, member and person; its channel with `channel`, left out when it has
 * none; no src, topic or parent) and where it is (its batch's index in eventBatches, its place among the batch's
 * events: readEventsAt reads it whole), `platform:*` events left out with `named`. False, after visiting some, when an
 * event has a type the cache does not name: the caller starts again from readEvents.
 */
export async function forEachEvent(
  root: string,
  db: Pick<Db, 'eventBatches' | 'memberLinks' | 'memberRecords'>,
  visit: (e: ResolvedEvent, batch: number, index: number) => void,
  o: {channel?: boolean; named?: boolean} = {},
): Promise<boolean> {
  const scratch = Buffer.alloc(32)
  const e: ResolvedEvent = {ts: '', type: 'post', member: '', src: '', person: ''}
  for await (const b of scanEvents(root, db, undefined, true)) {
    const {offset, ends, bytes} = b.text!
    const members = b.tables.members
    const channels = b.tables.channels
    const persons = b.persons
    for (let j = 0; j < b.length; j++) {
      const type = typeName(b.type[j])
      if (type === undefined) return false
      const m = b.member[j]
      e.member = members[m]
      if (o.named && e.member.endsWith(':*')) continue
      const start = j === 0 ? 0 : ends[2 * j - 1]
      e.ts = offset[j] === KEPT ? decodedText(bytes, start, ends[2 * j]) : scratch.toString('latin1', 0, isoAt(b.ms, j, offset[j], scratch, 0))
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
