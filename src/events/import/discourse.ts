/** Discourse REST API JSON: /posts.json (latest_posts), /t/ID.json (post_stream), /latest.json (topic_list). */
import {parseTime} from '../time.js'
import type {ByteStream, CanonicalEvent, ImportItem, ParseContext} from '../types.js'
import {idOf, jsonAt, obj, reject, rejectTime, ShapeError, wrongShape} from './common.js'
import {walkJson, type JsonShape} from './json-walk.js'

/** post_type 2 and 3 are moderator actions and small notices ("closed this topic"), not anyone's post. */
const NOTICE_POST_TYPES = new Set([2, 3])
const LIKE = 2

/** Events of Discourse API responses: topic creation is a post, later posts are replies, likes are counted reactions. */
export async function* parseDiscourse(bytes: ByteStream, ctx: ParseContext): AsyncGenerator<ImportItem> {
  let users = new Map<string, string>()
  let found = false
  const shape: JsonShape = {arrays: new Set()}
  for await (const pieces of walkJson(bytes, new Set(['latest_posts']), shape)) {
    for (const piece of pieces) {
      if (shape.top === 'array') throw wrongShape('', 'object', [])
      if (piece.key === 'latest_posts') {
        if (piece.index === undefined) throw wrongShape('latest_posts', 'array', piece.value)
        yield* post(piece.value, jsonAt(ctx.display, 'latest_posts', piece.index), ctx)
      } else if (piece.key === 'post_stream') {
        found = true
        const posts = listIn(piece.value, 'post_stream', 'posts')
        for (const [i, p] of posts.entries()) yield* post(p, jsonAt(ctx.display, 'post_stream.posts', i), ctx)
      } else if (piece.key === 'users') {
        if (!Array.isArray(piece.value)) throw wrongShape('users', 'array', piece.value)
        users = new Map(piece.value.map(obj).flatMap((u) => (u && idOf(u.id) && idOf(u.username) ? [[idOf(u.id)!, idOf(u.username)!]] : [])))
      } else if (piece.key === 'topic_list') {
        found = true
        const topics = listIn(piece.value, 'topic_list', 'topics')
        for (const [i, t] of topics.entries()) yield topic(t, jsonAt(ctx.display, 'topic_list.topics', i), users, ctx)
      }
    }
  }
  if (shape.top !== 'object') throw wrongShape('', 'object', undefined)
  if (!found && !shape.arrays.has('latest_posts')) throw new ShapeError({key: 'events.discourse.none'})
}

/** The array `value[key]`, or the located shape error. */
function listIn(value: unknown, at: string, key: string): unknown[] {
  const o = obj(value)
  if (!o) throw wrongShape(at, 'object', value)
  if (!Array.isArray(o[key])) throw wrongShape(`${at}.${key}`, 'array', o[key])
  return o[key]
}

function* post(value: unknown, at: string, ctx: ParseContext): Generator<ImportItem> {
  const p = obj(value)
  if (!p) {
    yield reject(at, 'notObject')
    return
  }
  const topicId = idOf(p.topic_id)
  const number = typeof p.post_number === 'number' ? p.post_number : undefined
  if (!topicId || !number) {
    yield reject(at, 'noId')
    return
  }
  const username = idOf(p.username)
  if (!username) {
    yield reject(at, 'noMember')
    return
  }
  const ts = typeof p.created_at === 'string' ? parseTime(p.created_at, ctx.zone) : undefined
  if (!ts) {
    yield rejectTime(at, 'created_at', p.created_at)
    return
  }
  if (typeof p.user_id === 'number' && p.user_id <= 0 && !ctx.includeBots) {
    yield {skip: 'bot'}
    return
  }
  if (NOTICE_POST_TYPES.has(p.post_type as number)) {
    yield {skip: 'system'}
    return
  }
  const src = `discourse:${topicId}/${number}`
  const base = {ts, member: `discourse:${username}`, channel: ctx.channel ?? 'discourse', topic: `discourse:${topicId}`, src}
  const replyTo = typeof p.reply_to_post_number === 'number' ? p.reply_to_post_number : 1
  const event: CanonicalEvent = number === 1 ? {...base, type: 'post'} : {...base, type: 'reply', parent: `discourse:${topicId}/${replyTo}`}
  yield {event}
  const summary = Array.isArray(p.actions_summary) ? p.actions_summary.map(obj) : []
  const likes = summary.find((a) => a?.id === LIKE)?.count ?? p.like_count
  if (typeof likes === 'number' && likes > 0) {
    yield {event: {...base, type: 'reaction', member: 'discourse:*', count: likes, src: `${src}:likes`, parent: src}}
  }
}

function topic(value: unknown, at: string, users: Map<string, string>, ctx: ParseContext): ImportItem {
  const t = obj(value)
  const id = idOf(t?.id)
  if (!t || !id) return reject(at, 'noId')
  const posters = Array.isArray(t.posters) ? t.posters.map(obj) : []
  const op = posters.find((p) => /original poster/i.test(String(p?.description))) ?? posters[0]
  const username = users.get(idOf(op?.user_id) ?? '')
  if (!username || !op) return reject(at, 'noMember')
  const ts = typeof t.created_at === 'string' ? parseTime(t.created_at, ctx.zone) : undefined
  if (!ts) return rejectTime(at, 'created_at', t.created_at)
  if (typeof op.user_id === 'number' && op.user_id <= 0 && !ctx.includeBots) return {skip: 'bot'}
  const channel = ctx.channel ?? 'discourse'
  return {event: {ts, type: 'post', member: `discourse:${username}`, channel, topic: `discourse:${id}`, src: `discourse:${id}/1`}}
}
