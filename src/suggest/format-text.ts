/** `commops suggest` as a terminal table: rank, gap, the suggestion (title, why, action, effect), the playbook step. Pure. */
import {pick, type Locale, type Translate} from '../i18n/index.js'
import type {SuggestResult, Suggestion} from './types.js'

export type TableFn = (head: string[], rows: Array<Array<string | number | undefined>>) => string

/** `maintain › activities`, the playbook alone, or empty. */
export const playbookText = (s: Pick<Suggestion, 'playbook' | 'step'>): string => (s.playbook ? [s.playbook, s.step].filter(Boolean).join(' › ') : '')

/** The result as text: a heading, one row per suggestion, what was left out; or why there is nothing. */
export function suggestText(result: SuggestResult, t: Translate, locale: Locale, table: TableFn): string {
  if (result.noScorecard) return t('suggest.noScorecard', {command: result.noScorecard.command})
  const key = result.scorecard ?? ''
  if (result.suggestions.length === 0 && !result.more) return t('suggest.none', {rules: result.rules ?? 0, key})
  const lines = [t('suggest.heading', {period: result.period?.label ?? key, key}), '']
  const rows = result.suggestions.map((s, i) => [
    i + 1,
    s.gap,
    [
      pick(s.title, locale),
      `${t('suggest.why')}: ${pick(s.why, locale)}`,
      `${t('suggest.action')}: ${pick(s.action, locale)}`,
      `${t('suggest.effect')}: ${pick(s.effect, locale)}`,
    ].join('\n'),
    playbookText(s),
  ])
  lines.push(table([t('suggest.col.rank'), t('suggest.col.gap'), t('suggest.col.suggestion'), t('suggest.col.playbook')], rows))
  if (result.more) lines.push('', t('suggest.more', {count: result.more, total: result.suggestions.length + result.more}))
  lines.push('', t('suggest.gapNote'))
  return lines.join('\n')
}
