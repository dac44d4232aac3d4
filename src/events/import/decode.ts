/** Text sources (QQ, CSV, NDJSON), streamed: the encoding decided on the first 64 KiB, then decoded chunk by chunk. */
import type Iconv from 'iconv-lite'
import {lazyRequire} from '../../util/lazy.js'
import type {ByteStream} from '../types.js'

const iconvLite = lazyRequire<typeof Iconv>('iconv-lite')
const HEAD = 64 * 1024

/** The encoding of a file's first bytes: a BOM decides; else UTF-8 when they are valid UTF-8; else GB18030 (a superset of GBK). */
export function sniffEncoding(head: Uint8Array): {encoding: string; bom: number} {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return {encoding: 'utf8', bom: 3}
  if (head[0] === 0xff && head[1] === 0xfe) return {encoding: 'utf16le', bom: 2}
  if (head[0] === 0xfe && head[1] === 0xff) return {encoding: 'utf16be', bom: 2}
  try {
    new TextDecoder('utf-8', {fatal: true}).decode(head, {stream: true})
    return {encoding: 'utf8', bom: 0}
  } catch {
    return {encoding: 'gb18030', bom: 0}
  }
}

/** The first bytes of a file as text, for detecting its format. */
export function decodeHead(head: Uint8Array): string {
  const {encoding, bom} = sniffEncoding(head)
  return iconvLite().decode(Buffer.from(head.subarray(bom)), encoding)
}

/** Decodes a byte stream to text chunks; `encoding` (an iconv-lite name) overrides the sniffing. */
export async function* decodeText(bytes: ByteStream, encoding?: string): AsyncGenerator<string> {
  const it = bytes[Symbol.asyncIterator]()
  const head: Buffer[] = []
  let size = 0
  let done = false
  try {
    while (size < HEAD) {
      const next = await it.next()
      if (next.done) {
        done = true
        break
      }
      head.push(Buffer.from(next.value))
      size += next.value.byteLength
    }
    const first = Buffer.concat(head)
    const sniffed = sniffEncoding(first)
    const decoder = iconvLite().getDecoder(encoding ?? sniffed.encoding, {stripBOM: true})
    const start = encoding ? 0 : sniffed.bom
    const text = decoder.write(first.subarray(start))
    if (text) yield text
    while (!done) {
      const next = await it.next()
      if (next.done) {
        done = true
        break
      }
      // a view, not a copy: the decoders keep what they carry over (a split character) in their own memory
      const chunk = decoder.write(Buffer.from(next.value.buffer, next.value.byteOffset, next.value.byteLength))
      if (chunk) yield chunk
    }
    const rest = decoder.end()
    if (rest) yield rest
  } finally {
    // a reader that stops early (a damaged line, a refused file) ends the byte stream too: its file is closed now,
    // not when the garbage collector finds the handle
    if (!done) await it.return?.()
  }
}

/**
 * Lines of a text stream, a chunk's lines at a time (CRLF or LF; a lone trailing newline makes no extra line): `first`
 * is the 1-based number of `lines[0]`. One hand-over per chunk, not per line: a canonical file has a million lines.
 */
export async function* textLineBatches(chunks: AsyncIterable<string>): AsyncGenerator<{lines: string[]; first: number}> {
  let carry = ''
  let line = 1
  for await (const chunk of chunks) {
    const lines = (carry + chunk).split('\n')
    carry = lines.pop() ?? ''
    if (lines.length === 0) continue
    for (let i = 0; i < lines.length; i++) if (lines[i].endsWith('\r')) lines[i] = lines[i].slice(0, -1)
    yield {lines, first: line}
    line += lines.length
  }
  if (carry) yield {lines: [carry.endsWith('\r') ? carry.slice(0, -1) : carry], first: line}
}

/** Lines of a text stream with their 1-based numbers, one by one (textLineBatches). */
export async function* textLines(chunks: AsyncIterable<string>): AsyncGenerator<{text: string; line: number}> {
  for await (const {lines, first} of textLineBatches(chunks)) for (let i = 0; i < lines.length; i++) yield {text: lines[i], line: first + i}
}
