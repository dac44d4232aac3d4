/**
 * csvHalves and readCsv's `from`: a big response file read as two parts (the second by a worker) reads as one pass
 * over the whole file: the same rows, lines and problems, whatever the quotes, line ends and ragged records.
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {csvHalves, readCsv} from '../../src/survey/csv.js'
import {partBytes} from '../../src/survey/ingest-part.js'

const RUNS = {numRuns: Number(process.env.COMMOPS_PROPERTY_RUNS ?? 100)}

/** readCsv's visits: the header, then each row with its line. */
function read(text: string, utf8?: Buffer, from?: number) {
  const rows: Array<{line: number; cells: string[]}> = []
  let header: string[] = []
  const r = readCsv(text, {header: (cells) => (header = cells), row: (cells, line) => rows.push({line, cells})}, utf8, from)
  return {header, rows, problems: r.problems, next: r.next}
}

describe('a CSV file read in two parts', () => {
  // cells with quotes, delimiters and line breaks (LF inside a CR LF file too), but no lone CR and no empty line
  const cell = fc.string({unit: fc.constantFrom('a', 'b', 'a', ' ', ',', '"', '\n', '\r\n', '中', '😀', '1'), minLength: 1, maxLength: 3})
  const quote = (c: string) => (/[",\r\n]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c)

  it('reads as one pass: the same rows, lines and problems, or the first part tells the cut was no record boundary', () => {
    let cut = 0
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, {minLength: 1, maxLength: 4}), {minLength: 3, maxLength: 30}),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        (records, eol, stray) => {
          const lines = records.map((cells) => cells.map(quote).join(','))
          // a quote inside an unquoted cell: the quote count no longer tells where quoted cells are
          if (stray) lines[1] = `x"${lines[1]}`
          const text = ['h1,h2,h3', ...lines].join(eol) + eol
          if (/\n\r?\n/.test(text)) return
          const utf8 = Buffer.from(text)
          const halves = csvHalves(text, utf8)
          if (!halves) return
          const whole = read(text, utf8)
          const head = read(text, utf8.subarray(0, halves.split))
          const firstPartOk = head.next === halves.line && !head.problems.some((p) => p.reason.key !== 'survey.ingest.ragged')
          if (!firstPartOk) return
          cut++
          const part = partBytes(utf8, halves)
          const tail = read(part.toString('utf8'), part, halves.line)
          expect(tail.header).toEqual(whole.header)
          expect([...head.rows, ...tail.rows]).toEqual(whole.rows)
          expect([...head.problems, ...tail.problems]).toEqual(whole.problems)
        },
      ),
      RUNS,
    )
    // the cases where the cut was a record boundary: enough of them for the property to say something
    expect(cut).toBeGreaterThan(RUNS.numRuns / 5)
  })

  it('cuts only after a line break outside quotes, CR LF in a CR LF file, and not in a file with an empty line', () => {
    const text = 'a,b\r\n1,"x\ny"\r\n2,"p\r\nq"\r\n3,z\r\n4,w\r\n'
    const halves = csvHalves(text, Buffer.from(text))
    expect(halves).toBeDefined()
    const cutAt = Buffer.from(text).subarray(0, halves!.split).toString()
    expect(cutAt.endsWith('\r\n')).toBe(true)
    expect((cutAt.match(/"/g) ?? []).length % 2).toBe(0)
    expect(halves!.line).toBe(cutAt.split('\n').length)
    expect(csvHalves('a,b\n1,2\n\n3,4\n5,6\n', Buffer.from('a,b\n1,2\n\n3,4\n5,6\n'))).toBeUndefined()
  })
})
