import fc from 'fast-check'
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {importEvents} from '../../src/events/service.js'
import {listMembers} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {BlockBuilder, isAnonymous, stringKey, type EventBlock, type PersonBlock} from '../../src/events/columns.js'
import type {ResolvedEvent} from '../../src/events/stats.js'
import {EVENT_TYPES} from '../../src/events/types.js'
import {ActivityTally, ColumnActivity, type ActivityBrief} from '../../src/members/activity.js'
import {dayNumber} from '../../src/metrics/period.js'

/** The events as blocks of `size` read with their texts, each member's person from `persons`. */
function blocks(events: ResolvedEvent[], size: number): PersonBlock[] {
  const builder = new BlockBuilder(size, true)
  const out: PersonBlock[] = []
  const person = new Map(events.map((e) => [e.member, e.person]))
  // copies: a builder reuses its block once the next is started
  const take = (b: EventBlock | undefined) => {
    if (!b) return
    const names = b.tables.members.map((m) => person.get(m) ?? m)
    out.push({
      ...structuredClone({...b, tables: undefined}),
      tables: b.tables,
      batch: 0,
      first: 0,
      persons: names,
      personKeys: Float64Array.from(names, (p, i) => (isAnonymous(b.tables.members[i]) ? Number.NaN : stringKey(p))),
    })
  }
  for (const e of events) take(builder.add(e))
  take(builder.flush())
  return out
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0')

/** A canonical ts: local date and time at an offset in minutes. */
const tsOf = (local: number, offset: number): string => {
  const d = new Date(local * 1000)
  const abs = Math.abs(offset)
  return `${d.toISOString().slice(0, 19)}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

const event = fc.record({
  // a few local times, so that some are the same at other offsets; a span of days around the window
  local: fc.integer({min: 0, max: 40 * 24}).map((h) => dayNumber('2026-10-20') * 86_400 + h * 1800),
  offset: fc.constantFrom(0, 60, 120, 480, 345, -300, -30, -1, 5999, -5999),
  type: fc.constantFrom(...EVENT_TYPES),
  member: fc.constantFrom('qq:1', 'qq:2', 'qq:3', 'qq:*', 'discord:9', 'csv:小王'),
})

const PERSONS: Record<string, string> = {'qq:2': 'P1', 'discord:9': 'P1', 'qq:3': 'R2'}

const resolved = (list: {local: number; offset: number; type: string; member: string}[]): ResolvedEvent[] =>
  list.map((e, n) => ({
    ts: tsOf(e.local, e.offset),
    type: e.type as ResolvedEvent['type'],
    member: e.member,
    src: `s:${n}`,
    person: PERSONS[e.member] ?? e.member,
  }))

const WINDOW: [number, number] = [dayNumber('2026-11-01'), dayNumber('2026-11-30')]

/** A brief's fields as a plain object, those it has (ColumnActivity's makes its first and last seen when read). */
const plain = (b: ActivityBrief): Record<string, unknown> =>
  Object.fromEntries(
    (['firstSeen', 'lastSeen', 'startDay', 'lastInteractionDay', 'interactions', 'recent'] as const).filter((k) => k in b).map((k) => [k, b[k]]),
  )

describe('ColumnActivity', () => {
  it('gives what ActivityTally gives from the ts texts: the same persons in the same order, the same briefs', () => {
    fc.assert(
      fc.property(fc.array(event, {maxLength: 60}), fc.integer({min: 1, max: 7}), (list, size) => {
        const events = resolved(list)
        const text = new ActivityTally(WINDOW)
        for (const e of events) if (!e.member.endsWith(':*')) text.add(e)
        const columns = new ColumnActivity(WINDOW)
        for (const b of blocks(events, size)) expect(columns.addBlock(b)).toBe(true)
        expect([...columns.keys()]).toEqual([...text.keys()])
        for (const key of [...text.keys(), 'nobody']) expect(plain(columns.get(key))).toStrictEqual(text.get(key))
      }),
      {numRuns: 300},
    )
  })

  it('by hand: first and last seen as text orders them (the offset after the local time), join and interaction days', () => {
    const events = resolved([
      {local: dayNumber('2026-11-05') * 86_400 + 3600, offset: 480, type: 'post', member: 'qq:1'},
      // the same local time at -05:00 is later as text ('-' after '+'), though earlier as an instant
      {local: dayNumber('2026-11-05') * 86_400 + 3600, offset: -300, type: 'reaction', member: 'qq:1'},
      {local: dayNumber('2026-10-30') * 86_400, offset: 0, type: 'join', member: 'qq:1'},
      {local: dayNumber('2026-10-31') * 86_400, offset: 60, type: 'join', member: 'qq:1'},
      {local: dayNumber('2026-12-02') * 86_400, offset: 60, type: 'content_view', member: 'qq:1'},
      {local: dayNumber('2026-11-02') * 86_400, offset: 60, type: 'reply', member: 'qq:*'},
    ])
    const columns = new ColumnActivity(WINDOW)
    for (const b of blocks(events, 2)) columns.addBlock(b)
    expect([...columns.keys()]).toEqual(['qq:1'])
    expect(plain(columns.get('qq:1'))).toStrictEqual({
      firstSeen: '2026-10-30T00:00:00+00:00',
      lastSeen: '2026-12-02T00:00:00+01:00',
      startDay: dayNumber('2026-10-30'),
      lastInteractionDay: dayNumber('2026-11-05'),
      interactions: 2,
      recent: 2,
    })
    expect(plain(columns.get('qq:2'))).toStrictEqual({interactions: 0, recent: 0})
  })

  it('refuses a block with a ts that is not canonical, or a date before the year 100 (those are read as text)', () => {
    const base = {type: 'post' as const, member: 'qq:1', person: 'qq:1'}
    for (const ts of ['2026-11-05T10:00:00Z', '2026-11-05T10:00:00.5+08:00', '0099-12-31T10:00:00+08:00']) {
      const columns = new ColumnActivity(WINDOW)
      expect(
        blocks(
          [
            {...base, ts: '2026-11-05T09:00:00+08:00', src: 'a'},
            {...base, ts, src: 'b'},
          ],
          10,
        ).every((b) => columns.addBlock(b)),
      ).toBe(false)
    }
  })
})

describe('members list', () => {
  it('reads a batch whose ts is not canonical (a hand-edited line) as text: first seen as its text orders it', async () => {
    const root = path.join(await mkdtemp(path.join(os.tmpdir(), 'commops-activity-')), 'ws')
    await initWorkspace({dir: root, name: 'x', locale: 'en', timezone: 'Asia/Shanghai', platforms: [], type: 'brand'})
    const store = Store.at(root)
    const now = new Date('2026-11-26T04:00:00Z')
    const lines = [
      {ts: '2026-11-05T10:00:00+08:00', type: 'post', member: 'qq:1', src: 't:1'},
      {ts: '2026-11-06T10:00:00+08:00', type: 'join', member: 'qq:2', src: 't:2'},
      {ts: '2026-11-20T10:00:00+08:00', type: 'reply', member: 'qq:1', src: 't:3'},
    ]
    await writeFile(path.join(root, 'events.ndjson'), lines.map((e) => JSON.stringify(e)).join('\n') + '\n')
    await importEvents(store, {path: path.join(root, 'events.ndjson'), display: 'events.ndjson', zone: 'Asia/Shanghai', now})
    const list = async () => (await listMembers(store, {zone: 'Asia/Shanghai', now, locale: 'en', sort: 'name'})).members
    expect((await list()).map((m) => [m.id, m.firstSeen, m.lastSeen, m.interactions, m.interactions30d])).toEqual([
      ['qq:1', '2026-11-05T10:00:00+08:00', '2026-11-20T10:00:00+08:00', 2, 2],
      ['qq:2', '2026-11-06T10:00:00+08:00', '2026-11-06T10:00:00+08:00', 0, 0],
    ])
    // the same instant in UTC: earlier as text; the cache made again from the edited batch keeps the ts as its bytes
    const batch = path.join(root, '.commops', 'events', 'B1.ndjson')
    await writeFile(batch, (await readFile(batch, 'utf8')).replace('2026-11-05T10:00:00+08:00', '2026-11-05T02:00:00Z'))
    await rm(path.join(root, '.commops', 'events', 'B1.cols'))
    expect((await list())[0]).toMatchObject({id: 'qq:1', firstSeen: '2026-11-05T02:00:00Z', lastSeen: '2026-11-20T10:00:00+08:00', interactions: 2})
  })
})
