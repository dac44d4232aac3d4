/**
 * Borderless tables that fit the terminal. Widths are display widths (string-width: 中文 counts 2). When a table is
 * wider than the terminal, the widest columns give up width first and their text wraps inside the cell, so no line
 * is wider than the terminal and no cell is cut. cli-table3 is loaded only when a table is drawn (never for --json).
 */
import {createRequire} from 'node:module'
import {visible} from './visible.js'
import {displayWidth} from './width.js'
import {wrapText} from './wrap.js'
import type TableType from 'cli-table3'

/** Spaces between columns. */
const GAP = 2
/** A column is never made narrower than this, unless its content is narrower. */
const MIN_COLUMN = 8

const load = createRequire(import.meta.url)

/**
 * The width to fit: the terminal's columns when stdout is one, else $COLUMNS when set, else no limit. A pipe gets
 * whole rows (grep and awk see each row on one line) unless the person sets $COLUMNS.
 */
export function terminalWidth(): number | undefined {
  if (process.stdout.isTTY && process.stdout.columns > 0) return process.stdout.columns
  const columns = Number(process.env.COLUMNS)
  return Number.isInteger(columns) && columns > 0 ? columns : undefined
}

/**
 * Column widths that fit `width`: while the table is too wide, the widest column that can still give narrows by
 * one, down to its `minimum`; when every column is at its minimum the table stays wider than `width`.
 */
export function fitColumns(natural: number[], minimum: number[], width: number, gap = GAP): number[] {
  const widths = [...natural]
  let excess = widths.reduce((a, b) => a + b, 0) + gap * Math.max(0, widths.length - 1) - width
  while (excess > 0) {
    let widest = -1
    for (let i = 0; i < widths.length; i++) if (widths[i] > minimum[i] && (widest < 0 || widths[i] > widths[widest])) widest = i
    if (widest < 0) break
    widths[widest]--
    excess--
  }
  return widths
}

/** A borderless, CJK-aligned table, fitted to `width` (default: the terminal's, see terminalWidth). */
export function table(head: string[], rows: Array<Array<string | number | undefined>>, o: {width?: number} = {}): string {
  // a cell's control characters shown, not sent to the terminal (a member's name from a chat export is anyone's text)
  const cells = rows.map((row) => head.map((_, i) => (row[i] === undefined ? '' : visible(String(row[i])))))
  const width = o.width ?? terminalWidth()
  let shownHead = head
  let shownCells = cells
  if (width !== undefined) {
    const widest = (i: number) => Math.max(displayWidth(head[i]), ...cells.map((r) => Math.max(0, ...r[i].split('\n').map((l) => displayWidth(l)))))
    const natural = head.map((_, i) => widest(i))
    const minimum = natural.map((n) => Math.min(n, MIN_COLUMN))
    const widths = fitColumns(natural, minimum, width)
    const fit = (text: string, i: number) => (widths[i] < natural[i] ? wrapText(text, widths[i]) : text)
    shownHead = head.map(fit)
    shownCells = cells.map((row) => row.map(fit))
  }
  const Table = load('cli-table3') as typeof TableType
  const t = new Table({
    head: shownHead,
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: ' '.repeat(GAP),
    },
    style: {head: process.stdout.isTTY && !process.env.NO_COLOR ? ['bold'] : [], border: [], 'padding-left': 0, 'padding-right': 0},
  })
  for (const row of shownCells) t.push(row)
  return t
    .toString()
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
}
