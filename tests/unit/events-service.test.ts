/** importEvents and the reader on a real disk: batches, de-duplication, crashes, dry runs, links. */
import {mkdtemp, readdir, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {beforeEach, describe, expect, it, vi} from 'vitest'
import * as discord from '../../src/events/import/discord.js'
import {readEvents, ZIP_LIMITS} from '../../src/events/io.js'
import {eventStats, importEvents, listEvents, type ImportRequest} from '../../src/events/service.js'
import {linkMembers, unlinkMembers} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'
import {makeZip} from '../helpers/events.js'
import {treeHash} from '../helpers/workspace.js'

let root: string
let store: Store

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'commops-events-'))
  store = Store.at(root)
})

const MONTHS = ['01', '02', '03', '04', '05', '06']
/** A sheet with one row per day of the given months (2026, community time). */
function sheet(months: string[]): string {
  const rows = ['时间,昵称,类型,群']
  for (const m of months) for (let d = 1; d <= 28; d++) rows.push(`2026-${m}-${String(d).padStart(2, '0')} 20:00,member${d % 5},发言,main`)
  return rows.join('\n')
}

async function file(name: string, text: string | Buffer): Promise<string> {
  const p = path.join(root, 'data', name)
  await writeFile(p, text).catch(async () => {
    await import('node:fs/promises').then((fs) => fs.mkdir(path.dirname(p), {recursive: true}))
    await writeFile(p, text)
  })
  return p
}

const req = (p: string, extra: Partial<ImportRequest> = {}): ImportRequest => ({
  path: p,
  display: path.relative(root, p),
  zone: 'Asia/Shanghai',
  now: new Date('2026-12-02T00:00:00Z'),
  map: ['时间=ts,昵称=member,类型=type,群=channel'],
  ...extra,
})

const eventsDir = () => path.join(root, '.commops', 'events')

describe('importEvents', () => {
  it('writes a batch file and its index entry; the same export again adds nothing', async () => {
    const p = await file('q1.csv', sheet(MONTHS.slice(0, 3)))
    const first = await importEvents(store, req(p))
    expect(first).toMatchObject({format: 'csv', batch: 'B1', added: 84, duplicates: 0, rejectedCount: 0})
    const db = await store.read()
    expect(db.eventBatches).toHaveLength(1)
    expect(db.eventBatches[0]).toMatchObject({
      id: 'B1',
      source: 'data/q1.csv',
      events: 84,
      from: '2026-01-01T20:00:00+08:00',
      to: '2026-03-28T20:00:00+08:00',
    })
    expect(db.eventBatches[0].hash).toMatch(/^[0-9a-f]{64}$/)
    expect((await readFile(path.join(eventsDir(), 'B1.ndjson'), 'utf8')).trim().split('\n')).toHaveLength(84)

    const again = await importEvents(store, req(p))
    expect(again).toMatchObject({added: 0, duplicates: 84})
    expect(again.batch).toBeUndefined()
    expect((await store.read()).eventBatches).toHaveLength(1)
    expect((await readdir(eventsDir())).sort()).toEqual(['B1.cols', 'B1.ndjson', 'B1.rejects.ndjson', 'B1.srcs'])
  })

  it('an overlapping later export (Jan–Jun after Jan–Mar) adds only the new months', async () => {
    await importEvents(store, req(await file('q1.csv', sheet(MONTHS.slice(0, 3)))))
    const half = await importEvents(store, req(await file('h1.csv', sheet(MONTHS))))
    expect(half).toMatchObject({batch: 'B2', added: 84, duplicates: 84, from: '2026-04-01T20:00:00+08:00'})
    const all = []
    for await (const e of readEvents(root, await store.read())) all.push(e)
    expect(all).toHaveLength(168)
    expect(new Set(all.map((e) => e.src)).size).toBe(168)
  })

  it('an import that fails mid-stream leaves nothing referenced and no files; running it again works', async () => {
    const messages = Array.from({length: 50}, (_, i) => ({id: String(i + 1), timestamp: '2026-11-01T10:00:00Z', author: {id: 'u1'}}))
    const p = await file('general.json', JSON.stringify({guild: {id: '1'}, channel: {id: '2', name: 'general'}, messages}))
    const real = discord.parseDiscord
    const spy = vi.spyOn(discord, 'parseDiscord').mockImplementation(async function* (bytes, ctx) {
      let n = 0
      for await (const items of real(bytes, ctx)) {
        for (const item of items) {
          if (++n === 30) throw new Error('disk pulled out')
          yield [item]
        }
      }
    })
    await expect(importEvents(store, req(p, {map: undefined}))).rejects.toThrow('disk pulled out')
    spy.mockRestore()
    expect((await store.read()).eventBatches).toEqual([])
    expect(await readdir(eventsDir())).toEqual([])
    expect(await importEvents(store, req(p, {map: undefined}))).toMatchObject({added: 50, batch: 'B1'})
  })

  it('a truncated JSON export is a located error and writes nothing', async () => {
    const p = await file(
      'cut.json',
      '{"guild": {"id": "1"}, "channel": {"id": "2"}, "messages": [{"id": "1", "timestamp": "2026-11-01T10:00:00Z", "author": {"id": "u"}}, {"id": "2"',
    )
    await expect(importEvents(store, req(p, {map: undefined}))).rejects.toMatchObject({
      msg: {key: 'events.json.syntax'},
      location: {file: 'data/cut.json'},
    })
    expect(await readdir(eventsDir())).toEqual([])
  })

  describe('well-formed JSON of the wrong shape is refused, located, with the format named; nothing is written', () => {
    const GOOD = '{"id": "9", "timestamp": "2026-11-01T10:00:00Z", "author": {"id": "u"}}'
    const cases: Array<[string, string, ImportRequest['from'], string, RegExp]> = [
      ['messages a string', '{"guild": {"id": "1"}, "messages": "nope"}', 'discord', 'events.json.shape', /^messages$/],
      ['no messages', '{"guild": {"id": "1"}, "channel": {"id": "2"}}', 'discord', 'events.json.shape', /^messages$/],
      ['an array as Discord', `[${GOOD}]`, 'discord', 'events.json.shapeTop', /^$/],
      ['events before a bad key', `{"messages": [${GOOD}], "messages": {"x": 1}}`, 'discord', 'events.json.shape', /^messages$/],
      ['an array as Telegram', '[1,2,3]', 'telegram', 'events.json.shapeTop', /^$/],
      ['Telegram messages an object', '{"name": "x", "id": 1, "messages": {"1": {}}}', 'telegram', 'events.json.shape', /^messages$/],
      ['Discourse latest_posts a string', '{"latest_posts": "x"}', 'discourse', 'events.json.shape', /^latest_posts$/],
      ['Discourse post_stream without posts', '{"post_stream": {"stream": [1]}}', 'discourse', 'events.json.shape', /^post_stream\.posts$/],
      ['Discourse topic_list a list', '{"users": [], "topic_list": []}', 'discourse', 'events.json.shape', /^topic_list$/],
      ['Discourse users an object', '{"users": {}, "topic_list": {"topics": []}}', 'discourse', 'events.json.shape', /^users$/],
      ['an object Discourse does not send', '{"posts": []}', 'discourse', 'events.discourse.none', /.*/],
    ]
    it.each(cases)('%s', async (_, text, from, key, at) => {
      const p = await file('wrong.json', text)
      const error = await importEvents(store, req(p, {map: undefined, from})).then(
        () => undefined,
        (e: unknown) => e as {msg: {key: string; params?: {path?: string}}; location: unknown; hint: {key: string}; exitCode: number},
      )
      expect(error, 'refused').toBeDefined()
      expect(error!.msg.key).toBe(key)
      expect(error!.msg.params?.path ?? '').toMatch(at)
      expect(error!.location).toEqual({file: 'data/wrong.json'})
      expect(error!.hint.key).toBe(`events.shape.hint.${from}`)
      expect(error!.exitCode).toBe(1)
      expect(await readdir(eventsDir()).catch(() => [])).toEqual([])
      expect((await store.read()).eventBatches).toEqual([])
    })

    it('a Slack export whose channel lists or day files are not arrays, or a zip of something else', async () => {
      const zips: Array<[Array<{name: string; data: string}>, string, string]> = [
        [[{name: 'channels.json', data: '{"id": "C1"}'}], 'events.json.shape', 'channels.json'],
        [
          [
            {name: 'channels.json', data: '[{"id": "C1", "name": "general"}]'},
            {name: 'general/2026-06-01.json', data: '{"ts": "1"}'},
          ],
          'events.json.shape',
          'general/2026-06-01.json',
        ],
        [[{name: 'notes/readme.json', data: '[]'}], 'events.slack.none', ''],
      ]
      for (const [entries, key, at] of zips) {
        const p = await file('slack.zip', await makeZip(entries))
        await expect(importEvents(store, req(p, {map: undefined, from: 'slack'}))).rejects.toMatchObject({
          msg: {key, ...(at ? {params: {path: at}} : {})},
          location: {file: 'data/slack.zip'},
          hint: {key: 'events.shape.hint.slack'},
        })
      }
      expect((await store.read()).eventBatches).toEqual([])
    })

    it('elements of the right array that are not messages are rejected rows, each located; the rest is imported', async () => {
      const p = await file(
        'mixed.json',
        `{"guild": {"id": "1"}, "messages": [1, "x", null, {"id": "8"}, {"id": "7", "author": {"id": "u"}}, ${GOOD}]}`,
      )
      const r = await importEvents(store, req(p, {map: undefined, from: 'discord'}))
      expect(r.added).toBe(1)
      expect(r.rejected.map((x) => [x.at, x.reason.key])).toEqual([
        ['data/mixed.json:messages[0]', 'events.reject.notObject'],
        ['data/mixed.json:messages[1]', 'events.reject.notObject'],
        ['data/mixed.json:messages[2]', 'events.reject.notObject'],
        ['data/mixed.json:messages[3]', 'events.reject.noMember'],
        ['data/mixed.json:messages[4]', 'events.reject.noTime'],
      ])
      expect(r.rejected[4].reason.params).toEqual({field: 'timestamp'})
    })
  })

  it('sweeps what a killed import left: temp files of dead processes and batch files no index names', async () => {
    await importEvents(store, req(await file('q1.csv', sheet(MONTHS.slice(0, 1)))))
    await writeFile(path.join(eventsDir(), '.tmp-999999999-dead.ndjson'), '{"half":')
    await writeFile(path.join(eventsDir(), '.batch.ndjson.999999999.0a1b2c3d.tmp'), '{"half":')
    const live = path.join(eventsDir(), `.batch.srcs.${process.pid}.0a1b2c3d.tmp`)
    await writeFile(live, '')
    await writeFile(path.join(eventsDir(), 'B7.ndjson'), '{}\n')
    await writeFile(path.join(eventsDir(), 'B7.cols'), 'x')
    await writeFile(path.join(eventsDir(), '.batch.cols.999999999.0a1b2c3d.tmp'), 'x')
    await importEvents(store, req(await file('q2.csv', sheet(MONTHS.slice(1, 2)))))
    // a live process's temp file (this one's) is kept
    expect((await readdir(eventsDir())).sort()).toEqual(
      ['B1.cols', 'B1.ndjson', 'B1.rejects.ndjson', 'B1.srcs', 'B2.cols', 'B2.ndjson', 'B2.rejects.ndjson', 'B2.srcs', path.basename(live)].sort(),
    )
  })

  it('refuses to record a batch when another import committed meanwhile', async () => {
    const p = await file('q1.csv', sheet(MONTHS.slice(0, 1)))
    const q = await file('q2.csv', sheet(MONTHS.slice(1, 2)))
    const read = store.read.bind(store)
    let sneaked = false
    vi.spyOn(store, 'read').mockImplementation(async () => {
      const snapshot = await read()
      if (!sneaked) {
        sneaked = true
        await importEvents(Store.at(root), req(q))
      }
      return snapshot
    })
    await expect(importEvents(store, req(p))).rejects.toMatchObject({msg: {key: 'events.import.concurrent'}})
    vi.restoreAllMocks()
    expect((await store.read()).eventBatches.map((b) => b.source)).toEqual(['data/q2.csv'])
    expect(await importEvents(store, req(p))).toMatchObject({added: 28})
  })

  it('a dry run reports counts and samples and writes nothing', async () => {
    const p = await file('q1.csv', sheet(MONTHS.slice(0, 1)) + '\nnot a time,x,发言,main')
    const before = await treeHash(root)
    const dry = await importEvents(store, req(p, {dryRun: true}))
    expect(dry).toMatchObject({dryRun: true, added: 28, rejectedCount: 1})
    expect(dry.batch).toBeUndefined()
    expect(dry.samples).toHaveLength(5)
    expect(dry.rejected).toEqual([{at: 'data/q1.csv:30', reason: {key: 'events.reject.badTime', params: {value: 'not a time'}}}])
    const after = await treeHash(root)
    delete before['.commops/'] // the events folder may be created, empty
    delete after['.commops/']
    delete after['.commops/events/']
    expect(after).toEqual(before)
  })

  it('lists every rejected row in the batch rejects file', async () => {
    const bad = Array.from({length: 150}, (_, i) => `2026-02-30 10:${String(i % 60).padStart(2, '0')},m,发言,main`)
    const p = await file('bad.csv', sheet(MONTHS.slice(0, 1)) + '\n' + bad.join('\n'))
    const r = await importEvents(store, req(p))
    expect(r).toMatchObject({rejectedCount: 150, rejectsFile: '.commops/events/B1.rejects.ndjson'})
    expect(r.rejected).toHaveLength(100)
    const lines = (await readFile(path.join(root, r.rejectsFile!), 'utf8')).trim().split('\n')
    expect(lines).toHaveLength(150)
    expect(JSON.parse(lines[149])).toMatchObject({at: 'data/bad.csv:179'})
  })

  it('saves a mapping as a preset and uses it', async () => {
    const p = await file('q1.csv', sheet(MONTHS.slice(0, 1)))
    await importEvents(store, req(p, {savePreset: 'mine', platform: 'wechat', dryRun: false}))
    expect((await store.read()).eventPresets.mine).toMatchObject({platform: 'wechat', map: {时间: 'ts'}})
    const q = await file('q2.csv', sheet(MONTHS.slice(1, 2)))
    expect(await importEvents(store, req(q, {map: undefined, preset: 'mine'}))).toMatchObject({added: 28})
    await expect(importEvents(store, req(q, {map: undefined, preset: 'nope'}))).rejects.toMatchObject({msg: {key: 'events.preset.unknown'}})
    await expect(importEvents(store, req(q, {map: undefined}))).rejects.toMatchObject({
      msg: {key: 'events.csv.needMap', params: {columns: '时间, 昵称, 类型, 群'}},
    })
  })
})

describe('Slack zips', () => {
  const users = JSON.stringify([{id: 'U1'}])
  const day = JSON.stringify([{type: 'message', user: 'U1', ts: '1793500001.000200'}])

  it('reads an export zipped inside a folder', async () => {
    const zip = await makeZip([
      {name: 'export/users.json', data: users},
      {name: 'export/channels.json', data: JSON.stringify([{id: 'C1', name: 'general'}])},
      {name: 'export/general/2026-11-01.json', data: day},
    ])
    const r = await importEvents(store, req(await file('export.zip', zip), {map: undefined}))
    expect(r).toMatchObject({format: 'slack', added: 1, samples: [{member: 'slack:U1', channel: 'general', src: 'slack:C1:1793500001.000200'}]})
  })

  it('refuses `../` entries and entries that claim to expand past the limits', async () => {
    const evil = await makeZip([
      {name: 'users.json', data: users},
      {name: '../general/2026-11-01.json', data: day},
    ])
    await expect(importEvents(store, req(await file('evil.zip', evil), {map: undefined}))).rejects.toMatchObject({msg: {key: 'events.zip.refused'}})
    const big = await makeZip([
      {name: 'users.json', data: users},
      {name: 'general/2026-11-01.json', data: day},
    ])
    const limit = ZIP_LIMITS.entryBytes
    ZIP_LIMITS.entryBytes = 20 // as if the day file expanded past the limit
    try {
      await expect(importEvents(store, req(await file('bomb.zip', big), {map: undefined}))).rejects.toMatchObject({
        msg: {key: 'events.zip.refused', params: {reason: 'size'}},
      })
    } finally {
      ZIP_LIMITS.entryBytes = limit
    }
    expect((await store.read()).eventBatches).toEqual([])
  })
})

describe('members link and the reader', () => {
  it('counts people, not accounts, once linked; lists a person’s events across accounts', async () => {
    const text = [
      '{"ts":"2026-11-01T10:00:00+08:00","type":"post","member":"discord:1","src":"a"}',
      '{"ts":"2026-11-02T10:00:00+08:00","type":"reply","member":"qq:10002","src":"b"}',
      '{"ts":"2026-11-03T10:00:00+08:00","type":"reaction","member":"qq:*","count":4,"src":"c"}',
      '{"ts":"2026-12-01T10:00:00+08:00","type":"post","member":"slack:U9","channel":"general","src":"d"}',
    ].join('\n')
    await importEvents(store, req(await file('bot.ndjson', text), {map: undefined}))
    expect(await eventStats(store)).toMatchObject({
      events: 4,
      members: 3,
      people: 3,
      byMonth: {'2026-11': 3, '2026-12': 1},
      byType: {post: 2, reply: 1, reaction: 1},
    })
    const person = await linkMembers(store, ['discord:1', 'qq:10002'], {now: new Date()})
    expect(person).toMatchObject({id: 'P1', members: ['discord:1', 'qq:10002']})
    expect(await eventStats(store)).toMatchObject({members: 3, people: 2})
    expect((await listEvents(store, {member: 'qq:10002', last: 10, zone: 'Asia/Shanghai'})).events.map((e) => e.src)).toEqual(['a', 'b'])
    expect((await listEvents(store, {last: 1, zone: 'Asia/Shanghai'})).events.map((e) => e.src)).toEqual(['d'])
    expect((await listEvents(store, {since: '2026-11-02', until: '2026-11-03', last: 10, zone: 'Asia/Shanghai'})).matched).toBe(2)
    // linking a third account to either joins the same person; unlinking takes it out again
    expect(await linkMembers(store, ['slack:U9', 'qq:10002'], {now: new Date()})).toMatchObject({
      id: 'P1',
      members: ['discord:1', 'qq:10002', 'slack:U9'],
    })
    expect(await eventStats(store)).toMatchObject({people: 1})
    expect(await unlinkMembers(store, ['slack:U9'])).toEqual(['slack:U9'])
    expect(await eventStats(store)).toMatchObject({people: 2})
    await expect(linkMembers(store, ['qq:1', 'nope'], {now: new Date()})).rejects.toMatchObject({msg: {key: 'members.link.badIdentity'}})
  })
})
