/** Hand-made metric sets for the scorecard's tests: the figures the metrics service would give. */
import type {MetricId, MetricSet, MetricUnit, MetricValue, Period} from '../../src/metrics/types.js'

/** A month in Asia/Shanghai. */
export function month(label: string): Period {
  const [y, m] = label.split('-').map(Number)
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return {label, from: `${label}-01`, to: `${label}-${String(last).padStart(2, '0')}`, unit: 'month', zone: 'Asia/Shanghai'}
}

const UNITS: Partial<Record<MetricId, MetricUnit>> = {
  nps: 'score',
  median_first_response_h: 'hours',
  interactions_per_active: 'mean',
  topic_participation: 'mean',
}

/** A MetricSet from `{metric: value}`; `null` is n/a with a reason. */
export function metricSet(label: string, values: Partial<Record<MetricId, number | null>>, inputsHash = 'h-' + label): MetricSet {
  const out = Object.entries(values).map(([id, value]): MetricValue => ({
    id: id as MetricId,
    value: value,
    unit: UNITS[id as MetricId] ?? (['active_members', 'new_members', 'members_total', 'dau', 'wau', 'mau'].includes(id) ? 'count' : 'ratio'),
    inputs: value === null ? {} : {n: 10},
    formula: {key: 'test.formula', params: {id}},
    ...(value === null ? {reason: {key: 'test.reason', params: {id}}} : {}),
  }))
  return {period: month(label), filter: {}, values: out, inputsHash}
}
