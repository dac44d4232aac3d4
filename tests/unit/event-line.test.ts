/**
 * An event's line as bytes: exactly JSON.stringify's, and the hashes and column texts read from it are those read from
 * the strings (so a batch imported now matches one imported before the line was written by hand).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {BlockBuilder} from '../../src/events/columns.js'
import {EventLine} from '../../src/events/event-line.js'
import {lineSrcHash, srcHash} from '../../src/events/src-set.js'
import {jsonText} from '../../src/events/ts-text.js'
import type {CanonicalEvent} from '../../src/events/types.js'

const RUNS = {numRuns: Number(process.env.COMMOPS_PROPERTY_RUNS ?? 300)}

/** Strings of every kind: plain ASCII, quotes and backslashes, control characters, CJK, emoji, lone surrogates. */
const text = fc.oneof(
  fc.string({maxLength: 60}),
  fc.string({unit: 'binary', maxLength: 30}),
  fc.constantFrom('2026-06-01T00:00:58+08:00', '2026-06-01T00:00:58Z', 'telegram:1111111111:312000', '"\\', '\ud800x', '群', 'a\u007fb', 'tab\there'),
)
const ts = fc.oneof(
  text,
  fc.integer({min: 0, max: 4_000_000_000}).map((s) => new Date(s * 1000).toISOString().replace('.000Z', '+00:00')),
)
/** Events with the canonical keys in any order, some of them absent or undefined, and a count that may be any number. */
const event = fc
  .record(
    {
      ts,
      type: fc.constantFrom('post', 'reply', 'reaction'),
      member: text,
      channel: fc.option(text, {nil: undefined}),
      topic: fc.option(text, {nil: undefined}),
      src: text,
      parent: fc.option(text, {nil: undefined}),
      count: fc.option(fc.oneof(fc.integer(), fc.double()), {nil: undefined}),
    },
    {requiredKeys: ['ts', 'type', 'member', 'src']},
  )
  .chain((e) =>
    fc
      .shuffledSubarray(Object.keys(e), {minLength: Object.keys(e).length})
      .map((keys) => Object.fromEntries(keys.map((k) => [k, e[k as keyof typeof e]]))),
  )
  .map((e) => e as unknown as CanonicalEvent)

const decode = (line: EventLine): string => Buffer.from(line.bytes.subarray(0, line.length)).toString('utf8')
const textOf = (line: EventLine, at: {start: number; end: number}): Buffer => Buffer.from(line.bytes.subarray(at.start, at.end))

describe('EventLine', () => {
  it("writes JSON.stringify's bytes and finds the ts, src and parent texts in them", () => {
    const line = new EventLine()
    fc.assert(
      fc.property(event, (e) => {
        line.encode(e)
        expect(decode(line)).toBe(`${JSON.stringify(e)}\n`)
        expect(textOf(line, line.ts)).toEqual(jsonText(e.ts))
        expect(textOf(line, line.src)).toEqual(jsonText(e.src))
        if (e.parent === undefined) expect(line.parent.end).toBe(0)
        else expect(textOf(line, line.parent)).toEqual(jsonText(e.parent))
        expect(line.src.plain).toBe(/^[\x20-\x7e]*$/.test(e.src) && !/["\\]/.test(e.src))
        expect(lineSrcHash(line, e.src)).toEqual(srcHash(e.src))
      }),
      RUNS,
    )
  })

  it('grows for a line longer than its buffer, and is exact again for a short one after it', () => {
    const line = new EventLine()
    const long: CanonicalEvent = {ts: '2026-06-01T00:00:58+08:00', type: 'post', member: 'qq:1', src: `qq:${'群\u0001'.repeat(50_000)}`}
    line.encode(long)
    expect(decode(line)).toBe(`${JSON.stringify(long)}\n`)
    const short: CanonicalEvent = {ts: '2026-06-01T00:00:58+08:00', type: 'post', member: 'qq:1', src: 'qq:2'}
    line.encode(short)
    expect(decode(line)).toBe(`${JSON.stringify(short)}\n`)
  })

  it('gives the column cache the same blocks as the event strings do', () => {
    fc.assert(
      fc.property(fc.array(event, {maxLength: 40}), (events) => {
        const fromStrings = new BlockBuilder(64, true)
        const fromLines = new BlockBuilder(64, true)
        const line = new EventLine()
        for (const e of events) {
          fromStrings.add(e)
          line.encode(e)
          fromLines.add(e, undefined, line)
        }
        const a = fromStrings.flush()
        const b = fromLines.flush()
        expect(b === undefined).toBe(a === undefined)
        if (!a || !b) return
        const used = (x: typeof a) => ({
          ...x,
          text: {...x.text!, bytes: x.text!.bytes.subarray(0, x.length === 0 ? 0 : x.text!.ends[2 * x.length - 1])},
        })
        expect(used(b)).toEqual(used(a))
      }),
      RUNS,
    )
  })
})
