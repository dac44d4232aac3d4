/** Scoring survey responses: NPS with its margin of error, CSAT (top two boxes), dimension means, per-question distributions. */
import type {Locale} from '../i18n/index.js'
import {otherLabel, optionsOf, rangeOf, tx, valueLabel} from './text.js'
import type {Question, SurveyDoc, SurveyResponse} from './types.js'

export interface NpsResult {
  question: string
  n: number
  promoters: number
  passives: number
  detractors: number
  /** % promoters − % detractors, −100…100. */
  score: number
  /** 95% margin of error in points: 1.96 · √((p₊ + p₋ − (p₊ − p₋)²) / n) · 100. */
  marginOfError: number
}

export interface CsatResult {
  questions: string[]
  /** Answers counted. */
  n: number
  /** Share of answers in the top two boxes (4–5 of 5, 6–7 of 7), 0–1. */
  score: number
}

export interface DimensionResult {
  questions: string[]
  n: number
  /** Mean on a 1–5 scale (7-point and rating items rescaled onto it). */
  mean: number | null
  /** Mean on the items' own scale when they all share one, else null. */
  rawMean: number | null
  /** Normalised 0–100: (value − lowest) / (highest − lowest). */
  score: number | null
}

export interface Bucket {
  value: string | number
  label: string
  count: number
  /** Of the people who answered the question. */
  share: number
}

export interface QuestionResult {
  id: string
  type: Question['type']
  text: string
  dimension?: string
  n: number
  mean?: number | null
  median?: number | null
  min?: number | null
  max?: number | null
  /** likert: share in the top two boxes. */
  topTwo?: number | null
  nps?: NpsResult | null
  distribution?: Bucket[]
  /** text answers, and what people wrote in "other". */
  texts?: string[]
}

export interface SegmentResult {
  value: string
  n: number
  nps: number | null
  csat: number | null
  dimensions: Record<string, number | null>
}

export interface SurveyResults {
  survey: {id: string; name: string; title: string}
  n: number
  nps: NpsResult | null
  csat: CsatResult | null
  dimensions: Record<string, DimensionResult>
  questions: QuestionResult[]
  segments?: {field: string; groups: SegmentResult[]}
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null)

function median(xs: number[]): number | null {
  if (xs.length === 0) return null
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

const numbers = (q: Question, responses: SurveyResponse[]) =>
  responses.map((r) => r.answers[q.id]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))

/** NPS of 0–10 answers: promoters 9–10 minus detractors 0–6, in percent, with its 95% margin of error; null when nobody answered. */
export function computeNps(values: number[], question = 'nps'): NpsResult | null {
  const n = values.length
  if (n === 0) return null
  const promoters = values.filter((v) => v >= 9).length
  const detractors = values.filter((v) => v <= 6).length
  const pp = promoters / n
  const pd = detractors / n
  const variance = pp + pd - (pp - pd) ** 2
  return {
    question,
    n,
    promoters,
    passives: n - promoters - detractors,
    detractors,
    score: round((pp - pd) * 100, 1),
    marginOfError: round(1.96 * Math.sqrt(Math.max(0, variance) / n) * 100, 1),
  }
}

/** Share of likert answers in the top two boxes, over the CSAT items (those marked csat, else every likert item). */
export function computeCsat(doc: SurveyDoc, responses: SurveyResponse[]): CsatResult | null {
  const likert = doc.questions.filter((q) => q.type === 'likert')
  const items = likert.some((q) => q.csat) ? likert.filter((q) => q.csat) : likert
  let n = 0
  let top = 0
  for (const q of items) {
    const scale = q.scale ?? 5
    for (const v of numbers(q, responses)) {
      n++
      if (v >= scale - 1) top++
    }
  }
  return n === 0 ? null : {questions: items.map((q) => q.id), n, score: round(top / n, 4)}
}

/** Dimension means on 1–5, raw and normalised 0–100, over the likert and rating items of each dimension. */
export function computeDimensions(doc: SurveyDoc, responses: SurveyResponse[]): Record<string, DimensionResult> {
  const out: Record<string, DimensionResult> = {}
  const dims = [...new Set(doc.questions.filter((q) => q.dimension).map((q) => q.dimension!))]
  for (const dim of dims) {
    const items = doc.questions.filter((q) => q.dimension === dim && (q.type === 'likert' || q.type === 'rating'))
    const scales = new Set(items.map((q) => rangeOf(q)!.join('-')))
    const raw: number[] = []
    const unit: number[] = []
    for (const q of items) {
      const [lo, hi] = rangeOf(q)!
      for (const v of numbers(q, responses)) {
        raw.push(v)
        unit.push((v - lo) / (hi - lo))
      }
    }
    const u = mean(unit)
    const r = mean(raw)
    out[dim] = {
      questions: items.map((q) => q.id),
      n: unit.length,
      mean: u === null ? null : round(1 + 4 * u),
      rawMean: r === null || scales.size !== 1 ? null : round(r),
      score: u === null ? null : round(100 * u, 1),
    }
  }
  return out
}

function questionResult(q: Question, responses: SurveyResponse[], locale: Locale): QuestionResult {
  const base: QuestionResult = {id: q.id, type: q.type, text: tx(q.text, locale), ...(q.dimension ? {dimension: q.dimension} : {}), n: 0}
  const answered = responses.filter(
    (r) => r.answers[q.id] !== undefined && !(Array.isArray(r.answers[q.id]) && (r.answers[q.id] as string[]).length === 0),
  )
  base.n = answered.length
  const share = (count: number) => (answered.length ? round(count / answered.length, 4) : 0)
  if (q.type === 'text') return {...base, texts: answered.map((r) => String(r.answers[q.id]))}
  if (q.type === 'single' || q.type === 'multi') {
    const values = [...optionsOf(q).map((o) => o.id), ...(q.other ? ['other'] : [])]
    const counts = new Map(values.map((v) => [v, 0]))
    for (const r of answered) for (const v of ([] as string[]).concat(r.answers[q.id] as string | string[])) counts.set(v, (counts.get(v) ?? 0) + 1)
    const texts = responses.map((r) => r.others?.[q.id]).filter((t): t is string => Boolean(t))
    return {
      ...base,
      distribution: [...counts].map(([value, count]) => ({
        value,
        label: value === 'other' ? otherLabel(q, locale) : valueLabel(q, value, locale),
        count,
        share: share(count),
      })),
      ...(texts.length ? {texts} : {}),
    }
  }
  const values = numbers(q, answered)
  const m = mean(values)
  const result: QuestionResult = {
    ...base,
    mean: m === null ? null : round(m),
    median: median(values),
    // reduce, not Math.min(...values): spreading 100k answers overflows the call stack
    min: values.length ? values.reduce((a, b) => Math.min(a, b)) : null,
    max: values.length ? values.reduce((a, b) => Math.max(a, b)) : null,
  }
  const range = rangeOf(q)!
  if (q.type !== 'number' && Number.isFinite(range[0]) && Number.isFinite(range[1]) && range[1] - range[0] <= 100) {
    const buckets: Bucket[] = []
    for (let v = range[0]; v <= range[1]; v++) {
      const count = values.filter((x) => x === v).length
      buckets.push({value: v, label: valueLabel(q, v, locale), count, share: share(count)})
    }
    result.distribution = buckets
  }
  if (q.type === 'likert') {
    const scale = q.scale ?? 5
    result.topTwo = values.length ? round(values.filter((v) => v >= scale - 1).length / values.length, 4) : null
  }
  if (q.type === 'nps') result.nps = computeNps(values, q.id)
  return result
}

/** The headline scores of a set of responses: NPS, CSAT and dimension means (1–5). */
function headline(
  doc: SurveyDoc,
  responses: SurveyResponse[],
): {nps: NpsResult | null; csat: CsatResult | null; dimensions: Record<string, DimensionResult>} {
  const npsQuestion = doc.questions.find((q) => q.type === 'nps')
  return {
    nps: npsQuestion ? computeNps(numbers(npsQuestion, responses), npsQuestion.id) : null,
    csat: computeCsat(doc, responses),
    dimensions: computeDimensions(doc, responses),
  }
}

export interface ResultsOptions {
  locale: Locale
  id: string
  /** Segment name and how to read it from a response; responses without a value go to "—". */
  segment?: {field: string; valueOf: (r: SurveyResponse) => string | undefined}
}

/** Every score of a survey's responses; with no responses every score is null and n is 0. */
export function computeResults(doc: SurveyDoc, responses: SurveyResponse[], o: ResultsOptions): SurveyResults {
  const top = headline(doc, responses)
  const results: SurveyResults = {
    survey: {id: o.id, name: doc.name, title: tx(doc.title, o.locale)},
    n: responses.length,
    ...top,
    questions: doc.questions.map((q) => questionResult(q, responses, o.locale)),
  }
  if (o.segment) {
    const groups = new Map<string, SurveyResponse[]>()
    // One pass, appending in place: copying a group per response made this quadratic.
    for (const r of responses) {
      const value = o.segment.valueOf(r) ?? '—'
      const group = groups.get(value)
      if (group) group.push(r)
      else groups.set(value, [r])
    }
    results.segments = {
      field: o.segment.field,
      groups: [...groups]
        .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
        .map(([value, list]) => {
          const h = headline(doc, list)
          return {
            value,
            n: list.length,
            nps: h.nps?.score ?? null,
            csat: h.csat?.score ?? null,
            dimensions: Object.fromEntries(Object.entries(h.dimensions).map(([d, r]) => [d, r.mean])),
          }
        }),
    }
  }
  return results
}

/** The outputs a scorecard reads: {n, nps, nps_moe, csat, service_quality, content_quality, atmosphere, value, …}; null when unknown. */
export function scoreOutputs(results: SurveyResults): Record<string, number | null> {
  const out: Record<string, number | null> = {
    n: results.n,
    nps: results.nps?.score ?? null,
    nps_moe: results.nps?.marginOfError ?? null,
    csat: results.csat?.score ?? null,
  }
  for (const dim of ['service_quality', 'content_quality', 'atmosphere', 'value']) out[dim] = results.dimensions[dim]?.mean ?? null
  for (const [dim, r] of Object.entries(results.dimensions)) if (!(dim in out)) out[dim] = r.mean
  return out
}
