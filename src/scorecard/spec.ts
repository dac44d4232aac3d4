/** Resolving a ScorecardSpec: the spec's own targets, then the community's goals, then the default spec's. Pure. */
import type {LocalizedText} from '../i18n/index.js'
import type {MetricId} from '../metrics/types.js'
import {sha256Hex} from '../util/hash.js'
import {
  DIMENSIONS,
  type DimensionId,
  type Direction,
  type GradeBand,
  type ResolvedSpec,
  type SpecDimension,
  type SpecLocation,
  type SpecMetric,
} from './types.js'

/** A metric line of a ScorecardSpec as written. */
export interface SpecMetricDoc {
  metric: MetricId
  target?: number
  direction?: Direction
  weight?: number
  zeroAt?: number
}

/** A ScorecardSpec document as written (schema: src/schema/kinds/scorecard.ts). */
export interface ScorecardSpecDoc {
  apiVersion?: string
  kind?: 'ScorecardSpec'
  name: string
  title?: LocalizedText
  /** Read targets from community.yaml `goals:` (default true). */
  goals?: boolean
  grades?: Record<string, number>
  dimensions?: Array<{id: DimensionId; weight?: number; title?: LocalizedText; metrics?: SpecMetricDoc[]}>
}

/** A goal of community.yaml, with where it was written. */
export interface GoalInput {
  metric: string
  target: number
  direction?: Direction
  weight?: number
  dimension?: string
  at?: SpecLocation
}

/** Grades of DESIGN.md: A ≥ 90, B ≥ 75, C ≥ 60, D ≥ 40, else F. */
export const DEFAULT_GRADES: readonly GradeBand[] = [
  {grade: 'A', min: 90},
  {grade: 'B', min: 75},
  {grade: 'C', min: 60},
  {grade: 'D', min: 40},
  {grade: 'F', min: 0},
]

/** The dimension a metric belongs to when neither the spec nor its goal says. */
export const METRIC_DIMENSION: Record<MetricId, DimensionId> = {
  members_total: 'growth',
  new_members: 'growth',
  growth_rate: 'growth',
  churn_rate: 'growth',
  active_members: 'activity',
  dau: 'activity',
  wau: 'activity',
  mau: 'activity',
  stickiness: 'activity',
  interactions_per_active: 'activity',
  topic_participation: 'activity',
  response_rate_24h: 'activity',
  median_first_response_h: 'activity',
  event_participation: 'activity',
  retention_d7: 'retention',
  retention_d30: 'retention',
  csat: 'satisfaction',
  nps: 'satisfaction',
  service_quality: 'satisfaction',
  content_quality: 'satisfaction',
  atmosphere: 'satisfaction',
  answered_share: 'value',
  content_reach: 'value',
  reciprocity: 'value',
  conversion_rate: 'value',
  calendar_adherence: 'content',
  engagement_score: 'activity',
}

/** Metrics where less is better. */
const DOWN: ReadonlySet<MetricId> = new Set<MetricId>(['churn_rate', 'median_first_response_h'])

/** The direction a metric is read in when nothing says. */
export const defaultDirection = (metric: MetricId): Direction => (DOWN.has(metric) ? 'down' : 'up')

/** Grade bands from a spec's `grades:` map (or the default), highest first. */
export function gradeBands(grades: Record<string, number> | undefined): GradeBand[] {
  if (!grades || Object.keys(grades).length === 0) return DEFAULT_GRADES.map((b) => ({...b}))
  return Object.entries(grades)
    .map(([grade, min]) => ({grade, min}))
    .sort((a, b) => b.min - a.min)
}

interface Sources {
  /** The workspace's spec, if it has one, and where it is (relative path). */
  spec?: {doc: ScorecardSpecDoc; file: string; locate?: (pointer: string) => SpecLocation}
  /** The default spec shipped with commops. */
  fallback: ScorecardSpecDoc
  goals: GoalInput[]
}

/** The targets, directions and weights a scorecard grades with, every target traced to where it was written. */
export function resolveSpec({spec, fallback, goals}: Sources): ResolvedSpec {
  const doc = spec?.doc
  const defaults = new Map<MetricId, SpecMetricDoc>()
  for (const d of fallback.dimensions ?? []) for (const m of d.metrics ?? []) defaults.set(m.metric, m)
  const own = doc?.dimensions !== undefined
  const base = own ? doc.dimensions! : (fallback.dimensions ?? [])
  const useGoals = doc?.goals !== false
  const goalOf = new Map<string, GoalInput>()
  if (useGoals) for (const g of goals) goalOf.set(g.metric, g)

  const dims = new Map<DimensionId, SpecDimension>()
  const placed = new Set<MetricId>()
  base.forEach((d, di) => {
    const dim: SpecDimension = {id: d.id, weight: d.weight ?? 1, ...(d.title ? {title: d.title} : {}), metrics: []}
    ;(d.metrics ?? []).forEach((m, mi) => {
      const goal = goalOf.get(m.metric)
      // a goal naming another dimension moves the metric there, unless the workspace's own spec placed it
      if (!own && goal?.dimension && goal.dimension !== d.id) return
      const written = own ? m : undefined
      const fromDefault = defaults.get(m.metric)
      const at = written?.target !== undefined ? spec?.locate?.(`/dimensions/${di}/metrics/${mi}/target`) : undefined
      dim.metrics.push(line(m.metric, written, goal, fromDefault, at))
      placed.add(m.metric)
    })
    dims.set(d.id, dim)
  })
  // goals the default spec does not grade join their dimension; a workspace's own dimensions are taken as written
  for (const g of own ? [] : goalOf.values()) {
    const metric = g.metric as MetricId
    if (placed.has(metric) || !(metric in METRIC_DIMENSION)) continue
    const id = (g.dimension as DimensionId | undefined) ?? METRIC_DIMENSION[metric]
    if (!dims.has(id)) dims.set(id, {id, weight: 1, metrics: []})
    dims.get(id)!.metrics.push(line(metric, undefined, g, undefined, undefined))
    placed.add(metric)
  }
  const order = (id: DimensionId) => (base.findIndex((d) => d.id === id) + 1 || 100) * 10 + DIMENSIONS.indexOf(id)
  const dimensions = [...dims.values()].sort((a, b) => order(a.id) - order(b.id))
  const grades = gradeBands(doc?.grades ?? fallback.grades)
  const name = doc?.name ?? fallback.name
  const title = doc?.title ?? fallback.title
  const hash = sha256Hex(
    JSON.stringify({
      grades,
      dimensions: dimensions.map((d) => ({id: d.id, weight: d.weight, metrics: d.metrics.map(({at: _at, source: _s, ...m}) => m)})),
    }),
  ).slice(0, 16)
  return {name, ...(title ? {title} : {}), hash, source: spec?.file ?? 'default', dimensions, grades}
}

/** One metric line: each field from the spec as written, then its goal, then the default spec. */
function line(
  metric: MetricId,
  written: SpecMetricDoc | undefined,
  goal: GoalInput | undefined,
  fallback: SpecMetricDoc | undefined,
  at: SpecLocation | undefined,
): SpecMetric {
  const target = written?.target ?? goal?.target ?? fallback?.target ?? null
  const source = written?.target !== undefined ? 'spec' : goal ? 'goal' : 'default'
  const zeroAt = written?.zeroAt ?? fallback?.zeroAt
  return {
    metric,
    target,
    direction: written?.direction ?? goal?.direction ?? fallback?.direction ?? defaultDirection(metric),
    weight: written?.weight ?? goal?.weight ?? fallback?.weight ?? 1,
    ...(zeroAt === undefined ? {} : {zeroAt}),
    source,
    ...(source === 'spec' && at ? {at} : source === 'goal' && goal?.at ? {at: goal.at} : {}),
  }
}
