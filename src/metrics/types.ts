/**
 * What a metric is, as the engine gives it and the scorecard reads it (DESIGN.md "Metric definitions").
 * Plain data: the metrics service produces a MetricSet, the scorecard grades it, commands render it.
 */
import type {Msg} from '../errors.js'
import type {MetricId} from '../schema/kinds/common.js'

export type {MetricId} from '../schema/kinds/common.js'

export type PeriodUnit = 'day' | 'week' | 'month' | 'quarter'

/** A window of whole days in the community's timezone, both ends included. */
export interface Period {
  /** As the user wrote it or as it is shown: `2026-10`, `2026-Q4`, `2026-W44`, `2026-10-01..2026-10-31`. */
  label: string
  /** First day, `YYYY-MM-DD`. */
  from: string
  /** Last day, `YYYY-MM-DD`, included. */
  to: string
  unit: PeriodUnit | 'custom'
  /** IANA zone the days are in (the community's). */
  zone: string
}

/** How a figure is read: a count, a share 0–1, hours, a score, a mean per member. */
export type MetricUnit = 'count' | 'ratio' | 'hours' | 'score' | 'mean'

/** One figure. `value: null` is "n/a", and then `reason` says why (never a silent zero). */
export interface MetricValue {
  id: MetricId
  value: number | null
  unit: MetricUnit
  reason?: Msg
  /** The counts the figure was computed from (`--explain`): `{questions: 40, answered_24h: 31}`. */
  inputs: Record<string, number>
  /** The formula in words, both languages through the catalogue. */
  formula: Msg
  /** Caveats that do not make it n/a (members whose join was inferred from their first activity…). */
  notes?: Msg[]
  /** The days that drove a daily figure (`dau`, `stickiness`), oldest first: only when asked for (`--explain`). */
  days?: Array<{date: string; value: number}>
}

/** The filters a metric set was computed with. */
export interface MetricFilter {
  channel?: string[]
  platform?: string[]
}

/** Every metric for one period. */
export interface MetricSet {
  period: Period
  filter: MetricFilter
  values: MetricValue[]
  /** Hash of the inputs (event batches, member links, survey responses, calendar) so a stored scorecard can tell it is stale. */
  inputsHash: string
}
