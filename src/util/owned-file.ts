import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {CommopsError, ValidationError} from '../errors.js'
import type {Db, Store, WrittenFile} from '../store/index.js'
import {assertConfined, writeFileAtomic} from './fs.js'
import {sha256Hex} from './hash.js'
import {refuseSpecial, resolveOut} from './out-path.js'

/** The hash commops records for a file it wrote. */
export function contentHash(text: string | Uint8Array): string {
  return sha256Hex(text)
}

/** True when a file holding `current` (undefined: absent) is commops' to replace: absent, or its last or intended content. */
export function owns(owned: WrittenFile | undefined, current: string | Uint8Array | undefined): boolean {
  if (current === undefined) return true
  const hash = contentHash(current)
  return owned !== undefined && (owned.hash === hash || owned.pending === hash)
}

/** True when commops may write over `full`: it is absent, already holds `content`, or was last written by commops. */
export async function mayOverwrite(full: string, content: string, owned: WrittenFile | undefined): Promise<boolean> {
  const current = existsSync(full) ? await readFile(full, 'utf8') : undefined
  return current === content || owns(owned, current)
}

/** A file to write inside the workspace: its path relative to the root (the store's key), its absolute path, its text (or bytes: a PDF). */
export interface OwnedWrite {
  rel: string
  full: string
  content: string | Uint8Array
}

export interface OwnedWriteOptions<T> {
  /** Write even over files commops did not write. */
  force?: boolean
  /** The run that writes them, recorded with each file. */
  run?: string
  /** The error for a file commops does not own (default: `run.notOwned` naming its relative path). */
  refused?: (file: OwnedWrite) => Error
  /** The caller's other changes, made in the same update that records the files. */
  record?: (db: Db) => T
}

/**
 * Writes files commops owns so that the files and the store never disagree about who owns them, in two short updates:
 * 1. under the lock, check ownership against the fresh store and the file on disk, and record the intent (`pending`:
 *    the hash of the new content; a new file is recorded as owned with it);
 * 2. under the lock again, check again, write each file (temp + rename) and record its hash, dropping `pending`,
 *    with the caller's `record` changes.
 * A crash after 1 leaves the old content, still owned; a crash inside 2 after a file was written leaves the new
 * content, owned through `pending`. The checks and the writes happen under the lock, so concurrent writers take turns.
 */
export async function writeOwnedFiles<T>(store: Store, files: OwnedWrite[], o: OwnedWriteOptions<T> = {}): Promise<T | undefined> {
  // .commops/ is the store's: an export over db.json (even with --force) would replace the community's data
  const inStore = files.find((f) => /^\.commops(\/|$)/.test(f.rel))
  if (inStore) {
    throw new ValidationError({key: 'out.inStore', params: {path: inStore.rel}}, {code: 'out.inStore', hint: {key: 'out.inStore.hint'}})
  }
  const refused =
    o.refused ?? ((f) => new CommopsError({key: 'run.notOwned', params: {path: f.rel}}, {code: 'file.notOwned', hint: {key: 'run.notOwned.hint'}}))
  /** The file's current text (undefined: absent), after checking commops may replace it. */
  const check = async (db: Db, f: OwnedWrite): Promise<string | Uint8Array | undefined> => {
    refuseSpecial(f.full, f.rel)
    const binary = typeof f.content !== 'string'
    const current = existsSync(f.full) ? await (binary ? readFile(f.full) : readFile(f.full, 'utf8')) : undefined
    const same = binary ? current !== undefined && contentHash(current) === contentHash(f.content) : current === f.content
    if (!o.force && !same && !owns(db.files[f.rel], current)) throw refused(f)
    return current
  }
  const stamp = (hash: string, pending?: string): WrittenFile => ({
    hash,
    writtenAt: new Date().toISOString(),
    ...(o.run ? {run: o.run} : {}),
    ...(pending && pending !== hash ? {pending} : {}),
  })
  /** Each file's entry before the intent was recorded (undefined: none). */
  const before = new Map<string, WrittenFile | undefined>()
  if (files.length > 0) {
    await store.update(async (db) => {
      for (const f of files) {
        const current = await check(db, f)
        before.set(f.rel, db.files[f.rel])
        // what is there now is commops' (checked, or forced): own it, and the content about to be written
        db.files[f.rel] = current === undefined ? stamp(contentHash(f.content)) : stamp(contentHash(current), contentHash(f.content))
      }
    })
  }
  try {
    return await store.update(async (db) => {
      for (const f of files) {
        await check(db, f)
        await writeFileAtomic(f.full, f.content)
        db.files[f.rel] = stamp(contentHash(f.content))
      }
      return o.record?.(db)
    })
  } catch (error) {
    // a write that failed (a file where a folder must be, no room, no permission) did not happen: its intent goes, so
    // the store says what it said before; a file written before the failure stays owned through its intent
    await store
      .update(async (db) => {
        for (const f of files) {
          const now = existsSync(f.full) ? await readFile(f.full).catch(() => undefined) : undefined
          if (now !== undefined && contentHash(now) === contentHash(f.content)) continue
          const old = before.get(f.rel)
          if (old === undefined) delete db.files[f.rel]
          else db.files[f.rel] = old
        }
      })
      .catch(() => undefined)
    throw error
  }
}

/** The store's key for a file: its path relative to the workspace root when inside it, else its absolute path. */
export function storeKey(root: string, full: string): string {
  const rel = path.relative(root, full)
  return rel.startsWith('..') || path.isAbsolute(rel) ? full : rel.split(path.sep).join('/')
}

/**
 * Writes a command line's `--out` file (any path the person gave, see resolveOut), never over a file commops did not
 * write (unless forced), recorded in the store. Playbooks and templates do not come here: they stay confined.
 */
export async function writeOwnedFile(
  store: Store,
  out: string,
  content: string | Uint8Array,
  options: {force?: boolean; cwd?: string; defaultName?: string} = {},
): Promise<{path: string; shown: string}> {
  const target = resolveOut(out, options.defaultName ?? path.basename(out), options.cwd)
  if (target.stdout) throw new Error('writeOwnedFile: `-` is stdout, the caller writes it')
  const {full, shown} = target
  const rel = storeKey(store.root, full)
  // the workspace's own folders are confined even on the command line: a cloned `out/` may be a symlink elsewhere
  if (/^(out|\.commops|playbooks)(\/|$)/.test(rel)) assertConfined(store.root, full)
  const refused = () => new CommopsError({key: 'run.notOwned', params: {path: shown}}, {code: 'file.notOwned', hint: {key: 'run.notOwned.hint'}})
  await writeOwnedFiles(store, [{rel, full, content}], {force: options.force, refused})
  return {path: rel, shown}
}
