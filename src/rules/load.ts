/** Loading rule-set documents: the bundled templates and files written by hand, validated as kind RuleSet. */
import {ValidationError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {validateText} from '../schema/validate.js'
import {parseYaml} from '../schema/yaml-source.js'
import {ruleSetKind} from './kind.js'
import {isRuleTemplate, requireTemplateName, ruleTemplateDisplay} from './templates.js'
import {templatesDir} from '../util/paths.js'
import {readYamlFile} from '../util/text-file.js'
import type {RuleSetDoc} from './types.js'

/** Absolute path of a bundled template. */
export const ruleTemplateFile = (name: string): string => templatesDir('rules', `${name}.yaml`)

export {requireTemplateName} from './templates.js'

/** Parses and validates the text of a rule-set file; the first problem becomes a located ValidationError. */
export function parseRuleSetText(text: string, file: string, locale: Locale): RuleSetDoc {
  const {problems, docs} = validateText(text, file, locale, [ruleSetKind])
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const first = errors[0]
    throw new ValidationError(
      {key: 'rules.invalid', params: {file, count: errors.length, first: first.message}},
      {
        code: 'rules.invalid',
        hint: first.hint ? {key: 'error.usage', params: {message: first.hint}} : undefined,
        location: {file: first.file, line: first.line, col: first.col},
        details: {problems: errors},
      },
    )
  }
  const sets = docs.filter((d) => d.kind === 'RuleSet')
  if (sets.length !== 1)
    throw new ValidationError(
      {key: 'rules.notRuleSet', params: {file, count: sets.length}},
      {code: 'rules.notRuleSet', location: {file}, hint: {key: 'rules.notRuleSet.hint'}},
    )
  return sets[0].value as RuleSetDoc
}

/** A bundled template by name, validated. */
export async function loadRuleTemplate(name: string, locale: Locale): Promise<RuleSetDoc> {
  const template = requireTemplateName(name)
  return parseRuleSetText(readYamlFile(ruleTemplateFile(template)), ruleTemplateDisplay(template), locale)
}

const raw = new Map<string, RuleSetDoc | undefined>()

/** A bundled template parsed but not validated (cached), for checks that only need its rule and rung ids. */
export function rawRuleTemplate(name: string): RuleSetDoc | undefined {
  if (!isRuleTemplate(name)) return undefined
  if (!raw.has(name)) {
    try {
      const file = ruleTemplateFile(name)
      raw.set(name, parseYaml(readYamlFile(file), file).docs[0]?.value as RuleSetDoc | undefined)
    } catch {
      raw.set(name, undefined)
    }
  }
  return raw.get(name)
}
