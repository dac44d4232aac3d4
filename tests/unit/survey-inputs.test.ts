/** What survey ingest reads besides plain CSV: folded option texts, --map-value, xlsx workbooks, and files it must refuse. */
import writeExcelFile from 'write-excel-file/node'
import {describe, expect, it} from 'vitest'
import {translator} from '../../src/i18n/index.js'
import {optionKey, parseAnswer, parseValueMaps, type ValueMap} from '../../src/survey/answers.js'
import {headerWidth, MAX_COLUMNS, parseCsv, type ParsedTable} from '../../src/survey/csv.js'
import {ingestRows, mapColumns, type ColumnMapping} from '../../src/survey/ingest.js'
import {loadSurveyTemplate} from '../../src/survey/load.js'
import {sniffInput, zipEntries} from '../../src/survey/sniff.js'
import type {SurveyDoc, SurveyResponse} from '../../src/survey/types.js'
import {cellText, parseXlsx} from '../../src/survey/xlsx.js'

const t = translator('en')
const satisfaction = (): Promise<SurveyDoc> => loadSurveyTemplate('satisfaction', 'zh-CN')

/** ingestRows, with the responses read back from the lines it made. */
function ingestTable(doc: SurveyDoc, table: ParsedTable, columns: ColumnMapping[], o: {file: string; now: Date; values?: ValueMap}) {
  const lines: string[] = []
  const r = ingestRows(doc, table, columns, {survey: 'S1', known: new Set(), sink: (json) => lines.push(json), ...o})
  return {...r, responses: lines.map((json) => JSON.parse(json) as SurveyResponse)}
}

function ingestText(doc: SurveyDoc, text: string, values?: string[]) {
  const csv = parseCsv(text)
  const {columns} = mapColumns(doc, csv.header)
  return ingestTable(doc, csv, columns, {
    file: 'data/x.csv',
    now: new Date('2026-12-01T00:00:00Z'),
    values: values ? parseValueMaps(values).map : undefined,
  })
}

describe('option texts', () => {
  it('fold dashes (- – — ～ ~ 至), full and half width and spaces before comparing', async () => {
    const doc = await satisfaction()
    const tenure = doc.questions.find((q) => q.id === 'tenure')!
    for (const cell of ['1-6个月', '1–6 个月', '1—6个月', '1～6 个月', '1~6个月', '1至6个月', '１－６ 个月', ' 1 - 6 个 月 ', '1-6 months']) {
      expect(parseAnswer(tenure, cell), cell).toEqual({ok: true, value: '1to6m'})
    }
    expect(optionKey('6–12 个月')).not.toBe(optionKey('1–6 个月'))
  })

  it('an answer matching nothing keeps the response, that answer blank, one warning per row naming file line and column', async () => {
    const doc = await satisfaction()
    const text = ['nps,tenure,participation', '9,1-6个月,每周几次', '7,半年左右,天天', '3,不到 1 个月,每月几次'].join('\n')
    const r = ingestText(doc, text)
    expect(r.rejected).toEqual([])
    expect(r.responses.map((x) => x.answers)).toEqual([
      {nps: 9, tenure: '1to6m', participation: 'weekly'},
      {nps: 7},
      {nps: 3, tenure: 'lt1m', participation: 'monthly'},
    ])
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]).toMatchObject({line: 3, columns: ['tenure', 'participation']})
    expect(r.warnings[0].reasons.map((m) => t(m)).join('; ')).toMatch(/column "tenure": `半年左右` is not an option.*column "participation": `天天`/)
  })

  it('--map-value reads an answer text as an option, in single and multi answers', async () => {
    const doc = await satisfaction()
    const text = ['nps,tenure,participation', '7,半年左右,天天'].join('\n')
    const r = ingestText(doc, text, ['半年左右=1–6 个月', '天 天=daily'])
    expect(r.warnings).toEqual([])
    expect(r.responses[0].answers).toEqual({nps: 7, tenure: '1to6m', participation: 'daily'})
    expect(parseValueMaps(['no-equals']).bad).toBe('no-equals')
    expect(parseValueMaps(['=x']).bad).toBe('=x')
  })

  it('a row repeating the header (answers files pasted one after another) is skipped, not counted', async () => {
    const doc = await satisfaction()
    const r = ingestText(doc, ['nps,tenure', '9,1-6个月', 'nps,tenure', '3,1 年以上'].join('\n'))
    expect(r.responses.map((x) => x.answers.nps)).toEqual([9, 3])
    expect(r.rows).toBe(2)
    expect(r.rejected).toEqual([])
  })
})

describe('wide and large tables', () => {
  it('counts header columns outside quotes and stops past the limit', () => {
    expect(headerWidth('a,"b,c",d\n1,2,3\n')).toBe(3)
    expect(headerWidth('a\tb\tc\n')).toBe(3)
    expect(headerWidth(','.repeat(1_000_000) + '\n1\n')).toBe(MAX_COLUMNS + 1)
  })
})

describe('xlsx workbooks', () => {
  it('reads the first sheet of a 问卷星 download: title row skipped, dates and numbers as text, sheet rows as lines', async () => {
    const doc = await satisfaction()
    const data = await writeExcelFile([
      ['社群满意度调查 答卷数据', null, null, null, null],
      ['序号', '提交答卷时间', '所用时间', '18、你加入社群多久了？', '11、你有多大可能向朋友或同事推荐这个社群？'],
      [1, {value: new Date(Date.UTC(2026, 10, 1, 10, 5, 0)), format: 'yyyy/mm/dd hh:mm:ss'}, '120秒', '1-6个月', 9],
      [2, {value: new Date(Date.UTC(2026, 10, 2)), format: 'yyyy-mm-dd'}, '95秒', '半年', 3],
      [3, '2026/11/3 8:00:00', '60秒', '1 年以上', {value: 10, type: Number}],
    ]).toBuffer()
    expect(sniffInput(data)).toEqual({kind: 'xlsx'})
    const read = await parseXlsx(data)
    if (!read.ok) throw new Error(t(read.reason))
    expect(read.table.headerLine).toBe(2)
    expect(read.table.rows.map((r) => [r.line, r.cells[1], r.cells[4]])).toEqual([
      [3, '2026-11-01 10:05:00', '9'],
      [4, '2026-11-02', '3'],
      [5, '2026/11/3 8:00:00', '10'],
    ])
    const {columns} = mapColumns(doc, read.table.header)
    const r = ingestTable(doc, read.table, columns, {file: 'wjx.xlsx', now: new Date()})
    expect(r.responses.map((x) => [x.submittedAt, x.answers])).toEqual([
      ['2026-11-01 10:05:00', {tenure: '1to6m', nps: 9}],
      ['2026-11-02', {nps: 3}],
      ['2026/11/3 8:00:00', {tenure: 'gt1y', nps: 10}],
    ])
    expect(r.warnings.map((w) => w.line)).toEqual([4])
  })

  it('reads a 腾讯问卷 layout: one column per option of a multi question, 1 for chosen', async () => {
    const doc = await loadSurveyTemplate('onboarding', 'zh-CN')
    const multi = doc.questions.find((q) => q.type === 'multi' && (q.options?.length ?? 0) >= 2)!
    const [a, b] = multi.options!
    const zh = (text: unknown) => (text as Record<string, string>)['zh-CN']
    const title = zh(multi.text)
    const data = await writeExcelFile([
      ['编号', '开始答题时间', '结束答题时间', `${title}:${zh(a.label)}`, `${title}:${zh(b.label)}`],
      [1, '2026-11-01 10:00:00', '2026-11-01 10:03:00', 1, 0],
      [2, '2026-11-01 11:00:00', '2026-11-01 11:02:00', null, 1],
    ]).toBuffer()
    const read = await parseXlsx(data)
    if (!read.ok) throw new Error(t(read.reason))
    const {columns} = mapColumns(doc, read.table.header)
    expect(columns.filter((c) => c.option).map((c) => c.option)).toEqual([a.id, b.id])
    const r = ingestTable(doc, read.table, columns, {file: 'tx.xlsx', now: new Date()})
    expect(r.responses.map((x) => x.answers[multi.id])).toEqual([[a.id], [b.id]])
  })

  it('cell texts', () => {
    expect(cellText(null)).toBe('')
    expect(cellText(true)).toBe('TRUE')
    expect(cellText(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02 03:04:05')
    expect(cellText(new Date(Date.UTC(2026, 10, 1, 9, 29, 59, 999)))).toBe('2026-11-01 09:30:00')
    expect(cellText('3.5')).toBe('3.5')
  })
})

describe('files survey ingest refuses, by what they are', () => {
  const bytes = (s: string) => Buffer.from(s, 'utf8')
  it('chat exports, JSON, PDF, a survey definition and .xls', () => {
    expect(sniffInput(bytes('{"guild":{"id":"1","name":"g"},"channel":{"id":"2"},"messages":[]}'))).toMatchObject({what: 'discord'})
    expect(sniffInput(bytes('{\n "name": "群", "type": "private_supergroup", "id": 1, "messages": [{"id": 1}]}'))).toMatchObject({what: 'telegram'})
    expect(sniffInput(bytes('{"about": "x", "chats": {"about": "", "list": []}}'))).toMatchObject({what: 'telegram'})
    expect(
      sniffInput(
        bytes('消息记录（此消息记录为文本格式，不支持重新导入）\n\n================\n消息分组:我的群聊\n================\n消息对象:摄影群\n'),
      ),
    ).toMatchObject({
      what: 'qq',
    })
    expect(sniffInput(bytes('[{"a": 1}]'))).toMatchObject({what: 'json'})
    expect(sniffInput(bytes('%PDF-1.7\n...'))).toMatchObject({what: 'pdf'})
    expect(sniffInput(bytes('apiVersion: commops/v1\nkind: Survey\nname: x\n'))).toMatchObject({what: 'survey'})
    expect(sniffInput(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toMatchObject({what: 'xls'})
    expect(sniffInput(bytes('overall,nps\n5,10\n'))).toEqual({kind: 'csv'})
    expect(sniffInput(bytes('[Q1] 满意度,nps\n5,10\n'))).toEqual({kind: 'csv'})
  })
})

/** A minimal stored zip (no compression) of empty files, enough for the central directory. */
export function zipOf(names: string[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const name of names) {
    const n = Buffer.from(name)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(n.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(n.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, n)
    centrals.push(central, n)
    offset += 30 + n.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(names.length, 8)
  end.writeUInt16LE(names.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}

describe('zip archives', () => {
  it('a Slack export, a zip of tables (named in the answer), and an xlsx are told apart by their names', () => {
    expect(zipEntries(zipOf(['a.csv', 'b/c.xlsx']))).toEqual(['a.csv', 'b/c.xlsx'])
    expect(sniffInput(zipOf(['channels.json', 'users.json', 'general/2026-11-01.json']))).toMatchObject({what: 'slack'})
    expect(sniffInput(zipOf(['答卷.csv', '__MACOSX/._答卷.csv', 'readme.txt']))).toEqual({kind: 'foreign', what: 'zip', entries: ['答卷.csv']})
    expect(sniffInput(zipOf(['[Content_Types].xml', 'xl/workbook.xml']))).toEqual({kind: 'xlsx'})
  })
})
