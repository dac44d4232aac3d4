/**
 * An event's NDJSON line as bytes, exactly what `JSON.stringify(e) + '\n'` encodes (keys in the object's order, keys
 * holding undefined left out), and where the texts of its ts, src and parent lie in it. An import writes this line,
 * and takes the src's hashes and the column cache's texts from its bytes instead of reading the strings again
 * (measured: the line alone is ~35% quicker than JSON.stringify and encoding its string). Pure.
 */
import type {CanonicalEvent} from './types.js'

const encoder = new TextEncoder()
const keyText = (key: string): Uint8Array => encoder.encode(`${JSON.stringify(key)}:`)
/** `"key":` of each key of a canonical event, found by comparing the key with each (quicker than a Map's look-up). */
const TS = keyText('ts')
const CHANNEL = keyText('channel')
const TYPE = keyText('type')
const MEMBER = keyText('member')
const SRC = keyText('src')
const TOPIC = keyText('topic')
const PARENT = keyText('parent')
const COUNT = keyText('count')

function keyBytes(key: string): Uint8Array {
  switch (key) {
    case 'ts':
      return TS
    case 'channel':
      return CHANNEL
    case 'type':
      return TYPE
    case 'member':
      return MEMBER
    case 'src':
      return SRC
    case 'topic':
      return TOPIC
    case 'parent':
      return PARENT
    case 'count':
      return COUNT
    default:
      return keyText(key)
  }
}

/** Bytes [start, end) of a line: the contents of a JSON string (between its quotes); `plain` when they are its characters. */
export interface TextAt {
  start: number
  end: number
  /** The string is printable ASCII without `"` or `\\`: its bytes are its characters, one each. */
  plain: boolean
}

const at = (): TextAt => ({start: 0, end: 0, plain: false})

export class EventLine {
  bytes = new Uint8Array(4096)
  /** The line's bytes, its newline included. */
  length = 0
  readonly ts = at()
  readonly src = at()
  /** Empty (start = end = 0) when the event has no parent. */
  readonly parent = at()
  /** The ref of the event's member (ImportItem.memberRef), -1 when it has none: the column cache finds the member by it. */
  memberRef = -1

  /** Writes e's line, its member's ref noted with it; the previous one is gone. */
  encode(e: CanonicalEvent, memberRef = -1): void {
    this.memberRef = memberRef
    this.parent.start = this.parent.end = 0
    this.parent.plain = false
    let o = 0
    let open = 0x7b
    for (const key in e) {
      const value = (e as unknown as Record<string, unknown>)[key]
      if (value === undefined) continue
      const k = keyBytes(key)
      // a string takes at most 6 bytes a UTF-16 unit (`\u001f`)
      const bound = o + k.length + 4 + (typeof value === 'string' ? 6 * value.length : 0)
      if (bound > this.bytes.length) this.grow(bound)
      const out = this.bytes
      out[o++] = open
      open = 0x2c
      for (let j = 0; j < k.length; j++) out[o + j] = k[j]
      o += k.length
      if (typeof value === 'string') {
        const text = key === 'ts' ? this.ts : key === 'src' ? this.src : key === 'parent' ? this.parent : undefined
        o = this.string(value, o, text)
      } else o = this.json(JSON.stringify(value), o)
    }
    if (o + 3 > this.bytes.length) this.grow(o + 3)
    // an event with no key written is `{}`
    if (open === 0x7b) this.bytes[o++] = 0x7b
    this.bytes[o++] = 0x7d
    this.bytes[o++] = 0x0a
    this.length = o
  }

  /** A JSON string at o (room for it was made), noting its contents in `text`; returns the end. */
  private string(s: string, o: number, text: TextAt | undefined): number {
    const out = this.bytes
    out[o++] = 0x22
    const start = o
    let plain = true
    // copied while checked, in one pass: most strings are plain
    for (let k = 0; k < s.length; k++) {
      const c = s.charCodeAt(k)
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        plain = false
        break
      }
      out[o + k] = c
    }
    if (plain) o += s.length
    else o = this.json(JSON.stringify(s), start - 1) - 1
    if (text) {
      text.start = start
      text.end = o
      text.plain = plain
    }
    this.bytes[o++] = 0x22
    return o
  }

  /** JSON text (room for it was made) at o; returns the end. */
  private json(json: string, o: number): number {
    const bytes = encoder.encode(json)
    if (o + bytes.length > this.bytes.length) this.grow(o + bytes.length)
    this.bytes.set(bytes, o)
    return o + bytes.length
  }

  private grow(min: number): void {
    const bytes = new Uint8Array(Math.max(min, 2 * this.bytes.length))
    bytes.set(this.bytes)
    this.bytes = bytes
  }
}
