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

/** The values of an NDJSON text, one per non-empty line, appended to `out`. */
export function parseNdjson<T>(text: string, out: T[] = []): T[] {
  let start = 0
  for (let end = text.indexOf('\n'); start < text.length; end = text.indexOf('\n', start)) {
    if (end < 0) end = text.length
    if (end > start) out.push(JSON.parse(text.slice(start, end)) as T)
    start = end + 1
  }
  return out
}
