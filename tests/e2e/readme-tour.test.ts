/**
 * The README's tour, run line by line as a newcomer would: every command of the `sh` blocks under "## A tour", in
 * order, exactly as written, in a fresh temp folder, with `commops` being this project's bin/run.js. A line exits 0
 * unless its comment names an exit code (`exit 1 for CI`), which it may then also give; none prints a stack trace.
 * New lines in the tour are run without touching this test. The only things it brings are the person's own files
 * the tour names (GIVEN), written just before the first line that names them.
 */
import {spawn} from 'node:child_process'
import writeExcelFile from 'write-excel-file/node'
import {existsSync, readFileSync} from 'node:fs'
import {chmod, mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {assertBuilt, baseEnv, BIN, hasStackTrace, makeTempDir, ROOT} from '../helpers/cli.js'

export interface TourLine {
  /** The command as written (continuation lines joined). */
  command: string
  /** Its trailing comment, if any. */
  comment: string
  /** 1-based line in README.md. */
  line: number
}

/** The position of a line's comment: the first `#` outside quotes that starts a word, or -1. */
function commentAt(text: string): number {
  let quote = ''
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '#' && (i === 0 || /\s/.test(text[i - 1]))) return i
  }
  return -1
}

/** Every command line of the `sh` blocks in the README's "## A tour" section. */
export function tourLines(readme: string): TourLine[] {
  const lines = readme.split('\n')
  const start = lines.findIndex((l) => /^## A tour\b/.test(l))
  if (start < 0) throw new Error('README.md has no "## A tour" section')
  const out: TourLine[] = []
  let inBlock = false
  let pending: {text: string; line: number} | undefined
  for (let i = start + 1; i < lines.length && !/^## /.test(lines[i]); i++) {
    const l = lines[i]
    if (/^```/.test(l)) {
      inBlock = !inBlock && /^```(sh|bash|shell)\s*$/.test(l)
      continue
    }
    if (!inBlock) continue
    const text = pending ? `${pending.text} ${l.trim()}` : l
    const line = pending?.line ?? i + 1
    if (/\\\s*$/.test(l) && commentAt(l) < 0) {
      pending = {text: text.replace(/\s*\\\s*$/, ''), line}
      continue
    }
    pending = undefined
    const at = commentAt(text)
    const command = (at < 0 ? text : text.slice(0, at)).trim()
    if (command) out.push({command, comment: at < 0 ? '' : text.slice(at + 1).trim(), line})
  }
  return out
}

/** Runs one line with sh in `cwd`, `commops` on the PATH; resolves with its exit code and output. */
function sh(command: string, cwd: string, bin: string): Promise<{code: number; output: string}> {
  return new Promise((resolve, reject) => {
    const env = baseEnv({PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`})
    const child = spawn('sh', ['-c', command], {cwd, env, stdio: ['ignore', 'pipe', 'pipe']})
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (output += d))
    // only a hang guard: `calendar show` once took over 30 s with two test workers on a loaded 2-core machine
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`${command} did not finish within 120 s\n${output}`))
    }, 120_000)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code: code ?? 1, output})
    })
  })
}

/** Files the tour expects the person to bring (their survey export), by the path a tour line names. */
const GIVEN: Record<string, () => Promise<string | Buffer>> = {
  'data/responses.csv': async () =>
    [
      '序号,提交答卷时间,1、提问或求助后，你对得到回应的速度满意吗？,2、你对内容的更新频率满意吗？,3、你有多大可能向朋友或同事推荐这个社群？,4、你加入社群多久了？,region',
      '1,2026/12/1 10:00,非常满意,比较满意,10,1 年以上,华东',
      '2,2026/12/1 10:05,不太满意,一般,4,不到 1 个月,华南',
      '3,2026/12/1 10:09,比较满意,非常满意,9,6–12 个月,华东',
    ].join('\r\n'),
  // 问卷星's default download: a title row above the header, an answer (半年) that is not one of the options
  'data/问卷星.xlsx': async () =>
    writeExcelFile([
      ['社群满意度调查', null, null, null],
      ['序号', '提交答卷时间', '3、你有多大可能向朋友或同事推荐这个社群？', '4、你加入社群多久了？'],
      [1, {value: new Date(Date.UTC(2026, 11, 1, 2, 0)), format: 'yyyy/mm/dd hh:mm'}, 9, '半年'],
      [2, {value: new Date(Date.UTC(2026, 11, 1, 3, 0)), format: 'yyyy/mm/dd hh:mm'}, 6, '1 年以上'],
    ]).toBuffer(),
}

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

describe('the README tour', () => {
  it('finds the tour: commands in order, continuation lines joined, comments apart', () => {
    const tour = tourLines(README)
    expect(tour[0].command).toBe('commops --help')
    const init = tour.find((l) => l.command.startsWith('commops init acme'))
    expect(init?.command).toContain('--timezone Asia/Shanghai --platform wechat')
    expect(tour.some((l) => l.command.startsWith('cd '))).toBe(true)
    expect(tour.every((l) => !l.command.includes('#') || /["']/.test(l.command))).toBe(true)
  })

  it('runs line by line in a fresh folder, each exiting as the README says', {timeout: 240_000}, async () => {
    assertBuilt()
    const root = await makeTempDir()
    const bin = path.join(root, '.bin')
    await mkdir(bin)
    await writeFile(path.join(bin, 'commops'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`)
    await chmod(path.join(bin, 'commops'), 0o755)
    let cwd = path.join(root, 'tour')
    await mkdir(cwd)
    for (const {command, comment, line} of tourLines(README)) {
      const cd = /^cd\s+(\S+)$/.exec(command)
      if (cd) {
        cwd = path.resolve(cwd, cd[1])
        continue
      }
      for (const [file, content] of Object.entries(GIVEN))
        if (command.split(/\s+/).includes(file) && !existsSync(path.join(cwd, file))) await writeFile(path.join(cwd, file), await content())
      const r = await sh(command, cwd, bin)
      const allowed = [0, ...[...comment.matchAll(/\bexit (\d)\b/g)].map((m) => Number(m[1]))]
      expect(allowed, `README.md:${line} \`${command}\` exited ${r.code}:\n${r.output}`).toContain(r.code)
      expect(hasStackTrace(r.output), `README.md:${line} \`${command}\`:\n${r.output}`).toBe(false)
    }
  })
})
