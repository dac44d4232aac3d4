/** Official Slack export (zip or folder): users.json, channels.json, one JSON file per channel per day. */
import {tsFromMillis} from '../time.js'
import type {ByteStream, CanonicalEvent, ImportItem, ParseContext} from '../types.js'
import {idOf, obj, reject, rejectTime, ShapeError, wrongShape} from './common.js'
import {walkJson, type JsonShape} from './json-walk.js'

/** The entries of an export, whatever holds them: parsers never open files. */
export interface SlackSource {
  /** Entry names with `/` separators (`general/2025-01-10.json`). */
  entries: string[]
  open(entry: string): ByteStream
}

const CHANNEL_LISTS = ['channels.json', 'groups.json', 'mpims.json', 'dms.json']
const DAY_FILE = /^([^/]+)\/\d{4}-\d{2}-\d{2}\.json$/
const SYSTEM = new Set([
  'channel_topic',
  'channel_purpose',
  'channel_name',
  'channel_archive',
  'channel_unarchive',
  'pinned_item',
  'unpinned_item',
  'bot_add',
  'bot_remove',
])

/** The elements of an entry that must hold one JSON array, one at a time; anything else is a located shape error. */
async function* arrayOf(source: SlackSource, entry: string): AsyncGenerator<{index: number; value: unknown}> {
  const shape: JsonShape = {arrays: new Set()}
  for await (const pieces of walkJson(source.open(entry), new Set(), shape)) {
    if (shape.top !== 'array') throw wrongShape(entry, 'array', {})
    for (const piece of pieces) yield {index: piece.index ?? 0, value: piece.value}
  }
  if (shape.top !== 'array') throw wrongShape(entry, 'array', undefined)
}

async function readArray(source: SlackSource, entry: string): Promise<unknown[]> {
  const out: unknown[] = []
  for await (const {value} of arrayOf(source, entry)) out.push(value)
  return out
}

/** Events of a Slack export: posts, thread replies (`thread_ts`), `channel_join`/`channel_leave`, reactions per member. */
export async function* parseSlack(source: SlackSource, ctx: ParseContext): AsyncGenerator<ImportItem> {
  const has = new Set(source.entries)
  const bots = new Set<string>(['USLACKBOT'])
  if (has.has('users.json')) {
    for (const u of (await readArray(source, 'users.json')).map(obj)) if (u && (u.is_bot === true || u.is_app_user === true)) bots.add(String(u.id))
  }
  const channelIds = new Map<string, string>()
  for (const list of CHANNEL_LISTS.filter((l) => has.has(l))) {
    for (const c of (await readArray(source, list)).map(obj)) {
      const id = idOf(c?.id)
      if (id) channelIds.set(idOf(c?.name) ?? id, id)
    }
  }
  const days = source.entries.filter((e) => DAY_FILE.test(e)).sort()
  if (days.length === 0 && !has.has('users.json') && !CHANNEL_LISTS.some((l) => has.has(l))) throw new ShapeError({key: 'events.slack.none'})
  for (const entry of days) {
    const name = DAY_FILE.exec(entry)![1]
    const where = {name, id: channelIds.get(name) ?? name}
    for await (const {index, value} of arrayOf(source, entry)) yield* message(value, `${ctx.display}:${entry}[${index}]`, where, bots, ctx)
  }
}

function* message(value: unknown, at: string, where: {name: string; id: string}, bots: Set<string>, ctx: ParseContext): Generator<ImportItem> {
  const m = obj(value)
  if (!m) {
    yield reject(at, 'notObject')
    return
  }
  const raw = idOf(m.ts)
  if (!raw || !/^\d+(\.\d+)?$/.test(raw)) {
    yield rejectTime(at, 'ts', m.ts)
    return
  }
  const ts = tsFromMillis(Math.round(Number(raw) * 1000), ctx.zone)
  if (!ts) {
    yield reject(at, 'badTime', {value: raw})
    return
  }
  const subtype = idOf(m.subtype)
  if (subtype === 'tombstone') {
    yield {skip: 'deleted'}
    return
  }
  if (subtype && SYSTEM.has(subtype)) {
    yield {skip: 'system'}
    return
  }
  const user = idOf(m.user)
  const isBot = subtype === 'bot_message' || m.bot_id !== undefined || (user !== undefined && bots.has(user))
  if (isBot && !ctx.includeBots) {
    yield {skip: 'bot'}
    return
  }
  if (!user) {
    yield reject(at, 'noMember')
    return
  }
  const channel = ctx.channel ?? where.name
  const src = `slack:${where.id}:${raw}`
  const base = {ts, member: `slack:${user}`, channel, src}
  if (subtype === 'channel_join') {
    yield {event: {...base, type: 'join'}}
    return
  }
  if (subtype === 'channel_leave') {
    yield {event: {...base, type: 'leave'}}
    return
  }
  const thread = idOf(m.thread_ts)
  const topic = thread ? {topic: `slack:${where.id}:${thread}`} : {}
  const event: CanonicalEvent =
    thread && thread !== raw ? {...base, ...topic, type: 'reply', parent: `slack:${where.id}:${thread}`} : {...base, ...topic, type: 'post'}
  yield {event}
  if (!Array.isArray(m.reactions)) return
  for (const r of m.reactions.map(obj)) {
    const name = idOf(r?.name) ?? '?'
    const users = Array.isArray(r?.users) ? r.users.map(idOf).filter((u): u is string => u !== undefined) : []
    for (const u of users) {
      if (bots.has(u) && !ctx.includeBots) yield {skip: 'bot'}
      else yield {event: {ts, channel, ...topic, type: 'reaction', member: `slack:${u}`, src: `${src}:react:${name}:${u}`, parent: src}}
    }
    const count = typeof r?.count === 'number' ? r.count : 0
    if (count > users.length) {
      yield {
        event: {ts, channel, ...topic, type: 'reaction', member: 'slack:*', count: count - users.length, src: `${src}:react:${name}`, parent: src},
      }
    }
  }
}
