/** The workspace's store, `.commops/db.json`: snapshots to read, locked read-modify-write to change. */
import {mkdir} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'
import {Low} from 'lowdb'
import {assertConfined, sweepStaleTemps, writeFileAtomic} from '../util/fs.js'
import {DbFile} from './db-file.js'
import {withLock} from './lock.js'
import {CURRENT_VERSION, defaultDb, describeItemProblem, itemProblem, shapeProblem} from './migrations.js'
import type {Db} from './types.js'

export interface StoreOptions {
  /** How long `update` waits for a live process's lock before `store.locked` (default 30 000 ms). */
  lockTimeoutMs?: number
  /** Age after which a lock held from another machine (a shared folder) is taken over (default 10 min). */
  foreignStaleMs?: number
}

export class Store {
  /** Absolute path of `.commops/db.json`. */
  readonly file: string
  /** Absolute path of the lock file, `.commops/db.json.lock`, present only while an update runs. */
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
   * creates nothing, except that a corrupt or foreign file is copied once to `.commops/backups/`, and that a store
   * written by an older commops whose data moves out of `db.json` is migrated once, under the lock (see `update`).
   */
  async read(): Promise<Db> {
    this.confine()
    const adapter = new DbFile(this.file)
    const low = new Low<Db>(adapter, defaultDb())
    await low.read()
    if (adapter.moved.length === 0) return low.data
    await this.update(() => undefined)
    return this.read()
  }

  /**
   * A snapshot that writes nothing, ever: no lock, no backup copy of a bad file, and migrations applied in memory only
   * (data an old store would move out of db.json is left out). For reading workspaces that are not ours to change.
   */
  async peek(): Promise<Db> {
    this.confine()
    return (await new DbFile(this.file, {readOnly: true}).read()) ?? defaultDb()
  }

  /**
   * Locks, re-reads, applies `fn` to the data and writes it atomically; returns what `fn` returned. Keep `fn` short:
   * compute from `read()` first, and under the lock only apply the result (re-checking what may have changed).
   */
  async update<T>(fn: (db: Db) => T | Promise<T>): Promise<T> {
    this.confine()
    await mkdir(dirname(this.file), {recursive: true})
    const lock = {lockPath: this.lockFile, timeoutMs: this.options.lockTimeoutMs, foreignStaleMs: this.options.foreignStaleMs}
    return withLock(this.file, lock, async (assertHeld) => {
      await sweepStaleTemps(this.file)
      await sweepStaleTemps(this.lockFile)
      const adapter = new DbFile(this.file)
      const low = new Low<Db>(adapter, defaultDb())
      await low.read()
      // Data first, index last: the files a migration moves out are complete before db.json names them.
      for (const moved of adapter.moved) await writeFileAtomic(join(dirname(this.file), ...moved.path.split('/')), moved.text, {root: this.root})
      const result = await fn(low.data)
      const item = itemProblem(low.data as unknown as Record<string, unknown>)
      const problem = shapeProblem(low.data) ?? (item && describeItemProblem(item))
      if (problem) throw new Error(`Store.update: the update function left the store malformed: ${problem}`)
      low.data.version = CURRENT_VERSION
      adapter.beforeRename = assertHeld
      await low.write()
      return result
    })
  }

  /** Refuses a `.commops/` whose store, lock or backups lead out of the workspace through a symlink. */
  private confine(): void {
    for (const p of [this.file, this.lockFile, join(dirname(this.file), 'backups')]) assertConfined(this.root, p)
  }
}
