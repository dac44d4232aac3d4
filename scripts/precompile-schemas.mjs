// Build step: compile every kind's schema and every step type's `with:` schema into standalone validators, one
// CommonJS file each (NAME.cjs) in dist/validators (not bundled: a command reads a validator only for a document that
// src/schema/quick-check.ts does not find valid, src/schema/ajv.ts), so commands skip ajv's code generation. Subschemas
// written more than once are generated once (shareRepeated).
// Usage: node scripts/precompile-schemas.mjs <tsc output folder>
import {mkdirSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dist = path.join(path.resolve(process.argv[2]), 'src')
const require = createRequire(import.meta.url)
const {Ajv2020} = require('ajv/dist/2020')
const standalone = require('ajv/dist/standalone').default
const {_} = require('ajv')

const load = (rel) => import(pathToFileURL(path.join(dist, rel)).href)
const {AJV_OPTIONS, shareRepeated, validatorName} = await load('schema/ajv.js')
const {ajvFormats} = await load('schema/formats.js')
const {allKinds} = await load('schema/all-kinds.js')
const {allStepTypes} = await load('steps/registry.js')

const newAjv = (options) => {
  const ajv = new Ajv2020({...options, code: {source: true, formats: _`require("./formats.cjs")`}})
  for (const [name, format] of Object.entries(ajvFormats())) ajv.addFormat(name, format)
  ajv.addKeyword({keyword: 'x-hint', schemaType: 'object'})
  return ajv
}
// Every error with its schema and data (what validate reports)
const ajv = newAjv(AJV_OPTIONS)

/**
 * The same module with each validator function written in parentheses (`var validate52 = (function validate52…);`)
 * and the export moved to the end. V8 compiles a function declaration lazily, pre-parsing it when the file loads and
 * parsing it again at its first call; a parenthesised one is compiled once, as the file loads, and Node 22+'s compile
 * cache then keeps its code. Every file is checked in full on every run, so this is all loss-free. The texts replaced
 * are the functions' own source as ajv gives it (validate.source.validateCode), each found exactly once.
 */
function eager(ajv, code, name, id) {
  const sources = new Map()
  const collect = (fn) => {
    const s = fn?.source
    if (!s || sources.has(String(s.validateName))) return
    sources.set(String(s.validateName), s.validateCode.toString())
    for (const ref of s.scopeValues.validate ?? []) collect(ref.value?.ref)
  }
  const root = ajv.getSchema(id)
  collect(root)
  const head = `"use strict";exports.${name} = ${root.source.validateName};`
  if (!code.startsWith(head) || /\b(root|wrapper)\d+ = \{validate:/.test(code)) throw new Error(`${name}: unexpected standalone code`)
  let body = code.slice(head.length)
  for (const [fn, text] of sources) {
    const at = body.indexOf(text)
    if (at < 0 || body.indexOf(text, at + 1) >= 0) throw new Error(`${name}: ${fn} not found once`)
    body = body.slice(0, at) + `var ${fn} = (${text});` + body.slice(at + text.length)
  }
  return `"use strict";${body}\nexports.${name} = ${root.source.validateName};\n`
}

// exported by name (validatorName), so looking one up needs no hashing of the schema at run time
const refs = {}
for (const [owner, name, schema] of [
  ...allKinds().map((k) => ['kind', k.kind, k.schema]),
  ...allStepTypes().map((s) => ['step', s.type, s.schema]),
]) {
  const id = schema.$id ?? `urn:commops:${owner}:${name}`
  ajv.addSchema({...shareRepeated(schema), $id: id}, id)
  refs[validatorName(owner, name)] = id
}
const out = path.join(root, 'dist', 'validators')
mkdirSync(out, {recursive: true})
for (const [name, id] of Object.entries(refs)) {
  writeFileSync(path.join(out, `${name}.cjs`), eager(ajv, standalone(ajv, {[name]: id}), name, id))
}
// the formats of the schemas, filled by src/schema/ajv.ts when it loads the first validator
writeFileSync(
  path.join(out, 'formats.cjs'),
  `"use strict";\n// Filled by commops (src/schema/ajv.ts) before a validator here is loaded\nmodule.exports = {};\n`,
)
console.log(`precompiled ${Object.keys(refs).length} schema validators`)

// The built-in playbooks' headers, validated once here, so `playbook list` does not parse them on every run.
const {indexPlaybook} = await load('playbook/index-entry.js')
const {readdirSync} = await import('node:fs')
const index = {}
for (const name of readdirSync(path.join(root, 'playbooks'))
  .filter((f) => /\.ya?ml$/i.test(f))
  .sort()) {
  const entry = await indexPlaybook(path.join(root, 'playbooks', name))
  if (entry) index[name] = entry
}
writeFileSync(path.join(root, 'dist', 'playbooks-index.json'), JSON.stringify(index, null, 2) + '\n')
console.log(`indexed ${Object.keys(index).length} built-in playbooks`)
