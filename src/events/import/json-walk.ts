/** Streaming JSON (stream-json): a document's top-level values, with big arrays handed over one element at a time. */
import type {ByteStream} from '../types.js'

/** A top-level value (`index` undefined), or one element of a streamed top-level array. */
export interface JsonPiece {
  key: string
  index?: number
  value: unknown
}

/** Thrown for text that is not JSON; the service turns it into a located error. */
export class JsonSyntaxError extends Error {}

type Token = {name: string; value?: string}

/** Nesting of one value: far beyond any export's (about 10), far below what would exhaust memory ([[[… 50 MB deep). */
export const MAX_JSON_DEPTH = 1000

/**
 * Walks a JSON document holding an object (or an array, seen as key `''`): yields each top-level value once it is
 * complete, except arrays under `streamKeys`, whose elements are yielded one by one, so memory holds one element at a
 * time, not the file.
 */
export async function* walkJson(bytes: ByteStream, streamKeys: ReadonlySet<string>): AsyncGenerator<JsonPiece> {
  const [{jsonParser}, {default: Assembler}] = await Promise.all([import('stream-json/parser.js'), import('stream-json/assembler.js')])
  // the bare tokenizer, called per chunk: an async step per token would cost more than the parsing itself
  const tokenize = jsonParser({streamValues: false}) as unknown as (text: string) => {values?: Token[]}
  const decoder = new TextDecoder('utf-8')
  let depth = 0
  let key = ''
  let streaming = false
  let index = 0
  let asm: InstanceType<typeof Assembler> | undefined
  let nesting = 0
  const piece = (value: unknown): JsonPiece => (streaming ? {key, index: index++, value} : {key, value})
  for await (const chunk of bytes) {
    let tokens: Token[]
    try {
      tokens = tokenize(decoder.decode(chunk, {stream: true})).values ?? []
    } catch (error) {
      throw new JsonSyntaxError(error instanceof Error ? error.message : String(error))
    }
    const out: JsonPiece[] = []
    for (const token of tokens) {
      if (asm) {
        if (token.name === 'startArray' || token.name === 'startObject') {
          if (++nesting > MAX_JSON_DEPTH) throw new JsonSyntaxError(`a value is nested more than ${MAX_JSON_DEPTH} levels deep`)
        } else if (token.name === 'endArray' || token.name === 'endObject') nesting--
        asm.consume(token as never)
        if (asm.done) {
          out.push(piece(asm.current))
          asm = undefined
        }
        continue
      }
      const name = token.name
      if (depth === 0) {
        if (name !== 'startObject' && name !== 'startArray') throw new JsonSyntaxError('the document is not a JSON object or array')
        depth = 1
        streaming = name === 'startArray'
        continue
      }
      if (name === 'keyValue' && !streaming) {
        key = token.value ?? ''
        continue
      }
      if (name === 'endObject' || name === 'endArray') {
        streaming = false
        depth--
        continue
      }
      if (name === 'startArray' && !streaming && streamKeys.has(key)) {
        streaming = true
        depth = 2
        index = 0
        continue
      }
      const a = new Assembler()
      nesting = name === 'startArray' || name === 'startObject' ? 1 : 0
      a.consume(token as never)
      if (a.done) out.push(piece(a.current))
      else asm = a
    }
    yield* out
  }
  if (depth > 0 || asm) throw new JsonSyntaxError('the document ends before it is complete')
}
