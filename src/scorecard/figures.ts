/** How a scorecard's figures read: values in their unit, targets with their direction, signed changes. Pure. */
import type {Translate} from '../i18n/index.js'
import type {MetricUnit} from '../metrics/types.js'
import type {DimensionId, MetricScore, ScoreChange} from './types.js'

const trim = (x: number, digits: number): string => String(Number(x.toFixed(digits)))

/**
 * A figure in its unit: ratios as percentages, hours with `h`, counts whole, the rest with up to two decimals. A ratio
 * is rounded as `commops metrics` rounds it (0.3815 is 38.2%, where `(0.3815 * 100).toFixed(1)` gives 38.1%).
 */
export function figure(value: number | null, unit: MetricUnit, na = 'n/a'): string {
  if (value === null) return na
  if (unit === 'ratio') return `${trim(Math.round(value * 1000) / 10, 1)}%`
  if (unit === 'hours') return `${trim(value, 1)} h`
  if (unit === 'count') return trim(value, 0)
  return trim(value, 2)
}

/** `≥ 20%` for a target to reach, `≤ 6 h` for one to stay under, `—` for none. */
export function targetText(m: Pick<MetricScore, 'target' | 'direction' | 'unit'>): string {
  if (m.target === null) return '—'
  return `${m.direction === 'down' ? '≤' : '≥'} ${figure(m.target, m.unit)}`
}

/** A score 0–100 with one decimal, or n/a. */
export const scoreText = (score: number | null, na = 'n/a'): string => (score === null ? na : trim(score, 1))

/** `+6.4`, `−2`, `±0`, or `—` when either side is n/a. */
export function deltaText(c: ScoreChange | undefined, unit?: MetricUnit): string {
  if (!c || c.delta === null) return '—'
  if (c.delta === 0) return '±0'
  const shown = unit ? figure(Math.abs(c.delta), unit) : trim(Math.abs(c.delta), 1)
  return `${c.delta > 0 ? '+' : '−'}${shown}`
}

/** A dimension's name in the reader's language. */
export const dimensionName = (id: DimensionId, t: Translate): string => t(`scorecard.dim.${id}`)

/** How a row was computed: the formula and its inputs, or why it is n/a. */
export function explain(m: MetricScore, t: Translate): string {
  if (m.score === null && m.reason) return t(m.reason)
  const inputs = Object.entries(m.inputs)
    .map(([k, v]) => `${k}=${trim(v, 4)}`)
    .join(', ')
  return inputs ? `${t(m.formula)} (${inputs})` : t(m.formula)
}
