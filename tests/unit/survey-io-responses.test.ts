/** The response batch file: lines encoded into a buffer, written each time it fills, in order, whatever their size. */
import {mkdtemp, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {responseBatchPath} from '../../src/store/layout.js'
import {ResponseBatchFile} from '../../src/survey/io-responses.js'

let root: string
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'commops-responses-'))
})
afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

const stored = (id: string) => readFile(path.join(root, '.commops', ...responseBatchPath('S1', id).split('/')), 'utf8')

/** Lines of every size: ASCII, Chinese (3 bytes a character), emoji (4), and one longer than any buffer. */
function lines(): string[] {
  const out: string[] = []
  for (let i = 0; i < 20_000; i++)
    out.push(JSON.stringify({i, text: i % 3 === 0 ? '满意'.repeat(i % 200) : i % 3 === 1 ? '😀'.repeat(i % 90) : 'x'.repeat(i % 300)}))
  out.splice(7_777, 0, JSON.stringify({long: '群'.repeat(700_000)}))
  return out
}

describe('ResponseBatchFile', () => {
  for (const defer of [false, true]) {
    it(`writes every line in order, multi-byte text across buffer ends and a line longer than a buffer included${defer ? ' (held until sync)' : ''}`, async () => {
      const all = lines()
      const file = ResponseBatchFile.create(root, 'S1', {defer})
      for (const line of all) file.add(line)
      file.sync()
      await file.commit('RB1')
      expect(await stored('RB1')).toBe(`${all.join('\n')}\n`)
    })
  }

  it('keeps only the lines asked for, in order', async () => {
    const all = lines()
    const file = ResponseBatchFile.create(root, 'S1')
    for (const line of all) file.add(line)
    file.sync()
    const keep = all.map((_, i) => i % 7 !== 3)
    await file.keep(keep)
    await file.commit('RB2')
    expect(await stored('RB2')).toBe(`${all.filter((_, i) => keep[i]).join('\n')}\n`)
  })
})
