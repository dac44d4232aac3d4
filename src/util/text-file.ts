/** Reading YAML text from disk: UTF-8 only (a BOM is dropped); anything else is one located error naming its encoding. */
import {isAscii, isUtf8, transcode} from 'node:buffer'
import {closeSync, openSync, readSync} from 'node:fs'
import type Iconv from 'iconv-lite'
import {ValidationError, type Msg} from '../errors.js'
import {lazyRequire} from './lazy.js'

const iconvLite = lazyRequire<typeof Iconv>('iconv-lite')

/** What a file that is not UTF-8 looks like: its likely encoding and where the first byte that is not UTF-8 is. */
export interface NotUtf8 {
  encoding: 'gb18030' | 'utf16le' | 'utf16be' | 'unknown'
  line: number
  col: number
}

export type DecodedText = {text: string; problem?: undefined} | {text?: undefined; problem: NotUtf8}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the byte there starts no valid sequence. */
function sequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]
  if (c < 0x80) return 1
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k] >= lo && b[i + k] <= hi
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0
  if (c >= 0xe0 && c <= 0xef) {
    const [lo, hi] = c === 0xe0 ? [0xa0, 0xbf] : c === 0xed ? [0x80, 0x9f] : [0x80, 0xbf]
    return cont(1, lo, hi) && cont(2) ? 3 : 0
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const [lo, hi] = c === 0xf0 ? [0x90, 0xbf] : c === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf]
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0
  }
  return 0
}

/** Offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalid(b: Uint8Array): number {
  for (let i = 0; i < b.length;) {
    const n = sequenceLength(b, i)
    if (n === 0) return i
    i += n
  }
  return -1
}

/** True when every non-ASCII byte pairs up as GBK/GB18030 and the text it gives is mostly Chinese characters and punctuation. */
function looksLikeGbk(b: Uint8Array): boolean {
  const text = iconvLite().decode(Buffer.from(b.buffer, b.byteOffset, b.byteLength), 'gb18030')
  const wide = [...text].filter((ch) => ch.charCodeAt(0) >= 0x80)
  if (wide.length === 0 || text.includes('\uFFFD')) return false
  const chinese = wide.filter((ch) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(ch)).length
  return chinese / wide.length >= 0.8
}

/** UTF-16 by its BOM, or by NUL bytes at odd (LE) or even (BE) offsets in the first kilobyte; undefined otherwise. */
function utf16Order(b: Uint8Array): 'utf16le' | 'utf16be' | undefined {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf16le'
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf16be'
  let even = 0
  let odd = 0
  const n = Math.min(b.length, 1024)
  for (let i = 0; i < n; i++) {
    if (b[i] !== 0) continue
    if (i % 2 === 0) even++
    else odd++
  }
  if (odd > n / 8 && even === 0) return 'utf16le'
  if (even > n / 8 && odd === 0) return 'utf16be'
  return undefined
}

/**
 * The text of bytes known to be UTF-8, as TextDecoder gives it (a BOM at the start dropped). ASCII is read byte for
 * byte; other text is transcoded to UTF-16 (ICU) and read as that: V8's own UTF-8 decoding took 27 µs for a 21 kB
 * community.yaml with a few dashes, against 10 µs this way, for each of the thousands of files validate reads.
 */
function utf8Text(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (isAscii(buffer)) return buffer.toString('latin1')
  const text = transcode(buffer, 'utf8', 'utf16le').toString('utf16le')
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/** Decodes a YAML file's bytes: UTF-8 with its BOM dropped, or a description of the encoding it seems to be in. */
export function decodeYamlBytes(bytes: Uint8Array): DecodedText {
  const order = utf16Order(bytes)
  if (order) return {problem: {encoding: order, line: 1, col: 1}}
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  const body = bytes.subarray(start)
  // Node's own check first (native, many times faster on a large file); the byte-by-byte scan only places the error
  const bad = isUtf8(body) ? -1 : firstInvalid(body)
  if (bad < 0) return {text: utf8Text(body)}
  const before = new TextDecoder('utf-8').decode(body.subarray(0, bad))
  const lineStart = before.lastIndexOf('\n') + 1
  const line = before.slice(0, lineStart).split('\n').length
  return {problem: {encoding: looksLikeGbk(body) ? 'gb18030' : 'unknown', line, col: before.length - lineStart + 1}}
}

const REOPEN: Record<NotUtf8['encoding'], unknown> = {
  gb18030: 'GBK',
  utf16le: 'UTF-16 LE',
  utf16be: 'UTF-16 BE',
  unknown: {$key: 'encoding.reopen.unknown'},
}

/** The message and hint for a file that is not UTF-8 (keys in the validation catalogue). */
export function notUtf8Messages(problem: NotUtf8): {msg: Msg; hint: Msg} {
  return {
    msg: {key: `encoding.${problem.encoding}`},
    hint: {key: 'encoding.hint', params: {reopen: REOPEN[problem.encoding]}},
  }
}

/**
 * The bytes of the file being read, in a buffer kept for the next one (up to 1 MiB): validate reads thousands of files,
 * and a new buffer for each, as readFileSync makes, cost it more CPU time than the read itself, in page faults on fresh
 * memory and in garbage collection of the buffers.
 */
let scratch: Buffer | undefined
const KEPT_BYTES = 1024 * 1024

/**
 * The most a YAML file may hold: far beyond any config (a 50 MB one is read), short of what would take the machine's
 * memory (a device such as /dev/zero never ends).
 */
export const MAX_YAML_BYTES = 64 * 1024 * 1024

const tooLarge = (file: string) =>
  new ValidationError(
    {key: 'file.tooLarge', params: {path: file, max: MAX_YAML_BYTES / 1024 / 1024}},
    {code: 'file.tooLarge', location: {file}, hint: {key: 'file.tooLarge.hint'}},
  )

/** Reads bytes into `buffer` from `at`; reading a folder (which opens) fails naming it, as reading one fails elsewhere. */
function readFileBytes(fd: number, file: string, buffer: Buffer, at: number): number {
  try {
    return readSync(fd, buffer, at, buffer.length - at, null)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EISDIR') (error as NodeJS.ErrnoException).path ??= file
    throw error
  }
}

/**
 * Reads and decodes a YAML file as decodeYamlBytes does (the text is a copy: the bytes are not kept). A folder is
 * named, and a file over MAX_YAML_BYTES (or a device that never ends, as /dev/zero) refused, with one message each. (No
 * stat first: validate reads thousands of files, each one read is all it needs.)
 */
export function readYamlText(file: string): DecodedText {
  let buffer = scratch ?? Buffer.allocUnsafeSlow(64 * 1024)
  let size = 0
  const fd = openSync(file, 'r')
  try {
    for (;;) {
      if (size === buffer.length) {
        if (size >= MAX_YAML_BYTES + 1) throw tooLarge(file)
        const bigger = Buffer.allocUnsafeSlow(Math.min(buffer.length * 2, MAX_YAML_BYTES + 1))
        buffer.copy(bigger, 0, 0, size)
        buffer = bigger
      }
      const n = readFileBytes(fd, file, buffer, size)
      if (n === 0) break
      size += n
    }
  } finally {
    closeSync(fd)
  }
  // a large file's buffer is not kept
  scratch = buffer.length <= KEPT_BYTES ? buffer : undefined
  if (size > MAX_YAML_BYTES) throw tooLarge(file)
  return decodeYamlBytes(buffer.subarray(0, size))
}

/** Reads a YAML file as UTF-8 text; a file in another encoding stops with one located error (`display` names it). */
export function readYamlFile(file: string, display = file): string {
  const decoded = readYamlText(file)
  if (decoded.problem === undefined) return decoded.text
  const {msg, hint} = notUtf8Messages(decoded.problem)
  throw new ValidationError(msg, {code: 'encoding.notUtf8', hint, location: {file: display, line: decoded.problem.line, col: decoded.problem.col}})
}
