/**
 * The second half of a big UTF-8 response file, read on the machine's other core: a worker thread reads the header and
 * the records past csvHalves' cut into responses, as responseRows would, and hands back their lines' bytes; the main
 * thread, having read the first half meanwhile, merges them (ResponseRows.merge). Anything the worker could read
 * otherwise than one pass over the whole file (a cut that is no record boundary, a row repeating one of the first
 * half, a record csv-parse places by bytes) makes the main thread read that part itself.
 */
import type {ValueMap} from './answers.js'
import {readCsv, type CsvHalves, type CsvProblem} from './csv.js'
import {mapColumns, responseRows, type RowsPart} from './ingest.js'
import type {SurveyDoc} from './types.js'

/** Files from this size up are read in two halves: below it, starting a worker costs about what it saves. */
export const TWO_PART_BYTES = 4 * 1024 * 1024

/** What the worker is given: the header's and the second half's bytes, and what responseRows needs. */
export interface PartInput {
  bytes: Uint8Array
  /** The line the second half starts on. */
  line: number
  doc: SurveyDoc
  pairs: Array<{column: string; target: string}>
  values?: ValueMap
  survey: string
  file: string
  now: Date
}

/** What it gives back: the header it read, the rows' part, the records skipped, and the responses' lines. */
export interface PartOutput {
  header: string[]
  rows: RowsPart
  problems: CsvProblem[]
  lines: Uint8Array
}

/** The header and a later part of a file (csvHalves' cut), as the bytes one pass of csv-parse reads from there. */
export function partBytes(utf8: Buffer, halves: CsvHalves): Buffer {
  return Buffer.concat([utf8.subarray(0, halves.header), utf8.subarray(halves.split)])
}

/** Reads the header and second half into responses and their lines (the worker's work). */
export function readPart(input: PartInput): PartOutput {
  const bytes = Buffer.from(input.bytes.buffer, input.bytes.byteOffset, input.bytes.byteLength)
  let out = Buffer.allocUnsafeSlow(Math.max(1024, bytes.length * 2))
  let used = 0
  const sink = (json: string) => {
    // a UTF-16 code unit is at most 3 bytes of UTF-8
    if (used + json.length * 3 + 1 > out.length) {
      const bigger = Buffer.allocUnsafeSlow(Math.max(out.length * 2, used + json.length * 3 + 1))
      out.copy(bigger, 0, 0, used)
      out = bigger
    }
    used += out.write(json, used)
    out[used++] = 10
  }
  let header: string[] = []
  let rows: ReturnType<typeof responseRows> | undefined
  const options = {survey: input.survey, file: input.file, now: input.now, known: new Set<string>(), values: input.values, sink, firsts: []}
  const {problems} = readCsv(
    bytes.toString('utf8'),
    {
      header: (cells) => {
        header = cells
        rows = responseRows(input.doc, cells, mapColumns(input.doc, cells, input.pairs).columns, options)
      },
      row: (cells, line) => rows!.add(line, cells),
    },
    bytes,
    input.line,
  )
  const empty: RowsPart = {rowHashes: [], firsts: [], rejected: [], warnings: [], rows: 0, headers: 0}
  return {header, rows: rows?.part() ?? empty, problems, lines: new Uint8Array(out.buffer, 0, used)}
}

/** Records csv-parse skipped for another reason than a wrong cell count or an unclosed quote: placed by bytes, not lines. */
export const placedByBytes = (problems: CsvProblem[]): boolean => problems.some((p) => p.reason.key === 'survey.ingest.csvError')
