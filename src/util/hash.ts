import {lazyRequire} from './lazy.js'

/** node:crypto on first use: loading it costs a few milliseconds that commands which never hash would pay at start-up. */
const crypto = lazyRequire<typeof import('node:crypto')>('node:crypto')

/** SHA-256 of a text or bytes, as hex. */
export function sha256Hex(text: string | Uint8Array): string {
  const c = crypto()
  // crypto.hash (Node 20.12+): one call, no Hash object; a third of the time on short texts.
  return typeof c.hash === 'function' ? c.hash('sha256', text, 'hex') : c.createHash('sha256').update(text).digest('hex')
}

/** `bytes` random bytes as hex, for temporary file names. */
export function randomHex(bytes: number): string {
  return crypto().randomBytes(bytes).toString('hex')
}
