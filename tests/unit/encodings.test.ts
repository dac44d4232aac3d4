/** YAML files saved in another encoding than UTF-8 (Notepad's GBK "ANSI", UTF-16 "Unicode"): one located error, nothing written. */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import fc from 'fast-check'
import iconv from 'iconv-lite'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import CalendarGenerate from '../../commands/calendar/generate.js'
import PlaybookList from '../../commands/playbook/list.js'
import PlaybookRun from '../../commands/playbook/run.js'
import SurveyCreate from '../../commands/survey/create.js'
import Validate from '../../commands/validate.js'
import {decodeYamlBytes, readYamlText} from '../../src/util/text-file.js'
import {hasStackTrace, makeTempDir, removeDir, runCommandClass} from '../helpers/cli.js'
import {readFixture} from '../fixtures/index.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

const ZH = 'apiVersion: commops/v1\nkind: Community\nname: 读书会\n'
const BOM = Buffer.from([0xef, 0xbb, 0xbf])

let tmp: string
beforeAll(async () => {
  tmp = await makeTempDir('commops-encodings-')
})
afterAll(async () => {
  await removeDir(tmp)
})

/** Writes `bytes` as community.yaml in a fresh folder and runs `validate` there. */
async function validateBytes(name: string, bytes: Buffer, lang = 'en') {
  const dir = path.join(tmp, name)
  await writeFile(path.join(tmp, `${name}.yaml`), bytes)
  return {dir, r: await runCommandClass(Validate, [path.join(tmp, `${name}.yaml`), '--lang', lang], {cwd: tmp})}
}

describe('decodeYamlBytes', () => {
  it('tells GBK, UTF-16 LE/BE (with or without a BOM) and other bytes apart, and drops a UTF-8 BOM', () => {
    expect(decodeYamlBytes(iconv.encode(ZH, 'gbk')).problem).toEqual({encoding: 'gb18030', line: 3, col: 7})
    expect(decodeYamlBytes(iconv.encode(ZH, 'utf16le', {addBOM: true})).problem?.encoding).toBe('utf16le')
    expect(decodeYamlBytes(iconv.encode(ZH, 'utf16be', {addBOM: true})).problem?.encoding).toBe('utf16be')
    expect(decodeYamlBytes(iconv.encode('kind: Community\n', 'utf16le')).problem?.encoding).toBe('utf16le')
    expect(decodeYamlBytes(iconv.encode('kind: Community\n', 'utf16be')).problem?.encoding).toBe('utf16be')
    expect(decodeYamlBytes(iconv.encode('kind: Community\nname: Café\n', 'latin1')).problem).toEqual({encoding: 'unknown', line: 2, col: 10})
    expect(decodeYamlBytes(Buffer.concat([BOM, Buffer.from(ZH)]))).toEqual({text: ZH})
    expect(decodeYamlBytes(Buffer.from(ZH))).toEqual({text: ZH})
  })

  it('reads UTF-8 as TextDecoder does: ASCII, Latin-1, CJK, emoji, one BOM or two, in a Buffer or a plain Uint8Array', () => {
    // without NUL: a NUL byte is how UTF-16 is told (YAML allows no NUL), checked above
    const texts = fc
      .oneof(fc.string({unit: 'grapheme-ascii'}), fc.string({unit: 'grapheme'}), fc.string({unit: 'binary'}))
      .filter((t) => !t.includes('\u0000'))
    fc.assert(
      fc.property(texts, fc.integer({min: 0, max: 2}), fc.boolean(), (text, boms, plain) => {
        const bytes = Buffer.concat([...Array.from({length: boms}, () => BOM), Buffer.from(text)])
        const expected = new TextDecoder('utf-8').decode(boms > 0 ? bytes.subarray(3) : bytes)
        expect(decodeYamlBytes(plain ? new Uint8Array(bytes) : bytes)).toEqual({text: expected})
      }),
      {numRuns: 2000},
    )
  })
})

describe('readYamlText', () => {
  it('reads each file whole into the buffer it keeps: larger ones than it holds, a smaller one after, a BOM, another encoding', async () => {
    // 200 kB of text with Chinese in it, more than the buffer's first 64 kB; 2 MB, more than it keeps
    const large = `${ZH}description: ${'读书会 reads together. '.repeat(8000)}\n`
    const huge = `${ZH}description: ${'读书会 reads together. '.repeat(80_000)}\n`
    await writeFile(path.join(tmp, 'large.yaml'), large)
    await writeFile(path.join(tmp, 'huge.yaml'), huge)
    await writeFile(path.join(tmp, 'small.yaml'), Buffer.concat([BOM, Buffer.from(ZH)]))
    await writeFile(path.join(tmp, 'empty.yaml'), '')
    await writeFile(path.join(tmp, 'gbk.yaml'), iconv.encode(ZH, 'gbk'))
    expect(readYamlText(path.join(tmp, 'large.yaml')).text).toBe(large)
    expect(readYamlText(path.join(tmp, 'small.yaml')).text).toBe(ZH)
    expect(readYamlText(path.join(tmp, 'empty.yaml')).text).toBe('')
    expect(readYamlText(path.join(tmp, 'gbk.yaml')).problem).toEqual({encoding: 'gb18030', line: 3, col: 7})
    expect(readYamlText(path.join(tmp, 'huge.yaml')).text).toBe(huge)
    expect(readYamlText(path.join(tmp, 'large.yaml')).text).toBe(large)
    expect(readYamlText(path.join(tmp, 'small.yaml')).text).toBe(ZH)
    expect(() => readYamlText(path.join(tmp, 'missing.yaml'))).toThrow(/ENOENT/)
  })
})

describe('validate on a file that is not UTF-8', () => {
  it('GBK: one located error naming GBK and how to re-save, exit 1, in English and Chinese', async () => {
    const {r} = await validateBytes('gbk', iconv.encode(ZH, 'gbk'))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('gbk.yaml:3:7  error  This file is in GBK/GB18030 (Chinese Windows "ANSI"), not UTF-8')
    expect(r.stdout).toContain('Save As → Encoding: UTF-8')
    expect(r.stdout).toContain('"Reopen with Encoding" → GBK')
    const zh = await runCommandClass(Validate, ['gbk.yaml', '--lang', 'zh-CN'], {cwd: tmp})
    expect(zh.code).toBe(1)
    expect(zh.stdout).toContain('gbk.yaml:3:7')
    expect(zh.stdout).toContain('GBK/GB18030 编码')
    expect(zh.stdout).toContain('另存为')
  })

  it('UTF-16 LE and BE: named as such at 1:1, not "must be a mapping"', async () => {
    for (const [name, encoding, label] of [
      ['le', 'utf16le', 'UTF-16 LE'],
      ['be', 'utf16be', 'UTF-16 BE'],
    ] as const) {
      const {r} = await validateBytes(name, iconv.encode(ZH, encoding, {addBOM: true}))
      expect(r.code).toBe(1)
      expect(r.stdout).toContain(`${name}.yaml:1:1  error  This file is in ${label}`)
      expect(r.stdout).not.toContain('mapping')
      expect(hasStackTrace(r.stdout + r.stderr)).toBe(false)
    }
  })

  it('a UTF-8 BOM is not counted in columns', async () => {
    const {r} = await validateBytes('bom', Buffer.concat([BOM, Buffer.from('kind: Nope\n')]))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('bom.yaml:1:7  error')
  })
})

describe('a workspace whose community.yaml is not UTF-8', () => {
  it('calendar generate stops with the located error before writing anything', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await writeFile(ws.communityFile, iconv.encode(await readFile(ws.communityFile, 'utf8'), 'gbk'))
    const before = await treeHash(ws.root)
    const r = await runCommandClass(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '4'], {cwd: ws.root})
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/community\.yaml:\d+:\d+/)
    expect(r.stderr).toContain('GBK/GB18030')
    expect(hasStackTrace(r.stderr)).toBe(false)
    expect(await treeHash(ws.root)).toEqual(before)
  })
})

describe('other YAML files a command reads', () => {
  it('a GBK playbook: `playbook run` stops located, writing nothing; `playbook list` lists it as invalid', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await mkdir(path.join(ws.root, 'playbooks'), {recursive: true})
    const text = readFixture('playbooks/valid.yaml').replace('Launch checklist', '启动清单')
    await writeFile(path.join(ws.root, 'playbooks', 'gbk.yaml'), iconv.encode(text, 'gbk'))
    const before = await treeHash(ws.root)
    const run = await runCommandClass(PlaybookRun, ['playbooks/gbk.yaml', '--yes'], {cwd: ws.root})
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/playbooks[/\\]gbk\.yaml:\d+:\d+: .*GBK\/GB18030/)
    expect(await treeHash(ws.root)).toEqual(before)
    const list = await runCommandClass(PlaybookList, ['--json'], {cwd: ws.root})
    expect(list.code, list.stderr).toBe(0)
    expect(list.stdout).toContain('gbk')
  })

  it('a UTF-16 survey file: `survey create --from` stops located, writing nothing', async () => {
    const ws = await sampleWorkspace('en')
    const file = path.join(ws.root, 'survey.yaml')
    await writeFile(file, iconv.encode('apiVersion: commops/v1\nkind: Survey\n', 'utf16le', {addBOM: true}))
    const before = await treeHash(ws.root)
    const r = await runCommandClass(SurveyCreate, ['--from', 'survey.yaml'], {cwd: ws.root})
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('survey.yaml:1:1: This file is in UTF-16 LE')
    expect(await treeHash(ws.root)).toEqual(before)
  })
})
