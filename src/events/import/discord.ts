/** DiscordChatExporter JSON: one channel (or thread) per file, messages streamed one at a time. */
import {parseTime} from '../time.js'
import type {ByteStream, CanonicalEvent, ImportItem, ParseContext} from '../types.js'
import {expectMessages, idOf, jsonAt, obj, reject, rejectTime, wrongShape} from './common.js'
import {walkJson, type JsonShape} from './json-walk.js'

const JOIN_TYPES = new Set(['GuildMemberJoin', 'RecipientAdd'])
const LEAVE_TYPES = new Set(['RecipientRemove'])
const MESSAGE_TYPES = new Set(['Default', 'Reply', 'ThreadStarterMessage'])
const THREAD_TYPES = new Set(['GuildPublicThread', 'GuildPrivateThread', 'GuildNewsThread'])
/** Discord shows every deleted account as this one id. */
const DELETED_USER_ID = '456226577798135808'

interface Where {
  channel: string
  /** The thread's id when the file is a thread. */
  thread?: string
}

/** Events of a DiscordChatExporter JSON export: posts, replies (`reference`), joins, reactions per member where listed. */
export async function* parseDiscord(bytes: ByteStream, ctx: ParseContext): AsyncGenerator<ImportItem> {
  let where: Where = {channel: ctx.channel ?? 'discord'}
  const shape: JsonShape = {arrays: new Set()}
  for await (const piece of walkJson(bytes, new Set(['messages']), shape)) {
    if (shape.top === 'array') throw wrongShape('', 'object', [])
    if (piece.index === undefined) {
      if (piece.key === 'messages') throw wrongShape('messages', 'array', piece.value)
      const channel = obj(piece.value)
      if (piece.key === 'channel' && channel) where = whereOf(channel, ctx)
      continue
    }
    if (piece.key !== 'messages') continue
    yield* message(piece.value, jsonAt(ctx.display, 'messages', piece.index), where, ctx)
  }
  expectMessages(shape)
}

function whereOf(channel: Record<string, unknown>, ctx: ParseContext): Where {
  const thread = THREAD_TYPES.has(String(channel.type)) ? idOf(channel.id) : undefined
  const name = idOf(thread ? channel.category : channel.name) ?? idOf(channel.name) ?? 'discord'
  return {channel: ctx.channel ?? name, ...(thread ? {thread} : {})}
}

function* message(value: unknown, at: string, where: Where, ctx: ParseContext): Generator<ImportItem> {
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
  const author = obj(m.author)
  const authorId = idOf(author?.id)
  if (!author || !authorId) {
    yield reject(at, 'noMember')
    return
  }
  const ts = typeof m.timestamp === 'string' ? parseTime(m.timestamp, ctx.zone) : undefined
  if (!ts) {
    yield rejectTime(at, 'timestamp', m.timestamp)
    return
  }
  if (author.isBot === true && !ctx.includeBots) {
    yield {skip: 'bot'}
    return
  }
  if (authorId === DELETED_USER_ID || (author.name === 'Deleted User' && author.discriminator === '0000')) {
    yield {skip: 'deleted'}
    return
  }
  const type = typeof m.type === 'string' ? m.type : 'Default'
  const src = `discord:${id}`
  const base = {ts, member: `discord:${authorId}`, channel: where.channel, src}
  if (JOIN_TYPES.has(type)) {
    yield {event: {...base, type: 'join'}}
    return
  }
  if (LEAVE_TYPES.has(type)) {
    yield {event: {...base, type: 'leave'}}
    return
  }
  if (!MESSAGE_TYPES.has(type)) {
    yield {skip: 'system'}
    return
  }
  const ref = idOf(obj(m.reference)?.messageId)
  const topic = where.thread ? `discord:${where.thread}` : undefined
  let event: CanonicalEvent
  if (ref) event = {...base, type: 'reply', parent: `discord:${ref}`}
  else if (where.thread && where.thread !== id) event = {...base, type: 'reply', parent: `discord:${where.thread}`}
  else event = {...base, type: 'post'}
  yield {event: topic ? {...event, topic} : event}
  yield* reactions(m.reactions, {ts, channel: where.channel, parent: src, ...(topic ? {topic} : {})}, at, ctx)
}

function* reactions(value: unknown, on: Omit<CanonicalEvent, 'type' | 'member' | 'src'>, at: string, ctx: ParseContext): Generator<ImportItem> {
  if (!Array.isArray(value)) return
  for (const [i, r] of value.entries()) {
    const reaction = obj(r)
    const emoji = obj(reaction?.emoji)
    const key = idOf(emoji?.id) ?? idOf(emoji?.name)
    if (!reaction || !key) {
      yield reject(`${at}.reactions[${i}]`, 'noId')
      continue
    }
    const users = Array.isArray(reaction.users) ? reaction.users.map(obj) : []
    let listed = 0
    for (const user of users) {
      const uid = idOf(user?.id)
      if (!uid) continue
      listed++
      if (user?.isBot === true && !ctx.includeBots) yield {skip: 'bot'}
      else yield {event: {...on, type: 'reaction', member: `discord:${uid}`, src: `${on.parent}:react:${key}:${uid}`}}
    }
    const count = typeof reaction.count === 'number' ? reaction.count : 0
    if (count > listed) yield {event: {...on, type: 'reaction', member: 'discord:*', count: count - listed, src: `${on.parent}:react:${key}`}}
  }
}
