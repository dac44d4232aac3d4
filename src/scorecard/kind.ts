/** The ScorecardSpec kind: how the scorecard grades a period, written in the workspace or shipped as the default. */
import type {KindDef} from '../schema/kind-def.js'
import {checkScorecardSpec, scorecardSchema} from '../schema/kinds/scorecard.js'

export const scorecardSpecKind: KindDef = {
  kind: 'ScorecardSpec',
  stem: 'scorecard',
  schema: scorecardSchema,
  checks: [checkScorecardSpec],
  alone: true,
}
