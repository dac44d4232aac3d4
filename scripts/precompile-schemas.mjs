// Build step: compile every kind's schema and every step type's `with:` schema into standalone validators, one
// CommonJS file each in dist/validators (not bundled: a command reads only the validators it uses, src/schema/ajv.ts),
// so commands skip ajv's code generation. Subschemas written more than once are generated once (shareRepeated).
// Usage: node scripts/precompile-schemas.mjs <tsc output folder>
import {mkdirSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const dist = path.join(path.resolve(process.argv[2]), 'src')
const require = createRequire(import.meta.url)
const {Ajv2020} = require('ajv/dist/2020')
const addFormats = require('ajv-formats')
const standalone = require('ajv/dist/standalone').default
const {_} = require('ajv')

const load = (rel) => import(pathToFileURL(path.join(dist, rel)).href)
const {AJV_OPTIONS, shareRepeated, validatorName} = await load('schema/ajv.js')
const {isTimezone} = await load('schema/timezone.js')
const {allKinds} = await load('schema/all-kinds.js')
const {allStepTypes} = await load('steps/registry.js')

const ajv = new Ajv2020({...AJV_OPTIONS, code: {source: true, formats: _`require("./formats.cjs")`}})
addFormats(ajv)
ajv.addFormat('iana-timezone', {type: 'string', validate: isTimezone})
ajv.addKeyword({keyword: 'x-hint', schemaType: 'object'})

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
for (const [name, id] of Object.entries(refs)) writeFileSync(path.join(out, `${name}.cjs`), standalone(ajv, {[name]: id}))
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
