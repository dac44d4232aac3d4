/** Response workbooks (.xlsx, as 问卷星 and 腾讯问卷 download them): the first sheet as a table of text cells. */
import type {Msg} from '../errors.js'
import type {CsvProblem, CsvRow, ParsedTable} from './csv.js'
import {MAX_COLUMNS} from './csv.js'

type Cell = string | number | boolean | Date | null

/** How many leading rows may be titles or notes above the header (a merged "问卷标题" row, a blank line). */
const TITLE_ROWS = 10

const pad = (n: number) => String(n).padStart(2, '0')

/** A cell as the text a CSV export would hold: dates as "2026-11-01 10:00:00" (the sheet's own clock), numbers as written. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return ''
    // A sheet keeps times as fractions of a day: 09:30 may come back as 09:29:59.9996.
    cell = new Date(Math.round(cell.getTime() / 1000) * 1000)
    const day = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`
    const time = `${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}`
    return time === '00:00:00' ? day : `${day} ${time}`
  }
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE'
  return String(cell)
}

const filled = (row: string[]) => row.reduce((n, c) => (c.trim() === '' ? n : n + 1), 0)

/** The header row: the first of the leading rows with two or more filled cells, so a title row or blank rows above it are skipped. */
export function findHeader(rows: string[][]): number {
  let best = -1
  let bestFilled = 0
  for (let i = 0; i < Math.min(rows.length, TITLE_ROWS + 1); i++) {
    const n = filled(rows[i])
    if (n > bestFilled && (best < 0 || n > 1)) {
      best = i
      bestFilled = n
      if (n > 1) break
    }
  }
  return Math.max(best, 0)
}

export type XlsxResult = {ok: true; table: ParsedTable} | {ok: false; reason: Msg}

/** Reads the first sheet of an .xlsx workbook; rows are numbered as the sheet numbers them. */
export async function parseXlsx(data: Uint8Array): Promise<XlsxResult> {
  const {readSheet} = await import('read-excel-file/node')
  let sheet: Cell[][]
  try {
    sheet = (await readSheet(Buffer.from(data.buffer, data.byteOffset, data.byteLength), {parseNumber: (s: string) => s})) as unknown as Cell[][]
  } catch (error) {
    const code = (error as {code?: string}).code
    return {ok: false, reason: {key: 'survey.xlsx.unreadable', params: {detail: code ?? (error as Error).message}}}
  }
  const width = sheet.reduce((w, row) => Math.max(w, row.length), 0)
  if (width > MAX_COLUMNS) return {ok: false, reason: {key: 'survey.ingest.tooWide', params: {columns: width, max: MAX_COLUMNS}}}
  const text = sheet.map((row) => row.map(cellText))
  if (text.every((row) => filled(row) === 0)) return {ok: true, table: {header: [], headerLine: 1, rows: [], problems: []}}
  const at = findHeader(text)
  let header = text[at].map((h) => h.trim())
  while (header.length > 0 && header[header.length - 1] === '') header.pop()
  const rows: CsvRow[] = []
  const problems: CsvProblem[] = []
  for (let i = at + 1; i < text.length; i++) {
    const cells = text[i]
    if (filled(cells) === 0) continue
    const extra = cells.slice(header.length).filter((c) => c.trim() !== '').length
    if (extra > 0) {
      problems.push({line: i + 1, reason: {key: 'survey.ingest.ragged', params: {got: header.length + extra, expected: header.length}}})
      continue
    }
    const row = cells.slice(0, header.length)
    while (row.length < header.length) row.push('')
    rows.push({line: i + 1, cells: row})
  }
  header = header.map((h) => h.replace(/\s*\r?\n\s*/g, ' '))
  return {ok: true, table: {header, headerLine: at + 1, rows, problems}}
}
