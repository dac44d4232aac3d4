import {describe, expect, it} from 'vitest'
import {CommopsError} from '../../src/errors.js'
import {expr as exprMessages} from '../../src/i18n/messages/expr.js'
import {
  ExprEvalError,
  ExprSyntaxError,
  MAX_DEPTH,
  MAX_EXPRESSION_LENGTH,
  collectReferences,
  evaluate,
  evaluateTemplate,
  findTemplates,
  parseExpression,
  parseTemplate,
  referencesIn,
  resolveDeep,
} from '../../src/playbook/expr.js'

const scope = {
  vars: {start: '2026-12-01', weeks: 4, zero: 0, empty: '', skipSurvey: false, list: ['md', 'ics'], nested: {a: {b: [10, {c: 'deep'}]}}, none: null},
  steps: {'onboarding-survey': {outputs: {count: 7}}, rules: {outputs: {}}},
  run: {date: '2026-01-31'},
  env: {HOME: '/home/x'},
  community: {name: 'Rust 中文社区'},
}

const ev = (source: string, s: Record<string, unknown> = scope): unknown => evaluate(parseExpression(source), s)

function syntaxError(source: string): ExprSyntaxError {
  try {
    if (source.includes('${{')) parseTemplate(source)
    else parseExpression(source)
  } catch (error) {
    expect(error).toBeInstanceOf(ExprSyntaxError)
    return error as ExprSyntaxError
  }
  throw new Error(`no syntax error for ${source}`)
}

function evalError(source: string, s: Record<string, unknown> = scope): ExprEvalError {
  try {
    ev(source, s)
  } catch (error) {
    expect(error).toBeInstanceOf(ExprEvalError)
    return error as ExprEvalError
  }
  throw new Error(`no eval error for ${source}`)
}

describe('literals', () => {
  it.each([
    ['42', 42],
    ['3.25', 3.25],
    ['1e3', 1000],
    ['-7', -7],
    ['- 2.5', -2.5],
    ["'single'", 'single'],
    ['"double"', 'double'],
    ["'it''s'", "it's"],
    [String.raw`'a\'b\\c\n\t\u4e2d'`, "a'b\\c\n\t中"],
    [String.raw`"say \"hi\""`, 'say "hi"'],
    ['true', true],
    ['false', false],
    ['null', null],
    ['(1)', 1],
  ])('%s', (source, value) => expect(ev(source)).toEqual(value))
})

describe('property paths', () => {
  it.each([
    ['vars.start', '2026-12-01'],
    ['vars.list[1]', 'ics'],
    ["vars['list'][0]", 'md'],
    ['vars.nested.a.b[1].c', 'deep'],
    ["steps['onboarding-survey'].outputs.count", 7],
    ['steps.onboarding-survey.outputs.count', 7],
    ['vars.list[vars.zero]', 'md'],
    ["vars.list['1']", 'ics'],
    ['community.name', 'Rust 中文社区'],
    ['vars.missing', null],
    ['vars.missing.deeper[3]', null],
    ['nothing', null],
    ['vars.list[5]', null],
    ['vars.list[-1]', null],
    ['vars.list[0.5]', null],
    ['vars.start.length', null],
    ['vars.list.length', null],
    ['vars.toString', null],
    ['vars.hasOwnProperty', null],
    ['vars.none', null],
  ])('%s', (source, value) => expect(ev(source)).toEqual(value))

  it('does not read inherited, accessor or function properties', () => {
    const getter = Object.defineProperty({}, 'x', {get: () => 'secret', enumerable: true})
    const hidden = Object.defineProperty({}, 'x', {value: 'hidden', enumerable: false})
    expect(ev('a.x', {a: Object.create({x: 'inherited'})})).toBeNull()
    expect(ev('a.x', {a: getter})).toBeNull()
    expect(ev('a.x', {a: hidden})).toBeNull()
    expect(ev('a.x', {a: {x: () => 1}})).toBeNull()
    expect(
      ev('a.x', {
        a: new (class {
          x = 1
        })(),
      }),
    ).toBeNull()
    expect(ev('a.x', {a: Object.assign(Object.create(null), {x: 1})})).toBe(1)
  })

  it.each(['vars.__proto__', 'vars.constructor', 'vars.prototype', "vars['__proto__']", "vars['constructor']", 'constructor', '__proto__.x'])(
    'refuses %s before running',
    (source) => expect(syntaxError(source).code).toBe('expr.forbiddenProperty'),
  )

  it('refuses a computed forbidden key at run time', () => {
    const error = evalError("vars[lower('CONSTRUCTOR')]")
    expect(error.code).toBe('expr.forbiddenProperty')
    expect(error.params).toEqual({name: 'constructor'})
    expect(evalError('vars[k]', {vars: {}, k: '__proto__'}).code).toBe('expr.forbiddenProperty')
  })
})

describe('operators', () => {
  it.each([
    ['1 == 1', true],
    ["'a' == 'a'", true],
    ["'a' == 'A'", false],
    ["4 == '4'", false],
    ['null == vars.missing', true],
    ['vars.list == fromJSON(\'["md","ics"]\')', true],
    ['vars.nested == fromJSON(\'{"a":{"b":[10,{"c":"deep"}]}}\')', true],
    ['1 != 2', true],
    ['vars.weeks != 0 && !vars.skipSurvey', true],
    ['!vars.empty', true],
    ['!vars.list', false],
    ["!fromJSON('[]')", false],
    ["!fromJSON('{}')", false],
    ['!vars.zero', true],
    ['!!vars.start', true],
    ['vars.start && vars.weeks', true],
    ['vars.empty || vars.zero', false],
    ['vars.empty || 1', true],
    ['true || false && false', true],
    ['(true || false) && false', false],
    ['!true == false', true],
    ['1 < 2', true],
    ['2 <= 2', true],
    ['3 > 2.5', true],
    ['-3 >= -2', false],
    ["vars.start < '2027-01-01'", true],
    ["addDays(vars.start, 30) >= '2026-12-31'", true],
    ["'b' > 'a'", true],
    ['1 < 2 == true', true],
  ])('%s', (source, value) => expect(ev(source)).toBe(value))

  it('short-circuits && and ||', () => {
    expect(ev("false && addDays('nope', 1)")).toBe(false)
    expect(ev("true || addDays('nope', 1)")).toBe(true)
  })

  it('refuses to compare values of different types', () => {
    const error = evalError('vars.start > 1')
    expect(error.code).toBe('expr.compare')
    expect(error.params).toEqual({op: '>', left: 'string', right: 'number'})
    expect([error.offset, error.length]).toEqual([0, 14])
    expect(evalError('vars.missing < 1').code).toBe('expr.compare')
  })
})

describe('functions', () => {
  it.each([
    ['addDays(run.date, 1)', '2026-02-01'],
    ["addDays('2024-02-28', 1)", '2024-02-29'],
    ["addDays('2026-03-29', -29)", '2026-02-28'],
    ["addWeeks('2026-12-01', 4)", '2026-12-29'],
    ["addDays('2026-03-28T10:00:00+01:00', 1)", '2026-03-29T10:00:00+01:00'],
    ["addDays('2026-03-28T10:00', 2)", '2026-03-30T10:00'],
    ["addWeeks('2026-10-20T23:30:00Z', 1)", '2026-10-27T23:30:00Z'],
    ["format('Week {0} of {1}', 2, vars.weeks)", 'Week 2 of 4'],
    ["format('{{literal}} {0}{0}', 'x')", '{literal} xx'],
    ["format('{0}|{1}', null, vars.list)", '|["md","ics"]'],
    ["contains('community', 'mun')", true],
    ["contains(vars.list, 'ics')", true],
    ["contains(vars.list, 'pdf')", false],
    ["contains(vars.missing, 'x')", false],
    ["startsWith(vars.start, '2026')", true],
    ["endsWith(env.HOME, '/x')", true],
    ['length(vars.list)', 2],
    ["length('中文😀')", 3],
    ['length(vars.nested)', 1],
    ['length(vars.missing)', 0],
    ["lower('ÀbC')", 'àbc'],
    ["upper('abc')", 'ABC'],
    ["join(vars.list, ', ')", 'md, ics'],
    ['join(vars.list)', 'md,ics'],
    ["join('one')", 'one'],
    ["default(vars.missing, 'fallback')", 'fallback'],
    ["default(vars.empty, 'fallback')", 'fallback'],
    ["default(vars.zero, 'fallback')", 0],
    ["default(vars.skipSurvey, 'fallback')", false],
    ['toJSON(vars.list)', '["md","ics"]'],
    ["toJSON('a')", '"a"'],
    ['toJSON(vars.missing)', 'null'],
    ['fromJSON(\'{"n": [1, 2]}\').n[1]', 2],
  ])('%s', (source, value) => expect(ev(source)).toEqual(value))

  it.each([
    ["addDays('2026-02-30', 1)", 'expr.date', 8, 12],
    ["addDays('next week', 1)", 'expr.date', 8, 11],
    ['addDays(vars.weeks, 1)', 'expr.type', 8, 10],
    ['addDays(vars.start, 1.5)', 'expr.type', 20, 3],
    ["addDays('9999-12-31', 1)", 'expr.dateRange', 0, 24],
    ["format('{2}', 1)", 'expr.formatIndex', 7, 5],
    ["format('{x}')", 'expr.format', 7, 5],
    ["format('}')", 'expr.format', 7, 3],
    ['lower(vars.list)', 'expr.type', 6, 9],
    ['length(3)', 'expr.type', 7, 1],
    ["fromJSON('{')", 'expr.json', 9, 3],
    ['fromJSON(1)', 'expr.type', 9, 1],
  ])('%s fails with %s at %i', (source, code, offset, length) => {
    const error = evalError(source)
    expect([error.code, error.offset, error.length]).toEqual([code, offset, length])
  })

  it('rejects unknown functions and wrong arity before running', () => {
    const unknown = syntaxError('${{ adddays(vars.start, 1) }}')
    expect([unknown.code, unknown.offset, unknown.length]).toEqual(['expr.unknownFunction', 4, 7])
    expect(unknown.params.suggestion).toBe('addDays')
    expect(syntaxError('toString()').code).toBe('expr.unknownFunction')
    expect(syntaxError('eval("1")').code).toBe('expr.unknownFunction')
    const arity = syntaxError("${{ addDays('2026-01-01') }}")
    expect([arity.code, arity.offset, arity.length, arity.params.expected]).toEqual(['expr.arity', 4, 21, '2'])
    expect(syntaxError('format()').params.expected).toBe('1+')
    expect(syntaxError('join(1, 2, 3)').params).toMatchObject({expected: '1-2', actual: 3})
  })
})

describe('syntax errors', () => {
  it.each([
    ['', 'expr.empty', 0, 0],
    ['vars.', 'expr.propertyName', 5, 0],
    ['vars.0', 'expr.propertyName', 5, 1],
    ['(vars.a', 'expr.unclosed', 7, 0],
    ['vars[0', 'expr.unclosed', 6, 0],
    ['(a b)', 'expr.expected', 3, 1],
    ['a b', 'expr.unexpectedToken', 2, 1],
    ['a ==', 'expr.unexpectedEnd', 4, 0],
    ['a = b', 'expr.unexpectedChar', 2, 1],
    ['a & b', 'expr.unexpectedChar', 2, 1],
    ["'open", 'expr.unterminatedString', 0, 5],
    [String.raw`'bad \q'`, 'expr.badEscape', 5, 2],
    ['1abc', 'expr.badNumber', 0, 4],
    ['1.2.3', 'expr.badNumber', 0, 5],
    ['1e999', 'expr.badNumber', 0, 5],
    ['- a', 'expr.unexpectedToken', 2, 1],
    ["'a'.length", 'expr.unexpectedToken', 3, 1],
    ['vars.x(1)', 'expr.unexpectedToken', 6, 1],
  ])('%j → %s at %i', (source, code, offset, length) => {
    let error: unknown
    try {
      parseExpression(source)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(ExprSyntaxError)
    const e = error as ExprSyntaxError
    expect([e.code, e.offset, e.length]).toEqual([code, offset, length])
  })

  it('adds the given offset to every position', () => {
    const error = syntaxError('title: ${{ vars.a == }} and more')
    expect([error.code, error.offset]).toEqual(['expr.unexpectedEnd', 21])
    expect(() => parseExpression('a b', 100)).toThrow(expect.objectContaining({offset: 102}))
  })

  it('limits length and nesting', () => {
    const long = syntaxError('a'.repeat(MAX_EXPRESSION_LENGTH + 5))
    expect([long.code, long.offset, long.length]).toEqual(['expr.tooLong', MAX_EXPRESSION_LENGTH, 5])
    expect(() => parseExpression('('.repeat(MAX_DEPTH) + '1' + ')'.repeat(MAX_DEPTH))).not.toThrow()
    const deep = syntaxError('('.repeat(MAX_DEPTH + 1) + '1' + ')'.repeat(MAX_DEPTH + 1))
    expect([deep.code, deep.offset]).toEqual(['expr.tooDeep', MAX_DEPTH])
    expect(syntaxError('!'.repeat(1000) + 'a').code).toBe('expr.tooDeep')
    expect(syntaxError('a' + '[a'.repeat(500) + ']'.repeat(500)).code).toBe('expr.tooDeep')
    expect(ev(Array.from({length: 240}, () => 'true').join(' && '))).toBe(true)
  })

  it('has English and Chinese text for every code', () => {
    const codes = [
      'expr.empty',
      'expr.unterminated',
      'expr.unterminatedString',
      'expr.badEscape',
      'expr.badNumber',
      'expr.unexpectedChar',
      'expr.unexpectedToken',
      'expr.unexpectedEnd',
      'expr.expected',
      'expr.unclosed',
      'expr.propertyName',
      'expr.forbiddenProperty',
      'expr.unknownFunction',
      'expr.arity',
      'expr.tooLong',
      'expr.tooDeep',
      'expr.type',
      'expr.compare',
      'expr.date',
      'expr.dateRange',
      'expr.format',
      'expr.formatIndex',
      'expr.json',
      'expr.cycle',
      'expr.internal',
    ]
    for (const code of codes) expect(exprMessages[code]).toEqual({en: expect.any(String), 'zh-CN': expect.any(String)})
    const error = syntaxError('foo()')
    expect(error.message).toBe('Unknown function `foo`')
    expect(error.msg).toEqual({key: 'expr.unknownFunction', params: error.params})
    expect(error).toBeInstanceOf(CommopsError)
    expect(error.hint).toEqual({key: 'expr.unknownFunction.hint', params: error.params})
    expect(error.code).toBe('expr.unknownFunction')
  })
})

describe('templates', () => {
  it('finds segments, skipping }} inside strings', () => {
    const text = "a ${{ format('}}', 1) }} b ${{x}}"
    expect(findTemplates(text)).toEqual([
      {start: 2, end: 24, source: " format('}}', 1) ", exprOffset: 5},
      {start: 27, end: 33, source: 'x', exprOffset: 30},
    ])
    expect(findTemplates('no templates, ${ { } }')).toEqual([])
  })

  it('reports an unterminated ${{ at its start', () => {
    const error = syntaxError('Week of ${{ vars.start }')
    expect([error.code, error.offset, error.length]).toEqual(['expr.unterminated', 8, 3])
    expect(syntaxError("x ${{ 'open }}").code).toBe('expr.unterminatedString')
    expect(syntaxError('${{ }}').code).toBe('expr.empty')
  })

  it('keeps the type of a lone expression', () => {
    const run = (text: string): unknown => evaluateTemplate(parseTemplate(text), scope)
    expect(run('${{ vars.weeks }}')).toBe(4)
    expect(run('${{vars.list}}')).toEqual(['md', 'ics'])
    expect(run('${{ vars.skipSurvey }}')).toBe(false)
    expect(run('${{ vars.missing }}')).toBeNull()
    expect(run(' ${{ vars.weeks }}')).toBe(' 4')
    expect(run('Week of ${{ vars.start }}')).toBe('Week of 2026-12-01')
    expect(run('${{ vars.weeks }}${{ vars.weeks }}')).toBe('44')
    expect(run('[${{ vars.missing }}] ${{ vars.list }} ${{ vars.nested.a }} ${{ true }}')).toBe('[] ["md","ics"] {"b":[10,{"c":"deep"}]} true')
    expect(run('plain')).toBe('plain')
    expect(run('')).toBe('')
  })

  it('resolves every string of a value, leaving keys alone', () => {
    const value = {
      '${{ key }}': '${{ vars.weeks }}',
      with: {from: '${{ vars.start }}', formats: ['md', 'x-${{ vars.list[1] }}'], n: 3, b: true, z: null},
    }
    expect(resolveDeep(value, scope)).toEqual({'${{ key }}': 4, with: {from: '2026-12-01', formats: ['md', 'x-ics'], n: 3, b: true, z: null}})
    expect(resolveDeep(JSON.parse('{"__proto__": "${{ vars.weeks }}"}'), scope)).toEqual(JSON.parse('{"__proto__": 4}'))
    expect(Object.getPrototypeOf(resolveDeep(JSON.parse('{"__proto__": {"x": 1}}'), scope))).toBe(Object.prototype)
  })

  it('says where a failing string is', () => {
    expect(() => resolveDeep({steps: [{due: "${{ addDays('x', 1) }}"}]}, scope)).toThrow(
      expect.objectContaining({code: 'expr.date', pointer: '/steps/0/due', offset: 12}),
    )
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(() => resolveDeep(cyclic, scope)).toThrow(expect.objectContaining({code: 'expr.cycle'}))
  })
})

describe('references', () => {
  it('collects every path with its position', () => {
    const refs = collectReferences(parseExpression("steps['a-b'].outputs.n[vars.k].x && format('{0}', env.HOME) || !vars.list[0]"))
    expect(refs).toEqual([
      {root: 'steps', path: ['a-b', 'outputs', 'n'], offset: 0, length: 22},
      {root: 'vars', path: ['k'], offset: 23, length: 6},
      {root: 'env', path: ['HOME'], offset: 50, length: 8},
      {root: 'vars', path: ['list', '0'], offset: 64, length: 12},
    ])
    expect(collectReferences(parseExpression("fromJSON('{}').a"))).toEqual([])
    expect(collectReferences(parseExpression('run'))).toEqual([{root: 'run', path: [], offset: 0, length: 3}])
  })

  it('finds references in a document with JSON pointers and template offsets', () => {
    const doc = {steps: [{with: {from: 'x ${{ vars.start }}', 'a/b~c': ['${{ steps.later.outputs.n }}']}}]}
    expect(referencesIn(doc)).toEqual([
      {pointer: '/steps/0/with/from', root: 'vars', path: ['start'], offset: 6, length: 10},
      {pointer: '/steps/0/with/a~1b~0c/0', root: 'steps', path: ['later', 'outputs', 'n'], offset: 4, length: 21},
    ])
  })

  it('hands syntax errors to a callback and goes on', () => {
    const errors: ExprSyntaxError[] = []
    const refs = referencesIn({a: '${{ vars. }}', b: '${{ foo() }}', c: '${{ vars.ok }}'}, (error) => errors.push(error))
    expect(errors.map((e) => [e.pointer, e.code])).toEqual([
      ['/a', 'expr.propertyName'],
      ['/b', 'expr.unknownFunction'],
    ])
    expect(refs.map((r) => r.path)).toEqual([['ok']])
    expect(() => referencesIn({a: '${{ vars. }}'})).toThrow(ExprSyntaxError)
  })
})
