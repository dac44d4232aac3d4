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

/**
 * Each kind's definition once loaded: validate asks for every file, and a dynamic import() of a module already loaded
 * still goes through the module loader (for 10,000 community files, ~5% of validate's time).
 */
const loaded = new Map<KindName, KindDef>()

/** The definitions of the known kinds among `names` (unknown names are left out: validate reports them). */
export async function loadKinds(names: Iterable<string>): Promise<KindDef[]> {
  const wanted = [...new Set(names)].filter(isKindName)
  if (wanted.every((name) => loaded.has(name))) return wanted.map((name) => loaded.get(name)!)
  return Promise.all(
    wanted.map(async (name) => {
      const def = loaded.get(name) ?? (await LOADERS[name]())
      loaded.set(name, def)
      return def
    }),
  )
}
