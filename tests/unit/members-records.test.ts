import fc from 'fast-check'
import iconv from 'iconv-lite'
import writeExcelFile from 'write-excel-file/node'
import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {importEvents} from '../../src/events/service.js'
import {summarizeActivity} from '../../src/members/activity.js'
import {allContributors, exportRows, pseudonym} from '../../src/members/export.js'
import {readPersons, readRecords} from '../../src/members/io-records.js'
import {resolvePersons} from '../../src/members/identity.js'
import {ResponseBatchFile} from '../../src/survey/io-responses.js'
import {mapRecordColumns, mergeRecords, parseJoined, parseRecordMap, presentFields, readRecordRow} from '../../src/members/records.js'
import type {MemberRecord} from '../../src/members/records.js'
import {firstRows, memberRows, sortRows, type MemberRow} from '../../src/members/records-view.js'
import {buildSegments} from '../../src/members/segments.js'
import {exportMembers, importMembers, listMembers, memberSegments, showMember} from '../../src/members/service.js'
import {Store, upgradeDb} from '../../src/store/index.js'
import type {SurveyDoc, SurveyResponse} from '../../src/survey/types.js'
import type {ResolvedEvent} from '../../src/events/stats.js'
import {initWorkspace} from '../../src/workspace/init.js'

const ZONE = 'Asia/Shanghai'
/** Thursday 2026-11-26, noon in Shanghai. */
const NOW = new Date('2026-11-26T04:00:00Z')

const ev = (ts: string, type: string, member: string, n: number) => ({ts: `${ts}+08:00`, type, member, channel: 'main', src: `t:${n}`})
const EVENTS = [
  ev('2026-10-01T09:00:00', 'join', 'qq:1', 1),
  ev('2026-10-01T10:00:00', 'post', 'qq:1', 2),
  ev('2026-10-02T10:00:00', 'reply', 'qq:1', 3),
  ev('2026-10-08T10:00:00', 'post', 'qq:1', 4),
  ev('2026-11-05T10:00:00', 'post', 'qq:1', 5),
  ev('2026-11-20T10:00:00', 'reaction', 'qq:1', 6),
  ev('2026-11-21T10:00:00', 'post', 'wechat:a', 7),
  ev('2026-11-01T10:00:00', 'join', 'qq:2', 8),
  ev('2026-11-02T10:00:00', 'post', 'qq:2', 9),
  ev('2026-11-25T10:00:00', 'post', 'discord:9', 10),
]

/** Line 1 is the header: M1–M3 are kept; lines 5–8 are rejected (bad date, no key, M2 twice, qq:1 taken by M1). */
const SHEET = [
  '编号,姓名,QQ,微信,地区,职业,兴趣,标签,加入时间',
  'M1,王芳,1,a,上海,设计师,摄影、旅行,志愿者,2026/10/1',
  'M2,李雷,2,,北京,学生,摄影,,2026-11-01',
  'M3,韩梅,3,,上海,教师,,,2026年9月1日',
  'M4,坏日期,4,,上海,,,,2026-13-01',
  ',无键,,,,,,,',
  'M2,重复,5,,,,,,',
  'M5,抢号,1,,,,,,',
].join('\r\n')

let root: string
let store: Store

beforeAll(async () => {
  root = path.join(await mkdtemp(path.join(os.tmpdir(), 'commops-members-')), 'ws')
  await initWorkspace({dir: root, name: 'x', locale: 'zh-CN', timezone: ZONE, platforms: [], type: 'brand'})
  store = Store.at(root)
  await writeFile(path.join(root, 'events.ndjson'), EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n')
  await importEvents(store, {path: path.join(root, 'events.ndjson'), display: 'events.ndjson', zone: ZONE, now: NOW})
  // GBK with Chinese headers, as Excel on a Chinese Windows saves a CSV
  await writeFile(path.join(root, 'members.csv'), iconv.encode(SHEET, 'gbk'))
})

describe('reading a member sheet', () => {
  it('maps Chinese and English headers, platform columns and --map; other columns stay attributes', () => {
    const {columns} = mapRecordColumns(['姓名', 'QQ号', 'WeChat', 'Joined At', '会员等级', '昵称'], parseRecordMap(['昵称=name,QQ号=ignore']))
    expect(columns.map((c) => c.target)).toEqual([
      {extra: '姓名'}, // --map names another column as the name
      {ignore: true},
      {platform: 'wechat'},
      {field: 'joined'},
      {extra: '会员等级'},
      {field: 'name'},
    ])
    expect(columns.map((c) => c.how)).toEqual(['extra', 'map', 'header', 'header', 'extra', 'map'])
    expect(() => parseRecordMap(['姓名=Name'])).toThrow(UsageError)
    expect(mapRecordColumns(['a'], parseRecordMap(['b=name'])).unknown).toEqual(['b'])
  })

  it('reads join dates as sheets write them, and refuses days that do not exist', () => {
    expect(['2026-06-01', '2026/6/1', '2026.6.1', '2026年6月1日', '2026-06-01 10:00:00'].map(parseJoined)).toEqual(Array(5).fill('2026-06-01'))
    expect(parseJoined('2026-02-30')).toBeUndefined()
    expect(parseJoined('六月')).toBeUndefined()
  })

  it('reads a row: platform ids get their prefix, lists split on 、 and commas', () => {
    const {columns} = mapRecordColumns(['姓名', 'QQ', 'ids', '兴趣'], new Map())
    expect(readRecordRow(2, ['王芳', '10002', 'discord:7 slack:U1', '摄影、旅行,摄影'], columns)).toEqual({
      row: {line: 2, name: '王芳', identities: ['qq:10002', 'discord:7', 'slack:U1'], interests: ['摄影', '旅行'], extra: {}},
    })
    expect(readRecordRow(3, ['x', '', 'nope', ''], columns)).toMatchObject({reject: {line: 3, reason: {key: 'members.records.reject.badIdentity'}}})
    expect(readRecordRow(4, ['only a name', '', '', ''], columns)).toMatchObject({reject: {reason: {key: 'members.records.reject.noKey'}}})
  })
})

describe('merging a re-import', () => {
  const old: MemberRecord[] = [
    {id: 'M1', name: '王芳', identities: ['qq:1'], region: '上海', tags: ['a'], updatedAt: 't0'},
    {id: 'M2', name: '李雷', identities: ['qq:2'], region: '北京', updatedAt: 't0'},
  ]
  it('updates by id or identity, keeps what the file has no column for, adds the rest', () => {
    const {columns} = mapRecordColumns(['QQ', '地区'], new Map())
    const rows = [
      {line: 2, identities: ['qq:1'], region: '杭州', extra: {}},
      {line: 3, identities: ['qq:2'], region: '北京', extra: {}},
      {line: 4, identities: ['qq:3'], extra: {}},
    ]
    const r = mergeRecords(old, rows, presentFields(columns), 't1')
    expect([r.added, r.updated, r.unchanged]).toEqual([1, 1, 1])
    expect(r.records).toEqual([
      {id: 'M1', name: '王芳', identities: ['qq:1'], region: '杭州', tags: ['a'], updatedAt: 't1'},
      {id: 'M2', name: '李雷', identities: ['qq:2'], region: '北京', updatedAt: 't0'},
      {id: 'qq:3', identities: ['qq:3'], updatedAt: 't1'},
    ])
  })

  it('joins the identities of a record into one person, keyed by its first; a person linked by hand takes the record in', () => {
    const people = [
      {id: 'P1', members: ['qq:1', 'wechat:x'], linkedAt: 'before'},
      {id: 'P2', members: ['qq:7', 'wechat:y'], linkedAt: 'before'},
    ]
    const records = [['qq:1', 'discord:1'], ['qq:5', 'discord:5'], ['qq:9'], ['discord:7', 'wechat:y', 'wechat:x']]
    const {index, members} = resolvePersons(people, records)
    expect(Object.fromEntries(index)).toEqual({
      'qq:1': 'P1',
      'wechat:x': 'P1',
      'discord:1': 'P1',
      'qq:5': 'qq:5',
      'discord:5': 'qq:5',
      // the last record holds identities of P1 and P2: one person, the lower-numbered
      'qq:7': 'P1',
      'wechat:y': 'P1',
      'discord:7': 'P1',
    })
    expect(members.get('P1')?.sort()).toEqual(['discord:1', 'discord:7', 'qq:1', 'qq:7', 'wechat:x', 'wechat:y'])
    expect(members.has('P2')).toBe(false)
    expect(members.get('qq:5')).toEqual(['qq:5', 'discord:5'])
  })
})

describe('members import, list, show, segments, export over a small workspace', () => {
  it('imports a GBK sheet with Chinese headers: rows rejected with their line and reason; a dry run writes nothing', async () => {
    const file = {full: path.join(root, 'members.csv'), display: 'members.csv'}
    const dry = await importMembers(store, {file, now: NOW, dryRun: true})
    expect(dry).toMatchObject({encoding: 'gb18030', added: 3, rows: 7, dryRun: true})
    expect((await store.read()).memberRecords).toEqual({})
    const r = await importMembers(store, {file, now: NOW})
    expect([r.added, r.updated, r.unchanged, r.links]).toEqual([3, 0, 0, 1])
    expect(r.rejected.map((x) => [x.line, x.reason.key.split('.').pop()])).toEqual([
      [5, 'badDate'],
      [6, 'noKey'],
      [7, 'duplicate'],
      [8, 'identityTaken'],
    ])
    const db = await store.read()
    // the record joins its identities from the records file: nothing in db.json
    expect(db.memberLinks).toEqual([])
    expect((await readPersons(root, db)).index.get('wechat:a')).toBe('qq:1')
    expect(db.memberRecords.snapshot).toMatchObject({file: 'MR1', count: 3})
    expect(JSON.stringify(db)).not.toContain('王芳') // personal data stays out of db.json
    const again = await importMembers(store, {file, now: NOW})
    expect([again.added, again.updated, again.unchanged, again.links]).toEqual([0, 0, 3, 0])
    expect((await store.read()).memberRecords.snapshot?.file).toBe('MR1')
  })

  it('re-imports an xlsx by identity: updates one record, keeps the others, sweeps the replaced file', async () => {
    const data = await writeExcelFile([
      ['QQ', '城市', '职业'],
      ['3', '杭州', '教师'],
    ]).toBuffer()
    await writeFile(path.join(root, 'update.xlsx'), data)
    const r = await importMembers(store, {file: {full: path.join(root, 'update.xlsx'), display: 'update.xlsx'}, now: NOW})
    expect([r.encoding, r.added, r.updated, r.total]).toEqual(['xlsx', 0, 1, 3])
    const db = await store.read()
    const records = await readRecords(root, db)
    expect(records.find((x) => x.id === 'M3')).toMatchObject({name: '韩梅', region: '杭州', joined: '2026-09-01'})
    expect((await readdir(path.join(root, '.commops', 'members'))).sort()).toEqual(['MR2.links.json', 'MR2.ndjson'])
  })

  it('people are read from the identities lists written beside the records, or from the records in an older workspace', async () => {
    const dir = path.join(root, '.commops', 'members')
    expect(JSON.parse(await readFile(path.join(dir, 'MR2.links.json'), 'utf8'))).toEqual([['qq:1', 'wechat:a']])
    // a workspace imported before the lists were written (or with a damaged one) scans the records file instead
    const older = path.join(path.dirname(root), 'older')
    await initWorkspace({dir: older, name: 'x', locale: 'zh-CN', timezone: ZONE, platforms: [], type: 'brand'})
    await writeFile(path.join(older, 'members.csv'), 'id,qq,wechat\nM1,7,b\nM2,8,\n')
    const olderStore = Store.at(older)
    await importMembers(olderStore, {file: {full: path.join(older, 'members.csv'), display: 'members.csv'}, now: NOW})
    await writeFile(path.join(older, '.commops', 'members', 'MR1.links.json'), '{"not": "lists"}')
    expect((await readPersons(older, await olderStore.read())).index.get('wechat:b')).toBe('qq:7')
  })

  it('lists members with activity columns, sorted and filtered', async () => {
    const base = {zone: ZONE, now: NOW, locale: 'zh-CN'}
    const all = await listMembers(store, {...base, sort: 'interactions'})
    expect(all.total).toBe(4)
    expect(all.members.map((m) => [m.id, m.interactions30d, m.interactions])).toEqual([
      ['M1', 3, 6],
      ['discord:9', 1, 1],
      ['M2', 1, 1],
      ['M3', 0, 0],
    ])
    expect((await listMembers(store, {...base, where: ['兴趣=摄影']})).members.map((m) => m.id)).toEqual(['M2', 'M1'])
    expect((await listMembers(store, {...base, where: ['region=杭州']})).members.map((m) => m.id)).toEqual(['M3'])
    await expect(listMembers(store, {...base, where: ['nope=1']})).rejects.toThrow(UsageError)
  })

  it('shows a member by any identity: activity by hand, incidents and tasks by name', async () => {
    await store.update((db) => {
      db.incidents.push({id: 'I1', member: 'wechat:a', rule: 'r1', severity: 'low', rung: 'warn', at: '2026-11-22T00:00:00Z', recordedAt: 'x'})
      db.tasks.push({id: 'T1', title: '欢迎新人', owner: '王芳', status: 'open', createdAt: 'x'})
    })
    const p = await showMember(store, {ref: 'wechat:a', zone: ZONE, now: NOW})
    expect(p).toMatchObject({id: 'M1', key: 'qq:1', name: '王芳', identities: ['qq:1', 'wechat:a']})
    expect(p.activity).toEqual({
      firstSeen: '2026-10-01T09:00:00+08:00',
      lastSeen: '2026-11-21T10:00:00+08:00',
      events: 7,
      interactions: 6,
      interactions30d: 3,
      byType: {join: 1, post: 4, reply: 1, reaction: 1},
      activeDays: 6,
      // weeks of Sep 28 and Oct 5 in a row; this week (Nov 23) has nothing yet, last week (Nov 16) does
      currentWeeklyStreak: 1,
      longestWeeklyStreak: 2,
    })
    expect(p.incidents.map((i) => i.id)).toEqual(['I1'])
    expect(p.tasks.map((t) => t.id)).toEqual(['T1'])
    expect((await showMember(store, {ref: '王芳', zone: ZONE, now: NOW})).id).toBe('M1')
    expect((await showMember(store, {ref: 'discord:9', zone: ZONE, now: NOW})).activity.events).toBe(1)
    await expect(showMember(store, {ref: 'qq:404', zone: ZONE, now: NOW})).rejects.toThrow(UsageError)
  })

  it('segments by region: share, active share, D30 retention, small-sample flags', async () => {
    const s = await memberSegments(store, {by: ['地区'], zone: ZONE, now: NOW})
    expect([s.from, s.to, s.total]).toEqual(['2026-10-28', '2026-11-26', 4])
    const order = ['上海', '杭州', '北京', null]
    const rows = s.segments.map((g) => [g.values.region, g.count, g.share, g.activeShare, g.retention, g.small])
    expect(s.segments.at(-1)?.values.region).toBeNull() // unknown last
    expect(rows.sort((a, b) => order.indexOf(a[0] as string) - order.indexOf(b[0] as string))).toEqual([
      // M1 (joined Oct 1, interacted Nov 21) is retained; M3 (Sep 1, never) is not
      ['上海', 1, 0.25, 1, {eligible: 1, retained: 1, rate: 1}, true],
      ['杭州', 1, 0.25, 0, {eligible: 1, retained: 0, rate: 0}, true],
      // M2 joined Nov 1: not 30 days yet
      ['北京', 1, 0.25, 1, {eligible: 0, retained: 0, rate: null}, true],
      [null, 1, 0.25, 1, {eligible: 0, retained: 0, rate: null}, true],
    ])
  })

  it('segments join the latest survey with a member column: responses by identity or record id', async () => {
    const doc = {
      apiVersion: 'commops/v1',
      kind: 'Survey',
      name: 'q',
      title: 'q',
      questions: [
        {id: 'nps', type: 'nps', text: 'x'},
        {id: 'sat', type: 'likert', scale: 5, text: 'y'},
      ],
    } as unknown as SurveyDoc
    const response = (member: string, nps: number, sat: number): SurveyResponse => ({
      survey: 'S1',
      rowHash: member,
      source: {file: 'r.csv', line: 2},
      member,
      answers: {nps, sat},
      fields: {},
      ingestedAt: NOW.toISOString(),
    })
    // wechat:a is M1 (上海), M3 is in 杭州 since the xlsx, qq:2 is M2 (北京); qq:77 is nobody
    const file = ResponseBatchFile.create(root, 'S1')
    for (const r of [response('wechat:a', 10, 5), response('M3', 3, 2), response('qq:2', 8, 4), response('qq:77', 0, 1)]) file.add(JSON.stringify(r))
    file.sync()
    await store.update(async (db) => {
      db.surveys.S1 = {id: 'S1', name: 'q', locale: 'zh-CN', doc, createdAt: 'x'}
      await file.commit('RB1')
      db.responseBatches.push({id: 'RB1', survey: 'S1', source: 'r.csv', responses: 4, ingestedAt: NOW.toISOString()})
    })
    const s = await memberSegments(store, {by: ['region'], zone: ZONE, now: NOW})
    expect(s.survey).toBe('S1')
    const by = Object.fromEntries(s.segments.map((g) => [String(g.values.region), [g.nps, g.csat, g.respondents]]))
    expect(by).toEqual({上海: [100, 1, 1], 杭州: [-100, 0, 1], 北京: [0, 1, 1], null: [null, null, 0]})
  })

  it('exports only the asked fields; anonymized, no original id, name or identity, the same pseudonyms every time', async () => {
    const base = {format: 'json' as const, zone: ZONE, now: NOW, projectName: 'x'}
    const plain = JSON.parse((await exportMembers(store, {...base, fields: ['id', 'region']})).text) as object[]
    expect(plain).toContainEqual({id: 'M1', region: '上海'})
    const fields = ['id', 'name', 'identities', 'region']
    const anon = await exportMembers(store, {...base, fields, anonymize: true})
    // pseudonyms are hex, so compare whole values (`wechat:a…` may well start like `wechat:a`)
    const values = (JSON.parse(anon.text) as Array<Record<string, string | string[] | null>>).flatMap((m) => Object.values(m).flat())
    for (const secret of ['M1', 'M2', 'M3', '王芳', '李雷', '韩梅', 'wechat:a', 'discord:9', 'qq:1', 'qq:2', 'qq:3']) {
      expect(values).not.toContain(secret)
      expect(values.some((v) => v?.includes(secret) && !/^[a-z]+:[0-9a-f]{12}$/.test(v))).toBe(false)
    }
    expect(anon.text).toContain('杭州')
    expect((await exportMembers(store, {...base, fields, anonymize: true})).text).toBe(anon.text)
    const csv = await exportMembers(store, {...base, format: 'csv', fields: ['id', 'name'], anonymize: true})
    expect(csv.text.split('\n')[0]).toBe('id,name')
    expect(csv.text).not.toMatch(/王芳|M1\b/)
    await expect(exportMembers(store, {...base, fields: ['id', 'points']})).rejects.toThrow(UsageError)
  })
})

describe('pure pieces', () => {
  const e = (ts: string, type: string, person = 'p'): ResolvedEvent => ({ts, type, member: 'x:1', person, src: ts}) as ResolvedEvent

  it('counts a weekly streak that runs into last week, and none after a gap', () => {
    const days = ['2026-11-02', '2026-11-09', '2026-11-16'].map((d) => e(`${d}T10:00:00+08:00`, 'post'))
    expect(summarizeActivity(days, '2026-11-26')).toMatchObject({currentWeeklyStreak: 3, longestWeeklyStreak: 3, activeDays: 3})
    expect(summarizeActivity(days, '2026-12-03')).toMatchObject({currentWeeklyStreak: 0, longestWeeklyStreak: 3})
  })

  it('pseudonyms depend on the secret and cannot be told apart from chance', () => {
    expect(pseudonym('s1', 'id', 'M1')).toBe(pseudonym('s1', 'id', 'M1'))
    expect(pseudonym('s1', 'id', 'M1')).not.toBe(pseudonym('s2', 'id', 'M1'))
    expect(pseudonym('s1', 'id', 'M1')).toMatch(/^[0-9a-f]{12}$/)
  })

  it('segments carry the latest survey’s NPS and CSAT over their respondents', () => {
    const records: MemberRecord[] = [
      {id: 'A', identities: ['qq:1'], region: '上海', updatedAt: ''},
      {id: 'B', identities: ['qq:2'], region: '上海', updatedAt: ''},
      {id: 'C', identities: ['qq:3'], region: '北京', updatedAt: ''},
    ]
    const none = {keys: () => [], get: () => ({interactions: 0, recent: 0})}
    const rows = memberRows(records, resolvePersons([]), none)
    const doc = {
      questions: [
        {id: 'nps', type: 'nps', text: 'x'},
        {id: 'sat', type: 'likert', scale: 5, text: 'y'},
      ],
    } as unknown as SurveyDoc
    const r = (nps: number, sat: number) => ({answers: {nps, sat}}) as unknown as SurveyResponse
    const byKey = new Map([
      ['qq:1', [r(10, 5)]],
      ['qq:2', [r(3, 2)]],
      ['qq:3', [r(8, 4)]],
    ])
    const t = buildSegments(rows, ['region'], {period: [0, 0], survey: {doc, byKey}})
    // 上海: one promoter, one detractor → 0; one of two in the top two boxes → 0.5. 北京: a passive → 0; 4 of 5 → 1.
    expect(t.segments.map((s) => [s.values.region, s.nps, s.csat, s.respondents])).toEqual([
      ['上海', 0, 0.5, 2],
      ['北京', 0, 1, 1],
    ])
  })

  it('segments keep members with no value for a known reason (who left, by level) apart from the unknown, before them', () => {
    const records: MemberRecord[] = ['A', 'B', 'C', 'D', 'E'].map((id, k) => ({id, identities: [`qq:${k + 1}`], updatedAt: ''}))
    const none = {keys: () => [], get: () => ({interactions: 0, recent: 0})}
    const levels: Record<string, {level?: string; left?: true}> = {'qq:1': {level: 'core'}, 'qq:2': {left: true}, 'qq:3': {left: true}, 'qq:4': {}}
    const extras = {
      fields: ['level'],
      get: (key: string) => (key in levels ? {level: levels[key].level} : undefined),
      absent: (key: string, field: string) => (field === 'level' && levels[key]?.left ? 'left' : undefined),
    }
    const rows = memberRows(records, resolvePersons([]), none, extras)
    const t = buildSegments(rows, ['level'], {period: [0, 0], absent: (r, f) => extras.absent(r.key, f)})
    // the unknown (qq:4 never active, qq:5 without any standing) are the larger group, and still last
    expect(t.segments.map((s) => [s.values.level, s.absent, s.count])).toEqual([
      ['core', undefined, 1],
      [null, {level: 'left'}, 2],
      [null, undefined, 2],
    ])
    expect(Object.keys(t.segments[2])).not.toContain('absent')
    // without a reason given, they are one unknown group, as before
    expect(buildSegments(rows, ['level'], {period: [0, 0]}).segments.map((s) => [s.values.level, s.count])).toEqual([
      ['core', 1],
      [null, 4],
    ])
  })

  it('firstRows gives the first rows of sortRows, whatever the sort, the ties and the limit', () => {
    const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, {nil: undefined})
    const row = fc.record({
      id: fc.constantFrom('M1', 'M2', 'M10', 'm1', 'A', 'ä', '王'),
      name: maybe(fc.constantFrom('王芳', '李雷', 'Anna', 'anna', 'Émile', 'Zoë', '')),
      joined: maybe(fc.constantFrom('2026-01-01', '2026-02-01', '2025-12-31')),
      lastSeen: maybe(fc.constantFrom('2026-11-02T10:00:00+08:00', '2026-11-02T10:00:00-05:00', '2026-10-01T00:00:00+00:00')),
      recent: fc.integer({min: 0, max: 3}),
      points: maybe(fc.constantFrom(0, 1.5, 10, -2)),
      level: maybe(fc.constantFrom('core', 'dormant', 'new')),
    })
    const rowsOf = (list: Array<typeof row extends fc.Arbitrary<infer T> ? T : never>): MemberRow[] =>
      list.map((r, k) => ({
        key: `qq:${k}`,
        // a row without a record is known by its key
        ...(r.id === 'A'
          ? {}
          : {
              record: {
                id: r.id,
                identities: [`qq:${k}`],
                updatedAt: '',
                ...(r.name !== undefined ? {name: r.name} : {}),
                ...(r.joined ? {joined: r.joined} : {}),
              },
            }),
        identities: [`qq:${k}`],
        activity: {interactions: r.recent, recent: r.recent, ...(r.lastSeen ? {firstSeen: r.lastSeen, lastSeen: r.lastSeen} : {})},
        extras: {points: r.points, level: r.level},
      }))
    fc.assert(
      fc.property(
        fc.array(row, {maxLength: 40}),
        fc.constantFrom('name', 'last-seen', 'interactions', 'joined', 'points', 'level'),
        fc.constantFrom('en', 'zh-CN'),
        fc.integer({min: 1, max: 45}),
        (list, sort, locale, limit) => {
          const rows = rowsOf(list)
          expect(firstRows(rows, sort, locale, limit)).toEqual(sortRows(rows, sort, locale).slice(0, limit))
        },
      ),
      {numRuns: 500},
    )
  })

  it('all-contributors: contributions from events and tags; members with none are left out', () => {
    const records: MemberRecord[] = [
      {id: 'A', name: '甲', identities: ['github:octo'], tags: ['translation', '志愿者'], updatedAt: ''},
      {id: 'B', identities: ['qq:2'], updatedAt: ''},
      {id: 'C', identities: ['qq:3'], updatedAt: ''},
    ]
    const rows = memberRows(records, resolvePersons([]), {keys: () => [], get: () => ({interactions: 0, recent: 0})})
    const types = new Map([['qq:2', {answer: 2, post: 1}]])
    expect(allContributors(rows, types, {projectName: 'p'})).toEqual({
      projectName: 'p',
      contributors: [
        {login: 'octo', name: '甲', avatar_url: '', profile: 'https://github.com/octo', contributions: ['translation']},
        {login: 'B', name: 'B', avatar_url: '', profile: '', contributions: ['question']},
      ],
    })
    expect(exportRows(rows, ['id', 'tags'])[0]).toEqual({id: 'A', tags: ['translation', '志愿者']})
  })

  it('store version 3 adds the member records index to an older store', () => {
    const db = upgradeDb({version: 2, tasks: []})
    expect(db.memberRecords).toEqual({})
  })
})
