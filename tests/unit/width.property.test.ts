import fc from 'fast-check'
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import {displayWidth} from '../../src/cli/width.js'

const RUNS = {numRuns: 2000}
const printableAscii = fc.string({unit: fc.integer({min: 0x20, max: 0x7e}).map((c) => String.fromCharCode(c))})

describe('displayWidth', () => {
  it('counts printable ASCII as string-width does', () => {
    fc.assert(
      fc.property(printableAscii, (text) => {
        expect(displayWidth(text)).toBe(stringWidth(text))
      }),
      RUNS,
    )
  })

  it('agrees with string-width on any text (CJK, emoji, ANSI colours, control characters)', () => {
    const unit = fc.oneof(
      fc.constantFrom(
        '中',
        '文',
        '，',
        '👍',
        '👨‍👩‍👧',
        'é',
        'e\u0301',
        '\u001b[31m',
        '\u001b[0m',
        '\t',
        '\n',
        '\r\n',
        '\u00ad',
        '\u200b',
        '1\ufe0f\u20e3',
      ),
      fc.integer({min: 0, max: 0x7f}).map((c) => String.fromCharCode(c)),
      fc.string({unit: 'grapheme'}),
    )
    fc.assert(
      fc.property(fc.array(unit, {maxLength: 12}), (units) => {
        const text = units.join('')
        expect(displayWidth(text)).toBe(stringWidth(text))
      }),
      RUNS,
    )
  })

  it('counts CJK as two columns', () => {
    expect(displayWidth('社群ok')).toBe(6)
  })
})
