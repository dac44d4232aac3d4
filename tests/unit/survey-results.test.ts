import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parseSurveyText} from '../../src/survey/load.js'
import {computeNps, computeResults, scoreOutputs} from '../../src/survey/results.js'
import {resultsMd} from '../../src/survey/results-md.js'
import {memberIndex, segmentReader} from '../../src/survey/segment.js'
import type {Answer, SurveyDoc, SurveyResponse} from '../../src/survey/types.js'

const q4 = async (): Promise<SurveyDoc> =>
  parseSurveyText(await readFile(path.join(import.meta.dirname, '..', 'fixtures', 'survey', 'q4.yaml'), 'utf8'), 'q4.yaml', 'en')

let line = 1
const response = (answers: Record<string, Answer>, extra: Partial<SurveyResponse> = {}): SurveyResponse => ({
  survey: 'S1',
  rowHash: `h${++line}`,
  source: {file: 'x.csv', line},
  answers,
  fields: {},
  ingestedAt: '2026-12-01T00:00:00Z',
  ...extra,
})

describe('NPS', () => {
  it('is % promoters minus % detractors with the 95% margin of error, computed by hand', () => {
    // 10 answers: promoters 10, 9, 9, 10 (4); passives 8, 7 (2); detractors 6, 5, 0, 3 (4).
    // NPS = 40% − 40% = 0; MoE = 1.96 · √((0.4 + 0.4 − 0²) / 10) · 100 = 1.96 · 0.28284 · 100 = 55.4
    expect(computeNps([10, 9, 9, 8, 7, 6, 5, 0, 10, 3])).toMatchObject({
      n: 10,
      promoters: 4,
      passives: 2,
      detractors: 4,
      score: 0,
      marginOfError: 55.4,
    })
    // 20 answers: 12 promoters, 5 passives, 3 detractors → 60% − 15% = 45;
    // MoE = 1.96 · √((0.6 + 0.15 − 0.45²) / 20) · 100 = 1.96 · √(0.5475 / 20) · 100 = 1.96 · 0.16545 · 100 = 32.4
    const values = [...Array(12).fill(9), ...Array(5).fill(7), ...Array(3).fill(2)]
    expect(computeNps(values)).toMatchObject({score: 45, marginOfError: 32.4})
    // All promoters: NPS 100, no spread, MoE 0.
    expect(computeNps([10, 10, 9])).toMatchObject({score: 100, marginOfError: 0})
    expect(computeNps([])).toBeNull()
  })
})

describe('survey results', () => {
  const answers: Array<Record<string, Answer>> = [
    {overall: 5, content: 7, host_rating: 10, nps: 10, region: 'north', topics: ['photo', 'tips'], hours: 4},
    {overall: 4, content: 6, host_rating: 8, nps: 9, region: 'north', topics: ['tips'], hours: 2},
    {overall: 3, content: 4, host_rating: 5, nps: 7, region: 'south', topics: ['news', 'other'], hours: 10},
    {overall: 2, content: 1, host_rating: 1, nps: 3, why_low: 'Too many ads', region: 'south', hours: 0},
    {overall: 5, nps: 6, region: 'other'},
    {overall: 4, content: 5, nps: 8, region: 'north', topics: ['photo']},
  ]

  it('CSAT is the top-two-box share of the CSAT items; 7-point items take 6–7 as their top two', async () => {
    const doc = await q4()
    const r = computeResults(
      doc,
      answers.map((a) => response(a)),
      {locale: 'en', id: 'S1'},
    )
    expect(r.n).toBe(6)
    // overall is the only csat item: 5, 4, 3, 2, 5, 4 → four of six in 4–5.
    expect(r.csat).toEqual({questions: ['overall'], n: 6, score: 0.6667})
    const content = r.questions.find((q) => q.id === 'content')!
    // content (7-point): 7, 6, 4, 1, 5 → 6–7 twice out of five.
    expect(content.topTwo).toBe(0.4)
    expect(content.mean).toBe(4.6)
    // NPS over 10, 9, 7, 3, 6, 8: promoters 2, detractors 2 → 0; MoE = 1.96 · √(4/6 / 6) · 100 = 65.3
    expect(r.nps).toMatchObject({question: 'nps', n: 6, score: 0, marginOfError: 65.3})
  })

  it('dimension means are on 1–5 (7-point and 1–10 items rescaled), with raw means and 0–100 scores', async () => {
    const doc = await q4()
    const r = computeResults(
      doc,
      answers.map((a) => response(a)),
      {locale: 'en', id: 'S1'},
    )
    // service_quality = overall: (5+4+3+2+5+4)/6 = 3.8333
    expect(r.dimensions.service_quality).toEqual({questions: ['overall'], n: 6, mean: 3.83, rawMean: 3.83, score: 70.8})
    // content_quality = content on 7 points: (7+6+4+1+5)/5 = 4.6 raw; on 1–5: 1 + 4·(3.6/6) = 3.4; score 60
    expect(r.dimensions.content_quality).toEqual({questions: ['content'], n: 5, mean: 3.4, rawMean: 4.6, score: 60})
    // hosting (a custom dimension) = rating 1–10: 10, 8, 5, 1 → raw 6; unit (9+7+4+0)/9/4 = 0.5556 → 1 + 2.2222 = 3.22
    expect(r.dimensions.hosting).toEqual({questions: ['host_rating'], n: 4, mean: 3.22, rawMean: 6, score: 55.6})
    expect(scoreOutputs(r)).toEqual({
      n: 6,
      nps: 0,
      nps_moe: 65.3,
      csat: 0.6667,
      service_quality: 3.83,
      content_quality: 3.4,
      atmosphere: null,
      value: null,
      hosting: 3.22,
    })
  })

  it('per-question distributions, choice counts with "other", and text answers', async () => {
    const doc = await q4()
    const r = computeResults(
      doc,
      answers.map((a, i) => response(a, i === 2 ? {others: {topics: 'Drones'}} : {})),
      {locale: 'zh-CN', id: 'S1'},
    )
    const overall = r.questions.find((q) => q.id === 'overall')!
    expect(overall.distribution!.map((b) => [b.value, b.label, b.count])).toEqual([
      [1, '非常不满意', 0],
      [2, '不太满意', 1],
      [3, '一般', 1],
      [4, '比较满意', 2],
      [5, '非常满意', 2],
    ])
    const topics = r.questions.find((q) => q.id === 'topics')!
    expect(topics.n).toBe(4)
    expect(topics.distribution!.map((b) => [b.value, b.count, b.share])).toEqual([
      ['photo', 2, 0.5],
      ['tips', 2, 0.5],
      ['news', 1, 0.25],
      ['other', 1, 0.25],
    ])
    expect(topics.texts).toEqual(['Drones'])
    expect(r.questions.find((q) => q.id === 'why_low')!.texts).toEqual(['Too many ads'])
    expect(r.questions.find((q) => q.id === 'hours')).toMatchObject({n: 4, mean: 4, median: 3, min: 0, max: 10})
    expect(resultsMd(r, 'zh-CN')).toContain('| 4 比较满意 | 2 | 33.3% |')
  })

  it('segments by a choice question, a response column or a member attribute', async () => {
    const doc = await q4()
    const responses = answers.map((a, i) => response(a, {fields: {城市: i % 2 ? '上海' : '北京'}, member: `u${i}`}))
    const members = memberIndex([
      {id: 'u0', level: 'gold'},
      {id: 'u1', attributes: {level: 'silver'}},
      {id: 'u2', level: 'gold'},
    ])
    const byRegion = computeResults(doc, responses, {
      locale: 'en',
      id: 'S1',
      segment: {field: 'region', valueOf: segmentReader('region', doc, responses, members, 'en')!},
    })
    expect(byRegion.segments!.groups.map((g) => [g.value, g.n])).toEqual([
      ['North', 3],
      ['South', 2],
      ['Other (please specify)', 1],
    ])
    expect(byRegion.segments!.groups[0]).toMatchObject({nps: 66.7, csat: 1, dimensions: {service_quality: 4.33}})
    const byCity = segmentReader('城市', doc, responses, members, 'en')!
    expect(responses.map(byCity)).toEqual(['北京', '上海', '北京', '上海', '北京', '上海'])
    const byLevel = segmentReader('level', doc, responses, members, 'en')!
    expect(responses.map(byLevel)).toEqual(['gold', 'silver', 'gold', undefined, undefined, undefined])
    expect(segmentReader('nothing', doc, responses, members, 'en')).toBeUndefined()
  })

  it('segments 100k responses in one pass (copying a group per response took minutes)', async () => {
    const doc = await q4()
    const responses = Array.from({length: 100_000}, (_, i) => response(answers[i % answers.length], {fields: {city: `c${i % 2}`}}))
    const r = computeResults(doc, responses, {
      locale: 'en',
      id: 'S1',
      segment: {field: 'city', valueOf: segmentReader('city', doc, responses, new Map(), 'en')!},
    })
    expect(r.segments!.groups.map((g) => [g.value, g.n])).toEqual([
      ['c0', 50_000],
      ['c1', 50_000],
    ])
  }, 20_000)

  it('with no responses: n = 0 and every score null, never an error', async () => {
    const doc = await q4()
    const r = computeResults(doc, [], {locale: 'en', id: 'S1'})
    expect(r.n).toBe(0)
    expect(r.nps).toBeNull()
    expect(r.csat).toBeNull()
    expect(r.dimensions.service_quality).toEqual({questions: ['overall'], n: 0, mean: null, rawMean: null, score: null})
    expect(scoreOutputs(r)).toMatchObject({n: 0, nps: null, csat: null, service_quality: null, atmosphere: null})
    expect(resultsMd(r, 'en')).toContain('No responses yet')
  })
})
