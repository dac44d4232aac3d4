/** QQ 消息管理器 text export: header, `====` separators, one message per `date time sender` line and its body. */
import {parseTime} from '../time.js'
import type {ByteStream, ImportItem, ParseContext} from '../types.js'
import {reject} from './common.js'
import {decodeText, textLines} from './decode.js'

/** `2024-03-01 8:07:36 【群主】老周(10001)`, `2024-03-06 8:43:38 PM Momo<momo@example.com>`. */
export const QQ_HEADER = /^(\d{4}-\d{1,2}-\d{1,2}) (\d{1,2}:\d{2}:\d{2})(?: ?([AaPp][Mm]))? (.*?)(?:\((\d{4,12})\)|<([^<>\s]+@[^<>\s]+)>)$/
const SYSTEM_ID = '10000'
const JOINED = /^(.+?)(?:加入本群|加入了本群|加入了群聊)。?$/
const LEFT = /^(.+?)(?:退出了本群|退出本群|被.+移出本群)。?$/
const RECALLED = /撤回了一条消息/

interface Pending {
  ts: string
  local: string
  sender: string
  nick: string
  line: number
  body: string[]
}

/** Events of a QQ text export: every message is a post; system joins and leaves by nickname, resolved to the QQ number. */
export async function* parseQq(bytes: ByteStream, ctx: ParseContext, encoding?: string): AsyncGenerator<ImportItem> {
  let group = ctx.channel ?? 'qq'
  const ids = new Map<string, string>()
  /** Joins and leaves whose nickname has not posted yet: resolved when it does, rejected when it never does. */
  const unresolved: Array<{type: 'join' | 'leave'; nick: string; ts: string; at: string; src: string}> = []
  let current: Pending | undefined
  let last = {local: '', sender: '', n: 0}
  const channel = () => ctx.channel ?? group

  function* finish(): Generator<ImportItem> {
    const m = current
    current = undefined
    if (!m) return
    const at = `${ctx.display}:${m.line}`
    last = m.local === last.local && m.sender === last.sender ? {...last, n: last.n + 1} : {local: m.local, sender: m.sender, n: 0}
    const src = `qq:${group}:${m.local}:${m.sender}#${last.n}`
    if (m.sender === SYSTEM_ID) {
      const text = m.body.find((l) => l.trim() !== '')?.trim() ?? ''
      const join = JOINED.exec(text)
      const leave = join ? undefined : LEFT.exec(text)
      const nick = join?.[1] ?? leave?.[1]
      if (!nick) {
        yield {skip: RECALLED.test(text) ? 'recall' : 'system'}
        return
      }
      const type = join ? 'join' : 'leave'
      const id = ids.get(nick)
      if (id) yield {event: {ts: m.ts, type, member: `qq:${id}`, channel: channel(), src}}
      else unresolved.push({type, nick, ts: m.ts, at, src})
      return
    }
    ids.set(m.nick, m.sender)
    for (let i = unresolved.length - 1; i >= 0; i--) {
      const u = unresolved[i]
      if (u.nick !== m.nick) continue
      unresolved.splice(i, 1)
      yield {event: {ts: u.ts, type: u.type, member: `qq:${m.sender}`, channel: channel(), src: u.src}}
    }
    yield {event: {ts: m.ts, type: 'post', member: `qq:${m.sender}`, channel: channel(), src}}
  }

  for await (const {text, line} of textLines(decodeText(bytes, encoding))) {
    const header = QQ_HEADER.exec(text)
    if (header) {
      yield* finish()
      const [, date, time, ampm, rawNick, qq, mail] = header
      const local = `${date} ${time}${ampm ? ` ${ampm.toUpperCase()}` : ''}`
      const ts = parseTime(local, ctx.zone)
      if (!ts) {
        yield reject(`${ctx.display}:${line}`, 'badTime', {value: local})
        continue
      }
      const nick = rawNick.replace(/^【[^】]*】/, '').trim()
      current = {ts, local: ts.slice(0, 19), sender: qq ?? mail, nick, line, body: []}
      continue
    }
    if (/^={8,}$/.test(text.trim())) {
      yield* finish()
      continue
    }
    const object = /^消息对象:(.+)$/.exec(text.trim())
    if (object && !current) {
      group = object[1].trim()
      continue
    }
    if (current) current.body.push(text)
  }
  yield* finish()
  for (const u of unresolved) yield reject(u.at, 'qqNickUnknown', {nick: u.nick, type: u.type})
}
