/** Building MetricValues: the unit of each metric, its formula, rounding, and "n/a with a reason". */
import type {Msg} from '../errors.js'
import type {MetricId, MetricUnit, MetricValue} from './types.js'

/** How each metric is read. */
export const METRIC_UNITS: Record<MetricId, MetricUnit> = {
  members_total: 'count',
  new_members: 'count',
  growth_rate: 'ratio',
  active_members: 'count',
  dau: 'mean',
  wau: 'count',
  mau: 'count',
  stickiness: 'ratio',
  interactions_per_active: 'mean',
  topic_participation: 'mean',
  response_rate_24h: 'ratio',
  median_first_response_h: 'hours',
  event_participation: 'ratio',
  retention_d7: 'ratio',
  retention_d30: 'ratio',
  churn_rate: 'ratio',
  conversion_rate: 'ratio',
  csat: 'ratio',
  nps: 'score',
  service_quality: 'mean',
  content_quality: 'mean',
  atmosphere: 'mean',
  calendar_adherence: 'ratio',
  answered_share: 'ratio',
  content_reach: 'mean',
  reciprocity: 'ratio',
  engagement_score: 'score',
}

/** Rounded for showing and comparing: shares to 4 decimals, the rest to 2. */
export function roundValue(value: number, unit: MetricUnit): number {
  const digits = unit === 'ratio' ? 4 : 2
  return Math.round(value * 10 ** digits) / 10 ** digits
}

export interface ValueExtras {
  notes?: Msg[]
  days?: Array<{date: string; value: number}>
}

/** A figure. */
export function figure(id: MetricId, value: number, inputs: Record<string, number>, extras: ValueExtras = {}): MetricValue {
  const unit = METRIC_UNITS[id]
  return {id, value: roundValue(value, unit), unit, inputs, formula: {key: `metrics.formula.${id}`}, ...clean(extras)}
}

/** "n/a", with the reason (`metrics.na.*`). */
export function notAvailable(
  id: MetricId,
  reason: string,
  inputs: Record<string, number> = {},
  extras: ValueExtras & {params?: Record<string, unknown>} = {},
): MetricValue {
  const {params, ...rest} = extras
  return {
    id,
    value: null,
    unit: METRIC_UNITS[id],
    reason: {key: `metrics.na.${reason}`, ...(params ? {params} : {})},
    inputs,
    formula: {key: `metrics.formula.${id}`},
    ...clean(rest),
  }
}

/** A ratio, or n/a with `reason` when the denominator is 0. */
export function ratio(id: MetricId, num: number, den: number, inputs: Record<string, number>, reason: string, extras: ValueExtras = {}): MetricValue {
  return den > 0 ? figure(id, num / den, inputs, extras) : notAvailable(id, reason, inputs, extras)
}

function clean(extras: ValueExtras): ValueExtras {
  const out: ValueExtras = {}
  if (extras.notes?.length) out.notes = extras.notes
  if (extras.days) out.days = extras.days
  return out
}
