import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {
  ExprEvalError,
  ExprSyntaxError,
  collectReferences,
  evaluate,
  evaluateTemplate,
  parseExpression,
  parseTemplate,
  type Expr,
} from '../../src/playbook/expr.js'

const RUNS = {numRuns: 1000}

/** Either parses, or throws an ExprSyntaxError whose span lies inside the input. */
function parsesOrFailsInside(parse: () => unknown, base: number, length: number): void {
  try {
    parse()
  } catch (error) {
    expect(error).toBeInstanceOf(ExprSyntaxError)
    const e = error as ExprSyntaxError
    expect(e.offset).toBeGreaterThanOrEqual(base)
    expect(e.length).toBeGreaterThanOrEqual(0)
    expect(e.offset + e.length).toBeLessThanOrEqual(base + length)
    expect(typeof e.code).toBe('string')
  }
}

/** Either returns a value, or throws an ExprEvalError that is not an internal failure. */
function evaluatesOrFailsCleanly(run: () => unknown): unknown {
  try {
    return run()
  } catch (error) {
    expect(error).toBeInstanceOf(ExprEvalError)
    expect((error as ExprEvalError).code).not.toBe('expr.internal')
    return undefined
  }
}

const TOKENS = [
  '${{',
  '}}',
  '${{ ',
  ' }}',
  '{',
  '}',
  '$',
  '(',
  ')',
  '[',
  ']',
  "'",
  '"',
  '\\',
  "''",
  '.',
  ',',
  '!',
  '-',
  '=',
  '==',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '&&',
  '||',
  '&',
  '|',
  ' ',
  '\n',
  'vars',
  'vars.',
  'steps',
  'steps.my-step',
  'run.date',
  'env',
  '__proto__',
  'constructor',
  'prototype',
  'true',
  'false',
  'null',
  '0',
  '1',
  '42',
  '-7',
  '3.5',
  '1e3',
  '1e999',
  '.5',
  'addDays(',
  'addWeeks(',
  'format(',
  "'{0}'",
  'contains(',
  'length(',
  'join(',
  'default(',
  'toJSON(',
  'fromJSON(',
  'lower(',
  'upper(',
  'startsWith(',
  'endsWith(',
  'foo(',
  'x',
  '中文',
  '😀',
  '\u0000',
  '\ud800',
  "'2026-12-01'",
  '\\u12',
]
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), {maxLength: 40}).map((parts) => parts.join(''))
const anyString = fc.oneof(
  fc.string(),
  fc.string({unit: 'binary'}),
  fc.string({unit: 'grapheme'}),
  fc.string({unit: fc.integer({min: 0, max: 0xffff}).map((code) => String.fromCharCode(code))}),
  tokenSoup,
  tokenSoup.map((s) => `\${{ ${s} }}`),
)

describe('parsing arbitrary input', () => {
  it('parseExpression succeeds or throws ExprSyntaxError inside the input', () => {
    fc.assert(
      fc.property(anyString, fc.nat(1000), (source, base) => {
        parsesOrFailsInside(() => parseExpression(source), 0, source.length)
        parsesOrFailsInside(() => parseExpression(source, base), base, source.length)
      }),
      RUNS,
    )
  })

  it('parseTemplate succeeds or throws ExprSyntaxError inside the input', () => {
    fc.assert(
      fc.property(anyString, (text) => parsesOrFailsInside(() => parseTemplate(text), 0, text.length)),
      RUNS,
    )
  })

  it('references found in parsed input point inside it', () => {
    fc.assert(
      fc.property(tokenSoup, (source) => {
        let expr: Expr
        try {
          expr = parseExpression(source)
        } catch {
          return
        }
        for (const ref of collectReferences(expr)) {
          expect(ref.offset).toBeGreaterThanOrEqual(0)
          expect(ref.offset + ref.length).toBeLessThanOrEqual(source.length)
          expect(source.slice(ref.offset, ref.offset + ref.length).startsWith(ref.root)).toBe(true)
        }
      }),
      RUNS,
    )
  })
})

// ---------------------------------------------------------------- generated valid expressions

interface Gen {
  src: string
  value: unknown
}

const fixture = {
  vars: {n: 3, s: 'Hello', list: ['a', 'b'], flag: true, zero: 0, empty: '', none: null},
  steps: {'my-step': {outputs: {count: 5, names: ['x', 'y']}}},
}

const truthy = (v: unknown): boolean => !(v === null || v === false || v === 0 || v === '')
const text = (v: unknown): string => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v)) // eslint-disable-line @typescript-eslint/no-base-to-string -- objects are handled above
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b)

function quote(s: string, single: boolean): string {
  if (!single) return JSON.stringify(s)
  return `'${s.replaceAll('\\', '\\\\').replaceAll("'", single && s.length % 2 ? "''" : "\\'")}'`
}

const numLeaf: fc.Arbitrary<Gen> = fc.oneof(
  fc
    .double({noNaN: true, noDefaultInfinity: true})
    .map((x) => (x === 0 ? 0 : x))
    .map((x) => ({src: String(x), value: x})),
  fc.integer().map((x) => ({src: String(x), value: x === 0 ? 0 : x})),
  fc.constantFrom<Gen>({src: 'vars.n', value: 3}, {src: "vars['zero']", value: 0}, {src: 'steps.my-step.outputs.count', value: 5}),
)
const strLeaf: fc.Arbitrary<Gen> = fc.oneof(
  fc
    .tuple(fc.string({unit: fc.constantFrom('a', 'B', "'", '"', '\\', '{', '}', '中', '😀', '\n', ' ')}), fc.boolean())
    .map(([s, single]) => ({src: quote(s, single), value: s})),
  fc.tuple(fc.string({unit: 'binary'}), fc.boolean()).map(([s, single]) => ({src: quote(s, single), value: s})),
  fc.constantFrom<Gen>({src: 'vars.s', value: 'Hello'}, {src: 'vars.empty', value: ''}, {src: "steps['my-step'].outputs.names[1]", value: 'y'}),
)
const otherLeaf: fc.Arbitrary<Gen> = fc.constantFrom<Gen>(
  {src: 'null', value: null},
  {src: 'vars.none', value: null},
  {src: 'vars.missing.deeper', value: null},
  {src: 'vars.list', value: ['a', 'b']},
  {src: 'true', value: true},
  {src: 'false', value: false},
  {src: 'vars.flag', value: true},
)

const nothing = fc.constantFrom<Gen>({src: 'null', value: null}, {src: 'vars.missing', value: null})
const p = (g: Gen): string => `(${g.src})`
const memo = new Map<string, fc.Arbitrary<Gen>>()
function cached(key: string, depth: number, build: () => fc.Arbitrary<Gen>): fc.Arbitrary<Gen> {
  const id = `${key}${depth}`
  if (!memo.has(id)) memo.set(id, build())
  return memo.get(id)!
}

function num(d: number): fc.Arbitrary<Gen> {
  return cached('num', d, () =>
    d === 0
      ? numLeaf
      : fc.oneof(
          numLeaf,
          str(d - 1).map((s) => ({src: `length(${s.src})`, value: [...(s.value as string)].length})),
        ),
  )
}

function str(d: number): fc.Arbitrary<Gen> {
  return cached('str', d, () => {
    if (d === 0) return strLeaf
    const s = str(d - 1)
    const a = any(d - 1)
    return fc.oneof(
      strLeaf,
      s.map((x) => ({src: `lower(${x.src})`, value: (x.value as string).toLowerCase()})),
      s.map((x) => ({src: `upper(${x.src})`, value: (x.value as string).toUpperCase()})),
      fc.tuple(a, a).map(([x, y]) => ({src: `format('<{1}|{0}>', ${x.src}, ${y.src})`, value: `<${text(y.value)}|${text(x.value)}>`})),
      fc
        .tuple(fc.oneof(s, nothing), s)
        .map(([x, y]) => ({src: `default(${x.src}, ${y.src})`, value: x.value === null || x.value === '' ? y.value : x.value})),
      s.map((x) => ({src: `join(vars.list, ${x.src})`, value: `a${x.value as string}b`})),
      a.map((x) => ({src: `toJSON(${x.src})`, value: JSON.stringify(x.value)})),
    )
  })
}

function bool(d: number): fc.Arbitrary<Gen> {
  return cached('bool', d, () => {
    const leaf = otherLeaf.filter((g) => typeof g.value === 'boolean')
    if (d === 0) return leaf
    const a = any(d - 1)
    const n = num(d - 1)
    const s = str(d - 1)
    const cmp = fc.constantFrom('<', '<=', '>', '>=')
    const order = (op: string, x: never, y: never): boolean => (op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y)
    return fc.oneof(
      leaf,
      a.map((x) => ({src: `!${p(x)}`, value: !truthy(x.value)})),
      fc.tuple(a, a).map(([x, y]) => ({src: `${p(x)} && ${p(y)}`, value: truthy(x.value) && truthy(y.value)})),
      fc.tuple(a, a).map(([x, y]) => ({src: `${p(x)} || ${p(y)}`, value: truthy(x.value) || truthy(y.value)})),
      fc.tuple(a, a).map(([x, y]) => ({src: `${p(x)} == ${p(y)}`, value: same(x.value, y.value)})),
      fc.tuple(a, a).map(([x, y]) => ({src: `${p(x)} != ${p(y)}`, value: !same(x.value, y.value)})),
      fc.tuple(n, cmp, n).map(([x, op, y]) => ({src: `${p(x)} ${op} ${p(y)}`, value: order(op, x.value as never, y.value as never)})),
      fc.tuple(s, cmp, s).map(([x, op, y]) => ({src: `${p(x)} ${op} ${p(y)}`, value: order(op, x.value as never, y.value as never)})),
      fc.tuple(s, s).map(([x, y]) => ({src: `contains(${x.src}, ${y.src})`, value: (x.value as string).includes(y.value as string)})),
      fc.tuple(s, s).map(([x, y]) => ({src: `startsWith(${x.src}, ${y.src})`, value: (x.value as string).startsWith(y.value as string)})),
      fc.tuple(s, s).map(([x, y]) => ({src: `endsWith(${x.src}, ${y.src})`, value: (x.value as string).endsWith(y.value as string)})),
    )
  })
}

function any(d: number): fc.Arbitrary<Gen> {
  return cached('any', d, () => fc.oneof(num(d), str(d), bool(d), otherLeaf))
}

describe('generated expressions', () => {
  it('evaluate to the value of a reference model', () => {
    fc.assert(
      fc.property(any(3), (g) => {
        expect(evaluate(parseExpression(g.src), fixture)).toEqual(g.value)
        expect(evaluateTemplate(parseTemplate(`\${{ ${g.src} }}`), fixture)).toEqual(g.value)
        expect(evaluateTemplate(parseTemplate(`[\${{${g.src}}}]`), fixture)).toBe(`[${text(g.value)}]`)
      }),
      RUNS,
    )
  })
})

// ---------------------------------------------------------------- hostile scopes

const hostileValue = fc.anything({
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  withBigInt: true,
  withNullPrototype: true,
  withObjectString: true,
  key: fc.oneof(fc.string(), fc.constantFrom('a', 'b', '0', '__proto__', 'constructor', 'prototype', 'toString', 'length')),
})
const hostileScope = fc.record({vars: hostileValue, steps: hostileValue, k: hostileValue})
const NAMES = [
  'a',
  'b',
  '0',
  'length',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'call',
  'apply',
  'bind',
  'caller',
  '__proto__',
  'constructor',
  'prototype',
]
const segment = fc.oneof(
  fc.constantFrom(...NAMES.filter((name) => name !== '0')).map((name) => `.${name}`),
  fc.constantFrom(...NAMES).map((name) => `['${name}']`),
  fc.nat(3).map((i) => `[${i}]`),
  fc.constantFrom('[k]', '[vars]', "[lower('CONSTRUCTOR')]", "[format('__{0}__', 'proto')]", '[fromJSON(\'"prototype"\')]'),
)
const hostilePath = fc
  .tuple(fc.constantFrom('vars', 'steps', 'k', 'missing', 'fromJSON(\'{"__proto__": {"a": 1}, "a": [1]}\')'), fc.array(segment, {maxLength: 5}))
  .map(([root, segments]) => root + segments.join(''))
const FN_NAMES = [
  'addDays',
  'addWeeks',
  'format',
  'contains',
  'startsWith',
  'endsWith',
  'length',
  'lower',
  'upper',
  'join',
  'default',
  'toJSON',
  'fromJSON',
]
const hostileExpr = fc.oneof(
  hostilePath,
  fc.tuple(fc.constantFrom(...FN_NAMES), fc.array(hostilePath, {minLength: 1, maxLength: 3})).map(([fn, args]) => `${fn}(${args.join(', ')})`),
  fc.tuple(hostilePath, fc.constantFrom('==', '!=', '<', '<=', '>', '>=', '&&', '||'), hostilePath).map((parts) => parts.join(' ')),
  hostilePath.map((path) => `!${path}`),
  tokenSoup,
)
const PROTOTYPES = new Set<unknown>([Object.prototype, Array.prototype, Function.prototype, String.prototype, Map.prototype, Date.prototype])

describe('evaluation on hostile scopes', () => {
  it('throws nothing but ExprEvalError', () => {
    fc.assert(
      fc.property(hostileExpr, hostileScope, (source, scope) => {
        let expr: Expr
        try {
          expr = parseExpression(source)
        } catch (error) {
          expect(error).toBeInstanceOf(ExprSyntaxError)
          return
        }
        evaluatesOrFailsCleanly(() => evaluate(expr, scope))
        evaluatesOrFailsCleanly(() => evaluateTemplate(parseTemplate(`x \${{ ${source} }}`), scope))
      }),
      RUNS,
    )
  })

  it('never hands out a function or a built-in prototype', () => {
    fc.assert(
      fc.property(hostilePath, hostileScope, (source, scope) => {
        let expr: Expr
        try {
          expr = parseExpression(source)
        } catch (error) {
          expect((error as ExprSyntaxError).code).toBe('expr.forbiddenProperty')
          return
        }
        const value = evaluatesOrFailsCleanly(() => evaluate(expr, scope))
        expect(typeof value).not.toBe('function')
        expect(PROTOTYPES.has(value)).toBe(false)
      }),
      RUNS,
    )
  })

  it('never leaves Object.prototype polluted', () => {
    fc.assert(
      fc.property(hostileExpr, hostileScope, (source, scope) => {
        try {
          evaluate(parseExpression(source), scope)
        } catch {
          // only the prototype matters here
        }
        expect(Object.keys(Object.prototype)).toEqual([])
        expect(({} as Record<string, unknown>).a).toBeUndefined()
      }),
      {numRuns: 300},
    )
  })
})
