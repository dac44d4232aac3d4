/** Mutual exclusion around a store file: an in-process queue, then a cross-process proper-lockfile lock. */
import {AsyncLocalStorage} from 'node:async_hooks'
import {resolve} from 'node:path'
import lockfile from 'proper-lockfile'
import {StoreError} from '../errors.js'

export interface LockOptions {
  /** Path of the lock folder (proper-lockfile creates it with mkdir, which is atomic). */
  lockPath: string
  /** Give up with `store.locked` after waiting this long (default 10 s). */
  timeoutMs?: number
  /** A lock whose mtime is older than this is taken over (default 10 s; proper-lockfile's floor is 2 s). */
  staleMs?: number
}

/** Inside `fn`, throws `store.lockLost` if another process took the lock over (we were stalled past `staleMs`). */
export type AssertHeld = () => void

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
  let lost: Error | undefined
  const release = await acquire(file, options, (error) => (lost = error))
  const assertHeld: AssertHeld = () => {
    if (lost) {
      throw new StoreError({key: 'store.lockLost', params: {file}}, {hint: {key: 'store.lockLost.hint'}, details: {cause: lost.message}})
    }
  }
  let result: T
  try {
    result = await fn(assertHeld)
  } catch (error) {
    await release().catch(() => undefined)
    throw error
  }
  try {
    await release()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERELEASED') throw error
  }
  return result
}

async function acquire(file: string, options: LockOptions, onCompromised: (error: Error) => void): Promise<() => Promise<void>> {
  const timeoutMs = options.timeoutMs ?? 10_000
  const deadline = Date.now() + timeoutMs
  for (let attempt = 0; ; attempt++) {
    try {
      return await lockfile.lock(file, {
        realpath: false,
        lockfilePath: options.lockPath,
        stale: options.staleMs ?? 10_000,
        retries: 0,
        onCompromised,
      })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
    }
    const left = deadline - Date.now()
    if (left <= 0) {
      throw new StoreError(
        {key: 'store.locked', params: {file}},
        {hint: {key: 'store.locked.hint', params: {lock: options.lockPath}}, details: {lock: options.lockPath}},
      )
    }
    await sleep(Math.min(left, backoff(attempt)))
  }
}

/** 5 ms growing ×1.5 per attempt up to 50 ms, jittered ±50% so waiting processes do not march in step. */
function backoff(attempt: number): number {
  return Math.min(50, 5 * 1.5 ** attempt) * (0.5 + Math.random())
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms))
}
