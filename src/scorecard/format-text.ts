/** A scorecard and a diff as terminal text, drawn with the table function the command gives. Pure. */
import type {Translate} from '../i18n/index.js'
import {deltaText, dimensionName, explain, figure, scoreText, targetText} from './figures.js'
import type {ScorecardDiff, ScorecardView} from './types.js'

/** Draws a table (src/cli/table.ts in the commands, anything in tests). */
export type TableFn = (head: string[], rows: Array<Array<string | number | undefined>>) => string

/** The headline, the dimensions, then every metric with its value, target, score, change and explanation. */
export function scorecardText(view: ScorecardView, t: Translate, table: TableFn): string {
  const na = t('metrics.na')
  const {card, previous, changes} = view
  const lines = [t('scorecard.text.overall', {key: card.key, score: scoreText(card.score, na), grade: card.grade ?? na})]
  lines.push(
    previous
      ? t('scorecard.md.previous', {
          period: previous.period,
          from: scoreText(previous.score, na),
          to: scoreText(card.score, na),
          delta: deltaText(changes?.score),
        })
      : t('scorecard.md.noPrevious'),
  )
  lines.push('')
  lines.push(
    table(
      [t('scorecard.col.dimension'), t('scorecard.col.weight'), t('scorecard.col.score'), t('scorecard.col.grade'), t('scorecard.col.change')],
      card.dimensions.map((d) => [
        dimensionName(d.id, t),
        d.weight,
        scoreText(d.score, na),
        d.grade ?? na,
        deltaText(changes?.dimensions.find((x) => x.id === d.id)?.score),
      ]),
    ),
  )
  lines.push('')
  lines.push(
    table(
      [
        t('scorecard.col.dimension'),
        t('scorecard.col.metric'),
        t('scorecard.col.value'),
        t('scorecard.col.target'),
        t('scorecard.col.score'),
        t('scorecard.col.change'),
        t('scorecard.col.how'),
      ],
      card.dimensions.flatMap((d) =>
        d.metrics.map((m) => [
          dimensionName(d.id, t),
          m.id,
          figure(m.value, m.unit, na),
          targetText(m),
          scoreText(m.score, na),
          deltaText(changes?.metrics.find((x) => x.id === m.id)?.score),
          explain(m, t),
        ]),
      ),
    ),
  )
  if (card.dimensions.some((d) => d.score === null || d.metrics.some((m) => m.score === null))) lines.push('', t('scorecard.naNote'))
  return lines.join('\n')
}

/** The whole, each dimension and each metric from one scorecard to the other. */
export function diffText(diff: ScorecardDiff, t: Translate, table: TableFn): string {
  const na = t('metrics.na')
  const lines = [
    t('scorecard.diff.title', {from: diff.from.key, to: diff.to.key}),
    t('scorecard.md.diffOverall', {
      from: scoreText(diff.score.from, na),
      to: scoreText(diff.score.to, na),
      delta: deltaText(diff.score),
      gradeFrom: diff.grade.from ?? na,
      gradeTo: diff.grade.to ?? na,
    }),
  ]
  if (diff.specChanged) lines.push(t('scorecard.diff.specChanged'))
  lines.push('')
  lines.push(
    table(
      [t('scorecard.col.dimension'), diff.from.period, diff.to.period, t('scorecard.col.change')],
      diff.dimensions.map((d) => [dimensionName(d.id, t), scoreText(d.score.from, na), scoreText(d.score.to, na), deltaText(d.score)]),
    ),
  )
  lines.push('')
  lines.push(
    table(
      [t('scorecard.col.metric'), diff.from.period, diff.to.period, t('scorecard.col.change'), t('scorecard.col.scoreChange')],
      diff.metrics.map((m) => [
        m.id + (m.targetChanged ? ' *' : ''),
        figure(m.value.from, m.unit),
        figure(m.value.to, m.unit),
        deltaText(m.value, m.unit),
        deltaText(m.score),
      ]),
    ),
  )
  if (diff.metrics.some((m) => m.targetChanged)) lines.push('', t('scorecard.diff.targetChanged'))
  return lines.join('\n')
}
