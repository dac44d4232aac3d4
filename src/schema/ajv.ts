import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Ajv2020} from 'ajv/dist/2020.js'
import type {ValidateFunction} from 'ajv'
import {ajvFormats, FORMATS} from './formats.js'
import {quickValid, resolveRefs} from './quick-check.js'
import {quickErrors} from './quick-errors.js'

/**
 * The ajv options every schema is compiled with, at build time (precompiled) and at run time alike. `$ref`s stay
 * functions of their own (inlineRefs: false): with shareRepeated, a subschema used in many places is generated once.
 */
export const AJV_OPTIONS = {allErrors: true, strict: true, allowUnionTypes: true, verbose: true, inlineRefs: false} as const

/** Keywords whose value is a map of subschemas, one subschema, or a list of subschemas. */
const SCHEMA_MAPS = ['properties', 'patternProperties', 'dependentSchemas']
const SCHEMA_ONE = ['additionalProperties', 'items', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems']
const SCHEMA_LISTS = ['prefixItems', 'allOf']
type Schema = Record<string, unknown>
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v)

/** The subschemas directly under a schema, with a way to put a replacement in each one's place. */
function children(schema: Schema): Array<[Schema, (replacement: Schema) => void]> {
  const out: Array<[Schema, (replacement: Schema) => void]> = []
  for (const k of SCHEMA_MAPS) {
    const map = schema[k]
    if (isSchema(map)) for (const [name, v] of Object.entries(map)) if (isSchema(v)) out.push([v, (r) => (map[name] = r)])
  }
  for (const k of SCHEMA_ONE) {
    const v = schema[k]
    if (isSchema(v)) out.push([v, (r) => (schema[k] = r)])
  }
  for (const k of SCHEMA_LISTS) {
    const list = schema[k]
    if (Array.isArray(list)) list.forEach((v, i) => isSchema(v) && out.push([v, (r) => (list[i] = r)]))
  }
  return out
}

/**
 * The same schema with every subschema written more than once (the community's `localizedText` is used forty times)
 * moved to `$defs` and referenced, so the validator ajv generates holds its code once instead of once per use: less
 * than half the size, and as much less for Node to read and compile on each run. Errors keep their instance paths,
 * params and data; their parentSchema keeps its x-hint, description and property names (a shared child shows as a
 * `$ref`). Subschemas under anyOf, oneOf, not and if/then/else stay where they are, so every error beneath a union
 * keeps a schemaPath under the union's (validate.ts drops those as one problem).
 */
export function shareRepeated(schema: object, minLength = 100): object {
  const counts = new Map<string, number>()
  const count = (s: Schema): void => {
    for (const [child] of children(s)) {
      const text = JSON.stringify(child)
      counts.set(text, (counts.get(text) ?? 0) + 1)
      count(child)
    }
  }
  count(schema as Schema)
  const defs: Record<string, Schema> = {}
  const names = new Map<string, string>()
  const rewrite = (s: Schema): Schema => {
    const copy = structuredClone(s)
    for (const [child, put] of children(copy)) {
      const text = JSON.stringify(child)
      if ((counts.get(text) ?? 0) < 2 || text.length < minLength) {
        put(rewrite(child))
        continue
      }
      let name = names.get(text)
      if (!name) {
        name = `shared${names.size}`
        names.set(text, name)
        defs[name] = rewrite(child)
      }
      put({$ref: `#/$defs/${name}`})
    }
    return copy
  }
  const out = rewrite(schema as Schema)
  if (names.size === 0) return schema
  return {...out, $defs: {...(isSchema(out.$defs) ? out.$defs : {}), ...defs}}
}

let shared: Ajv2020 | undefined
const compiled = new Map<object, ValidateFunction>()
let precompiledDir: (() => string) | undefined
let formatsGiven = false

/** The name a schema's precompiled validator is exported under: `kind_Community`, `step_tasks_create`. */
export function validatorName(owner: 'kind' | 'step', name: string): string {
  return `${owner}_${name.replace(/[^A-Za-z0-9]/g, '_')}`
}

/**
 * The bundle (scripts/build.mjs) says where the validators that the build precompiled are, one file per schema;
 * without them (tests, which run the sources) each schema is compiled by ajv on first use.
 */
export function providePrecompiled(dir: () => string): void {
  precompiledDir = dir
}

/**
 * The validator `npm run build` generated for this name (scripts/precompile-schemas.mjs), so commands skip ajv's code
 * generation: each is its own file, read only when a document of its schema is first found invalid. Their formats come
 * from here (formats.cjs beside them is filled once).
 */
function loadPrecompiled(name: string): ValidateFunction | undefined {
  if (!precompiledDir) return undefined
  const require = createRequire(import.meta.url)
  const file = path.join(precompiledDir(), `${name}.cjs`)
  if (!existsSync(file)) return undefined
  if (!formatsGiven) {
    Object.assign(require(path.join(path.dirname(file), 'formats.cjs')) as object, ajvFormats())
    formatsGiven = true
  }
  return (require(file) as Record<string, ValidateFunction>)[name]
}

/** One ajv instance for the process: draft 2020-12, every error, our formats and annotation keywords. */
export function getAjv(): Ajv2020 {
  if (shared) return shared
  const require = createRequire(import.meta.url)
  const {Ajv2020: Ajv} = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js')
  const ajv = new Ajv({...AJV_OPTIONS})
  for (const [name, format] of Object.entries(ajvFormats())) ajv.addFormat(name, format)
  ajv.addKeyword({keyword: 'x-hint', schemaType: 'object'})
  shared = ajv
  return ajv
}

/**
 * A validator for a kind's or a step type's schema. A document is first checked by quick-check.ts, which walks the
 * schema and only tells valid from invalid (a valid document, the usual case, needs nothing more); for one it does not
 * find valid, quick-errors.ts finds ajv's errors by a walk of the same schema as ajv's validator (shareRepeated) where
 * it can be sure of them, else ajv's full validator gives the answer and every error: the precompiled one when the
 * build made it, else compiled once and kept.
 */
export function compile(schema: object, owner: 'kind' | 'step', name: string): ValidateFunction {
  let fn = compiled.get(schema)
  if (!fn) {
    let full: ValidateFunction | undefined
    let sharedSchema: object | undefined
    const validate = ((data: unknown) => {
      if (quickValid(schema, data, FORMATS)) {
        validate.errors = null
        return true
      }
      if (!sharedSchema) {
        sharedSchema = shareRepeated(schema)
        resolveRefs(sharedSchema)
      }
      const errors = quickErrors(sharedSchema, data, FORMATS)
      if (errors?.length) {
        validate.errors = errors
        return false
      }
      full ??= loadPrecompiled(validatorName(owner, name)) ?? getAjv().compile(shareRepeated(schema))
      const valid = full(data)
      validate.errors = full.errors
      return valid
    }) as ValidateFunction
    fn = validate
    compiled.set(schema, fn)
  }
  return fn
}
