/** Turning a response export (Google Forms, 问卷星, 腾讯问卷 or any CSV) into responses: column mapping, answers, row hashes. */
import type {Msg} from '../errors.js'
import {normalizeLabel, optionChosen, parseAnswer, type ParsedAnswer, type ValueMap} from './answers.js'
import {sha256Hex} from '../util/hash.js'
import type {ParsedTable} from './csv.js'
import {bothTexts, conditionHolds, optionsOf} from './text.js'
import type {Answer, Question, SurveyDoc} from './types.js'

/** What one column of the file holds. */
export interface ColumnMapping {
  index: number
  header: string
  /** A question id, or for a multi question exported one column per option, its id and the option. */
  question?: string
  option?: string
  meta?: 'submittedAt' | 'member' | 'ignore'
  /** How it was matched: by id, by question text, by --map, or kept as a field for --segment. */
  how: 'id' | 'text' | 'map' | 'meta' | 'field'
}

export interface RejectedRow {
  line: number
  reason: Msg
}

/** A row kept with some answers left blank: each answer that could not be read, in its column. */
export interface RowWarning {
  line: number
  columns: string[]
  reasons: Msg[]
}

export interface IngestResult {
  columns: ColumnMapping[]
  /** The row hash of each response made, in the order their lines went to the sink. */
  rowHashes: string[]
  rejected: RejectedRow[]
  warnings: RowWarning[]
  duplicates: number
  rows: number
}

const TIMESTAMP_HEADERS = [
  'timestamp',
  'submitted at',
  'submission time',
  'submit time',
  'completed at',
  'end time',
  'date submitted',
  '时间戳记',
  '时间戳',
  '提交答卷时间',
  '提交时间',
  '结束答题时间',
  '完成时间',
  '答题结束时间',
].map(normalizeLabel)
const MEMBER_HEADERS = [
  'member',
  'member id',
  'memberid',
  'user',
  'user id',
  'userid',
  'uid',
  'username',
  '用户id',
  '用户 id',
  '用户编号',
  '成员',
  '成员id',
  '成员编号',
  '会员id',
  '会员编号',
  '社群id',
  '昵称id',
].map(normalizeLabel)

/** A column header reduced to the question it names: numbering (1、 Q3: 第3题), required marks and trailing punctuation removed. */
export function normalizeHeader(header: string): string {
  let h = header.normalize('NFKC').trim()
  h = h.replace(/^(?:q\s*\d+|第\s*\d+\s*题|\d+)\s*[.、:：)\]\-–—]*\s*/iu, '')
  h = h.replace(/[([【](?:必填|必答|必选|单选|多选|单选题|多选题|填空|填空题|量表题|required|optional|multiple choice)[)\]】]/giu, '')
  h = h.replace(/\s*\*+\s*$/u, '')
  return normalizeLabel(h)
}

/** Parses `--map "列名=question_id"` values; the special targets @member, @submittedAt and @ignore name metadata. */
export function parseMaps(maps: string[]): {pairs: Array<{column: string; target: string}>; bad?: string} {
  const pairs: Array<{column: string; target: string}> = []
  for (const m of maps) {
    const at = m.lastIndexOf('=')
    if (at <= 0 || at === m.length - 1) return {pairs, bad: m}
    pairs.push({column: m.slice(0, at).trim(), target: m.slice(at + 1).trim()})
  }
  return {pairs}
}

function questionByText(doc: SurveyDoc, header: string): Question | undefined {
  const key = normalizeHeader(header)
  if (key === '') return undefined
  const exact = doc.questions.filter(
    (q) => q.id.toLowerCase() === header.trim().toLowerCase() || bothTexts(q.text).some((t) => normalizeHeader(t) === key),
  )
  if (exact.length === 1) return exact[0]
  return undefined
}

/** "问题:选项", "问题 - 选项", "问题 [选项]", "问题(选项)": a multi question exported one column per option. */
function optionColumn(doc: SurveyDoc, header: string): {question: Question; option: string} | undefined {
  const text = header.normalize('NFKC').trim()
  const splits = [/^(.*)[[(【](.+)[\])】]\s*$/su, /^(.*?)\s*[:：—–]\s*(.+)$/su, /^(.*?)\s+-\s+(.+)$/su]
  for (const re of splits) {
    const m = re.exec(text)
    if (!m) continue
    const question = questionByText(doc, m[1])
    if (!question || question.type !== 'multi') continue
    const key = normalizeLabel(m[2])
    const option = optionsOf(question).find((o) => o.id === m[2].trim() || bothTexts(o.label).some((l) => normalizeLabel(l) === key))
    if (option) return {question, option: option.id}
    if (question.other && ['other', '其他', '其它'].some((w) => key.startsWith(w))) return {question, option: 'other'}
  }
  return undefined
}

/** Maps every column to a question, an option of a multi question, metadata, or a field kept for --segment. */
export function mapColumns(
  doc: SurveyDoc,
  header: string[],
  maps: Array<{column: string; target: string}> = [],
): {columns: ColumnMapping[]; unknownTargets: string[]; unknownColumns: string[]} {
  const ids = new Set(doc.questions.map((q) => q.id))
  const unknownTargets = maps.filter((m) => !ids.has(m.target) && !['@member', '@submittedAt', '@ignore'].includes(m.target)).map((m) => m.target)
  const unknownColumns = maps
    .filter((m) => !header.some((h) => h === m.column || normalizeLabel(h) === normalizeLabel(m.column)))
    .map((m) => m.column)
  const columns = header.map((h, index): ColumnMapping => {
    const mapped = maps.find((m) => m.column === h) ?? maps.find((m) => normalizeLabel(m.column) === normalizeLabel(h))
    if (mapped) {
      if (mapped.target === '@member') return {index, header: h, meta: 'member', how: 'map'}
      if (mapped.target === '@submittedAt') return {index, header: h, meta: 'submittedAt', how: 'map'}
      if (mapped.target === '@ignore') return {index, header: h, meta: 'ignore', how: 'map'}
      if (ids.has(mapped.target)) return {index, header: h, question: mapped.target, how: 'map'}
    }
    if (ids.has(h.trim())) return {index, header: h, question: h.trim(), how: 'id'}
    const byText = questionByText(doc, h)
    if (byText) return {index, header: h, question: byText.id, how: 'text'}
    const byOption = optionColumn(doc, h)
    if (byOption) return {index, header: h, question: byOption.question.id, option: byOption.option, how: 'text'}
    const key = normalizeLabel(h)
    if (TIMESTAMP_HEADERS.includes(key)) return {index, header: h, meta: 'submittedAt', how: 'meta'}
    if (MEMBER_HEADERS.includes(key)) return {index, header: h, meta: 'member', how: 'meta'}
    return {index, header: h, how: 'field'}
  })
  // A question mapped by two whole columns keeps the first; the other becomes a field.
  const taken = new Set<string>()
  for (const c of columns) {
    if (!c.question || c.option) continue
    if (taken.has(c.question)) {
      delete c.question
      c.how = 'field'
    } else taken.add(c.question)
  }
  return {columns, unknownTargets, unknownColumns}
}

const sha = (s: string) => sha256Hex(s).slice(0, 16)

/** How many distinct (question, cell) readings ingestRows remembers. */
const MEMO_SIZE = 100_000

/** Rows read one at a time into responses (see ingestRows); `finish` adds the records the CSV reader skipped. */
export interface ResponseRows {
  add(line: number, cells: string[]): void
  /** What the rows read so far gave, for `merge` into the rows of the part of the file before them. */
  part(): RowsPart
  /**
   * Takes in the rows of the next part of the file, read by other rows (with `firsts`, and `known` empty), and their
   * responses' lines: each written unless already stored, as `add` would have. False, taking nothing, when one of
   * them repeats a row read here (its hash counts the occurrences): that part is then to be read here.
   */
  merge(part: RowsPart, lines: Uint8Array, write: (lines: Uint8Array) => void): boolean
  finish(problems: RejectedRow[]): IngestResult
}

/** What rows read elsewhere gave (ResponseRows.part): their responses' row hashes and first-occurrence hashes, problems, counts. */
export interface RowsPart {
  rowHashes: string[]
  firsts: string[]
  rejected: RejectedRow[]
  warnings: RowWarning[]
  rows: number
  headers: number
}

export interface IngestOptions {
  survey: string
  file: string
  now: Date
  known: Set<string>
  values?: ValueMap
  /** Takes each response as it is made: the SurveyResponse as JSON (as JSON.stringify writes it), one line. */
  sink?: (json: string) => void
  /** Gets the hash of each response's row as first met in the file (its rowHash when not a repeat), for `merge`. */
  firsts?: string[]
}

/**
 * Reads every row into a response. An answer that matches nothing is left blank and the row kept with a warning;
 * a row that cannot be read at all is rejected with its line; rows already stored are counted as duplicates; a row
 * that repeats the header (answers pasted one after another) is skipped.
 */
export function ingestRows(doc: SurveyDoc, csv: ParsedTable, columns: ColumnMapping[], o: IngestOptions): IngestResult {
  const rows = responseRows(doc, csv.header, columns, o)
  for (const row of csv.rows) rows.add(row.line, row.cells)
  return rows.finish(csv.problems)
}

/** What one column holds, found once for the whole file: how `add` reads its cell. */
type ColumnPlan =
  | {kind: 'answer'; index: number; header: string; question: Question; slot: number; memo: Map<string, Reading>}
  | {kind: 'option'; index: number; slot: number; option: string}
  | {kind: 'member' | 'submittedAt' | 'skip'; index: number}
  | {kind: 'field'; index: number; header: string}

/** A cell read as an answer, with its value's JSON (shared by every row with the same cell: never changed). */
type Reading = ParsedAnswer & {json?: string}

/** A question id JSON.stringify writes before the others (an array index: "0", "12"), as its number; else -1. */
const indexKey = (id: string): number => (/^(?:0|[1-9]\d{0,9})$/.test(id) && Number(id) < 2 ** 32 - 1 ? Number(id) : -1)

/**
 * ingestRows for rows handed over one at a time, as a CSV reader reads them: no table of rows is held. Each column's
 * question, memo and answer slot are found once; a row's answers go to slots reused from row to row, and its line is
 * written as JSON.stringify of the SurveyResponse would write it (keys in the same order), without building the object.
 */
export function responseRows(doc: SurveyDoc, header: string[], columns: ColumnMapping[], o: IngestOptions): ResponseRows {
  const byId = new Map(doc.questions.map((q) => [q.id, q]))
  const rejected: RejectedRow[] = []
  const warnings: RowWarning[] = []
  const rowHashes: string[] = []
  // Rows seen in this file, by the hash of their first occurrence: a repeated row is hashed again with its count.
  const seenInFile = new Map<string, number>()
  const isHeader = (cells: string[]) => cells.length === header.length && cells.every((c, i) => c.trim() === header[i])
  // One slot per question some column answers, in the order first met; its id's JSON key is written once.
  const slotOf = new Map<string, number>()
  const ids: string[] = []
  const slot = (id: string): number => {
    let at = slotOf.get(id)
    if (at === undefined) slotOf.set(id, (at = ids.push(id) - 1))
    return at
  }
  // Exports repeat the same few answers (options, scale points) on every row: each distinct cell of a column is read
  // (its labels normalised and matched) once, then looked up.
  const plans = columns.map((c): ColumnPlan => {
    const q = c.question && !c.option ? byId.get(c.question) : undefined
    if (q) return {kind: 'answer', index: c.index, header: c.header, question: q, slot: slot(q.id), memo: new Map()}
    if (c.meta === 'ignore') return {kind: 'skip', index: c.index}
    if (c.meta === 'member' || c.meta === 'submittedAt') return {kind: c.meta, index: c.index}
    if (c.question && c.option) return {kind: 'option', index: c.index, slot: slot(c.question), option: c.option}
    return c.header !== '' ? {kind: 'field', index: c.index, header: c.header} : {kind: 'skip', index: c.index}
  })
  const keys = ids.map((id) => `${JSON.stringify(id)}:`)
  const indexKeys = ids.map(indexKey)
  const byIndex = indexKeys.some((k) => k >= 0)
  // JSON.stringify writes array-index keys first, ascending, then the others in the order they were added.
  const jsonOrder = (a: number, b: number) => (indexKeys[a] < 0 ? (indexKeys[b] < 0 ? 0 : 1) : indexKeys[b] < 0 ? -1 : indexKeys[a] - indexKeys[b])
  const conditional = doc.questions
    .filter((q) => q.showIf && slotOf.has(q.id))
    .map((q) => ({slot: slotOf.get(q.id)!, showIf: q.showIf!, on: slotOf.get(q.showIf!.question) ?? -1}))
  // The row being read: per slot its answer (and that answer's JSON while it is a memo's, unchanged) and other text.
  const values: Array<Answer | undefined> = ids.map(() => undefined)
  const valueJson: Array<string | undefined> = ids.map(() => undefined)
  const others: Array<string | undefined> = ids.map(() => undefined)
  const answeredOrder: number[] = []
  const otherOrder: number[] = []
  const read = (plan: Extract<ColumnPlan, {kind: 'answer'}>, cell: string): Reading => {
    let parsed = plan.memo.get(cell)
    if (parsed === undefined) {
      const answer = parseAnswer(plan.question, cell, o.values)
      parsed = answer.ok && answer.value !== undefined ? {...answer, json: JSON.stringify(answer.value)} : answer
      if (plan.memo.size < MEMO_SIZE) plan.memo.set(cell, parsed)
    }
    return parsed
  }
  const jsonOf = (order: number[], texts: Array<Answer | undefined>, json?: Array<string | undefined>): string => {
    let out = ''
    for (const at of byIndex ? order.slice().sort(jsonOrder) : order) {
      const value = texts[at]
      if (value === undefined) continue
      out += `${out === '' ? '' : ','}${keys[at]}${json?.[at] ?? JSON.stringify(value)}`
    }
    return `{${out}}`
  }
  const surveyJson = JSON.stringify(o.survey)
  const head = `{"survey":${surveyJson},"rowHash":"`
  const fileJson = `","source":{"file":${JSON.stringify(o.file)},"line":`
  const tail = `,"ingestedAt":${JSON.stringify(o.now.toISOString())}}`
  let duplicates = 0
  let headers = 0
  let rows = 0
  const add = (line: number, cells: string[]): void => {
    rows++
    if (cells[0]?.trim() === header[0] && isHeader(cells)) {
      headers++
      return
    }
    // The hash of JSON.stringify([survey, cells, occurrence]), built from the row's JSON.
    const key = JSON.stringify(cells)
    const first = sha(`[${surveyJson},${key},1]`)
    const occurrence = (seenInFile.get(first) ?? 0) + 1
    seenInFile.set(first, occurrence)
    const rowHash = occurrence === 1 ? first : sha(`[${surveyJson},${key},${occurrence}]`)
    for (const at of answeredOrder) values[at] = valueJson[at] = undefined
    for (const at of otherOrder) others[at] = undefined
    answeredOrder.length = otherOrder.length = 0
    let fields: Record<string, string> | undefined
    let member: string | undefined
    let submittedAt: string | undefined
    let blanked: RowWarning | undefined
    for (const plan of plans) {
      const cell = cells[plan.index] ?? ''
      switch (plan.kind) {
        case 'answer': {
          const parsed = read(plan, cell)
          if (!parsed.ok) {
            blanked ??= {line, columns: [], reasons: []}
            blanked.columns.push(plan.header)
            blanked.reasons.push({...parsed.reason, params: {...parsed.reason.params, column: plan.header}})
            continue
          }
          const at = plan.slot
          if (parsed.value !== undefined) {
            if (values[at] === undefined) answeredOrder.push(at)
            values[at] = parsed.value
            valueJson[at] = parsed.json
          }
          if (parsed.other) {
            if (others[at] === undefined) otherOrder.push(at)
            others[at] = parsed.other
          }
          continue
        }
        case 'option': {
          if (!optionChosen(cell)) continue
          const at = plan.slot
          let list = values[at] as string[] | undefined
          if (list === undefined) answeredOrder.push(at)
          if (list === undefined || valueJson[at] !== undefined) values[at] = list = list ? list.slice() : []
          valueJson[at] = undefined
          if (!list.includes(plan.option)) list.push(plan.option)
          if (plan.option === 'other' && !/^(1|true|yes|是|✓|√|x)$/iu.test(cell.trim())) {
            if (others[at] === undefined) otherOrder.push(at)
            others[at] = cell.trim()
          }
          continue
        }
        case 'member':
          member = cell.trim() || member
          continue
        case 'submittedAt':
          submittedAt ??= cell.trim() || undefined
          continue
        case 'field': {
          const value = cell.trim()
          if (value !== '') (fields ??= {})[plan.header] = value
          continue
        }
      }
    }
    let answered = answeredOrder.length
    // An answer to a question its showIf hides is kept out of the scores, as the form would have hidden it.
    for (const c of conditional) {
      if (values[c.slot] !== undefined && !conditionHolds(c.showIf, c.on < 0 ? undefined : values[c.on])) {
        values[c.slot] = others[c.slot] = undefined
        answered--
      }
    }
    if (answered === 0) {
      rejected.push({line, reason: blanked?.reasons[0] ?? {key: 'survey.ingest.noAnswers'}})
      return
    }
    if (blanked) warnings.push(blanked)
    if (o.known.has(rowHash)) {
      duplicates++
      return
    }
    o.known.add(rowHash)
    rowHashes.push(rowHash)
    o.firsts?.push(first)
    if (!o.sink) return
    let json = `${head}${rowHash}${fileJson}${line}}`
    if (submittedAt) json += `,"submittedAt":${JSON.stringify(submittedAt)}`
    if (member) json += `,"member":${JSON.stringify(member)}`
    json += `,"answers":${jsonOf(answeredOrder, values, valueJson)}`
    if (otherOrder.some((at) => others[at] !== undefined)) json += `,"others":${jsonOf(otherOrder, others)}`
    o.sink(`${json},"fields":${fields ? JSON.stringify(fields) : '{}'}${tail}`)
  }
  const part = (): RowsPart => ({rowHashes, firsts: o.firsts ?? [], rejected, warnings, rows, headers})
  const merge = (next: RowsPart, lines: Uint8Array, write: (lines: Uint8Array) => void): boolean => {
    if (next.firsts.some((first) => seenInFile.has(first))) return false
    rows += next.rows
    headers += next.headers
    for (const r of next.rejected) rejected.push(r)
    for (const w of next.warnings) warnings.push(w)
    // the lines, one per row hash: runs of them not stored yet are written as they are
    let from = 0
    let at = 0
    for (const rowHash of next.rowHashes) {
      const end = lines.indexOf(10, at) + 1
      if (o.known.has(rowHash)) {
        duplicates++
        if (at > from) write(lines.subarray(from, at))
        from = end
      } else {
        o.known.add(rowHash)
        rowHashes.push(rowHash)
      }
      at = end
    }
    if (at > from) write(lines.subarray(from, at))
    return true
  }
  const finish = (problems: RejectedRow[]): IngestResult => {
    const all = [...problems, ...rejected].sort((a, b) => a.line - b.line)
    return {columns, rowHashes, rejected: all, warnings, duplicates, rows: rows + problems.length - headers}
  }
  return {add, part, merge, finish}
}
