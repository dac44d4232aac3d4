import {plainText} from './text.js'

/** Escapes text for a Markdown table cell. */
export function mdCell(text: unknown): string {
  return plainText(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}
