/** Validating files and folders as `commops validate` does: every kind, every YAML file found. */
import path from 'node:path'
import {type Locale, translator} from '../i18n/index.js'
import {collectYamlFiles} from './collect.js'
import {loadKinds} from './kind-loaders.js'
import {type Problem, sortProblems} from './problem.js'
import type {Report} from './report.js'
import {validateFile} from './validate.js'

/** Validates files and folders; paths in the report are relative to `cwd` when inside it. `locale` may differ per file. */
export async function validatePaths(inputs: string[], options: {cwd: string; locale: Locale | ((file: string) => Promise<Locale>)}): Promise<Report> {
  const {files, refused} = await collectYamlFiles(inputs, options.cwd)
  const display = (f: string) => {
    const rel = path.relative(options.cwd, f)
    return rel.startsWith('..') || path.isAbsolute(rel) ? f : rel
  }
  const localeOf = (file: string) => (typeof options.locale === 'function' ? options.locale(file) : Promise.resolve(options.locale))
  const problems: Problem[] = []
  for (const link of refused) {
    const t = translator(await localeOf(link.file))
    const params = {path: display(link.file), target: link.target}
    const [key, hint] =
      link.reason === 'outside' ? ['file.symlinkOut', 'file.symlinkOut.hint'] : ['validate.symlinkDangling', 'validate.symlinkDangling.hint']
    problems.push({file: display(link.file), line: 1, col: 1, path: '', rule: key, message: t(key, params), hint: t(hint, params), severity: 'error'})
  }
  for (const file of files) {
    const locale = await localeOf(file)
    const result = await validateFile(file, display(file), locale, loadKinds)
    problems.push(...result.problems)
  }
  return {
    files: [...files, ...refused.map((l) => l.file)].sort().map(display),
    problems: sortProblems(problems),
    valid: problems.every((p) => p.severity !== 'error'),
  }
}
