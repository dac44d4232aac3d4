import {parse} from 'csv-parse/sync'
import {describe, expect, it} from 'vitest'
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
})
