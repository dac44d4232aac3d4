import type {StepSpec} from '../types.js'

export interface SurveyResultsInput {
  step?: string
  survey?: string
  segment?: string
}

/** The spec of `survey.results`: scores a survey's responses; outputs what a scorecard reads ({n, nps, csat, service_quality…}), null when there are none yet. */
export const surveyResultsSpec: StepSpec<SurveyResultsInput> = {
  type: 'survey.results',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      step: {type: 'string', description: 'An earlier survey.create step of this playbook'},
      survey: {type: 'string', description: 'A stored survey id (S3) or playbook survey key (launch.onboarding-survey)'},
      segment: {type: 'string', description: 'Also split the scores by a response column, a choice question or a member attribute'},
    },
    oneOf: [
      {properties: {step: true}, required: ['step']},
      {properties: {survey: true}, required: ['survey']},
    ],
    'x-hint': {
      en: 'Give either step: (an earlier survey.create step) or survey: (S3).',
      'zh-CN': '请给出 step:（前面的 survey.create 步骤）或 survey:（如 S3）之一。',
    },
  },
  produces: {
    en: 'survey scores: n, NPS ± margin, CSAT, dimension means (null until responses are ingested)',
    'zh-CN': '问卷得分：样本量、NPS 及误差、CSAT、各维度均分（导入答卷前为空）',
  },
  describe: (input, t) => t('survey.step.results.describe', {survey: input.step ?? input.survey ?? ''}),
  needs: (input) => (typeof input.step === 'string' ? [input.step] : []),
}
