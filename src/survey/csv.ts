/** Response files: decoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GBK/GB18030) and CSV records with their line numbers. */
import type {Options as CsvOptions} from 'csv-parse'
import type {parse as Parse} from 'csv-parse/sync'
import type Iconv from 'iconv-lite'
import {lazyRequire} from '../util/lazy.js'

const csvParse = lazyRequire<{parse: typeof Parse}>('csv-parse/sync')
const csvParser = lazyRequire<{Parser: new (options: CsvOptions) => object}>('csv-parse')
const iconvLite = lazyRequire<typeof Iconv>('iconv-lite')
import {type Msg, ValidationError} from '../errors.js'
import {CsvLines, type CsvContext} from '../util/csv-lines.js'

export interface Decoded {
  text: string
  /** What was used: utf8, utf8-bom, utf16le, utf16be, gb18030 or the encoding given. */
  encoding: string
  /** The file's bytes when they are exactly the text's UTF-8 (valid UTF-8, no BOM): csv-parse reads them as they are. */
  utf8?: Buffer
}

/** Decodes a response file: a BOM decides; else strict UTF-8; else GB18030 (a superset of GBK), as Excel and 问卷星 write it. */
export function decodeCsv(data: Uint8Array, encoding?: string): Decoded {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  if (encoding) {
    const name = encoding.toLowerCase().replace(/^utf-?8$/, 'utf8')
    if (!iconvLite().encodingExists(name)) throw new RangeError(encoding)
    return {text: iconvLite().decode(buf, name, {stripBOM: true}), encoding: name}
  }
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return {text: buf.subarray(3).toString('utf8'), encoding: 'utf8-bom'}
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return {text: iconvLite().decode(buf.subarray(2), 'utf16le'), encoding: 'utf16le'}
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return {text: iconvLite().decode(buf.subarray(2), 'utf16be'), encoding: 'utf16be'}
  try {
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(buf), encoding: 'utf8', utf8: buf}
  } catch {
    return {text: iconvLite().decode(buf, 'gb18030'), encoding: 'gb18030'}
  }
}

/** True when the name is an encoding iconv-lite can decode. */
export const isEncoding = (name: string): boolean => iconvLite().encodingExists(name.toLowerCase().replace(/^utf-?8$/, 'utf8'))

export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number
  cells: string[]
}

export interface CsvProblem {
  line: number
  reason: Msg
}

/** A table of responses, from a CSV file or the first sheet of an xlsx workbook; `line` is the CSV line or the sheet row. */
export interface ParsedTable {
  header: string[]
  headerLine: number
  rows: CsvRow[]
  problems: CsvProblem[]
}

export interface ParsedCsv extends ParsedTable {
  delimiter: string
}

/** The most columns a response file may have: Excel's own limit (XFD), far beyond any survey. */
export const MAX_COLUMNS = 16_384

/** How many cells the first record has (delimiters outside quotes, plus one); counts past MAX_COLUMNS stop early. */
export function headerWidth(text: string, delimiter = sniffDelimiter(text)): number {
  let count = 1
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch === delimiter && ++count > MAX_COLUMNS) return count
    else if (!quoted && (ch === '\n' || ch === '\r')) break
  }
  return count
}

/** The delimiter of the first line outside quotes: tab or semicolon when they beat commas, else comma. */
export function sniffDelimiter(text: string): string {
  const counts: Record<string, number> = {',': 0, '\t': 0, ';': 0}
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (ch === '"') quoted = !quoted
    else if (!quoted && (ch === '\n' || ch === '\r')) break
    else if (!quoted && ch in counts) counts[ch]++
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]
  return best[1] > counts[','] ? best[0] : ','
}

/**
 * Parses CSV text into a header and rows; records of the wrong length are reported with their line and skipped, never
 * dropped silently. A file with no empty line and no lone CR is parsed without csv-parse's per-record info (half the
 * time, a tenth of the garbage): each record then starts one line after the previous one plus its cells' line breaks.
 */
export function parseCsv(text: string): ParsedCsv {
  const delimiter = sniffDelimiter(text)
  if (!hasEmptyLines(text)) {
    const fast = parseRecords(text, delimiter, new CsvLines())
    if (fast.skipped.length === 0) {
      const records = fast.records
      if (records.length === 0) return {header: [], headerLine: 1, rows: [], problems: [], delimiter}
      const rows: CsvRow[] = new Array<CsvRow>(records.length - 1)
      let line = 1 + breaksIn(records[0])
      for (let i = 1; i < records.length; i++) {
        rows[i - 1] = {line: line + 1, cells: records[i]}
        line += 1 + breaksIn(records[i])
      }
      return {header: records[0].map((h) => h.trim()), headerLine: 1, rows, problems: [], delimiter}
    }
  }
  const lines = new CsvLines()
  lines.feed(text)
  const records: Array<{record: string[]; line: number}> = []
  const {skipped} = parseRecords(text, delimiter, lines, (record, at) => records.push({record, line: lines.recordLine(at)}))
  const problems = problemsOf(skipped, records[0]?.record.length)
  if (records.length === 0) return {header: [], headerLine: 1, rows: [], problems, delimiter}
  const head = records[0]
  const rows: CsvRow[] = new Array<CsvRow>(records.length - 1)
  for (let i = 1; i < records.length; i++) rows[i - 1] = {line: records[i].line, cells: records[i].record}
  return {header: head.record.map((h) => h.trim()), headerLine: head.line, rows, problems, delimiter}
}

/** What readCsv hands on as it reads: the header once (trimmed, with its line), then each record with its line. */
export interface CsvVisitor {
  header(cells: string[], line: number): void
  row(cells: string[], line: number): void
}

/**
 * Reads CSV text as parseCsv does (the same header, rows, lines and problems) without holding the rows: each record
 * goes to the visitor as csv-parse reads it. Returns the records skipped, with their lines, and the delimiter. `utf8`,
 * the text's UTF-8 bytes where the file holds them (decodeCsv's), spares csv-parse encoding the text again; it may be
 * the bytes of the first part of the text only (csvHalves' `split`). `from`: the text is a file's header followed by
 * a later part of it (as csvHalves cuts it, never with an empty line), whose first row starts on that line.
 */
export function readCsv(text: string, visit: CsvVisitor, utf8?: Buffer, from?: number): {problems: CsvProblem[]; delimiter: string; next?: number} {
  const delimiter = sniffDelimiter(text)
  if (!hasEmptyLines(text) || from !== undefined) return readCounted(text, delimiter, visit, utf8, from)
  const to = handOver(visit)
  const lines = new CsvLines()
  lines.feed(text)
  const {skipped} = parseRecords(text, delimiter, lines, (record, at) => to.take(record, lines.recordLine(at)), utf8)
  return {problems: problemsOf(skipped, to.width), delimiter}
}

/** The visitor's side of a read: the first record is the header (its width the one every row should have), the rest rows. */
function handOver(visit: CsvVisitor): {take: (record: string[], line: number) => void; width: number | undefined} {
  const state = {
    width: undefined as number | undefined,
    take(record: string[], line: number): void {
      if (state.width === undefined) {
        state.width = record.length
        visit.header(
          record.map((h) => h.trim()),
          line,
        )
      } else visit.row(record, line)
    },
  }
  return state
}

/** Where a UTF-8 CSV file may be read in two parts, each a whole number of records (see csvHalves). */
export interface CsvHalves {
  /** Bytes of the header record, line break included. */
  header: number
  /** Where the second part starts: past a line break near the middle. */
  split: number
  /** The line the second part starts on. */
  line: number
}

/**
 * A cut near the middle of a UTF-8 CSV file with no empty line: after a line break with an even count of quote bytes
 * before it (a CR LF one when the header ends with CR LF). That is a record boundary unless the file has a quote
 * inside an unquoted cell: the reader of the first part checks it (csv-parse then reports an unclosed quote, or its
 * line count misses `line`). Undefined when the file has no such cut, or records are not counted by lines.
 */
export function csvHalves(text: string, utf8: Buffer): CsvHalves | undefined {
  if (hasEmptyLines(text) || farRecordDelimiter(text) !== undefined) return undefined
  let quote = utf8.indexOf(34)
  let quotes = 0
  const lineEnd = (from: number, crlf: boolean): number => {
    for (let lf = utf8.indexOf(10, from); lf >= 0; lf = utf8.indexOf(10, lf + 1)) {
      for (; quote >= 0 && quote < lf; quote = utf8.indexOf(34, quote + 1)) quotes++
      if (quotes % 2 === 0 && (!crlf || utf8[lf - 1] === 13)) return lf + 1
    }
    return -1
  }
  const header = lineEnd(0, false)
  if (header < 0) return undefined
  // a little past the middle: the second part's reader (a worker) starts later, after loading its own code
  const split = lineEnd(Math.max(header, Math.floor(utf8.length * 0.55)), utf8[header - 2] === 13)
  if (split < 0 || split >= utf8.length) return undefined
  let line = 1
  for (let lf = utf8.indexOf(10); lf >= 0 && lf < split; lf = utf8.indexOf(10, lf + 1)) line++
  return {header, split, line}
}

/** True when csv-parse may skip an empty line (or the text has a lone CR): records then cannot be placed by counting. */
function hasEmptyLines(text: string): boolean {
  return /\n\r?\n|\r(?!\n)/.test(text) || /^\r?\n/.test(text)
}

/**
 * readCsv for a text with no empty line and no lone CR: each record starts one line after the previous one ended, so
 * its line is counted from the line breaks in the cells (or, for a record skipped whole, in its fields), without
 * csv-parse's byte offsets and the pass over the text that maps them to lines. Only a record skipped for another
 * reason (a record too long) is placed by its byte offset, as readCsv places every record.
 */
function readCounted(
  text: string,
  delimiter: string,
  visit: CsvVisitor,
  utf8?: Buffer,
  from?: number,
): {problems: CsvProblem[]; delimiter: string; next: number} {
  const to = handOver(visit)
  let line = 1
  const onRecord = (record: string[]): void => {
    to.take(record, line)
    line += 1 + breaksIn(record)
    // a later part of a file after its header (readCsv's `from`): the header was the first record, the rows go on there
    if (from !== undefined) [line, from] = [from, undefined]
  }
  let byBytes: CsvLines | undefined
  const onSkip = (err: (CsvContext & {code?: string; record?: string[]}) | undefined): number => {
    const at = line
    if (err?.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' && err.record) line += 1 + breaksIn(err.record)
    else if (err?.code !== 'CSV_QUOTE_NOT_CLOSED' && err?.bytes !== undefined) {
      if (!byBytes) (byBytes = new CsvLines()).feed(text)
      line = byBytes.lineAt(err.bytes)
    }
    return at
  }
  const {skipped} = parseRecords(text, delimiter, onSkip, onRecord, utf8)
  return {problems: problemsOf(skipped, to.width), delimiter, next: line}
}

interface Skipped {
  line: number
  code?: string
  got?: number
  message: string
}

/** Characters in one CSV record (a response): hundreds of answers of long text, not a 50 MB line that is no CSV. */
export const MAX_CSV_RECORD = 4_000_000

/**
 * The problem of a record over MAX_CSV_RECORD. csv-parse reads no record after such a one (the rest of the file is
 * silently not read), so it is no row to skip: the whole file is refused (survey/service.ts, members/io-records.ts).
 */
export const RECORD_TOO_LONG = 'survey.ingest.recordTooLong'

/** The error that refuses a file with a record over MAX_CSV_RECORD, at the line the record starts on. */
export function recordTooLong(problem: CsvProblem, file: string): ValidationError {
  return new ValidationError(
    {key: RECORD_TOO_LONG, params: {...problem.reason.params, file}},
    {code: RECORD_TOO_LONG, location: {file, line: problem.line}, hint: {key: `${RECORD_TOO_LONG}.hint`}},
  )
}

/**
 * The record delimiter csv-parse would discover, when the first line break is far from the start: its discovery
 * re-reads the text up to that point for every cell, 10 s for a 5 MB line (none at all in a 50 MB file: minutes).
 */
function farRecordDelimiter(text: string): string | undefined {
  const i = text.search(/[\r\n]/)
  if (i >= 0 && i < 65_536) return undefined
  return i < 0 ? '\n' : text[i] === '\n' ? '\n' : text[i + 1] === '\n' ? '\r\n' : '\r'
}

/** The records skipped, as problems to report; `expected` is the header's width. */
function problemsOf(skipped: Skipped[], expected: number | undefined): CsvProblem[] {
  return skipped.map((s) =>
    s.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? {line: s.line, reason: {key: 'survey.ingest.ragged', params: {got: s.got ?? '?', expected: expected ?? '?'}}}
      : s.code === 'CSV_QUOTE_NOT_CLOSED'
        ? {line: s.line, reason: {key: 'survey.ingest.quoteNotClosed', params: {}}}
        : s.code === 'CSV_MAX_RECORD_SIZE'
          ? {line: s.line, reason: {key: RECORD_TOO_LONG, params: {limit: MAX_CSV_RECORD.toLocaleString('en')}}}
          : {line: s.line, reason: {key: 'survey.ingest.csvError', params: {detail: s.message}}},
  )
}

/** The line a record csv-parse skipped starts on, from its `on_skip` error, in the order it reports them. */
type PlaceSkipped = (err: CsvContext & {code?: string; record?: string[]}) => number

/** Takes each record csv-parse reads, with where it is (bytes read, empty lines skipped) as it hands the record over. */
type EachRecord = (record: string[], at: CsvContext) => void

/**
 * csv-parse over the text (or its UTF-8 bytes, `utf8`, where they are at hand), with the options every reader here
 * shares. `lines` places the records skipped (a CsvLines fed the text first, where their lines are wanted). Without
 * `each`, the records are returned; with it, each goes to `each` as it is read and none is held.
 */
function parseRecords(
  text: string,
  delimiter: string,
  lines: CsvLines | PlaceSkipped,
  each?: EachRecord,
  utf8?: Buffer,
): {records: string[][]; skipped: Skipped[]} {
  const skipped: Skipped[] = []
  const recordDelimiter = farRecordDelimiter(text)
  const options: CsvOptions = {
    ...(recordDelimiter ? {record_delimiter: recordDelimiter} : {}),
    max_record_size: MAX_CSV_RECORD,
    delimiter,
    relax_column_count: false,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: (Error & CsvContext & {code?: string; record?: string[]}) | undefined) => {
      const line = typeof lines === 'function' ? lines(err ?? {}) : lines.skipped(err ?? {})
      skipped.push({line, code: err?.code, got: err?.record?.length, message: err?.message ?? 'CSV'})
    },
  }
  if (!each) return {records: csvParse().parse(utf8 ?? text, options), skipped}
  eachRecord(utf8 ?? Buffer.from(text), options, each)
  return {records: [], skipped}
}

/** The record loop csv-parse's Parser runs (`api`, not in its typings): `parse(data, end, push, close)` and its live `info`. */
interface CsvApi {
  info: CsvContext
  parse(data: Buffer, end: boolean, push: (record: string[]) => void, close: () => void): Error | undefined
}

/**
 * Hands each record to `each` as csv-parse reads it. csv-parse/sync's `on_record` would do it, but csv-parse builds a
 * fresh context object of some twenty fields for every record it calls it with (a tenth of a 100k-row ingest's time,
 * and its garbage); the Parser's own loop pushes the bare record, and its live `info` holds the same bytes and
 * empty-line counts. Should a csv-parse release drop that loop, `on_record` does the same, slower.
 */
function eachRecord(data: Buffer, options: CsvOptions, each: EachRecord): void {
  const api = (new (csvParser().Parser)(options) as {api?: CsvApi}).api
  if (typeof api?.parse !== 'function') {
    const onRecord = (record: string[], at: CsvContext): null => (each(record, at), null)
    csvParse().parse(data, {...options, on_record: onRecord})
    return
  }
  const error = api.parse(
    data,
    true,
    (record) => each(record, api.info),
    () => {},
  )
  if (error !== undefined) throw error
}

/** Line breaks inside a record's cells. */
function breaksIn(cells: string[]): number {
  let breaks = 0
  for (const cell of cells) {
    if (!cell.includes('\n')) continue
    for (let i = cell.indexOf('\n'); i >= 0; i = cell.indexOf('\n', i + 1)) breaks++
  }
  return breaks
}
