/** Member refs: the importers' member cache numbers each member string, and the batch's member table finds it by that. */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {BlockBuilder, type EventBlock} from '../../src/events/columns.js'
import {EventLine} from '../../src/events/event-line.js'
import {memberCache} from '../../src/events/import/common.js'
import type {CanonicalEvent} from '../../src/events/types.js'

/** The member of each event of the blocks, read through the tables. */
const membersOf = (blocks: EventBlock[]): string[] => blocks.flatMap((b) => Array.from(b.member.subarray(0, b.length), (m) => b.tables.members[m]))

describe('member refs', () => {
  it('a cache gives one ref per member string it returned, the ref of the member returned last only, and new refs once it forgets', () => {
    const cache = memberCache((id) => (id === 'none' ? undefined : `p:${id.trim()}`), 3)
    const a = cache('a')!
    const refA = cache.refOf(a)!
    expect(cache.refOf('p:a')).toBe(refA)
    expect(cache('b')).toBe('p:b')
    // not the member returned last
    expect(cache.refOf(a)).toBeUndefined()
    const refB = cache.refOf('p:b')!
    expect(refB).not.toBe(refA)
    expect(cache('a')).toBe(a)
    expect(cache.refOf(a)).toBe(refA)
    // another id, the same member string: a ref of its own, which stands for the same string
    expect(cache(' a')).toBe('p:a')
    expect(cache.refOf('p:a')).not.toBe(refA)
    // no member: nothing new to name
    expect(cache('none')).toBeUndefined()
    // past 3 ids the cache forgets: the member comes back with a ref never given before
    cache('c')
    expect(cache('a')).toBe('p:a')
    expect([refA, refB]).not.toContain(cache.refOf('p:a'))
    // a second cache never gives a ref the first gave
    const other = memberCache((id) => `q:${id}`)
    other('a')
    expect([refA, refB]).not.toContain(other.refOf('q:a'))
  })

  it('a block builder given member refs makes the same member column and table as one reading the strings', () => {
    // members with refs in any order (several refs for one string, as after a cache forgets), mixed with events without
    const member = fc.integer({min: 0, max: 40})
    const event = fc.record({member, ref: fc.oneof(fc.constant(undefined), fc.integer({min: 0, max: 2}))})
    fc.assert(
      fc.property(fc.array(event, {maxLength: 400}), fc.integer({min: 0, max: 5000}), (events, base) => {
        const plain = new BlockBuilder(64)
        const withRefs = new BlockBuilder(64)
        const line = new EventLine()
        const got: EventBlock[] = []
        const want: EventBlock[] = []
        for (const [i, {member: m, ref}] of events.entries()) {
          const e: CanonicalEvent = {ts: '2026-01-01T00:00:00+08:00', channel: 'c', type: 'post', member: `x:${m}`, src: `s:${i}`}
          // ref r of member m: base + 3m + r, one string per ref
          line.encode(e, ref === undefined ? undefined : base + 3 * m + ref)
          const a = plain.add(e)
          const b = withRefs.add(e, undefined, line)
          if (a) want.push({...a, member: a.member.slice()})
          if (b) got.push({...b, member: b.member.slice()})
        }
        for (const [builder, out] of [
          [plain, want],
          [withRefs, got],
        ] as const) {
          const rest = builder.flush()
          if (rest) out.push({...rest, member: rest.member.slice()})
        }
        expect(membersOf(got)).toEqual(events.map((e) => `x:${e.member}`))
        expect(got.map((b) => Array.from(b.member.subarray(0, b.length)))).toEqual(want.map((b) => Array.from(b.member.subarray(0, b.length))))
        expect(withRefs.tables.members).toEqual(plain.tables.members)
      }),
      {numRuns: 300},
    )
  })
})
