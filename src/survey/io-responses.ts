/**
 * The survey responses' edge with the disk: one NDJSON file per ingest batch under `.commops/responses/<survey>/`,
 * named in `db.responseBatches`. A batch is written to a temp file and fsync'd first; under the store's lock it is
 * renamed to `<id>.ndjson` and only then named in the index, so a crash leaves nothing referenced half-written.
 */
import {mkdir, open, readdir, rename, rm} from 'node:fs/promises'
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
    parseNdjson((await readStoreFile(root, batchFile(root, survey, batch.id), batch.id)).toString('utf8'), out)
  }
  return out
}

/** One batch's temp file, written and fsync'd outside the lock; `commit` names it under the lock. */
export class ResponseBatchFile {
  private constructor(
    private readonly root: string,
    private readonly survey: string,
    private temp: string,
  ) {}

  /** Writes `responses` to a temp file in the survey's folder and fsyncs it. */
  static async write(root: string, survey: string, responses: SurveyResponse[]): Promise<ResponseBatchFile> {
    const dir = path.join(responsesDir(root), surveyFolder(survey))
    assertConfined(root, dir)
    await mkdir(dir, {recursive: true})
    const file = new ResponseBatchFile(root, survey, '')
    await file.fill(dir, responses)
    return file
  }

  /** Replaces the temp file's content (under the lock, when another ingest stored some of the rows meanwhile). */
  async rewrite(responses: SurveyResponse[]): Promise<void> {
    await this.discard()
    await this.fill(path.dirname(this.temp), responses)
  }

  private async fill(dir: string, responses: SurveyResponse[]): Promise<void> {
    this.temp = tempPathFor(path.join(dir, 'batch.ndjson'))
    const handle = await open(this.temp, 'wx')
    try {
      // In chunks: one string of every line could pass the longest string a JavaScript engine holds.
      for (let i = 0; i < responses.length; i += 10_000) {
        let chunk = ''
        for (const r of responses.slice(i, i + 10_000)) chunk += `${JSON.stringify(r)}\n`
        await handle.write(chunk)
      }
      await handle.sync()
    } catch (error) {
      await handle.close()
      await rm(this.temp, {force: true})
      throw error
    }
    await handle.close()
  }

  /** Renames the synced temp file to `<id>.ndjson` and fsyncs the folder; call it under the store's lock. */
  async commit(id: string): Promise<void> {
    const target = batchFile(this.root, this.survey, id)
    await rename(this.temp, target)
    await syncDir(path.dirname(target))
  }

  /** Deletes the temp file (a failure, or nothing left to store). */
  async discard(): Promise<void> {
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
