/**
 * `overview`: the client workspaces directly under a folder (and the folder itself), one row each, from community.yaml
 * and the store's snapshot. Read-only by construction: `Store.peek` takes no lock, copies nothing and migrates in
 * memory only; a symlinked folder leading out of the folder looked in is not followed; nothing is executed.
 */
import {lstatSync, realpathSync, statSync, type Dirent} from 'node:fs'
import {readdir} from 'node:fs/promises'
import path from 'node:path'
import {CommopsError, UsageError, formatLocation, fromSystemError} from '../errors.js'
import {translator, type Locale, type Translate} from '../i18n/index.js'
import {Store, runStatus} from '../store/index.js'
import {assertConfined} from '../util/fs.js'
import {COMMUNITY_FILE, openWorkspace} from '../workspace/index.js'
import {overviewRow, sortRows, type OverviewRow, type OverviewSort} from './rows.js'

export interface OverviewResult {
  /** The folder looked in, as given. */
  dir: string
  rows: OverviewRow[]
  /** Symlinked folders under it that lead out of it: not followed, so not known to be workspaces. */
  skipped: Array<{dir: string; target: string}>
}

export interface OverviewOptions {
  now: Date
  sort?: OverviewSort
  /** The language of the rows' error messages and of the name order. */
  locale: Locale
  /** Paths in messages are shown relative to this folder (default: the current one). */
  cwd?: string
}

/** How many workspaces are read at once. */
const PARALLEL = 8

/** One row per workspace found directly under `dir` (and `dir` itself if it is one); a workspace that cannot be read is a row with its error. */
export async function overviewWorkspaces(dir: string, o: OverviewOptions): Promise<OverviewResult> {
  const cwd = o.cwd ?? process.cwd()
  const base = path.resolve(cwd, dir)
  const {found, skipped} = await findWorkspaces(base, dir)
  const t = translator(o.locale)
  const rows: OverviewRow[] = new Array<OverviewRow>(found.length)
  let next = 0
  const worker = async () => {
    for (let i = next++; i < found.length; i = next++) rows[i] = await readRow(found[i], o, t, cwd)
  }
  await Promise.all(Array.from({length: Math.min(PARALLEL, found.length)}, worker))
  return {dir, rows: sortRows(rows, o.sort ?? 'name', o.locale), skipped}
}

interface Found {
  /** Relative to the folder looked in. */
  dir: string
  root: string
}

/** The workspaces in `base` and directly under it; a usage error when `base` is not a folder. */
async function findWorkspaces(base: string, given: string): Promise<{found: Found[]; skipped: OverviewResult['skipped']}> {
  let entries: Dirent[]
  try {
    if (!statSync(base).isDirectory()) throw Object.assign(new Error('not a folder'), {code: 'ENOTDIR'})
    entries = await readdir(base, {withFileTypes: true})
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new UsageError(
        {key: code === 'ENOENT' ? 'overview.dirMissing' : 'overview.notDir', params: {dir: given}},
        {hint: {key: 'overview.dirMissing.hint'}},
      )
    }
    throw error
  }
  const real = realpathSync(base)
  const seen = new Set<string>()
  const found: Found[] = []
  const skipped: OverviewResult['skipped'] = []
  const add = (dir: string, root: string, realRoot: string) => {
    if (seen.has(realRoot) || !isWorkspace(root)) return
    seen.add(realRoot)
    found.push({dir, root})
  }
  add('.', base, real)
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const root = path.join(base, entry.name)
    if (entry.isDirectory()) add(entry.name, root, path.join(real, entry.name))
    else if (entry.isSymbolicLink()) {
      let target: string
      try {
        target = realpathSync(root)
      } catch {
        continue // dangling
      }
      const rel = path.relative(real, target)
      if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) skipped.push({dir: entry.name, target})
      else if (statSync(target).isDirectory()) add(entry.name, root, target)
    }
  }
  return {found, skipped}
}

/** A folder with a community.yaml at its root (a symlinked one counts, and is refused when read if it leads out). */
function isWorkspace(root: string): boolean {
  try {
    const info = lstatSync(path.join(root, COMMUNITY_FILE))
    return info.isFile() || info.isSymbolicLink()
  } catch {
    return false
  }
}

async function readRow(ws: Found, o: OverviewOptions, t: Translate, cwd: string): Promise<OverviewRow> {
  let name: string | undefined
  try {
    assertConfined(ws.root, path.join(ws.root, COMMUNITY_FILE))
    const opened = await openWorkspace({flag: ws.root, cwd: ws.root, lang: o.locale})
    name = opened.community.name
    const db = await Store.at(ws.root).peek()
    return overviewRow({dir: ws.dir, name, timezone: opened.timezone, db, now: o.now, runStatus})
  } catch (error) {
    return {dir: ws.dir, ...(name !== undefined && {name}), error: describeError(error, t, ws.root, cwd)}
  }
}

/** An error as one translated line with its location, paths relative to `cwd`. */
function describeError(error: unknown, t: Translate, root: string, cwd: string): NonNullable<OverviewRow['error']> {
  const shown = (p: string) => {
    const abs = path.resolve(root, p)
    return path.relative(cwd, abs) || abs
  }
  const err = error instanceof CommopsError ? error : fromSystemError(error)
  if (!err) return {code: 'unexpected', message: oneLine(error instanceof Error ? error.message : String(error))}
  const params = Object.fromEntries(
    Object.entries(err.msg.params ?? {}).map(([k, v]) => [k, typeof v === 'string' && path.isAbsolute(v) ? shown(v) : v]),
  )
  const location = err.location && formatLocation({...err.location, file: shown(err.location.file)})
  return {code: err.code, message: oneLine(t({key: err.msg.key, params})), ...(location ? {location} : {})}
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ').trim()
