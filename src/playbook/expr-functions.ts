import {DateTime} from '../util/luxon.js'
import {isTruthy} from '../util/truthy.js'
import {MAX_TEXT} from './limits.js'

export {isTruthy}

/** A runtime failure inside a function or a conversion; the evaluator adds the location. */
export class FunctionError extends Error {
  readonly code: string
  readonly params: Record<string, unknown>
  /** 0-based index of the argument at fault, when there is one. */
  readonly arg?: number

  constructor(code: string, params: Record<string, unknown>, arg?: number) {
    super(code)
    this.code = code
    this.params = params
    this.arg = arg
  }
}

/** One whitelisted function: its arity and its pure implementation. */
export interface FunctionSpec {
  min: number
  max: number
  call: (args: unknown[], name: string) => unknown
}

/** The name of a value's type as users see it: null, string, number, boolean, array, object. */
export function typeName(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value
}

/** True for `{}`-style objects (prototype Object.prototype or null), never for arrays or class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto: unknown = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** The text a value interpolates to: null → '', scalars → String, arrays and objects → compact JSON. */
export function toText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value)
  if (typeof value !== 'object') return ''
  return stringify(value)
}

function stringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null'
  } catch (error) {
    throw new FunctionError('expr.json', {reason: error instanceof Error ? error.message : String(error)})
  }
}

/** Structural equality of JSON-like values; values of different types are never equal. */
export function deepEqual(a: unknown, b: unknown, depth = 0): boolean {
  if (a === b) return true
  if ((a === null || a === undefined) && (b === null || b === undefined)) return true
  if (depth > 100) return false
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => deepEqual(item, b[i], depth + 1))
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    return keys.every((k) => Object.hasOwn(b, k) && deepEqual(a[k], b[k], depth + 1))
  }
  return false
}

function typeError(fn: string, arg: number, expected: string, value: unknown): FunctionError {
  return new FunctionError('expr.type', {fn, arg: arg + 1, expected, actual: typeName(value)}, arg)
}

/** A scalar argument as text; arrays and objects are refused. */
function text(fn: string, args: unknown[], i: number): string {
  const value = args[i]
  if (value !== null && typeof value === 'object') throw typeError(fn, i, 'string', value)
  return toText(value)
}

const DATE = /^\d{4}-\d{2}-\d{2}$/
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i

/** Adds whole days or weeks to a calendar date (`YYYY-MM-DD` → `YYYY-MM-DD`) or an ISO date-time (same offset kept). */
function shift(unit: 'days' | 'weeks') {
  return (args: unknown[], fn: string): string => {
    const [value, amount] = args
    if (typeof amount !== 'number' || !Number.isInteger(amount)) throw typeError(fn, 1, 'integer', amount)
    if (typeof value !== 'string') throw typeError(fn, 0, 'date', value)
    const dateOnly = DATE.test(value)
    const match = dateOnly ? null : DATE_TIME.exec(value)
    if (!dateOnly && !match) throw new FunctionError('expr.date', {fn, value}, 0)
    let result: DateTime
    try {
      const start = DateTime.fromISO(value, {zone: 'utc', setZone: true})
      if (!start.isValid) throw new FunctionError('expr.date', {fn, value}, 0)
      result = start.plus({[unit]: amount})
    } catch (error) {
      if (error instanceof FunctionError) throw error
      throw new FunctionError('expr.date', {fn, value}, 0)
    }
    if (!result.isValid || result.year < 1 || result.year > 9999) throw new FunctionError('expr.dateRange', {fn})
    if (dateOnly) return result.toISODate() ?? ''
    const [, seconds, fraction, zone] = match ?? []
    return result.toISO({includeOffset: Boolean(zone), suppressSeconds: !seconds, suppressMilliseconds: !fraction}) ?? ''
  }
}

const PLACEHOLDER = /\{(\d+)\}/y

/** `format('{0} and {1}', a, b)`; `{{` and `}}` stand for literal braces. */
function format(args: unknown[], fn: string): string {
  const template = text(fn, args, 0)
  let out = ''
  for (let i = 0; i < template.length;) {
    const c = template[i]
    if ((c === '{' || c === '}') && template[i + 1] === c) {
      out += c
      i += 2
    } else if (c === '{') {
      PLACEHOLDER.lastIndex = i
      const m = PLACEHOLDER.exec(template)
      if (!m) throw new FunctionError('expr.format', {position: i}, 0)
      const index = Number(m[1])
      if (index >= args.length - 1) throw new FunctionError('expr.formatIndex', {index, count: args.length - 1}, 0)
      out += toText(args[index + 1])
      if (out.length > MAX_TEXT) throw new FunctionError('expr.tooBig', {max: MAX_TEXT})
      i += m[0].length
    } else if (c === '}') {
      throw new FunctionError('expr.format', {position: i}, 0)
    } else {
      out += c
      i++
    }
  }
  return out
}

function contains(args: unknown[], fn: string): boolean {
  const [haystack, needle] = args
  if (Array.isArray(haystack)) return haystack.some((item) => deepEqual(item, needle))
  if (haystack === null || haystack === undefined) return false
  return text(fn, args, 0).includes(text(fn, args, 1))
}

function length(args: unknown[], fn: string): number {
  const [value] = args
  if (value === null || value === undefined) return 0
  if (typeof value === 'string') return [...value].length
  if (Array.isArray(value)) return value.length
  if (isPlainObject(value)) return Object.keys(value).length
  throw typeError(fn, 0, 'string, array or object', value)
}

function join(args: unknown[], fn: string): string {
  const [value] = args
  const separator = args.length > 1 ? text(fn, args, 1) : ','
  if (!Array.isArray(value)) return text(fn, args, 0)
  const pieces = value.map(toText)
  const size = pieces.reduce((sum, piece) => sum + piece.length, separator.length * Math.max(0, pieces.length - 1))
  if (size > MAX_TEXT) throw new FunctionError('expr.tooBig', {max: MAX_TEXT})
  return pieces.join(separator)
}

function fromJSON(args: unknown[], fn: string): unknown {
  const [value] = args
  if (typeof value !== 'string') throw typeError(fn, 0, 'string', value)
  try {
    return JSON.parse(value) as unknown
  } catch (error) {
    throw new FunctionError('expr.json', {reason: error instanceof Error ? error.message : String(error)}, 0)
  }
}

const MANY = Number.POSITIVE_INFINITY

/** The whitelist: nothing else can be called from an expression. */
export const FUNCTIONS: ReadonlyMap<string, FunctionSpec> = new Map<string, FunctionSpec>([
  ['addDays', {min: 2, max: 2, call: shift('days')}],
  ['addWeeks', {min: 2, max: 2, call: shift('weeks')}],
  ['contains', {min: 2, max: 2, call: contains}],
  ['default', {min: 2, max: 2, call: ([value, fallback]) => (value === null || value === undefined || value === '' ? fallback : value)}],
  ['endsWith', {min: 2, max: 2, call: (args, fn) => text(fn, args, 0).endsWith(text(fn, args, 1))}],
  ['format', {min: 1, max: MANY, call: format}],
  ['fromJSON', {min: 1, max: 1, call: fromJSON}],
  ['join', {min: 1, max: 2, call: join}],
  ['length', {min: 1, max: 1, call: length}],
  ['lower', {min: 1, max: 1, call: (args, fn) => text(fn, args, 0).toLowerCase()}],
  ['startsWith', {min: 2, max: 2, call: (args, fn) => text(fn, args, 0).startsWith(text(fn, args, 1))}],
  ['toJSON', {min: 1, max: 1, call: ([value]) => stringify(value ?? null)}],
  ['upper', {min: 1, max: 1, call: (args, fn) => text(fn, args, 0).toUpperCase()}],
])

/** How many arguments a function takes, as shown to users: `2`, `1-2`, `1+`. */
export function arityText(spec: FunctionSpec): string {
  if (spec.min === spec.max) return String(spec.min)
  return spec.max === MANY ? `${spec.min}+` : `${spec.min}-${spec.max}`
}
