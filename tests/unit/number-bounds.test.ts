/** Numbers in YAML files are bounded by the schemas, so a huge or infinite value is a located validation problem, not a crash later. */
import {readFile, writeFile} from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import CalendarExport from '../../commands/calendar/export.js'
import Validate from '../../commands/validate.js'
import {hasStackTrace, runCommandClass} from '../helpers/cli.js'
import {positionOf} from '../fixtures/index.js'
import {sampleWorkspace} from '../helpers/workspace.js'

describe('numbers in community.yaml', () => {
  it('durationMinutes: 99999999999999999999 is a located problem with a hint; calendar export stops on it, not as a bug', async () => {
    const ws = await sampleWorkspace('en')
    const text = (await readFile(ws.communityFile, 'utf8')).replace('durationMinutes: 60', 'durationMinutes: 99999999999999999999')
    await writeFile(ws.communityFile, text)
    const at = positionOf(text, '99999999999999999999')
    const v = await runCommandClass(Validate, ['community.yaml'], {cwd: ws.root})
    expect(v.code).toBe(1)
    expect(v.stdout).toContain(`community.yaml:${at.line}:${at.col}  error  Must be <= 44640`)
    expect(v.stdout).toContain('at most 31 days')
    const r = await runCommandClass(CalendarExport, ['--format', 'ics', '--out', 'out/calendar.ics'], {cwd: ws.root})
    expect(r.code).toBe(1)
    expect(r.stderr).toContain(`community.yaml:${at.line}:${at.col}`)
    expect(r.stderr).not.toMatch(/unexpected|bug/i)
    expect(hasStackTrace(r.stderr)).toBe(false)
  })

  it('join: 1e400 (read as Infinity) says it is too large or not finite, not "must be a number, not a number"', async () => {
    const ws = await sampleWorkspace('en')
    const text = (await readFile(ws.communityFile, 'utf8')).replace('join: 2', 'join: 1e400')
    await writeFile(ws.communityFile, text)
    const at = positionOf(text, '1e400')
    const v = await runCommandClass(Validate, ['community.yaml'], {cwd: ws.root})
    expect(v.code).toBe(1)
    expect(v.stdout).toContain(`community.yaml:${at.line}:${at.col}  error  Is too large or not a finite number (read as Infinity)`)
    expect(v.stdout).toContain('Write an ordinary number')
    expect(v.stdout).not.toContain('Must be a number')
    const zh = await runCommandClass(Validate, ['community.yaml', '--lang', 'zh-CN'], {cwd: ws.root})
    expect(zh.stdout).toContain('数值过大或不是有限的数')
  })
})
