/** The workspace's store, `.commops/db.json`: snapshots to read, locked read-modify-write to change. */
import {mkdir} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {Low} from 'lowdb'
import {DbFile} from './db-file.js'
import {withLock} from './lock.js'
import {CURRENT_VERSION, defaultDb, describeItemProblem, itemProblem, shapeProblem} from './migrations.js'
import type {Db} from './types.js'

export interface StoreOptions {
  /** How long `update` waits for another process's lock before `store.locked` (default 10 000 ms). */
  lockTimeoutMs?: number
  /** Age after which a lock left by a crashed process is taken over (default 10 000 ms, at least 2 000). */
  staleMs?: number
}

export class Store {
  /** Absolute path of `.commops/db.json`. */
  readonly file: string
  /** Absolute path of the lock folder, `.commops/db.json.lock`, present only while an update runs. */
  readonly lockFile: string

  private constructor(
    readonly root: string,
    private readonly options: StoreOptions,
  ) {
    this.file = join(root, '.commops', 'db.json')
    this.lockFile = `${this.file}.lock`
  }

  /** The store of the workspace rooted at `root`; touches nothing until `update`. */
  static at(root: string, options: StoreOptions = {}): Store {
    return new Store(resolve(root), options)
  }

  /**
   * A snapshot of the data, migrated in memory; defaults when there is no file. Takes no lock and
   * creates nothing, except that a corrupt or foreign file is copied once to `.commops/backups/`.
   */
  async read(): Promise<Db> {
    const low = new Low<Db>(new DbFile(this.file), defaultDb())
    await low.read()
    return low.data
  }

  /** Locks, re-reads, applies `fn` to the data and writes it atomically; returns what `fn` returned. */
  async update<T>(fn: (db: Db) => T | Promise<T>): Promise<T> {
    await mkdir(dirname(this.file), {recursive: true})
    const lock = {lockPath: this.lockFile, timeoutMs: this.options.lockTimeoutMs, staleMs: this.options.staleMs}
    return withLock(this.file, lock, async (assertHeld) => {
      const low = new Low<Db>(new DbFile(this.file), defaultDb())
      await low.read()
      const result = await fn(low.data)
      const item = itemProblem(low.data as unknown as Record<string, unknown>)
      const problem = shapeProblem(low.data) ?? (item && describeItemProblem(item))
      if (problem) throw new Error(`Store.update: the update function left the store malformed: ${problem}`)
      low.data.version = CURRENT_VERSION
      assertHeld()
      await low.write()
      return result
    })
  }
}
