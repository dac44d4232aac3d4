/** The Community kind (community.yaml): its schema and the checks the schema cannot express. */
import {checkCadences} from '../calendar/community-check.js'
import {checkCommunityRules} from '../rules/check.js'
import {rawRuleTemplate} from '../rules/load.js'
import type {KindDef} from '../schema/kind-def.js'
import {communitySchema} from '../schema/kinds/community.js'
import {checkTeam} from '../tasks/team-check.js'
import {checkCommunity} from './check.js'
import {checkPlaceholders} from './placeholder.js'

export const communityKind: KindDef = {
  kind: 'Community',
  stem: 'community',
  schema: communitySchema,
  checks: [checkCommunity, checkCadences, (value) => checkCommunityRules(value, rawRuleTemplate), checkPlaceholders, checkTeam],
}
