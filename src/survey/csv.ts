/** Response files: decoding (UTF-8, UTF-8 with BOM, UTF-16 with BOM, GBK/GB18030) and CSV records with their line numbers. */
import type {parse as Parse} from 'csv-parse/sync'
import type Iconv from 'iconv-lite'
import {lazyRequire} from '../util/lazy.js'

const csvParse = lazyRequire<{parse: typeof Parse}>('csv-parse/sync')
const iconvLite = lazyRequire<typeof Iconv>('iconv-lite')
import type {Msg} from '../errors.js'

export interface Decoded {
  text: string
  /** What was used: utf8, utf8-bom, utf16le, utf16be, gb18030 or the encoding given. */
  encoding: string
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
    return {text: new TextDecoder('utf-8', {fatal: true}).decode(buf), encoding: 'utf8'}
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

export interface ParsedCsv {
  header: string[]
  headerLine: number
  rows: CsvRow[]
  problems: CsvProblem[]
  delimiter: string
}

/** The delimiter of the first line outside quotes: tab or semicolon when they beat commas, else comma. */
export function sniffDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? ''
  const counts: Record<string, number> = {',': 0, '\t': 0, ';': 0}
  let quoted = false
  for (const ch of first) {
    if (ch === '"') quoted = !quoted
    else if (!quoted && ch in counts) counts[ch]++
  }
  const best = Object.entries(counts).sort((a, b) => b[1] - a[1])[0]
  return best[1] > counts[','] ? best[0] : ','
}

const startLine = (end: number, raw: string | undefined) =>
  end -
  ((raw ?? '')
    .replace(/^[\r\n]+/, '')
    .replace(/\r?\n$/, '')
    .match(/\n/g)?.length ?? 0)

/** Parses CSV text into a header and rows; records of the wrong length are reported with their line and skipped, never dropped silently. */
export function parseCsv(text: string): ParsedCsv {
  const delimiter = sniffDelimiter(text)
  const skipped: Array<{line: number; code?: string; got?: number; message: string}> = []
  const records = csvParse().parse(text, {
    delimiter,
    info: true,
    raw: true,
    relax_column_count: false,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: (Error & {code?: string; lines?: number; record?: string[]}) | undefined, raw?: string) => {
      skipped.push({line: startLine(err?.lines ?? 0, raw), code: err?.code, got: err?.record?.length, message: err?.message ?? 'CSV'})
    },
  }) as unknown as Array<{record: string[]; info: {lines: number}; raw: string}>
  const expected = records[0]?.record.length
  const problems: CsvProblem[] = skipped.map((s) =>
    s.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH'
      ? {line: s.line, reason: {key: 'survey.ingest.ragged', params: {got: s.got ?? '?', expected: expected ?? '?'}}}
      : {line: s.line, reason: {key: 'survey.ingest.csvError', params: {detail: s.message}}},
  )
  if (records.length === 0) return {header: [], headerLine: 1, rows: [], problems, delimiter}
  const [head, ...rest] = records
  return {
    header: head.record.map((h) => h.trim()),
    headerLine: startLine(head.info.lines, head.raw),
    rows: rest.map((r) => ({line: startLine(r.info.lines, r.raw), cells: r.record})),
    problems,
    delimiter,
  }
}
