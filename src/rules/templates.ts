/** The bundled rule-set templates (templates/rules/<name>.yaml): names, paths, and the default per community type. Pure. */
import {UsageError} from '../errors.js'
import {closest} from '../util/suggest.js'
import {suggestHint} from './problems.js'
import {RULE_TEMPLATES, type RuleTemplate} from './types.js'

/** True for a bundled template name. */
export function isRuleTemplate(name: unknown): name is RuleTemplate {
  return typeof name === 'string' && (RULE_TEMPLATES as readonly string[]).includes(name)
}

/** The template name, or a usage error with the closest name. */
export function requireTemplateName(name: string): RuleTemplate {
  if (isRuleTemplate(name)) return name
  const best = closest(name, [...RULE_TEMPLATES])
  throw new UsageError(
    {key: 'rules.unknownTemplate', params: {name}},
    {
      code: 'rules.unknownTemplate',
      hint: suggestHint('rules.unknownTemplate.hint', best, {names: RULE_TEMPLATES.join(', ')}),
    },
  )
}

/** The template that fits a community type: brand → brand, open-source → open-source, knowledge → strict, others → standard. */
export function defaultTemplateFor(type: string | undefined): RuleTemplate {
  if (type === 'brand' || type === 'open-source') return type
  if (type === 'knowledge') return 'strict'
  return 'standard'
}

/** Path of a bundled template as messages show it. */
export const ruleTemplateDisplay = (name: string): string => `templates/rules/${name}.yaml`
