/**
 * Streaming JSON: a document's top-level values, with big arrays handed over one element at a time. A small byte
 * scanner finds where each value ends (tracking strings, escapes and nesting; every structural character is ASCII, so
 * UTF-8 needs no decoding to find them) and `JSON.parse` reads the values' bytes: memory holds a chunk's elements, and
 * the parsing is the engine's own. The elements that lie whole in one chunk are decoded and parsed together, as one
 * array (`[e1,e2,…]`: the bytes between them are commas and spaces), not one by one. The members the importer never
 * reads (a message's text) are left out of what is decoded and parsed, found by the same scan.
 */
import type {ByteStream} from '../types.js'

/** A top-level value (`index` undefined), or one element of a streamed top-level array. */
export interface JsonPiece {
  key: string
  index?: number
  value: unknown
}

/** What the document turned out to be: an object or an array at the top, and which streamed keys held arrays. */
export interface JsonShape {
  top?: 'object' | 'array'
  /** Keys of `streamKeys` whose value was an array (even an empty one), in the top object. */
  arrays: Set<string>
}

/** Thrown for text that is not JSON; the service turns it into a located error. */
export class JsonSyntaxError extends Error {}

/** Nesting of one value: far beyond any export's (about 10), far below what would exhaust memory ([[[… 50 MB deep). */
export const MAX_JSON_DEPTH = 1000

const QUOTE = 0x22
const BACKSLASH = 0x5c
const COMMA = 0x2c
const COLON = 0x3a
const OPEN_OBJECT = 0x7b
const CLOSE_OBJECT = 0x7d
const OPEN_ARRAY = 0x5b
const CLOSE_ARRAY = 0x5d
const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09

/**
 * Outside strings, the bytes the scanner acts on (1) among those it passes over (0: spaces, digits, letters): quotes and
 * brackets; with keys to skip, commas and colons too. A look-up, not four comparisons, for each byte passed over (most of
 * them: a pretty-printed export's indentation).
 */
const MARKS = new Uint8Array(256)
for (const c of [QUOTE, OPEN_OBJECT, OPEN_ARRAY, CLOSE_OBJECT, CLOSE_ARRAY]) MARKS[c] = 1
const MARKS_AND_SEPARATORS = MARKS.slice()
MARKS_AND_SEPARATORS[COMMA] = 1
MARKS_AND_SEPARATORS[COLON] = 1

/** Bytes [s, e) are all spaces (none at all too). */
function blank(chunk: Uint8Array, s: number, e: number): boolean {
  for (; s < e; s++) if (!isSpace(chunk[s])) return false
  return true
}

/** Bytes of a string looked at one by one before its end is searched for with `indexOf`. */
const SHORT = 64

/**
 * The index of the next `"` at or after `i` (`n` when there is none). Most strings are short (keys, ids, times) and are
 * read byte by byte: a call to `indexOf` costs more than that (measured: a tenth of the instructions of reading a
 * Telegram export went to its calls); the rest of a long string (most of an export's bytes are text) is searched by it.
 */
function nextQuote(chunk: Uint8Array, i: number, n: number): number {
  const stop = i + SHORT < n ? i + SHORT : n
  for (; i < stop; i++) if (chunk[i] === QUOTE) return i
  if (i === n) return n
  const quote = chunk.indexOf(QUOTE, i)
  return quote < 0 ? n : quote
}

/** Where the scanner is between values. */
const enum Mode {
  Start,
  Key,
  Colon,
  Value,
  AfterValue,
  Element,
  AfterElement,
  Done,
}

/** What a value being collected is: a string, an object or array (nested), or a number/literal. */
const enum Kind {
  None,
  String,
  Nested,
  Atom,
}

class Scanner {
  private mode = Mode.Start
  private key = ''
  private index = 0
  /** The document is an array (its elements are streamed, under key ''). */
  private topArray = false
  /** Inside a streamed array: no element yet (so `]` may close it), or just after a comma (a value must come). */
  private firstElement = true
  /** Just after a comma in the top object: a key must come. */
  private keyRequired = false
  private started = false

  // the value being collected
  private kind = Kind.None
  private parts: Uint8Array[] = []
  private depth = 0
  private inString = false
  private escaped = false
  /** The value collected is a key. */
  private forKey = false

  /** The chunk being fed, and the pieces completed in it. */
  private chunk: Uint8Array = new Uint8Array(0)
  private out: JsonPiece[] = []
  /** Where the value being collected began in the chunk (-1: in an earlier chunk). */
  private valueStart = -1
  /** Elements whole in the chunk and not parsed yet: [start, end) of each, in order, only commas and spaces between. */
  private run: number[] = []
  /** Within the run: [start, end) of each skipped member (its key to its value's end, and a comma), in order. */
  private holes: number[] = []
  /** Where `arrayText` puts the bytes it decodes (reused). */
  private compact = new Uint8Array(0)
  /** The keys of `skip` as bytes. */
  private readonly skipBytes: Uint8Array[]

  constructor(
    private readonly streamKeys: ReadonlySet<string>,
    private readonly shape: JsonShape,
    private readonly skip: ReadonlySet<string>,
  ) {
    this.skipBytes = [...skip].map((k) => Buffer.from(k))
  }

  /** The bytes [s, e) are one of the skipped keys. */
  private isSkipped(chunk: Uint8Array, s: number, e: number): boolean {
    for (const k of this.skipBytes) {
      if (k.length !== e - s) continue
      let same = true
      for (let j = 0; j < k.length && same; j++) same = chunk[s + j] === k[j]
      if (same) return true
    }
    return false
  }

  private fail(reason: string): never {
    // an element before this point that is not JSON is the first error, as when each was parsed on its own
    this.parseRun(true)
    throw new JsonSyntaxError(reason)
  }

  private unexpected(c: number): never {
    this.fail(`unexpected ${JSON.stringify(String.fromCharCode(c))} in the document`)
  }

  /** The pieces completed in this chunk. */
  feed(chunk: Uint8Array): JsonPiece[] {
    const out: JsonPiece[] = []
    this.chunk = chunk
    this.out = out
    let i = 0
    if (!this.started) {
      this.started = true
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) i = 3
    }
    const n = chunk.length
    while (i < n) {
      if (this.kind !== Kind.None) {
        const start = i
        const end = this.collect(chunk, i)
        if (end < 0) {
          this.parseRun()
          // a copy: the chunk's bytes are only valid until the next chunk is asked for (ByteStream)
          this.parts.push(new Uint8Array(chunk.subarray(start)))
          this.valueStart = -1
          return out
        }
        i = end
        if (this.mode === Mode.Element && this.valueStart >= 0) {
          // an element whole in this chunk: parsed with the run
          this.run.push(this.valueStart, end)
          this.kind = Kind.None
          this.mode = Mode.AfterElement
          continue
        }
        this.parts.push(chunk.subarray(start, end))
        this.complete(out)
        continue
      }
      const c = chunk[i]
      if (isSpace(c)) {
        i++
        continue
      }
      switch (this.mode) {
        case Mode.Start: {
          if (c === OPEN_OBJECT) {
            this.mode = Mode.Key
            this.shape.top = 'object'
          } else if (c === OPEN_ARRAY) {
            this.shape.top = 'array'
            this.topArray = true
            this.mode = Mode.Element
          } else this.fail('the document is not a JSON object or array')
          i++
          break
        }
        case Mode.Key: {
          if (c === QUOTE) {
            this.forKey = true
            this.begin(c, i)
          } else if (c === CLOSE_OBJECT && !this.keyRequired) {
            this.mode = Mode.Done
            i++
          } else this.unexpected(c)
          break
        }
        case Mode.Colon: {
          if (c !== COLON) this.unexpected(c)
          this.mode = Mode.Value
          i++
          break
        }
        case Mode.Value: {
          if (c === OPEN_ARRAY && this.streamKeys.has(this.key)) {
            this.shape.arrays.add(this.key)
            this.mode = Mode.Element
            this.firstElement = true
            this.index = 0
            i++
          } else this.begin(c, i)
          break
        }
        case Mode.AfterValue: {
          if (c === COMMA) {
            this.mode = Mode.Key
            this.keyRequired = true
          } else if (c === CLOSE_OBJECT) this.mode = Mode.Done
          else this.unexpected(c)
          i++
          break
        }
        case Mode.Element: {
          if (c === CLOSE_ARRAY && this.firstElement) {
            this.closeArray()
            i++
          } else this.begin(c, i)
          break
        }
        case Mode.AfterElement: {
          if (c === COMMA) {
            this.mode = Mode.Element
            this.firstElement = false
          } else if (c === CLOSE_ARRAY) this.closeArray()
          else this.unexpected(c)
          i++
          break
        }
        case Mode.Done:
          this.fail('unexpected content after the end of the document')
      }
    }
    this.parseRun()
    return out
  }

  /**
   * The run of elements as pieces. With `quiet` (on the way to another error) it throws only for an element of the
   * run that is not JSON.
   */
  private parseRun(quiet = false): void {
    const run = this.run
    if (run.length === 0) return
    const holes = this.holes
    this.run = []
    this.holes = []
    const chunk = this.chunk
    let values: unknown[]
    try {
      values = JSON.parse(this.arrayText(run[0], run[run.length - 1], holes)) as unknown[]
    } catch {
      // one by one, so the message is the first bad element's
      for (let k = 0; k < run.length; k += 2) this.parseBytes(chunk.subarray(run[k], run[k + 1]))
      if (quiet) return
      throw new JsonSyntaxError('a value is not JSON')
    }
    const key = this.topArray ? '' : this.key
    for (const value of values) this.out.push({key, index: this.index++, value})
  }

  /**
   * `[`, bytes [start, end) of the chunk without the holes' bytes, and `]`, as text: one copy of the run (native), the
   * kept bytes after each hole moved up over it (native, within the copy), decoded at once. A hole's neighbours are a
   * bracket, a comma or a key's quote on one side at least, so no two tokens run together. The brackets are written
   * around the copy, not joined to the decoded text: JSON.parse would copy that joined string flat again, a chunk's size
   * each time.
   */
  private arrayText(start: number, end: number, holes: number[]): string {
    const size = end - start + 2
    if (this.compact.length < size) this.compact = new Uint8Array(Math.max(size, this.compact.length * 2))
    const out = this.compact
    out[0] = OPEN_ARRAY
    out.set(this.chunk.subarray(start, end), 1)
    // o: the end of the bytes kept so far; the bytes from a hole's end to the next hole's start are kept
    let o = holes.length === 0 ? size - 1 : holes[0] - start + 1
    for (let k = 0; k < holes.length; k += 2) {
      const from = holes[k + 1] - start + 1
      const to = k + 2 < holes.length ? holes[k + 2] - start + 1 : size - 1
      out.copyWithin(o, from, to)
      o += to - from
    }
    out[o++] = CLOSE_ARRAY
    return Buffer.from(out.buffer, 0, o).toString('utf8')
  }

  /** One value from its bytes. */
  private parseBytes(bytes: Uint8Array): unknown {
    try {
      return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'))
    } catch (error) {
      throw new JsonSyntaxError(error instanceof Error ? error.message : String(error))
    }
  }

  private closeArray(): void {
    this.parseRun()
    this.mode = this.topArray ? Mode.Done : Mode.AfterValue
    this.keyRequired = false
  }

  /** Starts collecting a value at its first byte (not consumed: `collect` reads it). */
  private begin(c: number, at: number): void {
    this.valueStart = at
    if (c === QUOTE) this.kind = Kind.String
    else if (c === OPEN_OBJECT || c === OPEN_ARRAY) this.kind = Kind.Nested
    else if (c === COMMA || c === COLON || c === CLOSE_OBJECT || c === CLOSE_ARRAY) this.unexpected(c)
    else this.kind = Kind.Atom
    this.depth = 0
    this.inString = false
    this.escaped = false
  }

  /** Reads the value from `i` on: the index just after its end, or -1 when it goes on in the next chunk. */
  private collect(chunk: Uint8Array, i: number): number {
    const n = chunk.length
    if (this.kind === Kind.Atom) {
      for (; i < n; i++) {
        const c = chunk[i]
        if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_ARRAY || isSpace(c)) return i
      }
      return -1
    }
    let depth = this.depth
    let inString = this.inString
    let escaped = this.escaped
    const nested = this.kind === Kind.Nested
    // an element that starts in this chunk, with keys to skip: its members (at depth 1) are followed, and each one
    // whose key is skipped becomes a hole, with one comma next to it (the one before it when a member before it is
    // kept, else the one after it), so the object parsed simply lacks it
    const holes = nested && this.skip.size > 0 && this.mode === Mode.Element && this.valueStart === i ? this.holes : undefined
    const holesBefore = holes?.length ?? 0
    const marks = holes ? MARKS_AND_SEPARATORS : MARKS
    /** The element is an object: its commas at depth 1 separate members. */
    let isObject = false
    /** A key may come next: just after the element's `{` or one of its commas. */
    let keyNext = false
    /** The opening quote of the key being read. */
    let keyAt = -1
    /** A member of the element was kept: a skipped one takes the comma before it. */
    let kept = false
    let lastComma = -1
    /** A skipped key read, waiting for its colon: just after its closing quote; where its hole begins. */
    let keyEnd = -1
    let skipFrom = -1
    /** The hole being read: where it began. */
    let holeAt = -1
    /**
     * The element is not JSON in a way a hole could hide (text between a comma and a key, or a key and its colon, or a
     * comma before the closing brace): its holes are dropped, so the bytes parsed fail as the whole element does.
     */
    let broken = false
    for (; i < n; i++) {
      if (inString) {
        if (escaped) {
          escaped = false
          continue
        }
        // the string's end is its next quote not escaped; a quote is escaped when an odd run of backslashes comes
        // right before it
        const quote = nextQuote(chunk, i, n)
        let k = quote
        while (k > i && chunk[k - 1] === BACKSLASH) k--
        const odd = (quote - k) % 2 === 1
        if (quote === n) {
          escaped = odd
          break
        }
        i = quote
        if (odd) continue
        inString = false
        if (!nested) return i + 1
        if (keyAt >= 0) {
          if (this.isSkipped(chunk, keyAt + 1, quote)) {
            keyEnd = quote + 1
            skipFrom = kept ? lastComma : keyAt
            if (kept && !blank(chunk, lastComma + 1, keyAt)) broken = true
          } else {
            keyEnd = -1
            kept = true
          }
          keyAt = -1
        }
        continue
      }
      const c = chunk[i]
      if (marks[c] === 0) continue
      if (c === QUOTE) {
        inString = true
        if (keyNext && depth === 1) {
          keyAt = i
          keyNext = false
        }
      } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
        if (++depth > MAX_JSON_DEPTH) this.fail(`a value is nested more than ${MAX_JSON_DEPTH} levels deep`)
        if (holes && depth === 1) keyNext = isObject = c === OPEN_OBJECT
      } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
        if (depth === 1 && holes) {
          if (holeAt >= 0) holes.push(holeAt, i)
          // a comma, then the end: `,}` (or text between) is never JSON
          if (keyNext && lastComma >= 0) broken = true
          if (broken) holes.length = holesBefore
        }
        if (--depth === 0) return i + 1
      } else if (holes && depth === 1 && isObject) {
        if (c === COMMA) {
          if (holeAt >= 0) holes.push(holeAt, kept ? i : i + 1)
          holeAt = -1
          keyEnd = -1
          lastComma = i
          keyNext = true
        } else if (c === COLON && keyEnd >= 0) {
          if (!blank(chunk, keyEnd, i)) broken = true
          holeAt = skipFrom
          keyEnd = -1
        }
      }
    }
    // the element goes on in the next chunk: it is parsed whole, without holes
    if (holes) holes.length = holesBefore
    this.depth = depth
    this.inString = inString
    this.escaped = escaped
    return -1
  }

  /** The collected bytes as a value, handed on as the mode says. */
  private complete(out: JsonPiece[]): void {
    const bytes = this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts)
    this.parts = []
    this.kind = Kind.None
    // the elements before it first
    this.parseRun()
    const value = this.parseBytes(bytes)
    if (this.forKey) {
      this.forKey = false
      this.key = String(value)
      this.keyRequired = false
      this.mode = Mode.Colon
    } else if (this.mode === Mode.Element) {
      // an element over several chunks was parsed whole: its skipped members are left out, as in the run
      if (this.skip.size > 0 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const o = value as Record<string, unknown>
        for (const k of this.skip) if (Object.hasOwn(o, k)) delete o[k]
      }
      out.push({key: this.topArray ? '' : this.key, index: this.index++, value})
      this.mode = Mode.AfterElement
    } else {
      out.push({key: this.key, value})
      this.mode = Mode.AfterValue
    }
  }

  /** At the end of the bytes: the document must be complete. */
  end(): void {
    // nothing at all (an empty file) yields nothing, as before
    if (this.mode === Mode.Start) return
    if (this.mode !== Mode.Done || this.kind !== Kind.None) this.fail('the document ends before it is complete')
  }
}

/**
 * Walks a JSON document holding an object (or an array, seen as key `''`): yields the top-level values completed in
 * each chunk of bytes, in order, except arrays under `streamKeys`, whose elements come one by one, so memory holds a
 * chunk's elements, not the file. A chunk's pieces come together (one hand-over per chunk, not per element: an
 * export has hundreds of thousands). `shape`, when given, is filled in as the document is read (importers check it
 * against their format). In a streamed element that is an object, the members whose key is in `skip` are left out:
 * their bytes are scanned (strings and brackets must close) but cut out before the run is decoded and parsed, so a
 * syntax error inside such a value goes unnoticed (measured: a Telegram export's text is half its bytes and most of its
 * decoding and parsing). The rest of the element must be JSON as if they were there.
 */
export async function* walkJson(
  bytes: ByteStream,
  streamKeys: ReadonlySet<string>,
  shape: JsonShape = {arrays: new Set()},
  skip: ReadonlySet<string> = new Set(),
): AsyncGenerator<JsonPiece[]> {
  const scanner = new Scanner(streamKeys, shape, skip)
  for await (const chunk of bytes) {
    const pieces = scanner.feed(chunk)
    if (pieces.length > 0) yield pieces
  }
  scanner.end()
}
