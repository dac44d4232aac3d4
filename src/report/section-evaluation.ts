/** Section 4 of the report: evaluation (activity, trend, satisfaction, value, the scorecard, level movement). Pure. */
import type {Translate} from '../i18n/index.js'
import {barChart, groupedBars, lineChart} from './charts.js'
import type {ReportModel} from './types.js'
import {change, figure, metricName, scoreDelta, scoreText} from './text.js'
import {figureTable, partBlocks, table, type Block} from './blocks.js'

const GRADE_COLORS: Record<string, string> = {A: '#2a9d8f', B: '#52a35a', C: '#e9c46a', D: '#f4a261', F: '#e76f51'}
const gradeColor = (score: number): string =>
  score >= 90 ? GRADE_COLORS.A : score >= 75 ? GRADE_COLORS.B : score >= 60 ? GRADE_COLORS.C : score >= 40 ? GRADE_COLORS.D : GRADE_COLORS.F

/** 4. Evaluation: activity and its trend, satisfaction, value, the scorecard and level movement. */
export function evaluation(m: ReportModel, t: Translate): Block[] {
  const e = m.evaluation
  const before = m.previous?.label ?? '—'
  return [
    {type: 'h3', text: t('report.h.activity')},
    ...partBlocks(e.activity, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.trend')},
    ...partBlocks(e.trend, t, (tr) => [
      {
        type: 'chart',
        name: 'trend',
        svg: (esc) =>
          lineChart(
            tr.labels,
            tr.series.map((s) => ({name: metricName(s.id, t), values: s.values})),
            {title: t('report.chart.trend'), esc},
          ),
      },
      table(
        [t('report.col.metric'), ...tr.labels],
        tr.series.map((s) => [metricName(s.id, t), ...s.values.map((v) => figure(v, s.unit))]),
      ),
    ]),
    {type: 'h3', text: t('report.h.satisfaction')},
    ...partBlocks(e.satisfaction, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.value')},
    ...partBlocks(e.value, t, (figs) => [figureTable(figs, t)]),
    {type: 'h3', text: t('report.h.scorecard')},
    ...partBlocks(e.scorecard, t, (s) => [
      {type: 'p', text: t('report.scorecard.overall', {score: scoreText(s.score), grade: s.grade ?? 'n/a'})},
      {
        type: 'p',
        text: s.previous
          ? t('report.scorecard.previous', {
              period: s.previous.period,
              score: scoreText(s.previous.score),
              grade: s.previous.grade ?? 'n/a',
              delta: scoreDelta(s.previous.delta),
            })
          : t('report.scorecard.noPrevious'),
      },
      {
        type: 'chart',
        name: 'scores',
        svg: (esc) =>
          barChart(
            s.dimensions.map((d) => ({
              label: t(`scorecard.dim.${d.id}`),
              value: d.score,
              note: d.score === null ? 'n/a' : `${scoreText(d.score)} ${d.grade ?? ''}`.trim(),
            })),
            {title: t('report.chart.scores'), esc, color: gradeColor},
          ),
      },
      table(
        [t('report.col.dimension'), t('report.col.score'), t('report.col.grade'), t('report.col.change')],
        s.dimensions.map((d) => [t(`scorecard.dim.${d.id}`), scoreText(d.score), d.grade ?? 'n/a', scoreDelta(d.delta)]),
        ['l', 'r', 'c', 'r'],
      ),
    ]),
    {type: 'h3', text: t('report.h.levels')},
    ...partBlocks(e.levels, t, (l) => {
      const keys = [t('report.col.before', {period: before}), t('report.col.after', {period: m.period.label})]
      return [
        {
          type: 'chart',
          name: 'levels',
          svg: (esc) =>
            groupedBars(
              l.levels.map((x) => ({label: x.name, values: [x.before, x.after]})),
              keys,
              {title: t('report.chart.levels'), esc},
            ),
        },
        table(
          [t('report.col.level'), ...keys, t('report.col.change')],
          l.levels.map((x) => [x.name, x.before, x.after, change({value: x.after, previous: x.before, unit: 'count'})]),
          ['l', 'r', 'r', 'r'],
        ),
      ]
    }),
  ]
}
