/**
 * The syntax of playbook expressions: their tree, their errors, and our own lexer and parser
 * (no eval, no Function, no vm). Evaluation, templates and references are in expr.ts.
 */
import {CommopsError} from '../errors.js'
import {expr as messages} from '../i18n/messages/expr.js'
import {closest} from '../util/suggest.js'
import {FUNCTIONS, arityText} from './expr-functions.js'

export const MAX_EXPRESSION_LENGTH = 2000
export const MAX_DEPTH = 64

export interface Span {
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

export type Params = Record<string, unknown>

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
export const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype'])

export function syntax(code: string, params: Params, offset: number, length: number): ExprSyntaxError {
  return new ExprSyntaxError(code, params, offset, length)
}

function lexString(src: string, start: number, base: number): Token {
  const quote = src[start]
  let value = ''
  for (let j = start + 1; j < src.length;) {
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
        const punct = PUNCT.find((p) => src.startsWith(p, i))
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

export function unknownFunction(name: string, offset: number, length: number, Kind: typeof ExprError): ExprError {
  const known = [...FUNCTIONS.keys()]
  return new Kind('expr.unknownFunction', {name, known: known.join(', '), suggestion: closest(name, known) ?? ''}, offset, length)
}

function checkName(name: string, at: {offset: number; length?: number; end?: number}): void {
  if (!FORBIDDEN.has(name)) return
  const length = at.length ?? (at.end ?? at.offset) - at.offset
  throw syntax('expr.forbiddenProperty', {name}, at.offset, length)
}

export function end(node: Span): number {
  return node.offset + node.length
}

/** Parses one expression (the text inside `${{ }}`); `offset` is added to every position reported. */
export function parseExpression(source: string, offset = 0): Expr {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw syntax(
      'expr.tooLong',
      {max: MAX_EXPRESSION_LENGTH, length: source.length},
      offset + MAX_EXPRESSION_LENGTH,
      source.length - MAX_EXPRESSION_LENGTH,
    )
  }
  return new Parser(lex(source, offset)).parse()
}
