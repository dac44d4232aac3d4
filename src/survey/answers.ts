/** Reading one answer cell of a response export: numbers, labels in either language, stars, "other" texts. */
import type {Msg} from '../errors.js'
import {bothTexts, optionsOf, rangeOf} from './text.js'
import type {Answer, Question} from './types.js'

export type ParsedAnswer = {ok: true; value?: Answer; other?: string} | {ok: false; reason: Msg}

/** Cells that mean "no answer" in form-tool exports (问卷星 writes (跳过) for questions hidden by logic). */
const BLANKS = new Set(['', '(跳过)', '（跳过）', '(空)', '（空）', '跳过', '(skipped)'])

/** Text for comparing labels: full-width folded, lower case, spaces collapsed, outer punctuation dropped. */
export function normalizeLabel(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'“”‘’「」『』.,;:!?。，；：！？、]+|[\s"'“”‘’「」『』.,;:!?。，；：！？、]+$/g, '')
}

/** Dashes, tildes and 至 between two values ("1-6个月", "1–6 个月", "1～6个月", "1至6个月") read as one. */
const DASHES = /[-‐‑‒–—―−﹘﹣－~〜～至]/gu

/** Text for comparing an answer with an option or a scale label: normalizeLabel, every dash as "-", no spaces at all. */
export function optionKey(text: string): string {
  return normalizeLabel(text).replace(DASHES, '-').replace(/\s+/g, '')
}

/** Answer texts to read as others (`--map-value "旧文本=新文本"`), keyed by optionKey of the old text. */
export type ValueMap = Map<string, string>

/** Parses `--map-value "旧文本=新文本"` values (the last = splits); returns the first malformed one as `bad`. */
export function parseValueMaps(values: string[]): {map: ValueMap; bad?: string} {
  const map: ValueMap = new Map()
  for (const v of values) {
    const at = v.lastIndexOf('=')
    if (at <= 0 || at === v.length - 1 || optionKey(v.slice(0, at)) === '') return {map, bad: v}
    map.set(optionKey(v.slice(0, at)), v.slice(at + 1).trim())
  }
  return {map}
}

const mapped = (text: string, values: ValueMap | undefined): string => (values?.size ? (values.get(optionKey(text)) ?? text) : text)

/** A cell as a number: "4", "4.0", "4分", "4 - Satisfied", "★★★★☆"; undefined when it is not one. */
function leadingNumber(cell: string): number | undefined {
  const text = cell.normalize('NFKC').trim()
  const stars = /^([★⭐]+)[☆\s]*$/u.exec(text)
  if (stars) return [...stars[1]].length
  const m = /^([+-]?\d+(?:\.\d+)?)\s*(?:分|星|points?|pts?|stars?)?\s*(?:$|[-–—:：.、|/(（\s].*$)/i.exec(text)
  return m ? Number(m[1]) : undefined
}

function fromLabels(cell: string, labels: Array<string[]>): number | undefined {
  const key = optionKey(cell)
  if (key === '') return undefined
  const at = labels.findIndex((texts) => texts.some((t) => optionKey(t) === key))
  return at >= 0 ? at : undefined
}

const OTHER_WORDS = ['other', 'others', '其他', '其它']

/** The "other" texts: the question's own label, both defaults, and "其他（请注明）"-style variants. */
function otherLabels(q: Question): string[] {
  return [...bothTexts(q.otherLabel), 'Other (please specify)', '其他（请注明）', ...OTHER_WORDS].map(optionKey)
}

/** Splits "其他〖text〗", "Other: text" or "其他(text)" into the other-text; undefined when the cell is not an other-answer. */
function otherText(cell: string, q: Question): string | undefined {
  const labels = otherLabels(q)
  const text = cell.trim()
  const wjx = /^(.*?)〖(.*)〗$/su.exec(text)
  if (wjx && labels.includes(optionKey(wjx[1]))) return wjx[2].trim()
  const colon = /^(.*?)[:：]\s*(.+)$/su.exec(text)
  if (colon && labels.includes(optionKey(colon[1]))) return colon[2].trim()
  if (labels.includes(optionKey(text))) return ''
  return undefined
}

/** Which option a piece of a choice answer is: by id, by label in either language, or by its number (问卷星 "按序号" exports). */
function matchOption(piece: string, q: Question): string | undefined {
  const key = optionKey(piece)
  const options = optionsOf(q)
  for (const o of options) {
    if (o.id === piece.trim() || optionKey(o.id) === key) return o.id
    if (bothTexts(o.label).some((l) => optionKey(l) === key)) return o.id
  }
  const index = /^\d{1,2}$/.test(key) ? Number(key) : 0
  return index >= 1 && index <= options.length ? options[index - 1].id : undefined
}

const fail = (key: string, params: Record<string, unknown>): ParsedAnswer => ({ok: false, reason: {key, params}})

function parseNumeric(q: Question, cell: string): ParsedAnswer {
  const [lo, hi] = rangeOf(q)!
  let value: number | undefined
  if (q.type === 'likert') {
    const at = fromLabels(cell, (q.labels ?? []).map(bothTexts))
    if (at !== undefined) value = at + 1
  }
  if (value === undefined && q.type === 'number') {
    const plain = cell
      .normalize('NFKC')
      .replace(/[,\s]/g, '')
      .replace(/[^\d.+-]+$/u, '')
    value = /^[+-]?\d+(\.\d+)?$/.test(plain) ? Number(plain) : undefined
  }
  value ??= leadingNumber(cell)
  if (value === undefined) {
    if (q.type === 'likert')
      return fail('survey.answer.unknownLabel', {
        value: cell,
        question: q.id,
        max: hi,
        expected: (q.labels ?? []).map((l) => bothTexts(l)[0]).join(' / '),
      })
    return fail('survey.answer.notNumber', {value: cell, question: q.id})
  }
  if (q.type !== 'number' && !Number.isInteger(value)) return fail('survey.answer.notNumber', {value: cell, question: q.id})
  if (value < lo || value > hi) return fail('survey.answer.outOfRange', {value: cell, question: q.id, min: lo, max: hi})
  return {ok: true, value}
}

function parseSingle(q: Question, cell: string): ParsedAnswer {
  const option = matchOption(cell, q)
  if (option) return {ok: true, value: option}
  if (q.other) {
    const text = otherText(cell, q)
    return {ok: true, value: 'other', other: text === undefined ? cell.trim() : text || undefined}
  }
  return fail('survey.answer.unknownOption', {
    value: cell,
    question: q.id,
    expected: optionsOf(q)
      .map((o) => bothTexts(o.label)[0])
      .join(' / '),
  })
}

const STRONG_SEPARATORS = /[┋|;；\n]/
const WEAK_SEPARATORS = /[┋|;；\n]|,\s*|，|、/

function parseMulti(q: Question, cell: string, values?: ValueMap): ParsedAnswer {
  const whole = matchOption(cell, q)
  if (whole) return {ok: true, value: [whole]}
  for (const separators of [STRONG_SEPARATORS, WEAK_SEPARATORS]) {
    const pieces = cell
      .split(separators)
      .map((p) => mapped(p.trim(), values).trim())
      .filter((p) => p !== '')
    const ids: string[] = []
    const unknown: string[] = []
    let other: string | undefined
    for (const piece of pieces) {
      const id = matchOption(piece, q)
      if (id) ids.push(id)
      else if (q.other && otherText(piece, q) !== undefined) other = otherText(piece, q)
      else unknown.push(piece)
    }
    if (unknown.length > 0 && separators === STRONG_SEPARATORS) continue
    if (unknown.length > 0 && !q.other)
      return fail('survey.answer.unknownOption', {
        value: unknown.join(', '),
        question: q.id,
        expected: optionsOf(q)
          .map((o) => bothTexts(o.label)[0])
          .join(' / '),
      })
    const withOther = unknown.length > 0 || other !== undefined
    const value = [...new Set(ids)]
    if (withOther) value.push('other')
    if (value.length === 0) return {ok: true}
    const otherValue = unknown.length > 0 ? unknown.join(', ') : other
    if (q.maxSelect !== undefined && value.length > q.maxSelect)
      return fail('survey.answer.tooMany', {question: q.id, count: value.length, max: q.maxSelect})
    return {ok: true, value, other: otherValue || undefined}
  }
  return {ok: true}
}

/** Reads one cell as an answer to a question (after `--map-value`); a blank cell is no answer. */
export function parseAnswer(q: Question, raw: string, values?: ValueMap): ParsedAnswer {
  const cell = mapped(raw.trim(), values).trim()
  if (BLANKS.has(cell)) return {ok: true}
  switch (q.type) {
    case 'likert':
    case 'nps':
    case 'rating':
    case 'number':
      return parseNumeric(q, cell)
    case 'single':
      return parseSingle(q, cell)
    case 'multi':
      return parseMulti(q, cell, values)
    case 'text':
      return {ok: true, value: cell}
  }
}

/** Reads one "option column" of a multi question exported one column per option (1, 是, ✓, or the option's own label mean chosen). */
export function optionChosen(raw: string): boolean {
  const cell = normalizeLabel(raw)
  return !(
    cell === '' ||
    cell === '0' ||
    cell === 'false' ||
    cell === 'no' ||
    cell === '否' ||
    cell === '未选' ||
    cell === '未选中' ||
    BLANKS.has(raw.trim())
  )
}
