import {damagedStoreFile} from './fs.js'
import {sha256Hex} from './hash.js'

/** A short stable hash of any JSON value (keys sorted), for ids and input hashes. */
export function stableHash(value: unknown, length = 12): string {
  return sha256Hex(canonicalJson(value)).slice(0, length)
}

/** JSON with object keys sorted, so equal values give equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  )
}

/**
 * The values of a data file of the store in NDJSON, one JSON object per non-empty line, appended to `out`. `file`
 * names it in the error for a line that is not one (the file is damaged).
 */
export function parseNdjson<T>(text: string, file: string, out: T[] = []): T[] {
  let start = 0
  try {
    for (let end = text.indexOf('\n'); start < text.length; end = text.indexOf('\n', start)) {
      if (end < 0) end = text.length
      if (end > start) out.push(jsonObject(JSON.parse(text.slice(start, end))) as T)
      start = end + 1
    }
  } catch (error) {
    throw damagedStoreFile(file, lineAt(text, start), error)
  }
  return out
}

/** A parsed line that must be a JSON object (or array): the value, else an error saying what it is. */
export function jsonObject(value: unknown): object {
  if (value === null || typeof value !== 'object') throw new Error(`not a JSON object: ${JSON.stringify(value).slice(0, 40)}`)
  return value
}

/**
 * One line of a data file of the store, parsed: a JSON object, else the store error naming the file and the line
 * (`line` finds its number, only when it is needed).
 */
export function storeLine<T>(text: string, file: string, line: () => number | undefined): T {
  try {
    return jsonObject(JSON.parse(text)) as T
  } catch (error) {
    throw damagedStoreFile(file, line(), error)
  }
}

/** The 1-based line number of offset `at` of a text. */
export const lineAt = (text: string, at: number): number => {
  let n = 1
  for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) n++
  return n
}
