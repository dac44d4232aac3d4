/**
 * The playbook expression language: `${{ … }}` references, literals, comparisons, `&&`/`||`/`!` and a
 * whitelist of pure functions, evaluated by our own tree walker: no eval, no Function, no vm, and a property
 * path reads only own, enumerable data properties of plain objects and arrays. The syntax is in expr-syntax.ts.
 */
import {FUNCTIONS, FunctionError, arityText, deepEqual, isPlainObject, isTruthy, toText, typeName} from './expr-functions.js'
import {MAX_TEXT} from './limits.js'
import {
  end,
  ExprError,
  ExprEvalError,
  ExprSyntaxError,
  FORBIDDEN,
  parseExpression,
  syntax,
  unknownFunction,
  type BinaryOp,
  type Expr,
  type Span,
} from './expr-syntax.js'

export {isTruthy} from './expr-functions.js'
export {
  ExprError,
  ExprEvalError,
  ExprSyntaxError,
  MAX_DEPTH,
  MAX_EXPRESSION_LENGTH,
  parseExpression,
  type BinaryOp,
  type Expr,
} from './expr-syntax.js'

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
  const args = node.args.map((arg) => run(arg, scope))
  try {
    return bounded(spec.call(args, node.name) ?? null, node)
  } catch (error) {
    if (!(error instanceof FunctionError)) throw error
    const at = error.arg === undefined ? node : (node.args[error.arg] ?? node)
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
  for (let start = text.indexOf('${{'); start !== -1;) {
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

/** A string result longer than MAX_TEXT is refused where it is made, before it can grow further. */
function bounded<T>(value: T, node: Span): T {
  if (typeof value === 'string' && value.length > MAX_TEXT) throw new ExprEvalError('expr.tooBig', {max: MAX_TEXT}, node.offset, node.length)
  return value
}

/** A lone `${{ expr }}` keeps its type (number, array…); anything else interpolates to a string, at most MAX_TEXT long. */
export function evaluateTemplate(template: Template, scope: Record<string, unknown>): unknown {
  const [first] = template.parts
  if (template.parts.length === 1 && typeof first !== 'string') return bounded(evaluate(first, scope), first)
  const pieces: string[] = []
  let size = 0
  for (const part of template.parts) {
    const piece = typeof part === 'string' ? part : guarded(part, () => toText(evaluate(part, scope)))
    size += piece.length
    if (size > MAX_TEXT) {
      const at = typeof part === 'string' ? (template.parts.find((p) => typeof p !== 'string') as Expr) : part
      throw new ExprEvalError('expr.tooBig', {max: MAX_TEXT}, at.offset, at.length)
    }
    pieces.push(piece)
  }
  return pieces.join('')
}

function pointerOf(path: ReadonlyArray<string | number>): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

function walk(
  value: unknown,
  path: Array<string | number>,
  seen: Set<object>,
  visit: (text: string, path: Array<string | number>) => unknown,
): unknown {
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
        if (typeof part !== 'string') refs.push(...collectReferences(part).map((ref) => ({pointer, ...ref})))
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
