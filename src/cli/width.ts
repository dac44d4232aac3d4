import stringWidth from 'string-width'

/** Text of printable ASCII characters only (space to tilde). */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/

/**
 * Display width of a text in terminal columns (string-width: 中文 counts 2, ANSI colours 0). Printable ASCII is one
 * column a character, counted here: string-width segments every text into graphemes with an Intl.Segmenter, which the
 * bundle creates on first use (scripts/lean-bundle.mjs) and which costs more to create than the rest of a
 * `playbook list`; a table of plain English text never needs one.
 */
export function displayWidth(text: string): number {
  return PRINTABLE_ASCII.test(text) ? text.length : stringWidth(text)
}
