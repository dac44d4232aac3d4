/** The dashboard's model from stored data (src/dashboard/model.ts): pure, from a hand-made snapshot. */
import {describe, expect, it} from 'vitest'
import {buildDashboard} from '../../src/dashboard/model.js'
import {dashboardInput} from '../helpers/dashboard.js'

describe('dashboard model', () => {
  const m = buildDashboard(dashboardInput())

  it('reads KPI tiles from the latest scorecard, goals first, with trends and the stored history', () => {
    expect(m.scorecard).toMatchObject({key: '2026-11', score: 78.4, grade: 'B', previous: {key: '2026-10'}, delta: 8.2})
    expect(m.kpis[0].id).toBe('nps')
    const active = m.kpis.find((k) => k.id === 'active_members')!
    expect(active).toMatchObject({
      value: 510,
      target: 900,
      trend: 'up',
      good: true,
      history: [300, 420, 510],
      periods: ['2026-09', '2026-10', '2026-11'],
    })
    const retention = m.kpis.find((k) => k.id === 'retention_d30')!
    expect(retention).toMatchObject({value: null, trend: null, history: [0.1, 0.08, null]})
    expect(retention.good).toBeUndefined()
  })

  it('moves levels by the engagement counts the two scorecards stored', () => {
    expect(m.members.levels?.find((l) => l.id === 'core')).toMatchObject({members: 18, change: 4})
    expect(m.members.levels?.find((l) => l.id === 'dormant')).toMatchObject({members: 117, change: -12})
    expect(m.members.top?.[0]).toMatchObject({member: 'qq:小王', points: 320})
  })

  it('lists the next 14 days of the calendar, open tasks with the overdue first, the latest runs first', () => {
    expect(m.calendar).toMatchObject({from: '2026-12-03', to: '2026-12-16'})
    expect(m.calendar.items.map((i) => i.id)).toEqual(['C2', 'C3', 'C4'])
    expect(m.tasks).toMatchObject({open: 3, overdue: 1})
    expect(m.tasks.items.map((t) => t.id)).toEqual(['T1', 'T2', 'T4'])
    expect(m.runs.map((r) => r.id)).toEqual(['R2', 'R1'])
    expect(m.runs[0].failedStep).toBe('gate')
  })

  it('takes NPS and CSAT from the scorecard and the latest survey from the response index', () => {
    expect(m.survey.nps).toEqual({value: 31, target: 30, period: '2026-11'})
    expect(m.survey.latest).toMatchObject({id: 'S1', name: '满意度调查', responses: 128})
    expect(m.suggestion?.rule).toBe('retention-d30-falling')
    expect(m.hints).toEqual([])
  })

  it('lists every survey with its responses, the latest answered first, and keeps every suggestion for the detail view', () => {
    const input = dashboardInput()
    input.db.surveys = {
      ...input.db.surveys,
      S0: {id: 'S0', name: 'Never answered', locale: 'en', doc: {} as never, createdAt: '2026-10-01T00:00:00Z'},
      S2: {id: 'S2', name: 'Earlier', locale: 'en', doc: {} as never, createdAt: '2026-10-01T00:00:00Z'},
    }
    input.db.responseBatches = [
      ...input.db.responseBatches,
      {id: 'RB2', survey: 'S2', source: 'a.csv', responses: 5, ingestedAt: '2026-10-02T00:00:00Z'},
      {id: 'RB3', survey: 'S2', source: 'b.csv', responses: 7, ingestedAt: '2026-10-09T00:00:00Z'},
    ]
    const suggestions = Array.from({length: 5}, (_, i) => ({...input.suggestions![0], rule: `rule-${i}`}))
    const many = buildDashboard({...input, suggestions})
    expect(many.survey.list).toEqual([
      {id: 'S1', name: '满意度调查', responses: 128, at: '2026-11-30T00:00:00Z'},
      {id: 'S2', name: 'Earlier', responses: 12, at: '2026-10-09T00:00:00Z'},
      {id: 'S0', name: 'Never answered', responses: 0},
    ])
    expect(many.survey.surveys).toBe(3)
    expect(many.suggestions).toBe(5)
    expect(many.ranked.map((x) => x.rule)).toEqual(['rule-0', 'rule-1', 'rule-2', 'rule-3', 'rule-4'])
  })

  it('says which command fills each panel of an empty workspace', () => {
    const empty = buildDashboard(dashboardInput({empty: true}))
    expect(empty.scorecard).toBeNull()
    expect(empty.kpis).toEqual([])
    expect(empty.members).toMatchObject({period: '2026-12', top: null, levels: null})
    expect(empty.hints.map((h) => `${h.panel}:${h.msg.key}`)).toEqual([
      'scorecard:dashboard.hint.scorecard',
      'calendar:dashboard.hint.calendar',
      'runs:dashboard.hint.runs',
      'members:dashboard.hint.points',
      'survey:dashboard.hint.survey',
      'suggestion:dashboard.hint.scorecard',
    ])
  })
})
