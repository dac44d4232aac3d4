import {readFile, stat} from 'node:fs/promises'
import path from 'node:path'
import {CommopsError, UsageError, ValidationError} from '../errors.js'
import {translator, type Locale} from '../i18n/index.js'
import {KINDS} from '../schema/all-kinds.js'
import type {Problem} from '../schema/problem.js'
import {validateText} from '../schema/validate.js'
import {execPaths} from '../util/exec-paths.js'
import {resolveInside, writeFileAtomic} from '../util/fs.js'
import {COMMUNITY_FILE} from '../workspace/find.js'
import {gitignoreWithEntries, schemaFiles} from '../workspace/skeleton.js'
import {FILES_DIR, TEMPLATE_FILE, type LoadedTemplate} from './load.js'
import {renderTemplate} from './render.js'
import type {ParamValue} from './schema.js'

/** create: new file; overwrite: replaces a different file (needs --force); same: identical, left alone; update: a commops-managed file refreshed. */
export type Action = 'create' | 'overwrite' | 'same' | 'update'

export interface RenderedFile {
  /** Relative to --into, with forward slashes. */
  path: string
  content: string | Buffer
  /** Files commops owns (schemas, its .gitignore entries) are refreshed without --force. */
  managed?: boolean
  /** The template file it was rendered from, for messages. */
  source?: string
}

export interface PlannedFile extends RenderedFile {
  action: Action
}

export interface ApplyPlan {
  template: string
  into: string
  files: PlannedFile[]
}

export interface ApplyResult {
  template: string
  into: string
  files: Array<{path: string; action: Action}>
  dryRun: boolean
  parameters: Record<string, ParamValue>
}

/** Rendered as text; anything else under files/ is copied byte for byte. */
export const TEXT_EXTENSIONS = new Set(['.yaml', '.yml', '.md', '.txt', '.json', '.csv'])
/** Structured files, where a free-text parameter must go through `| yaml` or `| json`. */
const DATA_EXTENSIONS = new Set(['.yaml', '.yml', '.json'])
/** Like `commops validate` on a folder: these are not validated. */
const UNVALIDATED_DIRS = new Set(['node_modules', 'out', 'data', 'dist'])

const ext = (p: string) => path.posix.extname(p).toLowerCase()

/** Folders a template may never write into: version-control internals (hooks run code) and commops' own store and output. */
const RESERVED_ANYWHERE = new Set(['.git', '.hg', '.svn', '.husky'])
const RESERVED_TOP = new Set(['.commops', 'out'])

/** True when a target path goes into a folder only commops or the version control may write. */
export function isReservedPath(rel: string): boolean {
  const segments = rel.split('/').map((s) => s.toLowerCase().replace(/[. ]+$/, '') || s)
  return segments.some((s) => RESERVED_ANYWHERE.has(s)) || RESERVED_TOP.has(segments[0])
}

/** Renders every file of a template for the given values: target paths and text contents; pure. */
export function renderFiles(tpl: LoadedTemplate, values: Readonly<Record<string, ParamValue>>): RenderedFile[] {
  const templateFile = `${tpl.display}/${TEMPLATE_FILE}`
  const sources = new Map(tpl.files.map((f) => [f.rel, f]))
  const rules = tpl.doc.files ?? []
  for (const rule of rules) {
    if (!sources.has(rule.from.replace(/\\/g, '/').replace(/^\.\//, ''))) {
      throw new ValidationError(
        {key: 'template.fromMissing', params: {from: rule.from, dir: `${tpl.display}/${FILES_DIR}`}},
        {code: 'template.fromMissing', location: {file: templateFile}, hint: {key: 'template.fromMissing.hint'}},
      )
    }
  }
  const freeText = new Set(
    Object.entries(tpl.doc.parameters)
      .filter(([, p]) => p.type === 'string' && p.pattern === undefined)
      .map(([name]) => name),
  )
  const out: RenderedFile[] = []
  const seen = new Map<string, string>()
  for (const file of tpl.files) {
    const own = rules.filter((r) => r.from.replace(/\\/g, '/').replace(/^\.\//, '') === file.rel)
    const targets =
      own.length === 0
        ? [file.rel]
        : own
            .filter((r) => Object.entries(r.when ?? {}).every(([k, v]) => Object.hasOwn(values, k) && String(values[k]) === String(v)))
            .map((r) => r.to ?? r.from)
    const sourceName = `${tpl.display}/${FILES_DIR}/${file.rel}`
    for (const target of targets) {
      const rendered = renderTemplate(target, values, {file: own.length > 0 ? templateFile : sourceName}).replace(/\\/g, '/')
      const rel = path.posix.normalize(rendered).replace(/^\.\//, '')
      if (rendered.trim() === '' || rel === '.' || rel.endsWith('/')) {
        throw new ValidationError(
          {key: 'template.emptyPath', params: {from: file.rel}},
          {code: 'template.emptyPath', location: {file: sourceName}, hint: {key: 'template.emptyPath.hint'}},
        )
      }
      if (isReservedPath(rel)) {
        throw new ValidationError(
          {key: 'template.reservedPath', params: {path: rel}},
          {code: 'template.reservedPath', location: {file: sourceName}, hint: {key: 'template.reservedPath.hint'}},
        )
      }
      const before = seen.get(rel)
      if (before !== undefined) {
        throw new ValidationError(
          {key: 'template.duplicateTarget', params: {path: rel, a: before, b: file.rel}},
          {code: 'template.duplicateTarget', location: {file: templateFile}, hint: {key: 'template.duplicateTarget.hint'}},
        )
      }
      seen.set(rel, file.rel)
      const content = TEXT_EXTENSIONS.has(ext(file.rel))
        ? renderTemplate(file.data.toString('utf8'), values, {
            file: sourceName,
            rawForbidden: DATA_EXTENSIONS.has(ext(file.rel)) ? freeText : undefined,
          })
        : file.data
      out.push({path: rel, content, source: sourceName})
    }
  }
  if (!seen.has(COMMUNITY_FILE)) {
    throw new ValidationError(
      {key: 'template.noCommunity', params: {template: tpl.name}},
      {code: 'template.noCommunity', location: {file: templateFile}, hint: {key: 'template.noCommunity.hint'}},
    )
  }
  return out
}

/** Validates every rendered YAML file as `commops validate` would see it in the new workspace. */
export function validateRendered(files: RenderedFile[], locale: Locale): Array<Problem & {source?: string}> {
  const problems: Array<Problem & {source?: string}> = []
  for (const f of files) {
    if (!/\.ya?ml$/i.test(f.path) || typeof f.content !== 'string') continue
    const dirs = f.path.split('/').slice(0, -1)
    if (dirs.some((d) => d.startsWith('.') || UNVALIDATED_DIRS.has(d))) continue
    problems.push(
      ...validateText(f.content, f.path, locale, KINDS)
        .problems.filter((p) => p.severity === 'error')
        .map((p) => ({...p, source: f.source})),
    )
  }
  return problems
}

/** The path inside --into; `..`, absolute paths and symlinks out are refused, and no part of the way may be a file. */
async function target(into: string, rel: string): Promise<string> {
  const full = resolveInside(into, rel)
  let dir = path.dirname(full)
  while (dir.startsWith(into) && dir !== into) {
    const info = await stat(dir).catch(() => undefined)
    if (info && !info.isDirectory())
      throw new CommopsError({key: 'template.parentNotDir', params: {path: rel, parent: path.relative(into, dir)}}, {code: 'template.parentNotDir'})
    dir = path.dirname(dir)
  }
  return full
}

async function existing(full: string, rel: string): Promise<Buffer | undefined> {
  const info = await stat(full).catch(() => undefined)
  if (!info) return undefined
  if (!info.isFile()) throw new CommopsError({key: 'template.targetIsDir', params: {path: rel}}, {code: 'template.targetIsDir'})
  return readFile(full)
}

/** Compares the rendered files (plus the workspace skeleton) with what --into holds; reads, never writes. */
export async function planApply(tpl: LoadedTemplate, rendered: RenderedFile[], intoDir: string): Promise<ApplyPlan> {
  const into = path.resolve(intoDir)
  const info = await stat(into).catch(() => undefined)
  if (info && !info.isDirectory())
    throw new UsageError(
      {key: 'template.intoNotDir', params: {path: intoDir}},
      {code: 'template.intoNotDir', hint: {key: 'template.intoNotDir.hint'}},
    )
  const files: RenderedFile[] = [...rendered]
  const has = (p: string) => files.some((f) => f.path === p)
  if (!files.some((f) => f.path.startsWith('data/'))) files.push({path: 'data/.gitkeep', content: ''})
  for (const s of schemaFiles()) if (!has(s.path)) files.push({...s, managed: true})
  const own = files.find((f) => f.path === '.gitignore')
  if (own && typeof own.content === 'string') {
    own.content = gitignoreWithEntries(own.content) ?? own.content
  } else if (!own) {
    const onDisk = (await existing(await target(into, '.gitignore'), '.gitignore'))?.toString('utf8') ?? ''
    files.push({path: '.gitignore', content: gitignoreWithEntries(onDisk) ?? onDisk, managed: true})
  }
  const planned: PlannedFile[] = []
  for (const f of files) {
    const full = await target(into, f.path)
    const before = await existing(full, f.path)
    const action: Action = !before ? 'create' : before.equals(Buffer.from(f.content)) ? 'same' : f.managed ? 'update' : 'overwrite'
    planned.push({...f, action})
  }
  planned.sort((a, b) => a.path.localeCompare(b.path))
  return {template: tpl.name, into, files: planned}
}

/** Writes the plan's new and changed files, each atomically and each re-checked against --into. */
export async function writePlan(plan: ApplyPlan): Promise<void> {
  for (const f of plan.files) {
    if (f.action === 'same') continue
    await writeFileAtomic(await target(plan.into, f.path), f.content)
  }
}

/** Render → validate → plan → refuse conflicts → write (unless a dry run). */
export async function applyTemplate(
  tpl: LoadedTemplate,
  values: Record<string, ParamValue>,
  options: {into: string; force?: boolean; dryRun?: boolean; allowExecFiles?: boolean; locale: Locale},
): Promise<ApplyResult> {
  const rendered = renderFiles(tpl, values)
  const exec = execPaths(rendered.map((f) => f.path))
  const t = translator(options.locale)
  if (exec.length > 0 && !options.allowExecFiles) {
    throw new ValidationError(
      {
        key: 'template.execFiles',
        params: {template: tpl.name, count: exec.length, paths: exec.map((e) => `\n  ${e.path} (${t(`exec.kind.${e.kind}`)})`).join('')},
      },
      {
        code: 'template.execFiles',
        location: {file: `${tpl.display}/${TEMPLATE_FILE}`},
        hint: {key: 'template.execFiles.hint'},
        details: {execFiles: exec},
      },
    )
  }
  const problems = validateRendered(rendered, options.locale)
  if (problems.length > 0) {
    const first = problems[0]
    throw new ValidationError(
      {key: 'template.invalidOutput', params: {template: tpl.name, count: problems.length, first: first.message, source: first.source ?? first.file}},
      {
        code: 'template.invalidOutput',
        location: {file: first.file, line: first.line, col: first.col},
        hint: {key: 'template.invalidOutput.hint'},
        details: problems,
      },
    )
  }
  const plan = await planApply(tpl, rendered, options.into)
  const conflicts = plan.files.filter((f) => f.action === 'overwrite').map((f) => f.path)
  if (conflicts.length > 0 && !options.force) {
    throw new CommopsError(
      {key: 'template.conflict', params: {count: conflicts.length, paths: conflicts.join(', '), into: options.into}},
      {
        code: 'template.conflict',
        hint: {key: 'template.conflict.hint'},
        details: {conflicts},
      },
    )
  }
  if (!options.dryRun) await writePlan(plan)
  return {
    template: tpl.name,
    into: plan.into,
    files: plan.files.map((f) => ({path: f.path, action: f.action})),
    dryRun: Boolean(options.dryRun),
    parameters: values,
  }
}
