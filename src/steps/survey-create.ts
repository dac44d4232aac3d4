import {isLocale, type Locale, type LocalizedText} from '../i18n/index.js'
import {localizedText} from '../schema/kinds/common.js'
import type {SurveyArtifactData} from '../survey/lookup.js'
import {buildSurvey} from '../survey/service.js'
import {tx} from '../survey/text.js'
import {SURVEY_TEMPLATES} from '../survey/types.js'
import {resolveInside} from '../util/fs.js'
import type {StepType} from './types.js'

interface SurveyCreateInput {
  template?: string
  file?: string
  title?: LocalizedText
  locale?: Locale
}

/** `survey.create`: a survey from a bundled template or a file, kept as an artifact under the key `playbook.step`. */
export const surveyCreate: StepType<SurveyCreateInput> = {
  type: 'survey.create',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      template: {enum: SURVEY_TEMPLATES, description: 'A bundled survey template'},
      file: {type: 'string', description: 'A kind: Survey file inside the workspace'},
      title: localizedText,
      locale: {enum: ['zh-CN', 'en'], description: 'Language of its exports (default: the community locale)'},
    },
    oneOf: [
      {properties: {template: true}, required: ['template']},
      {properties: {file: true}, required: ['file']},
    ],
    'x-hint': {
      en: 'Give either template: (satisfaction, nps, onboarding, event-feedback, exit) or file:.',
      'zh-CN': '请给出 template:（satisfaction、nps、onboarding、event-feedback、exit）或 file: 之一。',
    },
  },
  produces: {
    en: 'a survey form (exports: md, html, GitHub issue form, SurveyJS, json); responses via `commops survey ingest`',
    'zh-CN': '问卷（可导出 md、html、GitHub 问卷表单、SurveyJS、json）；答卷用 `commops survey ingest` 导入',
  },
  describe: (input, t) => t('survey.step.create.describe', {source: input.template ?? input.file ?? ''}),
  async plan(input, ctx) {
    // Loaded here, not at the top: survey/load imports every kind, whose playbook check imports this registry.
    const source = input.file ? {file: resolveInside(ctx.root, input.file), display: input.file} : {template: input.template!}
    const {doc, notes} = await buildSurvey(ctx.community, source, ctx.locale)
    if (input.title !== undefined) doc.title = input.title
    const locale: Locale = input.locale ?? (isLocale(doc.locale) ? doc.locale : ctx.locale)
    const key = `${ctx.playbook.name}.${ctx.step.id}`
    const data: SurveyArtifactData = {key, locale, ...(input.template ? {template: input.template} : {}), doc}
    const responses = ctx.db.responses.filter((r) => r.survey === key).length
    return {
      artifacts: [{id: ctx.artifactId, kind: 'survey', title: tx(doc.title, locale), data}],
      outputs: {survey: key, questions: doc.questions.length, responses},
      messages: [
        ...notes.map((n) => ctx.t('survey.create.fallback', {question: n.question, source: n.source})),
        ctx.t(responses > 0 ? 'survey.step.create.responses' : 'survey.step.create.next', {key, count: responses}),
      ],
    }
  },
}
