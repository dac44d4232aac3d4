/** The importers against real exports in ../shared/samples (checked by hand: counts, members, dates, replies, reactions). */
import {createReadStream} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseDiscord} from '../../src/events/import/discord.js'
import {parseDiscourse} from '../../src/events/import/discourse.js'
import {parseQq} from '../../src/events/import/qq.js'
import {parseSlack} from '../../src/events/import/slack.js'
import {parseTelegram} from '../../src/events/import/telegram.js'
import {slackZip} from '../../src/events/io.js'
import type {ByteStream} from '../../src/events/types.js'
import {collect, count, HAVE_SAMPLES, SAMPLES} from '../helpers/events.js'

const file = (p: string): ByteStream => createReadStream(path.join(SAMPLES, p))
const ctx = (display: string, zone = 'UTC') => ({zone, display})

describe.skipIf(!HAVE_SAMPLES)('real exports (../shared/samples)', () => {
  it('Discord server channel: duplicate ids and a deleted user left out, reaction counts kept', async () => {
    const r = await collect(parseDiscord(file('discord/SV_5A_5M.json'), ctx('sv.json')))
    expect(r.skipped).toEqual({deleted: 2})
    expect(count(r.events, 'post')).toBe(3)
    expect(new Set(r.events.filter((e) => e.type === 'post').map((e) => e.member))).toEqual(new Set(['discord:111111111111111111']))
    const reactions = r.events.filter((e) => e.type === 'reaction')
    expect(reactions.map((e) => [e.member, e.count, e.parent])).toEqual([
      ['discord:*', 3, 'discord:447793085255123006'],
      ['discord:*', 2, 'discord:447793085255123006'],
    ])
    expect(r.events[0]).toMatchObject({ts: '2018-05-20T16:09:51.118Z', channel: 'general-chiptune', src: 'discord:447793085255123004'})
  })

  it('Discord group chat: a reply through `reference`, system notices left out', async () => {
    const r = await collect(parseDiscord(file('discord/GC_3A_5M.json'), ctx('gc.json', 'Asia/Shanghai')))
    expect(r.skipped).toEqual({system: 3})
    expect(r.events.map((e) => e.type)).toEqual(['post', 'post', 'reply'])
    expect(r.events[2]).toMatchObject({
      member: 'discord:111111111111111111',
      parent: 'discord:1064990824305274930',
      ts: '2023-01-19T04:12:12.123+08:00',
    })
  })

  it('Discord DM: bots left out by default and kept with includeBots', async () => {
    const r = await collect(parseDiscord(file('discord/DM_2A_2M.json'), ctx('dm.json')))
    expect(r.skipped).toEqual({bot: 2})
    expect(r.events.find((e) => e.type === 'reaction')).toMatchObject({member: 'discord:*', count: 42})
    const bots = await collect(parseDiscord(file('discord/DM_2A_2M.json'), {...ctx('dm.json'), includeBots: true}))
    expect(bots.events.some((e) => e.member === 'discord:444444444444444444')).toBe(true)
    expect(bots.skipped).toEqual({system: 1})
  })

  it('Slack export zip: joins, thread replies, a deleted thread root and a bot left out', async () => {
    const zip = await slackZip(path.join(SAMPLES, 'slack/source_export.zip'), 'export.zip')
    try {
      const r = await collect(parseSlack(zip.source, ctx('export.zip')))
      expect(r.events).toHaveLength(14)
      expect(r.skipped).toEqual({deleted: 1, bot: 1})
      expect(count(r.events, 'join')).toBe(1)
      expect(count(r.events, 'reply')).toBe(4)
      expect(count(r.events, 'post')).toBe(9)
      const reply = r.events.find((e) => e.type === 'reply')!
      expect(reply).toMatchObject({member: 'slack:UOB5F987BF17', channel: 'B75B4C7', parent: 'slack:CO69735E8A:1736478630.905399'})
      expect(new Set(r.events.map((e) => e.member))).toEqual(new Set(['slack:UOF82F39AE', 'slack:UOB5F987BF17']))
    } finally {
      zip.close()
    }
  })

  it('Discourse topic: topic creation is a post, later posts replies, a moderator notice left out, likes counted', async () => {
    const r = await collect(parseDiscourse(file('discourse/topic.json'), ctx('topic.json')))
    expect(r.events.map((e) => [e.type, e.member, e.parent])).toEqual([
      ['post', 'discourse:samsaffron', undefined],
      ['reply', 'discourse:stienman', 'discourse:57/1'],
      ['reaction', 'discourse:*', 'discourse:57/3'],
      ['reply', 'discourse:splattne', 'discourse:57/1'],
      ['reaction', 'discourse:*', 'discourse:57/14'],
    ])
    expect(r.skipped).toEqual({system: 1})
    expect(r.events[0].ts).toBe('2013-02-04T20:26:26.278Z')
  })

  it('Discourse latest posts: the system user is a bot', async () => {
    const r = await collect(parseDiscourse(file('discourse/posts_latest.json'), ctx('posts.json')))
    expect(r.skipped).toEqual({bot: 2})
    expect(r.events.map((e) => [e.type, e.member, e.src])).toEqual([
      ['reply', 'discourse:johndoe', 'discourse:11/2'],
      ['post', 'discourse:johndoe', 'discourse:11/1'],
    ])
  })

  it('Telegram export: 5,475 messages by 20 members over three years, streamed', async () => {
    const r = await collect(parseTelegram(file('telegram/BIG_20A_5475M.json'), ctx('result.json')))
    expect(r.events).toHaveLength(5475)
    expect(r.rejects).toEqual([])
    expect(new Set(r.events.map((e) => e.member)).size).toBe(20)
    expect(r.events[0]).toMatchObject({
      ts: '2017-01-01T06:20:09.248Z',
      type: 'post',
      member: 'telegram:19',
      channel: 'Big sample',
      src: 'telegram:1111111111:1',
    })
    expect(r.events.at(-1)!.ts).toBe('2019-12-31T18:19:24.288Z')
  })

  it('QQ text export: 223 messages, 12 joins resolved to QQ numbers, 5 recalls, titles and two nicknames of one id', async () => {
    const r = await collect(parseQq(file('qq/photo-club.txt'), ctx('photo-club.txt', 'Asia/Shanghai')))
    expect(r.rejects).toEqual([])
    expect(count(r.events, 'post')).toBe(223)
    expect(count(r.events, 'join')).toBe(12)
    expect(r.skipped).toEqual({recall: 5})
    const members = new Set(r.events.map((e) => e.member))
    expect(members).toEqual(
      new Set(['qq:10001', 'qq:10002', 'qq:10003', 'qq:10005', 'qq:10006', 'qq:10007', 'qq:10008', 'qq:10009', 'qq:momo@example.com']),
    )
    expect(r.events[0]).toMatchObject({ts: '2024-03-01T08:07:36+08:00', member: 'qq:10003', channel: '摄影爱好者交流群'})
    // line 39: 2024-03-01 22:06:28 系统消息(10000) 小雨加入本群。 — 小雨 is 10008
    expect(r.events.find((e) => e.type === 'join' && e.ts.startsWith('2024-03-01T22:06:28'))).toMatchObject({member: 'qq:10008'})
    expect(count(r.events, 'post') - r.events.filter((e) => e.type === 'post' && e.member === 'qq:10005').length).toBe(223 - 11)
  })
})
