/** Running the pure importers on bytes in memory, and the real-world samples beside the project. */
import {existsSync} from 'node:fs'
import path from 'node:path'
import type {ByteStream, CanonicalEvent, ImportItems, Rejected, SkipReason} from '../../src/events/types.js'
import {ROOT} from './cli.js'

/** `../shared/samples` of the project (real exports, never copied into the project). */
export const SAMPLES = path.join(ROOT, '..', 'shared', 'samples')
export const HAVE_SAMPLES = existsSync(SAMPLES)
if (!HAVE_SAMPLES) console.warn(`real-world samples not found at ${SAMPLES}: the tests reading them are skipped`)

/** Bytes as a stream, in small chunks so parsers meet chunk boundaries. */
export async function* bytesOf(data: string | Uint8Array, chunk = 7): ByteStream {
  const buf = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data)
  for (let i = 0; i < buf.length; i += chunk) yield buf.subarray(i, i + chunk)
}

/** Bytes as a file is read: every chunk in the same buffer, overwritten by the next (ByteStream). */
export async function* reusedBytesOf(data: string | Uint8Array, chunk = 7): ByteStream {
  const buf = Buffer.from(data)
  const one = new Uint8Array(chunk)
  for (let i = 0; i < buf.length; i += chunk) {
    const n = buf.copy(one, 0, i, i + chunk)
    yield one.subarray(0, n)
    one.fill(0x20)
  }
}

export interface Collected {
  events: CanonicalEvent[]
  rejects: Rejected[]
  skipped: Partial<Record<SkipReason, number>>
}

/** Everything a parser yields, sorted into events, rejects and skip counts. */
export async function collect(items: ImportItems): Promise<Collected> {
  const out: Collected = {events: [], rejects: [], skipped: {}}
  for await (const got of items) {
    for (const item of Array.isArray(got) ? got : [got]) {
      if ('event' in item) out.events.push(item.event)
      else if ('reject' in item) out.rejects.push(item.reject)
      else out.skipped[item.skip] = (out.skipped[item.skip] ?? 0) + 1
    }
  }
  return out
}

export const count = (events: CanonicalEvent[], type: string): number => events.filter((e) => e.type === type).length

/** A zip archive of stored (uncompressed) entries. */
export async function makeZip(entries: Array<{name: string; data: string}>): Promise<Buffer> {
  const {crc32} = await import('node:zlib')
  const locals: Buffer[] = []
  const central: Buffer[] = []
  let offset = 0
  for (const e of entries) {
    const name = Buffer.from(e.name)
    const data = Buffer.from(e.data)
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(data.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(name.length, 26)
    const dir = Buffer.alloc(46)
    dir.writeUInt32LE(0x02014b50, 0)
    dir.writeUInt16LE(20, 4)
    dir.writeUInt16LE(20, 6)
    dir.writeUInt16LE(0x0800, 8)
    dir.writeUInt32LE(crc, 16)
    dir.writeUInt32LE(data.length, 20)
    dir.writeUInt32LE(data.length, 24)
    dir.writeUInt16LE(name.length, 28)
    dir.writeUInt32LE(offset, 42)
    locals.push(local, name, data)
    central.push(dir, name)
    offset += 30 + name.length + data.length
  }
  const cd = Buffer.concat(central)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
