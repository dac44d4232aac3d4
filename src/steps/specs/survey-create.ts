import type {Locale, LocalizedText} from '../../i18n/index.js'
import {localizedText} from '../../schema/kinds/common.js'
import {SURVEY_TEMPLATES} from '../../survey/types.js'
import type {StepSpec} from '../types.js'

export interface SurveyCreateInput {
  template?: string
  file?: string
  title?: LocalizedText
  locale?: Locale
}

/** The spec of `survey.create`: a survey from a bundled template or a file, kept as an artifact under the key `playbook.step`. */
export const surveyCreateSpec: StepSpec<SurveyCreateInput> = {
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
}
