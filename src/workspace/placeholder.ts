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

/** The JSON pointer of every string holding a placeholder, in document order; a value that contains itself (a YAML alias) is walked once. */
export function findPlaceholders(value: unknown, base = '', within: Set<object> = new Set()): string[] {
  if (typeof value === 'string') return isPlaceholder(value) ? [base] : []
  if (!value || typeof value !== 'object' || within.has(value)) return []
  within.add(value)
  const found = Array.isArray(value)
    ? value.flatMap((v, i) => findPlaceholders(v, `${base}/${i}`, within))
    : Object.entries(value).flatMap(([k, v]) => findPlaceholders(v, `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, within))
  within.delete(value)
  return found
}

/** A warning per placeholder in community.yaml, so `validate` lists what is left to fill in. */
export function checkPlaceholders(value: Record<string, unknown>): RawProblem[] {
  return findPlaceholders(value).map((path) => ({
    path,
    rule: 'community.placeholder',
    severity: 'warning',
    msg: {key: 'community.placeholder'},
    hint: {key: 'community.placeholder.hint'},
  }))
}
