import path from 'node:path'
import type {Locale} from '../i18n/index.js'
import {collectYamlFiles} from './collect.js'
import {sortProblems} from './problem.js'
import type {Report} from './report.js'
import {validateFile} from './validate.js'

/** Validates files and folders; paths in the report are relative to `cwd` when inside it. */
export async function validatePaths(inputs: string[], options: {cwd: string; locale: Locale}): Promise<Report> {
  const files = await collectYamlFiles(inputs, options.cwd)
  const display = (f: string) => {
    const rel = path.relative(options.cwd, f)
    return rel.startsWith('..') || path.isAbsolute(rel) ? f : rel
  }
  const problems = []
  for (const file of files) {
    const result = await validateFile(file, display(file), options.locale)
    problems.push(...result.problems)
  }
  return {files: files.map(display), problems: sortProblems(problems), valid: problems.every((p) => p.severity !== 'error')}
}
