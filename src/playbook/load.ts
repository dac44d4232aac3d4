import {existsSync} from 'node:fs'
import {readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {type SourceLocation, UsageError, ValidationError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import '../schema/all-kinds.js'
import {closest} from '../schema/suggest.js'
import {validateText} from '../schema/validate.js'
import {builtinPlaybooksDir} from '../util/paths.js'
import type {Playbook} from './types.js'

export interface PlaybookEntry {
  name: string
  phase?: string
  description: string
  source: 'builtin' | 'workspace' | 'file'
  file: string
  valid: boolean
}

async function yamlFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  return (await readdir(dir)).filter((f) => /\.ya?ml$/i.test(f)).sort().map((f) => path.join(dir, f))
}

/** Reads the header of a playbook file without failing on errors, for listings. */
async function entryOf(file: string, source: PlaybookEntry['source'], locale: Locale): Promise<PlaybookEntry | undefined> {
  const text = await readFile(file, 'utf8')
  const {docs, problems} = validateText(text, file, locale)
  const doc = docs.find((d) => d.kind === 'Playbook')
  if (!doc && docs.length > 0) return undefined
  const value = (doc?.value ?? {}) as Partial<Playbook>
  return {
    name: typeof value.name === 'string' ? value.name : path.basename(file).replace(/\.ya?ml$/i, ''),
    phase: value.phase,
    description: pick(value.description, locale),
    source,
    file,
    valid: problems.every((p) => p.severity !== 'error'),
  }
}

/** Built-in and workspace playbooks; a workspace playbook hides a built-in one of the same name. */
export async function listPlaybooks(root: string | undefined, locale: Locale): Promise<PlaybookEntry[]> {
  const byName = new Map<string, PlaybookEntry>()
  for (const file of await yamlFiles(builtinPlaybooksDir())) {
    const e = await entryOf(file, 'builtin', locale)
    if (e) byName.set(e.name, e)
  }
  if (root) {
    for (const file of await yamlFiles(path.join(root, 'playbooks'))) {
      const e = await entryOf(file, 'workspace', locale)
      if (e) byName.set(e.name, e)
    }
  }
  return [...byName.values()].sort((a, b) => (a.source === b.source ? 0 : a.source === 'workspace' ? -1 : 1) || a.name.localeCompare(b.name))
}

/** Loads a playbook by name or path and validates it; any problem stops here, before anything runs. */
export interface LoadedPlaybook {
  playbook: Playbook
  file: string
  text: string
  /** Where a JSON pointer in the playbook is, for run-time errors. */
  locate(pointer: string): SourceLocation
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
      throw new UsageError({key: 'playbook.notFound', params: {name: ref}}, {
        hint: {key: 'playbook.notFound.hint', params: {names: names.join(', ') || '—', suggest: best ? {$msg: {key: 'suggest.didYouMean', params: {value: best}}} : ''}},
      })
    }
  }
  const text = await readFile(file, 'utf8')
  const shown = path.relative(cwd, file).startsWith('..') ? file : path.relative(cwd, file)
  const {docs, problems} = validateText(text, shown, options.locale)
  const errors = problems.filter((p) => p.severity === 'error')
  const doc = docs.find((d) => d.kind === 'Playbook')
  if (errors.length > 0 || !doc) {
    const first = errors[0]
    throw new ValidationError(
      {key: 'playbook.invalid', params: {file: shown, count: errors.length || 1, first: first ? `${first.message}${first.hint ? ` — ${first.hint}` : ''}` : 'kind: Playbook'}},
      {hint: {key: 'playbook.invalid.hint', params: {file: shown}}, location: first ? {file: first.file, line: first.line, col: first.col} : {file: shown}, details: {problems: errors}},
    )
  }
  const locate = (pointer: string) => {
    const {line, col} = doc.source.locate(pointer)
    return {file: shown, line, col}
  }
  return {playbook: doc.value as Playbook, file, text, locate}
}
