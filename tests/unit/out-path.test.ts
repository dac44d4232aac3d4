/** `--out` typed on the command line: any path relative to the current folder, `-` for stdout, a folder gets the default name. */
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import CalendarExport from '../../commands/calendar/export.js'
import CalendarGenerate from '../../commands/calendar/generate.js'
import RulesExport from '../../commands/rules/export.js'
import RulesGenerate from '../../commands/rules/generate.js'
import Schema from '../../commands/schema.js'
import SurveyCreate from '../../commands/survey/create.js'
import SurveyExport from '../../commands/survey/export.js'
import SurveyIngest from '../../commands/survey/ingest.js'
import {resolveOut} from '../../src/util/out-path.js'
import {type CliResult, type CommandClass, hasStackTrace, runCommandClass} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

const cli = (cmd: CommandClass, argv: string[], cwd: string): Promise<CliResult> => runCommandClass(cmd, argv, {cwd})

afterEach(() => vi.restoreAllMocks())

describe('resolveOut', () => {
  it('is relative to the current folder; `-` is stdout; a folder or a trailing / gets the default name', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'commops-out-'))
    await mkdir(path.join(cwd, 'deliverables'))
    expect(resolveOut('-', 'calendar.ics', cwd)).toEqual({stdout: true})
    expect(resolveOut('a/b.ics', 'calendar.ics', cwd)).toMatchObject({full: path.join(cwd, 'a/b.ics'), shown: path.join('a', 'b.ics')})
    expect(resolveOut('deliverables', 'calendar.ics', cwd)).toMatchObject({full: path.join(cwd, 'deliverables', 'calendar.ics')})
    expect(resolveOut('new/', 'calendar.ics', cwd)).toMatchObject({full: path.join(cwd, 'new', 'calendar.ics')})
    expect(resolveOut('/abs/x.ics', 'calendar.ics', cwd)).toMatchObject({full: '/abs/x.ics', shown: '/abs/x.ics'})
  })
})

describe('export --out anywhere the person says', () => {
  it('calendar export writes outside the workspace, relative to the current folder, into a folder, or to stdout with -', async () => {
    const ws = await sampleWorkspace('en')
    await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '1'], ws.root)
    const home = await mkdtemp(path.join(os.tmpdir(), 'commops-home-'))
    const target = path.join(home, 'deliverables', 'acme-calendar.ics')

    const abs = await cli(CalendarExport, ['--out', target, '--workspace', ws.root], home)
    expect(abs.code, abs.stderr).toBe(0)
    expect(await readFile(target, 'utf8')).toContain('BEGIN:VCALENDAR')
    // again: commops wrote it, so no --force is needed
    expect((await cli(CalendarExport, ['--out', target, '--workspace', ws.root], home)).code).toBe(0)

    // relative to the current folder, not the workspace
    await mkdir(path.join(ws.root, 'sub'))
    expect((await cli(CalendarExport, ['--out', 'here.csv'], path.join(ws.root, 'sub'))).code).toBe(0)
    expect(existsSync(path.join(ws.root, 'sub', 'here.csv'))).toBe(true)
    expect(existsSync(path.join(ws.root, 'here.csv'))).toBe(false)

    // a folder gets the default name, with the format's extension
    const folder = await cli(CalendarExport, ['--out', home, '--format', 'ics', '--workspace', ws.root], ws.root)
    expect(folder.code, folder.stderr).toBe(0)
    expect(await readFile(path.join(home, 'calendar.ics'), 'utf8')).toContain('BEGIN:VCALENDAR')
    expect((await cli(CalendarExport, ['--out', 'fresh/'], ws.root)).code).toBe(0)
    expect(await readFile(path.join(ws.root, 'fresh', 'calendar.md'), 'utf8')).toContain('|')

    const stdout = await cli(CalendarExport, ['--out', '-', '--format', 'ics'], ws.root)
    expect(stdout.code).toBe(0)
    expect(stdout.stdout).toContain('BEGIN:VCALENDAR')
    expect(existsSync(path.join(ws.root, '-'))).toBe(false)
  })

  it('never overwrites a file commops did not write outside the workspace without --force', async () => {
    const ws = await sampleWorkspace('en')
    const home = await mkdtemp(path.join(os.tmpdir(), 'commops-home-'))
    const mine = path.join(home, 'notes.md')
    await writeFile(mine, 'my own notes')
    const refused = await cli(CalendarExport, ['--out', mine], ws.root)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('--force')
    expect(await readFile(mine, 'utf8')).toBe('my own notes')
    expect((await cli(CalendarExport, ['--out', mine, '--force'], ws.root)).code).toBe(0)
    expect(await readFile(mine, 'utf8')).not.toBe('my own notes')
  })

  it('rules export and survey export write outside the workspace and into folders; a folder in the way is a usage error', async () => {
    const ws = await sampleWorkspace('en')
    await cli(RulesGenerate, [], ws.root)
    await cli(SurveyCreate, ['--template', 'nps'], ws.root)
    const home = await mkdtemp(path.join(os.tmpdir(), 'commops-home-'))
    const rules = await cli(RulesExport, ['--out', path.join(home, 'acme-rules.md')], ws.root)
    expect(rules.code, rules.stderr).toBe(0)
    expect(rules.stdout).toContain(path.join(home, 'acme-rules.md'))
    expect((await cli(RulesExport, ['--out', home, '--format', 'txt'], ws.root)).code).toBe(0)
    expect(existsSync(path.join(home, 'rules.txt'))).toBe(true)
    const survey = await cli(SurveyExport, ['S1', '--format', 'html', '--out', home], ws.root)
    expect(survey.code, survey.stderr).toBe(0)
    expect(await readFile(path.join(home, 'S1.html'), 'utf8')).toContain('<html')

    await mkdir(path.join(home, 'taken', 'rules.md'), {recursive: true})
    const inTheWay = await cli(RulesExport, ['--out', path.join(home, 'taken')], ws.root)
    expect(inTheWay.code).toBe(2)
    expect(inTheWay.stderr).toMatch(/rules\.md is a folder, not a file/)
    expect(inTheWay.stderr).toContain('Hint:')
    expect(hasStackTrace(inTheWay.stderr)).toBe(false)
  })

  it('schema --out - prints; a file given as the folder is a usage error', async () => {
    const home = await mkdtemp(path.join(os.tmpdir(), 'commops-home-'))
    await writeFile(path.join(home, 'schemas'), 'a file')
    const printed = await cli(Schema, ['Community', '--out', '-'], home)
    expect(printed.code).toBe(0)
    expect(JSON.parse(printed.stdout)).toMatchObject({properties: {kind: {const: 'Community'}}})
    const refused = await cli(Schema, ['--out', 'schemas', '--lang', 'en'], home)
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/schemas is a file, not a folder/)
    expect(await readFile(path.join(home, 'schemas'), 'utf8')).toBe('a file')
  })
})

describe('a folder where a file is expected', () => {
  it('survey ingest with a folder is a usage error (exit 2) with a hint, not a bug', async () => {
    const ws = await sampleWorkspace('en')
    await cli(SurveyCreate, ['--template', 'nps'], ws.root)
    const r = await cli(SurveyIngest, ['S1', 'data/'], ws.root)
    expect(r.code, r.stderr).toBe(2)
    expect(r.stderr).toMatch(/data\/? is a folder, not a file/)
    expect(r.stderr).toContain('Hint:')
    expect(r.stderr).not.toMatch(/unexpected|bug/i)
    const created = await cli(SurveyCreate, ['--from', 'data'], ws.root)
    expect(created.code, created.stderr).toBe(2)
    expect(created.stderr).toMatch(/data is a folder, not a file/)
  })
})
