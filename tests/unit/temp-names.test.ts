import {mkdtemp, readdir, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {BatchWriter} from '../../src/events/io-batch.js'
import {tempOwner, tempPathFor} from '../../src/util/fs.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'commops-temps-'))
})
afterEach(async () => {
  await rm(dir, {recursive: true, force: true})
})

describe('one temp-file naming for the store and event batches', () => {
  it('tempOwner reads the pid of a tempPathFor name and nothing else', () => {
    expect(tempOwner(path.basename(tempPathFor(path.join(dir, 'db.json'))))).toBe(process.pid)
    expect(tempOwner('.db.json.123.00ff.tmp')).toBe(123)
    for (const name of ['db.json', 'B1.ndjson', '.tmp-123-ab.ndjson', '.db.json.x.00ff.tmp', '.db.json.123.zz.tmp'])
      expect(tempOwner(name)).toBeUndefined()
  })

  it("an import batch's temp files are tempPathFor names owned by this process, and discard removes them", async () => {
    const batch = await BatchWriter.create(dir)
    const names = await readdir(dir)
    expect(names).toHaveLength(4) // the events, their source ids, the rejected lines and the column cache
    for (const name of names) expect(tempOwner(name)).toBe(process.pid)
    await batch.discard()
    expect(await readdir(dir)).toEqual([])
  })
})
