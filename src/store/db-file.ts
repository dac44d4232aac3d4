/** The store file on disk: parse and check on read, fsync'd atomic replace on write, backups of bad files. */
import {mkdir, open, readdir, readFile, rename, rm, stat, writeFile} from 'node:fs/promises'
import {basename, dirname, join} from 'node:path'
import type {Adapter} from 'lowdb'
import {StoreError} from '../errors.js'
import {tempPathFor} from '../util/fs.js'
import {CURRENT_VERSION, ShapeProblem, upgradeDb, type DataFile} from './migrations.js'
import type {Db} from './types.js'

/** A lowdb adapter for `db.json`: throws `StoreError` for a corrupt or foreign file, never overwriting it. */
export class DbFile implements Adapter<Db> {
  /** The exact text last read (undefined: no file), to skip writes that would change nothing. */
  private lastText?: string

  /** Files the last read's migrations moved out of the store, not written yet (see Store.update). */
  moved: DataFile[] = []

  /** `readOnly`: a bad file is refused without the backup copy (for reading a workspace that is not ours to write). */
  constructor(
    readonly file: string,
    private readonly options: {readOnly?: boolean} = {},
  ) {}

  /** The checked and migrated data, or null when the file does not exist (nothing is created). */
  async read(): Promise<Db | null> {
    let bytes: Buffer
    try {
      bytes = await readFile(this.file)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      ;(error as NodeJS.ErrnoException).path ??= this.file // EISDIR names no path: name the store
      throw error
    }
    const text = bytes.toString('utf8')
    let raw: unknown
    try {
      raw = JSON.parse(text.replace(/^\uFEFF/, ''))
    } catch (error) {
      throw await this.refuse(bytes, 'store.corrupt', {reason: (error as Error).message})
    }
    try {
      const moved: DataFile[] = []
      const db = upgradeDb(raw, undefined, undefined, moved)
      this.moved = moved
      this.lastText = text
      return db
    } catch (error) {
      if (!(error instanceof ShapeProblem)) throw error
      if (error.kind === 'newer') {
        throw await this.refuse(bytes, 'store.newer', {version: error.version, current: CURRENT_VERSION})
      }
      if (error.kind === 'item') {
        const {item, fields, got} = error.item!
        throw await this.refuse(bytes, fields ? 'store.badItem' : 'store.badCounter', {item, fields, got}, 'store.badItem.hint')
      }
      throw await this.refuse(bytes, 'store.foreign', {reason: error.reason})
    }
  }

  /** Checked just before the final rename of a write (the store checks it still holds its lock). */
  beforeRename?: () => Promise<void>

  /** Replaces the file atomically unless the text would be identical to what was read. */
  async write(db: Db): Promise<void> {
    const text = serialize(db)
    if (text === this.lastText) return
    await writeFileAtomic(this.file, text, this.beforeRename)
    this.lastText = text
  }

  private async refuse(bytes: Buffer, key: string, params: Record<string, unknown>, hint = `${key}.hint`): Promise<StoreError> {
    let backup: string
    try {
      backup = this.options.readOnly ? '(read-only: no copy made)' : await backupOnce(this.file, bytes)
    } catch (error) {
      backup = `(${(error as NodeJS.ErrnoException).code ?? 'error'}: no copy made)`
    }
    return new StoreError(
      {key, params: {file: this.file, ...params}},
      {hint: {key: hint, params: {backup}}, location: {file: this.file}, details: {file: this.file, backup, ...params}},
    )
  }
}

/** The file's text: two-space JSON and a final newline, so diffs of the store stay readable. */
export function serialize(db: Db): string {
  return `${JSON.stringify(db, null, 2)}\n`
}

/**
 * Writes a temp file beside `file`, fsyncs it, runs `beforeRename` (which may refuse), renames it over `file`, then
 * fsyncs the folder. On any failure the temp file is removed and `file` is untouched.
 */
export async function writeFileAtomic(file: string, text: string, beforeRename?: () => Promise<void>): Promise<void> {
  const dir = dirname(file)
  const temp = tempPathFor(file)
  try {
    const handle = await open(temp, 'wx')
    try {
      await handle.writeFile(text, 'utf8')
      await handle.sync()
    } finally {
      await handle.close()
    }
    await beforeRename?.()
    await renameWithRetry(temp, file)
  } catch (error) {
    await rm(temp, {force: true})
    throw error
  }
  await syncDir(dir)
}

/** Copies a bad store file into `backups/` beside it, once per distinct content; returns the copy's path. */
export async function backupOnce(file: string, bytes: Buffer): Promise<string> {
  const dir = join(dirname(file), 'backups')
  const stem = basename(file, '.json')
  await mkdir(dir, {recursive: true})
  for (const name of (await readdir(dir)).sort()) {
    if (!name.startsWith(`${stem}.`) || !name.endsWith('.json')) continue
    const path = join(dir, name)
    const info = await stat(path)
    if (info.isFile() && info.size === bytes.length && (await readFile(path)).equals(bytes)) return path
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  for (let n = 0; ; n++) {
    const path = join(dir, `${stem}.${stamp}${n === 0 ? '' : `-${n}`}.json`)
    try {
      await writeFile(path, bytes, {flag: 'wx'})
      return path
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || n >= 100) throw error
    }
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  // Windows: a reader or an antivirus scanner can hold the target open for a moment.
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (attempt >= 10 || !(code === 'EPERM' || code === 'EACCES' || code === 'EBUSY')) throw error
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }
}

async function syncDir(dir: string): Promise<void> {
  // Makes the rename itself durable; opening a folder fails on Windows, where it is not needed.
  try {
    const handle = await open(dir, 'r')
    try {
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch {
    // best effort
  }
}
