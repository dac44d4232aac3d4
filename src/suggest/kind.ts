/** The SuggestionRules kind: optimisation rules shipped in templates/suggestions/ or written in a workspace's suggestions/. */
import type {KindDef} from '../schema/kind-def.js'
import {checkSuggestionRules, suggestionRulesSchema} from '../schema/kinds/suggestions.js'

export const suggestionRulesKind: KindDef = {
  kind: 'SuggestionRules',
  stem: 'suggestions',
  schema: suggestionRulesSchema,
  checks: [checkSuggestionRules],
}
