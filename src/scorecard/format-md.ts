/** A scorecard and a diff as Markdown, for a report or a pull request comment. Pure. */
import {pick, type Locale, type Translate} from '../i18n/index.js'
import {mdCell} from '../util/markdown.js'
import {deltaText, dimensionName, explain, figure, scoreText, targetText} from './figures.js'
import type {ScorecardDiff, ScorecardView} from './types.js'

const row = (cells: unknown[]): string => `| ${cells.map((c) => mdCell(c)).join(' | ')} |`

/** The scorecard as Markdown: the headline, a table of dimensions, then each dimension's metrics with their explanation. */
export function scorecardMarkdown(view: ScorecardView, t: Translate, locale: Locale): string {
  const {card, previous, changes} = view
  const title = card.spec.title ? pick(card.spec.title, locale) : t('scorecard.title')
  const lines = [`# ${title} ${card.period.label}${card.key === card.period.label ? '' : ` (${card.key})`}`, '']
  lines.push(t('scorecard.md.overall', {score: scoreText(card.score), grade: card.grade ?? 'n/a'}))
  lines.push('')
  lines.push(
    previous
      ? t('scorecard.md.previous', {
          period: previous.period,
          from: scoreText(previous.score),
          to: scoreText(card.score),
          delta: deltaText(changes?.score),
        })
      : t('scorecard.md.noPrevious'),
  )
  lines.push('')
  lines.push(
    t('scorecard.md.meta', {
      from: card.period.from,
      to: card.period.to,
      spec: card.spec.name,
      source: card.spec.source,
      hash: card.spec.hash,
      inputs: card.inputsHash.slice(0, 12),
    }),
  )
  lines.push('')
  lines.push(
    row([t('scorecard.col.dimension'), t('scorecard.col.weight'), t('scorecard.col.score'), t('scorecard.col.grade'), t('scorecard.col.change')]),
  )
  lines.push('|---|---:|---:|:---:|---:|')
  for (const d of card.dimensions) {
    const c = changes?.dimensions.find((x) => x.id === d.id)
    lines.push(row([dimensionName(d.id, t), d.weight, scoreText(d.score), d.grade ?? 'n/a', deltaText(c?.score)]))
  }
  for (const d of card.dimensions) {
    lines.push('', `## ${dimensionName(d.id, t)} — ${scoreText(d.score)} (${d.grade ?? 'n/a'})`, '')
    if (d.metrics.length === 0) {
      lines.push(t('scorecard.dimension.empty'))
      continue
    }
    lines.push(
      row([
        t('scorecard.col.metric'),
        t('scorecard.col.value'),
        t('scorecard.col.target'),
        t('scorecard.col.weight'),
        t('scorecard.col.score'),
        t('scorecard.col.change'),
        t('scorecard.col.how'),
      ]),
    )
    lines.push('|---|---:|---:|---:|---:|---:|---|')
    for (const m of d.metrics) {
      const c = changes?.metrics.find((x) => x.id === m.id)
      lines.push(row([m.id, figure(m.value, m.unit), targetText(m), m.weight, scoreText(m.score), deltaText(c?.score), explain(m, t)]))
    }
  }
  if (card.dimensions.some((d) => d.metrics.some((m) => m.score === null))) lines.push('', t('scorecard.naNote'))
  return lines.join('\n') + '\n'
}

/** A diff as Markdown: the whole, each dimension, each metric's value and score from one period to the other. */
export function diffMarkdown(diff: ScorecardDiff, t: Translate): string {
  const lines = [`# ${t('scorecard.diff.title', {from: diff.from.key, to: diff.to.key})}`, '']
  lines.push(
    t('scorecard.md.diffOverall', {
      from: scoreText(diff.score.from),
      to: scoreText(diff.score.to),
      delta: deltaText(diff.score),
      gradeFrom: diff.grade.from ?? 'n/a',
      gradeTo: diff.grade.to ?? 'n/a',
    }),
  )
  if (diff.specChanged) lines.push('', t('scorecard.diff.specChanged'))
  lines.push('', row([t('scorecard.col.dimension'), diff.from.period, diff.to.period, t('scorecard.col.change')]), '|---|---:|---:|---:|')
  for (const d of diff.dimensions) lines.push(row([dimensionName(d.id, t), scoreText(d.score.from), scoreText(d.score.to), deltaText(d.score)]))
  lines.push(
    '',
    row([t('scorecard.col.metric'), diff.from.period, diff.to.period, t('scorecard.col.change'), t('scorecard.col.scoreChange')]),
    '|---|---:|---:|---:|---:|',
  )
  for (const m of diff.metrics) {
    lines.push(
      row([
        m.id + (m.targetChanged ? ' *' : ''),
        figure(m.value.from, m.unit),
        figure(m.value.to, m.unit),
        deltaText(m.value, m.unit),
        deltaText(m.score),
      ]),
    )
  }
  if (diff.metrics.some((m) => m.targetChanged)) lines.push('', t('scorecard.diff.targetChanged'))
  return lines.join('\n') + '\n'
}
