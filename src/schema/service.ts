/** Validating files and folders as `commops validate` does: every kind, every YAML file found. */
import path from 'node:path'
import type {Locale} from '../i18n/index.js'
import {KINDS} from './all-kinds.js'
import {collectYamlFiles} from './collect.js'
import {sortProblems} from './problem.js'
import type {Report} from './report.js'
import {validateFile} from './validate.js'

/** Validates files and folders; paths in the report are relative to `cwd` when inside it. `locale` may differ per file. */
export async function validatePaths(inputs: string[], options: {cwd: string; locale: Locale | ((file: string) => Promise<Locale>)}): Promise<Report> {
  const files = await collectYamlFiles(inputs, options.cwd)
  const display = (f: string) => {
    const rel = path.relative(options.cwd, f)
    return rel.startsWith('..') || path.isAbsolute(rel) ? f : rel
  }
  const problems = []
  for (const file of files) {
    const locale = typeof options.locale === 'function' ? await options.locale(file) : options.locale
    const result = await validateFile(file, display(file), locale, KINDS)
    problems.push(...result.problems)
  }
  return {files: files.map(display), problems: sortProblems(problems), valid: problems.every((p) => p.severity !== 'error')}
}
