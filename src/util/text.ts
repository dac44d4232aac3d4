/** The first line of a text, cut to about `max` columns (CJK characters count double). */
export function headline(text: string, max = 60): string {
  const first = text.split('\n')[0].trim()
  let width = 0
  let out = ''
  for (const ch of first) {
    width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
    if (width > max) return out + '…'
    out += ch
  }
  return out === text.trim() ? out : out + (text.includes('\n') ? ' …' : '')
}

/** A value as text: strings as they are, numbers and booleans printed, null and undefined empty, anything else as JSON. */
export function plainText(value: unknown): string {
  if (typeof value === 'string') return value
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  return JSON.stringify(value) ?? ''
}
