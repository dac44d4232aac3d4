import {readdirSync, readlinkSync, realpathSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError} from '../errors.js'
import {findWorkspaceRoot} from '../workspace/find.js'

const SKIP_DIRS = new Set(['node_modules', 'out', 'data', 'dist'])
const YAML_RE = /\.ya?ml$/i

/** A symlink met while walking a folder that leads out of its workspace, or nowhere: refused, never read. */
export interface RefusedLink {
  /** The symlink itself. */
  file: string
  /** What it points at, as written in the link. */
  target: string
  reason: 'outside' | 'dangling'
}

export interface CollectedFiles {
  files: string[]
  refused: RefusedLink[]
}

function isOutside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel.startsWith('..') || path.isAbsolute(rel)
}

function linkTarget(p: string): string {
  try {
    return readlinkSync(p)
  } catch {
    return '?'
  }
}

/**
 * Expands files and folders into the YAML files to validate, sorted; folders recurse, skipping dot-folders, data/ and
 * out/. A symlink inside a walked folder is followed when it stays inside the workspace (or inside the walked folder
 * when there is no workspace); one leading out, or nowhere, is refused and reported, as other commands refuse it.
 * Synchronous calls: a walk over a workspace costs less than the thread-pool round trips of the async ones.
 */
export async function collectYamlFiles(inputs: string[], cwd: string): Promise<CollectedFiles> {
  const found = new Set<string>()
  const refused = new Map<string, RefusedLink>()
  const visited = new Set<string>()
  function walk(dir: string, root: string): void {
    visited.add(realpathSync(dir))
    const entries = readdirSync(dir, {withFileTypes: true})
    for (const entry of entries) {
      const full = path.join(dir, entry.name)
      let isDir = entry.isDirectory()
      let isFile = entry.isFile()
      if (entry.isSymbolicLink()) {
        if (isDir || (!YAML_RE.test(entry.name) && (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)))) continue
        let real: string | undefined
        try {
          real = realpathSync(full)
        } catch {
          real = undefined // dangling, or a loop
        }
        const info = real === undefined ? undefined : statSync(real, {throwIfNoEntry: false})
        if (real === undefined || !info) {
          if (YAML_RE.test(entry.name)) refused.set(full, {file: full, target: linkTarget(full), reason: 'dangling'})
          continue
        }
        if (!info.isDirectory() && !YAML_RE.test(entry.name)) continue
        if (isOutside(realpathSync(root), real)) {
          refused.set(full, {file: full, target: linkTarget(full), reason: 'outside'})
          continue
        }
        if (info.isDirectory() && visited.has(real)) continue // already walked through another path
        isDir = info.isDirectory()
        isFile = info.isFile()
      }
      if (isDir) {
        if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue
        walk(full, root)
      } else if (isFile && YAML_RE.test(entry.name)) {
        found.add(full)
      }
    }
  }
  for (const input of inputs) {
    const full = path.resolve(cwd, input)
    const info = statSync(full, {throwIfNoEntry: false})
    if (!info) {
      throw new UsageError({key: 'file.notFound', params: {path: input}}, {hint: {key: 'file.notFound.hint'}})
    }
    if (info.isDirectory()) walk(full, findWorkspaceRoot(full) ?? full)
    else found.add(full)
  }
  return {files: [...found].sort(), refused: [...refused.values()].sort((a, b) => a.file.localeCompare(b.file))}
}
