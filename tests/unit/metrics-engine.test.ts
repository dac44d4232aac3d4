import {describe, expect, it, vi} from 'vitest'
import type {ResolvedEvent} from '../../src/events/stats.js'
import {blocksOf} from '../../src/events/columns.js'
import {eventMetrics, MetricsEngine} from '../../src/metrics/engine.js'
import {EngagementCollector, engagementModel} from '../../src/members/engagement.js'
import {PersonIds} from '../../src/metrics/person-ids.js'
import {resolvePeriods} from '../../src/metrics/period.js'
import type {MetricValue, Period} from '../../src/metrics/types.js'
import {tsMillis, ZoneDays} from '../../src/metrics/zone-day.js'

let n = 0
const ev = (ts: string, type: ResolvedEvent['type'], member: string, extra: Partial<ResolvedEvent> = {}): ResolvedEvent => ({
  ts,
  type,
  member,
  person: member,
  src: `s${++n}`,
  ...extra,
})

const month = (label: string, zone = 'Asia/Shanghai'): Period => resolvePeriods({period: label}, '2030-01-01', zone)[0]
const byId = (values: MetricValue[]) => Object.fromEntries(values.map((v) => [v.id, v]))

describe('zone days', () => {
  it('reads canonical times by hand like Date.parse', () => {
    for (const ts of [
      '2026-11-02T10:15:00+08:00',
      '2026-11-01T01:30:00-05:00',
      '2026-11-01T01:30:00Z',
      '2026-11-01T01:30:00.250Z',
      '2026-11-01T01:30+05:30',
    ])
      expect(tsMillis(ts)).toBe(Date.parse(ts))
  })

  it('puts 23:30 Asia/Shanghai on that day, however the time is written', () => {
    const z = new ZoneDays('Asia/Shanghai')
    const day = (ts: string) => new Date(z.dayOf(tsMillis(ts)) * 86_400_000).toISOString().slice(0, 10)
    expect(day('2026-10-01T23:30:00+08:00')).toBe('2026-10-01')
    expect(day('2026-10-01T15:30:00Z')).toBe('2026-10-01')
    expect(day('2026-10-01T16:30:00Z')).toBe('2026-10-02')
  })

  it('follows America/New_York across the November change', () => {
    const z = new ZoneDays('America/New_York')
    const day = (ts: string) => new Date(z.dayOf(tsMillis(ts)) * 86_400_000).toISOString().slice(0, 10)
    expect(day('2026-10-31T03:30:00Z')).toBe('2026-10-30') // 23:30 EDT
    expect(day('2026-11-01T05:30:00Z')).toBe('2026-11-01') // 01:30 EDT
    expect(day('2026-11-01T06:30:00Z')).toBe('2026-11-01') // 01:30 EST, the hour again
    expect(day('2026-11-02T04:30:00Z')).toBe('2026-11-01') // 23:30 EST
    expect(day('2026-11-02T05:30:00Z')).toBe('2026-11-02') // 00:30 EST
  })

  it('reads offsets without Intl.DateTimeFormat (its data costs ~6 MB), to the second, and leaves TZ as it was', () => {
    const made = vi.spyOn(Intl, 'DateTimeFormat')
    const saved = process.env.TZ
    process.env.TZ = 'Europe/Paris'
    try {
      const z = new ZoneDays('Asia/Tokyo')
      expect(z.offsetAt(Date.parse('2026-07-01T00:00:00Z'))).toBe(540)
      // a local mean time of +0:13:35 rounds to 14 minutes, as Intl's local fields give it
      expect(new ZoneDays('Africa/Bangui').offsetAt(Date.parse('1905-02-04T07:15:40Z'))).toBe(14)
      expect(new ZoneDays('Asia/Shanghai').dayOf(Date.parse('2026-10-01T16:30:00Z'))).toBe(Date.UTC(2026, 9, 2) / 86_400_000)
      expect(process.env.TZ).toBe('Europe/Paris')
      expect(made).not.toHaveBeenCalled()
    } finally {
      made.mockRestore()
      process.env.TZ = saved
      if (saved === undefined) delete process.env.TZ
    }
  })

  it('refuses a zone Intl does not know (a RangeError, as Intl gives)', () => {
    expect(() => new ZoneDays('Mars/Olympus_Mons')).toThrow(RangeError)
    // an alias ICU does not list as canonical still reads
    expect(new ZoneDays('US/Eastern').offsetAt(Date.parse('2026-01-15T12:00:00Z'))).toBe(-300)
  })
})

describe('event metrics', () => {
  it('counts a silent day as 0 in DAU and an event at 23:30 on its own day', async () => {
    const events = [
      ev('2026-10-01T23:30:00+08:00', 'post', 'qq:a'),
      ev('2026-10-02T09:00:00+08:00', 'reply', 'qq:a'),
      ev('2026-10-02T10:00:00+08:00', 'post', 'qq:b'),
      ev('2026-10-31T23:59:00+08:00', 'post', 'qq:b'),
      ev('2026-11-01T00:10:00+08:00', 'post', 'qq:c'),
    ]
    const v = byId(await eventMetrics(events, {period: month('2026-10'), days: true}))
    expect(v.active_members.value).toBe(2)
    // days: 10-01 → 1, 10-02 → 2, 10-31 → 1, 28 silent days → 4 / 31
    expect(v.dau.value).toBe(Math.round((4 / 31) * 100) / 100)
    expect(v.dau.days).toHaveLength(31)
    expect(v.dau.days![0]).toEqual({date: '2026-10-01', value: 1})
    expect(v.mau.value).toBe(2)
    expect(v.wau.value).toBe(1)
    // the 30 days ending 10-31 start on 10-02: (2 + 1) / 30 ÷ 2
    expect(v.stickiness.value).toBe(0.05)
    expect(v.interactions_per_active.value).toBe(2)
  })

  it('counts linked identities once', async () => {
    const events = [
      {...ev('2026-10-03T10:00:00+08:00', 'post', 'qq:1'), person: 'P1'},
      {...ev('2026-10-03T11:00:00+08:00', 'post', 'discord:9'), person: 'P1'},
      ev('2026-10-03T12:00:00+08:00', 'post', 'qq:2'),
    ]
    const v = byId(await eventMetrics(events, {period: month('2026-10')}))
    expect(v.active_members.value).toBe(2)
    expect(v.interactions_per_active.value).toBe(1.5)
  })

  it('says why a figure is n/a instead of a silent zero', async () => {
    const v = byId(await eventMetrics([ev('2026-10-03T10:00:00+08:00', 'post', 'qq:1')], {period: month('2026-10')}))
    expect(v.response_rate_24h).toMatchObject({value: null, reason: {key: 'metrics.na.noQuestions'}})
    expect(v.conversion_rate).toMatchObject({value: null, reason: {key: 'metrics.na.noConversionEvents'}})
    expect(v.event_participation.reason?.key).toBe('metrics.na.noRegistrations')
    const none = byId(await eventMetrics([], {period: month('2026-10')}))
    expect(none.dau).toMatchObject({value: null, reason: {key: 'metrics.na.noEvents'}})
    const outside = byId(await eventMetrics([ev('2026-10-03T10:00:00+08:00', 'post', 'qq:1')], {period: month('2026-12')}))
    expect(outside.active_members).toMatchObject({value: null, reason: {key: 'metrics.na.noData'}})
  })

  it('answers: within 24 h, median first response, self-answers left out, by parent or topic', async () => {
    const q1 = ev('2026-10-05T10:00:00+08:00', 'question', 'qq:a', {topic: 't1'})
    const q2 = ev('2026-10-06T10:00:00+08:00', 'question', 'qq:b', {topic: 't2'})
    const q3 = ev('2026-10-07T10:00:00+08:00', 'question', 'qq:c', {topic: 't3'})
    const events = [
      // answered before it is read: batches are not in time order
      ev('2026-10-05T12:00:00+08:00', 'answer', 'qq:b', {parent: q1.src}),
      q1,
      q2,
      ev('2026-10-06T11:00:00+08:00', 'answer', 'qq:b', {parent: q2.src}), // the asker: not an answer
      ev('2026-10-08T10:00:00+08:00', 'answer', 'qq:a', {topic: 't2'}), // 48 h later, by topic
      q3,
    ]
    const v = byId(await eventMetrics(events, {period: month('2026-10')}))
    expect(v.response_rate_24h).toMatchObject({value: 0.3333, inputs: {questions: 3, answered_24h: 1}})
    expect(v.answered_share.value).toBe(0.6667)
    expect(v.median_first_response_h.value).toBe(25) // (2 + 48) / 2
  })

  it('membership: new, total, growth, churn, inferred joins noted', async () => {
    const events = [
      ev('2026-09-10T10:00:00+08:00', 'join', 'qq:a'),
      ev('2026-09-12T10:00:00+08:00', 'post', 'qq:b'), // no join: joined by first activity
      ev('2026-10-02T10:00:00+08:00', 'join', 'qq:c'),
      ev('2026-10-03T10:00:00+08:00', 'post', 'qq:d'),
      ev('2026-10-20T10:00:00+08:00', 'leave', 'qq:a'),
    ]
    const v = byId(await eventMetrics(events, {period: month('2026-10')}))
    expect(v.new_members.value).toBe(2)
    expect(v.new_members.notes?.[0]).toMatchObject({key: 'metrics.note.inferredJoins', params: {n: 1}})
    expect(v.members_total.value).toBe(3)
    expect(v.growth_rate.value).toBe(1)
    expect(v.churn_rate.value).toBe(0.5)
  })

  it('membership by instant: joining at 09:00 and leaving at 23:00 the same day ends it; leaving before a later join does not', async () => {
    const events = [
      ev('2026-10-05T09:00:00+08:00', 'join', 'qq:same'),
      ev('2026-10-05T23:00:00+08:00', 'leave', 'qq:same'),
      ev('2026-10-06T08:00:00+08:00', 'leave', 'qq:back'),
      ev('2026-10-06T20:00:00+08:00', 'join', 'qq:back'),
    ]
    const v = byId(await eventMetrics(events, {period: month('2026-10')}))
    expect(v.members_total.value).toBe(1) // qq:back only
  })

  it('retention D7: joiners of the period active on or after day 7; too recent ones left out', async () => {
    const events = [
      ev('2026-10-01T10:00:00+08:00', 'join', 'qq:a'),
      ev('2026-10-08T10:00:00+08:00', 'post', 'qq:a'), // day 7: retained
      ev('2026-10-01T10:00:00+08:00', 'join', 'qq:b'),
      ev('2026-10-07T10:00:00+08:00', 'post', 'qq:b'), // day 6: not
      ev('2026-10-25T10:00:00+08:00', 'join', 'qq:c'), // day 7 is after the last event: not counted
      ev('2026-10-30T10:00:00+08:00', 'post', 'qq:z'),
    ]
    const v = byId(await eventMetrics(events, {period: month('2026-10')}))
    expect(v.retention_d7).toMatchObject({value: 0.5, inputs: {joined: 4, eligible: 2, retained: 1}})
    expect(v.retention_d30).toMatchObject({value: null, reason: {key: 'metrics.na.tooRecent'}})
  })

  it('topics, events, content, conversion and reciprocity', async () => {
    const p = ev('2026-10-05T10:00:00+08:00', 'post', 'qq:a', {topic: 't1'})
    const events = [
      p,
      ev('2026-10-05T11:00:00+08:00', 'reply', 'qq:b', {topic: 't1', parent: p.src}),
      ev('2026-10-05T11:30:00+08:00', 'reaction', 'qq:c', {topic: 't1'}),
      ev('2026-10-05T12:00:00+08:00', 'reply', 'qq:a', {topic: 't1', parent: 's-unknown'}),
      ev('2026-10-06T12:00:00+08:00', 'post', 'qq:d', {topic: 't2'}), // no reply: not a discussed topic
      ev('2026-10-06T12:00:00+08:00', 'event_register', 'qq:a'),
      ev('2026-10-06T12:00:00+08:00', 'event_register', 'qq:b'),
      ev('2026-10-07T12:00:00+08:00', 'event_attend', 'qq:a'),
      ev('2026-10-07T12:00:00+08:00', 'content_publish', 'qq:a'),
      ev('2026-10-07T12:00:00+08:00', 'content_view', 'qq:x'),
      ev('2026-10-07T12:00:00+08:00', 'content_view', 'qq:y'),
      ev('2026-10-07T12:00:00+08:00', 'conversion', 'qq:b'),
      ev('2026-10-07T12:00:00+08:00', 'reaction', 'qq:*', {count: 40}),
    ]
    const v = byId(await eventMetrics(events, {period: month('2026-10')}))
    expect(v.topic_participation.value).toBe(3)
    expect(v.event_participation.value).toBe(0.5)
    expect(v.content_reach.value).toBe(2)
    expect(v.active_members.value).toBe(4)
    expect(v.conversion_rate.value).toBe(0.25)
    // b replied to a; a's reply names nothing known: nobody both replied and was replied to
    expect(v.reciprocity.value).toBe(0)
    const back = ev('2026-10-05T13:00:00+08:00', 'reply', 'qq:a', {topic: 't1', parent: events[1].src})
    const w = byId(await eventMetrics([...events, back], {period: month('2026-10')}))
    expect(w.reciprocity).toMatchObject({value: 0.5, inputs: {reciprocal: 2}})
  })

  it('joins topics, answers and reply links across batches, each with its own tables', async () => {
    const q = ev('2026-10-05T10:00:00+08:00', 'question', 'qq:a', {topic: 't1'})
    const p = ev('2026-10-05T10:30:00+08:00', 'post', 'qq:c', {topic: 't2'})
    const first = [q, p, ev('2026-10-05T11:00:00+08:00', 'reply', 'qq:b', {topic: 't1', parent: q.src})]
    const second = [
      ev('2026-10-05T12:00:00+08:00', 'answer', 'qq:b', {topic: 't1'}), // by topic: 2 h after q
      ev('2026-10-05T13:00:00+08:00', 'reply', 'qq:a', {topic: 't2', parent: p.src}),
      ev('2026-10-05T14:00:00+08:00', 'reply', 'qq:c', {topic: 't1', parent: first[2].src}),
    ]
    const engine = new MetricsEngine({period: month('2026-10')})
    const blocks = [...blocksOf(first), ...blocksOf(second)]
    for (const b of blocks) engine.addBlock(b)
    expect(engine.wantsAuthors).toBe(true)
    expect(() => engine.result()).toThrow(/addAuthors/)
    // the second read gives each batch new tables, as reading the files again does
    for (const b of [...blocksOf(first), ...blocksOf(second)]) engine.addAuthors(b)
    const v = byId(engine.result())
    // t1 (a, b, b, c) and t2 (c, a), each counted once though each batch numbers its topics
    expect(v.topic_participation).toMatchObject({value: 2.5, inputs: {topics_with_reply: 2, participants: 5}})
    expect(v.median_first_response_h.value).toBe(2)
    // b → a, a → c, c → b: each replied and was replied to
    expect(v.reciprocity.inputs).toMatchObject({reciprocal: 3, replied: 3, replied_to: 3})
    expect(engine.result()).toEqual(await eventMetrics([...first, ...second], {period: month('2026-10')}))
  })

  it('counts actives across the words of the day bitsets: a quarter, days 31, 32 and 63 of it', async () => {
    const q = resolvePeriods({period: '2026-Q3'}, '2030-01-01', 'Asia/Shanghai')[0]
    const events = [
      ev('2026-07-01T08:00:00+08:00', 'post', 'qq:a'), // day 0
      ev('2026-08-01T08:00:00+08:00', 'post', 'qq:a'), // day 31: the last bit of the first word
      ev('2026-08-02T08:00:00+08:00', 'post', 'qq:b'), // day 32: the first bit of the second
      ev('2026-09-02T08:00:00+08:00', 'reply', 'qq:c'), // day 63
      ev('2026-09-30T23:30:00+08:00', 'post', 'qq:d'), // day 91, the last
      ev('2026-09-30T23:30:00+08:00', 'reaction', 'qq:a'),
    ]
    const v = byId(await eventMetrics(events, {period: q, days: true}))
    expect(v.active_members.value).toBe(4)
    expect(v.dau.inputs).toEqual({days: 92, active_days_total: 6})
    expect(v.dau.days?.filter((d) => d.value > 0)).toEqual([
      {date: '2026-07-01', value: 1},
      {date: '2026-08-01', value: 1},
      {date: '2026-08-02', value: 1},
      {date: '2026-09-02', value: 1},
      {date: '2026-09-30', value: 2},
    ])
    expect(v.mau.value).toBe(3) // c, d, a in the 30 days to 09-30
    expect(v.wau.value).toBe(2)
  })

  it('only the metrics asked for, each the same as in the full set', async () => {
    const p = ev('2026-10-05T10:00:00+08:00', 'question', 'qq:a', {topic: 't1'})
    const events = [
      p,
      ev('2026-10-05T11:00:00+08:00', 'answer', 'qq:b', {topic: 't1', parent: p.src}),
      ev('2026-10-05T12:00:00+08:00', 'reply', 'qq:a', {topic: 't1', parent: 's2'}),
      ev('2026-10-06T12:00:00+08:00', 'join', 'qq:c'),
      ev('2026-10-09T12:00:00+08:00', 'post', 'qq:c', {topic: 't2'}),
    ]
    const full = await eventMetrics(events, {period: month('2026-10')})
    for (const v of full) {
      const only = await eventMetrics(events, {period: month('2026-10'), metrics: [v.id]})
      expect(only).toEqual([v])
    }
    const some = await eventMetrics(events, {period: month('2026-10'), metrics: ['mau', 'dau']})
    expect(some.map((v) => v.id)).toEqual(['dau', 'mau'])
  })

  it('numbers people in the order they come, the same number each time, through the table growing', () => {
    const ids = new PersonIds({names: true})
    const people = Array.from({length: 5000}, (_, i) => (i % 7 === 0 ? `csv:成员${i}` : `discord:${i * 7919}`))
    expect(people.map((p) => ids.intern(p))).toEqual(people.map((_, i) => i))
    expect(people.map((p) => ids.intern(p)).reverse()).toEqual(people.map((_, i) => 4999 - i))
    expect(ids.size).toBe(5000)
    expect(ids.names()).toEqual(people)
    expect(() => new PersonIds().names()).toThrow()
  })

  it('readers sharing one numbering of people give what each gives alone', () => {
    const p = ev('2026-10-05T10:00:00+08:00', 'post', 'discord:a', {topic: 't1'})
    const events = [
      ev('2026-09-20T10:00:00+08:00', 'post', 'qq:z'), // numbered first, by the collector only
      p,
      ev('2026-10-05T11:00:00+08:00', 'reply', 'qq:b', {topic: 't1', parent: p.src}),
      ev('2026-10-06T11:00:00+08:00', 'reply', 'discord:a', {topic: 't1', parent: 's-none'}),
      ev('2026-10-07T12:00:00+08:00', 'join', 'qq:c'),
      ev('2026-10-08T12:00:00+08:00', 'answer', 'qq:c', {topic: 't1'}),
      ev('not a time', 'post', 'qq:y'), // numbered by the engines only: the collector skips the event
    ]
    const blocks = [...blocksOf(events, 2)]
    const model = engagementModel({})
    const read = (ids?: PersonIds) => {
      const engines = [
        new MetricsEngine({period: month('2026-10'), ids}),
        new MetricsEngine({period: month('2026-10'), filter: {platform: ['discord']}, ids}),
      ]
      const collector = new EngagementCollector(model, ['2026-10-31'], ids)
      const zone = new ZoneDays('Asia/Shanghai')
      // the collector first: it numbers people the engines have not met (and the filtered one never meets)
      for (const b of blocks) {
        collector.addBlock(b, zone)
        for (const engine of engines) engine.addBlock(b)
      }
      for (const b of blocks) for (const engine of engines) if (engine.wantsAuthors) engine.addAuthors(b)
      return {values: engines.map((engine) => engine.result()), counts: collector.countsAt(0), levels: [...collector.levelsAt(0)]}
    }
    const alone = read()
    const shared = read(new PersonIds({names: true}))
    expect(shared).toEqual(alone)
    expect(alone.counts.members).toBe(4)
    expect(byId(alone.values[1]).active_members.value).toBe(1)
  })

  it('filters by channel and platform', async () => {
    const events = [
      ev('2026-10-05T10:00:00+08:00', 'post', 'qq:a', {channel: 'main'}),
      ev('2026-10-05T10:00:00+08:00', 'post', 'discord:b', {channel: 'main'}),
      ev('2026-10-05T10:00:00+08:00', 'post', 'qq:c', {channel: 'side'}),
    ]
    const only = async (filter: object) => byId(await eventMetrics(events, {period: month('2026-10'), filter})).active_members.value
    expect(await only({channel: ['main']})).toBe(2)
    expect(await only({platform: ['qq']})).toBe(2)
    expect(await only({channel: ['main'], platform: ['qq']})).toBe(1)
  })
})
