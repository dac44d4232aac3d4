/**
 * Reading suggestion rules: the built-in ones (templates/suggestions/*.yaml) and a workspace's own (suggestions/*.yaml,
 * confined to the workspace: a symlink leading out is refused). A file that does not validate stops with its first
 * problem at file:line:col.
 */
import {existsSync, readdirSync, statSync} from 'node:fs'
import path from 'node:path'
import {ValidationError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {validateText} from '../schema/validate.js'
import {assertConfined} from '../util/fs.js'
import {templatesDir} from '../util/paths.js'
import {readYamlFile} from '../util/text-file.js'
import {suggestionRulesKind} from './kind.js'
import type {LoadedRule, SuggestionRule} from './types.js'

/** The workspace folder of its own rules. */
export const SUGGESTIONS_DIR = 'suggestions'

const yamlIn = (dir: string): string[] =>
  readdirSync(dir)
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f))

/** Parses and validates one rules file; `source` is what the suggestions name it by. */
export function parseRules(
  text: string,
  file: string,
  locale: Locale,
  source: string,
): Array<LoadedRule & {at: {file: string; line: number; col: number}}> {
  const {problems, docs} = validateText(text, file, locale, [suggestionRulesKind])
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const first = errors[0]
    throw new ValidationError(
      {key: 'suggest.rules.invalid', params: {file, count: errors.length, first: first.message}},
      {
        code: 'suggest.rules.invalid',
        hint: first.hint ? {key: 'error.usage', params: {message: first.hint}} : {key: 'suggest.rules.invalid.hint', params: {file}},
        location: {file: first.file, line: first.line, col: first.col},
        details: {problems: errors},
      },
    )
  }
  const out: Array<LoadedRule & {at: {file: string; line: number; col: number}}> = []
  for (const doc of docs) {
    if (doc.kind !== 'SuggestionRules') {
      throw new ValidationError(
        {key: 'suggest.rules.notRules', params: {file, kind: doc.kind ?? '?'}},
        {code: 'suggest.rules.notRules', location: {file, ...doc.source.locate('/kind')}},
      )
    }
    const rules = (doc.value as {rules: SuggestionRule[]}).rules
    rules.forEach((rule, i) => out.push({rule, source, at: {file, ...doc.source.locate(`/rules/${i}/id`)}}))
  }
  return out
}

/** The rules shipped with commops. */
export function loadBuiltinRules(locale: Locale): LoadedRule[] {
  return yamlIn(templatesDir('suggestions')).flatMap((file) =>
    parseRules(readYamlFile(file), `templates/suggestions/${path.basename(file)}`, locale, 'builtin').map(({rule, source}) => ({rule, source})),
  )
}

/** The workspace's own rules (suggestions/*.yaml), in file order; an id given in two files is a located error. */
export function loadWorkspaceRules(root: string, locale: Locale): LoadedRule[] {
  const dir = path.join(root, SUGGESTIONS_DIR)
  if (!existsSync(dir)) return []
  assertConfined(root, dir)
  if (!statSync(dir).isDirectory()) return []
  const seen = new Map<string, string>()
  const out: LoadedRule[] = []
  for (const file of yamlIn(dir)) {
    assertConfined(root, file)
    const shown = `${SUGGESTIONS_DIR}/${path.basename(file)}`
    for (const {rule, source, at} of parseRules(readYamlFile(file, shown), shown, locale, shown)) {
      const first = seen.get(rule.id)
      if (first !== undefined) {
        throw new ValidationError(
          {key: 'suggest.rules.duplicate', params: {id: rule.id, first}},
          {code: 'suggest.rules.duplicate', hint: {key: 'suggest.rules.duplicate.hint'}, location: at},
        )
      }
      seen.set(rule.id, shown)
      out.push({rule, source})
    }
  }
  return out
}
