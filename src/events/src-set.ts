/**
 * De-duplication in bounded memory: each event's `src` becomes a 64-bit hash (the first 8 bytes of its SHA-256),
 * kept in an open-addressing table of two Uint32Arrays (about 16 bytes per event already in the workspace) and saved
 * per batch as `<batch>.srcs`, 8 bytes per event. Two srcs sharing 64 bits are so unlikely (≈ 3·10⁻⁸ at a million
 * events) that a collision is accepted as a duplicate.
 */
import {lazyRequire} from '../util/lazy.js'

const crypto = lazyRequire<typeof import('node:crypto')>('node:crypto')

/** The 64-bit hash of a src as two 32-bit halves; never (0, 0), which marks an empty slot. */
export function srcHash(src: string): [number, number] {
  const d = crypto().hash('sha256', src, 'buffer')
  const hi = d.readUInt32LE(0)
  const lo = d.readUInt32LE(4)
  return hi === 0 && lo === 0 ? [0, 1] : [hi, lo]
}

/** A set of 64-bit hashes. */
export class SrcSet {
  private hi = new Uint32Array(1024)
  private lo = new Uint32Array(1024)
  size = 0

  /** Adds a hash; false when it was there already. */
  add(hi: number, lo: number): boolean {
    if ((this.size + 1) * 2 > this.hi.length) this.grow()
    return this.put(hi, lo)
  }

  has(hi: number, lo: number): boolean {
    const mask = this.hi.length - 1
    for (let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === 0 && this.lo[i] === 0) return false
      if (this.hi[i] === hi && this.lo[i] === lo) return true
    }
  }

  /** Adds every hash of a `.srcs` file's bytes (little-endian pairs). */
  addAll(bytes: Uint8Array): void {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    for (let i = 0; i + 8 <= bytes.byteLength; i += 8) this.add(view.getUint32(i, true), view.getUint32(i + 4, true))
  }

  private put(hi: number, lo: number): boolean {
    const mask = this.hi.length - 1
    for (let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      if (this.hi[i] === 0 && this.lo[i] === 0) {
        this.hi[i] = hi
        this.lo[i] = lo
        this.size++
        return true
      }
      if (this.hi[i] === hi && this.lo[i] === lo) return false
    }
  }

  private grow(): void {
    const {hi, lo} = this
    this.hi = new Uint32Array(hi.length * 2)
    this.lo = new Uint32Array(lo.length * 2)
    this.size = 0
    for (let i = 0; i < hi.length; i++) if (hi[i] !== 0 || lo[i] !== 0) this.put(hi[i], lo[i])
  }
}
