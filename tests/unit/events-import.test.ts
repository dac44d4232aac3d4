/** Each importer's quirks on small fixtures of our own. */
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {detectFormat} from '../../src/events/detect.js'
import {parseCsv, parseMap} from '../../src/events/import/csv.js'
import {parseDiscord} from '../../src/events/import/discord.js'
import {parseNdjson} from '../../src/events/import/ndjson.js'
import {parseQq} from '../../src/events/import/qq.js'
import {parseSlack, type SlackSource} from '../../src/events/import/slack.js'
import {parseTelegram} from '../../src/events/import/telegram.js'
import {BUILTIN_PRESETS} from '../../src/events/presets.js'
import {eventTime, parseMillis, parseTime, tsFromMillis} from '../../src/events/time.js'
import {tsMillis} from '../../src/metrics/zone-day.js'
import {DateTime} from '../../src/util/luxon.js'
import {bytesOf, collect, count, reusedBytesOf} from '../helpers/events.js'

const SH = {zone: 'Asia/Shanghai', display: 'f'}

describe('times', () => {
  it('reads zoned, local, 12-hour and epoch times into the community timezone, DST-correct', () => {
    expect(parseTime('2024-03-01 8:07:36', 'Asia/Shanghai')).toBe('2024-03-01T08:07:36+08:00')
    expect(parseTime('2024-03-06 8:43:38 PM', 'Asia/Shanghai')).toBe('2024-03-06T20:43:38+08:00')
    expect(parseTime('2024-03-06 12:05:00 AM', 'Asia/Shanghai')).toBe('2024-03-06T00:05:00+08:00')
    expect(parseTime('2018-05-20T16:09:44.209+00:00', 'Asia/Shanghai')).toBe('2018-05-21T00:09:44.209+08:00')
    expect(parseTime('1736478514.897649', 'UTC')).toBe('2025-01-10T03:08:34.898Z')
    expect(parseTime('2026/3/7 9:00', 'America/New_York')).toBe('2026-03-07T09:00:00-05:00')
    expect(parseTime('2026-03-09 09:00:00', 'America/New_York')).toBe('2026-03-09T09:00:00-04:00')
    expect(parseTime('2026-03-08 02:30:00', 'America/New_York')).toBeUndefined() // skipped by the DST change
    expect(parseTime('2026-02-30 10:00', 'UTC')).toBeUndefined()
    expect(parseTime('13:00 PM', 'UTC')).toBeUndefined()
  })
})

describe('times by hand', () => {
  it('formats instants as luxon does, across DST changes and in half-hour zones', () => {
    const luxon = (ms: number, zone: string) => DateTime.fromMillis(ms, {zone}).toISO({suppressMilliseconds: true})
    const start = Date.parse('2026-03-01T00:00:00Z')
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Europe/London', 'Etc/UTC', 'UTC'])
      for (let ms = start; ms < start + 300 * 86_400_000; ms += 14_399_917) expect(tsFromMillis(ms, zone)).toBe(luxon(ms, zone))
    // zones and days taking turns (the day written last is kept): each still its own
    for (let ms = start; ms < start + 300 * 86_400_000; ms += 7_200_011)
      for (const zone of ['America/New_York', 'Asia/Kolkata'])
        expect(tsFromMillis(ms + (ms % 7) * 86_400_000, zone)).toBe(luxon(ms + (ms % 7) * 86_400_000, zone))
    expect(tsFromMillis(Date.parse('2026-11-01T05:30:00.250Z'), 'America/New_York')).toBe('2026-11-01T01:30:00.250-04:00')
    expect(tsFromMillis(Date.parse('2026-11-01T06:30:00Z'), 'America/New_York')).toBe('2026-11-01T01:30:00-05:00')
    expect(tsFromMillis(0, 'Not/AZone')).toBeUndefined()
  })

  it('reads times with an offset by hand, refusing impossible ones as luxon does', () => {
    expect(parseTime('2026-06-01T00:02:09+08:00', 'America/New_York')).toBe('2026-05-31T12:02:09-04:00')
    expect(parseTime('2026-06-01T23:30:00-0530', 'Asia/Shanghai')).toBe('2026-06-02T13:00:00+08:00')
    expect(parseTime('2026-06-01T24:00:00Z', 'Asia/Shanghai')).toBe('2026-06-02T08:00:00+08:00') // luxon's end of day
    expect(parseTime('2026-02-29T10:00:00Z', 'Asia/Shanghai')).toBeUndefined()
    expect(parseTime('2026-06-01T10:60:00Z', 'Asia/Shanghai')).toBeUndefined()
  })

  it('reads the usual form of exports (YYYY-MM-DDTHH:MM:SS[.fff] with Z or ±HH:MM) by hand to the instant the general reading gives', () => {
    const d2 = (n: number) => String(n).padStart(2, '0')
    const parts = fc.record({
      year: fc.integer({min: 990, max: 2400}),
      month: fc.integer({min: 0, max: 13}),
      day: fc.integer({min: 0, max: 32}),
      hour: fc.integer({min: 0, max: 25}),
      minute: fc.integer({min: 0, max: 61}),
      second: fc.integer({min: 0, max: 61}),
      frac: fc.constantFrom('', '.000', '.5', '.209', '.2094', '.999'),
      offset: fc.oneof(
        fc.constant('Z'),
        fc
          .record({sign: fc.constantFrom('+', '-'), h: fc.integer({min: 0, max: 16}), m: fc.integer({min: 0, max: 60})})
          .map((o) => `${o.sign}${d2(o.h)}:${d2(o.m)}`),
      ),
    })
    fc.assert(
      fc.property(parts, (p) => {
        const text = `${String(p.year).padStart(4, '0')}-${d2(p.month)}-${d2(p.day)}T${d2(p.hour)}:${d2(p.minute)}:${d2(p.second)}${p.frac}${p.offset}`
        // a leading space is trimmed by the general reading and keeps the text from the one by hand
        expect(parseMillis(text, 'Asia/Shanghai'), text).toBe(parseMillis(` ${text}`, 'Asia/Shanghai'))
      }),
      {numRuns: 5000},
    )
    expect(parseMillis('2024-02-29T23:59:59.999-14:00', 'UTC')).toBe(Date.parse('2024-03-01T13:59:59.999Z'))
    expect(parseMillis('2023-02-29T00:00:00Z', 'UTC')).toBeUndefined()
    expect(parseMillis('2026-06-01T08:00:00+08:00', 'UTC')).toBe(Date.parse('2026-06-01T00:00:00Z'))
  })

  it('gives the instant that a ts reads back to without reading it (importers hand both on, the cache stores it)', () => {
    const texts = [
      '2018-05-20T16:09:44.209+00:00',
      '2018-05-20T16:09:44.2094+00:00',
      '2026-06-01T23:30:00-0530',
      '2026-06-01T24:00:00Z',
      '2026-11-01 01:30',
      '2026/3/8 2:30:00 PM',
      '1700000000',
      '1700000000.1236',
      '1700000000123',
      '1900-01-01T00:00:00Z',
      '2200-07-01T12:00:00.5+02:00',
    ]
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC'])
      for (const text of texts) {
        const ms = parseMillis(text, zone)
        const ts = parseTime(text, zone)
        expect(ms, `${text} in ${zone}`).toBeTypeOf('number')
        expect(ts, `${text} in ${zone}`).toBe(tsFromMillis(ms!, zone))
        expect(eventTime(ms, zone)?.ms, `${text} in ${zone}`).toBe(tsMillis(ts!))
      }
    // Shanghai's offset in 1900 was +08:05:43, written +08:05: that ts stands for another instant
    const lmt = parseMillis('1900-01-01T00:00:00Z', 'Asia/Shanghai')!
    expect(eventTime(lmt, 'Asia/Shanghai')?.ms).toBe(lmt + 43_000)
    expect(parseMillis('2026-02-29T10:00:00Z', 'UTC')).toBeUndefined()
    expect(parseMillis('12345', 'UTC')).toBeUndefined()
  })
})

describe('QQ text', () => {
  const QQ = [
    '消息记录（此消息记录为文本格式，不支持重新导入）',
    '',
    '================================================================',
    '消息分组:我的群聊',
    '================================================================',
    '消息对象:读书会',
    '================================================================',
    '',
    '2026-11-01 9:00:00 PM 系统消息(10000)',
    '阿明加入本群。',
    '',
    '2026-11-01 9:05:00 PM 【群主】老王(20001)',
    '第一段',
    '',
    '',
    '第二段（空行之后）',
    '',
    '2026-11-01 9:05:00 PM 【群主】老王(20001)',
    '同一秒的第二条',
    '',
    '2026-11-01 21:06:00 阿明(20002)',
    '大家好',
    '',
    '2026-11-02 8:00:00 AM 明明(20002)',
    '换了昵称',
    '',
    '2026-11-02 08:01:00 Kate<kate@example.com>',
    'hi',
    '',
    '2026-11-02 08:02:00 系统消息(10000)',
    '阿明撤回了一条消息',
    '',
    '2026-11-02 08:03:00 系统消息(10000)',
    '路人加入本群。',
    '',
  ].join('\r\n')

  it('reads titles, 12- and 24-hour times, blank lines inside messages, e-mail senders, joins by nickname and recalls', async () => {
    const r = await collect(parseQq(bytesOf('\uFEFF' + QQ), SH))
    expect(r.events.map((e) => [e.type, e.member, e.ts])).toEqual([
      ['post', 'qq:20001', '2026-11-01T21:05:00+08:00'],
      ['post', 'qq:20001', '2026-11-01T21:05:00+08:00'],
      ['join', 'qq:20002', '2026-11-01T21:00:00+08:00'],
      ['post', 'qq:20002', '2026-11-01T21:06:00+08:00'],
      ['post', 'qq:20002', '2026-11-02T08:00:00+08:00'],
      ['post', 'qq:kate@example.com', '2026-11-02T08:01:00+08:00'],
    ])
    expect(new Set(r.events.map((e) => e.src)).size).toBe(6)
    expect(r.events[0].channel).toBe('读书会')
    expect(r.skipped).toEqual({recall: 1})
    // 路人 never posts: the join cannot be given a QQ number, and says so where it is
    expect(r.rejects).toEqual([{at: 'f:33', reason: {key: 'events.reject.qqNickUnknown', params: {nick: '路人', type: 'join'}}}])
  })

  it('reads the same file in UTF-16 with a BOM and in GB18030', async () => {
    const utf8 = await collect(parseQq(bytesOf(QQ), SH))
    const utf16 = await collect(parseQq(bytesOf(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(QQ, 'utf16le')])), SH))
    const gb = await collect(parseQq(bytesOf(iconv.encode(QQ, 'gb18030')), SH))
    expect(utf16.events).toEqual(utf8.events)
    expect(gb.events).toEqual(utf8.events)
  })

  it('is detected from its header or from a message line', () => {
    expect(detectFormat(QQ)).toEqual({format: 'qq'})
    expect(detectFormat('2026-11-02 08:01:00 Kate<kate@example.com>\nhi\n')).toEqual({format: 'qq'})
  })
})

describe('Discord', () => {
  const doc = (messages: unknown[], channel: Record<string, unknown> = {id: '9', type: 'GuildTextChat', name: 'general', category: 'Chat'}) =>
    JSON.stringify({guild: {id: '1', name: 'G'}, channel, messages})
  const msg = (id: string, extra: Record<string, unknown> = {}) => ({
    id,
    type: 'Default',
    timestamp: '2026-11-01T10:00:00+00:00',
    author: {id: 'u1', name: 'ann', discriminator: '0001', isBot: false},
    reactions: [],
    ...extra,
  })

  it('reads replies, reactions per member where listed, joins; bots out; a bad row rejected by its JSON path', async () => {
    const r = await collect(
      parseDiscord(
        bytesOf(
          doc([
            msg('10'),
            msg('11', {type: 'Reply', reference: {messageId: '10'}, author: {id: 'u2', name: 'bo'}}),
            msg('12', {
              reactions: [
                {
                  emoji: {id: null, name: '👍'},
                  count: 3,
                  users: [
                    {id: 'u2', name: 'bo'},
                    {id: 'b1', name: 'bot', isBot: true},
                  ],
                },
              ],
            }),
            msg('13', {author: {id: 'b1', name: 'bot', isBot: true}}),
            msg('14', {type: 'GuildMemberJoin', author: {id: 'u3', name: 'cy'}}),
            msg('15', {timestamp: 'yesterday'}),
            msg('10'),
          ]),
        ),
        {zone: 'UTC', display: 'g.json'},
      ),
    )
    expect(r.events.map((e) => [e.type, e.member, e.parent ?? '', e.count ?? 1])).toEqual([
      ['post', 'discord:u1', '', 1],
      ['reply', 'discord:u2', 'discord:10', 1],
      ['post', 'discord:u1', '', 1],
      ['reaction', 'discord:u2', 'discord:12', 1],
      ['reaction', 'discord:*', 'discord:12', 1],
      ['join', 'discord:u3', '', 1],
      ['post', 'discord:u1', '', 1],
    ])
    expect(r.skipped).toEqual({bot: 2})
    expect(r.rejects).toEqual([{at: 'g.json:messages[5]', reason: {key: 'events.reject.badTime', params: {value: 'yesterday'}}}])
    // the duplicate id gives the same src: the service keeps one
    expect(r.events[0].src).toBe(r.events.at(-1)!.src)
  })

  it('reads a thread export: its channel is the parent, its messages replies in the thread topic', async () => {
    const thread = {id: '50', type: 'GuildPublicThread', name: 'Help: setup', categoryId: '9', category: 'general'}
    const r = await collect(parseDiscord(bytesOf(doc([msg('50'), msg('51')], thread)), {zone: 'UTC', display: 't.json'}))
    expect(r.events.map((e) => [e.type, e.channel, e.topic, e.parent])).toEqual([
      ['post', 'general', 'discord:50', undefined],
      ['reply', 'general', 'discord:50', 'discord:50'],
    ])
  })

  it('reads each message time as if it were alone, whatever the message before it had (the last time read is remembered)', async () => {
    const timestamp = fc.option(fc.constantFrom('2026-11-01T09:00:00+08:00', '2026-11-01T09:00:00Z', '2026-11-01 09:00', '', 'bad', 5), {
      nil: undefined,
    })
    const read = async (times: unknown[]) => {
      const doc = {channel: {id: '1', name: 'c'}, messages: times.map((timestamp) => ({id: '1', author: {id: '5'}, timestamp}))}
      const r = await collect(parseDiscord(bytesOf(JSON.stringify(doc), 1 << 16), {zone: 'Asia/Shanghai', display: 'r'}))
      return [...r.events.map((e) => e.ts), ...r.rejects.map((x) => JSON.stringify(x.reason))]
    }
    await fc.assert(
      fc.asyncProperty(fc.array(timestamp, {maxLength: 8}), async (times) => {
        const alone = await Promise.all(times.map((t) => read([t])))
        expect([...(await read(times))].sort()).toEqual(alone.flat().sort())
      }),
      {numRuns: 300},
    )
  })

  it('stops with a syntax error on a truncated file', async () => {
    await expect(collect(parseDiscord(bytesOf(doc([msg('1')]).slice(0, -20)), {zone: 'UTC', display: 'x'}))).rejects.toThrow(/ends before/)
  })
})

describe('Telegram', () => {
  it('reads replies, joins by link, reactions from recent, local dates; names without ids are rejected', async () => {
    const doc = {
      name: 'Club',
      type: 'private_supergroup',
      id: 77,
      messages: [
        {
          id: 1,
          type: 'service',
          date: '2026-11-01T09:00:00',
          date_unixtime: '1793494800',
          actor: 'Ann',
          actor_id: 'user5',
          action: 'join_group_by_link',
        },
        {id: 2, type: 'message', date: '2026-11-01T09:01:00', from: 'Ann', from_id: 'user5', text: 'hi'},
        {
          id: 3,
          type: 'message',
          date: '2026-11-01T09:02:00',
          from: 'Bo',
          from_id: 'user6',
          reply_to_message_id: 2,
          text: 'hey',
          reactions: [{type: 'emoji', count: 2, emoji: '👍', recent: [{from: 'Ann', from_id: 'user5', date: '2026-11-01T09:03:00'}]}],
        },
        {id: 4, type: 'service', date: '2026-11-01T09:04:00', actor: 'Ann', actor_id: 'user5', action: 'invite_members', members: ['Cy']},
        {id: 5, type: 'service', date: '2026-11-01T09:05:00', actor: 'Bo', actor_id: 'user6', action: 'remove_members', members: ['Bo']},
        {id: 6, type: 'service', date: '2026-11-01T09:06:00', actor: 'Bo', actor_id: 'user6', action: 'pin_message'},
      ],
    }
    const r = await collect(parseTelegram(bytesOf(JSON.stringify(doc)), {zone: 'Asia/Shanghai', display: 'result.json'}))
    expect(r.events.map((e) => [e.type, e.member, e.ts, e.parent ?? '', e.count ?? 1])).toEqual([
      ['join', 'telegram:5', '2026-11-01T09:00:00+08:00', '', 1],
      ['post', 'telegram:5', '2026-11-01T09:01:00+08:00', '', 1],
      ['reply', 'telegram:6', '2026-11-01T09:02:00+08:00', 'telegram:77:2', 1],
      ['reaction', 'telegram:5', '2026-11-01T09:03:00+08:00', 'telegram:77:3', 1],
      ['reaction', 'telegram:*', '2026-11-01T09:02:00+08:00', 'telegram:77:3', 1],
      ['leave', 'telegram:6', '2026-11-01T09:05:00+08:00', '', 1],
    ])
    expect(r.rejects).toEqual([{at: 'result.json:messages[3].members[0]', reason: {key: 'events.reject.telegramNameOnly', params: {name: 'Cy'}}}])
    expect(r.skipped).toEqual({system: 1})
    expect(detectFormat(JSON.stringify(doc, null, 1))).toEqual({format: 'telegram'})
  })

  it('reads each message time as if it were alone, whatever the message before it had (the last time read is remembered)', async () => {
    const message = fc.record(
      {
        date_unixtime: fc.constantFrom('1793494800', ' 1793494800', '1793494801', '1793494800.5', 'x', '', '99999999999999'),
        date: fc.constantFrom('2026-11-01T09:00:00', '2026-11-01T09:00:07', 'bad'),
      },
      {requiredKeys: []},
    )
    const read = async (messages: object[]) => {
      const doc = {id: 77, messages: messages.map((m) => ({id: 1, type: 'message', from_id: 'user5', ...m}))}
      const r = await collect(parseTelegram(bytesOf(JSON.stringify(doc), 1 << 16), {zone: 'Asia/Shanghai', display: 'r'}))
      return [...r.events.map((e) => e.ts), ...r.rejects.map((x) => JSON.stringify(x.reason))]
    }
    await fc.assert(
      fc.asyncProperty(fc.array(message, {maxLength: 8}), async (messages) => {
        const alone = await Promise.all(messages.map((m) => read([m])))
        const together = await read(messages)
        expect([...together].sort()).toEqual(alone.flat().sort())
      }),
      {numRuns: 300},
    )
  })

  it('members: `user` and digits become the id; channels, other names and numbers keep theirs', async () => {
    const from = [' user7 ', 'channel12', 'userbot', 'user', 42]
    const doc = {id: 77, messages: from.map((fromId, i) => ({id: i + 1, type: 'message', date_unixtime: '1793494800', from_id: fromId}))}
    const r = await collect(parseTelegram(bytesOf(JSON.stringify(doc)), {zone: 'UTC', display: 'result.json'}))
    expect(r.events.map((e) => e.member)).toEqual(['telegram:7', 'telegram:channel12', 'telegram:userbot', 'telegram:user', 'telegram:42'])
  })
})

describe('Slack', () => {
  it('reads a folder-like source: bots from users.json out, joins, thread replies, reactions per member', async () => {
    const files: Record<string, unknown> = {
      'users.json': [{id: 'U1'}, {id: 'U2'}, {id: 'B1', is_bot: true}],
      'channels.json': [{id: 'C1', name: 'general'}],
      'general/2026-11-01.json': [
        {type: 'message', subtype: 'channel_join', user: 'U2', ts: '1793500000.000100'},
        {
          type: 'message',
          user: 'U1',
          ts: '1793500001.000200',
          thread_ts: '1793500001.000200',
          reactions: [{name: 'tada', users: ['U2', 'B1'], count: 3}],
        },
        {type: 'message', user: 'U2', ts: '1793500002.000300', thread_ts: '1793500001.000200'},
        {type: 'message', user: 'B1', ts: '1793500003.000400'},
        {type: 'message', subtype: 'channel_topic', user: 'U1', ts: '1793500004.000500'},
        {type: 'message', ts: '1793500005.000600'},
      ],
    }
    const source: SlackSource = {entries: Object.keys(files), open: (e) => bytesOf(JSON.stringify(files[e]))}
    const r = await collect(parseSlack(source, {zone: 'UTC', display: 'export'}))
    expect(r.events.map((e) => [e.type, e.member, e.parent ?? '', e.count ?? 1])).toEqual([
      ['join', 'slack:U2', '', 1],
      ['post', 'slack:U1', '', 1],
      ['reaction', 'slack:U2', 'slack:C1:1793500001.000200', 1],
      ['reaction', 'slack:*', 'slack:C1:1793500001.000200', 1],
      ['reply', 'slack:U2', 'slack:C1:1793500001.000200', 1],
    ])
    expect(r.skipped).toEqual({bot: 2, system: 1})
    expect(r.rejects).toEqual([{at: 'export:general/2026-11-01.json[5]', reason: {key: 'events.reject.noMember'}}])
  })
})

describe('CSV', () => {
  const SHEET = [
    '时间,昵称,类型,群',
    '2026-11-01 09:00,小王,发言,wechat-main',
    '2026-11-01 09:05,小李,回复,wechat-main',
    '2026-11-01 09:07,小王,打卡,wechat-main',
    '2026-11-01,小张',
    '2026-11-02 10:00,小李,Join,wechat-main',
  ].join('\r\n')
  const mapping = {map: parseMap(['时间=ts,昵称=member,类型=type,群=channel']), platform: 'wechat'}

  it('maps columns by name, reads zh and en type names, rejects rows by line', async () => {
    const r = await collect(parseCsv(bytesOf(SHEET), SH, mapping))
    expect(r.events.map((e) => [e.type, e.member, e.channel, e.ts])).toEqual([
      ['post', 'wechat:小王', 'wechat-main', '2026-11-01T09:00:00+08:00'],
      ['reply', 'wechat:小李', 'wechat-main', '2026-11-01T09:05:00+08:00'],
      ['join', 'wechat:小李', 'wechat-main', '2026-11-02T10:00:00+08:00'],
    ])
    expect(r.rejects.map((x) => [x.at, x.reason.key])).toEqual([
      ['f:4', 'events.reject.badType'],
      ['f:5', 'events.reject.csvWidth'],
    ])
  })

  it('rejects rows at the line they start on, whatever the line ends, empty lines and line breaks in quoted cells', async () => {
    const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\n|\r/).length
    const note = fc.string({unit: fc.constantFrom('a', '中', '😀', '\n', '\r\n', '\r', ',', '"')})
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.boolean(), note, fc.nat(2)), {maxLength: 12}),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({min: 1, max: 9}),
        async (rows, eol, chunk) => {
          let text = `时间,昵称,备注${eol}`
          const bad: number[] = []
          for (const [good, cell, empty] of rows) {
            text += eol.repeat(empty)
            if (!good) bad.push(lineOf(text, text.length))
            text += `${good ? '2026-11-01 09:00' : 'soon'},小王,"${cell.replace(/"/g, '""')}"${eol}`
          }
          const r = await collect(parseCsv(bytesOf(text, chunk), SH, {map: parseMap(['时间=ts,昵称=member,备注=text']), platform: 'wechat'}))
          expect(r.rejects.map((x) => x.at)).toEqual(bad.map((line) => `f:${line}`))
          expect(r.events).toHaveLength(rows.length - bad.length)
        },
      ),
      {numRuns: 200},
    )
  })

  it('refuses a file with a quote never closed, at the line where its record starts', async () => {
    const text = '时间,昵称,类型\r\n2026-11-01 09:00,小王,"发\r\n言"\r\n\r\n2026-11-01 09:05,小李,"回复\r\n还没有结束\r\n'
    const typed = {map: parseMap(['时间=ts,昵称=member,类型=type']), platform: 'wechat'}
    await expect(collect(parseCsv(bytesOf(text), SH, typed))).rejects.toMatchObject({
      msg: {key: 'events.csv.quoteNotClosed'},
      location: {file: 'f', line: 5},
    })
  })

  it('reads GBK and gives the same events', async () => {
    const utf8 = await collect(parseCsv(bytesOf(SHEET), SH, mapping))
    const gbk = await collect(parseCsv(bytesOf(iconv.encode(SHEET, 'gbk')), SH, mapping))
    expect(gbk.events).toEqual(utf8.events)
  })

  it('says which mapped columns are missing', async () => {
    await expect(collect(parseCsv(bytesOf(SHEET), SH, {map: {发送时间: 'ts', 昵称: 'member'}, platform: 'csv'}))).rejects.toMatchObject({
      msg: {key: 'events.csv.missingColumns', params: {missing: '发送时间'}},
    })
    expect(() => parseMap(['时间=when'])).toThrow()
  })

  it('reads a 留痕 (MemoTrace) WeChat export with the shipped preset: epoch times, numeric types, system rows out', async () => {
    const csv = [
      'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender',
      '1,123@chatroom,1,0,0,1793500000,2,早,2026-11-01 08:26:40,,小王,wxid_a',
      '2,123@chatroom,10000,0,0,1793500100,2,"""小李""加入了群聊",2026-11-01 08:28:20,,,',
      '3,123@chatroom,3,0,0,1793500200,2,[图片],2026-11-01 08:30:00,,小李,wxid_b',
    ].join('\n')
    const r = await collect(parseCsv(bytesOf(csv), SH, BUILTIN_PRESETS.memotrace))
    expect(r.events.map((e) => [e.type, e.member, e.src, e.ts])).toEqual([
      ['post', 'wechat:wxid_a', 'wechat:123@chatroom:1', '2026-11-01T10:26:40+08:00'],
      ['post', 'wechat:wxid_b', 'wechat:123@chatroom:3', '2026-11-01T10:30:00+08:00'],
    ])
    expect(r.skipped).toEqual({system: 1})
  })

  it('is detected as CSV, naming its columns', () => {
    expect(detectFormat(SHEET)).toEqual({csv: {columns: ['时间', '昵称', '类型', '群']}})
  })
})

describe('canonical NDJSON', () => {
  it('keeps good lines and rejects bad ones with their line number', async () => {
    const text = [
      '{"ts":"2026-11-02T10:15:00+08:00","type":"reply","member":"qq:10002","channel":"wechat-main","topic":"t17","src":"qq:x#1"}',
      '',
      '{"ts":"2026-11-02T10:16:00+08:00","type":"shout","member":"qq:10002","src":"qq:x#2"}',
      'not json',
      '{"ts":"2026-11-02 10:17","type":"post","member":"10002","src":"qq:x#3"}',
    ].join('\n')
    const r = await collect(parseNdjson(bytesOf(text), {zone: 'Asia/Shanghai', display: 'bot.ndjson'}))
    expect(r.events).toEqual([
      {ts: '2026-11-02T10:15:00+08:00', type: 'reply', member: 'qq:10002', channel: 'wechat-main', topic: 't17', src: 'qq:x#1'},
    ])
    expect(r.rejects.map((x) => [x.at, x.reason.key])).toEqual([
      ['bot.ndjson:3', 'events.reject.badType'],
      ['bot.ndjson:4', 'events.reject.notJson'],
      ['bot.ndjson:5', 'events.reject.badMember'],
    ])
    expect(detectFormat(text)).toEqual({format: 'ndjson'})
  })

  it('reads a file past its first 64 KiB from a reused buffer, in any encoding, with the right line numbers', async () => {
    const lines = Array.from(
      {length: 2000},
      (_, i) => `{"ts":"2026-11-02T10:15:00+08:00","type":"post","member":"qq:${i}","channel":"摄影爱好者交流群","src":"qq:x#${i}"}`,
    )
    lines[1500] = 'not json'
    const text = lines.join('\r\n')
    const ctx = {zone: 'Asia/Shanghai', display: 'bot.ndjson'}
    const want = await collect(parseNdjson(bytesOf(text, 100_000), ctx))
    expect(want.events).toHaveLength(1999)
    expect(want.rejects.map((x) => x.at)).toEqual(['bot.ndjson:1501'])
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), iconv.encode(text, 'gb18030')])
      expect(await collect(parseNdjson(reusedBytesOf(bytes, 4099), ctx))).toEqual(want)
  })

  it('says what an unknown file looks like', () => {
    expect(detectFormat('{"foo": 1, "bar": [2]}')).toEqual({unknown: {looksLike: 'JSON with keys foo, bar'}})
    expect(count([], 'post')).toBe(0)
  })
})
