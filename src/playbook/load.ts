import {existsSync, readFileSync, statSync} from 'node:fs'
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {type SourceLocation, UsageError, ValidationError} from '../errors.js'
import {pick, type Locale, type LocalizedText} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import type {Problem} from '../schema/problem.js'
import {validateText} from '../schema/validate.js'
import {builtinPlaybooksDir, packageRoot} from '../util/paths.js'
import {assertConfined} from '../util/fs.js'
import {readYamlFile} from '../util/text-file.js'
import {playbookKind} from './kind.js'
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
  return (await readdir(dir))
    .filter((f) => /\.ya?ml$/i.test(f))
    .sort()
    .map((f) => path.join(dir, f))
}

/** Reads the header of a playbook file without failing on errors, for listings. */
/** What a listing needs of a playbook file, in both languages; `size` tells whether an index entry is still current. */
export interface IndexedPlaybook {
  size: number
  name: string
  phase?: string
  description?: LocalizedText
  valid: boolean
}

/** Reads and validates a playbook file for a listing; undefined when it is another kind of document. */
export async function indexPlaybook(file: string): Promise<IndexedPlaybook | undefined> {
  let text: string
  try {
    text = readYamlFile(file)
  } catch (error) {
    // not UTF-8: listed as invalid; running it says why
    if (!(error instanceof ValidationError)) throw error
    return {size: statSync(file).size, name: path.basename(file).replace(/\.ya?ml$/i, ''), valid: false}
  }
  const {docs, problems} = validateText(text, file, 'en', [playbookKind])
  const doc = docs.find((d) => d.kind === 'Playbook')
  if (!doc && docs.length > 0) return undefined
  const value = (doc?.value ?? {}) as Partial<Playbook>
  return {
    size: Buffer.byteLength(text),
    name: typeof value.name === 'string' ? value.name : path.basename(file).replace(/\.ya?ml$/i, ''),
    phase: value.phase,
    description: value.description,
    valid: problems.every((p) => p.severity !== 'error'),
  }
}

/** The build's index of the built-in playbooks (dist/playbooks-index.json), so listing them does not parse 150 kB of YAML. */
function builtinIndex(): Record<string, IndexedPlaybook> {
  try {
    return JSON.parse(readFileSync(path.join(packageRoot(), 'dist', 'playbooks-index.json'), 'utf8')) as Record<string, IndexedPlaybook>
  } catch {
    return {}
  }
}

async function entryOf(
  file: string,
  source: PlaybookEntry['source'],
  locale: Locale,
  index: Record<string, IndexedPlaybook> = {},
): Promise<PlaybookEntry | undefined> {
  const cached = index[path.basename(file)]
  const indexed = cached && cached.size === statSync(file).size ? cached : await indexPlaybook(file)
  if (!indexed) return undefined
  return {name: indexed.name, phase: indexed.phase, description: pick(indexed.description, locale), source, file, valid: indexed.valid}
}

/** Built-in and workspace playbooks; a workspace playbook hides a built-in one of the same name. */
export async function listPlaybooks(root: string | undefined, locale: Locale): Promise<PlaybookEntry[]> {
  const byName = new Map<string, PlaybookEntry>()
  const index = builtinIndex()
  for (const file of await yamlFiles(builtinPlaybooksDir())) {
    const e = await entryOf(file, 'builtin', locale, index)
    if (e) byName.set(e.name, e)
  }
  if (root) {
    assertConfined(root, path.join(root, 'playbooks'))
    for (const file of await yamlFiles(path.join(root, 'playbooks'))) {
      assertConfined(root, file) // a cloned workspace's playbooks/x.yaml may point at a file elsewhere
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
