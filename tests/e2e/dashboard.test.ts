/**
 * `commops dashboard --once` and `--json` end to end: the compiled CLI on the bundled sample, without a terminal; and
 * the live dashboard once on a real terminal, in a tmux session of its own (skipped where tmux is not installed).
 */
import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {promisify} from 'node:util'
import path from 'node:path'
import stringWidth from 'string-width'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {DashboardModel} from '../../src/dashboard/types.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {BIN, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'

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

const TMUX = ['/usr/bin/tmux', '/usr/local/bin/tmux', '/opt/homebrew/bin/tmux'].find((p) => existsSync(p))

describe('dashboard on a real terminal', () => {
  it.skipIf(!TMUX)(
    '(needs tmux) draws at 80×24, moves with tab, opens a panel, follows a resize and quits with q',
    async () => {
      // a server of its own (-S): nothing of another tmux session is touched
      const socket = path.join(tmp, 'tmux.sock')
      const env: NodeJS.ProcessEnv = {...process.env, LANG: 'en_US.UTF-8', TERM: 'xterm-256color'}
      for (const name of ['CI', 'NO_COLOR', 'FORCE_COLOR', 'COLUMNS', 'LINES', 'COMMOPS_WORKSPACE']) delete env[name]
      const tmux = (...args: string[]) => promisify(execFile)(TMUX!, ['-S', socket, '-f', '/dev/null', ...args], {env})
      const screen = async () => (await tmux('capture-pane', '-p', '-t', 'dash')).stdout
      const waitFor = async (test: (text: string) => boolean, what: string) => {
        for (let i = 0; i < 200; i++) {
          const text = await screen()
          if (test(text)) return text
          await new Promise((r) => setTimeout(r, 100))
        }
        throw new Error(`no screen with ${what}:\n${await screen()}`)
      }
      const command = `${process.execPath} ${BIN} dashboard --lang en; echo "exited $?"; sleep 60`
      await tmux('new-session', '-d', '-x', '80', '-y', '24', '-s', 'dash', '-c', ws, command)
      try {
        let text = await waitFor((x) => x.includes('▸ KPIs'), 'the dashboard')
        const rows = text.trimEnd().split('\n')
        expect(rows[0]).toContain('commops · ')
        for (const title of ['Scorecard', 'Next 14 days', 'Tasks', 'Recent runs', 'Survey', 'Top suggestion']) expect(text).toContain(title)
        await tmux('send-keys', '-t', 'dash', 'Tab')
        await waitFor((x) => x.includes('▸ Scorecard'), 'the scorecard focused')
        await tmux('send-keys', '-t', 'dash', 'Enter')
        text = await waitFor((x) => x.includes('enter/esc back'), 'the detail view')
        expect(text).not.toContain('Next 14 days')
        await tmux('send-keys', '-t', 'dash', 'Escape')
        await waitFor((x) => x.includes('Next 14 days'), 'the grid again')
        await tmux('resize-window', '-t', 'dash', '-x', '120', '-y', '30')
        text = await waitFor((x) => x.split('\n').some((row) => stringWidth(row.trimEnd()) > 80), 'a frame wider than 80 columns')
        for (const row of text.split('\n')) expect(stringWidth(row.trimEnd())).toBeLessThanOrEqual(120)
        await tmux('send-keys', '-t', 'dash', 'q')
        await waitFor((x) => x.includes('exited 0'), 'the command exiting with 0')
      } finally {
        await tmux('kill-server').catch(() => undefined)
      }
    },
    60_000,
  )
})
