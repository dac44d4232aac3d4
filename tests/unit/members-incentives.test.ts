/**
 * Members' incentives, computed by hand on small fixtures: the points ledger (caps, cooldowns, multipliers,
 * incident deductions, manual awards kept across recomputes, byte-identical recomputes), badges (count in a window,
 * first, answered, streak, points, manual, revoke), engagement levels, movement and gravity, the leaderboard.
 */
import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import {beforeEach, describe, expect, it} from 'vitest'
import {blocksOf} from '../../src/events/columns.js'
import {KEPT} from '../../src/events/ts-text.js'
import type {ResolvedEvent} from '../../src/events/stats.js'
import {ZoneDays} from '../../src/metrics/zone-day.js'
import {importEvents} from '../../src/events/service.js'
import {badgeTypes, earnedBadges, type BadgeRule} from '../../src/members/badges.js'
import {EngagementCollector, engagementModel, gravity, levelCounts, movement, movers} from '../../src/members/engagement.js'
import {
  awardPoints,
  engagementGravity,
  engagementLevels,
  giveBadge,
  incentiveExtras,
  memberPoints,
  recomputePoints,
  revokeBadge,
  runBadges,
  standings,
  topMembers,
  type IncentivesWorkspace,
} from '../../src/members/incentives-service.js'
import {scanEntries} from '../../src/members/io-ledger.js'
import {computeLedger, ledgerEntries, monthTotals, pointsRules, titleFor, titleLevels, type LedgerEntry} from '../../src/members/points.js'
import {ScoringEvents} from '../../src/members/scoring.js'
import {freeNow} from '../../src/util/free-now.js'
import {TimelineCollector, type TimelineEvent} from '../../src/members/timeline.js'
import {EVENT_TYPES} from '../../src/events/types.js'
import {linkMembers, listMembers} from '../../src/members/service.js'
import {computeMetrics} from '../../src/metrics/service.js'
import {Store} from '../../src/store/index.js'
import type {Community} from '../../src/workspace/community.js'

const ZONE = 'Asia/Shanghai'
const NOW = new Date('2026-12-02T02:00:00Z')

const incentives: Community['incentives'] = {
  points: {post: 2, reply: 1, answer: 5},
  limits: {post: {dailyCap: 5}, reply: {cooldown: '10m'}},
  multipliers: [{id: 'nov-answers', from: '2026-11-10', to: '2026-11-12', factor: 2, events: ['answer']}],
  incidentDeductions: {warning: -10},
  levels: [
    {level: 1, threshold: 0, title: {'zh-CN': '新人', en: 'Newcomer'}},
    {level: 2, threshold: 20, title: {'zh-CN': '活跃成员', en: 'Active member'}},
    {level: 3, threshold: 70, title: {'zh-CN': '达人', en: 'Expert'}},
  ],
  badges: [
    {id: 'first-post', name: {'zh-CN': '首帖', en: 'First post'}, criteria: {kind: 'first'}},
    {id: 'chatty', name: '话痨', criteria: {event: 'post', count: 3, withinDays: 1}},
    {id: 'answerer', name: 'Answerer', criteria: {kind: 'answered', count: 2}},
    {id: 'regular', name: 'Regular', criteria: {kind: 'streak', weeks: 2}},
    {id: 'twenty', name: 'Twenty', criteria: {points: 20}},
    {id: 'mentor', name: {'zh-CN': '导师', en: 'Mentor'}},
  ],
}

const ev = (ts: string, type: string, member: string, extra: Record<string, string> = {}) => ({
  ts,
  type,
  member,
  src: `${member}@${ts}#${type}`,
  ...extra,
})

/** qq:1 and discord:7 in November 2026 (see the expected ledger below for what each earns). */
const EVENTS = [
  ev('2026-11-02T10:00:00+08:00', 'post', 'qq:1'), // 2
  ev('2026-11-02T10:01:00+08:00', 'post', 'qq:1'), // 2 (4 today)
  ev('2026-11-02T10:02:00+08:00', 'post', 'qq:1'), // 1: the daily cap of 5
  ev('2026-11-02T10:03:00+08:00', 'post', 'qq:1'), // 0: capped, no entry
  ev('2026-11-02T11:00:00+08:00', 'reply', 'qq:1'), // 1
  ev('2026-11-02T11:05:00+08:00', 'reply', 'qq:1'), // cooldown: no entry
  ev('2026-11-02T11:10:00+08:00', 'reply', 'qq:1'), // 1: ten minutes after the last counted one
  ev('2026-11-03T09:00:00+08:00', 'post', 'qq:1'), // 2: a new day
  ev('2026-11-11T20:00:00+08:00', 'answer', 'qq:1', {parent: 'q1'}), // 5 × 2 = 10 in the campaign
  ev('2026-11-13T20:00:00+08:00', 'answer', 'qq:1', {parent: 'q2'}), // 5
  ev('2026-11-05T08:00:00+08:00', 'post', 'discord:7'), // 2
]

let root: string
let store: Store
let ws: IncentivesWorkspace

async function importLines(lines: object[], name = 'a.ndjson'): Promise<void> {
  const p = path.join(root, 'data', name)
  await mkdir(path.dirname(p), {recursive: true})
  await writeFile(p, lines.map((l) => JSON.stringify(l)).join('\n') + '\n')
  await importEvents(store, {path: p, display: `data/${name}`, zone: ZONE, now: NOW})
}

async function addIncident(): Promise<void> {
  await store.update((db) => {
    db.incidents.push({
      id: 'I1',
      member: 'discord:7',
      rule: 'spam',
      severity: 'low',
      rung: 'warning',
      at: '2026-11-20T12:00:00+08:00',
      recordedAt: '2026-11-20T04:00:00.000Z',
    })
  })
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'commops-incentives-'))
  store = Store.at(root)
  ws = {root, community: {timezone: ZONE, incentives}}
})

const ledgerFiles = async () =>
  (await readdir(path.join(root, '.commops', 'ledger'))).filter((n) => n.startsWith('computed-') && n.endsWith('.ndjson'))

describe('points ledger', () => {
  it('applies points, daily caps, cooldowns, campaign multipliers and incident deductions, each entry naming its source', async () => {
    await importLines(EVENTS)
    await addIncident()
    const r = await recomputePoints(ws, store, {now: NOW})
    expect(r).toMatchObject({
      entries: 10,
      manual: 0,
      members: 2,
      total: 24 + 2 - 10,
      changed: true,
      byType: {post: 9, reply: 2, answer: 15, incident: -10},
    })
    const q = await memberPoints(ws, store, 'qq:1')
    expect(q.points).toBe(24)
    expect(q.entries.map((e) => [e.ts.slice(5, 16), e.points, e.factor ?? 1, e.capped ?? false])).toEqual([
      ['11-02T10:00', 2, 1, false],
      ['11-02T10:01', 2, 1, false],
      ['11-02T10:02', 1, 1, true],
      ['11-02T11:00', 1, 1, false],
      ['11-02T11:10', 1, 1, false],
      ['11-03T09:00', 2, 1, false],
      ['11-11T20:00', 10, 2, false],
      ['11-13T20:00', 5, 1, false],
    ])
    expect(q.entries[0].src).toBe('qq:1@2026-11-02T10:00:00+08:00#post')
    expect(q.title).toEqual({level: 2, title: {'zh-CN': '活跃成员', en: 'Active member'}})
    const d = await memberPoints(ws, store, 'discord:7')
    expect(d.entries.map((e) => [e.points, e.src ?? e.incident])).toEqual([
      [2, 'discord:7@2026-11-05T08:00:00+08:00#post'],
      [-10, 'I1'],
    ])
  })

  it('recomputes byte for byte the same ledger, keeps manual awards across recomputes, and follows linked identities', async () => {
    await importLines(EVENTS)
    const first = await recomputePoints(ws, store, {now: NOW})
    const [file] = await ledgerFiles()
    const bytes = await readFile(path.join(root, '.commops', 'ledger', file))
    const award = await awardPoints(ws, store, {member: 'qq:1', points: 50, reason: '线下活动志愿者', now: new Date('2026-11-25T04:00:00Z')})
    expect(award).toMatchObject({id: 'A1', member: 'qq:1', points: 50, reason: '线下活动志愿者', ts: '2026-11-25T12:00:00+08:00'})
    await awardPoints(ws, store, {member: 'qq:1', points: -4, reason: 'flooding', now: new Date('2026-11-26T04:00:00Z')})
    const second = await recomputePoints(ws, store, {now: new Date('2026-12-03T00:00:00Z')})
    expect(second).toMatchObject({changed: false, hash: first.hash, manual: 2, total: 24 + 2 + 50 - 4})
    expect(await ledgerFiles()).toEqual([file])
    expect(await readFile(path.join(root, '.commops', 'ledger', file))).toEqual(bytes)
    expect((await memberPoints(ws, store, 'qq:1')).points).toBe(70)
    // a dry run writes nothing; a link joins the two into one person and a new ledger replaces the old one
    await linkMembers(store, ['qq:1', 'discord:7'], {now: NOW})
    const dry = await recomputePoints(ws, store, {now: NOW, dryRun: true})
    expect(dry).toMatchObject({changed: true, dryRun: true, members: 1})
    expect(await ledgerFiles()).toEqual([file])
    const third = await recomputePoints(ws, store, {now: NOW})
    expect(third.changed).toBe(true)
    expect(await ledgerFiles()).toEqual([third.file])
    // manual entries given to an identity count for the person it is linked to
    expect((await memberPoints(ws, store, 'P1')).points).toBe(24 + 2 + 50 - 4)
    expect((await memberPoints(ws, store, 'qq:1')).points).toBe(72)
  })

  it('counts every member once in the totals, members with manual entries only among them, as the entries add up', async () => {
    await importLines(EVENTS)
    const awards: Array<[string, number]> = [
      ['qq:9', 0.1],
      ['qq:1', 0.35],
      ['wx:成员', 2.5],
      ['qq:9', 0.2],
      ['discord:7', -1.15],
    ]
    for (const [member, points] of awards) await awardPoints(ws, store, {member, points, reason: 'r', now: NOW})
    const r = await recomputePoints(ws, store, {now: NOW})
    // the sums by hand: each member's ledger points, then their manual entries in order
    const totals = new Map<string, number>([
      ['discord:7', 2],
      ['qq:1', 24],
    ])
    for (const [member, points] of awards) totals.set(member, Math.round(((totals.get(member) ?? 0) + points) * 100) / 100)
    expect(r).toMatchObject({members: 4, manual: 5, total: Math.round([...totals.values()].reduce((a, b) => a + b, 0) * 100) / 100})
    expect(r.total).toBe(28)
  })

  it('writes each line as JSON.stringify writes its entry, whatever the ids hold, and reads a batch file edited since its column cache was made', async () => {
    const odd = [
      ev('2026-11-02T10:00:00+08:00', 'post', 'qq:1', {src: 'qq:引号"和\\反斜杠'}),
      ev('2026-11-02T10:00:00+08:00', 'post', 'qq:1', {src: 'qq:😀\u0001'}),
      ev('2026-11-02T02:01:00Z', 'post', 'qq:1', {src: 'qq:zulu'}),
      ev('2026-10-31T23:59:00+08:00', 'post', 'qq:1', {src: 'qq:october'}),
      ev('2026-11-11T20:00:00+08:00', 'answer', 'qq:2', {src: 'qq:campaign'}),
      // member keys written through JSON.stringify (non-ASCII) and past the writer's 256-byte buffer, around plain ones
      ev('2026-11-12T20:00:00+08:00', 'post', 'qq:成员', {src: 'qq:cjk-member'}),
      ev('2026-11-12T20:00:00+08:00', 'post', `qq:${'z'.repeat(300)}`, {src: 'qq:long-member'}),
      ev('2026-11-12T20:00:00+08:00', 'post', `qq:0${'成'.repeat(200)}`, {src: 'qq:long-cjk-member'}),
      ...Array.from({length: 300}, (_, i) =>
        i === 150
          ? ev('2026-11-20T10:30:30+08:00', 'answer', 'qq:2', {src: 'qq:middle-answer'})
          : ev(`2026-11-20T10:${String(i % 60).padStart(2, '0')}:00+08:00`, 'reply', `qq:${3 + (i % 7)}`),
      ),
    ]
    await importLines(odd)
    const batch = path.join(root, '.commops', 'events', 'B1.ndjson')
    // the ledger by objects, from the events as stored (times in the community's zone)
    const expected = async () => {
      const c = new TimelineCollector()
      for (const line of (await readFile(batch, 'utf8')).trimEnd().split('\n'))
        c.add({...(JSON.parse(line) as ResolvedEvent), person: JSON.parse(line).member})
      return computeLedger(c.timelines(), [], pointsRules({incentives})).map((e) => JSON.stringify(e))
    }
    const ledgerText = async () => {
      const r = await recomputePoints(ws, store, {now: NOW})
      return (await readFile(path.join(root, '.commops', 'ledger', r.file), 'utf8')).trimEnd().split('\n')
    }
    const first = await expected()
    expect(first.filter((l) => l.includes('"factor":2') || l.includes('"capped":true') || l.includes('\\u0001'))).toHaveLength(3)
    expect(first.filter((l) => /qq:(cjk|long|long-cjk)-member/.test(l))).toHaveLength(3)
    expect(await ledgerText()).toEqual(first)
    const months = (await store.read()).incentives.computed!.months!
    expect(JSON.parse(await readFile(path.join(root, '.commops', 'ledger', months), 'utf8'))).toEqual(
      monthTotals(first.map((l) => JSON.parse(l) as LedgerEntry)),
    )
    // another member and src in the middle of the file: the cache no longer matches the file, which is read instead
    const text = await readFile(batch, 'utf8')
    expect(text.indexOf('qq:middle-answer')).toBeGreaterThan(8192)
    expect(text.length - text.indexOf('qq:middle-answer')).toBeGreaterThan(8192)
    const line = '"member":"qq:2","src":"qq:middle-answer"'
    expect(text).toContain(line)
    await writeFile(batch, text.replace(line, '"member":"qq:8","src":"qq:middle-ANSWER-edited"'))
    const edited = await ledgerText()
    expect(edited).toEqual(await expected())
    expect(edited.find((l) => l.includes('qq:middle-ANSWER-edited'))).toContain('"member":"qq:8"')
    // and the cache made again on the way gives the same ledger
    expect(await ledgerText()).toEqual(edited)
  })

  it('writes a ledger of a few MiB from a batch of several, as JSON.stringify writes it: fractional, negative and multiplied points, dates years apart, a line longer than a read', async () => {
    const rules: Community['incentives'] = {
      points: {post: -3, reply: 0.5, answer: 7},
      multipliers: [{id: 'all-year', from: '2026-01-01', to: '2026-12-31', factor: 1.25, events: ['answer']}],
    }
    const wide = {root, community: {timezone: ZONE, incentives: rules}}
    const start = Date.parse('2022-01-01T00:00:00Z')
    const types = ['post', 'reply', 'answer', 'join']
    // days over seven years, times at any second; one line longer than the 1 MiB a read takes
    const lines = Array.from({length: 30_000}, (_, i) => {
      const ms = start + ((i * 7919) % 2500) * 86_400_000 + ((i * 104_729) % 86_400) * 1000
      const ts = new Date(ms + 8 * 3_600_000).toISOString().replace('.000Z', '+08:00')
      return ev(ts, types[i % 4], `qq:${i % 1500}`, i === 12_345 ? {channel: 'x'.repeat(1_500_000)} : {})
    })
    await importLines(lines)
    const batch = path.join(root, '.commops', 'events', 'B1.ndjson')
    expect((await readFile(batch)).length).toBeGreaterThan(4 * 1024 * 1024)
    const c = new TimelineCollector()
    for (const line of (await readFile(batch, 'utf8')).trimEnd().split('\n'))
      c.add({...(JSON.parse(line) as ResolvedEvent), person: JSON.parse(line).member})
    const expected = computeLedger(c.timelines(), [], pointsRules({incentives: rules})).map((e) => JSON.stringify(e))
    expect(expected.some((l) => l.includes('"points":-3,'))).toBe(true)
    expect(expected.some((l) => l.includes('"points":0.5,'))).toBe(true)
    expect(expected.some((l) => l.includes('"points":8.75,') && l.includes('"factor":1.25'))).toBe(true)
    expect(expected.some((l) => l.startsWith('{"ts":"2022-')) && expected.some((l) => l.startsWith('{"ts":"2028-'))).toBe(true)
    const r = await recomputePoints(wide, store, {now: NOW})
    const text = await readFile(path.join(root, '.commops', 'ledger', r.file), 'utf8')
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024)
    expect(text.trimEnd().split('\n')).toEqual(expected)
    // written a chunk at a time, the next gathered while the last is written: every chunk once, in order, as hashed
    expect(createHash('sha256').update(text).digest('hex')).toBe(r.hash)
  })

  it('writes whole the longest lines (a multiplied, capped content_publish) where they cross the end of a 1 MiB buffer', async () => {
    const rules: Community['incentives'] = {
      points: {content_publish: 10},
      limits: {content_publish: {dailyCap: 12}},
      multipliers: [{id: 'year', from: '2026-01-01', to: '2026-12-31', factor: 1.5}],
    }
    const CHUNK = 1 << 20
    const day = (d: number) => new Date(Date.parse('2026-03-01T10:00:00Z') + d * 86_400_000).toISOString().slice(0, 10)
    const line = (member: string) => {
      const ts = `${day(0)}T10:00:00+08:00`
      const entry = {ts, member, points: 12, src: ev(ts, 'content_publish', member).src, type: 'content_publish', factor: 1.5, capped: true}
      return JSON.stringify(entry).length + 1
    }
    // members named so that every line is L bytes and one starts less than L but at least L - 8 bytes before 1 MiB
    const pad = Array.from({length: 100}, (_, k) => k).find((k) => {
      const L = line(`qq:${'x'.repeat(k)}100`)
      return CHUNK % L >= L - 8
    })!
    expect(pad).toBeDefined()
    const members = Array.from({length: 100}, (_, k) => `qq:${'x'.repeat(pad)}${100 + k}`)
    const lines = members.flatMap((m) => Array.from({length: 80}, (_, d) => ev(`${day(d)}T10:00:00+08:00`, 'content_publish', m)))
    await importLines(lines)
    const wide = {root, community: {timezone: ZONE, incentives: rules}}
    const r = await recomputePoints(wide, store, {now: NOW})
    const text = await readFile(path.join(root, '.commops', 'ledger', r.file), 'utf8')
    expect(text.length).toBeGreaterThan(CHUNK)
    const expected = computeLedger(
      members.map((m) => [m, lines.filter((l) => l.member === m).map((l) => ({...l, ms: Date.parse(l.ts)}) as TimelineEvent)]),
      [],
      pointsRules({incentives: rules}),
    )
    expect(expected.every((e) => e.capped && e.factor === 1.5)).toBe(true)
    expect(text.trimEnd().split('\n')).toEqual(expected.map((e) => JSON.stringify(e)))
  })

  it('reads ts and src from a line whatever the order of its keys, as from a line in the order import writes', async () => {
    await importLines([...EVENTS, ev('2026-11-20T10:00:00+08:00', 'reply', 'wechat:成员', {channel: 'general'})])
    await addIncident()
    const first = await recomputePoints(ws, store, {now: NOW})
    const ledger = await readFile(path.join(root, '.commops', 'ledger', first.file), 'utf8')
    // the same events, their keys in other orders: src before ts, src after other keys, ts last
    const batch = path.join(root, '.commops', 'events', 'B1.ndjson')
    const lines = (await readFile(batch, 'utf8')).trimEnd().split('\n')
    const orders = [
      ({ts, src, ...rest}: Record<string, string>) => ({src, ts, ...rest}),
      ({src, ...rest}: Record<string, string>) => ({...rest, extra: 'x', src}),
      ({ts, ...rest}: Record<string, string>) => ({...rest, ts}),
    ]
    await writeFile(batch, lines.map((l, i) => JSON.stringify(orders[i % 3](JSON.parse(l) as Record<string, string>))).join('\n') + '\n')
    expect(await readFile(batch, 'utf8')).toMatch(/^\{"src".*\n\{"ts".*"extra":"x","src".*\n\{"type"/)
    await rm(path.join(root, '.commops', 'ledger', first.file))
    await store.update((db) => {
      delete db.incentives.computed
    })
    const again = await recomputePoints(ws, store, {now: NOW})
    expect(again.hash).toBe(first.hash)
    expect(await readFile(path.join(root, '.commops', 'ledger', again.file), 'utf8')).toBe(ledger)
  })

  it('reads a ledger of several MiB a chunk at a time: characters and lines across chunks, a line longer than a chunk, only the counted bytes', async () => {
    const lines = Array.from({length: 30_000}, (_, i) =>
      JSON.stringify({
        ts: '2026-11-02T10:00:00+08:00',
        member: `wechat:成员${i}`,
        points: i % 7,
        reason: i === 7_000 ? '长'.repeat(700_000) : '线下活动',
      }),
    )
    const text = lines.join('\n') + '\n'
    const counted = Buffer.byteLength(text)
    await mkdir(path.join(root, '.commops', 'ledger'), {recursive: true})
    await writeFile(path.join(root, '.commops', 'ledger', 'big.ndjson'), text + '{"ts":"half a line a crash left')
    expect(counted).toBeGreaterThan(4 * 1024 * 1024)
    const seen: unknown[] = []
    await scanEntries(
      root,
      {file: 'big.ndjson', entries: lines.length, bytes: counted, hash: '', updatedAt: ''},
      {
        head: (day, member, points) => (seen.push([day, member, points]), member === 'wechat:成员7000'),
        whole: (e) => seen.push(e.reason?.length),
        entry: (e) => seen.push(e),
      },
    )
    expect(seen).toEqual(
      lines.flatMap((l, i) => {
        const e = JSON.parse(l) as LedgerEntry
        return [[20_261_102, e.member, e.points], ...(i === 7_000 ? [700_000] : [])]
      }),
    )
  })

  it('reads each entry’s day, member and points in place as parsing the line gives them, parsing only what it cannot or what is asked', async () => {
    await mkdir(path.join(root, '.commops', 'ledger'), {recursive: true})
    const member = fc.constantFrom('qq:1', 'qq:2', 'wechat:成员', 'csv:a"b\\c', 'csv:\u0001', 'P1', 'discord:😀')
    const points = fc.oneof(fc.integer({min: -1000, max: 1000}), fc.constantFrom(0.5, -0.25, 8.75, 1e-7, 1.5e21, 123_456_789_012_345, 2 ** 60, -0))
    const ts = fc.constantFrom(
      '2026-11-02T10:00:00+08:00',
      '2026-12-31T23:59:59.500Z',
      '0099-01-01T00:00:00+00:00',
      'not a date',
      '2026-1x-02',
      '2026-11-0"2',
    )
    // lines as the computed ledger writes them (ts, member, points first), and in other key orders (manual, deductions)
    const entry = fc.record({ts, member, points, src: fc.constantFrom('s1', 's"2'), first: fc.boolean()})
    await fc.assert(
      fc.asyncProperty(fc.array(entry, {maxLength: 40}), fc.constantFrom('qq:1', 'wechat:成员', 'csv:a"b\\c'), async (entries, wanted) => {
        const lines = entries.map((e) =>
          JSON.stringify(
            e.first ? {ts: e.ts, member: e.member, points: e.points, src: e.src, type: 'post'} : {member: e.member, ts: e.ts, points: e.points},
          ),
        )
        const text = lines.map((l) => l + '\n').join('')
        await writeFile(path.join(root, '.commops', 'ledger', 'scan.ndjson'), text + '{"ts":"half')
        const seen: string[] = []
        const whole: unknown[] = []
        await scanEntries(
          root,
          {file: 'scan.ndjson', entries: lines.length, bytes: Buffer.byteLength(text), hash: '', updatedAt: ''},
          {
            head(day, m, p) {
              seen.push(JSON.stringify([String(day).padStart(8, '0'), m, p]))
              return m === wanted
            },
            whole: (e) => whole.push(e),
            entry(e) {
              seen.push(JSON.stringify(['parsed', e.member, e.points]))
              if (e.member === wanted) whole.push(e)
            },
          },
        )
        const parsed = lines.map((l) => JSON.parse(l) as LedgerEntry)
        expect(seen.map((x) => JSON.parse(x)[1])).toEqual(parsed.map((e) => e.member))
        expect(seen.map((x) => JSON.parse(x)[2])).toEqual(parsed.map((e) => e.points))
        // read in place exactly the lines written as the computed ledger writes them; a day read so is the ts's first ten characters
        // (JSON.stringify escapes a control character, so a member without a backslash has none)
        const writtenSo = /^\{"ts":"\d{4}-\d\d-\d\d[^"\\]*","member":"[^"\\]*","points":-?(\d{1,15}|\d+\.\d+)[,}]/
        seen.forEach((x, i) => {
          const day = JSON.parse(x)[0]
          expect(day !== 'parsed').toBe(writtenSo.test(lines[i]))
          if (day !== 'parsed') expect(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`).toBe(parsed[i].ts.slice(0, 10))
        })
        expect(whole).toEqual(parsed.filter((e) => e.member === wanted))
      }),
      {numRuns: 150},
    )
  })

  it('refuses an award without a reason or with bad points', async () => {
    await expect(awardPoints(ws, store, {member: 'qq:1', points: 5, reason: '  ', now: NOW})).rejects.toMatchObject({
      msg: {key: 'members.incentives.noReason'},
    })
    await expect(awardPoints(ws, store, {member: 'qq:1', points: '5x', reason: 'r', now: NOW})).rejects.toMatchObject({
      msg: {key: 'members.incentives.badPoints', params: {value: '5x'}},
    })
    await expect(awardPoints(ws, store, {member: 'qq:1', points: '0', reason: 'r', now: NOW})).rejects.toMatchObject({
      msg: {key: 'members.incentives.badPoints'},
    })
    expect((await awardPoints(ws, store, {member: 'qq:1', points: '-2.5', reason: 'r', now: NOW})).points).toBe(-2.5)
    await expect(awardPoints(ws, store, {member: 'nobody', points: 5, reason: 'r', now: NOW})).rejects.toMatchObject({
      msg: {key: 'members.link.badIdentity'},
    })
  })

  it('the leaderboard ranks the period’s points and names each title by total points', async () => {
    await importLines(EVENTS)
    await addIncident()
    await recomputePoints(ws, store, {now: NOW})
    await awardPoints(ws, store, {member: 'qq:1', points: 50, reason: 'volunteer', now: new Date('2026-11-25T04:00:00Z')})
    await awardPoints(ws, store, {member: 'discord:7', points: 3, reason: 'december', now: new Date('2026-12-01T04:00:00Z')})
    const top = await topMembers(ws, store, {period: '2026-11', now: NOW})
    expect(top.rows).toEqual([
      {rank: 1, member: 'qq:1', points: 74, total: 74, title: {level: 3, title: {'zh-CN': '达人', en: 'Expert'}}},
      {rank: 2, member: 'discord:7', points: -8, total: -8},
    ])
    expect((await topMembers(ws, store, {period: '2026-11', limit: 1, now: NOW})).rows).toHaveLength(1)
    // a month is read from the ledger's month totals; a week from the whole ledger; both agree with the ledger
    const months = JSON.parse(await readFile(path.join(root, '.commops', 'ledger', (await store.read()).incentives.computed!.months!), 'utf8'))
    expect(Object.keys(months)).toEqual(['2026-11'])
    const week = await topMembers(ws, store, {period: '2026-W45', now: NOW})
    expect(week.rows.find((r) => r.member === 'qq:1')?.points).toBe(9)
    expect((await topMembers(ws, store, {period: '2026-Q4', now: NOW})).rows.map((r) => [r.member, r.points])).toEqual([
      ['qq:1', 74],
      ['discord:7', -5],
    ])
    const s = await standings(ws, store, {at: '2026-11-30'})
    expect(s.get('qq:1')).toMatchObject({points: 74, title: {level: 3}})
    expect(s.get('discord:7')).toMatchObject({points: -8, badges: []})
    expect((await standings(ws, store, {at: '2026-12-31'})).get('discord:7')?.points).toBe(-5)
  })

  it('titles fall back to 新人 / 活跃成员 / 达人 / 大使 when community.yaml names none', () => {
    const levels = titleLevels({})
    expect(titleFor(0, levels)?.title).toEqual({'zh-CN': '新人', en: 'Newcomer'})
    expect(titleFor(2000, levels)?.title).toEqual({'zh-CN': '大使', en: 'Ambassador'})
    expect(titleFor(-1, levels)).toBeUndefined()
  })

  it('a cooldown in seconds counts from the last counted event, and negative points are never capped', () => {
    const rules = pointsRules({incentives: {points: {post: 1, leave: -3}, limits: {post: {cooldown: 60}, leave: {dailyCap: 1}}}})
    const t = (s: string, type: 'post' | 'leave' = 'post') => ({
      ms: Date.parse(`2026-11-02T10:${s}+08:00`),
      ts: `2026-11-02T10:${s}+08:00`,
      type,
      src: s,
    })
    const ledger = computeLedger([['m', [t('00:00'), t('00:59'), t('01:00'), t('01:30'), t('02:00'), t('03:00', 'leave')]]], [], rules)
    expect(ledger.map((e) => [e.src, e.points])).toEqual([
      ['00:00', 1],
      ['01:00', 1],
      ['02:00', 1],
      ['03:00', -3],
    ])
  })
})

describe('timelines', () => {
  it('give each member in code-point order, by time then src, every ts as imported (canonical or not) and the parents', () => {
    const c = new TimelineCollector((type) => type !== 'reaction')
    const e = (ts: string, member: string, src: string, extra: Partial<ResolvedEvent> = {}) =>
      c.add({ts, type: 'post', member, person: member, src, ...extra})
    e('2026-11-02T10:00:00+08:00', 'qq:2', 'b')
    e('2026-11-02T09:00:00.250+08:00', 'qq:2', 'a') // milliseconds: kept as written
    e('2026-11-02T02:00:00Z', 'qq:2', 'c', {type: 'answer', parent: 'q'}) // the same instant as b, later src
    e('2026-03-29T01:30:00-04:30', 'qq:1', 'd')
    e('2026-11-02T10:00:00+08:00', 'qq:1', 'e', {type: 'reaction'}) // not kept
    e('2026-11-02T10:00:00+08:00', 'qq:*', 'f') // anonymous
    expect(c.timelines()).toEqual([
      ['qq:1', [{ms: Date.parse('2026-03-29T01:30:00-04:30'), ts: '2026-03-29T01:30:00-04:30', type: 'post', src: 'd'}]],
      [
        'qq:2',
        [
          {ms: Date.parse('2026-11-02T09:00:00.250+08:00'), ts: '2026-11-02T09:00:00.250+08:00', type: 'post', src: 'a'},
          {ms: Date.parse('2026-11-02T10:00:00+08:00'), ts: '2026-11-02T10:00:00+08:00', type: 'post', src: 'b'},
          {ms: Date.parse('2026-11-02T10:00:00+08:00'), ts: '2026-11-02T02:00:00Z', type: 'answer', src: 'c', parent: 'q'},
        ],
      ],
    ])
  })

  it('a streamed ledger puts members with only deductions in their place among the others', () => {
    const rules = pointsRules({incentives: {points: {post: 1}, incidentDeductions: {warning: -5}}})
    const post = (src: string) => ({ms: Date.parse('2026-11-02T10:00:00+08:00'), ts: '2026-11-02T10:00:00+08:00', type: 'post' as const, src})
    const incident = (id: string, member: string) => ({id, member, rung: 'warning', at: '2026-11-03T10:00:00+08:00'})
    const ledger = [
      ...ledgerEntries(
        [
          ['b', [post('1')]],
          ['d', [post('2')]],
        ],
        [incident('I1', 'c'), incident('I2', 'a'), incident('I3', 'e'), incident('I4', 'b')],
        rules,
      ),
    ]
    expect(ledger.map((e) => [e.member, e.src ?? e.incident, e.points])).toEqual([
      ['a', 'I2', -5],
      ['b', '1', 1],
      ['b', 'I4', -5],
      ['c', 'I1', -5],
      ['d', '2', 1],
      ['e', 'I3', -5],
    ])
  })
})

describe('scoring events', () => {
  it('keep each event’s time, type, ts and src whole, however long the texts, across pages, in member then time order', () => {
    // texts of every size: a record near a page's end, one longer than a page, non-ASCII and escaped characters
    const lengths = [1, 30, 4000, 70_000, 17, 65_536, 200_000]
    const timelines: Array<[string, TimelineEvent[]]> = []
    for (let m = 0; m < 12; m++) {
      const events: TimelineEvent[] = []
      for (let k = 0; k < 10; k++) {
        const n = m === 5 && k === 3 ? 1_100_000 : lengths[(m * 3 + k) % lengths.length] + k
        const src = `${'社'.repeat(m % 3)}"\\${String.fromCharCode(97 + (k % 26)).repeat(n)}#${m}:${k}`
        const ms = Date.parse('2026-11-02T00:00:00Z') + (10 - k) * 60_000 * (m + 1)
        events.push({ms, ts: new Date(ms).toISOString(), type: k % 2 ? 'post' : 'reply', src})
      }
      timelines.push([`qq:${String(m).padStart(2, '0')}`, events])
    }
    const ev = ScoringEvents.fromTimelines(timelines)
    const seen: Array<[string, TimelineEvent[]]> = []
    for (const [member, list] of ev.byMember())
      seen.push([member, [...list].map((i) => ({ms: ev.ms(i), ts: ev.ts(i), type: EVENT_TYPES[ev.type(i)], src: ev.src(i)}))])
    expect(seen).toEqual(timelines.map(([m, events]) => [m, [...events].sort((a, b) => a.ms - b.ms)]))
    const i = [...ev.byMember()][3][1][0]
    const out = Buffer.alloc(ev.textLength(i))
    expect(ev.copySrc(i, out, ev.copyTs(i, out, 0))).toBe(out.length)
    expect(out.toString()).toBe(JSON.stringify(ev.ts(i)).slice(1, -1) + JSON.stringify(ev.src(i)).slice(1, -1))
  })

  it('hands over its records to be freed at once; nothing is read or added after', () => {
    const ms = Date.parse('2026-11-02T10:00:00+08:00')
    const ev = ScoringEvents.fromTimelines([['qq:1', [{ms, ts: '2026-11-02T10:00:00+08:00', type: 'post', src: 's1'}]]])
    expect([...ev.byMember()].map(([m, refs]) => [m, refs.length])).toEqual([['qq:1', 1]])
    const buffers = ev.release()
    expect(buffers.length).toBe(1)
    expect(buffers[0].byteLength).toBe(1 << 20)
    freeNow(buffers)
    // detached: the memory is given back now, not when V8 next collects
    expect(buffers[0].byteLength).toBe(0)
    expect(() => ev.grouped()).toThrow(/released/)
    expect(() => ev.add(0, Float64Array.of(ms), 0, 0, KEPT, Buffer.from('s'), 0, 0, 0, 1)).toThrow(/released/)
  })

  it('once grouped, give the same groups again and take no more events (their reading columns are gone)', () => {
    const ms = Date.parse('2026-11-02T00:00:00Z')
    const ev = ScoringEvents.fromTimelines([['qq:1', [{ms, ts: new Date(ms).toISOString(), type: 'post', src: 's1'}]]])
    const groups = ev.grouped()
    expect(ev.grouped()).toBe(groups)
    expect(ev.src(groups.order[0])).toBe('s1')
    const text = Buffer.from('2026-11-02T00:00:00.000Zs2')
    expect(() => ev.add(0, Float64Array.of(ms), 0, 0, KEPT, text, 0, 24, 24, 26)).toThrow(/once grouped/)
  })
})

describe('scoring events: a ts written back from its time', () => {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0')
  /** ISO at a fixed offset, written independently of the code under test. */
  const iso = (ms: number, offset: number) => {
    const d = new Date(ms + offset * 60_000)
    const a = Math.abs(offset)
    return (
      `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:` +
      `${pad(d.getUTCSeconds())}${offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`
    )
  }
  const back = (ts: string, ms: number) => {
    const ev = ScoringEvents.fromTimelines([['m', [{ms, ts, type: 'post', src: 's'}]]])
    const out = Buffer.alloc(ev.textLength(0))
    ev.copySrc(0, out, ev.copyTs(0, out, 0))
    return [ev.ts(0), out.toString(), ev.month(0)]
  }

  it('gives every ts back exactly, at any offset and date, whole seconds or not', () => {
    fc.assert(
      fc.property(
        fc.integer({min: -62_000_000_000, max: 253_000_000_000}),
        fc.integer({min: -14 * 60, max: 14 * 60}),
        fc.constantFrom(0, 0, 250),
        (seconds, offset, millis) => {
          const ms = seconds * 1000 + millis
          const ts = millis ? new Date(ms).toISOString() : iso(ms, offset)
          expect(back(ts, ms)).toEqual([ts, ts + 's', ts.slice(0, 7)])
        },
      ),
    )
    for (const ts of ['2026-11-02T10:15:00-00:00', '2024-02-29T23:59:59+05:45', '1969-12-31T23:59:59-09:30', '2026-11-02T02:15:00Z'])
      expect(back(ts, Date.parse(ts))).toEqual([ts, ts + 's', ts.slice(0, 7)])
  })

  it('gives back each ts of many on the same days, canonical or a byte away from it (date, time, offset), as given', () => {
    const day0 = Date.parse('2026-11-02T00:00:00Z')
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.integer({min: 0, max: 2}),
            secs: fc.integer({min: 0, max: 86_399}),
            offset: fc.constantFrom(480, 480, -270, 0),
            edit: fc.option(fc.tuple(fc.integer({min: 0, max: 24}), fc.constantFrom(...'0123456789:+-T')), {nil: undefined}),
          }),
          {minLength: 1, maxLength: 40},
        ),
        (specs) => {
          const events = specs.map(({day, secs, offset, edit}, k) => {
            const ms = day0 + day * 86_400_000 + secs * 1000
            const canonical = iso(ms, offset)
            const ts = edit ? canonical.slice(0, edit[0]) + edit[1] + canonical.slice(edit[0] + 1) : canonical
            return {ms, ts, type: 'post' as const, src: `s${k}`}
          })
          // the same instant and offset, written with 60 seconds or minutes or more
          const at = Date.parse('2026-11-02T10:15:15+08:00')
          for (const ts of ['2026-11-02T10:14:75+08:00', '2026-11-02T09:75:15+08:00', '2026-11-02T10:15:15+08:00'])
            events.push({ms: at, ts, type: 'post', src: `x${events.length}`})
          const ev = ScoringEvents.fromTimelines([['m', events]])
          const bySrc = new Map(events.map((e) => [e.src, e.ts]))
          for (const [, refs] of ev.byMember())
            for (const ref of refs) {
              const out = Buffer.alloc(ev.textLength(ref))
              const end = ev.copyTs(ref, out, 0)
              expect([ev.ts(ref), out.toString('latin1', 0, end)]).toEqual([bySrc.get(ev.src(ref)), bySrc.get(ev.src(ref))])
            }
        },
      ),
    )
  })

  it('gives back the ts and month of many events in one ledger, days 1024 apart and at several offsets among them', () => {
    // local days that share a slot of the day caches (d and d ± 1024), the same day at other offsets, in any order
    const day0 = Date.parse('2026-11-02T00:00:00Z')
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            day: fc.constantFrom(0, 1, 1024, 1025, -1024, 2048, 31),
            secs: fc.integer({min: 0, max: 86_399}),
            offset: fc.constantFrom(480, -270, 0, 840, -720),
          }),
          {minLength: 1, maxLength: 60},
        ),
        (specs) => {
          const events = specs.map(({day, secs, offset}, k) => {
            const ms = day0 + day * 86_400_000 + secs * 1000
            return {ms, ts: iso(ms, offset), type: 'post' as const, src: `s${k}`}
          })
          const ev = ScoringEvents.fromTimelines([['m', events]])
          const bySrc = new Map(events.map((e) => [e.src, e.ts]))
          for (const [, refs] of ev.byMember())
            for (const ref of refs) {
              const ts = bySrc.get(ev.src(ref))!
              const out = Buffer.alloc(ev.textLength(ref))
              const end = ev.copyTs(ref, out, 0)
              expect([out.toString('latin1', 0, end), ev.month(ref)]).toEqual([ts, ts.slice(0, 7)])
            }
        },
      ),
    )
  })

  it('keeps no ts it writes back: records of canonical times are smaller than of other times as long', () => {
    const size = (ts: (ms: number) => string) => {
      const events = Array.from({length: 1000}, (_, k) => 1_790_000_000_000 + k * 61_000).map((ms) => ({
        ms,
        ts: ts(ms),
        type: 'post' as const,
        src: 'x',
      }))
      return ScoringEvents.fromTimelines([['m', events]]).bytes
    }
    // 20 bytes of head and 1 of src, padded to 8: 24 bytes a record; with the 25 bytes of a ts kept, 48
    expect(size((ms) => iso(ms, -270))).toBe(24_000)
    expect(size((ms) => iso(ms, 0).replace('+00:00', '-00:00'))).toBe(48_000)
  })
})

describe('badges', () => {
  it('earns the same badges from timelines given one member at a time, of the types the rules read, as from every event at once', () => {
    const rules: BadgeRule[] = [
      {id: 'first', name: 'F', kind: 'count', event: 'post', count: 1},
      {id: 'two-answers', name: 'A', kind: 'answered', count: 2},
      {id: 'streak', name: 'S', kind: 'streak', count: 1, weeks: 2},
      {id: 'rich', name: 'R', kind: 'points', count: 1, points: 5},
    ]
    const event = fc.record({
      member: fc.constantFrom('qq:1', 'qq:3', 'wx:张', 'P2'),
      type: fc.constantFrom('post', 'answer', 'join', 'reply', 'leave'),
      day: fc.integer({min: 1, max: 40}),
      parent: fc.option(fc.constantFrom('q1', 'q2'), {nil: undefined}),
    })
    const entry = fc.record({member: fc.constantFrom('qq:0', 'qq:2', 'qq:3', 'zz:9'), points: fc.integer({min: -3, max: 6})})
    fc.assert(
      fc.property(fc.array(event, {maxLength: 40}), fc.array(entry, {maxLength: 10}), (events, entries) => {
        const resolved = events.map((e, i) => {
          const ts = new Date(Date.UTC(2026, 9, e.day, 2, i)).toISOString().replace('.000Z', '+00:00')
          return {ts, type: e.type, member: e.member, src: `s${i}`, person: e.member, ...(e.parent ? {parent: e.parent} : {})}
        })
        const ledgers = new Map<string, LedgerEntry[]>()
        entries.forEach((e, i) =>
          ledgers.set(e.member, [
            ...(ledgers.get(e.member) ?? []),
            {ts: `2026-10-0${1 + (i % 9)}T00:00:00+00:00`, member: e.member, points: e.points},
          ]),
        )
        // every member's whole timeline at once, members of the ledgers added, sorted (what a badge run did before)
        const all = new TimelineCollector()
        resolved.forEach((e) => all.add(e))
        const members = new Map(all.timelines())
        for (const m of ledgers.keys()) if (!members.has(m)) members.set(m, [])
        const before = earnedBadges(
          [...members].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
          ledgers,
          rules,
        )
        const some = new TimelineCollector(badgeTypes(rules))
        resolved.forEach((e) => some.add(e))
        expect(earnedBadges(some.each(), ledgers, rules)).toEqual(before)
      }),
    )
    expect(['post', 'answer', 'reply', 'join', 'leave'].map(badgeTypes(rules))).toEqual([true, true, true, false, false])
    expect(['post', 'answer', 'reply'].map(badgeTypes(rules.slice(0, 2)))).toEqual([true, true, false])
  })

  it('awards each rule once with the date it was met; a revocation sticks; manual badges by hand', async () => {
    await importLines(EVENTS)
    await recomputePoints(ws, store, {now: NOW})
    const dry = await runBadges(ws, store, {dryRun: true, now: NOW})
    expect(dry.awarded).toEqual([])
    const first = await runBadges(ws, store, {now: NOW})
    expect(first.awarded.map((b) => [b.member, b.badge, b.date])).toEqual([
      ['discord:7', 'first-post', '2026-11-05T08:00:00+08:00'],
      ['qq:1', 'first-post', '2026-11-02T10:00:00+08:00'],
      ['qq:1', 'chatty', '2026-11-02T10:02:00+08:00'],
      ['qq:1', 'answerer', '2026-11-13T20:00:00+08:00'],
      ['qq:1', 'regular', '2026-11-11T20:00:00+08:00'],
      ['qq:1', 'twenty', '2026-11-13T20:00:00+08:00'],
    ])
    expect(dry.pending).toEqual(first.awarded)
    expect((await runBadges(ws, store, {now: NOW})).awarded).toEqual([])

    await revokeBadge(ws, store, {badge: 'first-post', member: 'discord:7', reason: 'spam', now: NOW})
    const again = await runBadges(ws, store, {member: 'discord:7', now: NOW})
    expect(again.awarded).toEqual([])
    expect(again.member).toEqual({member: 'discord:7', badges: []})
    await expect(revokeBadge(ws, store, {badge: 'first-post', member: 'discord:7', reason: 'x', now: NOW})).rejects.toMatchObject({
      msg: {key: 'members.incentives.badgeNotHeld'},
    })
    await giveBadge(ws, store, {badge: 'mentor', member: 'qq:1', reason: '带新人', now: NOW})
    await expect(giveBadge(ws, store, {badge: 'mentor', member: 'qq:1', now: NOW})).rejects.toMatchObject({
      msg: {key: 'members.incentives.badgeHeld'},
    })
    await expect(giveBadge(ws, store, {badge: 'nope', member: 'qq:1', now: NOW})).rejects.toMatchObject({
      msg: {key: 'members.incentives.unknownBadge'},
    })
    const q = await runBadges(ws, store, {member: 'qq:1', now: NOW})
    expect(q.member?.badges.map((b) => b.id)).toEqual(['first-post', 'chatty', 'regular', 'answerer', 'twenty', 'mentor'])
    expect(Object.fromEntries(q.badges.map((b) => [b.id, b.holders]))).toEqual({
      'first-post': 1,
      chatty: 1,
      answerer: 1,
      regular: 1,
      twenty: 1,
      mentor: 1,
    })
    // given back by hand after a revocation
    await giveBadge(ws, store, {badge: 'first-post', member: 'discord:7', now: NOW})
    expect((await standings(ws, store, {at: '2026-11-30'})).get('discord:7')?.badges.map((b) => b.id)).toEqual(['first-post'])
  })

  it('a streak breaks on a week without activity; a count within days needs them close together', async () => {
    await importLines([
      ev('2026-11-02T10:00:00+08:00', 'post', 'qq:2'),
      ev('2026-11-16T10:00:00+08:00', 'post', 'qq:2'), // a week skipped
      ev('2026-11-17T10:00:00+08:00', 'post', 'qq:2'),
    ])
    const r = await runBadges(ws, store, {now: NOW})
    expect(r.awarded.map((b) => b.badge)).toEqual(['first-post'])
  })
})

describe('engagement levels, movement and gravity', () => {
  const model = engagementModel({
    engagement: {
      windowDays: 7,
      weights: {post: 1, answer: 3},
      levels: [
        {id: 'core', minScore: 5, weight: 3},
        {id: 'new', newWithinDays: 7, weight: 1},
        {id: 'casual', minScore: 1, weight: 2},
        {id: 'dormant', weight: 0},
      ],
    },
  })
  const e = (ts: string, type: string, member: string): ResolvedEvent =>
    ({ts: `${ts}T10:00:00+08:00`, type, member, person: member, src: `${member}${ts}${Math.random()}`}) as ResolvedEvent
  const EV = [
    ...[1, 2, 3, 4, 5].map(() => e('2026-10-28', 'post', 'a')), // core on 10-31 (score 5)
    e('2026-11-29', 'post', 'a'), // casual on 11-30 (score 1, not new)
    e('2026-10-01', 'post', 'b'), // dormant on 10-31
    e('2026-11-27', 'answer', 'b'),
    e('2026-11-27', 'answer', 'b'), // core on 11-30 (score 6)
    e('2026-11-28', 'post', 'c'), // new on 11-30
    e('2026-10-30', 'post', 'd'), // new on 10-31
    e('2026-11-05', 'leave', 'd'), // gone by 11-30
    e('2026-10-20', 'post', 'e'), // dormant both times
  ]

  it('levels at two dates, the movement per level pair, gravity and the movers, by hand', () => {
    const c = new EngagementCollector(model, ['2026-10-31', '2026-11-30'])
    for (const x of EV) c.add(x)
    const before = c.levelsAt(0)
    const after = c.levelsAt(1)
    expect(Object.fromEntries([...before].map(([k, v]) => [k, v.level]))).toEqual({a: 'core', b: 'dormant', d: 'new', e: 'dormant'})
    expect(Object.fromEntries([...after].map(([k, v]) => [k, v.level]))).toEqual({a: 'casual', b: 'core', c: 'new', e: 'dormant'})
    expect(levelCounts(model, before)).toEqual({core: 1, new: 1, casual: 0, dormant: 2})
    // the counts alone (the engagement score), without the map of every member
    expect(c.countsAt(0)).toEqual({members: 4, counts: {core: 1, new: 1, casual: 0, dormant: 2}})
    expect(c.countsAt(1)).toEqual({members: 4, counts: levelCounts(model, after)})
    expect(gravity(model, levelCounts(model, before))).toBe(9 + 1)
    expect(gravity(model, levelCounts(model, after))).toBe(9 + 1 + 4)
    const m = movement(model, before, after)
    expect(m.totals).toEqual({up: 1, held: 1, down: 1, joined: 1, left: 1})
    expect(m.moves).toEqual([
      {to: 'new', members: 1, direction: 'joined'},
      {from: 'core', to: 'casual', members: 1, direction: 'down'},
      {from: 'new', members: 1, direction: 'left'},
      {from: 'dormant', to: 'core', members: 1, direction: 'up'},
      {from: 'dormant', to: 'dormant', members: 1, direction: 'held'},
    ])
    const mv = movers(model, before, after, 10)
    expect(mv.up.map((x) => x.member)).toEqual(['b', 'c'])
    expect(mv.down.map((x) => x.member)).toEqual(['d', 'a'])
  })

  it('levels from blocks of columns are the levels from events, at each date', () => {
    const dates = ['2026-10-31', '2026-11-30']
    const one = new EngagementCollector(model, dates)
    for (const x of EV) one.add(x)
    const columns = new EngagementCollector(model, dates)
    // small blocks sharing tables, so a member is looked up once and found again in later blocks
    for (const b of blocksOf(EV, 2)) columns.addBlock(b, new ZoneDays('Asia/Shanghai'))
    for (const i of [0, 1]) expect(columns.levelsAt(i)).toEqual(one.levelsAt(i))
  })

  it('the column blocks give the same levels as the events, blocks of a few events each', () => {
    const byEvent = new EngagementCollector(model, ['2026-10-31', '2026-11-30'])
    for (const x of EV) byEvent.add(x)
    const byBlock = new EngagementCollector(model, ['2026-10-31', '2026-11-30'])
    const zone = new ZoneDays(ZONE)
    for (const b of blocksOf([...EV, {...EV[0], member: 'qq:*', person: 'qq:*'}], 3)) byBlock.addBlock(b, zone)
    for (const i of [0, 1]) expect([...byBlock.levelsAt(i)]).toEqual([...byEvent.levelsAt(i)])
    expect(byEvent.levelsAt(1).size).toBe(4)
  })

  it('a leave at the same instant as another event counts as the latest, whatever the order of the lines', () => {
    const post = e('2026-11-20', 'post', 'x')
    const leave = {...e('2026-11-20', 'leave', 'x'), ts: post.ts}
    for (const order of [
      [post, leave],
      [leave, post],
    ]) {
      const c = new EngagementCollector(model, ['2026-11-30'])
      for (const x of order) c.add(x)
      expect(c.levelsAt(0).has('x')).toBe(false)
    }
  })

  it('the commands’ services and the scorecard’s engagement_score read the same model from a workspace', async () => {
    await importLines(EV.map(({person: _p, ...x}) => ({...x, member: `qq:${x.member}`})))
    const wsE: IncentivesWorkspace = {root, community: {timezone: ZONE, engagement: model}}
    const lv = await engagementLevels(wsE, store, {period: '2026-11', now: NOW})
    expect(lv.previous.to).toBe('2026-10-31')
    // the model as used: what a reader needs to redo the classification (the speed bench builds its SQL from it)
    expect(lv.weights).toEqual({post: 1, answer: 3})
    expect(lv.levels.map((l) => [l.id, l.minScore, l.newWithinDays])).toEqual([
      ['core', 5, undefined],
      ['new', undefined, 7],
      ['casual', 1, undefined],
      ['dormant', undefined, undefined],
    ])
    expect(lv.levels.map((l) => [l.id, l.members, l.before, l.change])).toEqual([
      ['core', 1, 1, 0],
      ['new', 1, 1, 0],
      ['casual', 1, 0, 1],
      ['dormant', 1, 2, -1],
    ])
    expect(lv.gravity).toEqual({now: 14, before: 10, change: 4})
    const g = await engagementGravity(wsE, store, {period: '2026-11', limit: 1, now: NOW})
    expect(g.movers.up.map((x) => x.member)).toEqual(['qq:b'])
    const set = await computeMetrics({root, community: {timezone: ZONE, goals: [], engagement: model}}, store, {period: '2026-11', now: NOW})
    expect(set.values.find((v) => v.id === 'engagement_score')).toMatchObject({
      value: 14,
      inputs: {members: 4, core: 1, new: 1, casual: 1, dormant: 1},
    })
    expect((await standings(wsE, store, {at: '2026-11-30'})).get('qq:b')?.level).toBe('core')
  })
})

describe('member extras', () => {
  it('the levels made from the blocks of members list’s own scan are those the extras read by themselves', async () => {
    const event = fc.record({
      day: fc.integer({min: 0, max: 45}),
      minute: fc.integer({min: 0, max: 1439}),
      offset: fc.constantFrom('+08:00', 'Z', '-05:00', '+14:00'),
      type: fc.constantFrom('post', 'reply', 'answer', 'reaction', 'join', 'leave', 'content_view'),
      member: fc.constantFrom('qq:1', 'qq:2', 'qq:3', 'discord:7', 'wechat:x', 'qq:*'),
    })
    const first = Date.UTC(2026, 9, 20)
    const engagement = {
      windowDays: 7,
      levels: [
        {id: 'core', minScore: 4, weight: 3},
        {id: 'new', newWithinDays: 5, weight: 1},
        {id: 'dormant', weight: 0},
      ],
    }
    await fc.assert(
      fc.asyncProperty(fc.array(event, {minLength: 1, maxLength: 30}), fc.boolean(), async (list, link) => {
        root = await mkdtemp(path.join(os.tmpdir(), 'commops-extras-'))
        store = Store.at(root)
        ws = {root, community: {timezone: ZONE, incentives, engagement}}
        const lines = list.map((e, n) => {
          const local = new Date(first + e.day * 86_400_000 + e.minute * 60_000).toISOString().slice(0, 19)
          return {ts: `${local}${e.offset}`, type: e.type, member: e.member, src: `p:${n}`}
        })
        await importLines(lines)
        if (link) await linkMembers(store, ['qq:1', 'discord:7'], {now: NOW})
        await recomputePoints(ws, store, {now: NOW})
        const fed = await incentiveExtras(ws, store, {now: NOW, locale: 'en'})
        const {members} = await listMembers(store, {zone: ZONE, now: NOW, locale: 'en', limit: 100, extras: fed})
        const own = await incentiveExtras(ws, store, {now: NOW, locale: 'en'})
        await own.scan!.ready(false)
        const all = await standings(ws, store, {now: NOW})
        for (const m of members) {
          expect(m.extras).toEqual(own.get(m.key))
          expect(fed.absent!(m.key, 'level')).toBe(own.absent!(m.key, 'level'))
          expect(m.extras?.level).toBe(all.get(m.key)?.level)
        }
        await rm(root, {recursive: true, force: true})
      }),
      {numRuns: 25},
    )
  })
})
