/**
 * survey ingest of a file big enough to be read in two halves at once (the second by a worker thread): the same
 * responses, lines, order, problems and counts as one pass of readCsv and responseRows over the whole file.
 */
import {readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Store} from '../../src/store/index.js'
import {csvHalves, readCsv} from '../../src/survey/csv.js'
import {mapColumns, responseRows, type ResponseRows} from '../../src/survey/ingest.js'
import {TWO_PART_BYTES} from '../../src/survey/ingest-part.js'
import {loadSurveyTemplate} from '../../src/survey/load.js'
import {requireSurvey} from '../../src/survey/lookup.js'
import type {SurveyDoc} from '../../src/survey/types.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {makeTempDir, removeDir, runCli} from '../helpers/cli.js'

let tmp: string

beforeAll(async () => {
  tmp = await makeTempDir()
})

afterAll(async () => {
  await removeDir(tmp)
})

/** The satisfaction template's 1–5 questions, as its export has them. */
const LIKERT = (await loadSurveyTemplate('satisfaction', 'en')).questions.filter((q) => q.type === 'likert').map((q) => q.id)
const HEADER = ['Timestamp', 'member', 'region', ...LIKERT, 'nps', 'nps_reason', 'participation', 'tenure'].join(',')

/** A satisfaction-survey export past the two-part size, with problems, repeats and a repeated header in both halves. */
function bigExport(eol: string, o: {repeatAcross?: boolean} = {}): string {
  let seed = 7
  const rnd = (k: number) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % k)
  const rows: string[] = []
  let size = 0
  for (let i = 0; size < TWO_PART_BYTES * 1.2; i++) {
    const cells = [
      `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
      `u${i}`,
      ['north', 'south'][rnd(2)],
      ...LIKERT.map(() => String(1 + rnd(5))),
    ]
    cells.push(String(rnd(11)), `"reason ${rnd(100)}, ok"`, '"Almost every day"', 'More than a year')
    if (i % 5003 === 17) cells.push('extra') // ragged
    if (i % 7001 === 5) cells[3] = '9' // out of range: left blank, a warning
    if (i % 9001 === 9) cells.splice(3, 11, ...LIKERT.map(() => '')) // no answer to a scale question
    if (i % 6007 === 11) cells[15] = `"two${eol}lines"` // a line break inside a quoted cell
    rows.push(cells.join(','))
    size += rows[rows.length - 1].length + eol.length
    if (i % 15013 === 40) rows.push(HEADER) // answers pasted one after another
  }
  if (o.repeatAcross) rows.push(rows[3], rows[3], rows[rows.length - 10])
  else rows.push(rows[rows.length - 7], rows[rows.length - 7])
  return [HEADER, ...rows].join(eol) + eol
}

/** One pass over the whole text, as survey ingest reads a small file: the lines it stores and what it reports. */
function onePass(doc: SurveyDoc, text: string, file: string) {
  const lines: string[] = []
  let rows: ResponseRows | undefined
  const options = {survey: 'S1', file, now: new Date(), known: new Set<string>(), sink: (json: string) => lines.push(json)}
  const {problems} = readCsv(text, {
    header: (header) => (rows = responseRows(doc, header, mapColumns(doc, header).columns, options)),
    row: (cells, line) => rows!.add(line, cells),
  })
  return {result: rows!.finish(problems), lines}
}

const withoutTime = (line: string) => line.replace(/,"ingestedAt":"[^"]+"\}$/, '}')

describe('survey ingest of a big file, read in two halves', () => {
  for (const [name, eol, repeatAcross] of [
    ['LF', '\n', false],
    ['CR LF, rows of the first half repeated in the second', '\r\n', true],
  ] as const) {
    it(`stores and reports what one pass would (${name})`, async () => {
      const ws = path.join(tmp, name.slice(0, 5).replace(/\W/g, ''))
      await initWorkspace({dir: ws, name: 'Acme', locale: 'en', timezone: 'UTC', platforms: [], type: 'brand'})
      expect((await runCli(['survey', 'create', '--template', 'satisfaction', '--json'], {cwd: ws})).code).toBe(0)
      const text = bigExport(eol, {repeatAcross})
      expect(csvHalves(text, Buffer.from(text))).toBeDefined()
      await writeFile(path.join(ws, 'big.csv'), text)

      const run = await runCli(['survey', 'ingest', 'S1', 'big.csv', '--json'], {cwd: ws})
      expect(run.code, run.stderr).toBe(0)
      const report = JSON.parse(run.stdout) as Record<string, unknown>
      const folder = path.join(ws, '.commops', 'responses')
      const [dir] = await readdir(folder)
      const [batch] = await readdir(path.join(folder, dir))
      const stored = (await readFile(path.join(folder, dir, batch), 'utf8')).split('\n').filter(Boolean)

      const doc = requireSurvey(await Store.at(ws).read(), 'S1').doc
      const file = (JSON.parse(stored[0]) as {source: {file: string}}).source.file
      const expected = onePass(doc, text, file)
      expect(stored.map(withoutTime)).toEqual(expected.lines.map(withoutTime))
      expect(report.rows).toBe(expected.result.rows)
      expect(report.added).toBe(expected.result.rowHashes.length)
      expect(report.duplicates).toBe(expected.result.duplicates)
      expect((report.rejected as Array<{line: number}>).map((r) => r.line)).toEqual(expected.result.rejected.map((r) => r.line))
      expect((report.warnings as Array<{line: number}>).map((w) => w.line)).toEqual(expected.result.warnings.map((w) => w.line))
      expect(expected.result.rejected.length).toBeGreaterThan(4)
      expect(expected.result.warnings.length).toBeGreaterThan(1)
    })
  }
})
