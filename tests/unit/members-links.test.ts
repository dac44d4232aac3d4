/** Member records join their identities from the records file: db.json stays small, every reader still sees one person. */
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {importEvents, listEvents} from '../../src/events/service.js'
import {awardPoints, memberPoints} from '../../src/members/incentives-service.js'
import {importMembers, linkMembers, showMember, unlinkMembers} from '../../src/members/service.js'
import {computeMetrics, inputsHash} from '../../src/metrics/service.js'
import {Store} from '../../src/store/index.js'

const ZONE = 'Asia/Shanghai'
const NOW = new Date('2026-11-26T04:00:00Z')
const N = 1000

let root: string
let store: Store

const ev = (day: string, type: string, member: string, n: number) =>
  JSON.stringify({ts: `2026-11-${day}T10:00:00+08:00`, type, member, channel: 'main', src: `t:${n}`})

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'commops-links-'))
  store = Store.at(root)
  const sheet = ['编号,姓名,QQ,微信,Discord,地区']
  for (let i = 1; i <= N; i++) sheet.push(`M${i},成员${i},${10000 + i},wx_${i},${90000 + i},上海`)
  await writeFile(path.join(root, 'members.csv'), sheet.join('\n') + '\n')
  // M7 posts from all three accounts, M8 from one
  const events = [
    ev('02', 'post', 'qq:10007', 1),
    ev('03', 'reply', 'wechat:wx_7', 2),
    ev('04', 'post', 'discord:90007', 3),
    ev('05', 'post', 'qq:10008', 4),
  ]
  await writeFile(path.join(root, 'events.ndjson'), events.join('\n') + '\n')
  await importEvents(store, {path: path.join(root, 'events.ndjson'), display: 'events.ndjson', zone: ZONE, now: NOW})
})

describe('member records and links', () => {
  it('a 1,000-member import leaves db.json small: no per-record links, only the index of the records file', async () => {
    const before = (await readFile(store.file)).length
    const r = await importMembers(store, {file: {full: path.join(root, 'members.csv'), display: 'members.csv'}, now: NOW})
    expect([r.added, r.links]).toEqual([N, N])
    const db = await store.read()
    expect(db.memberLinks).toEqual([])
    // the index entry of the records file and a counter: well under a hundred bytes per member would show
    expect((await readFile(store.file)).length - before).toBeLessThan(400)
    const again = await importMembers(store, {file: {full: path.join(root, 'members.csv'), display: 'members.csv'}, now: NOW})
    expect([again.unchanged, again.links]).toEqual([N, 0])
  })

  it('members show, events list and the metrics resolve a person across identities', async () => {
    const p = await showMember(store, {ref: 'discord:90007', zone: ZONE, now: NOW})
    expect(p).toMatchObject({id: 'M7', key: 'qq:10007', identities: ['qq:10007', 'wechat:wx_7', 'discord:90007']})
    expect(p.activity.events).toBe(3)
    expect((await listEvents(store, {member: 'wechat:wx_7', zone: ZONE, last: 10})).matched).toBe(3)
    const ws = {root, community: {timezone: ZONE, goals: []}}
    const set = await computeMetrics(ws, store, {period: '2026-11', now: NOW})
    expect(set.values.find((v) => v.id === 'active_members')?.value).toBe(2) // three accounts of M7, one of M8
  })

  it('a link made by hand takes a record in; unlinking it leaves the record one person; points follow the person', async () => {
    const ws = {root, community: {timezone: ZONE}}
    const hashBefore = inputsHash(await store.read())
    const person = await linkMembers(store, ['wechat:wx_7', 'slack:U7'], {now: NOW})
    expect(person.id).toBe('P1')
    expect(inputsHash(await store.read())).not.toBe(hashBefore)
    expect((await showMember(store, {ref: 'slack:U7', zone: ZONE, now: NOW})).key).toBe('P1')
    await awardPoints(ws, store, {member: 'discord:90007', points: 5, reason: 'x', now: NOW})
    expect((await memberPoints(ws, store, 'slack:U7')).points).toBe(5)
    expect(await unlinkMembers(store, ['slack:U7'])).toEqual(['slack:U7'])
    const p = await showMember(store, {ref: 'wechat:wx_7', zone: ZONE, now: NOW})
    expect(p.key).toBe('qq:10007')
    expect(p.activity.events).toBe(3)
    expect((await memberPoints(ws, store, 'qq:10007')).points).toBe(0) // the award went to P1, which is gone
  })

  it('awards and points take a member as members list shows them: a record id or an exact name, as an identity of theirs does', async () => {
    const ws = {root, community: {timezone: ZONE}}
    const award = await awardPoints(ws, store, {member: 'M12', points: 7, reason: 'volunteer', now: NOW})
    expect(award.member).toBe((await showMember(store, {ref: 'qq:10012', zone: ZONE, now: NOW})).key)
    expect((await memberPoints(ws, store, 'wechat:wx_12')).points).toBe(7)
    expect((await memberPoints(ws, store, '成员12')).points).toBe(7)
    expect((await memberPoints(ws, store, 'M12')).points).toBe(7)
    await expect(memberPoints(ws, store, 'M99999')).rejects.toMatchObject({msg: {key: 'members.link.badIdentity'}})
  })

  it('unlinking an identity a record joins takes it off the record: it counts as its own person, the record keeps the rest', async () => {
    const before = (await store.read()).memberRecords.snapshot
    expect(await unlinkMembers(store, ['wechat:wx_7'])).toEqual(['wechat:wx_7'])
    const alone = await showMember(store, {ref: 'wechat:wx_7', zone: ZONE, now: NOW})
    expect([alone.key, alone.activity.events]).toEqual(['wechat:wx_7', 1])
    const m7 = await showMember(store, {ref: 'M7', zone: ZONE, now: NOW})
    expect([m7.key, m7.identities, m7.activity.events]).toEqual(['qq:10007', ['qq:10007', 'discord:90007'], 2])
    const after = (await store.read()).memberRecords.snapshot
    expect(after?.count).toBe(before?.count)
    expect(after?.file).not.toBe(before?.file)
    expect(await unlinkMembers(store, ['wechat:wx_7'])).toEqual([]) // nothing joins it any more
  })

  it('a store of version 4 keeps the links an import wrote there: still valid, the same person ids', async () => {
    await store.update((db) => {
      db.memberLinks = [{id: 'P9', members: ['qq:10008', 'wechat:wx_8', 'discord:90008'], linkedAt: 'then'}]
    })
    const p = await showMember(store, {ref: 'discord:90008', zone: ZONE, now: NOW})
    expect(p).toMatchObject({id: 'M8', key: 'P9'})
    expect(p.activity.events).toBe(1)
    expect((await store.read()).version).toBe(4)
  })
})
