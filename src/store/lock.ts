/**
 * Mutual exclusion around a store file: an in-process queue, then a cross-process lock file naming its holder.
 *
 * The lock file (`db.json.lock`) holds `{pid, host, token, started}`; it is created complete and atomically (a temp
 * file hard-linked to the lock's name, which fails if the name exists). A lock is never taken over while its holder
 * lives, whatever its age: a waiter takes it over only when the holder ran on this machine and its pid is gone (or is
 * this very process, a leftover), or, for a holder on another machine (a shared folder), after `foreignStaleMs`.
 * One waiter at a time takes over (it holds `<lock>.break` meanwhile), removing the lock only if it still names the
 * holder judged gone. Before the store's final rename the writer checks the lock still carries its token (`assertHeld`).
 */
import {AsyncLocalStorage} from 'node:async_hooks'
import {link, lstat, open, readFile, rename, rm, unlink} from 'node:fs/promises'
import os from 'node:os'
import {resolve} from 'node:path'
import {StoreError} from '../errors.js'
import {randomHex} from '../util/hash.js'
import {isProcessAlive, tempPathFor} from '../util/fs.js'

export interface LockOptions {
  /** Path of the lock file. */
  lockPath: string
  /** Give up with `store.locked` after waiting this long for a live holder (default 30 s). */
  timeoutMs?: number
  /** A lock whose holder ran on another machine is taken over after this age (default 10 min). */
  foreignStaleMs?: number
}

/** What the lock file says about its holder. */
export interface LockHolder {
  pid: number
  host: string
  token: string
  started: string
}

/** Throws `store.lockLost` when the lock no longer carries this holder's token; call it just before committing. */
export type AssertHeld = () => Promise<void>

/** A lock file older than this that cannot be parsed (a holder died while writing it, or an old commops's lock folder) is abandoned. */
const UNREADABLE_STALE_MS = 10_000

const queues = new Map<string, Promise<void>>()
const held = new AsyncLocalStorage<ReadonlySet<string>>()

/** Runs `fn` while holding the lock on `file`, releasing it whatever happens; the lock file itself need not exist. */
export async function withLock<T>(file: string, options: LockOptions, fn: (assertHeld: AssertHeld) => Promise<T>): Promise<T> {
  const key = resolve(file)
  const outer = held.getStore()
  if (outer?.has(key)) throw new Error(`Store.update on ${key} called inside an update of the same store`)

  const previous = queues.get(key) ?? Promise.resolve()
  let done!: () => void
  const mine = new Promise<void>((r) => (done = r))
  const tail = previous.then(() => mine)
  queues.set(key, tail)
  await previous
  try {
    return await held.run(new Set([...(outer ?? []), key]), () => holdAcrossProcesses(key, options, fn))
  } finally {
    done()
    if (queues.get(key) === tail) queues.delete(key)
  }
}

async function holdAcrossProcesses<T>(file: string, options: LockOptions, fn: (assertHeld: AssertHeld) => Promise<T>): Promise<T> {
  const me: LockHolder = {pid: process.pid, host: os.hostname(), token: randomHex(8), started: new Date().toISOString()}
  await acquire(file, options, me)
  const assertHeld: AssertHeld = async () => {
    const holder = await readHolder(options.lockPath)
    if (holder === undefined || holder === 'unreadable' || holder.token !== me.token) {
      throw new StoreError({key: 'store.lockLost', params: {file}}, {hint: {key: 'store.lockLost.hint'}, details: {lock: options.lockPath}})
    }
  }
  try {
    return await fn(assertHeld)
  } finally {
    await release(options.lockPath, me)
  }
}

async function acquire(file: string, options: LockOptions, me: LockHolder): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 30_000)
  let last: LockHolder | 'unreadable' | undefined
  for (let attempt = 0; ; attempt++) {
    if (await create(options.lockPath, me)) return
    const holder = await readHolder(options.lockPath)
    if (holder === undefined) continue // released between our attempt and the read: try again at once
    last = holder
    // taken over, or changed hands meanwhile: try again at once; another waiter taking it over: wait
    if ((await abandoned(options.lockPath, holder, options.foreignStaleMs ?? 600_000)) && (await takeOver(options.lockPath, holder))) continue
    const left = deadline - Date.now()
    if (left <= 0) {
      const who = holder === 'unreadable' ? {pid: '?', host: '?'} : {pid: holder.pid, host: holder.host}
      throw new StoreError(
        {key: 'store.locked', params: {file, ...who}},
        {hint: {key: 'store.locked.hint', params: {lock: options.lockPath}}, details: {lock: options.lockPath, holder: last}},
      )
    }
    await sleep(Math.min(left, backoff(attempt)))
  }
}

/** Creates the lock file with `me` in it, atomically; false when it exists. A symlink at the lock's path is refused. */
async function create(lockPath: string, me: LockHolder): Promise<boolean> {
  const temp = tempPathFor(lockPath)
  const handle = await open(temp, 'wx')
  try {
    await handle.writeFile(JSON.stringify(me))
  } finally {
    await handle.close()
  }
  try {
    await link(temp, lockPath)
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    if (!['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error
    return createWithoutLink(lockPath, me) // a file system without hard links
  } finally {
    await rm(temp, {force: true})
  }
}

async function createWithoutLink(lockPath: string, me: LockHolder): Promise<boolean> {
  try {
    const handle = await open(lockPath, 'wx')
    try {
      await handle.writeFile(JSON.stringify(me))
    } finally {
      await handle.close()
    }
    return true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
}

/** The holder named in the lock file; undefined when there is none; `unreadable` for a partial file or an old lock folder. */
async function readHolder(lockPath: string): Promise<LockHolder | 'unreadable' | undefined> {
  let text: string
  try {
    const info = await lstat(lockPath)
    if (info.isSymbolicLink()) {
      throw new StoreError({key: 'store.lockSymlink', params: {lock: lockPath}}, {hint: {key: 'store.lockSymlink.hint', params: {lock: lockPath}}})
    }
    if (info.isDirectory()) return 'unreadable'
    text = await readFile(lockPath, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  try {
    const value = JSON.parse(text) as Partial<LockHolder>
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.token === 'string') return value as LockHolder
  } catch {
    // a partial file: see abandoned()
  }
  return 'unreadable'
}

/** True when the holder is certainly gone (see the module comment). */
async function abandoned(lockPath: string, holder: LockHolder | 'unreadable', foreignStaleMs: number): Promise<boolean> {
  if (holder !== 'unreadable' && holder.host === os.hostname()) return holder.pid === process.pid || !isProcessAlive(holder.pid)
  let age: number
  try {
    age = Date.now() - (await lstat(lockPath)).mtimeMs
  } catch {
    return false
  }
  return age > (holder === 'unreadable' ? UNREADABLE_STALE_MS : foreignStaleMs)
}

/**
 * Removes an abandoned lock, one waiter at a time: the waiter first creates a second lock beside it (`<lock>.break`,
 * created like the lock), then reads the lock again and removes it only if it is still the one judged abandoned. While
 * the lock's name is taken by a dead holder nobody can create it, and nobody but the break's holder removes it, so what
 * is read is what is removed: a lock a live process took meanwhile is left alone, and its name is never free for a
 * moment. Returns false when another waiter holds the break (the caller waits and looks again).
 */
export async function takeOver(lockPath: string, judged: LockHolder | 'unreadable'): Promise<boolean> {
  const breakPath = `${lockPath}.break`
  const me: LockHolder = {pid: process.pid, host: os.hostname(), token: randomHex(8), started: new Date().toISOString()}
  if (!(await create(breakPath, me))) {
    // a break left by a waiter that died taking over (it lasts milliseconds): removed as the lock once was
    const other = await readHolder(breakPath)
    if (other !== undefined && (await abandoned(breakPath, other, UNREADABLE_STALE_MS))) await removeIfStill(breakPath, other)
    return other === undefined
  }
  try {
    if (sameHolder(await readHolder(lockPath), judged)) await rm(lockPath, {force: true, recursive: true})
  } finally {
    await release(breakPath, me)
  }
  return true
}

/**
 * Removes an abandoned break lock: looks through a second name (a hard link) whether it is still the one judged, then
 * renames it aside (atomic, so only one waiter gets it) and puts it back if what it got is another.
 */
async function removeIfStill(file: string, judged: LockHolder | 'unreadable'): Promise<void> {
  const peek = tempPathFor(file)
  const peeked = await link(file, peek).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined
      // a file system without hard links: judged by the rename below alone
      if (['EPERM', 'ENOTSUP', 'ENOSYS', 'EOPNOTSUPP', 'EISDIR'].includes(error.code ?? '')) return false
      throw error
    },
  )
  if (peeked === undefined) return
  if (peeked) {
    const seen = await readHolder(peek).catch(() => 'unreadable' as const)
    await rm(peek, {force: true})
    if (!sameHolder(seen, judged)) return
  }
  const aside = tempPathFor(file)
  try {
    await rename(file, aside)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  const got = await readHolder(aside).catch(() => 'unreadable' as const)
  if (!sameHolder(got, judged)) await link(aside, file).catch(() => undefined)
  await rm(aside, {force: true, recursive: true})
}

/** Whether a lock read is the holder judged (a partial lock, or a lock folder, is judged as unreadable). */
const sameHolder = (got: LockHolder | 'unreadable' | undefined, judged: LockHolder | 'unreadable'): boolean =>
  judged === 'unreadable' ? got === 'unreadable' : got !== undefined && got !== 'unreadable' && got.token === judged.token

/** Removes the lock file if it is still ours. */
async function release(lockPath: string, me: LockHolder): Promise<void> {
  const holder = await readHolder(lockPath).catch(() => undefined)
  if (holder === undefined || holder === 'unreadable' || holder.token !== me.token) return
  await unlink(lockPath).catch(() => undefined)
}

/** 5 ms growing ×1.5 per attempt up to 50 ms, jittered ±50% so waiting processes do not march in step. */
function backoff(attempt: number): number {
  return Math.min(50, 5 * 1.5 ** attempt) * (0.5 + Math.random())
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
