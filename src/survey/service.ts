/** The surveys' changes a user can make: create a survey, ingest responses. Used by the commands and the step. */
import {existsSync} from 'node:fs'
import {readdir, readFile, stat} from 'node:fs/promises'
import {UsageError, ValidationError} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import {nextId, type Db, type Store} from '../store/index.js'
import {applyChange} from '../util/change.js'
import type {Community} from '../workspace/community.js'
import {parseValueMaps} from './answers.js'
import {
  csvHalves,
  decodeCsv,
  headerWidth,
  isEncoding,
  MAX_COLUMNS,
  readCsv,
  RECORD_TOO_LONG,
  recordTooLong,
  type CsvProblem,
  type ParsedTable,
} from './csv.js'
import {partBytes, placedByBytes, TWO_PART_BYTES} from './ingest-part.js'
import {readPartElsewhere, type PartReading} from './io-worker.js'
import {mapColumns, parseMaps, responseRows, type ColumnMapping, type IngestResult, type ResponseRows} from './ingest.js'
import {isSlackExport, sniffInput, type ForeignKind} from './sniff.js'
import {parseXlsx} from './xlsx.js'
import {loadSurveyFile, loadSurveyTemplate} from './load.js'
import {batchesOf, requireSurvey} from './lookup.js'
import {readResponses, ResponseBatchFile, sweepResponses} from './io-responses.js'
import {computeResults, type ResultsOptions, type SurveyResults} from './results.js'
import {memberIndex, segmentFields, segmentReader} from './segment.js'
import {sha256Hex} from '../util/hash.js'
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
  /** The CSV or xlsx file: its full path, as the user wrote it, and as recorded with each response. */
  file: {full: string; display: string; source: string}
  encoding?: string
  maps?: string[]
  /** `旧文本=新文本`: answer texts read as other texts before they are matched. */
  valueMaps?: string[]
  /** Store nothing when any row cannot be read or any answer was left blank. */
  strict?: boolean
  now: Date
  dryRun?: boolean
}

export interface Ingested {
  ref: SurveyRef
  /** How the file was read: utf8, gb18030… for CSV, or xlsx. */
  encoding: string
  /** The file has no record after its header, not even one it could not read. */
  empty: boolean
  columns: ColumnMapping[]
  /** Every row read, as if none had been stored before the lock was taken. */
  preview: IngestResult
  /** The row hashes of the responses stored (or that would be), and the rows already stored. */
  added: string[]
  duplicates: number
  /** Strict and some row was rejected or some answer left blank: nothing was stored. */
  strictFailed: boolean
}

/**
 * The largest response file read: a file is read whole, and its text and the responses made from it must fit in
 * memory and in one store file (a JavaScript string holds at most 512 MiB).
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024

/** The row hashes of a survey's stored responses (of the batches `db` names). */
const knownRows = async (root: string, db: Pick<Db, 'responseBatches'>, survey: string) => {
  const known = new Set<string>()
  for (const r of await readResponses(root, db, survey)) known.add(r.rowHash)
  return known
}

/** A file `survey ingest` cannot read (a chat export, a zip, an .xls…): a usage error saying what it is and what to pass. */
function foreignInput(what: ForeignKind, display: string, survey: string, entries: string[] = []): UsageError {
  const params = {file: display, survey, entries: entries.slice(0, 5).join(', ')}
  const hint = what === 'zip' && entries.length > 0 ? 'survey.ingest.foreign.zip.entriesHint' : `survey.ingest.foreign.${what}.hint`
  return new UsageError({key: `survey.ingest.foreign.${what}`, params}, {code: `survey.ingest.foreign.${what}`, hint: {key: hint, params}})
}

/**
 * Reads a response file: the text of a CSV in any encoding (read record by record later), or the first sheet of an
 * xlsx workbook as a table; anything else is a usage error.
 */
async function readTable(
  full: string,
  display: string,
  survey: string,
  encodingFlag?: string,
): Promise<{input: ParsedTable | string; encoding: string; hash: string; utf8?: Buffer}> {
  const info = await stat(full)
  if (info.isDirectory()) {
    const names = await readdir(full)
    if (isSlackExport(names)) throw foreignInput('slack', display, survey)
    const tables = names.filter((n) => /\.(csv|xlsx)$/i.test(n)).sort()
    const folder = display.replace(/[\\/]+$/, '') || display
    throw new UsageError(
      {key: 'fs.isDir', params: {path: display}},
      {code: 'input.isDir', hint: {key: 'input.isDir.hint', params: {folder, example: tables[0] ?? 'responses.csv'}}},
    )
  }
  if (info.size > MAX_INPUT_BYTES)
    throw new ValidationError(
      {key: 'survey.ingest.tooLarge', params: {file: display, size: Math.round(info.size / 1024 / 1024), max: MAX_INPUT_BYTES / 1024 / 1024}},
      {code: 'survey.ingest.tooLarge', location: {file: display}, hint: {key: 'survey.ingest.tooLarge.hint'}},
    )
  const data = await readFile(full)
  const sniffed = sniffInput(data)
  if (sniffed.kind === 'foreign') throw foreignInput(sniffed.what, display, survey, sniffed.entries)
  const tooWide = (columns: number, line = 1) =>
    new ValidationError(
      {key: 'survey.ingest.tooWide', params: {columns, max: MAX_COLUMNS}},
      {code: 'survey.ingest.tooWide', location: {file: display, line}, hint: {key: 'survey.ingest.tooWide.hint'}},
    )
  if (sniffed.kind === 'xlsx') {
    const read = await parseXlsx(data)
    if (!read.ok && read.reason.key === 'survey.ingest.tooWide') throw tooWide(Number(read.reason.params?.columns))
    if (!read.ok)
      throw new ValidationError(
        {key: read.reason.key, params: {...read.reason.params, file: display}},
        {code: read.reason.key, location: {file: display}, hint: {key: 'survey.xlsx.unreadable.hint'}},
      )
    return {input: read.table, encoding: 'xlsx', hash: sha256Hex(data)}
  }
  const {text, encoding, utf8} = decodeCsv(data, encodingFlag)
  if (text.trim() === '')
    throw new ValidationError(
      {key: 'survey.ingest.empty', params: {file: display}},
      {code: 'survey.ingest.empty', location: {file: display, line: 1}, hint: {key: 'survey.ingest.empty.hint'}},
    )
  const width = headerWidth(text)
  if (width > MAX_COLUMNS) throw tooWide(width)
  return {input: text, encoding, hash: sha256Hex(data), utf8}
}

/** The columns of a response file's header, mapped; unknown --map targets or columns, or no question column, are errors. */
function checkedColumns(
  ref: SurveyRef,
  header: string[],
  pairs: Array<{column: string; target: string}>,
  at: {file: string; line: number},
): ColumnMapping[] {
  const {columns, unknownTargets, unknownColumns} = mapColumns(ref.doc, header, pairs)
  const ids = ref.doc.questions.map((q) => q.id).join(', ')
  if (unknownTargets.length)
    throw new UsageError(
      {key: 'survey.ingest.unknownTarget', params: {ids: unknownTargets.join(', ')}},
      {hint: {key: 'survey.ingest.unknownTarget.hint', params: {ids}}},
    )
  if (unknownColumns.length)
    throw new UsageError(
      {key: 'survey.ingest.unknownColumn', params: {columns: unknownColumns.join(', ')}},
      {hint: {key: 'survey.ingest.unknownColumn.hint', params: {columns: header.join(', ')}}},
    )
  if (!columns.some((c) => c.question)) {
    throw new ValidationError(
      {key: 'survey.ingest.noColumns', params: {file: at.file, id: ref.id}},
      {
        code: 'survey.ingest.noColumns',
        location: at,
        hint: {key: 'survey.ingest.noColumns.hint', params: {ids}},
      },
    )
  }
  return columns
}

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
  const values = parseValueMaps(request.valueMaps ?? [])
  if (values.bad !== undefined)
    throw new UsageError({key: 'survey.ingest.badMapValue', params: {value: values.bad}}, {hint: {key: 'survey.ingest.badMapValue.hint'}})

  const {input, encoding, hash, utf8} = await readTable(full, display, ref.id, request.encoding)
  let known = await knownRows(store.root, snapshot, ref.id)
  // Data first: the responses go to a temp file as the rows are read, fsync'd before the lock; under it, the file is
  // renamed and then indexed.
  let file: ResponseBatchFile | undefined
  const newFile = () => (request.dryRun ? undefined : ResponseBatchFile.create(store.root, ref.id, {defer: request.strict}))
  if (!request.dryRun) await sweepResponses(store.root)
  file = newFile()
  const sink = request.dryRun ? undefined : (json: string) => file!.add(json)
  let columns: ColumnMapping[] = []
  let header: string[] = []
  let rows: ResponseRows | undefined
  let records = 0
  const start = (cells: string[], line: number) => {
    columns = checkedColumns(ref, cells, pairs, {file: display, line})
    header = cells
    rows = responseRows(ref.doc, cells, columns, {survey: ref.id, file: source, now: request.now, known, values: values.map, sink})
  }
  const visitor = {
    header: start,
    row: (cells: string[], line: number) => {
      records++
      rows!.add(line, cells)
    },
  }
  let preview: IngestResult
  let part: PartReading | undefined
  try {
    if (typeof input === 'string') {
      // CSV: each record is read into a response as csv-parse reads it, and its line written out; no table is held.
      // A big UTF-8 file is read in two halves at once, the second by a worker (ingest-part.ts), to the same result.
      const halves = utf8 && utf8.length >= TWO_PART_BYTES ? csvHalves(input, utf8) : undefined
      let problems: CsvProblem[]
      if (halves) {
        const partInput = {line: halves.line, doc: ref.doc, pairs, values: values.map, survey: ref.id, file: source, now: request.now}
        part = readPartElsewhere({...partInput, bytes: partBytes(utf8!, halves)})
        const head = readCsv(input, visitor, utf8!.subarray(0, halves.split))
        if (head.next !== halves.line || placedByBytes(head.problems) || head.problems.some((p) => p.reason.key === 'survey.ingest.quoteNotClosed')) {
          // the cut was no record boundary: read the whole file here, from the start
          part.stop()
          await file?.discard()
          file = newFile()
          known = await knownRows(store.root, snapshot, ref.id)
          rows = undefined
          records = 0
          problems = readCsv(input, visitor, utf8).problems
        } else {
          const got = await part.output
          const merged =
            got !== undefined &&
            !placedByBytes(got.problems) &&
            got.header.length === header.length &&
            got.header.every((cell, i) => cell === header[i]) &&
            rows!.merge(got.rows, got.lines, (lines) => file?.addLines(lines))
          if (merged) records += got.rows.rows
          // else the worker failed, or its part cannot be read apart from the first: read it here
          const tail = merged ? got : readCsv(partBytes(utf8!, halves).toString('utf8'), {header: () => {}, row: visitor.row}, undefined, halves.line)
          problems = [...head.problems, ...tail.problems]
        }
      } else problems = readCsv(input, visitor, utf8).problems
      const tooLong = problems.find((p) => p.reason.key === RECORD_TOO_LONG)
      if (tooLong) throw recordTooLong(tooLong, display)
      if (!rows) start([], 1)
      records += problems.length
      preview = rows!.finish(problems)
    } else {
      start(input.header, input.headerLine)
      for (const row of input.rows) rows!.add(row.line, row.cells)
      records = input.rows.length + input.problems.length
      preview = rows!.finish(input.problems)
    }
  } catch (error) {
    await file?.discard()
    throw error
  } finally {
    part?.stop()
  }
  const strictFailed = Boolean(request.strict) && (preview.rejected.length > 0 || preview.warnings.length > 0)
  const result = {ref, encoding, empty: records === 0, columns, preview, added: preview.rowHashes, duplicates: preview.duplicates, strictFailed}
  if (!file || strictFailed || preview.rowHashes.length === 0) {
    await file?.discard()
    return strictFailed ? {...result, added: []} : result
  }
  let committed = false
  try {
    file.sync()
    return await store.update(async (db) => {
      // Another ingest stored batches meanwhile: only the rows it did not store are kept, so each row is added once.
      const seen = new Set(batchesOf(snapshot, ref.id).map((b) => b.id))
      const newer = {responseBatches: batchesOf(db, ref.id).filter((b) => !seen.has(b.id))}
      let fresh = preview.rowHashes
      if (newer.responseBatches.length > 0) {
        const stored = await knownRows(store.root, newer, ref.id)
        const keep = fresh.map((h) => !stored.has(h))
        fresh = fresh.filter((_, i) => keep[i])
        if (fresh.length < preview.rowHashes.length && fresh.length > 0) await file.keep(keep)
      }
      const stored = {...result, added: fresh, duplicates: preview.duplicates + preview.rowHashes.length - fresh.length}
      if (fresh.length === 0) return stored
      const id = nextId(db, 'RB')
      await sweepResponses(store.root, new Set(db.responseBatches.map((b) => b.id)))
      await file.commit(id)
      committed = true
      db.responseBatches.push({id, survey: ref.id, source, hash, responses: fresh.length, ingestedAt: request.now.toISOString()})
      return stored
    })
  } finally {
    if (!committed) await file.discard()
  }
}

export interface ResultsRequest {
  /** The survey: S3, or a playbook survey key. */
  survey: string
  /** Split the scores by a choice question, a response column or a member attribute. */
  segment?: string
  /** Language of the labels; default: the survey's own. */
  lang?: Locale
}

/**
 * `survey results`: scores a survey's stored responses (read from their batch files, once). An unknown --segment
 * is a usage error listing the names it accepts.
 */
export async function surveyResults(store: Store, request: ResultsRequest): Promise<{ref: SurveyRef; locale: Locale; results: SurveyResults}> {
  const db = await store.read()
  const ref = requireSurvey(db, request.survey)
  const locale = request.lang ?? ref.locale
  const responses = await readResponses(store.root, db, ref.id)
  let segment: ResultsOptions['segment']
  if (request.segment) {
    const field = request.segment
    const valueOf = segmentReader(field, ref.doc, responses, memberIndex((db as unknown as {members?: unknown}).members), locale)
    if (!valueOf)
      throw new UsageError(
        {key: 'survey.results.unknownSegment', params: {field}},
        {
          code: 'survey.results.unknownSegment',
          hint: {key: 'survey.results.unknownSegment.hint', params: {fields: segmentFields(ref.doc, responses).join(', ') || '—'}},
        },
      )
    segment = {field, valueOf}
  }
  return {ref, locale, results: computeResults(ref.doc, responses, {locale, id: ref.id, segment})}
}
