import {isLocale, type Locale} from '../i18n/index.js'
import {responseCount, type SurveyArtifactData} from '../survey/lookup.js'
import {buildSurvey} from '../survey/service.js'
import {tx} from '../survey/text.js'
import {resolveInside} from '../util/fs.js'
import {surveyCreateSpec, type SurveyCreateInput} from './specs/survey-create.js'
import type {StepType} from './types.js'

/** `survey.create`: a survey from a bundled template or a file, kept as an artifact under the key `playbook.step`. */
export const surveyCreate: StepType<SurveyCreateInput> = {
  ...surveyCreateSpec,
  async plan(input, ctx) {
    // Loaded here, not at the top: survey/load imports every kind, whose playbook check imports this registry.
    const source = input.file ? {file: resolveInside(ctx.root, input.file), display: input.file} : {template: input.template!}
    const {doc, notes} = await buildSurvey(ctx.community, source, ctx.locale)
    if (input.title !== undefined) doc.title = input.title
    const locale: Locale = input.locale ?? (isLocale(doc.locale) ? doc.locale : ctx.locale)
    const key = `${ctx.playbook.name}.${ctx.step.id}`
    const data: SurveyArtifactData = {key, locale, ...(input.template ? {template: input.template} : {}), doc}
    const responses = responseCount(ctx.db, key)
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
