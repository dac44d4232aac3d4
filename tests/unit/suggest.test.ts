import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {closest, editDistance} from '../../src/util/suggest.js'

/** closest() as first written: every candidate compared, the first of the nearest kept. */
function everyCandidate(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of candidates) {
    const d = editDistance(value.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) [best, bestDistance] = [c, d]
  }
  return bestDistance <= Math.max(1, Math.floor(value.length / 3)) ? best : undefined
}

describe('closest', () => {
  it('suggests the nearest candidate within a third of the length', () => {
    expect(closest('colour', ['color', 'name', 'timezone'])).toBe('color')
    expect(closest('open-sauce', ['open-source', 'company', 'hobby'])).toBe('open-source')
    expect(closest('xyz', ['timezone', 'name'])).toBeUndefined()
  })

  it('keeps the first of equally near candidates, even past ones of other lengths', () => {
    expect(closest('abcd', ['abcdefgh', 'abce', 'abcf'])).toBe('abce')
    expect(closest('abcd', ['abc', 'abcde'])).toBe('abc')
  })

  it('skipping candidates that cannot win changes no answer', () => {
    const word = fc.string({unit: fc.constantFrom('a', 'b', 'c', 'A', 'İ', '-'), maxLength: 9})
    fc.assert(
      fc.property(word, fc.array(word, {maxLength: 12}), (value, candidates) => {
        expect(closest(value, candidates)).toBe(everyCandidate(value, candidates))
      }),
      {numRuns: Number(process.env.COMMOPS_PROPERTY_RUNS ?? 1000)},
    )
  })
})
