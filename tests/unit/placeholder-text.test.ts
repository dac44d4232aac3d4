import {readFileSync} from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {MARKER_IN_TEXT, mayHoldPlaceholder} from '../../src/workspace/placeholder.js'
import {validateText} from '../helpers/validate.js'

const sample = readFileSync(path.join(import.meta.dirname, '..', '..', 'templates', 'community', 'sample.en.yaml'), 'utf8')
const placeholders = (text: string) =>
  validateText(text, 'community.yaml', 'en')
    .problems.filter((p) => p.rule === 'community.placeholder')
    .map((p) => `${p.path} ${p.line}:${p.col}`)

describe('placeholders found from the text before the parsed value is walked', () => {
  it('a filled-in community.yaml is not walked; the starter is', () => {
    expect(mayHoldPlaceholder(sample)).toBe(false)
    expect(mayHoldPlaceholder('name: (to fill in) Name\n')).toBe(true)
  })

  it('still finds a marker that only the parse spells out: an escape, a folded line, another case', () => {
    const at = (line: string) => sample.replace(/^description: .*$/m, line)
    expect(placeholders(at('description: "\\u5F85\\u586B\\u5199"'))).toEqual(['/description 4:14'])
    expect(placeholders(at('description: (to fill\n  in) what it is'))).toEqual(['/description 4:14'])
    expect(placeholders(at('description: "(to fill \\\n  in)"'))).toEqual(['/description 4:14'])
    expect(placeholders(at('description: ToDo'))).toEqual(['/description 4:14'])
    expect(placeholders(at('description: >\n  the rest is\n  待填写'))).toEqual(['/description 4:14'])
  })

  it('answers as the whole pattern does, on texts made of its pieces', () => {
    const piece = fc.constantFrom(
      '(',
      ')',
      '（',
      '）',
      ' ',
      '\n',
      '\t',
      'to',
      'fill',
      'FiLL',
      'in',
      '待填写',
      '待',
      'TODO',
      'todo',
      'tbd',
      'TBDs',
      'x',
      '_',
      '\\',
      'é',
    )
    const text = fc.array(piece, {maxLength: 16}).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (t) => {
        expect(mayHoldPlaceholder(t)).toBe(t.includes('\\') || MARKER_IN_TEXT.test(t))
      }),
      {numRuns: 3000},
    )
    expect(mayHoldPlaceholder('a (b) ( to\n fill  in ) c')).toBe(true)
  })
})
