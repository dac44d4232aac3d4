import {existsSync, lstatSync, readlinkSync, realpathSync} from 'node:fs'
import {mkdir, open, readdir, readFile, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import {CommopsError, StoreError, UsageError} from '../errors.js'
import {randomHex} from './hash.js'

/** True when a process with this pid runs on this machine (EPERM: it runs, as another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A fresh temp path beside `file`: `.NAME.PID.HEX.tmp`, so a sweep can tell whose it is. */
export function tempPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomHex(4)}.tmp`)
}

/** The pid in a temp file name made by tempPathFor (`.NAME.PID.HEX.tmp`), or undefined for any other name. */
export function tempOwner(name: string): number | undefined {
  const m = /^\..+\.(\d+)\.[0-9a-f]+\.tmp$/.exec(name)
  return m ? Number(m[1]) : undefined
}

/** The pid of a temp file in a batch folder: named by tempPathFor, or `.tmp-PID-…` as earlier versions named them. */
export function batchTempOwner(name: string): number | undefined {
  const legacy = /^\.tmp-(\d+)-/.exec(name)
  return tempOwner(name) ?? (legacy ? Number(legacy[1]) : undefined)
}

/** Fsyncs a folder after renames into it, so they survive a crash; file systems that cannot are left as they are. */
export async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r')
  try {
    await handle.sync()
  } catch {
    // some file systems cannot fsync a folder; the renames are still atomic
  } finally {
    await handle.close()
  }
}

/**
 * Removes temp files beside `file` (see tempPathFor) left by processes that are gone (crashed, killed, disk full).
 * Best effort: a folder that cannot be listed is left alone. Returns the names removed.
 */
export async function sweepStaleTemps(file: string): Promise<string[]> {
  const dir = path.dirname(file)
  const prefix = `.${path.basename(file)}.`
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^\d+\.[0-9a-f]+\.tmp$/.test(name.slice(prefix.length))) continue
    const pid = tempOwner(name)
    if (pid === undefined || pid === process.pid || isProcessAlive(pid)) continue
    await rm(path.join(dir, name), {force: true, recursive: true}).catch(() => undefined)
    removed.push(name)
  }
  return removed
}

/** Writes `data` to a file that must not exist yet (a temp name) and fsyncs it. */
export async function writeNewSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(file, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Writes a file so readers see either the old or the new content: temp file in the same folder, fsync, rename.
 * With `root`, the file must be confined to that workspace (see assertConfined). A failure leaves no temp file.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: {root?: string} = {}): Promise<void> {
  if (options.root) assertConfined(options.root, file)
  await mkdir(path.dirname(file), {recursive: true})
  await sweepStaleTemps(file)
  const tmp = tempPathFor(file)
  try {
    await writeNewSynced(tmp, data)
    await rename(tmp, file)
  } catch (error) {
    await rm(tmp, {force: true})
    throw error
  }
}

/** The real path of the longest existing prefix of `p`, with the rest appended, so symlinks on the way are followed. */
function realish(p: string): string {
  let existing = p
  const rest: string[] = []
  while (!existsSync(existing)) {
    const parent = path.dirname(existing)
    if (parent === existing) break
    rest.unshift(path.basename(existing))
    existing = parent
  }
  return path.join(realpathSync(existing), ...rest)
}

function isOutside(root: string, p: string): boolean {
  const rel = path.relative(root, p)
  return rel.startsWith('..') || path.isAbsolute(rel)
}

/**
 * Refuses a path inside the workspace `root` that leads out of it through a symlink (or through a dangling one),
 * naming the symlink: a cloned workspace must not make commops read or write elsewhere. Symlinks that stay inside
 * are fine; components that do not exist yet are fine (commops creates them). A path outside `root` is not checked.
 */
export function assertConfined(root: string, full: string): void {
  const base = path.resolve(root)
  const rel = path.relative(base, path.resolve(full))
  if (rel === '' || isOutside(base, path.resolve(full))) return
  let current = base
  for (const part of rel.split(path.sep)) {
    current = path.join(current, part)
    let isLink: boolean
    try {
      isLink = lstatSync(current).isSymbolicLink()
    } catch {
      return
    }
    if (!isLink) continue
    let target: string | undefined
    try {
      target = realpathSync(current)
    } catch {
      target = undefined
    }
    if (target === undefined || isOutside(realpathSync(base), target)) {
      const shown = path.relative(base, current).split(path.sep).join('/')
      const link = safeReadlink(current)
      throw new CommopsError(
        {key: 'file.symlinkOut', params: {path: shown, target: link}},
        {
          code: 'file.symlinkOut',
          hint: {key: 'file.symlinkOut.hint', params: {path: shown}},
          location: {file: current},
          details: {path: current, target: link},
        },
      )
    }
  }
}

function safeReadlink(p: string): string {
  try {
    return readlinkSync(p)
  } catch {
    return '?'
  }
}

/** Resolves a user- or playbook-given relative path inside `root`; `..`, absolute paths and symlinks leading out are refused. */
export function resolveInside(root: string, relative: string): string {
  const refuse = () => new UsageError({key: 'file.outside', params: {path: relative, root}}, {hint: {key: 'file.outside.hint'}, code: 'file.outside'})
  if (relative.includes('\0') || path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) throw refuse()
  const full = path.resolve(root, relative)
  const rootReal = realish(path.resolve(root))
  const fullReal = realish(full)
  if (isOutside(rootReal, fullReal)) throw refuse()
  assertConfined(root, full)
  return full
}

/**
 * A data file the store names whose content commops cannot read back (cut short by a copy, edited, garbled): damage
 * to the store naming the file and, when known, the line, not a commops bug. `error`: what the parse said.
 */
export function damagedStoreFile(file: string, line: number | undefined, error: unknown): StoreError {
  const reason = error instanceof Error ? error.message : String(error)
  return new StoreError(
    {key: 'store.damaged', params: {reason}},
    {code: 'store.damaged', location: line === undefined ? {file} : {file, line}, hint: {key: 'store.damaged.hint'}},
  )
}

/**
 * The bytes of a data file the store names (`id`: its name in the index), confined to the workspace: a missing one
 * is damage to the store (`store.batchMissing`), not a commops bug.
 */
export async function readStoreFile(root: string, file: string, id: string): Promise<Buffer> {
  assertConfined(root, file)
  try {
    return await readFile(file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    throw new StoreError({key: 'store.batchMissing', params: {file, id}}, {location: {file}, hint: {key: 'store.batchMissing.hint'}})
  }
}
