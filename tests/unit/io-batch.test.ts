/** The batch writer: events buffered without waiting, written between chunks, in order, whatever their size. */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {EventLine} from '../../src/events/event-line.js'
import {BatchWriter} from '../../src/events/io-batch.js'
import {srcHash} from '../../src/events/src-set.js'
import type {CanonicalEvent} from '../../src/events/types.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'commops-batch-'))
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('BatchWriter', () => {
  it('writes every line in order across many buffers, a line longer than a buffer and non-ASCII text included', async () => {
    const events: CanonicalEvent[] = []
    for (let i = 0; i < 30_000; i++) {
      const src = i === 12_345 ? `qq:${'群'.repeat(600_000)}` : `discord:${i}:${'x'.repeat(i % 50)}`
      events.push({ts: '2026-11-01T10:00:00+08:00', type: 'post', member: `discord:${i % 97}`, channel: '交流群', src})
    }
    const batch = await BatchWriter.create(dir)
    const line = new EventLine()
    for (const [i, e] of events.entries()) {
      line.encode(e)
      batch.event(e, line, srcHash(e.src))
      if (i % 1000 === 0) await batch.drain()
    }
    await batch.sync()
    await batch.commit('B1')
    const lines = (await readFile(path.join(dir, 'B1.ndjson'), 'utf8')).split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toEqual(events.map((e) => JSON.stringify(e)))
    const srcs = await readFile(path.join(dir, 'B1.srcs'))
    expect(srcs.length).toBe(events.length * 8)
    expect([srcs.readUInt32LE(12_345 * 8), srcs.readUInt32LE(12_345 * 8 + 4)]).toEqual(srcHash(events[12_345].src))
  })
})
