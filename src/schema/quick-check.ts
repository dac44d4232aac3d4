/**
 * Whether a value is valid against a JSON Schema, found by walking the schema and the value together: the answer ajv's
 * validator gives for the keywords commops' schemas use, without loading or compiling generated code. A valid document,
 * the usual case, needs nothing more; for any other, ajv's full validator finds the errors (schema/ajv.ts).
 *
 * Only a yes must be exact: a keyword not handled here (`$ref`, `contains`, `patternProperties`…) is a no, and ajv
 * decides. Each keyword reads the value as ajv's generated code does (`data.x === undefined`, `for (key in data)`).
 */

/** A string format's check, as ajv calls it (ajv applies a format to strings only). */
export type FormatCheck = (text: string) => boolean

type Schema = Record<string, unknown>

/** Keywords that say something about a schema and nothing about what is valid. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'x-hint'])

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** Each pattern compiled once, with the `u` flag, as ajv compiles it (its option unicodeRegExp). */
const patterns = new Map<string, RegExp>()
function pattern(source: string): RegExp {
  let re = patterns.get(source)
  if (!re) {
    re = new RegExp(source, 'u')
    patterns.set(source, re)
  }
  return re
}

/** A string's length in code points, a surrogate pair counting one (ajv's ucs2length). */
function codePoints(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    n++
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
  }
  return n
}

/** A number to ajv with strict numbers: not NaN nor ±Infinity (to which it applies no number keyword either). */
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** ajv's type checks. */
function hasType(type: unknown, v: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof v === 'string'
    case 'number':
      return isNumber(v)
    case 'integer':
      return Number.isInteger(v)
    case 'boolean':
      return typeof v === 'boolean'
    case 'null':
      return v === null
    case 'object':
      return isObject(v)
    case 'array':
      return Array.isArray(v)
    default:
      return false
  }
}

/** Deep equality of JSON values (as fast-deep-equal, which ajv uses for enum, const and uniqueItems). */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (Array.isArray(a) !== Array.isArray(b)) return false
    if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]))
    const keys = Object.keys(a)
    if (keys.length !== Object.keys(b).length) return false
    return keys.every((k) => Object.hasOwn(b, k) && equal((a as Schema)[k], (b as Schema)[k]))
  }
  return a !== a && b !== b // NaN
}

/** True only when ajv's validator for `schema` would accept `value`; formats by name. */
export function quickValid(schema: object, value: unknown, formats: Readonly<Record<string, FormatCheck>>): boolean {
  const valid = (s: unknown, v: unknown): boolean => {
    if (s === true) return true
    if (!isObject(s)) return false // `false`, or no schema
    for (const keyword in s) {
      const x = s[keyword] as never
      switch (keyword) {
        case 'type':
          if (Array.isArray(x) ? !(x as unknown[]).some((t) => hasType(t, v)) : !hasType(x, v)) return false
          break
        case 'enum':
          if (!(x as unknown[]).some((e) => equal(e, v))) return false
          break
        case 'const':
          if (!equal(x, v)) return false
          break
        case 'required':
          if (isObject(v)) for (const name of x as string[]) if (v[name] === undefined) return false
          break
        case 'properties':
          if (isObject(v)) for (const name in x as Schema) if (v[name] !== undefined && !valid((x as Schema)[name], v[name])) return false
          break
        case 'additionalProperties': {
          if (!isObject(v)) break
          const known = s.properties as object | undefined
          for (const name in v) {
            if (known && Object.hasOwn(known, name)) continue
            if (!valid(x, v[name])) return false
          }
          break
        }
        case 'propertyNames':
          if (isObject(v)) for (const name in v) if (!valid(x, name)) return false
          break
        case 'minProperties':
          if (isObject(v) && Object.keys(v).length < x) return false
          break
        case 'maxProperties':
          if (isObject(v) && Object.keys(v).length > x) return false
          break
        case 'items':
          if (Array.isArray(v)) for (const item of v) if (!valid(x, item)) return false
          break
        case 'minItems':
          if (Array.isArray(v) && v.length < x) return false
          break
        case 'maxItems':
          if (Array.isArray(v) && v.length > x) return false
          break
        case 'uniqueItems':
          if (x === true && Array.isArray(v)) for (let i = 1; i < v.length; i++) for (let j = 0; j < i; j++) if (equal(v[i], v[j])) return false
          break
        case 'minLength':
          if (typeof v === 'string' && codePoints(v) < x) return false
          break
        case 'maxLength':
          if (typeof v === 'string' && codePoints(v) > x) return false
          break
        case 'pattern':
          if (typeof v === 'string' && !pattern(x).test(v)) return false
          break
        case 'format':
          if (typeof v === 'string' && !(Object.hasOwn(formats, x) && formats[x](v))) return false
          break
        case 'minimum':
          if (isNumber(v) && !(v >= x)) return false
          break
        case 'maximum':
          if (isNumber(v) && !(v <= x)) return false
          break
        case 'exclusiveMinimum':
          if (isNumber(v) && !(v > x)) return false
          break
        case 'exclusiveMaximum':
          if (isNumber(v) && !(v < x)) return false
          break
        case 'anyOf':
          if (!(x as unknown[]).some((branch) => valid(branch, v))) return false
          break
        case 'oneOf':
          if ((x as unknown[]).filter((branch) => valid(branch, v)).length !== 1) return false
          break
        case 'allOf':
          if (!(x as unknown[]).every((branch) => valid(branch, v))) return false
          break
        case 'if': {
          const next = valid(x, v) ? s.then : s.else
          if (next !== undefined && !valid(next, v)) return false
          break
        }
        case 'then':
        case 'else':
          break // with their `if`
        default:
          if (!ANNOTATIONS.has(keyword)) return false
      }
    }
    return true
  }
  return valid(schema, value)
}
