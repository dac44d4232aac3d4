import {existsSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import type {Ajv2020} from 'ajv/dist/2020.js'
import type {ValidateFunction} from 'ajv'
import {isTimezone} from './timezone.js'

/** The ajv options every schema is compiled with, at build time (precompiled) and at run time alike. */
export const AJV_OPTIONS = {allErrors: true, strict: true, allowUnionTypes: true, verbose: true} as const

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
 * generation: each is its own file, read only when its schema is first checked. Their formats come from here
 * (formats.cjs beside them is filled once).
 */
function loadPrecompiled(name: string): ValidateFunction | undefined {
  if (!precompiledDir) return undefined
  const require = createRequire(import.meta.url)
  const dir = precompiledDir()
  const file = path.join(dir, `${name}.cjs`)
  if (!existsSync(file)) return undefined
  if (!formatsGiven) {
    const {fullFormats} = require('ajv-formats/dist/formats') as {fullFormats: object}
    Object.assign(require(path.join(dir, 'formats.cjs')) as object, fullFormats, {'iana-timezone': {type: 'string', validate: isTimezone}})
    formatsGiven = true
  }
  return (require(file) as Record<string, ValidateFunction>)[name]
}

/** One ajv instance for the process: draft 2020-12, every error, our formats and annotation keywords. */
export function getAjv(): Ajv2020 {
  if (shared) return shared
  const require = createRequire(import.meta.url)
  const {Ajv2020: Ajv} = require('ajv/dist/2020') as typeof import('ajv/dist/2020.js')
  const addFormats = require('ajv-formats') as (ajv: Ajv2020) => Ajv2020
  const ajv = new Ajv({...AJV_OPTIONS})
  addFormats(ajv)
  ajv.addFormat('iana-timezone', {type: 'string', validate: isTimezone})
  ajv.addKeyword({keyword: 'x-hint', schemaType: 'object'})
  shared = ajv
  return ajv
}

/** A validator for a kind's or a step type's schema: the precompiled one when the build made it, else compiled once and kept. */
export function compile(schema: object, owner: 'kind' | 'step', name: string): ValidateFunction {
  let fn = compiled.get(schema)
  if (!fn) {
    fn = loadPrecompiled(validatorName(owner, name)) ?? getAjv().compile(schema)
    compiled.set(schema, fn)
  }
  return fn
}
