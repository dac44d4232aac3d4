import {describe, expect, it} from 'vitest'
import {STEP_SPECS} from '../../src/steps/catalogue.js'
import {STEP_TYPES} from '../../src/steps/registry.js'

describe('step catalogue', () => {
  it('has the spec of every step type, in the order of STEP_TYPES', () => {
    expect(STEP_SPECS.map((s) => s.type)).toEqual(STEP_TYPES.map((s) => s.type))
  })

  it('gives each step type its own schema, description and needs', () => {
    for (const [i, spec] of STEP_SPECS.entries()) expect(STEP_TYPES[i]).toMatchObject(spec)
  })
})
