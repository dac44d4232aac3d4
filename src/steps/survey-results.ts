import {readResponses} from '../survey/io-responses.js'
import {findSurvey, type SurveyArtifactData} from '../survey/lookup.js'
import {computeResults, scoreOutputs} from '../survey/results.js'
import {memberIndex, segmentReader} from '../survey/segment.js'
import type {SurveyDoc} from '../survey/types.js'
import {surveyResultsSpec, type SurveyResultsInput} from './specs/survey-results.js'
import {StepFailure, type StepType} from './types.js'

/** `survey.results`: scores a survey's responses; outputs what a scorecard reads ({n, nps, csat, service_quality…}), null when there are none yet. */
export const surveyResults: StepType<SurveyResultsInput> = {
  ...surveyResultsSpec,
  async plan(input, ctx) {
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
    const responses = await readResponses(ctx.root, ctx.db, id)
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
