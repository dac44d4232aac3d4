import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import {resolveRange} from '../../src/calendar/dates.js'
import {draftCalendar} from '../../src/calendar/generate.js'
import {mergeCalendar} from '../../src/calendar/merge.js'
import {UsageError, ValidationError} from '../../src/errors.js'
import type {Community} from '../../src/workspace/community.js'
import {community} from './calendar-helpers.js'
import {thrown} from '../helpers/errors.js'

const run = (c: Community, from: string, to: string, extra: {pillars?: string[]; channels?: string[]; locale?: 'en' | 'zh-CN'} = {}) =>
  draftCalendar(c, {from, to, locale: extra.locale ?? 'en', pillars: extra.pillars, channels: extra.channels})

describe('draftCalendar', () => {
  it('is deterministic: the same inputs give the same items, keys and ids', () => {
    const a = run(community(), '2026-12-01', '2026-12-28')
    const b = run(community(), '2026-12-01', '2026-12-28')
    expect(a).toEqual(b)
    expect(a.drafts).toHaveLength(28 + 4 + 4)
    const ids = (drafts: typeof a.drafts) => {
      let n = 0
      return mergeCalendar([], drafts, a, {nextId: () => `C${++n}`, now: '2026-11-30T00:00:00Z'}).items.map((i) => [i.id, i.key])
    }
    expect(ids(a.drafts)).toEqual(ids(b.drafts))
    expect(ids(a.drafts)[0]).toEqual(['C1', 'pillar:topic@2026-12-01T10:00'])
  })

  it('fills title templates in turn, with {n}, {date} and {week}, in the requested language', () => {
    const en = run(community(), '2026-12-01', '2026-12-02').drafts.filter((d) => d.pillar === 'topic')
    expect(en.map((d) => d.title)).toEqual(['Question #335: Dec 1', 'Week 49 chat'])
    expect(en.map((d) => d.format)).toEqual(['text', 'poll'])
    const zh = run(community(), '2026-12-01', '2026-12-01', {locale: 'zh-CN'}).drafts.filter((d) => d.pillar === 'topic')
    expect(zh[0].title).toBe('每日一问 #335：12月1日')
  })

  it('{n} does not depend on the period asked for; it counts from `founded` when set', () => {
    const december = run(community(), '2026-12-01', '2026-12-31').drafts
    const longer = run(community(), '2026-11-01', '2026-12-31').drafts.filter((d) => d.date >= '2026-12-01')
    expect(longer).toEqual(december)
    const founded = run(community({founded: '2026-11-30'}), '2026-12-01', '2026-12-01').drafts.find((d) => d.pillar === 'topic')!
    expect(founded.n).toBe(2)
  })

  it('activities are placed by their own cadence with their duration and type', () => {
    const qa = run(community(), '2026-12-01', '2026-12-14').drafts.filter((d) => d.activity === 'qa')
    expect(qa.map((d) => [d.date, d.time, d.title, d.activityType, d.durationMinutes, d.format])).toEqual([
      ['2026-12-02', '20:00', 'Q&A night', 'qa', 60, 'event'],
      ['2026-12-09', '20:00', 'Q&A night', 'qa', 60, 'event'],
    ])
  })

  it('filters by pillar or activity and by channel', () => {
    expect(new Set(run(community(), '2026-12-01', '2026-12-14', {pillars: ['tips']}).drafts.map((d) => d.pillar))).toEqual(new Set(['tips']))
    expect(new Set(run(community(), '2026-12-01', '2026-12-14', {channels: ['main']}).drafts.map((d) => d.pillar ?? d.activity))).toEqual(
      new Set(['topic', 'qa']),
    )
  })

  describe('across DST boundaries, 20:00 stays 20:00 local and the UTC offset changes', () => {
    const ny = community({
      timezone: 'America/New_York',
      pillars: [
        {id: 'sunday', name: 'Sunday', cadence: 'weekly on sun 20:00', channel: 'main'},
        {id: 'early', name: 'Early', cadence: 'FREQ=WEEKLY;BYDAY=SU;BYHOUR=2;BYMINUTE=30', channel: 'main'},
      ],
      activities: [],
    })

    it('America/New_York, spring forward on 2026-03-08', () => {
      const d = run(ny, '2026-03-01', '2026-03-14').drafts.filter((x) => x.pillar === 'sunday')
      expect(d.map((x) => x.start)).toEqual(['2026-03-01T20:00:00-05:00', '2026-03-08T20:00:00-04:00'])
      expect(d.map((x) => x.time)).toEqual(['20:00', '20:00'])
      expect(d.map((x) => DateTime.fromISO(x.start).toUTC().toFormat('HH:mm'))).toEqual(['01:00', '00:00'])
    })

    it('America/New_York, fall back on 2026-11-01', () => {
      const d = run(ny, '2026-10-25', '2026-11-07').drafts.filter((x) => x.pillar === 'sunday')
      expect(d.map((x) => x.start)).toEqual(['2026-10-25T20:00:00-04:00', '2026-11-01T20:00:00-05:00'])
    })

    it('a time that does not exist on the spring-forward day moves forward by the gap; the key keeps the planned time', () => {
      const early = run(ny, '2026-03-08', '2026-03-08').drafts.find((x) => x.pillar === 'early')!
      expect(early.start).toBe('2026-03-08T03:30:00-04:00')
      expect(early.key).toBe('pillar:early@2026-03-08T02:30')
    })

    it('Asia/Shanghai has no DST: the offset stays +08:00 across the same dates', () => {
      const sh = community({...ny, timezone: 'Asia/Shanghai'})
      const d = run(sh, '2026-03-01', '2026-03-14').drafts.filter((x) => x.pillar === 'sunday')
      expect(d.map((x) => x.start)).toEqual(['2026-03-01T20:00:00+08:00', '2026-03-08T20:00:00+08:00'])
    })
  })

  it('skips public holidays (zh-CN) and blackout dates, and says why', () => {
    const c = community({holidays: 'zh-CN', blackouts: ['2026-10-09']})
    const g = run(c, '2026-09-28', '2026-10-10')
    const days = new Set(g.drafts.map((d) => d.date))
    for (const d of ['2026-10-01', '2026-10-04', '2026-10-07', '2026-10-09']) expect(days.has(d)).toBe(false)
    for (const d of ['2026-09-30', '2026-10-08', '2026-10-10']) expect(days.has(d)).toBe(true)
    expect(g.skipped.find((s) => s.date === '2026-10-01')).toMatchObject({reason: 'holiday', holiday: 'National Day'})
    expect(g.skipped.find((s) => s.date === '2026-10-09')).toMatchObject({reason: 'blackout'})
    expect(run(c, '2026-09-28', '2026-10-10', {locale: 'zh-CN'}).skipped[0].holiday).toBe('国庆节')
    expect(g.warnings).toEqual([])
  })

  it('warns when a year has no holiday data or only a projected one', () => {
    const c = community({holidays: 'zh-CN'})
    expect(run(c, '2027-12-20', '2028-01-10').warnings.map((w) => w.key)).toEqual(['cal.holidays.missing', 'cal.holidays.projected'])
    expect(run(community({holidays: 'none'}), '2028-10-01', '2028-10-07').warnings).toEqual([])
  })

  it('refuses unknown pillars and channels with a suggestion', () => {
    const e = thrown(() => run(community(), '2026-12-01', '2026-12-07', {pillars: ['tipps']}))
    expect(e).toBeInstanceOf(UsageError)
    expect(e.code).toBe('calendar.unknownPillar')
    expect(e.hint?.params?.suggest).toContain('tips')
    expect(thrown(() => run(community(), '2026-12-01', '2026-12-07', {channels: ['mian']})).code).toBe('calendar.unknownChannel')
  })

  it('an unknown timezone or a bad cadence is a located error', () => {
    const locate = (pointer: string, offset?: number) => ({file: 'community.yaml', line: pointer.length, col: offset ?? 0})
    const tz = thrown(() => draftCalendar(community({timezone: 'Asia/Shanghia'}), {from: '2026-12-01', to: '2026-12-07', locale: 'en', locate}))
    expect(tz).toBeInstanceOf(ValidationError)
    expect(tz.code).toBe('calendar.badTimezone')
    expect(tz.location).toEqual({file: 'community.yaml', line: '/timezone'.length, col: 0})
    const bad = community({pillars: [{id: 'x', name: 'X', cadence: 'weekly on tuesdya'}]})
    const cad = thrown(() => draftCalendar(bad, {from: '2026-12-01', to: '2026-12-07', locale: 'en', locate}))
    expect(cad.code).toBe('calendar.cadence')
    expect(cad.location).toEqual({file: 'community.yaml', line: '/content/pillars/0/cadence'.length, col: 10})
  })
})

describe('resolveRange', () => {
  it('from + weeks, from + to, defaults to today and 4 weeks', () => {
    expect(resolveRange({from: '2026-12-01', weeks: 4}, '2026-01-01')).toEqual({from: '2026-12-01', to: '2026-12-28'})
    expect(resolveRange({from: '2026-12-01', to: '2026-12-31'}, '2026-01-01')).toEqual({from: '2026-12-01', to: '2026-12-31'})
    expect(resolveRange({}, '2026-03-01')).toEqual({from: '2026-03-01', to: '2026-03-28'})
  })
  it.each([
    [{from: '2026-02-30'}, 'calendar.badDate'],
    [{from: '12/01/2026'}, 'calendar.badDate'],
    [{from: '2026-12-01', to: '2026-11-01'}, 'calendar.rangeOrder'],
    [{from: '2026-01-01', to: '2027-06-01'}, 'calendar.rangeTooLong'],
    [{from: '1900-01-01'}, 'calendar.dateOutOfRange'],
    [{from: '2026-12-01', weeks: 0}, 'calendar.badWeeks'],
    [{from: '2026-12-01', weeks: 2, to: '2026-12-31'}, 'calendar.toAndWeeks'],
  ])('%j → %s (exit 2)', (input, code) => {
    const e = thrown(() => resolveRange(input, '2026-01-01'))
    expect(e.code).toBe(code)
    expect(e.exitCode).toBe(2)
  })
})
