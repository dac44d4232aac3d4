/** The surveys' changes a user can make: create a survey, ingest responses. Used by the commands and the step. */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {UsageError, ValidationError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {nextId, type Db, type Store} from '../store/index.js'
import {applyChange} from '../util/change.js'
import type {Community} from '../workspace/community.js'
import {decodeCsv, isEncoding, parseCsv, type ParsedCsv} from './csv.js'
import {ingestRows, mapColumns, parseMaps, type ColumnMapping, type IngestResult} from './ingest.js'
import {loadSurveyFile, loadSurveyTemplate} from './load.js'
import {requireSurvey} from './lookup.js'
import {resolveSurvey, type ResolveNote} from './resolve.js'
import type {StoredSurvey, SurveyDoc, SurveyRef} from './types.js'

/** Where a survey comes from: a bundled template, or a file (its full path and the path as the user wrote it). */
export type SurveySource = {template: string} | {file: string; display: string}

/** Reads a survey and fills the options it takes from community.yaml: what `survey create` and survey.create both build. */
export async function buildSurvey(community: Community, source: SurveySource, locale: Locale): Promise<{doc: SurveyDoc; notes: ResolveNote[]}> {
  const raw = 'file' in source ? await loadSurveyFile(source.file, source.display, locale) : await loadSurveyTemplate(source.template, locale)
  return resolveSurvey(raw, community)
}

/** Keeps a survey in the store under the next S id; returns the id. */
export function applySurvey(db: Db, survey: Omit<StoredSurvey, 'id'>): string {
  const id = nextId(db, 'S')
  db.surveys[id] = {...survey, id} as StoredSurvey
  return id
}

export interface SurveyRequest {
  source: SurveySource
  /** The source file as recorded in the store (relative to the workspace when inside it). */
  from?: string
  /** Language of its exports; default: the survey's own, else `defaultLocale`. */
  lang?: Locale
  defaultLocale: Locale
  /** Language of error messages. */
  locale: Locale
  now: Date
  dryRun?: boolean
}

/** `survey create`: builds a survey and keeps it in the store; a dry run shows the id it would get and writes nothing. */
export async function createSurvey(
  store: Store,
  community: Community,
  request: SurveyRequest,
): Promise<{id: string; doc: SurveyDoc; notes: ResolveNote[]; locale: Locale}> {
  const {doc, notes} = await buildSurvey(community, request.source, request.locale)
  const locale = request.lang ?? doc.locale ?? request.defaultLocale
  const template = 'template' in request.source ? request.source.template : undefined
  const survey = {
    name: doc.name,
    locale,
    ...(template ? {template} : {}),
    ...(request.from ? {from: request.from} : {}),
    doc,
    createdAt: request.now.toISOString(),
  }
  const id = await applyChange(store, request.dryRun, (db) => applySurvey(db, survey))
  return {id, doc, notes, locale}
}

export interface IngestRequest {
  /** The survey: S3, or a playbook survey key. */
  survey: string
  /** The CSV file: its full path, as the user wrote it, and as recorded with each response. */
  file: {full: string; display: string; source: string}
  encoding?: string
  maps?: string[]
  /** Store nothing when any row cannot be read. */
  strict?: boolean
  now: Date
  dryRun?: boolean
}

export interface Ingested {
  ref: SurveyRef
  encoding: string
  csv: ParsedCsv
  columns: ColumnMapping[]
  /** Every row read, as if none had been stored before the lock was taken. */
  preview: IngestResult
  /** The responses stored (or that would be), and the rows already stored. */
  added: IngestResult['responses']
  duplicates: number
  /** Strict and some row was rejected: nothing was stored. */
  strictFailed: boolean
}

const knownRows = (db: Db, survey: string) => new Set(db.responses.filter((r) => r.survey === survey).map((r) => r.rowHash))

/** `survey ingest`: reads, maps and scores a response export before taking the lock, then stores the rows not stored yet. */
export async function ingestResponses(store: Store, request: IngestRequest): Promise<Ingested> {
  const {display, full, source} = request.file
  const snapshot = await store.read()
  const ref = requireSurvey(snapshot, request.survey)
  if (!existsSync(full)) throw new UsageError({key: 'file.notFound', params: {path: display}}, {hint: {key: 'file.notFound.hint'}})
  if (request.encoding && !isEncoding(request.encoding))
    throw new UsageError({key: 'survey.ingest.badEncoding', params: {encoding: request.encoding}}, {hint: {key: 'survey.ingest.badEncoding.hint'}})
  const {pairs, bad} = parseMaps(request.maps ?? [])
  if (bad !== undefined) throw new UsageError({key: 'survey.ingest.badMap', params: {value: bad}}, {hint: {key: 'survey.ingest.badMap.hint'}})

  const {text, encoding} = decodeCsv(await readFile(full), request.encoding)
  if (text.trim() === '')
    throw new ValidationError(
      {key: 'survey.ingest.empty', params: {file: display}},
      {code: 'survey.ingest.empty', location: {file: display, line: 1}, hint: {key: 'survey.ingest.empty.hint'}},
    )
  const csv = parseCsv(text)
  const {columns, unknownTargets, unknownColumns} = mapColumns(ref.doc, csv.header, pairs)
  const ids = ref.doc.questions.map((q) => q.id).join(', ')
  if (unknownTargets.length)
    throw new UsageError(
      {key: 'survey.ingest.unknownTarget', params: {ids: unknownTargets.join(', ')}},
      {hint: {key: 'survey.ingest.unknownTarget.hint', params: {ids}}},
    )
  if (unknownColumns.length)
    throw new UsageError(
      {key: 'survey.ingest.unknownColumn', params: {columns: unknownColumns.join(', ')}},
      {hint: {key: 'survey.ingest.unknownColumn.hint', params: {columns: csv.header.join(', ')}}},
    )
  if (!columns.some((c) => c.question)) {
    throw new ValidationError(
      {key: 'survey.ingest.noColumns', params: {file: display, id: ref.id}},
      {code: 'survey.ingest.noColumns', location: {file: display, line: csv.headerLine}, hint: {key: 'survey.ingest.noColumns.hint', params: {ids}}},
    )
  }

  const preview = ingestRows(ref.doc, csv, columns, {survey: ref.id, file: source, now: request.now, known: knownRows(snapshot, ref.id)})
  const strictFailed = Boolean(request.strict) && preview.rejected.length > 0
  const result = {ref, encoding, csv, columns, preview, added: preview.responses, duplicates: preview.duplicates, strictFailed}
  if (strictFailed) return {...result, added: []}
  if (request.dryRun || preview.responses.length === 0) return result
  // Under the lock only the rows stored meanwhile are dropped, so two ingests of one file at once add each row once.
  return store.update((db) => {
    const known = knownRows(db, ref.id)
    const fresh = preview.responses.filter((r) => !known.has(r.rowHash))
    db.responses.push(...fresh)
    return {...result, added: fresh, duplicates: preview.duplicates + preview.responses.length - fresh.length}
  })
}
