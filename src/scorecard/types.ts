/** What a scorecard is made of: the spec it grades against and the graded result kept in the store. Plain data. */
import type {Msg} from '../errors.js'
import type {LocalizedText} from '../i18n/index.js'
import type {MetricFilter, MetricId, MetricUnit, Period} from '../metrics/types.js'

/** The handbook's evaluation dimensions, in the order they are shown. */
export const DIMENSIONS = ['activity', 'growth', 'retention', 'satisfaction', 'value', 'content'] as const
export type DimensionId = (typeof DIMENSIONS)[number]

export type Direction = 'up' | 'down'

/** Where a target was written: the spec file, a goal in community.yaml, or the default spec shipped with commops. */
export type TargetSource = 'spec' | 'goal' | 'default'

/** A place in a workspace file (1-based), for CI reports. */
export interface SpecLocation {
  file: string
  line: number
  col: number
}

/** One graded metric of a resolved spec. */
export interface SpecMetric {
  metric: MetricId
  /** null: no target anywhere (spec, goals, default), so the row is n/a. */
  target: number | null
  direction: Direction
  weight: number
  /** The value that scores 0 (linear from it to the target); without it: 0 for `up`, target ÷ value for `down`. */
  zeroAt?: number
  source: TargetSource
  at?: SpecLocation
}

export interface SpecDimension {
  id: DimensionId
  weight: number
  title?: LocalizedText
  metrics: SpecMetric[]
}

/** A grade and the lowest overall score that earns it. */
export interface GradeBand {
  grade: string
  min: number
}

/** A spec ready to grade with: every target resolved (spec, then community goals, then the default). */
export interface ResolvedSpec {
  name: string
  title?: LocalizedText
  /** Hash of the resolved spec, so a stored scorecard tells which targets it was graded against. */
  hash: string
  /** The spec file relative to the workspace, or `default`. */
  source: string
  dimensions: SpecDimension[]
  /** Highest first. */
  grades: GradeBand[]
}

/** One metric row of a scorecard. `score: null` is n/a (its reason says why) and is left out of the means. */
export interface MetricScore {
  id: MetricId
  value: number | null
  unit: MetricUnit
  target: number | null
  direction: Direction
  weight: number
  zeroAt?: number
  score: number | null
  reason?: Msg
  inputs: Record<string, number>
  formula: Msg
  notes?: Msg[]
  source: TargetSource
  at?: SpecLocation
}

export interface DimensionScore {
  id: DimensionId
  weight: number
  title?: LocalizedText
  /** Weighted mean of its metrics' scores; null when none of them has a figure. */
  score: number | null
  grade: string | null
  metrics: MetricScore[]
}

/** A graded period, as stored in `scorecards` (keyed by `key`). */
export interface Scorecard {
  /** The period label, then the filter when there is one: `2026-10`, `2026-10 channel=wechat-main`. */
  key: string
  period: Period
  filter: MetricFilter
  spec: {name: string; hash: string; source: string; title?: LocalizedText; grades: GradeBand[]}
  /** MetricSet.inputsHash: the events, links, responses and calendar the figures came from. */
  inputsHash: string
  computedAt: string
  score: number | null
  grade: string | null
  dimensions: DimensionScore[]
}

/** A change between two scorecards, metric by metric and dimension by dimension. */
export interface ScoreChange {
  from: number | null
  to: number | null
  /** to − from, rounded; null when either is n/a. */
  delta: number | null
}

export interface MetricChange {
  id: MetricId
  dimension: DimensionId
  unit: MetricUnit
  value: ScoreChange
  score: ScoreChange
  /** The target differs between the two scorecards. */
  targetChanged?: boolean
}

export interface DimensionChange {
  id: DimensionId
  score: ScoreChange
  grade: {from: string | null; to: string | null}
}

export interface ScorecardDiff {
  from: {key: string; period: string}
  to: {key: string; period: string}
  score: ScoreChange
  grade: {from: string | null; to: string | null}
  /** The two were graded against different specs (targets, weights or bands). */
  specChanged: boolean
  dimensions: DimensionChange[]
  metrics: MetricChange[]
}

/** A scorecard as shown: the stored one and its change since the previous period's (same spec, same filter). */
export interface ScorecardView {
  card: Scorecard
  previous?: {key: string; period: string; score: number | null; grade: string | null}
  changes?: ScorecardDiff
}
