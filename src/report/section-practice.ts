/** Section 3 of the report: practice (runs, tasks, calendar adherence, segments, growth, retention, funnel). Pure. */
import type {Translate} from '../i18n/index.js'
import {heatMap} from './charts.js'
import type {ReportModel} from './types.js'
import {pct} from './text.js'
import {figureTable, partBlocks, segmentBlocks, table, type Align, type Block} from './blocks.js'

/** 3. Practice: playbook runs, tasks, calendar adherence, member segments, growth, retention and the funnel. */
export function practice(m: ReportModel, t: Translate): Block[] {
  const p = m.practice
  return [
    {type: 'h3', text: t('report.h.runs')},
    ...partBlocks(p.runs, t, (runs) => [
      table(
        [t('report.col.run'), t('report.col.playbook'), t('report.col.date'), t('report.col.status'), t('report.col.steps'), t('report.col.failed')],
        runs.map((r) => [r.id, r.playbook, r.date, r.status, r.steps, r.failed]),
        ['l', 'l', 'l', 'l', 'r', 'r'],
      ),
    ]),
    {type: 'h3', text: t('report.h.tasks')},
    ...partBlocks(p.tasks, t, (s) => [
      {type: 'p', text: t('report.tasks.summary', {total: s.total, done: s.doneInPeriod, open: s.open, overdue: s.overdue.length})},
      ...(s.overdue.length
        ? [
            table(
              ['ID', t('report.col.title'), t('report.col.owner'), t('report.col.due')],
              s.overdue.map((x) => [x.id, x.title, x.owner ?? '', x.due]),
            ),
          ]
        : []),
    ]),
    {type: 'h3', text: t('report.h.adherence')},
    ...partBlocks(p.adherence, t, (f) => [figureTable([f], t)]),
    ...segmentBlocks(p.segments, t),
    {type: 'h3', text: t('report.h.growth')},
    ...partBlocks(p.growth, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.retention')},
    ...partBlocks(p.retention, t, (r) => {
      const width = Math.min(13, Math.max(0, ...r.rows.map((x) => x.shares.length)))
      const columns = Array.from({length: width}, (_, k) => `W${k}`)
      return [
        {type: 'p', text: t('report.retention.legend')},
        {
          type: 'chart',
          name: 'cohorts',
          svg: (esc) =>
            heatMap(
              r.rows.map((x) => ({label: x.cohort, values: x.shares})),
              columns,
              {title: t('report.chart.cohorts'), esc},
            ),
        },
        {
          ...table(
            [t('report.col.cohort'), t('report.col.size'), 'D7', 'D30', ...columns],
            r.rows.map((x) => [x.cohort, x.size, pct(x.d7), pct(x.d30), ...columns.map((_, k) => pct(x.shares[k]))]),
            ['l', 'r', 'r', 'r', ...columns.map((): Align => 'r')],
          ),
          htmlColumns: 4,
        } as Block,
      ]
    }),
    {type: 'h3', text: t('report.h.funnel')},
    ...partBlocks(p.funnel, t, (f) => [
      table(
        [t('report.col.step'), t('report.col.people'), t('report.col.ofJoiners')],
        f.steps.map((s) => [t(`metrics.funnel.${s.id}`), s.count, pct(s.rate)]),
        ['l', 'r', 'r'],
      ),
    ]),
  ]
}
