/**
 * The playbook expression language: `${{ … }}` references, literals, comparisons, `&&`/`||`/`!` and a
 * whitelist of pure functions. Our own lexer, parser and tree-walking evaluator: no eval, no Function,
 * no vm, and a property path reads only own, enumerable data properties of plain objects and arrays.
 */
import {CommopsError} from '../errors.js'
import {expr as messages} from '../i18n/messages/expr.js'
import {closest} from '../schema/suggest.js'
import {FUNCTIONS, FunctionError, arityText, deepEqual, isPlainObject, isTruthy, toText, typeName} from './expr-functions.js'

export {isTruthy} from './expr-functions.js'

export const MAX_EXPRESSION_LENGTH = 2000
export const MAX_DEPTH = 64

interface Span {
  /** 0-based index into the string given to the parser (template text, or expression plus `offset`). */
  offset: number
  length: number
}

export type BinaryOp = '||' | '&&' | '==' | '!=' | '<' | '<=' | '>' | '>='

export type Expr = Span &
  (
    | {kind: 'literal'; value: string | number | boolean | null}
    | {kind: 'identifier'; name: string}
    | {kind: 'property'; object: Expr; name: string}
    | {kind: 'index'; object: Expr; index: Expr}
    | {kind: 'not'; operand: Expr}
    | {kind: 'binary'; op: BinaryOp; left: Expr; right: Expr}
    | {kind: 'call'; name: string; args: Expr[]}
  )

type Params = Record<string, unknown>

function english(code: string, params: Params): string {
  const template = Object.hasOwn(messages, code) ? messages[code].en : code
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole))
}

/** Base of both expression errors: a stable `code` (the i18n key), its `params`, and where in the source it happened. */
export class ExprError extends CommopsError {
  readonly params: Params
  readonly offset: number
  readonly length: number
  /** JSON pointer of the string holding the expression, set by `resolveDeep` and `referencesIn`. */
  pointer?: string

  constructor(code: string, params: Params, offset: number, length: number) {
    const hint = Object.hasOwn(messages, `${code}.hint`) ? {key: `${code}.hint`, params} : undefined
    super({key: code, params}, {code, hint, exitCode: 1, details: {offset, length}})
    this.message = english(code, params)
    this.params = params
    this.offset = offset
    this.length = length
  }
}

/** The expression or template text is malformed; found before anything runs. */
export class ExprSyntaxError extends ExprError {}

/** A well-formed expression failed on the values it met (e.g. `addDays` on a non-date). */
export class ExprEvalError extends ExprError {}

// ---------------------------------------------------------------- lexer

interface Token {
  type: 'num' | 'str' | 'ident' | 'punct' | 'eof'
  text: string
  value: string | number
  offset: number
  end: number
}

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '(', ')', '[', ']', '.', ',', '!', '<', '>', '-']
const IDENT = /[\p{L}_][\p{L}\p{N}_-]*/uy
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y
const NUMBER_TAIL = /[\p{L}\p{N}_.]*/uy
const SPACE = /\s/
const ESCAPES: Record<string, string> = {'\\': '\\', "'": "'", '"': '"', '/': '/', n: '\n', r: '\r', t: '\t', b: '\b', f: '\f'}
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

function syntax(code: string, params: Params, offset: number, length: number): ExprSyntaxError {
  return new ExprSyntaxError(code, params, offset, length)
}

function lexString(src: string, start: number, base: number): Token {
  const quote = src[start]
  let value = ''
  for (let j = start + 1; j < src.length; ) {
    const c = src[j]
    if (c === quote) {
      if (quote === "'" && src[j + 1] === "'") {
        value += "'"
        j += 2
        continue
      }
      return {type: 'str', text: src.slice(start, j + 1), value, offset: base + start, end: base + j + 1}
    }
    if (c !== '\\') {
      value += c
      j++
      continue
    }
    const e = src[j + 1]
    if (e === undefined) break
    if (Object.hasOwn(ESCAPES, e)) {
      value += ESCAPES[e]
      j += 2
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(j + 2, j + 6))) {
      value += String.fromCharCode(Number.parseInt(src.slice(j + 2, j + 6), 16))
      j += 6
    } else {
      throw syntax('expr.badEscape', {escape: `\\${e}`}, base + j, 2)
    }
  }
  throw syntax('expr.unterminatedString', {}, base + start, src.length - start)
}

function lex(src: string, base: number): Token[] {
  const tokens: Token[] = []
  let i = 0
  for (;;) {
    while (i < src.length && SPACE.test(src[i])) i++
    if (i >= src.length) {
      tokens.push({type: 'eof', text: '', value: '', offset: base + i, end: base + i})
      return tokens
    }
    const c = src[i]
    let token: Token | undefined
    if (c === '"' || c === "'") {
      token = lexString(src, i, base)
    } else if (c >= '0' && c <= '9') {
      token = lexNumber(src, i, base)
    } else {
      IDENT.lastIndex = i
      const ident = IDENT.exec(src)
      if (ident) {
        token = {type: 'ident', text: ident[0], value: ident[0], offset: base + i, end: base + i + ident[0].length}
      } else {
        const punct = PUNCT.find(p => src.startsWith(p, i))
        if (!punct) {
          const char = String.fromCodePoint(src.codePointAt(i) ?? 0)
          throw syntax('expr.unexpectedChar', {char}, base + i, char.length)
        }
        token = {type: 'punct', text: punct, value: punct, offset: base + i, end: base + i + punct.length}
      }
    }
    tokens.push(token)
    i = token.end - base
  }
}

function lexNumber(src: string, i: number, base: number): Token {
  NUMBER.lastIndex = i
  const text = NUMBER.exec(src)?.[0] ?? ''
  NUMBER_TAIL.lastIndex = i + text.length
  const tail = NUMBER_TAIL.exec(src)?.[0] ?? ''
  const value = Number(text)
  if (tail !== '' || !Number.isFinite(value)) {
    throw syntax('expr.badNumber', {text: text + tail}, base + i, text.length + tail.length)
  }
  return {type: 'num', text, value, offset: base + i, end: base + i + text.length}
}

// ---------------------------------------------------------------- parser

const COMPARISON = new Set(['<', '<=', '>', '>='])
const EQUALITY = new Set(['==', '!='])
const CLOSE: Record<string, string> = {'(': ')', '[': ']'}

class Parser {
  private i = 0
  private depth = 0

  constructor(private readonly tokens: Token[]) {}

  parse(): Expr {
    const first = this.peek()
    if (first.type === 'eof') throw syntax('expr.empty', {}, first.offset, 0)
    const expr = this.binary(0)
    const rest = this.peek()
    if (rest.type !== 'eof') throw this.unexpected(rest)
    return expr
  }

  private peek(): Token {
    return this.tokens[this.i]
  }

  private next(): Token {
    const token = this.tokens[this.i]
    if (token.type !== 'eof') this.i++
    return token
  }

  private isPunct(text: string): boolean {
    const token = this.peek()
    return token.type === 'punct' && token.text === text
  }

  private unexpected(token: Token): ExprSyntaxError {
    if (token.type === 'eof') return syntax('expr.unexpectedEnd', {}, token.offset, 0)
    return syntax('expr.unexpectedToken', {token: token.text}, token.offset, token.end - token.offset)
  }

  private enter(token: Token): void {
    if (++this.depth > MAX_DEPTH) throw syntax('expr.tooDeep', {max: MAX_DEPTH}, token.offset, token.end - token.offset)
  }

  private close(open: Token): Token {
    const close = CLOSE[open.text]
    const token = this.peek()
    if (token.type === 'punct' && token.text === close) {
      this.depth--
      return this.next()
    }
    if (token.type === 'eof') throw syntax('expr.unclosed', {open: open.text, close}, token.offset, 0)
    throw syntax('expr.expected', {expected: close, token: token.text}, token.offset, token.end - token.offset)
  }

  /** Precedence climbing over the four binary levels: `||`, `&&`, equality, comparison. */
  private binary(level: number): Expr {
    if (level === 4) return this.unary()
    let left = this.binary(level + 1)
    for (;;) {
      const token = this.peek()
      const op = token.type === 'punct' ? token.text : ''
      const matches = [op === '||', op === '&&', EQUALITY.has(op), COMPARISON.has(op)][level]
      if (!matches) return left
      this.next()
      const right = this.binary(level + 1)
      left = {kind: 'binary', op: op as BinaryOp, left, right, offset: left.offset, length: end(right) - left.offset}
    }
  }

  private unary(): Expr {
    const token = this.peek()
    if (this.isPunct('!')) {
      this.next()
      this.enter(token)
      const operand = this.unary()
      this.depth--
      return {kind: 'not', operand, offset: token.offset, length: end(operand) - token.offset}
    }
    if (this.isPunct('-')) {
      this.next()
      const number = this.next()
      if (number.type !== 'num') throw this.unexpected(number)
      return {kind: 'literal', value: -(number.value as number), offset: token.offset, length: number.end - token.offset}
    }
    return this.postfix()
  }

  private postfix(): Expr {
    let expr = this.primary()
    if (expr.kind === 'literal') return expr
    for (;;) {
      const token = this.peek()
      if (this.isPunct('.')) {
        this.next()
        const name = this.next()
        if (name.type !== 'ident') {
          const shown = name.type === 'eof' ? '' : name.text
          throw syntax('expr.propertyName', {token: shown}, name.offset, name.end - name.offset)
        }
        checkName(name.text, name)
        expr = {kind: 'property', object: expr, name: name.text, offset: expr.offset, length: name.end - expr.offset}
      } else if (this.isPunct('[')) {
        this.next()
        this.enter(token)
        const index = this.binary(0)
        const close = this.close(token)
        if (index.kind === 'literal' && typeof index.value === 'string') checkName(index.value, index)
        expr = {kind: 'index', object: expr, index, offset: expr.offset, length: close.end - expr.offset}
      } else {
        return expr
      }
    }
  }

  private primary(): Expr {
    const token = this.next()
    const span = {offset: token.offset, length: token.end - token.offset}
    if (token.type === 'num' || token.type === 'str') return {kind: 'literal', value: token.value, ...span}
    if (token.type === 'ident') {
      if (token.text === 'true' || token.text === 'false') return {kind: 'literal', value: token.text === 'true', ...span}
      if (token.text === 'null') return {kind: 'literal', value: null, ...span}
      if (this.isPunct('(')) return this.call(token)
      checkName(token.text, token)
      return {kind: 'identifier', name: token.text, ...span}
    }
    if (token.type === 'punct' && token.text === '(') {
      this.enter(token)
      const inner = this.binary(0)
      this.close(token)
      return inner
    }
    throw this.unexpected(token)
  }

  private call(name: Token): Expr {
    const spec = FUNCTIONS.get(name.text)
    if (!spec) throw unknownFunction(name.text, name.offset, name.end - name.offset, ExprSyntaxError)
    const open = this.next()
    this.enter(open)
    const args: Expr[] = []
    if (!this.isPunct(')')) {
      args.push(this.binary(0))
      while (this.isPunct(',')) {
        this.next()
        args.push(this.binary(0))
      }
    }
    const close = this.close(open)
    const node: Expr = {kind: 'call', name: name.text, args, offset: name.offset, length: close.end - name.offset}
    if (args.length < spec.min || args.length > spec.max) {
      throw syntax('expr.arity', {name: name.text, expected: arityText(spec), actual: args.length}, node.offset, node.length)
    }
    return node
  }
}

function unknownFunction(name: string, offset: number, length: number, Kind: typeof ExprError): ExprError {
  const known = [...FUNCTIONS.keys()]
  return new Kind('expr.unknownFunction', {name, known: known.join(', '), suggestion: closest(name, known) ?? ''}, offset, length)
}

function checkName(name: string, at: {offset: number; length?: number; end?: number}): void {
  if (!FORBIDDEN.has(name)) return
  const length = at.length ?? (at.end ?? at.offset) - at.offset
  throw syntax('expr.forbiddenProperty', {name}, at.offset, length)
}

function end(node: Span): number {
  return node.offset + node.length
}

/** Parses one expression (the text inside `${{ }}`); `offset` is added to every position reported. */
export function parseExpression(source: string, offset = 0): Expr {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw syntax('expr.tooLong', {max: MAX_EXPRESSION_LENGTH, length: source.length}, offset + MAX_EXPRESSION_LENGTH, source.length - MAX_EXPRESSION_LENGTH)
  }
  return new Parser(lex(source, offset)).parse()
}

// ---------------------------------------------------------------- evaluator

const INDEX = /^(?:0|[1-9]\d*)$/

/** An own, enumerable data property; anything else (accessors, inherited, functions) reads as null. */
function own(object: object, key: string): unknown {
  const descriptor = Object.getOwnPropertyDescriptor(object, key)
  if (!descriptor || !descriptor.enumerable || !('value' in descriptor)) return null
  const value: unknown = descriptor.value
  return value === undefined || typeof value === 'function' || typeof value === 'symbol' ? null : value
}

function read(object: unknown, key: unknown, node: Expr): unknown {
  if (typeof key === 'string' && FORBIDDEN.has(key)) {
    throw new ExprEvalError('expr.forbiddenProperty', {name: key}, node.offset, node.length)
  }
  if (Array.isArray(object)) {
    const index = typeof key === 'string' && INDEX.test(key) ? Number(key) : key
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= object.length) return null
    return own(object, String(index))
  }
  if (!isPlainObject(object) || (typeof key !== 'string' && typeof key !== 'number')) return null
  return own(object, String(key))
}

function compare(op: BinaryOp, left: unknown, right: unknown, node: Expr): boolean {
  let order: number
  if (typeof left === 'number' && typeof right === 'number') {
    if (Number.isNaN(left) || Number.isNaN(right)) return false
    order = left - right
  } else if (typeof left === 'string' && typeof right === 'string') {
    order = left < right ? -1 : left > right ? 1 : 0
  } else {
    throw new ExprEvalError('expr.compare', {op, left: typeName(left), right: typeName(right)}, node.offset, node.length)
  }
  return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0
}

function call(node: Extract<Expr, {kind: 'call'}>, scope: Record<string, unknown>): unknown {
  const spec = FUNCTIONS.get(node.name)
  if (!spec) throw unknownFunction(node.name, node.offset, node.name.length, ExprEvalError)
  if (node.args.length < spec.min || node.args.length > spec.max) {
    throw new ExprEvalError('expr.arity', {name: node.name, expected: arityText(spec), actual: node.args.length}, node.offset, node.length)
  }
  const args = node.args.map(arg => run(arg, scope))
  try {
    return spec.call(args, node.name) ?? null
  } catch (error) {
    if (!(error instanceof FunctionError)) throw error
    const at = error.arg === undefined ? node : node.args[error.arg] ?? node
    throw new ExprEvalError(error.code, error.params, at.offset, at.length)
  }
}

function run(node: Expr, scope: Record<string, unknown>): unknown {
  switch (node.kind) {
    case 'literal':
      return node.value
    case 'identifier':
      if (FORBIDDEN.has(node.name)) return read({}, node.name, node)
      return own(scope, node.name)
    case 'property':
      return read(run(node.object, scope), node.name, node)
    case 'index':
      return read(run(node.object, scope), run(node.index, scope), node)
    case 'not':
      return !isTruthy(run(node.operand, scope))
    case 'call':
      return call(node, scope)
    case 'binary': {
      const left = run(node.left, scope)
      switch (node.op) {
        case '&&':
          return isTruthy(left) && isTruthy(run(node.right, scope))
        case '||':
          return isTruthy(left) || isTruthy(run(node.right, scope))
        case '==':
          return deepEqual(left, run(node.right, scope))
        case '!=':
          return !deepEqual(left, run(node.right, scope))
        default:
          return compare(node.op, left, run(node.right, scope), node)
      }
    }
  }
}

function guarded<T>(node: Span, action: () => T): T {
  try {
    return action()
  } catch (error) {
    if (error instanceof ExprEvalError) throw error
    if (error instanceof FunctionError) throw new ExprEvalError(error.code, error.params, node.offset, node.length)
    const message = error instanceof Error ? error.message : String(error)
    throw new ExprEvalError('expr.internal', {message}, node.offset, node.length)
  }
}

/** Evaluates a parsed expression; a missing property is null; failures are always ExprEvalError. */
export function evaluate(expr: Expr, scope: Record<string, unknown>): unknown {
  return guarded(expr, () => run(expr, scope))
}

// ---------------------------------------------------------------- templates

/** One `${{ … }}` in a string: `start`/`end` around the braces, `source` between them, starting at `exprOffset`. */
export interface TemplateSegment {
  start: number
  end: number
  source: string
  exprOffset: number
}

/** A string split into literal text and expressions. */
export interface Template {
  parts: Array<string | Expr>
}

/** Finds the `${{ … }}` segments of a string; `}}` inside a quoted string does not close one. */
export function findTemplates(text: string): TemplateSegment[] {
  const segments: TemplateSegment[] = []
  for (let start = text.indexOf('${{'); start !== -1; ) {
    let quote = ''
    let quoteAt = -1
    let close = -1
    for (let j = start + 3; j < text.length && close === -1; j++) {
      const c = text[j]
      if (quote) {
        if (c === '\\') j++
        else if (c === quote) quote = ''
      } else if (c === "'" || c === '"') {
        quote = c
        quoteAt = j
      } else if (c === '}' && text[j + 1] === '}') {
        close = j
      }
    }
    if (close === -1) {
      if (quote) throw syntax('expr.unterminatedString', {}, quoteAt, text.length - quoteAt)
      throw syntax('expr.unterminated', {}, start, 3)
    }
    segments.push({start, end: close + 2, source: text.slice(start + 3, close), exprOffset: start + 3})
    start = text.indexOf('${{', close + 2)
  }
  return segments
}

/** Parses every `${{ … }}` of a string; positions in errors and nodes index into `text`. */
export function parseTemplate(text: string): Template {
  const parts: Array<string | Expr> = []
  let last = 0
  for (const segment of findTemplates(text)) {
    if (segment.start > last) parts.push(text.slice(last, segment.start))
    parts.push(parseExpression(segment.source, segment.exprOffset))
    last = segment.end
  }
  if (last < text.length) parts.push(text.slice(last))
  return {parts}
}

/** A lone `${{ expr }}` keeps its type (number, array…); anything else interpolates to a string. */
export function evaluateTemplate(template: Template, scope: Record<string, unknown>): unknown {
  const [first] = template.parts
  if (template.parts.length === 1 && typeof first !== 'string') return evaluate(first, scope)
  return template.parts
    .map(part => (typeof part === 'string' ? part : guarded(part, () => toText(evaluate(part, scope)))))
    .join('')
}

function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map(key => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

function walk(value: unknown, path: Array<string | number>, seen: Set<object>, visit: (text: string, path: Array<string | number>) => unknown): unknown {
  if (typeof value === 'string') return value.includes('${{') ? visit(value, path) : value
  if (typeof value !== 'object' || value === null) return value
  if (seen.has(value)) throw new ExprEvalError('expr.cycle', {pointer: pointerOf(path)}, 0, 0)
  seen.add(value)
  let result: unknown = value
  if (Array.isArray(value)) {
    result = value.map((item, i) => walk(item, [...path, i], seen, visit))
  } else if (isPlainObject(value)) {
    result = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...path, k], seen, visit)]))
  }
  seen.delete(value)
  return result
}

function located<T>(path: Array<string | number>, action: () => T): T {
  try {
    return action()
  } catch (error) {
    if (error instanceof ExprError) error.pointer ??= pointerOf(path)
    throw error
  }
}

/** Returns a copy of a YAML-derived value with every template in its strings evaluated (keys are left alone). */
export function resolveDeep(value: unknown, scope: Record<string, unknown>): unknown {
  return walk(value, [], new Set(), (text, path) => located(path, () => evaluateTemplate(parseTemplate(text), scope)))
}

// ---------------------------------------------------------------- static analysis

/** A property path an expression reads: `steps['a-b'].outputs.n` → root `steps`, path `['a-b', 'outputs', 'n']`. */
export interface Reference {
  root: string
  path: string[]
  offset: number
  length: number
}

/** Every path an expression reads, for the validator; a computed index (`vars[vars.k]`) ends the path there. */
export function collectReferences(expr: Expr): Reference[] {
  const refs: Reference[] = []
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case 'literal':
        return
      case 'not':
        return visit(node.operand)
      case 'binary':
        visit(node.left)
        return visit(node.right)
      case 'call':
        return node.args.forEach(visit)
      default:
        return chain(node)
    }
  }
  const chain = (node: Expr): void => {
    const links: Expr[] = []
    let base = node
    while (base.kind === 'property' || base.kind === 'index') {
      links.unshift(base)
      base = base.object
    }
    if (base.kind !== 'identifier') visit(base)
    const ref: Reference | undefined = base.kind === 'identifier' ? {root: base.name, path: [], offset: base.offset, length: base.length} : undefined
    let open = true
    for (const link of links) {
      if (link.kind === 'index') visit(link.index)
      const key = link.kind === 'property' ? link.name : link.kind === 'index' && link.index.kind === 'literal' ? link.index.value : null
      open &&= typeof key === 'string' || typeof key === 'number'
      if (ref && open) {
        ref.path.push(String(key))
        ref.length = end(link) - ref.offset
      }
    }
    if (ref) refs.push(ref)
  }
  visit(expr)
  return refs.sort((a, b) => a.offset - b.offset)
}

/** A reference found in a YAML-derived value: `pointer` is the JSON pointer of the string holding it. */
export interface LocatedReference extends Reference {
  pointer: string
}

/** Every reference in every template string of a value; syntax errors go to `onError` (thrown without it). */
export function referencesIn(value: unknown, onError?: (error: ExprSyntaxError) => void): LocatedReference[] {
  const refs: LocatedReference[] = []
  const visit = (text: string, path: Array<string | number>): void => {
    const pointer = pointerOf(path)
    try {
      for (const part of parseTemplate(text).parts) {
        if (typeof part !== 'string') refs.push(...collectReferences(part).map(ref => ({pointer, ...ref})))
      }
    } catch (error) {
      if (error instanceof ExprError) error.pointer ??= pointer
      if (!(error instanceof ExprSyntaxError) || !onError) throw error
      onError(error)
    }
  }
  walk(value, [], new Set(), visit)
  return refs
}
