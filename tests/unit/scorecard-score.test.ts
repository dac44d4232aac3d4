import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {gradeMetrics, gradeOf, metricScore, scorecardKey, weightedMean} from '../../src/scorecard/score.js'
import {DEFAULT_GRADES, gradeBands, resolveSpec, type ScorecardSpecDoc} from '../../src/scorecard/spec.js'
import {parseThreshold, passes} from '../../src/scorecard/threshold.js'
import type {ResolvedSpec} from '../../src/scorecard/types.js'
import {metricSet} from '../helpers/metric-sets.js'

const fallback: ScorecardSpecDoc = {
  name: 'default',
  dimensions: [
    {
      id: 'activity',
      metrics: [
        {metric: 'stickiness', target: 0.2, weight: 2},
        {metric: 'wau', target: 100},
      ],
    },
    {id: 'growth', metrics: [{metric: 'churn_rate', target: 0.05, direction: 'down'}]},
    {id: 'satisfaction', metrics: [{metric: 'nps', target: 30, zeroAt: -100}]},
  ],
}

describe('metricScore', () => {
  it('is linear from 0 to the target and capped at 100 above it', () => {
    expect(metricScore(0.1, {target: 0.2, direction: 'up'})).toBe(50)
    expect(metricScore(0.15, {target: 0.2, direction: 'up'})).toBe(75)
    expect(metricScore(0.5, {target: 0.2, direction: 'up'})).toBe(100)
    expect(metricScore(-3, {target: 0.2, direction: 'up'})).toBe(0)
  })

  it('reads direction down as target ÷ value, 100 at or under the target', () => {
    expect(metricScore(0.04, {target: 0.05, direction: 'down'})).toBe(100)
    expect(metricScore(0.1, {target: 0.05, direction: 'down'})).toBe(50)
    expect(metricScore(12, {target: 6, direction: 'down'})).toBe(50)
    expect(metricScore(0, {target: 0, direction: 'down'})).toBe(100)
    expect(metricScore(1, {target: 0, direction: 'down'})).toBe(0)
  })

  it('is linear from zeroAt to the target when given, both ways', () => {
    // nps: -100 scores 0, 30 scores 100, -35 is halfway
    expect(metricScore(-35, {target: 30, direction: 'up', zeroAt: -100})).toBe(50)
    expect(metricScore(-100, {target: 30, direction: 'up', zeroAt: -100})).toBe(0)
    // hours: 6 scores 100, 30 scores 0, 18 is halfway, 40 is capped at 0
    expect(metricScore(18, {target: 6, direction: 'down', zeroAt: 30})).toBe(50)
    expect(metricScore(40, {target: 6, direction: 'down', zeroAt: 30})).toBe(0)
    // 1–5 means: 1 scores 0, 4 scores 100
    expect(metricScore(2.5, {target: 4, direction: 'up', zeroAt: 1})).toBe(50)
  })
})

describe('weightedMean and gradeOf', () => {
  it('leaves n/a and weight 0 out of the mean; nothing left is n/a', () => {
    expect(
      weightedMean([
        {score: 100, weight: 3},
        {score: 50, weight: 1},
      ]),
    ).toBe(87.5)
    expect(
      weightedMean([
        {score: 100, weight: 1},
        {score: null, weight: 5},
        {score: 0, weight: 0},
      ]),
    ).toBe(100)
    expect(weightedMean([{score: null, weight: 1}])).toBeNull()
    expect(weightedMean([])).toBeNull()
  })

  it('grades A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else F, or by the spec’s bands', () => {
    expect([95, 90, 89.9, 75, 60, 59.9, 40, 39.9, 0].map((s) => gradeOf(s, DEFAULT_GRADES))).toEqual(['A', 'A', 'B', 'B', 'C', 'D', 'D', 'F', 'F'])
    expect(gradeOf(null, DEFAULT_GRADES)).toBeNull()
    const bands = gradeBands({优: 85, 良: 70, 差: 0})
    expect(bands.map((b) => b.grade)).toEqual(['优', '良', '差'])
    expect(gradeOf(80, bands)).toBe('良')
    // bands without a floor: below the lowest is still the lowest grade
    expect(gradeOf(10, gradeBands({pass: 50}))).toBe('pass')
  })
})

describe('gradeMetrics', () => {
  const spec: ResolvedSpec = resolveSpec({fallback, goals: []})

  it('grades each metric, each dimension and the whole by hand-computed weighted means', () => {
    // stickiness 0.15 → 75 (w2), wau 50 → 50 (w1): activity (150 + 50) / 3 = 66.7
    // churn 0.1 vs 0.05 down → 50; nps -35 → 50; overall (66.7 + 50 + 50) / 3 = 55.6
    const card = gradeMetrics(metricSet('2026-10', {stickiness: 0.15, wau: 50, churn_rate: 0.1, nps: -35}), spec, {now: new Date(0), key: '2026-10'})
    const activity = card.dimensions.find((d) => d.id === 'activity')!
    expect(activity.metrics.map((m) => [m.id, m.score])).toEqual([
      ['stickiness', 75],
      ['wau', 50],
    ])
    expect(activity.score).toBe(66.7)
    expect(activity.grade).toBe('C')
    expect(card.dimensions.map((d) => d.score)).toEqual([66.7, 50, 50])
    expect(card.score).toBe(55.6)
    expect(card.grade).toBe('D')
    expect(card.inputsHash).toBe('h-2026-10')
    expect(card.spec).toMatchObject({name: 'default', hash: spec.hash})
  })

  it('shows an n/a metric with its reason and leaves it out; a dimension with no figures is n/a and left out too', () => {
    const card = gradeMetrics(metricSet('2026-10', {stickiness: 0.2, wau: null, churn_rate: null}), spec, {now: new Date(0), key: '2026-10'})
    const wau = card.dimensions[0].metrics[1]
    expect(wau).toMatchObject({id: 'wau', value: null, score: null, reason: {key: 'test.reason'}})
    expect(card.dimensions[0].score).toBe(100)
    expect(card.dimensions[1]).toMatchObject({id: 'growth', score: null, grade: null})
    // nps was not computed at all
    expect(card.dimensions[2].metrics[0]).toMatchObject({score: null, reason: {key: 'scorecard.na.notComputed'}})
    expect(card.score).toBe(100)
    expect(card.grade).toBe('A')
  })

  it('is n/a as a whole when nothing has a figure', () => {
    const card = gradeMetrics(metricSet('2026-10', {}), spec, {now: new Date(0), key: '2026-10'})
    expect(card.score).toBeNull()
    expect(card.grade).toBeNull()
  })
})

describe('resolveSpec', () => {
  it('takes targets from the goals of community.yaml over the default, keeping where they were written', () => {
    const at = {file: 'community.yaml', line: 40, col: 13}
    const spec = resolveSpec({fallback, goals: [{metric: 'wau', target: 350, weight: 3, at}]})
    expect(spec.dimensions[0].metrics[1]).toEqual({metric: 'wau', target: 350, direction: 'up', weight: 3, source: 'goal', at})
    expect(spec.dimensions[0].metrics[0]).toMatchObject({metric: 'stickiness', target: 0.2, source: 'default'})
  })

  it('adds goals the spec does not grade to their dimension, and a goal naming another dimension moves its metric', () => {
    const spec = resolveSpec({
      fallback,
      goals: [
        {metric: 'retention_d30', target: 0.3},
        {metric: 'wau', target: 200, dimension: 'growth'},
        {metric: 'median_first_response_h', target: 6},
      ],
    })
    const ids = Object.fromEntries(spec.dimensions.map((d) => [d.id, d.metrics.map((m) => m.metric)]))
    expect(ids).toEqual({
      activity: ['stickiness', 'median_first_response_h'],
      growth: ['churn_rate', 'wau'],
      satisfaction: ['nps'],
      retention: ['retention_d30'],
    })
    // a goal without a direction reads the metric's own: less is better for response hours
    expect(spec.dimensions[0].metrics[1].direction).toBe('down')
  })

  it('a workspace spec replaces the dimensions, its own targets win over goals, goals: false ignores them', () => {
    const doc: ScorecardSpecDoc = {
      name: 'mine',
      grades: {S: 95, A: 80, F: 0},
      dimensions: [{id: 'activity', weight: 2, metrics: [{metric: 'wau', target: 10}, {metric: 'stickiness'}, {metric: 'dau'}]}],
    }
    const located = {doc, file: 'scorecard.yaml', locate: (p: string) => ({file: 'scorecard.yaml', line: p.length, col: 1})}
    const spec = resolveSpec({
      spec: located,
      fallback,
      goals: [
        {metric: 'wau', target: 500},
        {metric: 'stickiness', target: 0.3},
      ],
    })
    expect(spec.source).toBe('scorecard.yaml')
    expect(spec.grades.map((g) => g.grade)).toEqual(['S', 'A', 'F'])
    expect(spec.dimensions).toHaveLength(1)
    expect(spec.dimensions[0].metrics).toMatchObject([
      {metric: 'wau', target: 10, source: 'spec', at: {file: 'scorecard.yaml'}},
      {metric: 'stickiness', target: 0.3, source: 'goal'},
      {metric: 'dau', target: null, source: 'default'},
    ])
    const off = resolveSpec({spec: {...located, doc: {...doc, goals: false}}, fallback, goals: [{metric: 'stickiness', target: 0.3}]})
    expect(off.dimensions[0].metrics[1]).toMatchObject({metric: 'stickiness', target: 0.2, source: 'default'})
    // a metric with no target anywhere is n/a, with the reason
    const card = gradeMetrics(metricSet('2026-10', {dau: 12}), spec, {now: new Date(0), key: 'k'})
    expect(card.dimensions[0].metrics[2]).toMatchObject({value: 12, score: null, reason: {key: 'scorecard.na.noTarget'}})
  })

  it('hashes the targets, not where they were written', () => {
    const a = resolveSpec({fallback, goals: [{metric: 'wau', target: 350, at: {file: 'community.yaml', line: 1, col: 1}}]})
    const b = resolveSpec({fallback, goals: [{metric: 'wau', target: 350, at: {file: 'community.yaml', line: 9, col: 9}}]})
    const c = resolveSpec({fallback, goals: [{metric: 'wau', target: 351}]})
    expect(a.hash).toBe(b.hash)
    expect(a.hash).not.toBe(c.hash)
  })
})

describe('--fail-under', () => {
  it('reads a grade of the bands (any case) or a score 0–100', () => {
    expect(parseThreshold('B', DEFAULT_GRADES)).toEqual({text: 'B', min: 75, grade: 'B'})
    expect(parseThreshold('c', DEFAULT_GRADES)).toMatchObject({min: 60, grade: 'C'})
    expect(parseThreshold('82.5', DEFAULT_GRADES)).toEqual({text: '82.5', min: 82.5})
    expect(parseThreshold('0', DEFAULT_GRADES).min).toBe(0)
  })

  it('refuses anything else as a usage error (exit 2) naming the grades', () => {
    for (const bad of ['X', '101', '-5', 'B+', '']) {
      let error: unknown
      try {
        parseThreshold(bad, DEFAULT_GRADES)
      } catch (e) {
        error = e
      }
      expect(error, bad).toBeInstanceOf(UsageError)
      expect((error as UsageError).exitCode).toBe(2)
      expect((error as UsageError).hint?.params).toEqual({grades: 'A, B, C, D, F'})
    }
  })

  it('passes at or above the threshold; an n/a scorecard never passes', () => {
    const b = parseThreshold('B', DEFAULT_GRADES)
    expect(passes({score: 75}, b)).toBe(true)
    expect(passes({score: 74.9}, b)).toBe(false)
    expect(passes({score: null}, parseThreshold('0', DEFAULT_GRADES))).toBe(false)
  })
})

describe('scorecardKey', () => {
  it('is the period label, then the sorted filter', () => {
    expect(scorecardKey('2026-10', {})).toBe('2026-10')
    expect(scorecardKey('2026-10', {channel: ['b', 'a'], platform: ['qq']})).toBe('2026-10 channel=a,b platform=qq')
  })
})
