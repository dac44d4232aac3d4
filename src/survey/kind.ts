/** The Survey kind: a survey form written by hand or bundled as a template. */
import type {KindDef} from '../schema/kind-def.js'
import {checkSurvey, surveySchema} from '../schema/kinds/survey.js'

export const surveyKind: KindDef = {
  kind: 'Survey',
  stem: 'survey',
  schema: surveySchema,
  checks: [checkSurvey],
}
