import {createHash} from 'node:crypto'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {stringify} from 'csv-stringify/sync'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {describe, expect, it} from 'vitest'
import {translator} from '../../src/i18n/index.js'
import {parseAnswer} from '../../src/survey/answers.js'
import {decodeCsv, parseCsv, readCsv} from '../../src/survey/csv.js'
import {ingestRows, mapColumns, normalizeHeader, parseMaps, responseRows, type ResponseRows} from '../../src/survey/ingest.js'
import {parseSurveyText} from '../../src/survey/load.js'
import type {SurveyDoc, SurveyResponse} from '../../src/survey/types.js'

const q4 = async (): Promise<SurveyDoc> =>
  parseSurveyText(await readFile(path.join(import.meta.dirname, '..', 'fixtures', 'survey', 'q4.yaml'), 'utf8'), 'q4.yaml', 'en')

/** decode → parse → map → rows, as `survey ingest` does. */
function ingest(doc: SurveyDoc, data: Uint8Array, o: {maps?: string[]; known?: Set<string>; encoding?: string} = {}) {
  const {text, encoding} = decodeCsv(data, o.encoding)
  const csv = parseCsv(text)
  const {columns} = mapColumns(doc, csv.header, parseMaps(o.maps ?? []).pairs)
  const lines: string[] = []
  const result = ingestRows(doc, csv, columns, {
    survey: 'S1',
    file: 'data/x.csv',
    now: new Date('2026-12-01T00:00:00Z'),
    known: o.known ?? new Set(),
    sink: (json) => lines.push(json),
  })
  return {...result, responses: lines.map((json) => JSON.parse(json) as SurveyResponse), lines, encoding, header: csv.header}
}

const t = translator('en')

/** readCsv → rows one at a time, as `survey ingest` reads a CSV file: the stored lines and the lines reported. */
function ingestStreamed(doc: SurveyDoc, text: string) {
  const lines: string[] = []
  const options = {
    survey: 'S1',
    file: 'data/x.csv',
    now: new Date('2026-12-01T00:00:00Z'),
    known: new Set<string>(),
    sink: (json: string) => lines.push(json),
  }
  let rows: ResponseRows | undefined
  const {problems} = readCsv(text, {
    header: (header) => (rows = responseRows(doc, header, mapColumns(doc, header).columns, options)),
    row: (cells, line) => rows!.add(line, cells),
  })
  const result = rows!.finish(problems)
  return {
    ...result,
    lines,
    stored: lines.map((json) => (JSON.parse(json) as SurveyResponse).source.line),
    reported: result.rejected.map((r) => r.line),
  }
}

// 问卷星 (wjx) "按文本" export: numbered Chinese headers, ┋ between choices, 其他〖…〗, (跳过) for hidden questions, GBK.
const WJX =
  [
    '序号,提交答卷时间,所用时间,来源,1、总体满意度,2、内容是否有用,3、给主持人打分,4、推荐意愿,5、哪里让你失望？,6、你所在的地区,7、你关心的话题,8、你用什么设备拍照？,9、每周在社群花多少时间？,用户ID',
    '1,2026/11/1 10:00:00,120秒,微信,非常满意,完全同意,9,10,(跳过),北方,摄影┋玩机技巧,相机,5,u1',
    '2,2026/11/1 10:05:00,95秒,微信,比较满意,同意,8,8,(跳过),南方,新品资讯,(跳过),3.5,u2',
    '3,2026/11/1 11:00:00,200秒,链接,一般,中立,5,6,"内容太少，""干货""不够",其他〖西部〗,摄影┋其他〖无人机〗,手机,10,u3',
    '4,2026/11/2 09:00:00,60秒,微信,非常不满意,完全不同意,2,0,广告太多,北方,(跳过),(跳过),1,u4',
    '5,2026/11/2 09:30:00,80秒,微信,还行,同意,7,9,(跳过),南方,摄影,手机,2,u5',
    '6,2026/11/2 09:40:00,80秒,微信,比较满意,同意,7',
    '7,2026/11/2 09:50:00,70秒,微信,比较满意,同意,7,11,(跳过),南方,摄影,手机,2,u7',
  ].join('\r\n') + '\r\n'

// Google Forms export: question text as headers (English here), ", " between checkbox answers, UTF-8 with a BOM.
const GOOGLE =
  [
    'Timestamp,Overall satisfaction,The content is useful,Rate the hosts,Likelihood to recommend,What disappointed you?,Your region,Topics you care about,Hours a week spent in the community,region',
    '2026/11/03 20:01:02,Very satisfied,Strongly agree,10,10,,North,"Photography, Tips",4,Beijing',
    '2026/11/03 20:05:10,Satisfied,Somewhat agree,8,7,,Mars base,"Tips, Drones and kites",6,Shanghai',
    '2026/11/03 20:09:44,Dissatisfied,Disagree,3,2,"Too many ads, too little content",South,,2,Guangzhou',
  ].join('\n') + '\n'

describe('decoding response files', () => {
  it('detects GBK/GB18030 when the bytes are not UTF-8, and reads the Chinese headers', async () => {
    const doc = await q4()
    const r = ingest(doc, iconv.encode(WJX, 'gbk'))
    expect(r.encoding).toBe('gb18030')
    expect(r.header[4]).toBe('1、总体满意度')
    expect(r.columns.filter((c) => c.question).map((c) => c.question)).toEqual([
      'overall',
      'content',
      'host_rating',
      'nps',
      'why_low',
      'region',
      'topics',
      'photo_gear',
      'hours',
    ])
    expect(r.columns.find((c) => c.header === '用户ID')?.meta).toBe('member')
    expect(r.columns.find((c) => c.header === '提交答卷时间')?.meta).toBe('submittedAt')
  })

  it('strips a UTF-8 BOM and matches English question texts', async () => {
    const doc = await q4()
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(GOOGLE, 'utf8')])
    const r = ingest(doc, bytes)
    expect(r.encoding).toBe('utf8-bom')
    expect(r.header[0]).toBe('Timestamp')
    expect(r.rejected).toEqual([])
    expect(r.responses).toHaveLength(3)
    const [a, b, c] = r.responses
    expect(a).toMatchObject({
      submittedAt: '2026/11/03 20:01:02',
      answers: {overall: 5, content: 7, host_rating: 10, nps: 10, region: 'north', topics: ['photo', 'tips'], hours: 4},
      fields: {region: 'Beijing'},
    })
    expect(b.answers).toMatchObject({overall: 4, content: 5, region: 'other', topics: ['tips', 'other']})
    expect(b.others).toEqual({region: 'Mars base', topics: 'Drones and kites'})
    expect(c.answers).toMatchObject({overall: 2, nps: 2, why_low: 'Too many ads, too little content', region: 'south'})
    expect(c.answers.topics).toBeUndefined()
  })

  it('hands on the bytes of a valid UTF-8 file without a BOM, for csv-parse to read as they are; no others', () => {
    const bytes = Buffer.from('总体满意度,nps\n5,10\n')
    expect(decodeCsv(bytes).utf8?.equals(bytes)).toBe(true)
    expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])).utf8).toBeUndefined()
    expect(decodeCsv(iconv.encode('总体满意度,nps\n5,10\n', 'gbk')).utf8).toBeUndefined()
    expect(decodeCsv(bytes, 'utf-8').utf8).toBeUndefined()
  })

  it('honours --encoding', () => {
    expect(decodeCsv(iconv.encode('名字\n張三\n', 'big5'), 'big5').text).toBe('名字\n張三\n')
    expect(decodeCsv(Buffer.from('a,b\n1,2\n'), 'utf-8').encoding).toBe('utf8')
  })
})

describe('reading rows', () => {
  it('keeps good rows, keeps rows with an unknown answer left blank (one warning per row), reports ragged rows', async () => {
    const doc = await q4()
    const r = ingest(doc, iconv.encode(WJX, 'gbk'))
    expect(r.responses.map((x) => x.source.line)).toEqual([2, 3, 4, 5, 6, 8])
    expect(r.rejected.map((x) => x.line)).toEqual([7])
    expect(t(r.rejected[0].reason)).toBe('the row has 7 cells but the header has 14; row skipped')
    expect(r.warnings.map((w) => [w.line, w.columns])).toEqual([
      [6, ['1、总体满意度']],
      [8, ['4、推荐意愿']],
    ])
    expect(t(r.warnings[0].reasons[0])).toMatch(/column "1、总体满意度": `还行` is not a point of the overall scale/)
    expect(t(r.warnings[1].reasons[0])).toMatch(/`11` is outside 0–10/)
    expect(r.responses[4].answers.overall).toBeUndefined()
    expect(r.responses[4].answers).toMatchObject({content: 6, nps: 9, region: 'south'})
    expect(r.responses[5].answers.nps).toBeUndefined()
    const [one, two, three, four] = r.responses
    expect(one).toMatchObject({
      member: 'u1',
      answers: {overall: 5, content: 7, host_rating: 9, nps: 10, region: 'north', topics: ['photo', 'tips'], photo_gear: '相机', hours: 5},
      fields: {序号: '1', 来源: '微信'},
    })
    expect(one.answers.why_low).toBeUndefined()
    expect(two.answers).toMatchObject({hours: 3.5, topics: ['news']})
    expect(two.answers.photo_gear).toBeUndefined()
    expect(three).toMatchObject({
      answers: {region: 'other', topics: ['photo', 'other'], why_low: '内容太少，"干货"不够'},
      others: {region: '西部', topics: '无人机'},
    })
    expect(four.answers).toMatchObject({overall: 1, content: 1, nps: 0, why_low: '广告太多'})
  })

  it('re-ingesting the same file adds nothing; a new row is added once', async () => {
    const doc = await q4()
    const known = new Set<string>()
    const first = ingest(doc, iconv.encode(WJX, 'gbk'), {known})
    expect(first.responses).toHaveLength(6)
    const again = ingest(doc, iconv.encode(WJX, 'gbk'), {known})
    expect(again.responses).toHaveLength(0)
    expect(again.duplicates).toBe(6)
    const grown = ingest(doc, iconv.encode(WJX + '8,2026/11/3 10:00:00,50秒,微信,非常满意,同意,9,9,(跳过),北方,摄影,手机,3,u8\r\n', 'gbk'), {known})
    expect(grown.responses.map((x) => x.member)).toEqual(['u8'])
    expect(grown.duplicates).toBe(6)
  })

  it('two identical anonymous rows in one file are two responses', async () => {
    const doc = await q4()
    const r = ingest(doc, Buffer.from('overall,nps\n5,10\n5,10\n4,9\n5,10\n'))
    expect(r.responses).toHaveLength(4)
    // the hash of [survey, cells, occurrence in the file], as stored rows were hashed: re-ingesting finds them
    const hash = (cells: string[], n: number) =>
      createHash('sha256')
        .update(JSON.stringify(['S1', cells, n]))
        .digest('hex')
        .slice(0, 16)
    expect(r.responses.map((x) => x.rowHash)).toEqual([hash(['5', '10'], 1), hash(['5', '10'], 2), hash(['4', '9'], 1), hash(['5', '10'], 3)])
    const again = ingest(doc, Buffer.from('overall,nps\n5,10\n5,10\n4,9\n5,10\n5,10\n'), {known: new Set(r.responses.map((x) => x.rowHash))})
    expect([again.duplicates, again.responses.length]).toEqual([4, 1])
  })

  it('maps columns with --map, including metadata, and reads one-column-per-option exports', async () => {
    const doc = await q4()
    const csv = [
      '编号,Q1 满意度打分,NPS得分,你关心的话题:摄影,你关心的话题:玩机技巧,你关心的话题:新品资讯,微信昵称',
      '1,5,9,1,,1,小王',
      '2,2,3,,1,,小李',
    ].join('\n')
    const r = ingest(doc, Buffer.from(csv), {maps: ['Q1 满意度打分=overall', 'NPS得分=nps', '微信昵称=@member']})
    expect(r.rejected).toEqual([])
    expect(r.responses.map((x) => [x.member, x.answers])).toEqual([
      ['小王', {overall: 5, nps: 9, topics: ['photo', 'news']}],
      ['小李', {overall: 2, nps: 3, topics: ['tips']}],
    ])
    expect(parseMaps(['no-equals-sign']).bad).toBe('no-equals-sign')
  })

  it('writes each response as one line, its keys in the order of a SurveyResponse, "others" only when there are some', async () => {
    const doc = await q4()
    const {lines} = ingest(doc, iconv.encode(WJX, 'gbk'))
    const third = JSON.parse(lines[2]) as SurveyResponse
    const {survey, rowHash, source, submittedAt, member, answers, others, fields, ingestedAt} = third
    expect(lines[2]).toBe(JSON.stringify({survey, rowHash, source, submittedAt, member, answers, others, fields, ingestedAt}))
    expect(third).toMatchObject({survey: 'S1', source: {file: 'data/x.csv', line: 4}, member: 'u3', others: {region: '西部'}})
    expect(lines[0]).not.toContain('"others"')
    expect(lines.every((l) => !l.includes('\n'))).toBe(true)
  })

  it('a row that answers nothing is reported, not stored', async () => {
    const doc = await q4()
    const r = ingest(doc, Buffer.from('overall,nps,city\n,,Paris\n4,8,Rome\n'))
    expect(r.responses).toHaveLength(1)
    expect(r.rejected).toEqual([{line: 2, reason: {key: 'survey.ingest.noAnswers'}}])
  })

  it('reading record by record: quoted cells over several lines, empty lines and skipped records keep every line', async () => {
    const doc = await q4()
    // no empty line: lines are counted from the line breaks in the cells (a ragged record's too)
    const counted = (eol: string) => ['overall,why_low', '4,"too', 'slow"', '1,"a', 'b",extra', '9,late', '5,"x\r\ny"', ',', '3,ok', ''].join(eol)
    expect(ingestStreamed(doc, counted('\n'))).toMatchObject({stored: [2, 7, 10], reported: [4, 6, 9]})
    expect(ingestStreamed(doc, counted('\r\n'))).toMatchObject({stored: [2, 7, 10], reported: [4, 6, 9]})
    // empty lines before the problem rows: csv-parse's byte offsets place the records
    const spaced = ['overall,why_low', '', '4,"too', 'slow"', '', '', '1,"a', 'b",extra', '9,late', '', '5,ok', ''].join('\n')
    expect(ingestStreamed(doc, spaced)).toMatchObject({stored: [3, 11], reported: [7, 9]})
    // the same rows as parseCsv reads them whole
    for (const text of [counted('\n'), counted('\r\n'), spaced]) {
      const csv = parseCsv(text)
      expect(ingestStreamed(doc, text).lines).toEqual(ingest(doc, Buffer.from(text)).lines)
      expect(ingestStreamed(doc, text).reported).toEqual(
        ingestRows(doc, csv, mapColumns(doc, csv.header).columns, {survey: 'S1', file: 'data/x.csv', now: new Date(), known: new Set()}).rejected.map(
          (r) => r.line,
        ),
      )
    }
  })

  it('writes answers as JSON.stringify would, question ids that are numbers first, whatever the column order', async () => {
    const doc = await q4()
    const numbered: SurveyDoc = {
      ...doc,
      questions: doc.questions.map((q) => (q.id === 'hours' ? {...q, id: '10'} : q.id === 'nps' ? {...q, id: '2'} : q)),
    }
    const {lines} = ingestStreamed(numbered, 'overall,topics,topics: Tips,10,2,topics: Photography\n5,Tips┋News,1,3,9,1\n4,Tips┋News,,2,8,\n')
    expect(lines).toHaveLength(2)
    for (const line of lines) expect(line).toBe(JSON.stringify(JSON.parse(line)))
    expect(Object.keys((JSON.parse(lines[0]) as SurveyResponse).answers)).toEqual(['2', '10', 'overall', 'topics'])
    // an option column adds to the list a whole column read, without changing the reading kept for the next rows
    expect(lines.map((line) => (JSON.parse(line) as SurveyResponse).answers.topics)).toEqual([
      ['tips', 'news', 'photo'],
      ['tips', 'news'],
    ])
  })

  it('a header-only file gives no rows and no problems; an empty file gives no header', () => {
    expect(parseCsv('overall,nps\n')).toMatchObject({header: ['overall', 'nps'], rows: [], problems: []})
    expect(parseCsv('')).toMatchObject({header: [], rows: []})
  })
})

describe('CSV records (property)', () => {
  it('any table written by csv-stringify reads back cell for cell, each row with the line it starts on', () => {
    const cell = fc.string({unit: fc.constantFrom('a', 'Z', '中', '文', ',', '"', '\n', ' ', '1', '┋', ';')})
    const table = fc
      .integer({min: 1, max: 4})
      .chain((width) => fc.array(fc.array(cell, {minLength: width, maxLength: width}), {minLength: 2, maxLength: 6}))
    fc.assert(
      fc.property(table, (rows) => {
        // A row of empty cells is an empty line, which CSV readers skip: keep every row non-blank.
        const data = rows.map((r) => r.map((c, i) => (i === 0 ? `r${c}` : c)))
        const text = stringify(data, {quoted_match: /[\s,;"┋]/, record_delimiter: 'unix'})
        const parsed = parseCsv(text)
        expect(parsed.problems).toEqual([])
        expect(parsed.header).toEqual(data[0].map((h) => h.trim()))
        expect(parsed.rows.map((r) => r.cells)).toEqual(data.slice(1))
        let line = 1
        const starts = data.map((r) => {
          const at = line
          line += stringify([r], {quoted_match: /[\s,;"┋]/, record_delimiter: 'unix'}).split('\n').length - 1
          return at
        })
        expect([parsed.headerLine, ...parsed.rows.map((r) => r.line)]).toEqual(starts)
      }),
      {numRuns: 200},
    )
  })
})

describe('answers', () => {
  it('accepts labels in either language, numbers, "4 - label", stars, and refuses what is off the scale', async () => {
    const doc = await q4()
    const overall = doc.questions.find((q) => q.id === 'overall')!
    for (const [cell, value] of [
      ['Very satisfied', 5],
      ['非常满意', 5],
      ['４', 4],
      ['4 - Satisfied', 4],
      ['3分', 3],
      ['★★☆☆☆', 2],
      ['  very SATISFIED ', 5],
      ['', undefined],
      ['(跳过)', undefined],
    ] as const) {
      expect(parseAnswer(overall, cell), cell).toEqual({ok: true, ...(value === undefined ? {} : {value})})
    }
    for (const cell of ['6', '0', 'great', '4.5']) expect(parseAnswer(overall, cell).ok, cell).toBe(false)
    const hours = doc.questions.find((q) => q.id === 'hours')!
    expect(parseAnswer(hours, '1,000')).toEqual({ok: false, reason: expect.objectContaining({key: 'survey.answer.outOfRange'})})
    expect(parseAnswer(hours, '12 小时')).toEqual({ok: true, value: 12})
  })

  it('reads choices by label in either language, by id, or by option number (问卷星 "按序号" exports)', async () => {
    const doc = await q4()
    const region = doc.questions.find((q) => q.id === 'region')!
    const topics = doc.questions.find((q) => q.id === 'topics')!
    expect(parseAnswer(region, 'South')).toEqual({ok: true, value: 'south'})
    expect(parseAnswer(region, '南方')).toEqual({ok: true, value: 'south'})
    expect(parseAnswer(region, '2')).toEqual({ok: true, value: 'south'})
    expect(parseAnswer(region, 'Other: Tibet')).toEqual({ok: true, value: 'other', other: 'Tibet'})
    expect(parseAnswer(topics, '1┋3')).toEqual({ok: true, value: ['photo', 'news']})
    expect(parseAnswer(topics, 'news; Tips')).toEqual({ok: true, value: ['news', 'tips']})
  })

  it('normalises numbered and marked headers', () => {
    expect(normalizeHeader('1、您的整体满意度？')).toBe(normalizeHeader('您的整体满意度'))
    expect(normalizeHeader('Q3: Overall satisfaction *')).toBe('overall satisfaction')
    expect(normalizeHeader('第2题 推荐意愿（必填）')).toBe('推荐意愿')
  })
})

describe('parseCsv line numbers', () => {
  it('the fast path (no empty line) gives each record the line the slower path with csv-parse info gives', () => {
    for (const eol of ['\n', '\r\n']) {
      const text = ['nps,reason', '9,"two', 'lines"', '3,plain', '7,"three', 'more', 'lines"', '8,last', ''].join(eol)
      const fast = parseCsv(text)
      // A trailing empty line sends the same records down the path that reads csv-parse's per-record info.
      expect(fast.rows.map((r) => r.line)).toEqual([2, 4, 5, 8])
      if (eol === '\r\n') continue // csv-parse's own count goes astray on CRLF inside quotes; the fast path does not
      const slow = parseCsv(`${text}${eol}`)
      expect(slow.rows).toEqual(fast.rows)
      expect(fast.headerLine).toBe(slow.headerLine)
    }
  })

  it('empty lines and a ragged row keep their true line numbers', () => {
    const t = parseCsv('nps,reason\n\n9,ok\n1,2,3\n\n4,"a\nb"\n')
    expect(t.rows.map((r) => r.line)).toEqual([3, 6])
    expect(t.problems.map((p) => p.line)).toEqual([4])
  })
})
