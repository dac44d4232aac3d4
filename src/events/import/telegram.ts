/** Telegram Desktop chat export (result.json): messages, replies, service joins and leaves, reactions; streamed. */
import {eventTime, parseMillis, type EventTime} from '../time.js'
import type {ByteStream, CanonicalEvent, ImportItem, ParseContext} from '../types.js'
import {expectMessages, idOf, jsonAt, memberCache, obj, reject, rejectTime, wrongShape} from './common.js'
import {walkJson, type JsonShape} from './json-walk.js'

const JOIN_ACTIONS = new Set(['join_group_by_link', 'join_group_by_request'])
const MEMBER_ACTIONS: Record<string, 'join' | 'leave'> = {invite_members: 'join', remove_members: 'leave'}
/**
 * Keys of a message never read here: left out of what is decoded and parsed (most of an export's text, all of its
 * non-ASCII; measured, 100 MB: the reading of the export 2.56 s -> 1.96 s of CPU, mean of 5 runs each).
 */
const UNREAD = new Set(['text', 'text_entities', 'from'])

/** `user123` → `telegram:123`; other kinds (`channel123`) keep their prefix. */
const telegramMember = (v: unknown): string | undefined => {
  const id = idOf(v)
  if (!id) return id
  const c = id.charCodeAt(4)
  return `telegram:${id.startsWith('user') && c >= 0x30 && c <= 0x39 ? id.slice(4) : id}`
}

/** A sender's member, one string per `from_id` read as a string (memberCache). */
const cachedMember = memberCache(telegramMember)
const memberOf = (v: unknown): string | undefined => (typeof v === 'string' ? cachedMember(v) : telegramMember(v))

/** Events of a Telegram Desktop export of one chat, a chunk's messages at a time. */
export async function* parseTelegram(bytes: ByteStream, ctx: ParseContext): AsyncGenerator<ImportItem[]> {
  const where: Where = {chat: 'chat', channel: ctx.channel ?? 'telegram', read: timeReader(ctx.zone)}
  const shape: JsonShape = {arrays: new Set()}
  for await (const pieces of walkJson(bytes, new Set(['messages']), shape, UNREAD)) {
    if (shape.top === 'array') throw wrongShape('', 'object', [])
    const out: ImportItem[] = []
    for (const piece of pieces) {
      if (piece.index === undefined) {
        if (piece.key === 'messages') throw wrongShape('messages', 'array', piece.value)
        if (piece.key === 'id') where.chat = idOf(piece.value) ?? where.chat
        if (piece.key === 'name' && !ctx.channel) where.channel = idOf(piece.value) ?? where.channel
      } else if (piece.key === 'messages') message(piece.value, piece.index, where, ctx, out)
    }
    if (out.length > 0) yield out
  }
  expectMessages(shape)
}

/** The chat the messages are from, and how their times are read. */
interface Where {
  chat: string
  channel: string
  read: (m: Record<string, unknown>) => EventTime | undefined
}

/** The time of a message (or a reaction): its instant and its ts, from `date_unixtime` when there is one, else `date`. */
function timeOf(m: Record<string, unknown>, zone: string): EventTime | undefined {
  const unix = idOf(m.date_unixtime)
  const ms = unix && /^\d+$/.test(unix) ? Number(unix) * 1000 : typeof m.date === 'string' ? parseMillis(m.date, zone) : undefined
  return eventTime(ms, zone)
}

/**
 * `timeOf` with the last `date_unixtime` read remembered: messages sent in the same second (a burst, a bot's replies)
 * share one reading, and their time is all that text says when it is a number of seconds.
 */
function timeReader(zone: string): (m: Record<string, unknown>) => EventTime | undefined {
  let lastUnix = ''
  let lastTime: EventTime | undefined
  return (m) => {
    const unix = m.date_unixtime
    if (unix === lastUnix && lastTime) return lastTime
    const time = timeOf(m, zone)
    if (typeof unix === 'string' && /^\s*\d+\s*$/.test(unix)) {
      lastUnix = unix
      lastTime = time
    }
    return time
  }
}

/** The items of message `index`, appended to `out`. */
function message(value: unknown, index: number, where: Where, ctx: ParseContext, out: ImportItem[]): void {
  // where it is, written only for a reject (not for each of a million messages)
  const at = (): string => jsonAt(ctx.display, 'messages', index)
  const m = obj(value)
  if (!m) {
    out.push(reject(at(), 'notObject'))
    return
  }
  const id = idOf(m.id)
  if (!id) {
    out.push(reject(at(), 'noId'))
    return
  }
  const time = where.read(m)
  if (!time) {
    out.push(rejectTime(at(), 'date', m.date ?? m.date_unixtime))
    return
  }
  const {ts, ms} = time
  const src = `telegram:${where.chat}:${id}`
  const channel = where.channel
  if (m.type === 'service') {
    const action = String(m.action)
    const actor = memberOf(m.actor_id)
    if (JOIN_ACTIONS.has(action)) {
      out.push(actor ? {event: {ts, channel, type: 'join', member: actor, src}, ms, memberRef: cachedMember.refOf(actor)} : reject(at(), 'noMember'))
      return
    }
    const kind = MEMBER_ACTIONS[action]
    if (!kind) {
      out.push({skip: 'system'})
      return
    }
    const names = Array.isArray(m.members) ? m.members : []
    // the export names invited or removed members, not their ids: only a member acting on themselves is known
    for (const [i, name] of names.entries()) {
      if (actor && name === m.actor)
        out.push({event: {ts, channel, type: kind, member: actor, src: `${src}:${i}`}, ms, memberRef: cachedMember.refOf(actor)})
      else out.push(reject(`${at()}.members[${i}]`, 'telegramNameOnly', {name: String(name)}))
    }
    return
  }
  if (m.type !== 'message') {
    out.push({skip: 'system'})
    return
  }
  const member = memberOf(m.from_id)
  if (!member) {
    out.push(reject(at(), 'noMember'))
    return
  }
  const reply = idOf(m.reply_to_message_id)
  const event: CanonicalEvent = reply
    ? {ts, channel, type: 'reply', member, src, parent: `telegram:${where.chat}:${reply}`}
    : {ts, channel, type: 'post', member, src}
  out.push({event, ms, memberRef: cachedMember.refOf(member)})
  if (!Array.isArray(m.reactions)) return
  for (const [i, r] of m.reactions.entries()) {
    const reaction = obj(r)
    const key = idOf(reaction?.emoji) ?? idOf(reaction?.document_id) ?? String(i)
    const recent = Array.isArray(reaction?.recent) ? reaction.recent.map(obj) : []
    let listed = 0
    for (const who of recent) {
      const rm = memberOf(who?.from_id)
      if (!rm) continue
      listed++
      const when = (who && timeOf({date: who.date}, ctx.zone)) ?? time
      out.push({
        event: {ts: when.ts, channel, type: 'reaction', member: rm, src: `${src}:react:${key}:${rm}`, parent: src},
        ms: when.ms,
        memberRef: cachedMember.refOf(rm),
      })
    }
    const count = typeof reaction?.count === 'number' ? reaction.count : 0
    if (count > listed)
      out.push({event: {ts, channel, type: 'reaction', member: 'telegram:*', count: count - listed, src: `${src}:react:${key}`, parent: src}, ms})
  }
}
