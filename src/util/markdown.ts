import {plainText} from './text.js'

/**
 * Text that Markdown renderers show as text, not as HTML: `<` and `>` become entities, so a name like
 * `<script>…</script>` or `"><img onerror=…>` is printed, never run, by renderers that pass raw HTML through.
 * Markdown itself is kept (template texts may use `code` or *emphasis* on purpose).
 */
export function mdHtml(text: unknown): string {
  return plainText(text).replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Text from a person (a community name inside a rule, a survey intro, an answer) shown exactly as typed: HTML is
 * escaped and Markdown's inline punctuation backslash-escaped, so it can neither run, link, emphasise nor start a
 * heading. Line breaks are kept.
 */
export function mdText(text: unknown): string {
  return mdHtml(text).replace(/[\\`*_[\]|~#]/g, '\\$&')
}

/** As mdText, on one line (line breaks become spaces): a name or title inside a heading, bold text or a list item. */
export function mdInline(text: unknown): string {
  return mdText(text).replace(/\s*\r?\n\s*/g, ' ')
}

/** Escapes text for a Markdown table cell. */
export function mdCell(text: unknown): string {
  return mdHtml(text).replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}
