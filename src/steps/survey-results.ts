import {findSurvey, responsesOf, type SurveyArtifactData} from '../survey/lookup.js'
import {computeResults, scoreOutputs} from '../survey/results.js'
import {memberIndex, segmentReader} from '../survey/segment.js'
import type {SurveyDoc} from '../survey/types.js'
import {StepFailure, type StepType} from './types.js'

interface SurveyResultsInput {
  step?: string
  survey?: string
  segment?: string
}

/** `survey.results`: scores a survey's responses; outputs what a scorecard reads ({n, nps, csat, service_quality…}), null when there are none yet. */
export const surveyResults: StepType<SurveyResultsInput> = {
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
  plan(input, ctx) {
    let id: string
    let doc: SurveyDoc
    let locale = ctx.locale
    if (input.step) {
      const artifact = (ctx.produced[input.step] ?? []).find((a) => a.kind === 'survey')
      if (!artifact) throw new StepFailure(ctx.t('survey.step.results.noSurvey', {step: input.step}), ctx.t('survey.step.results.noSurvey.hint'))
      const data = artifact.data as SurveyArtifactData
      ;({key: id, doc} = data)
      locale = data.locale ?? locale
    } else {
      const ref = findSurvey(ctx.db, input.survey!)
      if (!ref) throw new StepFailure(ctx.t('survey.notFound', {id: input.survey}), ctx.t('survey.notFound.none'))
      ;({id, doc} = ref)
      locale = ref.locale
    }
    const responses = responsesOf(ctx.db, id)
    const valueOf = input.segment
      ? segmentReader(input.segment, doc, responses, memberIndex((ctx.db as unknown as {members?: unknown}).members), locale)
      : undefined
    const results = computeResults(doc, responses, {locale, id, ...(valueOf ? {segment: {field: input.segment!, valueOf}} : {})})
    const messages =
      responses.length === 0
        ? [ctx.t('survey.step.results.empty', {key: id})]
        : [
            ctx.t('survey.step.results.summary', {
              key: id,
              n: results.n,
              nps: results.nps?.score ?? '—',
              csat: results.csat ? `${Math.round(results.csat.score * 1000) / 10}%` : '—',
            }),
          ]
    if (input.segment && !valueOf && responses.length > 0) messages.push(ctx.t('survey.results.unknownSegment', {field: input.segment}))
    return {
      artifacts: [{id: ctx.artifactId, kind: 'survey-results', title: ctx.t('survey.results.title', {title: results.survey.title}), data: results}],
      outputs: {survey: id, ...scoreOutputs(results)},
      messages,
    }
  },
}
