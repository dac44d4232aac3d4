import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {findPlaceholders} from '../../src/workspace/placeholder.js'

describe('findPlaceholders on a document that contains itself', () => {
  it('a YAML alias of its own parent (a: &x {b: *x}) is walked once instead of overflowing the stack', () => {
    const doc = parse('a: &x\n  note: TODO\n  b: *x\nc: (to fill in)\n', {maxAliasCount: -1}) as unknown
    expect(findPlaceholders(doc)).toEqual(['/a/note', '/c'])
  })
})
