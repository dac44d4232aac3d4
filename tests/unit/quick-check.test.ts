/**
 * The quick check (src/schema/quick-check.ts) says valid exactly when ajv does, for every kind's and step type's schema:
 * on the shipped documents, on random changes to them, and keyword by keyword; and its formats are ajv-formats' own.
 */
import {fullFormats} from 'ajv-formats/dist/formats.js'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compile, shareRepeated} from '../../src/schema/ajv.js'
import {KINDS} from '../../src/schema/all-kinds.js'
import {FORMATS} from '../../src/schema/formats.js'
import {quickValid} from '../../src/schema/quick-check.js'
import {changed, documents, newAjv, odd, paths, schemasWithSamples} from '../helpers/schema-docs.js'

describe('quickValid', () => {
  const docs = documents()
  const schemas = schemasWithSamples(docs)

  it('agrees with ajv on every shipped document of every kind', () => {
    let checked = 0
    const ajv = newAjv()
    for (const kind of KINDS) {
      const validate = ajv.compile(shareRepeated(kind.schema))
      const valid = docs.get(kind.kind) ?? []
      expect(valid.length, kind.kind).toBeGreaterThan(0)
      for (const doc of valid) {
        expect(quickValid(kind.schema, doc, FORMATS), `${kind.kind} ${String(doc.name)}`).toBe(validate(doc))
        checked++
      }
    }
    expect(checked).toBeGreaterThan(20)
  })

  it('agrees with ajv on random changes to them, for every kind and step type', () => {
    let invalid = 0
    const ajv = newAjv()
    for (const [name, schema, samples] of schemas) {
      const validate = ajv.compile(shareRepeated(schema))
      const bases = samples.length > 0 ? samples : [{}]
      fc.assert(
        fc.property(fc.nat(), fc.nat(), fc.nat({max: 3}), odd, fc.nat(), (which, where, how, value, from) => {
          const base = bases[which % bases.length]
          const all = paths(base)
          const at = all[where % all.length]
          // replace, remove, put another value of the same document there, or add a key (an item) to a mapping (a list)
          const valueAt = (p: Array<string | number>) => p.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], base)
          const target = valueAt(at)
          const doc =
            how === 0
              ? changed(base, at, value)
              : how === 1
                ? changed(base, at, undefined)
                : how === 2
                  ? changed(base, at, structuredClone(valueAt(all[from % all.length])))
                  : Array.isArray(target)
                    ? changed(base, [...at, target.length], value)
                    : target !== null && typeof target === 'object'
                      ? changed(base, [...at, 'extra'], value)
                      : changed(base, at, value)
          const answer = validate(doc)
          if (!answer) invalid++
          expect(quickValid(schema, doc, FORMATS), `${name}: ${String(JSON.stringify(doc)).slice(0, 300)}`).toBe(answer)
        }),
        {numRuns: 150, seed: 9},
      )
    }
    expect(invalid).toBeGreaterThan(1000)
  })

  it('answers each keyword as ajv does', () => {
    // keywords without their type, which ajv applies to values of that type only; `required` of properties not listed
    const ajv = newAjv({strictTypes: false, strictRequired: false})
    const cases: Array<[object, unknown[]]> = [
      [{type: 'string', minLength: 2, maxLength: 3}, ['ab', 'a', 'abcd', '😀😀', '😀', '😀😀😀😀', 'a\ud800', 5]],
      [{type: ['integer', 'null']}, [1, 1.5, null, '1', Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]],
      [{type: 'number', minimum: 0, exclusiveMaximum: 1}, [0, 0.5, 1, -0.1, Number.NaN, Number.POSITIVE_INFINITY, '0.5']],
      [{minimum: 0, maximum: 10}, [5, -1, 11, 'text', null, Number.POSITIVE_INFINITY]],
      [{type: 'array', items: {type: 'string'}, uniqueItems: true, minItems: 1, maxItems: 2}, [['a'], ['a', 'a'], [], ['a', 'b', 'c'], [1], 'a']],
      [
        {uniqueItems: true},
        [
          [{a: [1]}, {a: [1]}],
          [{a: 1}, {a: 2}],
          [1, '1'],
          [0, -0],
          [[], {}],
        ],
      ],
      [{enum: ['a', 1, null, {b: [1]}]}, ['a', 1, null, {b: [1]}, {b: [2]}, 'b', '1']],
      [{const: {a: [1, {b: 2}]}}, [{a: [1, {b: 2}]}, {a: [1, {b: 3}]}, {a: [1]}]],
      [
        {type: 'object', required: ['a'], properties: {a: {type: 'string'}, b: false}, additionalProperties: {type: 'integer'}},
        [{a: 'x'}, {a: 'x', c: 1}, {a: 'x', c: 'y'}, {a: 'x', b: 1}, {b: undefined, a: 'x'}, {}, {a: 1}, [], 'a'],
      ],
      [{additionalProperties: false, propertyNames: {pattern: '^[a-z]+$'}}, [{}, {a: 1}]],
      [{propertyNames: {pattern: '^[a-z]+$'}, minProperties: 1, maxProperties: 2}, [{a: 1}, {A: 1}, {}, {a: 1, b: 2, c: 3}]],
      [{type: 'string', pattern: '^\\p{Lu}'}, ['Éa', 'éa', 'A']],
      [{type: 'string', format: 'date'}, ['2024-02-29', '2023-02-29', '2024-2-1', 5]],
      [{format: 'iana-timezone'}, ['Asia/Shanghai', 'UTC', 'US/Eastern', 'Nowhere/Land', '', 3]],
      [{anyOf: [{type: 'string'}, {type: 'integer'}]}, ['a', 1, 1.5]],
      [{oneOf: [{type: 'number'}, {type: 'integer'}]}, [1, 1.5, 'a']],
      [{allOf: [{minLength: 1}, {maxLength: 2}]}, ['a', '', 'abc']],
      [{if: {properties: {kind: {const: 'a'}}}, then: {required: ['x']}, else: {required: ['y']}}, [{kind: 'a', x: 1}, {kind: 'a'}, {y: 1}, {}]],
      [{if: {type: 'string'}, then: {minLength: 2}}, ['ab', 'a', 5]],
      [{items: false}, [[], [1], 'x']],
      // an enum of plain values (looked up in a set) and one with an object in it, on values of every type
      [{enum: ['a', 0, true, null]}, ['a', 0, -0, true, null, 'b', '0', 1, false, Number.NaN, [], {}, ['a']]],
      [{enum: [1, [1], {a: 'x'}]}, [1, [1], [[1]], {a: 'x'}, {a: 'y'}, '1', Number.NaN]],
      [{type: ['string', 'array', 'object', 'boolean', 'number']}, ['a', [], {}, true, 1.5, null, Number.NaN]],
      [{properties: {a: {type: 'string'}}, additionalProperties: false}, [{a: 'x'}, {a: 1}, {b: 1}, {}, 'x', []]],
      // properties without additionalProperties, and the other way round
      [{properties: {a: {type: 'string'}, b: {type: 'integer'}}}, [{a: 'x'}, {a: 1}, {c: 1}, {a: 'x', b: 2, c: null}, {b: 'x'}, {}]],
      [{additionalProperties: {type: 'integer'}, minProperties: 1}, [{a: 1}, {a: 'x'}, {a: 1, b: 2.5}, {}]],
    ]
    for (const [schema, values] of cases) {
      const validate = ajv.compile(schema)
      for (const value of values) expect(quickValid(schema, value, FORMATS), `${JSON.stringify(schema)} ${String(value)}`).toBe(validate(value))
    }
  })

  it('answers alike each time a schema is met again, from one place or another', () => {
    // each schema object's check is made once: a subschema shared by two properties, and a schema asked twice
    const shared = {type: 'string', minLength: 2}
    const schema = {type: 'object', properties: {a: shared, b: {type: 'array', items: shared}}, additionalProperties: shared}
    const ajv = newAjv()
    const validate = ajv.compile(structuredClone(schema))
    const values = [{a: 'xy'}, {a: 'x'}, {b: ['xy', 'zw']}, {b: ['xy', 'z']}, {c: 'xy'}, {c: 'x'}, {a: 'xy', b: [], c: 1}]
    for (let round = 0; round < 2; round++)
      for (const value of values) expect(quickValid(schema, value, FORMATS), `${round} ${JSON.stringify(value)}`).toBe(validate(value))
    for (const value of ['xy', 'x', 5]) expect(quickValid(shared, value, FORMATS), String(value)).toBe(value === 'xy')
  })

  it('says no to what it cannot check, so ajv decides', () => {
    expect(quickValid({$ref: '#/$defs/x', $defs: {x: {}}}, 1, FORMATS)).toBe(false)
    expect(quickValid({contains: {type: 'string'}}, ['a'], FORMATS)).toBe(false)
    expect(quickValid({patternProperties: {'^a': {}}}, {a: 1}, FORMATS)).toBe(false)
    expect(quickValid({type: 'string', format: 'email'}, 'a@b.c', FORMATS)).toBe(false)
    // a property named like a member of Object.prototype: ajv reads `data.toString` of a value without one too
    expect(quickValid({properties: {toString: {type: 'string'}}}, {toString: 'x'}, FORMATS)).toBe(false)
    expect(newAjv({strictTypes: false}).validate({properties: {toString: {type: 'string'}}}, {})).toBe(false)
    expect(quickValid({properties: {toString: {type: 'string'}}}, {}, FORMATS)).toBe(false)
    expect(quickValid({type: 'string', 'x-hint': {en: 'h'}, description: 'd', default: 'x'}, 'a', FORMATS)).toBe(true)
  })

  it('is what a kind is checked with: a valid document has no errors, an invalid one all of ajv’s', () => {
    const community = KINDS.find((k) => k.kind === 'Community')!
    const validate = compile(community.schema, 'kind', 'Community')
    const doc = docs.get('Community')![0]
    expect(validate(doc)).toBe(true)
    expect(validate.errors).toBeNull()
    expect(validate({...doc, timezone: 'Mars/Olympus_Mons', stray: 1})).toBe(false)
    expect(validate.errors?.map((e) => e.keyword).sort()).toEqual(['additionalProperties', 'format'])
  })
})

describe('the formats', () => {
  it('date is ajv-formats’ date: the same days exist', () => {
    const ajvDate = (fullFormats.date as {validate: (text: string) => boolean}).validate
    const texts = ['', '2024-02-29', '2024-2-29', '20240229', ' 2024-02-29', '2024-02-29 ', '２０２４-02-29', '0000-02-29', '9999-12-31']
    for (const year of [0, 1, 100, 1900, 2000, 2023, 2024, 2100, 2400, 9999])
      for (let month = 0; month <= 13; month++)
        for (let day = 0; day <= 32; day++)
          texts.push(`${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
    for (const text of texts) expect(FORMATS.date(text), text).toBe(ajvDate(text))
    fc.assert(fc.property(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), (text) => FORMATS.date(text) === ajvDate(text)))
  })
})
