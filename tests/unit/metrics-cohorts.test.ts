import {describe, expect, it} from 'vitest'
import type {CalendarItem} from '../../src/calendar/types.js'
import type {ResolvedEvent} from '../../src/events/stats.js'
import {buildFunnel, buildRetention, CohortCollector, cohortPeriods} from '../../src/metrics/cohorts.js'
import {calendarAdherence, surveyMetrics} from '../../src/metrics/non-event.js'
import {dayNumber, resolvePeriods} from '../../src/metrics/period.js'
import type {SurveyDoc, SurveyResponse} from '../../src/survey/types.js'

const zone = 'Asia/Shanghai'
let n = 0
const ev = (date: string, type: ResolvedEvent['type'], member: string): ResolvedEvent => ({
  ts: `${date}T20:00:00+08:00`,
  type,
  member,
  person: member,
  src: `s${++n}`,
})

function collect(events: ResolvedEvent[], from: string): CohortCollector {
  const c = new CohortCollector(zone, dayNumber(from))
  for (const e of events) c.add(e)
  return c
}

describe('retention table', () => {
  it('weekly cohorts × weeks since joining, D7, unknown weeks as null, inferred joins noted', () => {
    // 2026-11-02 and 2026-11-09 are Mondays (W45, W46); events end 2026-11-17 (W47)
    const events = [
      ev('2026-11-02', 'join', 'qq:a'),
      ev('2026-11-03', 'post', 'qq:a'),
      ev('2026-11-10', 'post', 'qq:a'),
      ev('2026-11-02', 'join', 'qq:b'),
      ev('2026-11-04', 'post', 'qq:b'),
      ev('2026-11-10', 'post', 'qq:c'), // no join: joins W46 by its first activity
      ev('2026-11-17', 'post', 'qq:c'),
    ]
    // the last two full weeks before 2026-11-18
    const cohorts = cohortPeriods('week', 2, '2026-11-18', zone)
    const t = buildRetention(collect(events, cohorts[0].from), cohorts, 'week', zone)
    expect(t.rows.map((r) => r.cohort)).toEqual(['2026-W45', '2026-W46'])
    const [w45, w46] = t.rows
    expect(w45).toMatchObject({size: 2, inferred: 0, counts: [2, 1, 0], shares: [1, 0.5, 0], d7: 0.5})
    expect(w46).toMatchObject({size: 1, inferred: 1, counts: [1, 1, null], d7: 1})
    expect(t.notes[0]).toMatchObject({key: 'metrics.note.inferredJoins', params: {n: 1}})
    expect(t.lastEvent).toBe('2026-11-17')
  })
})

describe('funnel', () => {
  it('join → first interaction → 4 of 8 weeks → conversion, with step rates', () => {
    const weekly = (member: string, weeks: number[]) =>
      weeks.map((w) => ev(new Date(Date.UTC(2026, 8, 1 + 7 * w)).toISOString().slice(0, 10), 'post', member))
    const events = [
      ev('2026-09-01', 'join', 'qq:a'),
      ...weekly('qq:a', [0, 1, 3, 7]),
      ev('2026-10-30', 'conversion', 'qq:a'),
      ev('2026-09-01', 'join', 'qq:b'),
      ...weekly('qq:b', [0, 1, 2]), // three weeks: not a regular
      ev('2026-09-01', 'join', 'qq:c'), // never interacts
      ev('2026-09-01', 'join', 'qq:d'),
      ...weekly('qq:d', [0, 2, 4, 6, 8]),
      ev('2026-12-31', 'post', 'qq:z'),
    ]
    const period = resolvePeriods({period: '2026-09'}, '2027-01-01', zone)[0]
    const f = buildFunnel(collect(events, period.from), period)
    expect(f.steps.map((s) => [s.id, s.count])).toEqual([
      ['joined', 4],
      ['interacted', 3],
      ['active_4_of_8', 2],
      ['converted', 1],
    ])
    expect(f.steps[1]).toMatchObject({stepRate: 0.75, overallRate: 0.75})
    expect(f.steps[2]).toMatchObject({stepRate: 0.6667, overallRate: 0.5})
    expect(f.steps[3]).toMatchObject({stepRate: 0.5, overallRate: 0.25})
    expect(f.within8Weeks).toBe(0)
  })

  it('without conversion events the last step has no rate (not a silent 0%)', () => {
    const period = resolvePeriods({period: '2026-09'}, '2027-01-01', zone)[0]
    const f = buildFunnel(collect([ev('2026-09-02', 'join', 'qq:a'), ev('2026-09-03', 'post', 'qq:a')], period.from), period)
    expect(f.steps[3]).toMatchObject({count: 0, stepRate: null, overallRate: null})
    expect(f.notes.map((m) => m.key)).toContain('metrics.na.noConversionEvents')
    expect(f.notes.map((m) => m.key)).toContain('metrics.funnel.within')
  })
})

describe('survey and calendar figures', () => {
  const doc: SurveyDoc = {
    apiVersion: 'commops/v1',
    kind: 'Survey',
    name: 'sat',
    title: 'Satisfaction',
    questions: [
      {id: 'q1', type: 'likert', text: 'Overall', scale: 5, dimension: 'service_quality'},
      {id: 'q2', type: 'nps', text: 'Recommend'},
    ],
  }
  const response = (q1: number, q2: number, day: string): SurveyResponse => ({
    survey: 'S1',
    rowHash: `${q1}${q2}${day}`,
    source: {file: 'x.csv', line: 2},
    submittedAt: `${day} 10:00`,
    answers: {q1, q2},
    fields: {},
    ingestedAt: '2026-12-01T00:00:00Z',
  })
  const october = resolvePeriods({period: '2026-10'}, '2027-01-01', zone)[0]

  it('csat, nps and dimension means from the latest survey with responses up to the period end', () => {
    const responses = [response(5, 10, '2026-10-02'), response(4, 9, '2026-10-03'), response(2, 3, '2026-10-04'), response(1, 0, '2026-11-20')]
    const v = Object.fromEntries(surveyMetrics([{id: 'S1', doc, responses}], october).map((x) => [x.id, x]))
    expect(v.csat).toMatchObject({value: 0.6667, inputs: {answers: 3, top_two: 2}})
    expect(v.nps).toMatchObject({value: 33.3, inputs: {promoters: 2, detractors: 1}})
    expect(v.service_quality.value).toBe(3.67)
    expect(v.content_quality).toMatchObject({value: null, reason: {key: 'metrics.na.noSurveyItem'}})
    expect(v.csat.notes?.[0]).toMatchObject({key: 'metrics.note.survey', params: {survey: 'S1', n: 3}})
  })

  it('n/a with the reason when there is no survey or no response yet', () => {
    expect(surveyMetrics([], october)[0].reason?.key).toBe('metrics.na.noSurvey')
    expect(surveyMetrics([{id: 'S1', doc, responses: [response(5, 10, '2026-11-02')]}], october)[1].reason?.key).toBe('metrics.na.noResponses')
  })

  it('calendar adherence: published ÷ planned items of the period (ideas left out)', () => {
    const item = (date: string, status: CalendarItem['status']) => ({date, status}) as CalendarItem
    const items = [
      item('2026-10-01', 'published'),
      item('2026-10-05', 'planned'),
      item('2026-10-06', 'cancelled'),
      item('2026-10-07', 'idea'),
      item('2026-11-01', 'published'),
    ]
    expect(calendarAdherence(items, october)).toMatchObject({value: 0.3333, inputs: {planned: 3, published: 1}})
    expect(calendarAdherence([], october).reason?.key).toBe('metrics.na.noCalendar')
    expect(calendarAdherence([item('2026-11-01', 'planned')], october).reason?.key).toBe('metrics.na.noPlannedItems')
  })
})
