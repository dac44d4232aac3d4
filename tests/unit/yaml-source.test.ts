import {describe, expect, it, vi} from 'vitest'
import {parseYaml, pointerSegments, toPointer} from '../../src/schema/yaml-source.js'
import {positionOf, readFixture} from '../fixtures/index.js'

/** Parses text that must hold exactly one clean document. */
function one(text: string) {
  const parsed = parseYaml(text, 'test.yaml')
  expect(parsed.problems).toEqual([])
  expect(parsed.docs).toHaveLength(1)
  return parsed.docs[0]
}

describe('JSON pointers', () => {
  it('round-trip segments with / and ~ escaped', () => {
    const segments = ['a/b', 'c~d', '0', '']
    expect(toPointer(segments)).toBe('/a~1b/c~0d/0/')
    expect(pointerSegments(toPointer(segments))).toEqual(segments)
    expect(pointerSegments('')).toEqual([])
  })
})

describe('locate: JSON pointer → line:col', () => {
  const text = readFixture('community/valid.en.yaml')

  it('points at the value of a nested sequence item', () => {
    const doc = one(text)
    // /audience/personas/1/ageRange is the flow sequence of the second persona
    expect(doc.locate('/audience/personas/1/ageRange')).toEqual(positionOf(text, '[18, 65]'))
    expect(doc.locate('/audience/personas/1/ageRange/1')).toEqual(positionOf(text, '65'))
    expect(doc.locate('/audience/personas/0/name')).toEqual(positionOf(text, 'Builder'))
  })

  it('points at the key instead of the value when asked', () => {
    const doc = one(text)
    expect(doc.locate('/audience/personas/1/ageRange', {key: true})).toEqual(positionOf(text, 'ageRange', {occurrence: 2}))
    expect(doc.locate('/timezone', {key: true})).toEqual(positionOf(text, 'timezone'))
    expect(doc.locate('/timezone')).toEqual(positionOf(text, 'Europe/Berlin'))
  })

  it('falls back to the deepest existing node for a path that is not in the document', () => {
    const doc = one(text)
    // a missing property of persona 0 → persona 0 itself (where `required` errors belong)
    expect(doc.locate('/audience/personas/0/share')).toEqual(positionOf(text, 'id: builder'))
    // an index past the end → the sequence itself, which starts at its first dash
    expect(doc.locate('/audience/personas/7')).toEqual(positionOf(text, '- id: builder'))
  })

  it('counts columns in UTF-16 code units after CJK text and CRLF line ends', () => {
    const cjk = 'apiVersion: commops/v1\nkind: Community\nname: 米粉俱乐部\nlocale: zh-CN\ntimezone: Asia/Shanghai\n'
    expect(one(cjk).locate('/locale')).toEqual({line: 4, col: 9})
    const crlf = cjk.replace(/\n/g, '\r\n')
    expect(one(crlf).locate('/timezone')).toEqual({line: 5, col: 11})
  })

  it('locates documents after the first in a multi-document file on their own lines', () => {
    const multi = readFixture('yaml/multi-doc.yaml')
    const {docs, problems} = parseYaml(multi, 'multi.yaml')
    expect(problems).toEqual([])
    expect(docs.map((d) => (d.value as {name: string}).name)).toEqual(['First', 'Second'])
    expect(docs[1].locate('/locale')).toEqual(positionOf(multi, 'fr'))
    expect(docs[1].locate('')).toEqual(positionOf(multi, 'apiVersion', {occurrence: 2}))
  })
})

describe('locateInString: a character inside a string scalar', () => {
  const wrap = (value: string) => `message: ${value}\nnext: 1\n`

  it('accounts for the opening quote of double- and single-quoted strings', () => {
    for (const scalar of ['"hi ${{ vars.x }}"', "'hi ${{ vars.x }}'"]) {
      const text = wrap(scalar)
      const offset = 'hi ${{ '.length
      expect(one(text).locateInString('/message', offset)).toEqual(positionOf(text, 'vars.x'))
    }
  })

  it('finds a plain scalar character on its line', () => {
    const text = wrap('hi ${{ vars.x }}')
    expect(one(text).locateInString('/message', 'hi ${{ '.length)).toEqual(positionOf(text, 'vars.x'))
  })

  // BUG (src/schema/yaml-source.ts locateInString): for block scalars the offset is added to the start of the
  // first content line, ignoring the indentation stripped from every line, so the column is wrong (and on later
  // lines the line can be wrong too).
  it('accounts for the indentation of a block scalar', () => {
    const text = 'with:\n  message: |\n    first line\n    and ${{ vars.x }} here\n'
    const doc = one(text)
    const value = (doc.value as {with: {message: string}}).with.message
    expect(value).toBe('first line\nand ${{ vars.x }} here\n')
    expect(doc.locateInString('/with/message', value.indexOf('vars.x'))).toEqual(positionOf(text, 'vars.x'))
  })

  // BUG (same function): escapes in a double-quoted scalar (\" \t \\) are one character in the value but two in
  // the file, so every position after an escape is too far left.
  it('accounts for escape sequences in a double-quoted scalar', () => {
    const text = wrap('"say \\"hi\\" ${{ vars.x }}"')
    const doc = one(text)
    const value = (doc.value as {message: string}).message
    expect(value).toBe('say "hi" ${{ vars.x }}')
    expect(doc.locateInString('/message', value.indexOf('vars.x'))).toEqual(positionOf(text, 'vars.x'))
  })
})

describe('parse problems carry positions', () => {
  it('a tab used as indentation is a syntax error on its line', () => {
    const text = readFixture('yaml/tab-indent.yaml')
    const {docs, problems} = parseYaml(text, 'tab.yaml')
    expect(docs).toEqual([])
    expect(problems).toHaveLength(1)
    expect(problems[0].code).not.toBe('DUPLICATE_KEY')
    expect(problems[0].position).toEqual(positionOf(text, '\tsize'))
  })

  it('a key without a colon is a syntax error at that key', () => {
    const text = 'apiVersion: commops/v1\nkind: Community\nname Fixture Club\nlocale: en\n'
    const {problems} = parseYaml(text, 'colon.yaml')
    expect(problems.length).toBeGreaterThan(0)
    expect(problems[0].position).toEqual(positionOf(text, 'name Fixture'))
  })

  it('a duplicate key is reported at its second occurrence', () => {
    const text = readFixture('yaml/duplicate-key.yaml')
    const {problems} = parseYaml(text, 'dup.yaml')
    expect(problems).toEqual([expect.objectContaining({code: 'DUPLICATE_KEY', position: positionOf(text, 'size', {occurrence: 2})})])
  })

  it('a syntax error in one document does not hide the other documents', () => {
    const text = 'a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n'
    const {docs, problems} = parseYaml(text, 'mixed.yaml')
    expect(problems.length).toBeGreaterThan(0)
    expect(docs.map((d) => d.value)).toEqual([{a: 1}, {d: 4}])
    expect(docs[1].locate('/d')).toEqual(positionOf(text, '4'))
  })
})

describe('yaml prints nothing of its own', () => {
  it('a mapping as a key (a template placeholder, target: {{x}}) gives no Node warning on stderr', () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined)
    try {
      const {docs} = parseYaml('goals:\n  - metric: members\n    target: {{foundingMembers}}\n', 'community.yaml')
      expect(docs).toHaveLength(1)
      expect(warn).not.toHaveBeenCalled()
    } finally {
      warn.mockRestore()
    }
  })
})
