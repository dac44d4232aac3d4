/**
 * Each kind's definition by name, imported when a document of that kind is first met: `validate` on a workspace that
 * holds only community.yaml does not load the playbook, survey or rule-set checks (and what they import). The same
 * kinds as the static table in ./all-kinds.ts, which commands that need every kind at once use.
 */
import {KIND_NAMES, type KindDef} from './kind-def.js'

type KindName = (typeof KIND_NAMES)[number]

const LOADERS: Record<KindName, () => Promise<KindDef>> = {
  Community: async () => (await import('../workspace/kind.js')).communityKind,
  Playbook: async () => (await import('../playbook/kind.js')).playbookKind,
  Template: async () => (await import('../template/kind.js')).templateKind,
  Survey: async () => (await import('../survey/kind.js')).surveyKind,
  RuleSet: async () => (await import('../rules/kind.js')).ruleSetKind,
  ScorecardSpec: async () => (await import('../scorecard/kind.js')).scorecardSpecKind,
  SuggestionRules: async () => (await import('../suggest/kind.js')).suggestionRulesKind,
}

const isKindName = (name: string): name is KindName => Object.hasOwn(LOADERS, name)

/** The definitions of the known kinds among `names` (unknown names are left out: validate reports them). */
export async function loadKinds(names: Iterable<string>): Promise<KindDef[]> {
  const wanted = [...new Set(names)].filter(isKindName)
  return Promise.all(wanted.map((name) => LOADERS[name]()))
}
