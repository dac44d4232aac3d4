/**
 * Whether a value is valid against a JSON Schema, found by walking the schema and the value together: the answer ajv's
 * validator gives for the keywords commops' schemas use, without loading or compiling generated code. A valid document,
 * the usual case, needs nothing more; for any other, ajv's full validator finds the errors (schema/ajv.ts). Each schema
 * object is read once, when a value first reaches it, into a check made of one small function per keyword.
 *
 * Only a yes must be exact: a keyword not handled here (`contains`, `patternProperties`…), or a `$ref` not made known
 * by `resolveRefs`, is a no, and ajv decides. Each keyword reads the value as ajv's generated code does (`data.x === undefined`, `for (key in data)`).
 */

/** A string format's check, as ajv calls it (ajv applies a format to strings only). */
export type FormatCheck = (text: string) => boolean

type Schema = Record<string, unknown>

/** Keywords that say something about a schema and nothing about what is valid. */
const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'deprecated', 'x-hint'])

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)

/** A string's length in code points, a surrogate pair counting one (ajv's ucs2length). */
export function codePoints(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    n++
    const c = text.charCodeAt(i)
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++
  }
  return n
}

/** A number to ajv with strict numbers: not NaN nor ±Infinity (to which it applies no number keyword either). */
export const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Deep equality of JSON values (as fast-deep-equal, which ajv uses for enum, const and uniqueItems). */
export function equal(a: unknown, b: unknown): boolean {
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

/** A compiled schema node: whether a value is valid, formats by name. */
type Check = (v: unknown, formats: Readonly<Record<string, FormatCheck>>) => boolean

const ACCEPT: Check = () => true
const REJECT: Check = () => false

/**
 * Each schema node's check, made the first time a value reaches it (validate meets the same few schemas in every
 * file: reading their keywords once, instead of at every node of every document, is a tenth of its time per file).
 * Schemas are not changed once in use.
 */
const checks = new WeakMap<object, Check>()

function checkOf(s: unknown): Check {
  if (s === true) return ACCEPT
  if (!isObject(s)) return REJECT // `false`, or no schema
  let check = checks.get(s)
  if (!check) {
    check = compileNode(s)
    checks.set(s, check)
  }
  return check
}

/**
 * The schema each local `$ref` object (`{$ref: '#/$defs/name'}`) points to, for the roots given to `resolveRefs` (the
 * schemas with shared subschemas that schema/quick-errors.ts walks); any other `$ref` is left to ajv.
 */
const refTargets = new WeakMap<object, unknown>()

/** Makes the local `$ref`s inside a schema known to the checks: each points into this root, by JSON pointer. */
export function resolveRefs(root: object): void {
  const visit = (s: unknown): void => {
    if (s === null || typeof s !== 'object') return
    if (Array.isArray(s)) return s.forEach(visit)
    const ref = (s as Schema).$ref
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      let target: unknown = root
      for (const segment of ref.slice(2).split('/')) {
        const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')
        target = isObject(target) && Object.hasOwn(target, key) ? target[key] : undefined
      }
      if (target !== undefined) refTargets.set(s, target)
    }
    for (const key in s as Schema) if (key !== 'enum' && key !== 'const') visit((s as Schema)[key])
  }
  visit(root)
}

/** The schema a `$ref` object points to, when `resolveRefs` found it. */
export const refTarget = (s: object): unknown => refTargets.get(s)

/** The check of a subschema, compiled when first called (then called with no lookup). */
function lazyCheck(schema: unknown): Check {
  let check: Check | undefined
  return (v, f) => (check ??= checkOf(schema))(v, f)
}

/** The checks of these subschemas, each compiled when first called. */
function lazyChecks(schemas: readonly unknown[]): Check[] {
  const list: Check[] = schemas.map((s, i) => (v, f) => (list[i] = checkOf(s))(v, f))
  return list
}

/** ajv's check of each JSON type name (numbers finite: strictNumbers). */
export const TYPE_CHECKS: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  number: isNumber,
  integer: Number.isInteger,
  boolean: (v) => typeof v === 'boolean',
  null: (v) => v === null,
  object: isObject,
  array: Array.isArray,
}

/** ajv's type check for one type name (none for a name that is no type). */
const typeCheck = (type: unknown): ((v: unknown) => boolean) =>
  typeof type === 'string' && Object.hasOwn(TYPE_CHECKS, type) ? TYPE_CHECKS[type] : () => false

/** Whether a value is one of a list (an enum), as `equal` finds it; a list of plain strings, numbers… by a set. */
function oneOfValues(list: readonly unknown[]): (v: unknown) => boolean {
  if (list.every((e) => e === null || (typeof e !== 'object' && e === e))) {
    const set = new Set(list)
    return (v) => set.has(v)
  }
  return (v) => list.some((e) => equal(e, v))
}

/**
 * `properties` and `additionalProperties` of an object schema in one pass over the value's own keys, each looked up in
 * the schema's properties, instead of one over the schema's properties (most absent from a value) and another over the
 * value's keys: as ajv checks them, since no property is named like a member of Object.prototype (`compileNode` turns
 * such a schema away), which a value would otherwise seem to have.
 */
function members(s: Schema): Check {
  const properties = isObject(s.properties) ? s.properties : {}
  const names = Object.keys(properties)
  const index = new Map(names.map((name, i) => [name, i]))
  const kids = lazyChecks(names.map((name) => properties[name]))
  const additional = s.additionalProperties
  const other = additional === undefined ? ACCEPT : lazyCheck(additional)
  return (v, f) => {
    if (!isObject(v)) return true
    for (const name in v) {
      const i = index.get(name)
      const item = v[name]
      if (i === undefined ? !other(item, f) : item !== undefined && !kids[i](item, f)) return false
    }
    return true
  }
}

/** The check of one schema object: one small check per keyword, all of which must hold (keywords read once, here). */
function compileNode(s: Schema): Check {
  const parts: Check[] = []
  for (const keyword in s) {
    const x = s[keyword] as never
    switch (keyword) {
      case 'type': {
        const types = (Array.isArray(x) ? (x as unknown[]) : [x]).map(typeCheck)
        parts.push(types.length === 1 ? types[0] : (v) => types.some((is) => is(v)))
        break
      }
      case 'enum':
        parts.push(oneOfValues(x))
        break
      case 'const':
        parts.push((v) => equal(x, v))
        break
      case 'required': {
        const names = x as string[]
        parts.push((v) => {
          if (isObject(v)) for (const name of names) if (v[name] === undefined) return false
          return true
        })
        break
      }
      case 'properties':
      case 'additionalProperties':
        // both in one check, made at the first of the two
        if (keyword === 'additionalProperties' && isObject(s.properties)) break
        if (Object.keys(isObject(s.properties) ? s.properties : {}).some((name) => name in Object.prototype)) return REJECT
        parts.push(members(s))
        break
      case 'propertyNames': {
        const kid = lazyCheck(x)
        parts.push((v, f) => {
          if (isObject(v)) for (const name in v) if (!kid(name, f)) return false
          return true
        })
        break
      }
      case 'minProperties':
        parts.push((v) => !(isObject(v) && Object.keys(v).length < x))
        break
      case 'maxProperties':
        parts.push((v) => !(isObject(v) && Object.keys(v).length > x))
        break
      case 'items': {
        const kid = lazyChecks([x])
        parts.push((v, f) => {
          if (Array.isArray(v)) for (let i = 0; i < v.length; i++) if (!kid[0](v[i], f)) return false
          return true
        })
        break
      }
      case 'minItems':
        parts.push((v) => !(Array.isArray(v) && v.length < x))
        break
      case 'maxItems':
        parts.push((v) => !(Array.isArray(v) && v.length > x))
        break
      case 'uniqueItems':
        if (x === true) {
          parts.push((v) => {
            if (Array.isArray(v)) for (let i = 1; i < v.length; i++) for (let j = 0; j < i; j++) if (equal(v[i], v[j])) return false
            return true
          })
        }
        break
      case 'minLength':
        parts.push((v) => !(typeof v === 'string' && codePoints(v) < x))
        break
      case 'maxLength':
        parts.push((v) => !(typeof v === 'string' && codePoints(v) > x))
        break
      case 'pattern': {
        // compiled with the `u` flag, as ajv compiles it (its option unicodeRegExp)
        const re = new RegExp(x, 'u')
        parts.push((v) => !(typeof v === 'string' && !re.test(v)))
        break
      }
      case 'format':
        parts.push((v, f) => !(typeof v === 'string' && !(Object.hasOwn(f, x) && f[x](v))))
        break
      case 'minimum':
        parts.push((v) => !(isNumber(v) && !(v >= x)))
        break
      case 'maximum':
        parts.push((v) => !(isNumber(v) && !(v <= x)))
        break
      case 'exclusiveMinimum':
        parts.push((v) => !(isNumber(v) && !(v > x)))
        break
      case 'exclusiveMaximum':
        parts.push((v) => !(isNumber(v) && !(v < x)))
        break
      case 'anyOf': {
        const kids = lazyChecks(x)
        parts.push((v, f) => {
          for (let i = 0; i < kids.length; i++) if (kids[i](v, f)) return true
          return false
        })
        break
      }
      case 'oneOf': {
        const kids = lazyChecks(x)
        parts.push((v, f) => {
          let n = 0
          for (let i = 0; i < kids.length; i++) if (kids[i](v, f)) n++
          return n === 1
        })
        break
      }
      case 'allOf': {
        const kids = lazyChecks(x)
        parts.push((v, f) => {
          for (let i = 0; i < kids.length; i++) if (!kids[i](v, f)) return false
          return true
        })
        break
      }
      case 'if': {
        const [test, then, otherwise] = [lazyCheck(x), lazyCheck(s.then), lazyCheck(s.else)]
        const [hasThen, hasElse] = [s.then !== undefined, s.else !== undefined]
        parts.push((v, f) => (test(v, f) ? !hasThen || then(v, f) : !hasElse || otherwise(v, f)))
        break
      }
      case 'then':
      case 'else':
        break // with their `if`
      case '$ref': {
        if (!refTargets.has(s)) return REJECT
        parts.push(lazyCheck(refTargets.get(s)))
        break
      }
      case '$defs':
        break // read through a `$ref`
      default:
        if (!ANNOTATIONS.has(keyword)) return REJECT
    }
  }
  return allOf(parts)
}

/**
 * One check made of several, all of which must hold: two or three (most schema objects: a type and one or two
 * keywords of it) called directly, more by a loop.
 */
function allOf(parts: readonly Check[]): Check {
  const [a, b, c] = parts
  switch (parts.length) {
    case 0:
      return ACCEPT
    case 1:
      return a
    case 2:
      return (v, f) => a(v, f) && b(v, f)
    case 3:
      return (v, f) => a(v, f) && b(v, f) && c(v, f)
    default:
      return (v, f) => {
        for (let i = 0; i < parts.length; i++) if (!parts[i](v, f)) return false
        return true
      }
  }
}

/** True only when ajv's validator for `schema` would accept `value`; formats by name. */
export function quickValid(schema: object, value: unknown, formats: Readonly<Record<string, FormatCheck>>): boolean {
  return checkOf(schema)(value, formats)
}
