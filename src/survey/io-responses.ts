/**
 * The survey responses' edge with the disk: one NDJSON file per ingest batch under `.commops/responses/<survey>/`,
 * named in `db.responseBatches`. A batch is written to a temp file and fsync'd first; under the store's lock it is
 * renamed to `<id>.ndjson` and only then named in the index, so a crash leaves nothing referenced half-written.
 */
import {closeSync, fsyncSync, mkdirSync, openSync, writeSync} from 'node:fs'
import {readdir, readFile, rename, rm} from 'node:fs/promises'
import path from 'node:path'
import {responseBatchPath, surveyFolder} from '../store/layout.js'
import type {Db} from '../store/types.js'
import {assertConfined, batchTempOwner, isProcessAlive, readStoreFile, syncDir, tempPathFor} from '../util/fs.js'
import {parseNdjson} from '../util/json.js'
import {batchesOf} from './lookup.js'
import type {SurveyResponse} from './types.js'

/** `.commops/responses` of a workspace. */
export const responsesDir = (root: string): string => path.join(root, '.commops', 'responses')

const batchFile = (root: string, survey: string, id: string) => path.join(root, '.commops', ...responseBatchPath(survey, id).split('/'))

/**
 * Every stored response of a survey, batch by batch, in file order: the one reader of responses (results, the
 * results step, ingest's duplicate check). Reads only that survey's batch files.
 */
export async function readResponses(root: string, db: Pick<Db, 'responseBatches'>, survey: string): Promise<SurveyResponse[]> {
  const out: SurveyResponse[] = []
  for (const batch of batchesOf(db, survey)) {
    const file = batchFile(root, survey, batch.id)
    parseNdjson((await readStoreFile(root, file, batch.id)).toString('utf8'), file, out)
  }
  return out
}

/** Bytes of lines gathered before they are written: memory stays flat however many responses a file has. */
const CHUNK = 1024 * 1024

/**
 * One batch's temp file, written and fsync'd outside the lock; `commit` names it under the lock. Lines are added one
 * at a time as the rows are read (`add`, synchronous: the rows are read in one synchronous pass), encoded straight
 * into one buffer and written each time it fills, so a big file's responses are never all held in memory.
 */
export class ResponseBatchFile {
  private chunk = Buffer.allocUnsafe(CHUNK)
  private used = 0
  private fd: number | undefined
  /** With `defer`: the lines' bytes, written by `sync` (nothing is made on disk before). */
  private held: Buffer[] | undefined

  private constructor(
    private readonly root: string,
    private readonly survey: string,
    private temp: string,
  ) {}

  /**
   * A temp file in the survey's folder, for `add` and then `sync`; made when the first lines are written. With `defer`
   * (the batch may yet be refused whole, as --strict does), the lines are held in memory and written by `sync` only.
   */
  static create(root: string, survey: string, o: {defer?: boolean} = {}): ResponseBatchFile {
    const dir = path.join(responsesDir(root), surveyFolder(survey))
    assertConfined(root, dir)
    const file = new ResponseBatchFile(root, survey, tempPathFor(path.join(dir, 'batch.ndjson')))
    if (o.defer) file.held = []
    return file
  }

  /** Adds one line: a response as JSON, without its line break. */
  add(json: string): void {
    // A UTF-16 code unit takes at most 3 bytes of UTF-8; a line that may not fit an empty chunk is written by itself.
    if (this.used + json.length * 3 + 1 > CHUNK) {
      this.writeChunk()
      if (json.length * 3 + 1 > CHUNK) return this.put(Buffer.from(`${json}\n`))
    }
    this.used += this.chunk.write(json, this.used)
    this.chunk[this.used++] = 10
  }

  /** Adds whole lines already encoded, each ending with its line break. */
  addLines(lines: Uint8Array): void {
    this.writeChunk()
    this.put(Buffer.from(lines.buffer, lines.byteOffset, lines.byteLength))
  }

  private writeChunk(): void {
    if (this.used === 0) return
    const data = this.chunk.subarray(0, this.used)
    this.used = 0
    if (this.held) {
      this.held.push(data)
      this.chunk = Buffer.allocUnsafe(CHUNK)
    } else this.writeBytes(data)
  }

  private put(data: Buffer): void {
    if (this.held) this.held.push(data)
    else this.writeBytes(data)
  }

  private writeBytes(data: Buffer): void {
    if (this.fd === undefined) {
      mkdirSync(path.dirname(this.temp), {recursive: true})
      this.fd = openSync(this.temp, 'wx')
    }
    for (let at = 0; at < data.length;) at += writeSync(this.fd, data, at)
  }

  /** Writes the lines not written yet, fsyncs and closes the file. */
  sync(): void {
    this.writeChunk()
    const held = this.held
    this.held = undefined
    for (const data of held ?? []) this.writeBytes(data)
    const fd = this.fd
    this.fd = undefined
    if (fd === undefined) return
    try {
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
  }

  /**
   * Keeps only the lines whose `keep` entry is true (under the lock, when another ingest stored some of the rows
   * meanwhile): a new temp file replaces this one.
   */
  async keep(keep: boolean[]): Promise<void> {
    const lines = (await readFile(this.temp, 'utf8')).split('\n')
    await this.discard()
    this.temp = tempPathFor(path.join(path.dirname(this.temp), 'batch.ndjson'))
    for (let i = 0; i < keep.length; i++) if (keep[i]) this.add(lines[i])
    this.sync()
  }

  /** Renames the synced temp file to `<id>.ndjson` and fsyncs the folder; call it under the store's lock. */
  async commit(id: string): Promise<void> {
    const target = batchFile(this.root, this.survey, id)
    await rename(this.temp, target)
    await syncDir(path.dirname(target))
  }

  /** Closes and deletes the temp file (a failure, or nothing left to store). */
  async discard(): Promise<void> {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
    this.used = 0
    this.held = undefined
    await rm(this.temp, {force: true})
  }
}

/**
 * Removes what an interrupted ingest left: temp files of dead processes and, when `referenced` is given (the batch
 * ids of the index, under the store's lock), batch files no index entry names. Returns the paths removed.
 */
export async function sweepResponses(root: string, referenced?: Set<string>): Promise<string[]> {
  const top = responsesDir(root)
  const gone: string[] = []
  for (const folder of await readdir(top, {withFileTypes: true}).catch(() => [])) {
    if (!folder.isDirectory()) continue
    const dir = path.join(top, folder.name)
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const owner = batchTempOwner(name)
      const batch = /^(RB\d+)\.ndjson$/.exec(name)?.[1]
      const stale = owner !== undefined ? !isProcessAlive(owner) : referenced !== undefined && batch !== undefined && !referenced.has(batch)
      if (!stale) continue
      await rm(path.join(dir, name), {force: true})
      gone.push(path.join(folder.name, name))
    }
  }
  return gone
}
