/**
 * Where bulky append-only data lives beside `db.json`, relative to `.commops/`: one NDJSON file per batch, named in
 * an index in `db.json`. Plain path arithmetic, shared by the store's migrations and the areas that write batches.
 */
import {sha256Hex} from '../util/hash.js'

/** A survey's folder name under `responses/`: its id when that is a plain name (S3, launch.onboarding-survey), else a hash. */
export function surveyFolder(survey: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(survey) && !survey.includes('..')) return survey
  return `x-${sha256Hex(survey).slice(0, 16)}`
}

/** `responses/<survey>/<id>.ndjson`: the responses of one ingest batch, one JSON object a line. */
export const responseBatchPath = (survey: string, id: string): string => `responses/${surveyFolder(survey)}/${id}.ndjson`
