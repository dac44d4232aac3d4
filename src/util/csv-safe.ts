/**
 * CSV that is safe to open in a spreadsheet. A cell starting with `=`, `+`, `-`, `@`, TAB or CR would run as a
 * formula in Excel, LibreOffice or Google Sheets (CSV injection), so such a text cell gets a leading `'` (the OWASP
 * rule); numbers are left as they are. Every CSV commops writes goes through here.
 */
import type {Options, stringify as Stringify} from 'csv-stringify/sync'
import {lazyRequire} from './lazy.js'

const csv = lazyRequire<{stringify: typeof Stringify}>('csv-stringify/sync')

/** A cell in a CSV row. */
export type CsvCell = string | number | boolean | null | undefined

/** CSV text of `rows` (csv-stringify's options), with cells that start a formula escaped. */
export function stringifyCsvSafe(rows: CsvCell[][], options: Omit<Options, 'escape_formulas'> = {}): string {
  return csv().stringify(rows, {...options, escape_formulas: true})
}

/** One text cell escaped by the same rule, for a writer that does its own quoting. */
export function escapeCsvFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
