import {existsSync} from 'node:fs'
import path from 'node:path'
import {type SourceLocation, UsageError, ValidationError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import type {Problem} from '../schema/problem.js'
import {validateText} from '../schema/validate.js'
import {readYamlFile} from '../util/text-file.js'
import {listPlaybooks} from './list.js'
import {playbookKind} from './kind.js'
import type {Playbook} from './types.js'

/** Loads a playbook by name or path and validates it; any problem stops here, before anything runs. */
export interface LoadedPlaybook {
  playbook: Playbook
  file: string
  text: string
  /** Where a JSON pointer in the playbook is, for run-time errors. */
  locate: (pointer: string) => SourceLocation
  /** What validating found that does not stop a run, e.g. documents after the playbook that are ignored. */
  warnings: Problem[]
}

export async function loadPlaybook(ref: string, options: {root?: string; cwd?: string; locale: Locale}): Promise<LoadedPlaybook> {
  const cwd = options.cwd ?? process.cwd()
  let file: string | undefined
  if (/[\\/]/.test(ref) || /\.ya?ml$/i.test(ref)) {
    file = path.resolve(cwd, ref)
    if (!existsSync(file)) throw new UsageError({key: 'file.notFound', params: {path: ref}}, {hint: {key: 'file.notFound.hint'}})
  } else {
    const all = await listPlaybooks(options.root, options.locale)
    file = all.find((e) => e.name === ref)?.file
    if (!file) {
      const names = all.map((e) => e.name)
      const best = closest(ref, names)
      throw new UsageError(
        {key: 'playbook.notFound', params: {name: ref}},
        {
          hint: {
            key: 'playbook.notFound.hint',
            params: {names: names.join(', ') || '—', suggest: best ? {$msg: {key: 'suggest.didYouMean', params: {value: best}}} : ''},
          },
        },
      )
    }
  }
  const shown = path.relative(cwd, file).startsWith('..') ? file : path.relative(cwd, file)
  const text = readYamlFile(file, shown)
  const {docs, problems} = validateText(text, shown, options.locale, [playbookKind])
  const errors = problems.filter((p) => p.severity === 'error')
  const doc = docs.find((d) => d.kind === 'Playbook')
  if (errors.length > 0 || !doc) {
    const first = errors[0]
    throw new ValidationError(
      {
        key: 'playbook.invalid',
        params: {file: shown, count: errors.length || 1, first: first ? `${first.message}${first.hint ? ` — ${first.hint}` : ''}` : 'kind: Playbook'},
      },
      {
        hint: {key: 'playbook.invalid.hint', params: {file: shown}},
        location: first ? {file: first.file, line: first.line, col: first.col} : {file: shown},
        details: {problems: errors},
      },
    )
  }
  const locate = (pointer: string) => {
    const {line, col} = doc.source.locate(pointer)
    return {file: shown, line, col}
  }
  const warnings = problems.filter((p) => p.severity === 'warning')
  return {playbook: doc.value as Playbook, file, text, locate, warnings}
}
