/** The streaming JSON walker: values split at any byte, strings holding structural characters, broken documents. */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {walkJson, type JsonPiece, type JsonShape} from '../../src/events/import/json-walk.js'
import {bytesOf, reusedBytesOf} from '../helpers/events.js'

const walk = async (text: string | Uint8Array, chunk: number, keys = ['messages']): Promise<JsonPiece[]> => {
  const out: JsonPiece[] = []
  for await (const pieces of walkJson(bytesOf(text, chunk), new Set(keys))) out.push(...pieces)
  return out
}

const DOC = JSON.stringify(
  {
    guild: {id: '1', name: 'a "quoted" {brace} [bracket] \\ back\\slash'},
    messages: [
      {id: '1', content: '你好，社群 ]}, "x": [', nested: [[1, 2], {a: [3]}], n: -1.5e3, t: true, f: false, z: null},
      'plain string ]',
      42,
      [],
      {},
    ],
    count: 5,
    empty: [],
  },
  null,
  1,
)

describe('walkJson', () => {
  it('gives the same values as JSON.parse, whatever the chunk size', async () => {
    const whole = JSON.parse(DOC) as Record<string, unknown>
    const want: JsonPiece[] = [
      {key: 'guild', value: whole.guild},
      ...(whole.messages as unknown[]).map((value, index) => ({key: 'messages', index, value})),
      {key: 'count', value: 5},
      {key: 'empty', value: []},
    ]
    for (const chunk of [1, 2, 3, 5, 7, 64, 100_000]) expect(await walk(DOC, chunk)).toEqual(want)
  })

  it('keeps a value split across chunks when the stream reuses its buffer (as a file is read)', async () => {
    const want = await walk(DOC, 100_000)
    for (const chunk of [1, 3, 7, 64]) {
      const got: JsonPiece[] = []
      for await (const pieces of walkJson(reusedBytesOf(DOC, chunk), new Set(['messages']))) got.push(...pieces)
      expect(got).toEqual(want)
    }
  })

  it('ends a string at the first quote not escaped: runs of backslashes before quotes, split at any byte', async () => {
    const values = ['\\', '\\"', 'x\\\\', '"\\\\"\\"', '\\\\\\"]', 'a"b\\', '']
    const doc = JSON.stringify({messages: values.map((text) => ({text, after: '}'})), n: 1})
    const want = [...values.map((text, index) => ({key: 'messages', index, value: {text, after: '}'}})), {key: 'n', value: 1}]
    for (const chunk of [1, 2, 3, 4, 5, 9, 1000]) expect(await walk(doc, chunk)).toEqual(want)
  })

  it('ends strings of any length at their closing quote: backslashes and quotes before and past the bytes read one by one', async () => {
    // a string's first bytes are read one by one, the rest searched: escapes on either side of that border, and chunk ends
    const piece = fc.constantFrom('a', '"', '\\', '\\"', '}', ']', ',', '你', '\n', 'x'.repeat(30))
    const text = fc.array(piece, {maxLength: 40}).map((parts) => parts.join(''))
    const doc = fc.array(fc.record({text, id: fc.nat(), skipped: text}), {minLength: 1, maxLength: 5})
    await fc.assert(
      fc.asyncProperty(doc, fc.constantFrom(1, 7, 63, 64, 65, 200, 100_000), async (messages, chunk) => {
        const json = JSON.stringify({head: messages[0].text, messages})
        const want = [
          {key: 'head', value: messages[0].text},
          ...messages.map((value, index) => ({key: 'messages', index, value: {text: value.text, id: value.id}})),
        ]
        const got: JsonPiece[] = []
        for await (const pieces of walkJson(reusedBytesOf(json, chunk), new Set(['messages']), undefined, new Set(['skipped']))) got.push(...pieces)
        expect(got).toEqual(want)
      }),
      {numRuns: 300},
    )
  })

  it('streams a top-level array under the key "" and skips a BOM', async () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('[{"a":1}, 2 ,"三"]')])
    expect(await walk(bom, 4, [])).toEqual([
      {key: '', index: 0, value: {a: 1}},
      {key: '', index: 1, value: 2},
      {key: '', index: 2, value: '三'},
    ])
  })

  it('refuses what is not JSON: truncated, missing or extra commas, trailing text, a bare value', async () => {
    await expect(walk('{"messages": [{"id": 1}, {"id"', 3)).rejects.toThrow(/ends before/)
    await expect(walk('{"messages": [1 2]}', 3)).rejects.toThrow(/unexpected/)
    await expect(walk('{"messages": [1,]}', 3)).rejects.toThrow()
    await expect(walk('{"a": 1,}', 3)).rejects.toThrow(/unexpected/)
    await expect(walk('{"a": 1} x', 3)).rejects.toThrow(/after the end/)
    await expect(walk('{"a": tru}', 3)).rejects.toThrow()
    await expect(walk('"text"', 3)).rejects.toThrow(/not a JSON object or array/)
    expect(await walk('', 3)).toEqual([])
  })

  it('reports the first element that is not JSON, before a later error in the same chunk', async () => {
    // elements whole in a chunk are parsed together, after the chunk is scanned: the error must still be the first one
    await expect(walk('{"messages": [1, tru, 3 4]}', 1 << 16)).rejects.toThrow(/JSON|tru/)
    await expect(walk('{"messages": [1, tru, 3 4]}', 1 << 16)).rejects.not.toThrow(/unexpected "4"/)
    await expect(walk('{"messages": [1, 2, 3 4]}', 1 << 16)).rejects.toThrow(/unexpected "4"/)
    expect(await walk('{"messages": [1, {"a": [2]}, "三"]}', 1 << 16)).toEqual([
      {key: 'messages', index: 0, value: 1},
      {key: 'messages', index: 1, value: {a: [2]}},
      {key: 'messages', index: 2, value: '三'},
    ])
  })

  it('leaves out the members of skipped keys of a streamed object, whatever the chunk size, and nothing else', async () => {
    const messages = [
      {id: 1, text: 'a, "b"} ]{ 你好 \\', from: 'x', n: [1]},
      {text: [{type: 'bold', text: '}'}, 'c'], id: 2, reply: {text: 'kept: not at the message level'}},
      {id: 3, text_entities: [], last: 0, text: 7},
      {id: 4},
      'text',
      ['text', 1],
    ]
    const doc = JSON.stringify({text: 'top level, not streamed', messages}, null, 1)
    const skip = new Set(['text', 'text_entities'])
    const want: JsonPiece[] = [
      {key: 'text', value: 'top level, not streamed'},
      {key: 'messages', index: 0, value: {id: 1, from: 'x', n: [1]}},
      {key: 'messages', index: 1, value: {id: 2, reply: {text: 'kept: not at the message level'}}},
      {key: 'messages', index: 2, value: {id: 3, last: 0}},
      {key: 'messages', index: 3, value: {id: 4}},
      {key: 'messages', index: 4, value: 'text'},
      {key: 'messages', index: 5, value: ['text', 1]},
    ]
    for (const chunk of [1, 2, 5, 17, 64, 100_000]) {
      const got: JsonPiece[] = []
      for await (const pieces of walkJson(bytesOf(doc, chunk), new Set(['messages']), undefined, skip)) got.push(...pieces)
      expect(got).toEqual(want)
    }
    // what is not skipped is still parsed: a syntax error outside a skipped value is refused
    const bad = '{"messages": [{"id": 1, "text": "x"}, {"id": tru, "text": "y"}]}'
    await expect(async () => {
      for await (const pieces of walkJson(bytesOf(bad, 1 << 16), new Set(['messages']), undefined, skip)) void pieces
    }).rejects.toThrow()
  })

  it('accepts an element with skipped members exactly when it is JSON with their values as null, and leaves them out', async () => {
    // the element as the walker must judge it: a skipped key's value, from its colon to the next comma or closing brace
    // at the element's level, read as null (whatever it holds); brackets and strings are whole tokens here
    const skip = new Set(['text', 'from'])
    const reference = (tokens: string[]): string => {
      let out = ''
      let keyNext = true
      let skipNext = false
      let inHole = false
      for (const t of tokens) {
        if (inHole && t !== ',') continue
        if (inHole) out += 'null'
        inHole = false
        if (t === ',') keyNext = true
        else if (t.startsWith('"') && keyNext) {
          skipNext = skip.has(t.slice(1, -1))
          keyNext = false
        } else if (t === ':' && skipNext) {
          skipNext = false
          inHole = true
        }
        out += t
      }
      return `{${out}${inHole ? 'null' : ''}}`
    }
    const token = fc.constantFrom(',', ':', ' ', '\n', '"text"', '"from"', '"id"', '"x"', '1', 'tru', 'null', '[1,"text":2]', '{"text":"}"}', '"a,}"')
    const member = fc
      .tuple(
        fc.constantFrom([], [], [], ['tru', ' ']),
        fc.constantFrom('"text"', '"from"', '"id"', '"n"'),
        fc.constantFrom([':'], [' ', ':', ' '], [], ['1', ':']),
        fc.constantFrom('1', '"s"', '[]', '""', 'tru', '{}'),
      )
      .map(([junk, k, colon, v]) => [...junk, k, ...colon, v])
    const separator = fc.constantFrom([','], [',', ' '], [' ', ',', '\n', ' '], [',', ','], [' '], [])
    const tokens = fc.oneof(
      fc.array(fc.tuple(member, separator), {maxLength: 6}).map((ms) => ms.flatMap(([m, sep]) => [...m, ...sep])),
      fc.array(token, {maxLength: 12}),
    )
    await fc.assert(
      fc.asyncProperty(tokens, fc.constantFrom(0, 1), async (element, before) => {
        const text = `{${element.join('')}}`
        const doc = `{"messages": [${before ? '{"id": 0, "text": 1}, ' : ''}${text}]}`
        let want: unknown
        try {
          const o = JSON.parse(reference(element)) as Record<string, unknown>
          for (const k of skip) delete o[k]
          want = o
        } catch {
          want = undefined
        }
        const got: JsonPiece[] = []
        let failed = false
        try {
          for await (const pieces of walkJson(bytesOf(doc, 100_000), new Set(['messages']), undefined, skip)) got.push(...pieces)
        } catch {
          failed = true
        }
        expect(failed).toBe(want === undefined)
        if (want !== undefined) expect(got.at(-1)?.value).toEqual(want)
      }),
      {numRuns: 3000},
    )
  })

  it('records the shape: object or array at the top, and which streamed keys held arrays (empty ones too)', async () => {
    const shapeOf = async (text: string) => {
      const shape: JsonShape = {arrays: new Set()}
      for await (const pieces of walkJson(bytesOf(text, 3), new Set(['messages', 'other']), shape)) void pieces
      return {top: shape.top, arrays: [...shape.arrays]}
    }
    expect(await shapeOf('{"messages": [], "other": "x"}')).toEqual({top: 'object', arrays: ['messages']})
    expect(await shapeOf('{"messages": "nope"}')).toEqual({top: 'object', arrays: []})
    expect(await shapeOf('[1, 2]')).toEqual({top: 'array', arrays: []})
    expect(await shapeOf('')).toEqual({top: undefined, arrays: []})
  })
})
