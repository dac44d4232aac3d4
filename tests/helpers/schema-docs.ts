/** Documents of every kind and random changes to them, for the tests that hold quick-check.ts and quick-errors.ts to ajv. */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import fc from 'fast-check'
import {JSON_SCHEMA, loadAll} from 'js-yaml'
import {AJV_OPTIONS} from '../../src/schema/ajv.js'
import {KINDS} from '../../src/schema/all-kinds.js'
import {ajvFormats} from '../../src/schema/formats.js'
import {allStepTypes} from '../../src/steps/registry.js'

const root = path.resolve(import.meta.dirname, '..', '..')

/** An ajv as commops makes one (schema/ajv.ts), of its own: each test compiles the kinds' schemas afresh. */
export function newAjv(options: {strictTypes?: boolean; strictRequired?: boolean} = {}): Ajv2020 {
  const ajv = new Ajv2020({...AJV_OPTIONS, ...options, logger: false})
  for (const [name, format] of Object.entries(ajvFormats())) ajv.addFormat(name, format)
  ajv.addKeyword({keyword: 'x-hint', schemaType: 'object'})
  return ajv
}

/** Every document of the YAML files under a folder, by kind. */
export function documents(): Map<string, Array<Record<string, unknown>>> {
  const byKind = new Map<string, Array<Record<string, unknown>>>()
  const files = ['templates', 'playbooks', 'tests/fixtures'].flatMap((dir) =>
    readdirSync(path.join(root, dir), {recursive: true, encoding: 'utf8'}).map((f) => path.join(root, dir, f)),
  )
  for (const file of files.filter((f) => /\.ya?ml$/.test(f))) {
    let read: unknown[]
    try {
      read = loadAll(readFileSync(file, 'utf8'), undefined, {schema: JSON_SCHEMA})
    } catch {
      continue // a template's text with placeholders, or a fixture written to be broken
    }
    for (const doc of read) {
      const kind = (doc as {kind?: unknown} | null)?.kind
      if (typeof kind === 'string') byKind.set(kind, [...(byKind.get(kind) ?? []), doc as Record<string, unknown>])
    }
  }
  return byKind
}

/** Every path to a value inside a document, the root first. */
export function paths(value: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at)
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out))
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out)
  return out
}

/** A copy of `doc` with the value at `at` replaced (or, with `undefined`, removed). */
export function changed(doc: unknown, at: Array<string | number>, next: unknown): unknown {
  if (at.length === 0) return next
  const copy = structuredClone(doc) as Record<string | number, unknown>
  let parent = copy
  for (const step of at.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>
  const last = at[at.length - 1]
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(last), 1)
    else delete parent[last]
  } else parent[last] = next
  return copy
}

/** Values a document gets wrong: other types, bounds, odd strings, dates and zones that are and are not. */
export const odd = fc.oneof(
  fc.constantFrom(
    null,
    true,
    0,
    -1,
    1.5,
    1e12,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    '',
    ' ',
    'x',
    'Weekly-QA',
    'weekly-qa',
    '😀',
    '😀😀',
    '2024-02-29',
    '2023-02-29',
    '2026-13-01',
    'Asia/Shanghai',
    'Mars/Olympus_Mons',
    'en',
    'zh-CN',
    [],
    {},
    [1, 1],
    ['a', 'a'],
    [{a: 1}, {a: 1}],
    {en: 'x'},
    {en: 1},
    {'zh-CN': 'x', fr: 'y'},
  ),
  fc.jsonValue({maxDepth: 2}),
)

/** Every kind's and step type's schema, with the shipped documents of it (a step type's: the `with:` of its steps). */
export function schemasWithSamples(docs: Map<string, Array<Record<string, unknown>>>): Array<[string, object, unknown[]]> {
  return [
    ...KINDS.map((k): [string, object, unknown[]] => [k.kind, k.schema, docs.get(k.kind) ?? []]),
    ...allStepTypes().map((s): [string, object, unknown[]] => [
      s.type,
      s.schema,
      [...docs.values()]
        .flat()
        .flatMap((d) => (Array.isArray(d.steps) ? (d.steps as Array<{uses?: unknown; with?: unknown}>) : []))
        .filter((step) => step.uses === s.type)
        .map((step) => step.with ?? {}),
    ]),
  ]
}
