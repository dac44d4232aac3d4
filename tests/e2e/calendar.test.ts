/** The calendar commands as a user runs them: `node bin/run.js calendar …` in a temp workspace made from the zh-CN sample. */
import stringWidth from 'string-width'
import {describe, expect, it} from 'vitest'
import type {CalendarItem} from '../../src/calendar/types.js'
import {Store} from '../../src/store/index.js'
import {hasStackTrace, type CliResult, runCli} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

/** Spawns the compiled CLI (bin/run.js; npm test builds dist/ first) in a workspace. */
const commops = (args: string[], cwd: string): Promise<CliResult> => runCli(args, {cwd})

describe('commops calendar (end to end)', () => {
  it('generate --json → show (CJK-aligned) → check exits 1 on an item moved to a blackout date', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const gen = await commops(['calendar', 'generate', '--from', '2026-12-01', '--weeks', '4', '--json'], ws.root)
    expect(gen.code, gen.stderr).toBe(0)
    const generated = JSON.parse(gen.stdout) as {added: CalendarItem[]; byPillar: Record<string, number>}
    expect(generated.added).toHaveLength(59)
    expect(generated.byPillar['daily-topic']).toBe(28)

    const show = await commops(['calendar', 'show', '--from', '2026-12-01', '--to', '2026-12-07'], ws.root)
    expect(show.code, show.stderr).toBe(0)
    const lines = show.stdout.split('\n')
    expect(lines[0]).toMatch(/^编号\s+日期\s+时间\s+标题\s+支柱\/活动\s+形式\s+频道\s+负责人\s+状态$/)
    // CJK-aligned: the channel column starts at the same display column on every row.
    const column = (line: string, token: string) => stringWidth(line.slice(0, line.indexOf(token)))
    const rows = lines.filter((l) => /^C\d+ /.test(l))
    expect(rows).toHaveLength(16)
    const channelAt = column(lines[0], '频道')
    for (const row of rows) expect(column(row, row.match(/(wechat|forum)-[a-z]+/)![0])).toBe(channelAt)

    await Store.at(ws.root).update((db) => {
      Object.assign(
        db.calendar.find((i) => i.id === 'C5')!,
        {date: '2026-12-31'},
      )
    })
    const check = await commops(['calendar', 'check', '--from', '2026-12-01', '--to', '2026-12-31', '--json'], ws.root)
    expect(check.code).toBe(1)
    const result = JSON.parse(check.stdout) as {ok: boolean; problems: Array<{type: string; items: string[]}>}
    expect(result.ok).toBe(false)
    expect(result.problems.find((p) => p.type === 'blackout')?.items).toEqual(['C5'])
    expect(hasStackTrace(check.stderr + show.stderr + gen.stderr)).toBe(false)
  })
})

describe('commops calendar export (end to end)', () => {
  it('exports a two-year range: a read has no reason to cap it', async () => {
    const ws = await sampleWorkspace('en')
    for (const from of ['2026-12-01', '2028-06-05']) {
      const gen = await commops(['calendar', 'generate', '--from', from, '--weeks', '1', '--json'], ws.root)
      expect(gen.code, gen.stderr).toBe(0)
    }
    const total = (await Store.at(ws.root).read()).calendar.length
    expect(total).toBeGreaterThan(0)
    const exp = await commops(['calendar', 'export', '--format', 'csv', '--from', '2026-12-01', '--to', '2028-11-30', '--json'], ws.root)
    expect(exp.code, exp.stderr).toBe(0)
    const result = JSON.parse(exp.stdout) as {items: number; content: string}
    expect(result.items).toBe(total)
    expect(result.content).toContain('2028-06-')
  })
})
