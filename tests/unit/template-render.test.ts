import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {CommopsError} from '../../src/errors.js'
import {parseTemplate, renderTemplate} from '../../src/template/render.js'
import type {ParamValue} from '../../src/template/schema.js'

const render = (text: string, params: Record<string, ParamValue>, rawForbidden?: string[]) =>
  renderTemplate(text, params, {file: 'files/x.yaml', rawForbidden: rawForbidden ? new Set(rawForbidden) : undefined})

function failure(fn: () => unknown): CommopsError {
  try {
    fn()
  } catch (error) {
    if (error instanceof CommopsError) return error
    throw error
  }
  throw new Error('expected a CommopsError')
}

describe('renderTemplate: substitution', () => {
  it('substitutes every occurrence, with or without spaces inside the braces', () => {
    expect(render('Hi {{name}}, {{ name }}! {{n}} {{flag}}', {name: 'Acme', n: 3, flag: true})).toBe('Hi Acme, Acme! 3 true')
  })

  it('leaves text without placeholders and single braces alone', () => {
    expect(render('a { b } {c} }} done', {})).toBe('a { b } {c} }} done')
  })

  it('leaves ${{ … }} playbook expressions untouched', () => {
    const text = 'that: "${{ steps.positioning.outputs.score >= 60 }}" and {{name}}'
    expect(render(text, {name: 'x'})).toBe('that: "${{ steps.positioning.outputs.score >= 60 }}" and x')
  })

  it('never renders a value again: values are data', () => {
    expect(render('{{a}}', {a: '{{b}}', b: 'secret'})).toBe('{{b}}')
    expect(render('{{a | yaml}}', {a: '{{#b}}x{{/b}}', b: true})).toBe('"{{#b}}x{{/b}}"')
  })
})

describe('renderTemplate: filters', () => {
  const tricky = [
    'say "hi"',
    'key: value',
    'a # not a comment',
    'line1\nline2',
    'back\\slash',
    '- item',
    '*alias',
    '&anchor',
    '!tag',
    '@at',
    '`tick`',
    '{flow: map}',
    '[1, 2]',
    'null',
    'true',
    '0x10',
    '2026-12-01',
    '  padded  ',
    '',
    "it's",
    '\t tab',
    '\u2028sep\u0085nel\u007f',
    '中文：冒号 #井号',
  ]

  it.each(tricky)('| yaml keeps %j a string that parses back to itself', (value) => {
    const out = render('name: {{v | yaml}}\nnext: 1\n', {v: value})
    expect(parse(out)).toEqual({name: value, next: 1})
  })

  it('| yaml round-trips any string (property)', () => {
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), (value) => {
        const out = render('a: {{v | yaml}}\nb: end\n', {v: value})
        expect(parse(out)).toEqual({a: value, b: 'end'})
      }),
      {numRuns: 200},
    )
  })

  it('| yaml keeps numbers and booleans typed', () => {
    expect(parse(render('n: {{n | yaml}}\nb: {{b | yaml}}', {n: 42.5, b: false}))).toEqual({n: 42.5, b: false})
  })

  it('| json produces JSON', () => {
    const out = render('{"name": {{v | json}}, "n": {{n | json}}}', {v: 'q"uote\n', n: 7})
    expect(JSON.parse(out)).toEqual({name: 'q"uote\n', n: 7})
  })

  it('an unknown filter is an error with a suggestion', () => {
    const err = failure(() => render('x: {{v | ymal}}', {v: 'a'}))
    expect(err.msg.key).toBe('template.render.unknownFilter')
    expect(err.location).toEqual({file: 'files/x.yaml', line: 1, col: 4})
    expect(JSON.stringify(err.hint)).toContain('yaml')
  })

  it('refuses a free-text parameter inserted raw where it is forbidden', () => {
    const err = failure(() => render('name: {{name}}', {name: 'a: b'}, ['name']))
    expect(err.msg.key).toBe('template.render.raw')
    expect(render('name: {{name | yaml}}', {name: 'a: b'}, ['name'])).toBe('name: "a: b"')
  })
})

describe('renderTemplate: sections', () => {
  it('renders a section when the value is truthy and an inverted one when falsy', () => {
    const text = '{{#on}}yes{{/on}}{{^on}}no{{/on}}'
    expect(render(text, {on: true})).toBe('yes')
    expect(render(text, {on: false})).toBe('no')
    expect(render(text, {on: ''})).toBe('no')
    expect(render(text, {on: 0})).toBe('no')
    expect(render(text, {on: 'text'})).toBe('yes')
  })

  it('removes a section tag standing alone on its line, with the line', () => {
    const text = 'a: 1\n{{#on}}\nb: 2\n{{/on}}\nc: 3\n'
    expect(render(text, {on: true})).toBe('a: 1\nb: 2\nc: 3\n')
    expect(render(text, {on: false})).toBe('a: 1\nc: 3\n')
  })

  it('keeps indentation inside standalone sections and nests', () => {
    const text = 'list:\n  {{#a}}\n  - a\n    {{#b}}\n  - b\n    {{/b}}\n  {{/a}}\n  - c\n'
    expect(parse(render(text, {a: true, b: true}))).toEqual({list: ['a', 'b', 'c']})
    expect(parse(render(text, {a: true, b: false}))).toEqual({list: ['a', 'c']})
    expect(parse(render(text, {a: false, b: true}))).toEqual({list: ['c']})
  })

  it('reports an unclosed section at its opening tag', () => {
    const err = failure(() => render('x\n  {{#on}}\ny', {on: true}))
    expect(err.msg.key).toBe('template.render.unclosedSection')
    expect(err.location).toMatchObject({line: 2, col: 3})
  })

  it('reports a close tag that does not match', () => {
    const err = failure(() => render('{{#a}}x{{/b}}{{/a}}', {a: true, b: true}))
    expect(err.msg).toEqual({key: 'template.render.mismatchedClose', params: {name: 'b', expected: 'a'}})
    const stray = failure(() => render('x{{/a}}', {a: true}))
    expect(stray.msg.key).toBe('template.render.unexpectedClose')
  })
})

describe('renderTemplate: unknown names and safety', () => {
  it('locates an unknown placeholder at file:line:col and suggests the closest name', () => {
    const err = failure(() => render('name: ok\ntz: {{timezon | yaml}}\n', {timezone: 'UTC', name: 'x'}))
    expect(err.msg).toEqual({key: 'template.render.unknownParam', params: {name: 'timezon'}})
    expect(err.location).toEqual({file: 'files/x.yaml', line: 2, col: 5})
    expect(JSON.stringify(err.hint)).toContain('timezone')
    expect(err.exitCode).toBe(1)
  })

  it('collects every problem, in order, into details', () => {
    const err = failure(() => render('{{a}}\n{{b}} {{c}}', {}))
    expect((err.details as Array<{line: number; col: number}>).map((d) => [d.line, d.col])).toEqual([
      [1, 1],
      [2, 1],
      [2, 7],
    ])
  })

  it.each(['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__'])(
    'refuses %s as an unknown parameter',
    (name) => {
      const err = failure(() => render(`{{${name}}}`, {name: 'x'}))
      expect(err.msg.key).toBe('template.render.unknownParam')
      const section = failure(() => render(`{{#${name}}}x{{/${name}}}`, {name: 'x'}))
      expect(section.msg.key).toBe('template.render.unknownParam')
    },
  )

  it('has no dotted paths into values or prototypes', () => {
    for (const tag of ['{{name.length}}', '{{name.constructor}}', '{{constructor.constructor}}', '{{__proto__.polluted}}']) {
      expect(failure(() => render(tag, {name: 'x'})).msg.key).toBe('template.render.unknownParam')
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('refuses anything that is not in the grammar', () => {
    for (const tag of ['{{{name}}}', '{{name()}}', '{{> partial}}', '{{name | yaml | json}}', '{{!comment}}', '{{= <% %> =}}', '{{a b}}', '{{ }}']) {
      expect(failure(() => render(tag, {name: 'x', a: 'y'})).msg.key).toMatch(/^template\.render\./)
    }
  })

  it('reports a tag that is never closed', () => {
    const err = failure(() => render('ok\nname: {{name', {name: 'x'}))
    expect(err.msg.key).toBe('template.render.unclosedTag')
    expect(err.location).toMatchObject({line: 2, col: 7})
  })

  it('parseTemplate does not throw and returns every problem', () => {
    const {problems} = parseTemplate('{{x}} {{#y}}', {})
    expect(problems.map((p) => p.msg.key)).toEqual([
      'template.render.unknownParam',
      'template.render.unknownParam',
      'template.render.unclosedSection',
    ])
  })
})
