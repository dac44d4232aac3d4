/** The RuleSet kind: a rule set written by hand or bundled as a template. */
import type {KindDef} from '../schema/kind-def.js'
import {ruleSetSchema} from '../schema/kinds/ruleset.js'
import {checkRuleSet} from './check.js'

export const ruleSetKind: KindDef = {
  kind: 'RuleSet',
  stem: 'ruleset',
  schema: ruleSetSchema,
  checks: [checkRuleSet],
}
