/** Composing the rule set of a community: its template (chosen, configured or by type) with community.yaml's `rules:`. Pure. */
import type {Msg} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import type {Community} from '../workspace/community.js'
import {compose} from './compose.js'
import {defaultTemplateFor, requireTemplateName} from './templates.js'
import type {RuleSetArtifactData, RuleSetDoc, RuleTemplate} from './types.js'

export interface GenerateRulesInput {
  /** A bundled template; default: community.yaml's rules.template, else by community type. */
  template?: string
  /** Keep only these rungs. */
  ladder?: string[]
  expireAfterDays?: number
  /** Language of the exports. */
  locale: Locale
}

export interface GeneratedRules {
  template: RuleTemplate
  data: RuleSetArtifactData
  notes: Msg[]
}

/** The template community.yaml's `rules:` overrides are written against. */
export const configuredTemplate = (community: Community): RuleTemplate => community.rules?.template ?? defaultTemplateFor(community.type)

/** A contact that still holds a template's placeholder. */
const isPlaceholder = (contact: string | undefined) => contact !== undefined && /example\.(org|com)|to fill in|待填写/i.test(contact)

/** The template to start from: the one asked for, else community.yaml's, else the one for the community type. */
export const chooseTemplate = (community: Community, name?: string): RuleTemplate => requireTemplateName(name ?? configuredTemplate(community))

/** The composed rule set for a community from its template's document; overrides written for another template are applied where they fit, with notes. */
export function composeRuleSet(community: Community, doc: RuleSetDoc, template: RuleTemplate, input: GenerateRulesInput): GeneratedRules {
  const overrides = {...community.rules, ...(input.expireAfterDays === undefined ? {} : {expireAfterDays: input.expireAfterDays})}
  const {ruleset, notes} = compose(doc, overrides, {
    ladder: input.ladder,
    communityName: community.name,
    lenient: template !== configuredTemplate(community),
  })
  for (const r of ruleset.reporting) if (isPlaceholder(r.contact)) notes.push({key: 'rules.note.placeholderContact', params: {contact: r.contact}})
  return {template, data: {template, locale: input.locale, ruleset}, notes}
}
