import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {CommopsError} from '../errors.js'
import type {Store, WrittenFile} from '../store/index.js'
import {resolveInside, writeFileAtomic} from './fs.js'
import {sha256Hex} from './hash.js'

/** The hash commops records for a file it wrote. */
export function contentHash(text: string): string {
  return sha256Hex(text)
}

/** True when commops may write over `full`: it is absent, already holds `content`, or was last written by commops. */
export async function mayOverwrite(full: string, content: string, owned: WrittenFile | undefined): Promise<boolean> {
  if (!existsSync(full)) return true
  const current = await readFile(full, 'utf8')
  return current === content || (owned !== undefined && owned.hash === contentHash(current))
}

/** A user's `--out` (relative to the current folder) as a path inside the workspace; `..`, absolute paths outside and symlinks out are refused. */
export function outputPath(root: string, out: string, cwd = process.cwd()): {full: string; rel: string; shown: string} {
  const fromRoot = path.relative(root, path.resolve(cwd, out)).split(path.sep).join('/')
  const full = resolveInside(root, fromRoot.startsWith('..') || path.isAbsolute(fromRoot) ? out : fromRoot)
  return {full, rel: path.relative(root, full).split(path.sep).join('/'), shown: path.relative(cwd, full) || full}
}

/** Writes an export inside the workspace: confined, never over a file commops did not write (unless forced), recorded in the store. */
export async function writeOwnedFile(store: Store, out: string, content: string, options: {force?: boolean; cwd?: string} = {}): Promise<{path: string; shown: string}> {
  const {full, rel, shown} = outputPath(store.root, out, options.cwd)
  const db = await store.read()
  if (!options.force && !(await mayOverwrite(full, content, db.files[rel]))) {
    throw new CommopsError({key: 'run.notOwned', params: {path: shown}}, {code: 'file.notOwned', hint: {key: 'run.notOwned.hint'}})
  }
  await writeFileAtomic(full, content)
  await store.update((d) => {
    d.files[rel] = {hash: contentHash(content), writtenAt: new Date().toISOString()}
  })
  return {path: rel, shown}
}
