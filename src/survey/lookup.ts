/** Finding surveys in a store snapshot: stored ones (S3) and those playbook steps created (launch.onboarding-survey). */
import {UsageError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import type {Db} from '../store/types.js'
import type {ResponseBatch, SurveyDoc, SurveyRef} from './types.js'

/** What a `survey` artifact holds. */
export interface SurveyArtifactData {
  /** `playbook.step`: stable across runs, so responses ingested for it keep applying. */
  key: string
  locale: Locale
  template?: string
  doc: SurveyDoc
}

/** Every survey, stored ones first (by number), then playbook ones (latest artifact per key). */
export function listSurveys(db: Db): SurveyRef[] {
  const stored = Object.values(db.surveys)
    .filter((s) => s && typeof s === 'object' && s.doc)
    .sort((a, b) => Number(a.id.slice(1)) - Number(b.id.slice(1)))
    .map((s): SurveyRef => ({id: s.id, origin: 'store', locale: s.locale, doc: s.doc, createdAt: s.createdAt}))
  const latest = new Map<string, {ref: SurveyRef; updatedAt: string}>()
  for (const a of Object.values(db.artifacts)) {
    if (a.kind !== 'survey') continue
    const data = a.data as SurveyArtifactData | undefined
    if (!data?.key || !data.doc) continue
    const seen = latest.get(data.key)
    if (!seen || seen.updatedAt < a.updatedAt)
      latest.set(data.key, {
        ref: {id: data.key, origin: 'playbook', locale: data.locale, doc: data.doc, createdAt: a.createdAt},
        updatedAt: a.updatedAt,
      })
  }
  return [...stored, ...[...latest.values()].map((x) => x.ref).sort((a, b) => a.id.localeCompare(b.id))]
}

/** A survey by id (S3, case-insensitive), playbook key (launch.onboarding-survey), or a name or step id only one survey has. */
export function findSurvey(db: Db, ref: string): SurveyRef | undefined {
  const all = listSurveys(db)
  const exact = all.find((s) => s.id === ref || (s.origin === 'store' && s.id.toLowerCase() === ref.toLowerCase()))
  if (exact) return exact
  const byName = all.filter((s) => s.doc.name === ref || (s.origin === 'playbook' && s.id.split('.').slice(1).join('.') === ref))
  return byName.length === 1 ? byName[0] : undefined
}

/** The index entries of a survey's response batches, in ingest order (their responses: io-responses readResponses). */
export const batchesOf = (db: Pick<Db, 'responseBatches'>, id: string): ResponseBatch[] => db.responseBatches.filter((b) => b.survey === id)

/** How many responses a survey has, from the index alone (no batch file is read). */
export const responseCount = (db: Pick<Db, 'responseBatches'>, id: string): number => batchesOf(db, id).reduce((n, b) => n + b.responses, 0)

/** A survey by reference, or a usage error listing the surveys there are. */
export function requireSurvey(db: Db, ref: string): SurveyRef {
  const found = findSurvey(db, ref)
  if (found) return found
  const ids = listSurveys(db).map((s) => s.id)
  const best = closest(ref, ids)
  throw new UsageError(
    {key: 'survey.notFound', params: {id: ref}},
    {
      code: 'survey.notFound',
      hint: ids.length
        ? {key: 'survey.notFound.hint', params: {ids: ids.join(', '), suggest: best ? ` \`${best}\`?` : ''}}
        : {key: 'survey.notFound.none'},
    },
  )
}
