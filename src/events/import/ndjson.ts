/** Canonical NDJSON (from a bot or another tool), one event per line, each checked like an importer's output. */
import {parseTime} from '../time.js'
import {EVENT_TYPES, type ByteStream, type CanonicalEvent, type EventType, type ImportItem, type ParseContext} from '../types.js'
import {obj, reject, rejectTime} from './common.js'
import {decodeText, textLineBatches} from './decode.js'

/** An event's member as imports write it: `platform:id` (the id may hold spaces). */
export const MEMBER = /^[a-z][a-z0-9_-]*:\S.*$/
const TYPES = new Set<string>(EVENT_TYPES)

/**
 * Events of a canonical NDJSON file, a chunk's lines at a time; blank lines are ignored, a bad line is rejected with
 * its number.
 */
export async function* parseNdjson(bytes: ByteStream, ctx: ParseContext): AsyncGenerator<ImportItem[]> {
  for await (const {lines, first} of textLineBatches(decodeText(bytes))) {
    const out: ImportItem[] = []
    for (let i = 0; i < lines.length; i++) if (lines[i].trim() !== '') out.push(checkEvent(lines[i], ctx.display, first + i, ctx))
    if (out.length > 0) yield out
  }
}

/** Line `line` of `display` as a canonical event, or why not (the location is only made for a rejected line). */
export function checkEvent(text: string, display: string, line: number, ctx: Pick<ParseContext, 'zone' | 'channel'>): ImportItem {
  const at = (): string => `${display}:${line}`
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return reject(at(), 'notJson')
  }
  const o = obj(value)
  if (!o) return reject(at(), 'notObject')
  const ts = typeof o.ts === 'string' ? parseTime(o.ts, ctx.zone) : undefined
  if (!ts) return rejectTime(at(), 'ts', o.ts)
  if (typeof o.type !== 'string' || !TYPES.has(o.type)) return reject(at(), 'badType', {value: String(o.type), types: EVENT_TYPES.join(', ')})
  if (typeof o.member !== 'string' || !MEMBER.test(o.member)) return reject(at(), 'badMember', {value: String(o.member)})
  if (typeof o.src !== 'string' || o.src.trim() === '') return reject(at(), 'noId')
  const event: CanonicalEvent = {ts, type: o.type as EventType, member: o.member, src: o.src}
  const channel = ctx.channel ?? o.channel
  if (typeof channel === 'string') event.channel = channel
  for (const k of ['topic', 'parent'] as const) if (typeof o[k] === 'string') event[k] = o[k]
  if (typeof o.count === 'number' && Number.isInteger(o.count) && o.count > 0) event.count = o.count
  return {event}
}
