/** DiscordChatExporter JSON: one channel (or thread) per file, messages streamed one at a time. */
import {eventTime, parseMillis, type EventTime} from '../time.js'
import type {ByteStream, CanonicalEvent, ImportItem, ParseContext} from '../types.js'
import {expectMessages, idOf, jsonAt, memberCache, obj, reject, rejectTime, wrongShape} from './common.js'
import {walkJson, type JsonShape} from './json-walk.js'

const JOIN_TYPES = new Set(['GuildMemberJoin', 'RecipientAdd'])
const LEAVE_TYPES = new Set(['RecipientRemove'])
const MESSAGE_TYPES = new Set(['Default', 'Reply', 'ThreadStarterMessage'])
const THREAD_TYPES = new Set(['GuildPublicThread', 'GuildPrivateThread', 'GuildNewsThread'])
/**
 * Keys of a message never read here: left out of what is decoded and parsed (json-walk). The text, and the lists that
 * can be long in a real export (link previews, files, mentioned users).
 */
const UNREAD = new Set(['content', 'attachments', 'embeds', 'stickers', 'mentions', 'inlineEmojis'])
/** Discord shows every deleted account as this one id. */
const DELETED_USER_ID = '456226577798135808'

/** `discord:<id>` of an author id, one string per author (memberCache). */
const memberOf = memberCache((authorId) => `discord:${authorId}`)

interface Where {
  channel: string
  /** The thread's id when the file is a thread. */
  thread?: string
}

/**
 * A message's time from its `timestamp`, the last one read remembered: messages sent in the same second (a burst, a
 * bot's replies) share one reading.
 */
function timeReader(zone: string): (timestamp: unknown) => EventTime | undefined {
  let last = ''
  let lastTime: EventTime | undefined
  return (timestamp) => {
    if (timestamp === last) return lastTime
    if (typeof timestamp !== 'string') return undefined
    last = timestamp
    lastTime = eventTime(parseMillis(timestamp, zone), zone)
    return lastTime
  }
}

/**
 * Events of a DiscordChatExporter JSON export, a chunk's messages at a time: posts, replies (`reference`), joins,
 * reactions per member where listed.
 */
export async function* parseDiscord(bytes: ByteStream, ctx: ParseContext): AsyncGenerator<ImportItem[]> {
  let where: Where = {channel: ctx.channel ?? 'discord'}
  const shape: JsonShape = {arrays: new Set()}
  const read = timeReader(ctx.zone)
  for await (const pieces of walkJson(bytes, new Set(['messages']), shape, UNREAD)) {
    if (shape.top === 'array') throw wrongShape('', 'object', [])
    const out: ImportItem[] = []
    for (const piece of pieces) {
      if (piece.index === undefined) {
        if (piece.key === 'messages') throw wrongShape('messages', 'array', piece.value)
        const channel = obj(piece.value)
        if (piece.key === 'channel' && channel) where = whereOf(channel, ctx)
      } else if (piece.key === 'messages') message(piece.value, piece.index, where, read, ctx, out)
    }
    if (out.length > 0) yield out
  }
  expectMessages(shape)
}

function whereOf(channel: Record<string, unknown>, ctx: ParseContext): Where {
  const thread = THREAD_TYPES.has(String(channel.type)) ? idOf(channel.id) : undefined
  const name = idOf(thread ? channel.category : channel.name) ?? idOf(channel.name) ?? 'discord'
  return {channel: ctx.channel ?? name, ...(thread ? {thread} : {})}
}

/** The items of message `index`, appended to `out`. */
function message(
  value: unknown,
  index: number,
  where: Where,
  read: (timestamp: unknown) => EventTime | undefined,
  ctx: ParseContext,
  out: ImportItem[],
): void {
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
  const author = obj(m.author)
  const authorId = idOf(author?.id)
  if (!author || !authorId) {
    out.push(reject(at(), 'noMember'))
    return
  }
  const time = read(m.timestamp)
  if (!time) {
    out.push(rejectTime(at(), 'timestamp', m.timestamp))
    return
  }
  const {ts, ms} = time
  if (author.isBot === true && !ctx.includeBots) {
    out.push({skip: 'bot'})
    return
  }
  if (authorId === DELETED_USER_ID || (author.name === 'Deleted User' && author.discriminator === '0000')) {
    out.push({skip: 'deleted'})
    return
  }
  const type = typeof m.type === 'string' ? m.type : 'Default'
  const src = `discord:${id}`
  const member = memberOf(authorId)
  const memberRef = memberOf.refOf(member)
  const channel = where.channel
  // events as literals in one key order (ts, member, channel, src, type, parent, topic), not spreads of a base: an
  // export has a million of them (measured: a third of this function's time went to the spreads)
  if (JOIN_TYPES.has(type)) {
    out.push({event: {ts, member, channel, src, type: 'join'}, ms, memberRef})
    return
  }
  if (LEAVE_TYPES.has(type)) {
    out.push({event: {ts, member, channel, src, type: 'leave'}, ms, memberRef})
    return
  }
  if (!MESSAGE_TYPES.has(type)) {
    out.push({skip: 'system'})
    return
  }
  const ref = idOf(obj(m.reference)?.messageId)
  const topic = where.thread ? `discord:${where.thread}` : undefined
  const parent = ref ? `discord:${ref}` : where.thread && where.thread !== id ? `discord:${where.thread}` : undefined
  let event: CanonicalEvent
  if (parent === undefined) event = topic ? {ts, member, channel, src, type: 'post', topic} : {ts, member, channel, src, type: 'post'}
  else event = topic ? {ts, member, channel, src, type: 'reply', parent, topic} : {ts, member, channel, src, type: 'reply', parent}
  out.push({event, ms, memberRef})
  if (Array.isArray(m.reactions) && m.reactions.length > 0)
    reactions(m.reactions, {ts, channel: where.channel, parent: src, ...(topic ? {topic} : {})}, ms, at(), ctx, out)
}

function reactions(
  value: unknown[],
  on: Omit<CanonicalEvent, 'type' | 'member' | 'src'>,
  ms: number,
  at: string,
  ctx: ParseContext,
  out: ImportItem[],
): void {
  for (const [i, r] of value.entries()) {
    const reaction = obj(r)
    const emoji = obj(reaction?.emoji)
    const key = idOf(emoji?.id) ?? idOf(emoji?.name)
    if (!reaction || !key) {
      out.push(reject(`${at}.reactions[${i}]`, 'noId'))
      continue
    }
    const users = Array.isArray(reaction.users) ? reaction.users.map(obj) : []
    let listed = 0
    for (const user of users) {
      const uid = idOf(user?.id)
      if (!uid) continue
      listed++
      if (user?.isBot === true && !ctx.includeBots) out.push({skip: 'bot'})
      else out.push({event: {...on, type: 'reaction', member: `discord:${uid}`, src: `${on.parent}:react:${key}:${uid}`}, ms})
    }
    const count = typeof reaction.count === 'number' ? reaction.count : 0
    if (count > listed) out.push({event: {...on, type: 'reaction', member: 'discord:*', count: count - listed, src: `${on.parent}:react:${key}`}, ms})
  }
}
