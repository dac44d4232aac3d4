/**
 * quick-errors.ts gives ajv's own error list (every field, in ajv's order) for a document quick-check.ts finds invalid,
 * or gives up and leaves it to ajv: on random changes to the shipped documents of every kind and step type, several
 * at once and nested, and keyword by keyword.
 */
import type {ErrorObject} from 'ajv'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compile, shareRepeated} from '../../src/schema/ajv.js'
import {KINDS} from '../../src/schema/all-kinds.js'
import {FORMATS} from '../../src/schema/formats.js'
import {quickValid, resolveRefs} from '../../src/schema/quick-check.js'
import {quickErrors} from '../../src/schema/quick-errors.js'
import {changed, documents, newAjv, odd, paths, schemasWithSamples} from '../helpers/schema-docs.js'

/** The schema ajv's validator is made from (schema/ajv.ts), its `$ref`s known to quick-check. */
function shared(schema: object): object {
  const out = shareRepeated(schema)
  resolveRefs(out)
  return out
}

/** One change to a document: a value replaced or removed, another value of it copied in, a key or an item added. */
const change = fc.tuple(fc.nat(), fc.nat({max: 3}), odd, fc.nat())
function apply(doc: unknown, [where, how, value, from]: [number, number, unknown, number]): unknown {
  const all = paths(doc)
  const at = all[where % all.length]
  const valueAt = (p: Array<string | number>) => p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], doc)
  const target = valueAt(at)
  if (how === 0) return changed(doc, at, value)
  if (how === 1) return changed(doc, at, undefined)
  if (how === 2) return changed(doc, at, structuredClone(valueAt(all[from % all.length])))
  if (Array.isArray(target)) return changed(doc, [...at, target.length], value)
  if (target !== null && typeof target === 'object') return changed(doc, [...at, `extra${from % 3}`], value)
  return changed(doc, at, value)
}

describe('quickErrors', () => {
  const docs = documents()

  it('gives ajv’s errors, in ajv’s order, for random changes to every kind and step type, or leaves them to ajv', () => {
    let compared = 0
    let errors = 0
    let givenUp = 0
    const ajv = newAjv()
    for (const [name, schema, samples] of schemasWithSamples(docs)) {
      const sharedSchema = shared(schema)
      const validate = ajv.compile(shareRepeated(schema))
      const bases = samples.length > 0 ? samples : [{}]
      fc.assert(
        fc.property(fc.nat(), fc.array(change, {minLength: 1, maxLength: 5}), (which, changes) => {
          const doc = changes.reduce<unknown>((d, c) => apply(d, c), bases[which % bases.length])
          if (validate(doc)) return
          expect(quickValid(schema, doc, FORMATS)).toBe(false)
          const quick = quickErrors(sharedSchema, doc, FORMATS)
          if (quick === undefined) {
            givenUp++
            return
          }
          compared++
          errors += quick.length
          expect(quick, `${name}: ${String(JSON.stringify(doc)).slice(0, 300)}`).toEqual(validate.errors)
        }),
        {numRuns: 200, seed: 12},
      )
    }
    // most invalid documents are answered here, with several errors each on average
    expect(compared).toBeGreaterThan(2000)
    expect(compared).toBeGreaterThan(2 * givenUp)
    expect(errors).toBeGreaterThan(1.5 * compared)
  })

  it('gives each keyword’s errors as ajv does, or gives up where ajv adds errors of its own', () => {
    const ajv = newAjv({strictTypes: false, strictRequired: false})
    const cases: Array<[object, unknown[]]> = [
      [{type: 'string', minLength: 2, maxLength: 3}, ['ab', 'a', 'abcd', '😀😀', '😀', '😀😀😀😀', 5, null]],
      [{type: ['integer', 'null'], minimum: 2}, [1, 1.5, null, '1', Number.NaN, Number.POSITIVE_INFINITY]],
      [{type: 'integer', minimum: 2, maximum: 1}, [1.5, 0, 3, 'x']],
      [{type: 'number', minimum: 0, exclusiveMaximum: 1, exclusiveMinimum: 0}, [0, 0.5, 1, -0.1, Number.NaN, '0.5']],
      [{minimum: 0, maximum: 10}, [5, -1, 11, 'text', null]],
      [{type: 'string', enum: ['a', 'b']}, ['a', 'c', 1, null]],
      [{type: 'string', enum: ['a', 'b'], pattern: '^a'}, ['a', 'b', 'c', 1]],
      [{enum: ['a', 1, null, {b: [1]}], const: 'a'}, ['a', 1, {b: [1]}, {b: [2]}, 'b']],
      [{type: 'array', items: {type: 'string', minLength: 1}, minItems: 1, maxItems: 2}, [['a'], ['', 1], [], ['a', 'b', 'c'], [1], 'a']],
      [
        {type: 'array', uniqueItems: true, items: {type: 'string'}},
        [
          ['a', 'b'],
          ['a', 'a'],
          ['a', 1],
        ],
      ],
      [
        {
          type: 'object',
          required: ['a', 'z'],
          properties: {'a/b~': {type: 'string'}, a: {type: 'string'}, 'é x': {enum: [1]}},
          additionalProperties: {type: 'integer'},
          minProperties: 2,
          maxProperties: 3,
        },
        [{a: 'x'}, {a: 1, c: 'y', 'a/b~': 2, 'é x': 2}, {'x/~y': 'z', a: 'x', z: 1}, {}, [], 'a'],
      ],
      [{type: 'object', properties: {a: {type: 'string'}}, additionalProperties: false}, [{a: 'x'}, {a: 1, b: 1, c: 2}, {}, 'x']],
      [{properties: {a: {type: 'string'}}, propertyNames: {pattern: '^[a-z]+$'}}, [{a: 1}, {A: 1}, {A: 1, a: 2}]],
      [{type: 'string', format: 'date'}, ['2024-02-29', '2023-02-29', 5]],
      [{type: 'string', format: 'iana-timezone', maxLength: 3}, ['UTC', 'Asia/Shanghai', 'Nowhere/Land']],
      [{anyOf: [{type: 'string'}, {type: 'integer'}], minLength: 2}, ['a', 1, 1.5]],
      [{oneOf: [{type: 'number'}, {type: 'integer'}]}, [1, 1.5, 'a']],
      [{allOf: [{minLength: 1}, {maxLength: 2}, {type: 'string'}]}, ['a', '', 'abc', 3]],
      [{not: {type: 'string'}, minimum: 1}, ['a', 0, 2]],
      [
        {if: {properties: {kind: {const: 'a'}}}, then: {required: ['x']}, else: {required: ['y']}, minProperties: 2},
        [{kind: 'a', x: 1}, {kind: 'a'}, {y: 1}],
      ],
      [{items: false}, [[], [1]]],
      [
        {
          type: 'object',
          properties: {a: {$ref: '#/$defs/s'}, b: {$ref: '#/$defs/s'}},
          $defs: {s: {type: 'object', properties: {x: {type: 'string', maxLength: 1}}}},
        },
        [{a: {x: 'ab'}, b: {x: 1}}, {a: {}}],
      ],
      [{type: 'object', properties: {a: {$ref: '#/$defs/s', type: 'object'}}, $defs: {s: {required: ['x']}}}, [{a: {}}, {a: 1}]],
      [{type: 'number', multipleOf: 2}, [3, 4]],
      [{type: 'number', format: 'date', enum: [1, 2]}, ['x', 3, '2024-01-01']],
      [{type: ['number', 'string'], format: 'date', maximum: 1}, [2, '2024-13-01', null]],
    ]
    let compared = 0
    for (const [schema, values] of cases) {
      const validate = ajv.compile(structuredClone(schema))
      const walked = structuredClone(schema)
      resolveRefs(walked)
      for (const value of values) {
        if (validate(value)) continue
        const quick = quickErrors(walked, value, FORMATS)
        if (quick === undefined) continue
        compared++
        // parentSchema and schema compared as values: ajv's are the copy given to it
        expect(quick, `${JSON.stringify(schema)} ${String(value)}`).toEqual(validate.errors as ErrorObject[])
      }
    }
    expect(compared).toBeGreaterThan(40)
    // ajv's own errors beneath a union or condition, and its error for a duplicate item: left to ajv
    const gaveUp: Array<[object, unknown]> = [
      [{anyOf: [{type: 'string'}, {type: 'integer'}]}, 1.5],
      [{oneOf: [{type: 'number'}, {type: 'integer'}]}, 1],
      [{not: {type: 'string'}}, 'a'],
      [{if: {type: 'string'}, then: {minLength: 2}}, 'a'],
      [{uniqueItems: true}, [1, 1]],
      [{propertyNames: {pattern: '^a'}}, {b: 1}],
      [{items: false}, [1]],
      [{type: 'number', multipleOf: 2}, 3],
      [{$ref: 'https://example.com/x'}, 1],
    ]
    for (const [schema, value] of gaveUp) expect(quickErrors(schema, value, FORMATS), JSON.stringify(schema)).toBeUndefined()
  })

  it('is what a kind is checked with: ajv’s errors, every one', () => {
    const community = KINDS.find((k) => k.kind === 'Community')!
    const validate = compile(community.schema, 'kind', 'Community')
    const doc = docs.get('Community')![0]
    const wrong = {...doc, type: 'open-sauce', timezone: 'Mars/Olympus_Mons', stray: 1, name: 5}
    const ajv = newAjv().compile(shareRepeated(community.schema))
    expect(ajv(wrong)).toBe(false)
    expect(validate(wrong)).toBe(false)
    expect(validate.errors).toEqual(ajv.errors)
    expect(validate.errors?.map((e) => e.keyword)).toEqual(['additionalProperties', 'type', 'enum', 'format'])
  })
})
