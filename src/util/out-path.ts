import {existsSync, lstatSync, readlinkSync, statSync} from 'node:fs'
import path from 'node:path'
import {UsageError, ValidationError} from '../errors.js'

/**
 * Where the person at the keyboard asked `--out` to write: any path, relative to the current folder (not the
 * workspace); `-` is stdout; an existing folder, or a path ending in `/`, gets the default file name. Playbooks and
 * templates write through resolveInside instead, confined to the workspace.
 */
export type OutTarget = {stdout: true} | {stdout: false; full: string; shown: string}

/** True when `p` names a folder: it ends with a separator or is an existing folder. */
function isFolder(p: string, full: string): boolean {
  return /[\\/]$/.test(p) || (existsSync(full) && statSync(full).isDirectory())
}

/** Resolves a command line's `--out` (see OutTarget); a path that can only be a folder is a usage error. */
export function resolveOut(out: string, defaultName: string, cwd = process.cwd()): OutTarget {
  if (out === '-') return {stdout: true}
  if (out === '' || out.includes('\0')) throw new UsageError({key: 'out.empty'}, {code: 'out.empty', hint: {key: 'out.hint'}})
  let full = path.resolve(cwd, out)
  refuseDangling(full, cwd)
  if (isFolder(out, full)) full = path.join(full, defaultName)
  if (existsSync(full) && statSync(full).isDirectory()) {
    const shown = shownPath(full, cwd)
    throw new UsageError({key: 'out.isDir', params: {path: shown}}, {code: 'out.isDir', hint: {key: 'out.hint'}})
  }
  const shown = shownPath(full, cwd)
  refuseSpecial(full, shown)
  return {stdout: false, full, shown}
}

/** A folder given to a command line's `--out` that writes several files: `-` is stdout; an existing file is a usage error. */
export function resolveOutDir(out: string, cwd = process.cwd()): OutTarget {
  if (out === '-') return {stdout: true}
  if (out === '' || out.includes('\0')) throw new UsageError({key: 'out.empty'}, {code: 'out.empty', hint: {key: 'out.hint'}})
  const full = path.resolve(cwd, out)
  refuseDangling(full, cwd)
  if (existsSync(full) && !statSync(full).isDirectory()) {
    throw new UsageError({key: 'out.notDir', params: {path: shownPath(full, cwd)}}, {code: 'out.notDir', hint: {key: 'out.dirHint'}})
  }
  return {stdout: false, full, shown: shownPath(full, cwd)}
}

/**
 * Refuses to write over what is not a regular file (a device such as /dev/null, a named pipe, a socket), the
 * symlinks on the way followed: reading it to see who wrote it would never end (or hang on a pipe), and the
 * temp-and-rename write would replace the device itself.
 */
export function refuseSpecial(full: string, shown: string): void {
  let info
  try {
    info = statSync(full)
  } catch {
    return
  }
  if (!info.isFile() && !info.isDirectory())
    throw new UsageError({key: 'out.special', params: {path: shown}}, {code: 'out.special', hint: {key: 'out.special.hint'}})
}

/** Refuses an `--out` whose path goes through a symlink to nothing (a moved or unmounted folder), naming the symlink. */
function refuseDangling(full: string, cwd: string): void {
  for (let p = full; path.dirname(p) !== p; p = path.dirname(p)) {
    let link: boolean
    try {
      link = lstatSync(p).isSymbolicLink()
    } catch {
      continue
    }
    if (link && !existsSync(p)) {
      const shown = shownPath(p, cwd)
      throw new ValidationError(
        {key: 'out.dangling', params: {path: shown, target: readlinkSync(p)}},
        {code: 'out.dangling', hint: {key: 'out.dangling.hint', params: {path: shown}}},
      )
    }
    if (!link) return
  }
}

/** A path as the person would type it: relative to the current folder when inside it, else absolute. */
export function shownPath(full: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, full)
  return rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? full : rel
}

/** Refuses a folder given where a file is to be read (e.g. `survey ingest S1 data/`) as a usage error, before any reading. */
export function requireNotFolder(given: string, full: string, example: string): void {
  if (existsSync(full) && statSync(full).isDirectory()) {
    const folder = given.replace(/[\\/]+$/, '') || given
    throw new UsageError({key: 'fs.isDir', params: {path: given}}, {code: 'input.isDir', hint: {key: 'input.isDir.hint', params: {folder, example}}})
  }
}
