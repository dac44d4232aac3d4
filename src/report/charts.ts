/**
 * The report's charts as inline SVG text: d3-scale maps data to positions and colours, d3-shape draws the lines.
 * Every text that reaches the SVG is escaped by the caller's `esc`. Pure.
 */
import {scaleBand, scaleLinear, scalePoint} from 'd3-scale'
import {line} from 'd3-shape'

export type Escape = (text: string) => string

const PALETTE = ['#1d4e89', '#e07a1f', '#2a9d8f', '#b5179e', '#6c757d']
const FONT = 'font-size="11" fill="#333"'
const r1 = (x: number): string => String(Math.round(x * 10) / 10)

const svgOpen = (w: number, h: number, label: string, esc: Escape): string =>
  `<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(label)}">` +
  `<title>${esc(label)}</title>`

export interface LineSeries {
  name: string
  values: Array<number | null>
}

/** Lines over labelled points (weeks), one per series, on a shared y axis from 0, with a legend. */
export function lineChart(labels: string[], series: LineSeries[], o: {title: string; esc: Escape; width?: number; height?: number}): string {
  const {esc} = o
  const w = o.width ?? 640
  const h = o.height ?? 240
  const m = {top: 16, right: 16, bottom: 44, left: 44}
  const max = Math.max(1, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null)))
  const x = scalePoint<string>()
    .domain(labels)
    .range([m.left, w - m.right])
    .padding(0.2)
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([h - m.bottom, m.top])
  const parts = [svgOpen(w, h, o.title, esc)]
  for (const tick of y.ticks(5)) {
    parts.push(`<line x1="${m.left}" x2="${w - m.right}" y1="${r1(y(tick))}" y2="${r1(y(tick))}" stroke="#e3e6ea"/>`)
    parts.push(`<text x="${m.left - 6}" y="${r1(y(tick) + 4)}" text-anchor="end" ${FONT}>${esc(String(tick))}</text>`)
  }
  const every = Math.max(1, Math.ceil(labels.length / 10))
  labels.forEach((label, i) => {
    if (i % every === 0) parts.push(`<text x="${r1(x(label)!)}" y="${h - m.bottom + 16}" text-anchor="middle" ${FONT}>${esc(label)}</text>`)
  })
  series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length]
    const path = line<number | null>()
      .defined((v) => v !== null)
      .x((_, i) => x(labels[i])!)
      .y((v) => y(v ?? 0))(s.values)
    if (path) parts.push(`<path class="series" d="${path}" fill="none" stroke="${color}" stroke-width="2"/>`)
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(`<circle cx="${r1(x(labels[i])!)}" cy="${r1(y(v))}" r="2.5" fill="${color}"/>`)
    })
    const lx = m.left + k * 160
    parts.push(`<rect x="${lx}" y="${h - 16}" width="10" height="10" fill="${color}"/>`)
    parts.push(`<text x="${lx + 14}" y="${h - 7}" ${FONT}>${esc(s.name)}</text>`)
  })
  parts.push('</svg>')
  return parts.join('')
}

export interface HeatRow {
  label: string
  values: Array<number | null>
}

/** A cohort heat map: one row per cohort, one cell per unit since joining, shaded by the share 0–1. */
export function heatMap(rows: HeatRow[], columns: string[], o: {title: string; esc: Escape; width?: number}): string {
  const {esc} = o
  const w = o.width ?? 640
  const m = {top: 22, right: 8, bottom: 8, left: 78}
  const cellH = 20
  const h = m.top + m.bottom + rows.length * cellH
  const x = scaleBand<string>()
    .domain(columns)
    .range([m.left, w - m.right])
    .padding(0.06)
  const y = scaleBand<string>()
    .domain(rows.map((r) => r.label))
    .range([m.top, h - m.bottom])
    .padding(0.06)
  const color = scaleLinear<string>().domain([0, 1]).range(['#eef3fa', '#1d4e89']).clamp(true)
  const parts = [svgOpen(w, h, o.title, esc)]
  for (const c of columns) parts.push(`<text x="${r1(x(c)! + x.bandwidth() / 2)}" y="${m.top - 7}" text-anchor="middle" ${FONT}>${esc(c)}</text>`)
  for (const r of rows) {
    const top = y(r.label)!
    parts.push(`<text x="${m.left - 6}" y="${r1(top + y.bandwidth() / 2 + 4)}" text-anchor="end" ${FONT}>${esc(r.label)}</text>`)
    r.values.forEach((v, i) => {
      if (i >= columns.length || v === null) return
      const left = x(columns[i])!
      parts.push(`<rect class="cell" x="${r1(left)}" y="${r1(top)}" width="${r1(x.bandwidth())}" height="${r1(y.bandwidth())}" fill="${color(v)}"/>`)
      const fill = v > 0.5 ? '#fff' : '#222'
      parts.push(
        `<text x="${r1(left + x.bandwidth() / 2)}" y="${r1(top + y.bandwidth() / 2 + 3.5)}" text-anchor="middle" font-size="9" fill="${fill}">${Math.round(v * 100)}</text>`,
      )
    })
  }
  parts.push('</svg>')
  return parts.join('')
}

export interface Bar {
  label: string
  value: number | null
  note?: string
}

/** Horizontal bars on a fixed 0–max scale (scores 0–100), with each bar's value and note at its end. */
export function barChart(bars: Bar[], o: {title: string; esc: Escape; max?: number; width?: number; color?: (v: number) => string}): string {
  const {esc} = o
  const w = o.width ?? 640
  const m = {top: 8, right: 70, bottom: 8, left: 110}
  const h = m.top + m.bottom + bars.length * 26
  const x = scaleLinear()
    .domain([0, o.max ?? 100])
    .range([m.left, w - m.right])
  const y = scaleBand<string>()
    .domain(bars.map((b) => b.label))
    .range([m.top, h - m.bottom])
    .padding(0.25)
  const parts = [svgOpen(w, h, o.title, esc)]
  for (const b of bars) {
    const top = y(b.label)!
    const mid = r1(top + y.bandwidth() / 2 + 4)
    parts.push(`<text x="${m.left - 6}" y="${mid}" text-anchor="end" ${FONT}>${esc(b.label)}</text>`)
    parts.push(`<rect x="${m.left}" y="${r1(top)}" width="${r1(x(o.max ?? 100) - m.left)}" height="${r1(y.bandwidth())}" fill="#f1f3f5"/>`)
    if (b.value !== null) {
      const color = o.color ? o.color(b.value) : PALETTE[0]
      parts.push(
        `<rect class="bar" x="${m.left}" y="${r1(top)}" width="${r1(Math.max(1, x(b.value) - m.left))}" height="${r1(y.bandwidth())}" fill="${color}"/>`,
      )
    }
    parts.push(
      `<text x="${r1(x(o.max ?? 100) + 6)}" y="${mid}" ${FONT}>${esc(b.note ?? (b.value === null ? 'n/a' : String(Math.round(b.value * 10) / 10)))}</text>`,
    )
  }
  parts.push('</svg>')
  return parts.join('')
}

export interface GroupedBar {
  label: string
  values: number[]
}

/** Vertical bars in groups (one group per level, one bar per moment), with a legend of the moments. */
export function groupedBars(groups: GroupedBar[], keys: string[], o: {title: string; esc: Escape; width?: number; height?: number}): string {
  const {esc} = o
  const w = o.width ?? 640
  const h = o.height ?? 220
  const m = {top: 16, right: 16, bottom: 44, left: 44}
  const max = Math.max(1, ...groups.flatMap((g) => g.values))
  const x0 = scaleBand<string>()
    .domain(groups.map((g) => g.label))
    .range([m.left, w - m.right])
    .padding(0.2)
  const x1 = scaleBand<string>().domain(keys).range([0, x0.bandwidth()]).padding(0.08)
  const y = scaleLinear()
    .domain([0, max])
    .nice()
    .range([h - m.bottom, m.top])
  const parts = [svgOpen(w, h, o.title, esc)]
  for (const tick of y.ticks(4)) {
    parts.push(`<line x1="${m.left}" x2="${w - m.right}" y1="${r1(y(tick))}" y2="${r1(y(tick))}" stroke="#e3e6ea"/>`)
    parts.push(`<text x="${m.left - 6}" y="${r1(y(tick) + 4)}" text-anchor="end" ${FONT}>${esc(String(tick))}</text>`)
  }
  for (const g of groups) {
    const left = x0(g.label)!
    parts.push(`<text x="${r1(left + x0.bandwidth() / 2)}" y="${h - m.bottom + 16}" text-anchor="middle" ${FONT}>${esc(g.label)}</text>`)
    g.values.forEach((v, k) => {
      const bx = left + x1(keys[k])!
      const top = y(v)
      parts.push(
        `<rect class="bar" x="${r1(bx)}" y="${r1(top)}" width="${r1(x1.bandwidth())}" height="${r1(Math.max(v > 0 ? 1 : 0, y(0) - top))}" fill="${PALETTE[k % PALETTE.length]}"/>`,
      )
      parts.push(`<text x="${r1(bx + x1.bandwidth() / 2)}" y="${r1(top - 3)}" text-anchor="middle" font-size="9" fill="#333">${v}</text>`)
    })
  }
  keys.forEach((k, i) => {
    const lx = m.left + i * 160
    parts.push(`<rect x="${lx}" y="${h - 16}" width="10" height="10" fill="${PALETTE[i % PALETTE.length]}"/>`)
    parts.push(`<text x="${lx + 14}" y="${h - 7}" ${FONT}>${esc(k)}</text>`)
  })
  parts.push('</svg>')
  return parts.join('')
}
