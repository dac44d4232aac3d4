/** Placeholders left from the starter community.yaml: `（待填写）…` (zh-CN) and `(to fill in) …` (en), found the same way. */
import type {RawProblem} from '../schema/kind-def.js'

/** The markers of text still to be written: the starters' tags, and the usual TODO / TBD. */
const MARKER = /[（(]\s*待填写\s*[）)]|待填写|\(\s*to fill in\s*\)|\bTODO\b|\bTBD\b/i

/** Whether a text is a placeholder rather than the user's own words. */
export function isPlaceholder(text: unknown): boolean {
  return typeof text === 'string' && MARKER.test(text)
}

/** Whether a value (a text or a `{zh-CN, en}` map) holds a placeholder in either language. */
export function holdsPlaceholder(value: unknown): boolean {
  if (typeof value === 'string') return isPlaceholder(value)
  return Boolean(value) && typeof value === 'object' && !Array.isArray(value) && Object.values(value as object).some(isPlaceholder)
}

/**
 * The JSON pointer of every string holding a placeholder, in document order; a value that contains itself (a YAML alias)
 * is walked once. One walk with the path as a stack: a pointer is only written for a placeholder found (validate runs
 * this on every community.yaml, where building a pointer for each of its hundreds of strings cost more than the schema).
 */
export function findPlaceholders(value: unknown, base = '', within: Set<object> = new Set()): string[] {
  const found: string[] = []
  // the keys and indexes down to the value being walked, escaped only for a pointer reported
  const path: Array<string | number> = []
  const pointer = () => base + path.map((s) => `/${String(s).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')
  const visit = (v: unknown): void => {
    if (typeof v === 'string') {
      if (isPlaceholder(v)) found.push(pointer())
      return
    }
    if (!v || typeof v !== 'object' || within.has(v)) return
    within.add(v)
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i)
        visit(v[i])
        path.pop()
      }
    } else {
      for (const [k, child] of Object.entries(v)) {
        path.push(k)
        visit(child)
        path.pop()
      }
    }
    within.delete(v)
  }
  visit(value)
  return found
}

/** MARKER as a file's text may spell it: where a value has a space, the text may have broken the line (folding). */
export const MARKER_IN_TEXT = new RegExp(MARKER.source.replaceAll(' ', String.raw`\s+`), MARKER.flags)

/** MARKER_IN_TEXT's `(to fill in)`, tried where a `(` is; its `TODO` and `TBD`. */
const FILL_IN_AT = /\(\s*to\s+fill\s+in\s*\)/iy
const TODO_OR_TBD = /\bTODO\b|\bTBD\b/i

/**
 * Whether a YAML file's text may hold a placeholder in one of its values: each marker is written in the file as it reads
 * (line folding only puts a space where a line broke), unless an escape spells it (`"\u5F85填写"`). One pattern over
 * the text costs a fifth of walking every string of a parsed community.yaml, which validate did for every file; the
 * same answer as MARKER_IN_TEXT, asked in parts (待填写 and `(` found by indexOf, then only TODO and TBD by a pattern)
 * takes half the time of that pattern over a 20 kB file.
 */
export function mayHoldPlaceholder(text: string): boolean {
  if (text.includes('\\') || text.includes('待填写')) return true
  for (let at = text.indexOf('('); at >= 0; at = text.indexOf('(', at + 1)) {
    FILL_IN_AT.lastIndex = at
    if (FILL_IN_AT.test(text)) return true
  }
  return TODO_OR_TBD.test(text)
}

/** A warning per placeholder in community.yaml, so `validate` lists what is left to fill in. */
export function checkPlaceholders(value: Record<string, unknown>, doc?: {text: string}): RawProblem[] {
  if (doc && !mayHoldPlaceholder(doc.text)) return []
  return findPlaceholders(value).map((path) => ({
    path,
    rule: 'community.placeholder',
    severity: 'warning',
    msg: {key: 'community.placeholder'},
    hint: {key: 'community.placeholder.hint'},
  }))
}
