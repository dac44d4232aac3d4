/** A GitHub issue form (.github/ISSUE_TEMPLATE/*.yml): likert, nps and rating as dropdowns, multi as checkboxes, text as textarea. */
import {Document} from 'yaml'
import {translator, type Locale} from '../i18n/index.js'
import {anchorsOf, describeShowIf, optionsOf, otherLabel, rangeOf, tx} from './text.js'
import type {Question, SurveyDoc} from './types.js'

type FormItem = Record<string, unknown>

const nonEmpty = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== ''

/** The numbered scale of a likert, nps or rating question as dropdown options ("1 - 非常不满意"). */
function scaleOptions(q: Question, locale: Locale): string[] {
  const [lo, hi] = rangeOf(q)!
  const {low, high} = anchorsOf(q, locale)
  const out: string[] = []
  for (let v = lo; v <= hi; v++) {
    let label = q.type === 'likert' ? tx(q.labels?.[v - 1], locale) : v === lo ? low : v === hi ? high : ''
    label = label.trim()
    out.push(label ? `${v} - ${label}` : String(v))
  }
  return out
}

function itemFor(q: Question, doc: SurveyDoc, locale: Locale, number: number): FormItem[] {
  const t = translator(locale)
  const label = `${number}. ${tx(q.text, locale)}`
  const notes = [tx(q.help, locale), q.showIf ? describeShowIf(q.showIf, doc, locale) : ''].filter(nonEmpty)
  // A conditional question cannot be required: GitHub cannot hide it when the condition is false.
  const required = Boolean(q.required) && !q.showIf
  const withDescription = (attributes: Record<string, unknown>, extra: string[] = []) => {
    const description = [...notes, ...extra].filter(nonEmpty).join('\n\n')
    return description ? {...attributes, description} : attributes
  }
  const validations = required ? {validations: {required: true}} : {}
  const otherInput = (): FormItem => ({
    type: 'input',
    id: `${q.id}_other`,
    attributes: {label: `${number}. ${otherLabel(q, locale)}`, description: t('survey.export.otherInput', {label: tx(q.text, locale)})},
  })
  switch (q.type) {
    case 'likert':
    case 'nps':
    case 'rating':
      return [{type: 'dropdown', id: q.id, attributes: withDescription({label, options: scaleOptions(q, locale)}), ...validations}]
    case 'single': {
      const options = optionsOf(q).map((o) => tx(o.label, locale))
      if (q.other) options.push(otherLabel(q, locale))
      const items: FormItem[] = [{type: 'dropdown', id: q.id, attributes: withDescription({label, options}), ...validations}]
      if (q.other) items.push(otherInput())
      return items
    }
    case 'multi': {
      const options = optionsOf(q).map((o) => ({label: tx(o.label, locale)}))
      if (q.other) options.push({label: otherLabel(q, locale)})
      const extra = [q.required && !q.showIf ? t('survey.export.chooseOne') : '', q.maxSelect ? t('survey.export.maxSelect', {max: q.maxSelect}) : '']
      // Issue-form checkboxes have no `validations`: "at least one" goes into the description.
      const items: FormItem[] = [{type: 'checkboxes', id: q.id, attributes: withDescription({label, options}, extra)}]
      if (q.other) items.push(otherInput())
      return items
    }
    case 'text': {
      const attributes = withDescription({label, ...(nonEmpty(tx(q.placeholder, locale)) ? {placeholder: tx(q.placeholder, locale)} : {})})
      return [{type: q.multiline === false ? 'input' : 'textarea', id: q.id, attributes, ...validations}]
    }
    case 'number': {
      const range = [q.min !== undefined ? `≥ ${q.min}` : '', q.max !== undefined ? `≤ ${q.max}` : '', tx(q.unit, locale)].filter(nonEmpty).join(', ')
      return [
        {type: 'input', id: q.id, attributes: withDescription({label, placeholder: range || '0'}, [t('survey.export.numberOnly')]), ...validations},
      ]
    }
  }
}

/** Labels must be unique in an issue form: later duplicates get " (2)", " (3)"… */
function uniqueLabels(items: FormItem[]): void {
  const seen = new Map<string, number>()
  for (const item of items) {
    const attributes = item.attributes as {label?: string}
    if (!attributes.label) continue
    const count = (seen.get(attributes.label) ?? 0) + 1
    seen.set(attributes.label, count)
    if (count > 1) attributes.label = `${attributes.label} (${count})`
  }
}

/** The issue form as YAML, valid against SchemaStore's github-issue-forms schema; question ids are kept as item ids. */
export function exportIssueForm(doc: SurveyDoc, locale: Locale, meta: {id?: string} = {}): string {
  const t = translator(locale)
  const title = tx(doc.title, locale) || doc.name
  // An issue is public and signed by its author's account: never call it anonymous, whatever the survey says.
  const intro = [
    tx(doc.intro, locale),
    doc.estimatedMinutes ? t('survey.export.minutes', {minutes: doc.estimatedMinutes}) : '',
    `**${t('survey.export.public')}**`,
    doc.anonymous ? t('survey.export.notAnonymousHere') : '',
  ].filter(nonEmpty)
  const body: FormItem[] = []
  body.push({type: 'markdown', attributes: {value: intro.join('\n\n')}})
  doc.questions.forEach((q, i) => body.push(...itemFor(q, doc, locale, i + 1)))
  if (nonEmpty(tx(doc.outro, locale))) body.push({type: 'markdown', attributes: {value: tx(doc.outro, locale)}})
  uniqueLabels(body)
  const form = {
    name: title,
    description: (tx(doc.intro, locale).split('\n')[0] || title).trim(),
    title: `[${title}] `,
    labels: ['survey', doc.name],
    body,
  }
  const yaml = new Document(form)
  yaml.commentBefore = ` ${t('survey.export.generated', {id: meta.id ?? doc.name, name: doc.name})}`
  return yaml.toString({lineWidth: 0})
}
