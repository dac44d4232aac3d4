/** Telegram Desktop chat export (result.json): messages, replies, service joins and leaves, reactions; streamed. */
import {parseTime, tsFromMillis} from '../time.js'
import type {ByteStream, CanonicalEvent, ImportItem, ParseContext} from '../types.js'
import {expectMessages, idOf, jsonAt, obj, reject, rejectTime, wrongShape} from './common.js'
import {walkJson, type JsonShape} from './json-walk.js'

const JOIN_ACTIONS = new Set(['join_group_by_link', 'join_group_by_request'])
const MEMBER_ACTIONS: Record<string, 'join' | 'leave'> = {invite_members: 'join', remove_members: 'leave'}

/** `user123` → `telegram:123`; other kinds (`channel123`) keep their prefix. */
const memberOf = (v: unknown): string | undefined => {
  const id = idOf(v)
  return id && `telegram:${id.replace(/^user(?=\d)/, '')}`
}

/** Events of a Telegram Desktop export of one chat. */
export async function* parseTelegram(bytes: ByteStream, ctx: ParseContext): AsyncGenerator<ImportItem> {
  let chat = 'chat'
  let channel = ctx.channel ?? 'telegram'
  const shape: JsonShape = {arrays: new Set()}
  for await (const piece of walkJson(bytes, new Set(['messages']), shape)) {
    if (shape.top === 'array') throw wrongShape('', 'object', [])
    if (piece.index === undefined) {
      if (piece.key === 'messages') throw wrongShape('messages', 'array', piece.value)
      if (piece.key === 'id') chat = idOf(piece.value) ?? chat
      if (piece.key === 'name' && !ctx.channel) channel = idOf(piece.value) ?? channel
      continue
    }
    if (piece.key === 'messages') yield* message(piece.value, jsonAt(ctx.display, 'messages', piece.index), {chat, channel}, ctx)
  }
  expectMessages(shape)
}

function timeOf(m: Record<string, unknown>, zone: string): string | undefined {
  const unix = idOf(m.date_unixtime)
  if (unix && /^\d+$/.test(unix)) return tsFromMillis(Number(unix) * 1000, zone)
  return typeof m.date === 'string' ? parseTime(m.date, zone) : undefined
}

function* message(value: unknown, at: string, where: {chat: string; channel: string}, ctx: ParseContext): Generator<ImportItem> {
  const m = obj(value)
  if (!m) {
    yield reject(at, 'notObject')
    return
  }
  const id = idOf(m.id)
  if (!id) {
    yield reject(at, 'noId')
    return
  }
  const ts = timeOf(m, ctx.zone)
  if (!ts) {
    yield rejectTime(at, 'date', m.date ?? m.date_unixtime)
    return
  }
  const src = `telegram:${where.chat}:${id}`
  const base = {ts, channel: where.channel}
  if (m.type === 'service') {
    const action = String(m.action)
    const actor = memberOf(m.actor_id)
    if (JOIN_ACTIONS.has(action)) {
      yield actor ? {event: {...base, type: 'join', member: actor, src}} : reject(at, 'noMember')
      return
    }
    const kind = MEMBER_ACTIONS[action]
    if (!kind) {
      yield {skip: 'system'}
      return
    }
    const names = Array.isArray(m.members) ? m.members : []
    // the export names invited or removed members, not their ids: only a member acting on themselves is known
    for (const [i, name] of names.entries()) {
      if (actor && name === m.actor) yield {event: {...base, type: kind, member: actor, src: `${src}:${i}`}}
      else yield reject(`${at}.members[${i}]`, 'telegramNameOnly', {name: String(name)})
    }
    return
  }
  if (m.type !== 'message') {
    yield {skip: 'system'}
    return
  }
  const member = memberOf(m.from_id)
  if (!member) {
    yield reject(at, 'noMember')
    return
  }
  const reply = idOf(m.reply_to_message_id)
  const event: CanonicalEvent = reply
    ? {...base, type: 'reply', member, src, parent: `telegram:${where.chat}:${reply}`}
    : {...base, type: 'post', member, src}
  yield {event}
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
      const rts = (who && timeOf({date: who.date}, ctx.zone)) ?? ts
      yield {event: {...base, ts: rts, type: 'reaction', member: rm, src: `${src}:react:${key}:${rm}`, parent: src}}
    }
    const count = typeof reaction?.count === 'number' ? reaction.count : 0
    if (count > listed)
      yield {event: {...base, type: 'reaction', member: 'telegram:*', count: count - listed, src: `${src}:react:${key}`, parent: src}}
  }
}
