import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {compareIds} from '../../src/util/compare.js'

describe('compareIds', () => {
  it('orders ids exactly as localeCompare does (property)', () => {
    const idText = fc.stringMatching(/^[a-z0-9_-]{0,8}$/)
    fc.assert(
      fc.property(idText, idText, (a, b) => {
        expect(Math.sign(compareIds(a, b))).toBe(Math.sign(a.localeCompare(b)))
      }),
      {numRuns: 5000},
    )
  })

  it('sorts a list the same way, and leaves other text to localeCompare', () => {
    const ids = ['launch', 'launch-brand', 'launch_2', 'launch2', 'evaluate', 'a-b', 'a_b', 'a1b', 'ab', 'a', '']
    expect([...ids].sort(compareIds)).toEqual([...ids].sort((a, b) => a.localeCompare(b)))
    expect(compareIds('Zeta', 'alpha')).toBe('Zeta'.localeCompare('alpha'))
    expect(compareIds('周报', 'launch')).toBe('周报'.localeCompare('launch'))
  })
})
