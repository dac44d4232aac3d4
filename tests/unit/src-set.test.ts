/** De-duplication hashes: the short-src SHA-256 in JavaScript gives node:crypto's bytes, so old `.srcs` files still match. */
import {createHash} from 'node:crypto'
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {shortSha256Head, SrcSet, srcHash} from '../../src/events/src-set.js'

const head = (text: string): [number, number] => {
  const d = createHash('sha256').update(text).digest()
  return [d.readUInt32LE(0), d.readUInt32LE(4)]
}

describe('src hashes', () => {
  it('are the first 8 bytes of SHA-256 for every length around the one-block limit, and for non-ASCII srcs', () => {
    const srcs = [
      ...Array.from({length: 70}, (_, n) => 'discord:1234567890123456789:react:x'.repeat(3).slice(0, n)),
      'telegram:1111111111:312000',
      'discord:1:react:👍:2',
      'qq:摄影爱好者交流群:10002',
      '\u007f\u0000',
    ]
    for (const src of srcs) expect(srcHash(src), src).toEqual(head(src))
  })

  it('the JavaScript path takes only what fits one block of ASCII', () => {
    expect(shortSha256Head('a'.repeat(55))).toEqual(head('a'.repeat(55)))
    expect(shortSha256Head('a'.repeat(56))).toBeUndefined()
    expect(shortSha256Head('群')).toBeUndefined()
  })

  it('a set tells a new hash from one it has', () => {
    const set = new SrcSet()
    for (let i = 0; i < 5000; i++) expect(set.add(...srcHash(`s:${i}`))).toBe(true)
    expect(set.add(...srcHash('s:42'))).toBe(false)
    expect(set.size).toBe(5000)
  })

  it('a set answers as a set of the pairs would, through its growth and for hashes that share a half', () => {
    // small halves and shared ones make the probes collide and wrap around the table
    const half = fc.oneof(fc.integer({min: 0, max: 7}), fc.constant(0xffffffff), fc.integer({min: 0, max: 0xffffffff}))
    const pair = fc.tuple(half, half).filter(([hi, lo]) => hi !== 0 || lo !== 0)
    fc.assert(
      fc.property(fc.array(pair, {maxLength: 3000}), fc.array(pair, {maxLength: 50}), (added, asked) => {
        const set = new SrcSet()
        const model = new Set<string>()
        for (const [hi, lo] of added) {
          expect(set.add(hi, lo)).toBe(!model.has(`${hi},${lo}`))
          model.add(`${hi},${lo}`)
        }
        expect(set.size).toBe(model.size)
        for (const [hi, lo] of [...asked, ...added]) expect(set.has(hi, lo)).toBe(model.has(`${hi},${lo}`))
      }),
      {numRuns: 200},
    )
  })
})
