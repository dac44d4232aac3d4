/** The calendar commands run in this process (fast): flags, output, exit codes and what they write. */
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {parse as parseCsv} from 'csv-parse/sync'
import ICAL from 'ical.js'
import {afterEach, describe, expect, it, vi} from 'vitest'
import CalendarCheck from '../../commands/calendar/check.js'
import CalendarExport from '../../commands/calendar/export.js'
import CalendarGenerate from '../../commands/calendar/generate.js'
import CalendarSet from '../../commands/calendar/set.js'
import CalendarShow from '../../commands/calendar/show.js'
import {Store} from '../../src/store/index.js'
import {type CliResult, type CommandClass, hasStackTrace, runCommandClass} from '../helpers/cli.js'
import {positionOf} from '../fixtures/index.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

/** Runs a command class as `commops …` would, in `cwd`, capturing stdout, stderr and the exit code. */
const cli = (cmd: CommandClass, argv: string[], cwd: string): Promise<CliResult> => runCommandClass(cmd, argv, {cwd})

afterEach(() => vi.restoreAllMocks())

describe('calendar generate', () => {
  it('--dry-run shows the plan and writes nothing; a run writes the items; regenerating reports kept, updated and removed', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const before = await treeHash(ws.root)
    const dry = await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '4', '--dry-run'], ws.root)
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toContain('+ 新增')
    expect(dry.stdout).toContain('新增 59，更新 0，保留 0，移除 0')
    expect(dry.stdout).toContain('演练模式')
    expect(await treeHash(ws.root)).toEqual(before)

    const first = JSON.parse((await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '4', '--json'], ws.root)).stdout)
    expect(first.added).toHaveLength(59)
    expect(first.byChannel['wechat-main']).toBe(44)

    await cli(CalendarSet, ['C3', '--status', 'published', '--owner', '小王'], ws.root)
    const text = await readFile(ws.communityFile, 'utf8')
    await writeFile(
      ws.communityFile,
      text.replace('cadence: weekly on tue 20:00', 'cadence: weekly on thu 20:00').replace('owner: 林晓', 'owner: 小林'),
    )
    const again = await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '4', '--json'], ws.root)
    const r = JSON.parse(again.stdout)
    expect(r.added.map((i: {date: string}) => i.date)).toEqual(['2026-12-03', '2026-12-10', '2026-12-17', '2026-12-24'])
    expect(r.removed.map((i: {date: string}) => i.date)).toEqual(['2026-12-01', '2026-12-08', '2026-12-15', '2026-12-22'])
    expect(r.updated.map((i: {owner: string}) => i.owner)).toEqual(['小林'])
    expect(r.kept.find((i: {id: string}) => i.id === 'C3')).toMatchObject({status: 'published', owner: '小王'})
    const ids = (await Store.at(ws.root).read()).calendar.map((i) => i.id)
    expect(ids.slice(-4)).toEqual(['C60', 'C61', 'C62', 'C63'])
  })

  it('a bad cadence in community.yaml is reported at community.yaml:LINE:COL, exit 1', async () => {
    const ws = await sampleWorkspace('en')
    const text = (await readFile(ws.communityFile, 'utf8')).replace('cadence: weekly on mon 10:00', 'cadence: weekly on mnday 10:00')
    await writeFile(ws.communityFile, text)
    const r = await cli(CalendarGenerate, ['--from', '2026-12-01'], ws.root)
    expect(r.code).toBe(1)
    const at = positionOf(text, 'mnday')
    expect(r.stderr).toContain(`community.yaml:${at.line}:${at.col}`)
    expect(r.stderr).toContain('mnday')
    expect(hasStackTrace(r.stderr)).toBe(false)
  })

  it('usage errors exit 2 with a hint, never a stack trace', async () => {
    const ws = await sampleWorkspace('en')
    await mkdir(path.join(ws.root, 'out', 'calendar.ics'), {recursive: true}) // a folder where the file would go
    const runs = [
      await cli(CalendarGenerate, ['--from', '2026-13-01'], ws.root),
      await cli(CalendarGenerate, ['--from', '2026-12-01', '--to', '2028-01-01'], ws.root),
      await cli(CalendarGenerate, ['--from', '2026-12-01', '--pillar', 'tutorial'], ws.root),
      await cli(CalendarGenerate, ['--from', '2026-12-01', '--channel', 'discord-hepl'], ws.root),
      await cli(CalendarShow, ['--status', 'done'], ws.root),
      await cli(CalendarExport, ['--out', 'out/', '--format', 'ics'], ws.root),
      await cli(CalendarSet, ['C1'], ws.root),
    ]
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2, 2, 2])
    expect(runs[0].stderr).toContain('2026-13-01')
    expect(runs[1].stderr).toContain('366')
    expect(runs[2].stderr).toContain('tutorials?')
    expect(runs[3].stderr).toContain('discord-help?')
    expect(runs[5].stderr).toContain('is a folder, not a file')
    for (const r of runs) expect(hasStackTrace(r.stderr)).toBe(false)
  })
})

describe('calendar show, set, check, export', () => {
  it('show filters; set changes status, owner, notes and time; unknown ids exit 2', async () => {
    const ws = await sampleWorkspace('en')
    await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '2'], ws.root)
    const shown = JSON.parse(
      (await cli(CalendarShow, ['--from', '2026-12-01', '--weeks', '2', '--channel', 'forum-showcase', '--json'], ws.root)).stdout,
    )
    expect(shown.items.length).toBeGreaterThan(0)
    expect(shown.items.every((i: {channel: string}) => i.channel === 'forum-showcase')).toBe(true)
    const id = shown.items[0].id as string
    const set = await cli(
      CalendarSet,
      [id, '--status', 'scheduled', '--owner', 'Sam', '--notes', 'ask the author', '--time', '18:30', '--json'],
      ws.root,
    )
    const item = JSON.parse(set.stdout).items[0]
    expect(item).toMatchObject({id, status: 'scheduled', owner: 'Sam', notes: 'ask the author', time: '18:30', rev: 1})
    expect(item.start).toMatch(/T18:30:00\+01:00$/)
    const mine = JSON.parse((await cli(CalendarShow, ['--all', '--owner', 'Sam', '--status', 'scheduled', '--json'], ws.root)).stdout)
    expect(mine.items.map((i: {id: string}) => i.id)).toEqual([id])
    const missing = await cli(CalendarSet, ['C999', '--status', 'published'], ws.root)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('C999')
  })

  it('show reads a period longer than a year (no cap on reads); generating one is still refused, saying why', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '2'], ws.root)
    const shown = await cli(CalendarShow, ['--from', '2026-11-01', '--to', '2027-12-31', '--json'], ws.root)
    expect(shown.code, shown.stderr).toBe(0)
    const r = JSON.parse(shown.stdout)
    expect(r).toMatchObject({from: '2026-11-01', to: '2027-12-31'})
    expect(r.items.length).toBeGreaterThan(0)
    const table = await cli(CalendarShow, ['--from', '2026-11-01', '--to', '2027-12-31'], ws.root)
    expect(table.code, table.stderr).toBe(0)
    const gen = await cli(CalendarGenerate, ['--from', '2026-11-01', '--to', '2027-12-31'], ws.root)
    expect(gen.code).toBe(2)
    expect(gen.stderr).toContain('生成或检查一次最多覆盖 366 天')
  })

  it('check: exit 0 when clean, exit 1 with a table (or JSON) when a channel goes silent or an item sits on a blackout date', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '4'], ws.root)
    const clean = await cli(CalendarCheck, [], ws.root)
    expect(clean.code, clean.stdout).toBe(0)
    const db = await Store.at(ws.root).read()
    const daily = db.calendar.filter((i) => i.pillar === 'daily-topic' && i.date === '2026-12-09')[0]
    const wechatMain = db.calendar.filter((i) => i.channel === 'wechat-main' && i.date === '2026-12-10')
    for (const i of wechatMain) await cli(CalendarSet, [i.id, '--status', 'cancelled'], ws.root)
    await cli(CalendarSet, [daily.id, '--date', '2026-12-31'], ws.root)
    const bad = await cli(CalendarCheck, ['--from', '2026-12-01', '--to', '2026-12-31', '--lang', 'en'], ws.root)
    expect(bad.code).toBe(1)
    expect(bad.stdout).toMatch(/gap\s+2026-12-10\s+wechat-main/)
    expect(bad.stdout).toMatch(/blackout\s+2026-12-31\s+wechat-main\s+小满/)
    const json = await cli(CalendarCheck, ['--from', '2026-12-01', '--to', '2026-12-31', '--json'], ws.root)
    expect(json.code).toBe(1)
    const problems = JSON.parse(json.stdout).problems as Array<{type: string; items: string[]}>
    expect(problems.find((p) => p.type === 'blackout')?.items).toEqual([daily.id])
  })

  it('export: ics read back by ical.js, csv with a BOM, md to stdout; never overwrites a file it did not write', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await cli(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '4'], ws.root)
    const items = (await Store.at(ws.root).read()).calendar
    const ics = await cli(CalendarExport, ['--format', 'ics', '--out', 'out/calendar.ics'], ws.root)
    expect(ics.code, ics.stderr).toBe(0)
    const text = await readFile(path.join(ws.root, 'out', 'calendar.ics'), 'utf8')
    const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v))
    expect(events).toHaveLength(items.length)
    expect(events.map((e) => e.startDate.toJSDate().getTime()).sort()).toEqual(items.map((i) => Date.parse(i.start)).sort())
    // Exporting again overwrites our own file; the UIDs do not change.
    expect((await cli(CalendarExport, ['--out', 'out/calendar.ics'], ws.root)).code).toBe(0)
    expect(await readFile(path.join(ws.root, 'out', 'calendar.ics'), 'utf8')).toBe(text)

    await cli(CalendarExport, ['--out', 'out/calendar.csv', '--from', '2026-12-01', '--weeks', '1'], ws.root)
    const csv = await readFile(path.join(ws.root, 'out', 'calendar.csv'), 'utf8')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(parseCsv<unknown>(csv, {bom: true, columns: true}).length).toBe(items.filter((i) => i.date <= '2026-12-07').length)

    const md = await cli(CalendarExport, ['--format', 'md', '--pillar', 'play-tips'], ws.root)
    expect(md.stdout.match(/^## /gm)).toHaveLength(4)
    await writeFile(path.join(ws.root, 'out', 'mine.md'), 'hand-written\n')
    const refused = await cli(CalendarExport, ['--out', 'out/mine.md'], ws.root)
    expect(refused.code).toBe(1)
    expect(await readFile(path.join(ws.root, 'out', 'mine.md'), 'utf8')).toBe('hand-written\n')
    expect((await cli(CalendarExport, ['--out', 'out/mine.md', '--force'], ws.root)).code).toBe(0)
  })
})
