/** Escapes text for a Markdown table cell. */
export function mdCell(text: unknown): string {
  return String(text ?? '').replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}
