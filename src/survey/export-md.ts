/** The survey as Markdown, short enough to paste into a group chat or a document. */
import {translator, type Locale} from '../i18n/index.js'
import {anchorsOf, describeShowIf, optionsOf, otherLabel, rangeOf, tx} from './text.js'
import {mdInline, mdText} from '../util/markdown.js'
import type {Question, SurveyDoc} from './types.js'

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'

function answerLines(q: Question, locale: Locale): string[] {
  const t = translator(locale)
  const sep = locale === 'zh-CN' ? '　' : ' · '
  switch (q.type) {
    case 'likert': {
      const labels = (q.labels ?? []).map((l, i) => `${i + 1} ${mdInline(tx(l, locale))}`)
      return [labels.join(sep)]
    }
    case 'nps':
    case 'rating': {
      const [lo, hi] = rangeOf(q)!
      const {low, high} = anchorsOf(q, locale)
      const ends = low || high ? t('survey.md.ends', {lo, low: mdInline(low || lo), hi, high: mdInline(high || hi)}) : ''
      return [`${Array.from({length: hi - lo + 1}, (_, i) => lo + i).join(' ')}${ends}`]
    }
    case 'single':
    case 'multi': {
      const items = optionsOf(q).map((o) => mdInline(tx(o.label, locale)))
      if (q.other) items.push(`${mdInline(otherLabel(q, locale))}：＿＿＿＿`)
      const kind = q.type === 'single' ? t('survey.md.single') : q.maxSelect ? t('survey.md.multiMax', {max: q.maxSelect}) : t('survey.md.multi')
      return [`_${kind}_`, ...items.map((label, i) => `${q.type === 'single' ? '○' : '□'} ${LETTERS[i] ?? i + 1}. ${label}`)]
    }
    case 'text':
      return [q.multiline === false ? '＿＿＿＿＿＿＿＿' : `_${t('survey.md.open')}_`]
    case 'number': {
      const range = [q.min !== undefined ? `≥ ${q.min}` : '', q.max !== undefined ? `≤ ${q.max}` : ''].filter(Boolean).join(', ')
      return [`＿＿＿＿ ${mdInline(tx(q.unit, locale))}${range ? ` (${range})` : ''}`.trimEnd()]
    }
  }
}

/** Markdown: title, intro, numbered questions with their scales or options, * for required. */
export function exportMd(doc: SurveyDoc, locale: Locale): string {
  const t = translator(locale)
  const lines = [`# ${mdInline(tx(doc.title, locale) || doc.name)}`, '']
  if (tx(doc.intro, locale)) lines.push(mdText(tx(doc.intro, locale)), '')
  const meta = [
    doc.estimatedMinutes ? t('survey.export.minutes', {minutes: doc.estimatedMinutes}) : '',
    doc.anonymous ? t('survey.export.anonymous') : '',
    doc.questions.some((q) => q.required) ? t('survey.export.requiredNote') : '',
  ].filter(Boolean)
  if (meta.length) lines.push(`> ${meta.join(' · ')}`, '')
  doc.questions.forEach((q, i) => {
    lines.push(`**${i + 1}. ${mdInline(tx(q.text, locale))}${q.required ? ' \\*' : ''}**`)
    const notes = [tx(q.help, locale), q.showIf ? describeShowIf(q.showIf, doc, locale) : ''].filter(Boolean)
    for (const note of notes) lines.push(`_${mdInline(note)}_`)
    lines.push('', ...answerLines(q, locale).flatMap((l, j, all) => (j < all.length - 1 ? [l + '  '] : [l])), '')
  })
  if (tx(doc.outro, locale)) lines.push('---', '', mdText(tx(doc.outro, locale)), '')
  return lines.join('\n')
}
