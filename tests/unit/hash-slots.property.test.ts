/** The typed-array hash table behind the column builder's tables: the same indexes as a Map, whatever the hashes. */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {hash53} from '../../src/events/columns.js'
import {HashSlots} from '../../src/events/hash-slots.js'

/** Interns strings as the column builder does: by hash, telling strings of the same hash apart by comparing them. */
function interner(hash: (s: string) => number) {
  const slots = new HashSlots()
  const strings: string[] = []
  return {
    slots,
    of(s: string): number {
      let i = slots.first(hash(s))
      while (i >= 0 && strings[i] !== s) i = slots.next()
      if (i >= 0) return i
      strings.push(s)
      return slots.add()
    },
  }
}

/** What a Map gives: the index of each string's first appearance. */
function mapIndexes(strings: string[]): number[] {
  const map = new Map<string, number>()
  return strings.map((s) => {
    if (!map.has(s)) map.set(s, map.size)
    return map.get(s)!
  })
}

// few distinct strings, often repeated, and sometimes many (past the first table sizes)
const strings = fc.oneof(
  fc.array(fc.string({maxLength: 6}), {maxLength: 300}),
  fc.array(
    fc.integer({min: 0, max: 5000}).map((n) => `t${n}`),
    {maxLength: 1500},
  ),
)

describe('HashSlots', () => {
  it('gives each string the index a Map gives it, with hash53 and with a hash that makes most strings collide', () => {
    // a weak hash: long runs of occupied slots and many items of one hash (compared by their strings)
    const weak = (s: string) => (s.length % 3) * 2 ** 40 + ((s.charCodeAt(0) || 0) % 2)
    fc.assert(
      fc.property(strings, (list) => {
        const want = mapIndexes(list)
        for (const hash of [hash53, weak]) {
          const t = interner(hash)
          expect(list.map((s) => t.of(s))).toEqual(want)
          expect(t.slots.size).toBe(new Set(list).size)
          // the hashes by index
          const firsts = [...new Set(list)]
          expect([...t.slots.hashes()]).toEqual(firsts.map(hash))
        }
      }),
      {numRuns: 100},
    )
  })

  it('by hash alone (topics), strings of one hash are one item', () => {
    const slots = new HashSlots()
    const of = (h: number) => {
      const i = slots.first(h)
      return i >= 0 ? i : slots.add()
    }
    expect([of(7), of(2 ** 52 + 7), of(7), of(2 ** 52 + 7), of(2 ** 40)]).toEqual([0, 1, 0, 1, 2])
    expect([...slots.hashes()]).toEqual([7, 2 ** 52 + 7, 2 ** 40])
  })
})
