import {existsSync, statSync} from 'node:fs'
import {lstat, readdir, readFile} from 'node:fs/promises'
import path from 'node:path'
import {UsageError, ValidationError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import {validateText} from '../schema/validate.js'
import {packageRoot, templatesDir} from '../util/paths.js'
import {readYamlFile} from '../util/text-file.js'
import {templateKind} from './kind.js'
import type {ParamType, TemplateDoc} from './schema.js'

export const TEMPLATE_FILE = 'template.yaml'
export const FILES_DIR = 'files'
const MAX_FILES = 1000
const MAX_FILE_BYTES = 5_000_000

/** One file under a template's files/ folder. */
export interface SourceFile {
  /** Relative to files/, with forward slashes. */
  rel: string
  data: Buffer
}

export interface LoadedTemplate {
  name: string
  dir: string
  /** How the template folder is shown in messages. */
  display: string
  bundled: boolean
  doc: TemplateDoc
  files: SourceFile[]
}

export interface TemplateEntry {
  name: string
  communityType?: string
  description: string
  parameters: Array<{name: string; type: ParamType; required: boolean; default?: string | number | boolean; options?: string[]; prompt: string}>
  source: 'bundled' | 'folder'
  dir: string
  valid: boolean
}

const NAME_RE = /^[a-z0-9][a-z0-9_-]*$/

/** A path for messages: relative to the package for bundled templates, to the cwd when inside it, else absolute. */
function displayPath(full: string, cwd: string): string {
  for (const base of [packageRoot(), cwd]) {
    const rel = path.relative(base, full)
    if (rel && !rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/')
  }
  return full
}

/** Folders directly under `dir` that hold a template.yaml, sorted. */
export async function templateFolders(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return []
  const entries = await readdir(dir, {withFileTypes: true})
  return entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, TEMPLATE_FILE)))
    .map((e) => e.name)
    .sort()
}

/** Finds a template by bundled name, or by a path to its folder (or to its template.yaml). */
export async function locateTemplate(ref: string, cwd: string): Promise<{dir: string; bundled: boolean}> {
  const looksLikePath = ref.includes('/') || ref.includes('\\') || ref.startsWith('.')
  if (!looksLikePath && NAME_RE.test(ref) && existsSync(templatesDir(ref, TEMPLATE_FILE))) return {dir: templatesDir(ref), bundled: true}
  const full = path.resolve(cwd, ref)
  if (existsSync(full)) {
    const dir = statSync(full).isDirectory() ? full : path.dirname(full)
    if (existsSync(path.join(dir, TEMPLATE_FILE))) return {dir, bundled: false}
  }
  const names = await templateFolders(templatesDir())
  const best = closest(ref, names)
  throw new UsageError(
    {key: 'template.notFound', params: {name: ref}},
    {
      code: 'template.notFound',
      hint: {key: 'template.notFound.hint', params: {names: names.join(', ') || '—', suggest: best ? ` \`${best}\`?` : ''}},
    },
  )
}

/** Reads and validates a template folder's template.yaml; any problem is thrown with its location. */
export async function readTemplateDoc(dir: string, locale: Locale, cwd = process.cwd()): Promise<TemplateDoc> {
  const file = path.join(dir, TEMPLATE_FILE)
  const display = displayPath(file, cwd)
  if ((await lstat(file)).isSymbolicLink()) {
    throw new ValidationError(
      {key: 'template.symlink', params: {path: display}},
      {code: 'template.symlink', location: {file: display}, hint: {key: 'template.symlink.hint'}},
    )
  }
  const text = readYamlFile(file, display)
  const {problems, docs} = validateText(text, display, locale, [templateKind])
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const first = errors[0]
    throw new ValidationError(
      {key: 'template.invalid', params: {file: display, count: errors.length, first: first.message}},
      {
        code: 'template.invalid',
        location: {file: first.file, line: first.line, col: first.col},
        hint: {key: 'template.invalid.hint', params: {file: display}},
        details: errors,
      },
    )
  }
  if (docs.length !== 1 || docs[0].kind !== 'Template') {
    throw new ValidationError(
      {key: 'template.notTemplate', params: {file: display}},
      {location: {file: display}, hint: {key: 'template.notTemplate.hint'}},
    )
  }
  return docs[0].value as TemplateDoc
}

/** Reads every file under files/; a symlink or special file anywhere in it is refused. */
async function readFilesTree(dir: string, cwd: string): Promise<SourceFile[]> {
  const root = path.join(dir, FILES_DIR)
  const out: SourceFile[] = []
  const refuse = (full: string, key: string) =>
    new ValidationError(
      {key, params: {path: displayPath(full, cwd)}},
      {code: key, location: {file: displayPath(full, cwd)}, hint: {key: `${key}.hint`}},
    )
  const rootInfo = await lstat(root).catch(() => undefined)
  if (!rootInfo) return out
  if (rootInfo.isSymbolicLink()) throw refuse(root, 'template.symlink')
  if (!rootInfo.isDirectory()) throw refuse(root, 'template.notRegular')
  async function walk(rel: string): Promise<void> {
    const entries = (await readdir(path.join(root, rel))).sort()
    for (const name of entries) {
      const childRel = rel ? `${rel}/${name}` : name
      const full = path.join(root, childRel)
      const info = await lstat(full)
      if (info.isSymbolicLink()) throw refuse(full, 'template.symlink')
      if (info.isDirectory()) await walk(childRel)
      else if (info.isFile()) {
        if (out.length >= MAX_FILES || info.size > MAX_FILE_BYTES) throw refuse(full, 'template.tooLarge')
        out.push({rel: childRel, data: await readFile(full)})
      } else throw refuse(full, 'template.notRegular')
    }
  }
  await walk('')
  return out
}

/** Loads a template: its validated template.yaml and the files to render. */
export async function loadTemplate(ref: string, options: {cwd?: string; locale: Locale}): Promise<LoadedTemplate> {
  const cwd = options.cwd ?? process.cwd()
  const {dir, bundled} = await locateTemplate(ref, cwd)
  const doc = await readTemplateDoc(dir, options.locale, cwd)
  const files = await readFilesTree(dir, cwd)
  return {name: doc.name, dir, display: displayPath(dir, cwd), bundled, doc, files}
}

/** The templates of a folder (default: the bundled ones) for listing; an invalid one is listed and marked, not fatal. */
export async function listTemplates(locale: Locale, folder?: string, cwd = process.cwd()): Promise<TemplateEntry[]> {
  const base = folder ? path.resolve(cwd, folder) : templatesDir()
  if (folder && !existsSync(base)) throw new UsageError({key: 'file.notFound', params: {path: folder}}, {hint: {key: 'file.notFound.hint'}})
  const entries: TemplateEntry[] = []
  for (const name of await templateFolders(base)) {
    const dir = path.join(base, name)
    const source = folder ? 'folder' : 'bundled'
    try {
      const doc = await readTemplateDoc(dir, locale, cwd)
      entries.push({
        name: doc.name,
        communityType: doc.communityType,
        description: pick(doc.description, locale),
        parameters: Object.entries(doc.parameters).map(([pname, p]) => ({
          name: pname,
          type: p.type,
          required: Boolean(p.required) && p.default === undefined,
          ...(p.default === undefined ? {} : {default: p.default}),
          ...(p.options ? {options: p.options} : {}),
          prompt: pick(p.prompt, locale),
        })),
        source,
        dir,
        valid: true,
      })
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error
      entries.push({name, description: '', parameters: [], source, dir, valid: false})
    }
  }
  return entries
}
