/** The blocks the report's sections are made of, and the parts they share (figure, target and segment tables). Pure. */
import type {Translate} from '../i18n/index.js'
import {fieldName} from '../members/field-name.js'
import type {Escape} from './charts.js'
import type {Figure, Part, SegmentView, TargetView} from './types.js'
import {change, figure, metricName, missingText, pct, targetStatus, targetText} from './text.js'

export type Align = 'l' | 'r' | 'c'

export type Block =
  | {type: 'h3' | 'h4' | 'p'; text: string}
  | {type: 'facts'; items: Array<{label: string; text: string}>}
  | {type: 'list'; items: string[]}
  /** `htmlColumns`: in HTML only the first columns are printed, a chart beside the table showing the rest. */
  | {type: 'table'; head: string[]; rows: Array<Array<string | number>>; align?: Align[]; htmlColumns?: number}
  | {type: 'missing'; text: string}
  | {type: 'chart'; name: string; svg: (esc: Escape) => string}
  | {type: 'suggestions'; items: Array<{title: string; facts: Array<{label: string; text: string}>}>}

/** A table block; `align` per column. */
export const table = (head: string[], rows: Array<Array<string | number>>, align?: Align[]): Block => ({
  type: 'table',
  head,
  rows,
  ...(align ? {align} : {}),
})

/** The part's blocks, or its "no data" note. */
export function partBlocks<T>(p: Part<T>, t: Translate, draw: (data: T) => Block[]): Block[] {
  return 'missing' in p ? [{type: 'missing', text: missingText(p.missing, t)}] : draw(p.data)
}

/** Figures of the period against the previous one and their targets. */
export function figureTable(figs: Figure[], t: Translate): Block {
  return table(
    [t('report.col.metric'), t('report.col.value'), t('report.col.previous'), t('report.col.change'), t('report.col.target')],
    figs.map((f) => [
      metricName(f.id, t),
      f.value === null && f.reason ? `n/a (${t(f.reason)})` : figure(f.value, f.unit),
      figure(f.previous, f.unit, '—'),
      change(f),
      targetText(f.target, f.direction, f.unit),
    ]),
    ['l', 'r', 'r', 'r', 'r'],
  )
}

/** Targets with the current figure and whether each is met. */
export function targetTable(rows: TargetView[], t: Translate): Block {
  return table(
    [t('report.col.metric'), t('report.col.target'), t('report.col.current'), t('report.col.status')],
    rows.map((x) => [metricName(x.metric, t), targetText(x.target, x.direction, x.unit), figure(x.current, x.unit), targetStatus(x, t)]),
    ['l', 'r', 'r', 'l'],
  )
}

/** Members grouped by an attribute: share, activity and D30 retention per group. */
export function segmentBlocks(p: Part<SegmentView>, t: Translate): Block[] {
  return [
    {type: 'h3', text: t('report.h.segments', {by: 'data' in p ? fieldName(p.data.by, t) : '—'})},
    ...partBlocks(p, t, (s) => [
      table(
        [fieldName(s.by, t), t('report.col.members'), t('report.col.share'), t('report.col.active'), t('report.col.d30'), t('report.col.notes')],
        s.rows.map((r) => [
          r.label ?? t('report.unknown'),
          r.count,
          pct(r.share),
          pct(r.activeShare),
          pct(r.retention),
          r.small ? t('report.small') : '',
        ]),
        ['l', 'r', 'r', 'r', 'r', 'l'],
      ),
    ]),
  ]
}
