import {Ajv2020} from 'ajv/dist/2020.js'
import type {ValidateFunction} from 'ajv'
import addFormatsModule from 'ajv-formats'
import {IANAZone} from 'luxon'

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

/** True when the name is an IANA timezone that this Node knows. */
export function isTimezone(name: string): boolean {
  return IANAZone.isValidZone(name)
}

let shared: Ajv2020 | undefined
const compiled = new Map<object, ValidateFunction>()

/** One ajv instance for the process: draft 2020-12, every error, our formats and annotation keywords. */
export function getAjv(): Ajv2020 {
  if (shared) return shared
  const ajv = new Ajv2020({allErrors: true, strict: true, allowUnionTypes: true, verbose: true})
  addFormats(ajv)
  ajv.addFormat('iana-timezone', {type: 'string', validate: isTimezone})
  ajv.addKeyword({keyword: 'x-hint', schemaType: 'object'})
  shared = ajv
  return ajv
}

/** Compiles a schema once and keeps it. */
export function compile(schema: object): ValidateFunction {
  let fn = compiled.get(schema)
  if (!fn) {
    fn = getAjv().compile(schema)
    compiled.set(schema, fn)
  }
  return fn
}
