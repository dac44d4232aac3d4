/**
 * The errors ajv's full validator (options of schema/ajv.ts: allErrors, verbose) gives for a document, in its order,
 * found by walking the schema and the value together, as quick-check.ts does: for a document that check found invalid,
 * this costs a fraction of ajv's validator, which goes through every node and builds its errors on the way. Only the
 * parts of the value that quick-check finds invalid are walked into.
 *
 * The order is that of ajv's generated code (ajv/lib/compile/validate): for each schema object, a type error when the
 * type is checked on its own, then the keywords that apply to any value (const, enum, the applicators), then those of
 * numbers, strings, arrays and objects (each only for a value of that type, where a lone type's error goes when the
 * schema has keywords of that type), each group in the order ajv's vocabularies define them (KEYWORDS below).
 *
 * Where an error list could differ from ajv's in any way, `quickErrors` gives up (undefined) and ajv's validator runs:
 * a failing anyOf, oneOf, not, if/then/else or uniqueItems, a failing propertyNames, and any keyword not handled here.
 */
import type {ErrorObject} from 'ajv'
import {codePoints, equal, type FormatCheck, isObject, quickValid, refTarget, TYPE_CHECKS} from './quick-check.js'

type Schema = Record<string, unknown>

/** Thrown, and caught by `quickErrors`, where ajv is left to give the errors (made once: it is no failure). */
const GIVE_UP = new Error('left to ajv')

/** Keywords that change nothing about what is valid, or that are read with another one. */
const PASSIVE = new Set([
  '$schema',
  '$id',
  '$comment',
  '$defs',
  'title',
  'description',
  'default',
  'examples',
  'deprecated',
  'x-hint',
  'then',
  'else',
])

/** The keywords of each of ajv's data types, in its order (`ajv.RULES.rules`), as far as they are handled here. */
const KEYWORDS = {
  // a format of strings (all commops has) is in ajv's number group too, where it checks nothing
  number: ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum', 'format'],
  string: ['maxLength', 'minLength', 'pattern', 'format'],
  array: ['maxItems', 'minItems', 'items', 'uniqueItems'],
  object: ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'properties'],
} as const
type Group = keyof typeof KEYWORDS
/** Keywords for any value, in ajv's order. */
const ANY = ['const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if'] as const
const HANDLED = new Set<string>([...ANY, ...Object.values(KEYWORDS).flat(), 'type'])

/** Whether a value is of a JSON type, as ajv checks it; a name that is no type is left to ajv. */
function isType(type: string, v: unknown): boolean {
  if (!Object.hasOwn(TYPE_CHECKS, type)) throw GIVE_UP
  return TYPE_CHECKS[type](v)
}

/** A property name in a JSON pointer, and in a schema path (a URI fragment), as ajv writes them. */
const pointerPart = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1')
const fragmentPart = (key: string): string => encodeURIComponent(pointerPart(key))

/** Patterns compiled as ajv compiles them (with the `u` flag: its option unicodeRegExp), once each. */
const patterns = new Map<string, RegExp>()
function patternOf(source: string): RegExp {
  let re = patterns.get(source)
  if (!re) patterns.set(source, (re = new RegExp(source, 'u')))
  return re
}

const COMPARISON = {maximum: '<=', minimum: '>=', exclusiveMaximum: '<', exclusiveMinimum: '>'} as const

class Walk {
  readonly errors: ErrorObject[] = []
  constructor(private readonly formats: Readonly<Record<string, FormatCheck>>) {}

  private error(s: Schema, schemaPath: string, keyword: string, data: unknown, at: string, params: Record<string, unknown>, message: string) {
    this.errors.push({instancePath: at, schemaPath: `${schemaPath}/${keyword}`, keyword, params, message, schema: s[keyword], parentSchema: s, data})
  }

  /** A format's check (ajv refuses a schema with a format it does not know). */
  private format(name: string, text: string): boolean {
    if (!Object.hasOwn(this.formats, name)) throw GIVE_UP
    return this.formats[name](text)
  }

  /** A subschema's errors, when quick-check does not find the value valid against it (paths made only then). */
  private sub(s: unknown, schemaPath: () => string, data: unknown, at: () => string): void {
    if (!quickValid(s as object, data, this.formats)) this.node(s, schemaPath(), data, at())
  }

  /** The errors of one schema object on one value. */
  node(s: unknown, schemaPath: string, data: unknown, at: string): void {
    if (s === true) return
    if (!isObject(s)) throw GIVE_UP // `false`: an error of its own
    for (const keyword in s) if (!HANDLED.has(keyword) && !PASSIVE.has(keyword) && keyword !== '$ref') throw GIVE_UP
    if (s.$ref !== undefined) {
      // a `$ref` alone (ajv's generated code only calls the schema it points to, whose paths start again at #)
      for (const keyword in s) if (HANDLED.has(keyword)) throw GIVE_UP
      const target = refTarget(s)
      if (target === undefined) throw GIVE_UP
      return this.sub(
        target,
        () => '#',
        data,
        () => at,
      )
    }
    const types = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as unknown[]) : [s.type]
    // a lone type whose group has keywords here is checked with them; any other type is checked first
    const lone = types.length === 1 && Object.hasOwn(KEYWORDS, types[0] as string) ? (types[0] as Group) : undefined
    const typeWithGroup = lone !== undefined && KEYWORDS[lone].some((k) => s[k] !== undefined)
    const typeError = () => this.error(s, schemaPath, 'type', data, at, {type: s.type}, `must be ${types.join(',')}`)
    if (types.length > 0 && !typeWithGroup && !types.some((type) => isType(type as string, data))) typeError()
    this.any(s, schemaPath, data, at)
    for (const group of Object.keys(KEYWORDS) as Group[]) {
      if (!KEYWORDS[group].some((k) => s[k] !== undefined)) continue
      if (TYPE_CHECKS[group](data)) this[group](s, schemaPath, data as never, at)
      else if (typeWithGroup && lone === group) typeError()
    }
  }

  private any(s: Schema, schemaPath: string, data: unknown, at: string): void {
    if (s.const !== undefined && !equal(s.const, data)) {
      this.error(s, schemaPath, 'const', data, at, {allowedValue: s.const}, 'must be equal to constant')
    }
    if (s.enum !== undefined && !(s.enum as unknown[]).some((value) => equal(value, data))) {
      this.error(s, schemaPath, 'enum', data, at, {allowedValues: s.enum}, 'must be equal to one of the allowed values')
    }
    // a union or condition that fails has errors of its own and of its branches: ajv gives those
    const valid = (branch: unknown) => quickValid(branch as object, data, this.formats)
    if (s.not !== undefined && valid(s.not)) throw GIVE_UP
    if (s.anyOf !== undefined && !(s.anyOf as unknown[]).some(valid)) throw GIVE_UP
    if (s.oneOf !== undefined && (s.oneOf as unknown[]).filter(valid).length !== 1) throw GIVE_UP
    if (s.if !== undefined && !(valid(s.if) ? s.then === undefined || valid(s.then) : s.else === undefined || valid(s.else))) throw GIVE_UP
    if (s.allOf !== undefined)
      (s.allOf as unknown[]).forEach((branch, i) =>
        this.sub(
          branch,
          () => `${schemaPath}/allOf/${i}`,
          data,
          () => at,
        ),
      )
  }

  private number(s: Schema, schemaPath: string, data: number, at: string): void {
    for (const keyword of ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum'] as const) {
      const limit = s[keyword] as number | undefined
      if (limit === undefined) continue
      const ok =
        keyword === 'maximum' ? data <= limit : keyword === 'minimum' ? data >= limit : keyword === 'exclusiveMaximum' ? data < limit : data > limit
      if (!ok) this.error(s, schemaPath, keyword, data, at, {comparison: COMPARISON[keyword], limit}, `must be ${COMPARISON[keyword]} ${limit}`)
    }
  }

  /** maxLength and minLength, maxItems…: a size over or under the schema's limits. */
  private size(s: Schema, schemaPath: string, data: unknown, at: string, keywords: [string, string], size: number, noun: string): void {
    const [max, min] = keywords
    const [upper, lower] = [s[max] as number | undefined, s[min] as number | undefined]
    if (upper !== undefined && size > upper) this.error(s, schemaPath, max, data, at, {limit: upper}, `must NOT have more than ${upper} ${noun}`)
    if (lower !== undefined && size < lower) this.error(s, schemaPath, min, data, at, {limit: lower}, `must NOT have fewer than ${lower} ${noun}`)
  }

  private string(s: Schema, schemaPath: string, data: string, at: string): void {
    if (s.maxLength !== undefined || s.minLength !== undefined)
      this.size(s, schemaPath, data, at, ['maxLength', 'minLength'], codePoints(data), 'characters')
    const pattern = s.pattern as string | undefined
    if (pattern !== undefined && !patternOf(pattern).test(data)) {
      this.error(s, schemaPath, 'pattern', data, at, {pattern}, `must match pattern "${pattern}"`)
    }
    const format = s.format as string | undefined
    if (format !== undefined && !this.format(format, data)) this.error(s, schemaPath, 'format', data, at, {format}, `must match format "${format}"`)
  }

  private array(s: Schema, schemaPath: string, data: unknown[], at: string): void {
    this.size(s, schemaPath, data, at, ['maxItems', 'minItems'], data.length, 'items')
    if (s.items !== undefined)
      data.forEach((item, i) =>
        this.sub(
          s.items,
          () => `${schemaPath}/items`,
          item,
          () => `${at}/${i}`,
        ),
      )
    if (s.uniqueItems === true && data.some((item, i) => data.slice(0, i).some((other) => equal(item, other)))) throw GIVE_UP
  }

  private object(s: Schema, schemaPath: string, data: Record<string, unknown>, at: string): void {
    if (s.maxProperties !== undefined || s.minProperties !== undefined) {
      this.size(s, schemaPath, data, at, ['maxProperties', 'minProperties'], Object.keys(data).length, 'properties')
    }
    if (s.required !== undefined) {
      for (const name of s.required as string[]) {
        if (data[name] === undefined)
          this.error(s, schemaPath, 'required', data, at, {missingProperty: name}, `must have required property '${name}'`)
      }
    }
    if (s.propertyNames !== undefined) for (const key in data) if (!quickValid(s.propertyNames as object, key, this.formats)) throw GIVE_UP
    const properties = (s.properties ?? {}) as Schema
    if (s.additionalProperties !== undefined) {
      for (const key in data) {
        if (Object.hasOwn(properties, key)) continue
        if (s.additionalProperties === false) {
          this.error(s, schemaPath, 'additionalProperties', data, at, {additionalProperty: key}, 'must NOT have additional properties')
        } else
          this.sub(
            s.additionalProperties,
            () => `${schemaPath}/additionalProperties`,
            data[key],
            () => `${at}/${pointerPart(key)}`,
          )
      }
    }
    for (const key in properties) {
      if (data[key] !== undefined)
        this.sub(
          properties[key],
          () => `${schemaPath}/properties/${fragmentPart(key)}`,
          data[key],
          () => `${at}/${pointerPart(key)}`,
        )
    }
  }
}

/**
 * The errors ajv's validator gives for `value` against `schema` (one whose local `$ref`s quick-check knows:
 * resolveRefs), or undefined where only ajv can say (see above). Formats by name.
 */
export function quickErrors(schema: object, value: unknown, formats: Readonly<Record<string, FormatCheck>>): ErrorObject[] | undefined {
  const walk = new Walk(formats)
  try {
    walk.node(schema, '#', value, '')
  } catch (error) {
    if (error === GIVE_UP) return undefined
    throw error
  }
  return walk.errors
}
