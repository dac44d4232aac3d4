/** `commops dashboard --once` and `--json` end to end: the compiled CLI on the bundled sample, without a terminal. */
import path from 'node:path'
import stringWidth from 'string-width'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {DashboardModel} from '../../src/dashboard/types.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'

let tmp: string
let ws: string
const commops = (args: string[], env?: Record<string, string | undefined>): Promise<CliResult> => runCli(args, {cwd: ws, env})
// eslint-disable-next-line no-control-regex
const ESC = /\u001B/

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'club')
  await initWorkspace({dir: ws, name: '摄影俱乐部', locale: 'zh-CN', timezone: 'Asia/Shanghai', platforms: [], type: 'interest', sample: true})
  for (const args of [
    ['playbook', 'run', 'launch', '--yes'],
    ['events', 'import', 'data/activity.ndjson'],
    ['members', 'import', 'data/members.csv'],
    ['scorecard', 'compute', '--period', '2026-08'],
    ['scorecard', 'compute', '--period', '2026-09'],
    ['members', 'points', '--recompute'],
  ]) {
    const r = await commops(args)
    expect(r.code, `${args.join(' ')}\n${r.stderr}`).toBe(0)
  }
}, 60_000)

afterAll(async () => {
  await removeDir(tmp)
})

describe('dashboard --once', () => {
  it('draws one frame of every panel without a terminal: no escape code, no line wider than 80 columns', async () => {
    const r = await commops(['dashboard', '--once'], {NO_COLOR: undefined, FORCE_COLOR: undefined})
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).not.toMatch(ESC)
    const rows = r.stdout.trimEnd().split('\n')
    expect(rows.length).toBeLessThanOrEqual(24)
    for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(80)
    for (const title of ['关键指标', '评分卡', '未来 14 天', '任务', '最近的运行', '积分榜与等级', '问卷', '首要建议'])
      expect(r.stdout).toContain(title)
    expect(r.stdout).toMatch(/2026-09 {2}总分 [\d.]+ {2}等级 [A-F]/)
    expect(r.stdout).toMatch(/[▁▂▃▄▅▆▇█]{2}/)
    expect(r.stdout).toContain('launch')
    // the top members by the names on their records, as `members top` shows them
    const top = (JSON.parse((await commops(['dashboard', '--json'])).stdout) as DashboardModel).members.top!
    expect(top[0].name).toEqual(expect.any(String))
    expect(r.stdout).toMatch(new RegExp(`1\\. +${top[0].name} ${top[0].points}`))
  })

  it('is as wide as --width, in the language asked for', async () => {
    const r = await commops(['dashboard', '--once', '--width', '120', '--height', '40', '--lang', 'en'])
    expect(r.code, r.stderr).toBe(0)
    const rows = r.stdout.trimEnd().split('\n')
    expect(Math.max(...rows.map((row) => stringWidth(row)))).toBeGreaterThan(80)
    for (const row of rows) expect(stringWidth(row)).toBeLessThanOrEqual(120)
    expect(r.stdout).toContain('Top members')
    expect(r.stdout).not.toMatch(ESC)
  })

  it('gives the model with --json: figures from the stored scorecards and ledger', async () => {
    const r = await commops(['dashboard', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const m = JSON.parse(r.stdout) as DashboardModel
    expect(m.scorecard).toMatchObject({key: '2026-09', previous: {key: '2026-08'}})
    expect(m.kpis.length).toBeGreaterThan(0)
    expect(m.kpis[0].history).toHaveLength(2)
    expect(m.members.top?.length).toBeGreaterThan(0)
    expect(m.members.levels?.length).toBeGreaterThan(0)
    expect(m.runs[0].playbook).toBe('launch')
    expect(m.hints.map((h) => h.panel)).not.toContain('members')
  })
})
