/**
 * Trends drawn in the terminal (asciichart, loaded on first use): one line chart per metric over a series of periods,
 * titled with the metric's name and labelled with the first and last period under the axis. Periods without a value
 * at either end are left out; one in the middle keeps the line at the value before it and is named under the chart.
 */
import type * as AsciiChart from 'asciichart'
import stringWidth from 'string-width'
import {lazyRequire} from '../util/lazy.js'

const asciichart = lazyRequire<typeof AsciiChart>('asciichart')

export interface ChartSeries {
  title: string
  labels: string[]
  values: Array<number | null>
  /** How a y-axis value is written. */
  format: (value: number) => string
  /** Written before the periods that had no value. */
  gapLabel: string
  /** Written when there is nothing to draw. */
  emptyLabel: string
}

/** A chart of one series, as lines of text. */
export function lineChart(s: ChartSeries, o: {height?: number; width?: number} = {}): string {
  const first = s.values.findIndex((v) => v !== null)
  if (first < 0) return `${s.title}\n  ${s.emptyLabel}`
  let last = s.values.length - 1
  while (s.values[last] === null) last--
  const labels = s.labels.slice(first, last + 1)
  const gaps: string[] = []
  const values: number[] = []
  for (let i = first; i <= last; i++) {
    const v = s.values[i]
    if (v === null) gaps.push(s.labels[i])
    values.push(v ?? values[values.length - 1])
  }
  if (values.length === 1) values.push(values[0])
  const axis = Math.max(...values.map((v) => stringWidth(s.format(v))), 1)
  // each period `step` columns apart, the line drawn straight between them
  const step = Math.max(1, Math.min(6, Math.floor(((o.width ?? 72) - axis - 2) / Math.max(1, values.length - 1))))
  const drawn: number[] = [values[0]]
  for (let i = 1; i < values.length; i++) for (let k = 1; k <= step; k++) drawn.push(values[i - 1] + ((values[i] - values[i - 1]) * k) / step)
  const chart = asciichart().plot(drawn, {
    height: o.height ?? 8,
    format: (x: number) => s.format(x).padStart(axis),
  })
  const lead = ' '.repeat(axis + 2)
  const left = labels[0]
  const right = labels[labels.length - 1]
  const room = Math.max(1, drawn.length - stringWidth(left) - stringWidth(right))
  const under = labels.length > 1 ? `${lead}${left}${' '.repeat(room)}${right}` : `${lead}${left}`
  const lines = [s.title, chart, under]
  if (gaps.length) lines.push(`${lead}${s.gapLabel} ${gaps.join(', ')}`)
  return lines.join('\n')
}
