/** A SurveyJS form definition (survey-core's `new Model(json)`), in both languages when the survey has them. */
import type {Locale, LocalizedText} from '../i18n/index.js'
import {translator} from '../i18n/index.js'
import {escapeHtml} from './export-html.js'
import {anchorsOf, optionsOf, otherLabel, tx} from './text.js'
import type {Question, ShowIf, SurveyDoc} from './types.js'

type Localizable = string | Record<string, string>

/** SurveyJS localizable string: {default: en, "zh-cn": 中文}; a plain string stays plain. */
function loc(text: LocalizedText | undefined, locale: Locale): Localizable | undefined {
  if (text === undefined) return undefined
  if (typeof text === 'string') return text
  const en = text.en
  const zh = text['zh-CN']
  if (en && zh) return {default: en, 'zh-cn': zh}
  return en ?? zh ?? tx(text, locale)
}

const mapLoc = (value: Localizable, fn: (text: string) => string): Localizable =>
  typeof value === 'string' ? fn(value) : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fn(v)]))

const literal = (v: string | number) => (typeof v === 'number' ? String(v) : `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`)

/** A showIf as a SurveyJS expression: `{nps} <= 6`, `{role} anyof ['a', 'b']`, `{topics} contains 'x'`. */
export function visibleIf(cond: ShowIf, target: Question | undefined): string {
  const ref = `{${cond.question}}`
  const multi = target?.type === 'multi'
  if (cond.equals !== undefined) return multi ? `${ref} contains ${literal(cond.equals)}` : `${ref} = ${literal(cond.equals)}`
  if (cond.in) return cond.in.length === 1 && !multi ? `${ref} = ${literal(cond.in[0])}` : `${ref} anyof [${cond.in.map(literal).join(', ')}]`
  const parts = []
  if (cond.min !== undefined) parts.push(`${ref} >= ${cond.min}`)
  if (cond.max !== undefined) parts.push(`${ref} <= ${cond.max}`)
  return parts.join(' and ')
}

function element(q: Question, doc: SurveyDoc, locale: Locale): Record<string, unknown> {
  const t = translator(locale)
  const common: Record<string, unknown> = {name: q.id, title: loc(q.text, locale)}
  if (q.help) common.description = loc(q.help, locale)
  if (q.required) common.isRequired = true
  if (q.showIf)
    common.visibleIf = visibleIf(
      q.showIf,
      doc.questions.find((x) => x.id === q.showIf!.question),
    )
  const anchors = (low: string, high: string) => ({...(low ? {minRateDescription: low} : {}), ...(high ? {maxRateDescription: high} : {})})
  switch (q.type) {
    case 'likert':
      return {
        type: 'rating',
        ...common,
        rateType: 'labels',
        displayMode: 'buttons',
        rateValues: (q.labels ?? []).map((label, i) => ({value: i + 1, text: loc(label, locale)})),
      }
    case 'nps': {
      const {low, high} = anchorsOf(q, locale)
      return {type: 'rating', ...common, rateMin: 0, rateMax: 10, rateCount: 11, ...anchors(low, high)}
    }
    case 'rating': {
      const {low, high} = anchorsOf(q, locale)
      const min = q.min ?? 1
      const max = q.max ?? 5
      return {type: 'rating', ...common, rateMin: min, rateMax: max, rateCount: max - min + 1, ...anchors(low, high)}
    }
    case 'single':
    case 'multi': {
      const choices = optionsOf(q).map((o) => ({value: o.id, text: loc(o.label, locale)}))
      const other = q.other ? {showOtherItem: true, otherText: loc(q.otherLabel, locale) ?? otherLabel(q, locale)} : {}
      const max = q.type === 'multi' && q.maxSelect ? {maxSelectedChoices: q.maxSelect} : {}
      return {type: q.type === 'single' ? 'radiogroup' : 'checkbox', ...common, choices, ...other, ...max}
    }
    case 'text': {
      const extra = {...(q.placeholder ? {placeholder: loc(q.placeholder, locale)} : {}), ...(q.maxLength ? {maxLength: q.maxLength} : {})}
      return q.multiline === false ? {type: 'text', ...common, ...extra} : {type: 'comment', ...common, ...extra}
    }
    case 'number': {
      const unit = q.unit && !q.help ? {description: `${t('survey.export.unit')}: ${tx(q.unit, locale)}`} : {}
      return {
        type: 'text',
        ...common,
        ...unit,
        inputType: 'number',
        ...(q.min !== undefined ? {min: q.min} : {}),
        ...(q.max !== undefined ? {max: q.max} : {}),
      }
    }
  }
}

/** The survey as SurveyJS JSON: one page, the same question names, showIf as visibleIf, locale zh-cn for Chinese. */
export function surveyJsModel(doc: SurveyDoc, locale: Locale): Record<string, unknown> {
  return {
    title: loc(doc.title, locale),
    ...(doc.intro ? {description: loc(doc.intro, locale)} : {}),
    ...(locale === 'zh-CN' ? {locale: 'zh-cn'} : {}),
    showQuestionNumbers: 'on',
    ...(doc.outro ? {completedHtml: mapLoc(loc(doc.outro, locale)!, (text) => `<p>${escapeHtml(text)}</p>`)} : {}),
    pages: [{name: doc.name, elements: doc.questions.map((q) => element(q, doc, locale))}],
  }
}

/** SurveyJS JSON text. */
export function exportSurveyJs(doc: SurveyDoc, locale: Locale): string {
  return JSON.stringify(surveyJsModel(doc, locale), null, 2) + '\n'
}
