/** Finding the rule set in force in a store snapshot: the latest `ruleset` artifact, from `rules generate` or a playbook. */
import {CommopsError} from '../errors.js'
import type {Artifact, Db} from '../store/types.js'
import type {RuleSetArtifactData} from './types.js'

/** The artifact id `commops rules generate` stores its rule set under. */
export const RULES_ARTIFACT = 'rules'

export interface RuleSetRef {
  id: string
  artifact: Artifact
  data: RuleSetArtifactData
}

/** Every stored rule set, newest first (the one from `rules generate` first among equals). */
export function listRuleSets(db: Db): RuleSetRef[] {
  return Object.values(db.artifacts)
    .filter((a) => a.kind === 'ruleset' && (a.data as RuleSetArtifactData | undefined)?.ruleset?.rules)
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || Number(b.id === RULES_ARTIFACT) - Number(a.id === RULES_ARTIFACT))
    .map((a) => ({id: a.id, artifact: a, data: a.data as RuleSetArtifactData}))
}

/** The rule set in force: the most recently updated one. */
export const currentRuleSet = (db: Db): RuleSetRef | undefined => listRuleSets(db)[0]

/** The rule set in force, or an error saying how to make one. */
export function requireRuleSet(db: Db): RuleSetRef {
  const found = currentRuleSet(db)
  if (found) return found
  throw new CommopsError({key: 'rules.none'}, {code: 'rules.none', hint: {key: 'rules.none.hint'}})
}
