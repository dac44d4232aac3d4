/** Reading a survey's texts in one language, with the defaults every export shares. */
import {pick, translator, type Locale, type LocalizedText} from '../i18n/index.js'
import type {ChoiceOption, Question, ShowIf, SurveyDoc} from './types.js'

/** The text in a language, falling back to the other one. */
export const tx = (text: LocalizedText | undefined, locale: Locale): string => pick(text, locale)

/** Both languages of a text, for matching answers and headers written in either. */
export function bothTexts(text: LocalizedText | undefined): string[] {
  if (text === undefined) return []
  if (typeof text === 'string') return [text]
  return Object.values(text).filter((s): s is string => typeof s === 'string' && s.trim() !== '')
}

/** The label of the "other" choice. */
export function otherLabel(q: Question, locale: Locale): string {
  return tx(q.otherLabel, locale) || translator(locale)('survey.other')
}

/** The options of a choice question (optionsFrom is resolved when the survey is created). */
export const optionsOf = (q: Question): ChoiceOption[] => q.options ?? []

/** The range of a numeric question: likert 1–scale, nps 0–10, rating min–max (default 1–5). */
export function rangeOf(q: Question): [number, number] | undefined {
  switch (q.type) {
    case 'likert':
      return [1, q.scale ?? 5]
    case 'nps':
      return [0, 10]
    case 'rating':
      return [q.min ?? 1, q.max ?? 5]
    case 'number':
      return [q.min ?? -Infinity, q.max ?? Infinity]
    default:
      return undefined
  }
}

/** What the two ends of an nps or rating question mean. */
export function anchorsOf(q: Question, locale: Locale): {low: string; high: string} {
  const t = translator(locale)
  if (q.type === 'nps') return {low: tx(q.anchors?.low, locale) || t('survey.nps.low'), high: tx(q.anchors?.high, locale) || t('survey.nps.high')}
  return {low: tx(q.anchors?.low, locale), high: tx(q.anchors?.high, locale)}
}

/** The label a value has in a question (likert label, option label), or the value itself. */
export function valueLabel(q: Question, value: string | number, locale: Locale): string {
  if (q.type === 'likert' && typeof value === 'number') return q.labels?.[value - 1] === undefined ? String(value) : tx(q.labels[value - 1], locale)
  if (q.type === 'single' || q.type === 'multi') {
    if (value === 'other') return otherLabel(q, locale)
    const option = optionsOf(q).find((o) => o.id === value)
    return option ? tx(option.label, locale) : String(value)
  }
  return String(value)
}

/** "only if Q3 is 0–6" in words, for exports that cannot hide questions. */
export function describeShowIf(cond: ShowIf, doc: SurveyDoc, locale: Locale): string {
  const t = translator(locale)
  const target = doc.questions.find((q) => q.id === cond.question)
  const number = doc.questions.findIndex((q) => q.id === cond.question) + 1
  const name = target ? `${number}. ${tx(target.text, locale)}` : cond.question
  const label = (v: string | number) => (target ? valueLabel(target, v, locale) : String(v))
  const sep = locale === 'zh-CN' ? '、' : ', '
  let values: string
  if (cond.equals !== undefined) values = label(cond.equals)
  else if (cond.in) values = cond.in.map(label).join(sep)
  else if (cond.min !== undefined && cond.max !== undefined) values = `${cond.min}–${cond.max}`
  else if (cond.min !== undefined) values = t('survey.showIf.atLeast', {value: cond.min})
  else values = t('survey.showIf.atMost', {value: cond.max})
  return t('survey.showIf.only', {question: name, values})
}

/** Whether an answer satisfies a showIf condition. */
export function conditionHolds(cond: ShowIf, answer: unknown): boolean {
  if (answer === undefined || answer === null || answer === '') return false
  const values = Array.isArray(answer) ? answer : [answer]
  const accepted = cond.equals !== undefined ? [cond.equals] : cond.in
  if (accepted) return values.some((v) => accepted.some((a) => String(a) === String(v)))
  return values.some((v) => typeof v === 'number' && (cond.min === undefined || v >= cond.min) && (cond.max === undefined || v <= cond.max))
}
