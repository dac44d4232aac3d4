/** A source file's bytes: every byte once, in order, each chunk intact until the next is asked for, the next read ahead. */
import {mkdtemp, open, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest'
import {fileBytes} from '../../src/events/io.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'commops-bytes-'))
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(dir, {recursive: true, force: true})
})

/** Bytes that differ from chunk to chunk, so a chunk overwritten by a later read shows. */
const content = (size: number): Buffer => Buffer.from(Array.from({length: size}, (_, i) => (i * 7 + (i >> 16)) & 0xff))

/** The prototype of FileHandle, whose `read` a spy counts (the calls go through to the real one). */
async function fileHandleProto(file: string): Promise<{read: unknown}> {
  const handle = await open(file, 'r')
  await handle.close()
  return Object.getPrototypeOf(handle) as {read: unknown}
}

describe('fileBytes', () => {
  it('hands on every byte in order, each chunk unchanged until the next is asked for', async () => {
    const file = path.join(dir, 'export.json')
    const data = content(5 * 64 * 1024 + 123)
    await writeFile(file, data)
    const seen: number[] = []
    const copies: Buffer[] = []
    let previous: {view: Uint8Array; copy: Buffer} | undefined
    for await (const chunk of fileBytes(file, (c) => seen.push(c.byteLength))) {
      // the one before is released now; this one must still read as it did when it was handed on
      previous = {view: chunk, copy: Buffer.from(chunk)}
      await new Promise((resolve) => setTimeout(resolve, 5))
      expect(Buffer.from(previous.view).equals(previous.copy)).toBe(true)
      copies.push(previous.copy)
    }
    expect(Buffer.concat(copies).equals(data)).toBe(true)
    expect(seen).toEqual(copies.map((c) => c.byteLength))
  })

  it('reads the next chunk while the caller works through the one it was handed', async () => {
    const file = path.join(dir, 'export.json')
    await writeFile(file, content(3 * 64 * 1024))
    const read = vi.spyOn(await fileHandleProto(file), 'read' as never)
    const it = fileBytes(file)[Symbol.asyncIterator]()
    const first = await it.next()
    expect(first.done).toBe(false)
    // the first chunk's read and the next one's, before the caller asks for it
    expect(read).toHaveBeenCalledTimes(2)
    await it.return?.(undefined)
  })

  it('a caller that stops early leaves no read behind, and a read that fails is the error of the loop', async () => {
    const file = path.join(dir, 'export.json')
    await writeFile(file, content(4 * 64 * 1024))
    for await (const chunk of fileBytes(file)) {
      expect(chunk.byteLength).toBe(64 * 1024)
      break
    }
    // a folder opens for reading, and its first read fails
    const consume = async () => {
      for await (const chunk of fileBytes(dir)) expect(chunk).toBeUndefined()
    }
    await expect(consume()).rejects.toMatchObject({code: 'EISDIR'})
  })
})
