import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
import {PAGE_SCRIPT} from '../../src/survey/html-script.js'
import {escapeCsvFormula, stringifyCsvSafe} from '../../src/util/csv-safe.js'

const DANGEROUS = ['=1+1', '+1', '-1+2', '@SUM(A1)', '\t=cmd', '\r=cmd', '=HYPERLINK("http://x","y")']

describe('CSV that spreadsheets will not run', () => {
  it('escapes every cell that starts a formula with a leading quote, and reads back as that', () => {
    const text = stringifyCsvSafe([['v'], ...DANGEROUS.map((v) => [v])], {})
    const back: string[][] = parse(text, {relax_column_count: true})
    expect(back.slice(1).map((r) => r[0])).toEqual(DANGEROUS.map((v) => `'${v}`))
    for (const [cell] of back) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('leaves plain text, Chinese text and numbers (negative ones too) alone', () => {
    const text = stringifyCsvSafe([['每日一问', 'a=b', -5, 3, '2026-12-01']])
    expect(parse(text)).toEqual([['每日一问', 'a=b', '-5', '3', '2026-12-01']])
  })

  it('escapes one cell by the same rule for writers that quote by themselves', () => {
    for (const v of DANGEROUS) expect(escapeCsvFormula(v)).toBe(`'${v}`)
    expect(escapeCsvFormula('plain')).toBe('plain')
  })

  it('the survey page escapes answers the same way in the CSV it downloads (numbers kept)', () => {
    const source = /function cell\(text\) \{[\s\S]*?\n {2}\}/.exec(PAGE_SCRIPT)![0]
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the page's own function, taken from its source
    const cell = new Function(`${source}; return cell`)() as (text: string) => string
    for (const v of DANGEROUS.filter((d) => d !== '+1')) expect(parse(cell(v))).toEqual([[`'${v}`]])
    for (const v of ['-5', '+3', '4.5', 'plain', '每日一问']) expect(parse(cell(v))).toEqual([[v]])
  })
})
