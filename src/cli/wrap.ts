/**
 * Text wrapped to a width in display columns (string-width: 中文 counts 2), breaking where a reader expects: at spaces,
 * and between two characters of CJK text, which has no spaces, but never before a closing mark (，。、）」…) nor
 * after an opening one (（「…). A piece wider than a whole line is cut between graphemes.
 */
import {displayWidth} from './width.js'

let segmenter: Intl.Segmenter | undefined
/** The graphemes of a text; the segmenter is created when first needed (it costs more than drawing a whole table). */
const graphemes = (text: string) => (segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'})).segment(text)

/** Han, kana, Hangul and the full-width forms and CJK punctuation around them. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u
/** Marks a line does not start with (not `.`, which starts `.xlsx`). */
const NO_START = new Set([...'、。，．：；？！）」』】》〉〕］｝〗〙…‥・ー々,:;?!)]}”’'])
/** Marks a line does not end with. */
const NO_END = new Set([...'（「『【《〈〔［｛〖〘([{“‘'])

const isSpace = (s: string) => s.trim() === ''

/** Whether the text holds CJK characters (the only text whose breaks differ from breaking at spaces). */
export function hasCjk(text: string): boolean {
  return CJK.test(text)
}

/** The pieces of a line between the places it may break; a piece keeps the spaces that follow it. */
function pieces(line: string): string[] {
  const out: string[] = []
  let piece = ''
  let previous = ''
  for (const {segment} of graphemes(line)) {
    const canBreak =
      piece !== '' &&
      !isSpace(segment) &&
      !NO_START.has(segment) &&
      (isSpace(previous) || ((CJK.test(previous) || CJK.test(segment)) && !NO_END.has(previous)))
    if (canBreak) {
      out.push(piece)
      piece = ''
    }
    piece += segment
    previous = segment
  }
  if (piece) out.push(piece)
  return out
}

/** Text wrapped to `width` display columns, each line of it on its own; lines keep their leading spaces. */
export function wrapText(text: string, width: number): string {
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    const push = () => {
      out.push(line.trimEnd())
      line = ''
    }
    for (const piece of pieces(paragraph)) {
      if (displayWidth(line + piece.trimEnd()) <= width) {
        line += piece
        continue
      }
      // a piece that fits a line of its own starts one; a longer one fills this line first
      if (line.trim() && displayWidth(piece.trimEnd()) <= width) push()
      for (const {segment} of graphemes(line ? piece : piece.trimStart())) {
        if (displayWidth(line + segment) > width && line.trim()) push()
        if (line || segment.trim()) line += segment
      }
    }
    push()
  }
  return out.join('\n')
}

/**
 * For text on a terminal `width` columns wide: a text after its prefix (`    Hint: `), wrapped, its later lines indented
 * under its first character. Without a width (a pipe), the text stays on one line.
 */
export function hangingWrap(width: number | undefined): ((prefix: string, text: string) => string) | undefined {
  if (width === undefined) return undefined
  return (prefix, text) => {
    const indent = displayWidth(prefix)
    return prefix + wrapText(text, Math.max(20, width - indent)).replace(/\n/g, '\n' + ' '.repeat(indent))
  }
}
