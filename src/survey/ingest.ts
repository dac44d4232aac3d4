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
  finish(problems: RejectedRow[]): IngestResult
}

export interface IngestOptions {
  survey: string
  file: string
  now: Date
  known: Set<string>
  values?: ValueMap
  /** Takes each response as it is made: the SurveyResponse as JSON (as JSON.stringify writes it), one line. */
  sink?: (json: string) => void
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

/** ingestRows for rows handed over one at a time, as a CSV reader reads them: no table of rows is held. */
export function responseRows(doc: SurveyDoc, header: string[], columns: ColumnMapping[], o: IngestOptions): ResponseRows {
  const byId = new Map(doc.questions.map((q) => [q.id, q]))
  const rejected: RejectedRow[] = []
  const warnings: RowWarning[] = []
  const rowHashes: string[] = []
  // Rows seen in this file, by the hash of their first occurrence: a repeated row is hashed again with its count.
  const seenInFile = new Map<string, number>()
  const isHeader = (cells: string[]) => cells.length === header.length && cells.every((c, i) => c.trim() === header[i])
  // Exports repeat the same few answers (options, scale points) on every row: each distinct cell of a column is read
  // (its labels normalised and matched) once, then looked up. Each column's question and memo are found once.
  const questionOf = columns.map((c) => (c.question && !c.option ? byId.get(c.question) : undefined))
  const memos = columns.map(() => new Map<string, ParsedAnswer>())
  const read = (k: number, q: Question, cell: string): ParsedAnswer => {
    const memo = memos[k]
    let parsed = memo.get(cell)
    if (parsed === undefined) {
      parsed = parseAnswer(q, cell, o.values)
      if (memo.size < MEMO_SIZE) memo.set(cell, parsed)
    }
    return parsed.ok && Array.isArray(parsed.value) ? {...parsed, value: parsed.value.slice()} : parsed
  }
  const conditional = doc.questions.filter((q) => q.showIf)
  const surveyJson = JSON.stringify(o.survey)
  // Each response's line is built as JSON.stringify of the SurveyResponse would write it, its keys in the same order.
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
    const answers: Record<string, Answer> = {}
    const others: Record<string, string> = {}
    const fields: Record<string, string> = {}
    let answered = 0
    let hasOthers = false
    let member: string | undefined
    let submittedAt: string | undefined
    let blanked: RowWarning | undefined
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k]
      const cell = cells[c.index] ?? ''
      const q = questionOf[k]
      if (q) {
        const parsed = read(k, q, cell)
        if (!parsed.ok) {
          blanked ??= {line, columns: [], reasons: []}
          blanked.columns.push(c.header)
          blanked.reasons.push({...parsed.reason, params: {...parsed.reason.params, column: c.header}})
          continue
        }
        if (parsed.value !== undefined) {
          if (answers[q.id] === undefined) answered++
          answers[q.id] = parsed.value
        }
        if (parsed.other) {
          others[q.id] = parsed.other
          hasOthers = true
        }
      } else if (c.meta === 'ignore') continue
      else if (c.meta === 'member') member = cell.trim() || member
      else if (c.meta === 'submittedAt') submittedAt ??= cell.trim() || undefined
      else if (c.question && c.option) {
        if (!optionChosen(cell)) continue
        if (answers[c.question] === undefined) answered++
        const list = (answers[c.question] ??= []) as string[]
        if (!list.includes(c.option)) list.push(c.option)
        if (c.option === 'other' && !/^(1|true|yes|是|✓|√|x)$/iu.test(cell.trim())) {
          others[c.question] = cell.trim()
          hasOthers = true
        }
      } else if (c.header !== '') {
        const value = cell.trim()
        if (value !== '') fields[c.header] = value
      }
    }
    // An answer to a question its showIf hides is kept out of the scores, as the form would have hidden it.
    for (const q of conditional) {
      if (answers[q.id] !== undefined && !conditionHolds(q.showIf!, answers[q.showIf!.question])) {
        delete answers[q.id]
        delete others[q.id]
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
    if (!o.sink) return
    let json = `${head}${rowHash}${fileJson}${line}}`
    if (submittedAt) json += `,"submittedAt":${JSON.stringify(submittedAt)}`
    if (member) json += `,"member":${JSON.stringify(member)}`
    json += `,"answers":${JSON.stringify(answers)}`
    if (hasOthers && Object.keys(others).length) json += `,"others":${JSON.stringify(others)}`
    o.sink(`${json},"fields":${JSON.stringify(fields)}${tail}`)
  }
  const finish = (problems: RejectedRow[]): IngestResult => {
    const all = [...problems, ...rejected].sort((a, b) => a.line - b.line)
    return {columns, rowHashes, rejected: all, warnings, duplicates, rows: rows + problems.length - headers}
  }
  return {add, finish}
}
