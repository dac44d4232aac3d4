/** Readable differences between what exists and what a step wants, for plans and dry runs. */

/** Line changes between two texts, as `+ line` / `- line`, at most `limit` lines (LCS on lines). */
export function lineDiff(before: string, after: string, limit = 12): string[] {
  const a = before.split('\n')
  const b = after.split('\n')
  if (a.length * b.length > 4_000_000) return [`~ ${a.length} → ${b.length} lines`]
  const m = a.length
  const n = b.length
  const lcs: Uint32Array[] = Array.from({length: m + 1}, () => new Uint32Array(n + 1))
  for (let i = m - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1])
  const out: string[] = []
  let i = 0
  let j = 0
  let added = 0
  let removed = 0
  while (i < m || j < n) {
    if (i < m && j < n && a[i] === b[j]) {
      i++
      j++
    } else if (j < n && (i >= m || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added++
      if (out.length < limit) out.push(`+ ${b[j]}`)
      j++
    } else {
      removed++
      if (out.length < limit) out.push(`- ${a[i]}`)
      i++
    }
  }
  if (added + removed > out.length) out.push(`… (+${added} −${removed} lines in all)`)
  return out
}

/** Short summary of a JSON value for a diff line. */
export function summarize(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} item(s)`
  if (value && typeof value === 'object') {
    const arrays = Object.entries(value as Record<string, unknown>).filter(([, v]) => Array.isArray(v))
    if (arrays.length) return arrays.map(([k, v]) => `${k}: ${(v as unknown[]).length}`).join(', ')
    return `${Object.keys(value).length} field(s)`
  }
  return String(value)
}
