/** How the report's figures read, shared by the Markdown and HTML renderers. Pure. */
import type {Translate} from '../i18n/index.js'
import type {MetricUnit} from '../metrics/types.js'
import {figure} from '../scorecard/figures.js'
import type {Figure, Missing, Part, ReportModel, ReportSection, TargetView} from './types.js'

export {figure}

/** A figure's change since the previous period: `+12`, `−3.5%`, `±0`, `—`. */
export function change(f: Pick<Figure, 'value' | 'previous' | 'unit'>): string {
  if (f.value === null || f.previous === null) return '—'
  const d = f.value - f.previous
  if (Math.abs(d) < 1e-9) return '±0'
  const shown =
    f.unit === 'ratio' ? `${String(Number((Math.abs(d) * 100).toFixed(1)))} pp` : figure(Math.abs(d), f.unit === 'count' ? 'mean' : f.unit)
  return `${d > 0 ? '+' : '−'}${shown}`
}

/** A score change: `+6.4`, `−2`, `±0`, `—`. */
export function scoreDelta(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return '—'
  if (delta === 0) return '±0'
  return `${delta > 0 ? '+' : '−'}${String(Number(Math.abs(delta).toFixed(1)))}`
}

export const scoreText = (s: number | null): string => (s === null ? 'n/a' : String(Number(s.toFixed(1))))

/** `≥ 20%` or `≤ 6 h`. */
export const targetText = (target: number | undefined, direction: 'up' | 'down' | undefined, unit: MetricUnit): string =>
  target === undefined ? '—' : `${direction === 'down' ? '≤' : '≥'} ${figure(target, unit)}`

export const metricName = (id: string, t: Translate): string => t(`metrics.name.${id}`)

/** The "no data" sentence of a missing part. */
export const missingText = (m: Missing, t: Translate): string => t('report.noData', {reason: t(m.reason), command: m.command})

/** The missing part of a Part, or undefined when it has data. */
export const missingOf = <T>(p: Part<T>): Missing | undefined => ('missing' in p ? p.missing : undefined)

export const sectionTitle = (s: ReportSection, t: Translate): string => t(`report.section.${s}`)

export const targetStatus = (x: TargetView, t: Translate): string => (x.met === undefined ? '—' : t(x.met ? 'report.met.yes' : 'report.met.no'))

/** The report's title line: the community and the period. */
export const reportTitle = (m: ReportModel, t: Translate): string => `${m.community.name} · ${t('report.title')} · ${m.period.label}`

/** A share 0–1 as a percentage. */
export const pct = (x: number | null | undefined): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : figure(x, 'ratio'))
