import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {Groups, int32List, NumberList, SortedKeys} from '../../src/metrics/lists.js'

const listOf = (values: number[]): NumberList => {
  const list = new NumberList()
  for (const v of values) list.push(v)
  return list
}

// values that are not spread evenly (small ids beside hashes near 2^53), with repeats
const key = fc.oneof(fc.integer({min: 0, max: 40}), fc.integer({min: 2 ** 52, max: 2 ** 53 - 1}), fc.constant(2 ** 53 - 1))

describe('engine lists', () => {
  it('keep values across chunks of 65 536 and copy them in order', () => {
    const list = int32List()
    for (let i = 0; i < 200_000; i++) list.push(i * 7 - 3)
    expect(list.length).toBe(200_000)
    expect([list.at(0), list.at(65_535), list.at(65_536), list.at(199_999)]).toEqual([-3, 65_535 * 7 - 3, 65_536 * 7 - 3, 199_999 * 7 - 3])
    const copy = list.copy()
    expect(copy).toBeInstanceOf(Int32Array)
    expect(copy.length).toBe(200_000)
    expect(copy[131_072]).toBe(131_072 * 7 - 3)
    list.clear()
    expect(list.length).toBe(0)
  })

  it('count the distinct finite values across chunks', () => {
    const values = Array.from({length: 150_000}, (_, i) => (i % 7 === 0 ? Number.NaN : (i * 7919) % 50_021))
    expect(listOf(values).countDistinct()).toBe(new Set(values.filter((v) => !Number.isNaN(v))).size)
    expect(listOf([]).countDistinct()).toBe(0)
  })

  it('give its values chunk by chunk, as views that write through', () => {
    const list = listOf(Array.from({length: 70_000}, (_, i) => i))
    const chunks = list.chunks()
    expect(chunks.map((c) => c.length)).toEqual([65_536, 70_000 - 65_536])
    chunks[1][0] = -1
    expect(list.at(65_536)).toBe(-1)
  })

  it('find a key among sorted distinct keys as a plain search would', () => {
    fc.assert(
      fc.property(fc.array(key, {maxLength: 60}), fc.array(key, {maxLength: 30}), (keys, probes) => {
        const sorted = new SortedKeys(listOf([...keys, Number.NaN]))
        const expected = [...new Set(keys)].sort((a, b) => a - b)
        expect([...sorted.keys]).toEqual(expected)
        for (const k of [...keys, ...probes]) expect(sorted.indexOf(k)).toBe(expected.indexOf(k))
      }),
    )
  })

  it('group rows by key, each key walking its rows in order', () => {
    fc.assert(
      fc.property(fc.array(key, {maxLength: 60}), (keys) => {
        const groups = new Groups(listOf(keys))
        for (const k of [...keys, 41, 2 ** 51]) {
          const rows: number[] = []
          for (let r = groups.first(k); r >= 0; r = groups.next(r)) rows.push(r)
          expect(rows).toEqual(keys.flatMap((x, i) => (x === k ? [i] : [])))
        }
      }),
    )
  })
})
