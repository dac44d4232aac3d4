/** Metric values as people read them: shares as percents, hours, counts; targets from the community's goals. */
import type {Goal} from '../workspace/community.js'
import type {MetricId, MetricUnit, MetricValue} from './types.js'

/** A value for a table cell: `45.2%`, `3.5 h`, `1,234`, `12.35`; `n/a` for null. */
export function formatValue(value: number | null, unit: MetricUnit, na = 'n/a'): string {
  if (value === null) return na
  switch (unit) {
    case 'ratio':
      return `${(Math.round(value * 1000) / 10).toFixed(1)}%`
    case 'hours':
      return `${value.toFixed(1)} h`
    case 'count':
      return Number.isInteger(value) ? value.toLocaleString('en-US') : value.toFixed(2)
    case 'score':
      return value.toFixed(1)
    default:
      return value.toFixed(2)
  }
}

/** The goal of each metric (the first one when community.yaml names a metric twice). */
export function goalsById(goals: Goal[] | undefined): Map<MetricId, Goal> {
  const out = new Map<MetricId, Goal>()
  for (const g of goals ?? []) if (!out.has(g.metric as MetricId)) out.set(g.metric as MetricId, g)
  return out
}

/** `≥ 30.0%` or `≤ 5.0%`: the target in the metric's unit, with its direction. */
export function formatTarget(goal: Goal | undefined, unit: MetricUnit): string {
  if (!goal) return ''
  return `${goal.direction === 'down' ? '≤' : '≥'} ${formatValue(goal.target, unit)}`
}

/** Whether a value meets its goal: true, false, or undefined when there is no goal or no value. */
export function meetsGoal(v: Pick<MetricValue, 'value'>, goal: Goal | undefined): boolean | undefined {
  if (!goal || v.value === null) return undefined
  return goal.direction === 'down' ? v.value <= goal.target : v.value >= goal.target
}
