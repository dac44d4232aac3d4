/** Grading a MetricSet against a resolved spec (DESIGN.md "scorecard"). Pure: plain data in, plain data out. */
import type {MetricSet, MetricValue} from '../metrics/types.js'
import type {DimensionScore, GradeBand, MetricScore, ResolvedSpec, Scorecard, SpecMetric} from './types.js'

const round1 = (x: number): number => Math.round(x * 10) / 10
const clamp = (x: number): number => Math.min(100, Math.max(0, x))

/**
 * A figure's score, 0–100: linear from `zeroAt` (default 0) to the target for `up`, capped at 100 past the target;
 * for `down`, 100 at or below the target, then linear to 0 at `zeroAt` when given, else target ÷ value.
 */
export function metricScore(value: number, m: {target: number; direction: 'up' | 'down'; zeroAt?: number}): number {
  const {target, direction, zeroAt} = m
  if (direction === 'up') {
    const zero = zeroAt ?? 0
    if (value >= target) return 100
    if (target <= zero) return 0
    return round1(clamp((100 * (value - zero)) / (target - zero)))
  }
  if (value <= target) return 100
  if (zeroAt !== undefined) return zeroAt <= target ? 0 : round1(clamp((100 * (zeroAt - value)) / (zeroAt - target)))
  if (target <= 0) return 0
  return round1(clamp((100 * target) / value))
}

/** The weighted mean of the scores that are not n/a (weights ≤ 0 count for nothing); null when none is left. */
export function weightedMean(items: Array<{score: number | null; weight: number}>): number | null {
  let sum = 0
  let weights = 0
  for (const {score, weight} of items) {
    if (score === null || !(weight > 0)) continue
    sum += score * weight
    weights += weight
  }
  return weights > 0 ? round1(sum / weights) : null
}

/** The grade of a score: the first band (highest first) whose minimum it reaches, else the lowest band. */
export function gradeOf(score: number | null, bands: readonly GradeBand[]): string | null {
  if (score === null || bands.length === 0) return null
  return (bands.find((b) => score >= b.min) ?? bands[bands.length - 1]).grade
}

function scoreLine(m: SpecMetric, v: MetricValue | undefined): MetricScore {
  const base = {
    id: m.metric,
    unit: v?.unit ?? 'count',
    target: m.target,
    direction: m.direction,
    weight: m.weight,
    ...(m.zeroAt === undefined ? {} : {zeroAt: m.zeroAt}),
    inputs: v?.inputs ?? {},
    formula: v?.formula ?? {key: 'scorecard.na.notComputed', params: {metric: m.metric}},
    ...(v?.notes?.length ? {notes: v.notes} : {}),
    source: m.source,
    ...(m.at ? {at: m.at} : {}),
  }
  if (!v) return {...base, value: null, score: null, reason: {key: 'scorecard.na.notComputed', params: {metric: m.metric}}}
  if (v.value === null || !Number.isFinite(v.value))
    return {...base, value: null, score: null, reason: v.reason ?? {key: 'scorecard.na.noValue', params: {metric: m.metric}}}
  if (m.target === null) return {...base, value: v.value, score: null, reason: {key: 'scorecard.na.noTarget', params: {metric: m.metric}}}
  return {...base, value: v.value, score: metricScore(v.value, {target: m.target, direction: m.direction, zeroAt: m.zeroAt})}
}

/** Grades every metric of the spec, then each dimension (weighted mean), then the whole (weighted mean of dimensions). */
export function gradeMetrics(set: MetricSet, spec: ResolvedSpec, o: {now: Date; key: string}): Scorecard {
  const byId = new Map(set.values.map((v) => [v.id, v]))
  const dimensions: DimensionScore[] = spec.dimensions.map((d) => {
    const metrics = d.metrics.map((m) => scoreLine(m, byId.get(m.metric)))
    const score = weightedMean(metrics)
    return {id: d.id, weight: d.weight, ...(d.title ? {title: d.title} : {}), score, grade: gradeOf(score, spec.grades), metrics}
  })
  const score = weightedMean(dimensions)
  return {
    key: o.key,
    period: set.period,
    filter: set.filter,
    spec: {name: spec.name, hash: spec.hash, source: spec.source, ...(spec.title ? {title: spec.title} : {}), grades: spec.grades},
    inputsHash: set.inputsHash,
    computedAt: o.now.toISOString(),
    score,
    grade: gradeOf(score, spec.grades),
    dimensions,
  }
}

/** The store key of a period's scorecard: its label, then its filter when it has one (`2026-10 channel=a,b`). */
export function scorecardKey(label: string, filter: {channel?: string[]; platform?: string[]}): string {
  const parts = [label]
  for (const name of ['channel', 'platform'] as const) {
    const values = filter[name]
    if (values?.length) parts.push(`${name}=${[...values].sort().join(',')}`)
  }
  return parts.join(' ')
}
