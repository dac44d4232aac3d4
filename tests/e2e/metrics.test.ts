/** `metrics`, `retention` and `funnel` end to end: the compiled CLI in a workspace with imported NDJSON, as a user runs it. */
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'

const commops = (args: string[]): Promise<CliResult> => runCli(args, {cwd: ws})

let tmp: string
let ws: string

const line = (ts: string, type: string, member: string, extra: object = {}) =>
  JSON.stringify({ts, type, member, src: `${member}#${ts}#${type}`, channel: 'main', ...extra})

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'club')
  await initWorkspace({dir: ws, name: 'Club', locale: 'en', timezone: 'Asia/Shanghai', platforms: [], type: 'interest', sample: false})
  await writeFile(
    path.join(ws, 'activity.ndjson'),
    [
      line('2026-09-20T10:00:00+08:00', 'join', 'qq:1'),
      line('2026-09-21T10:00:00+08:00', 'post', 'qq:1'),
      line('2026-10-01T10:00:00+08:00', 'join', 'qq:2'),
      line('2026-10-01T23:30:00+08:00', 'post', 'qq:2', {topic: 't1'}),
      line('2026-10-02T09:00:00+08:00', 'reply', 'qq:1', {topic: 't1', channel: 'side'}),
      line('2026-10-09T12:00:00+08:00', 'question', 'discord:7', {topic: 't2'}),
      line('2026-10-09T13:00:00+08:00', 'answer', 'qq:1', {topic: 't2'}),
      line('2026-10-31T23:30:00+08:00', 'post', 'qq:2'),
      line('2026-11-01T00:10:00+08:00', 'post', 'qq:3'),
      line('2026-11-20T10:00:00+08:00', 'post', 'qq:2'),
    ].join('\n') + '\n',
  )
  const imported = await commops(['events', 'import', 'activity.ndjson'])
  expect(imported.code, imported.stderr).toBe(0)
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('metrics', () => {
  it('--json is the metric set with the goals, and only JSON', async () => {
    const r = await commops(['metrics', '--period', '2026-10', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.period).toEqual({label: '2026-10', from: '2026-10-01', to: '2026-10-31', unit: 'month', zone: 'Asia/Shanghai'})
    expect(out.values).toHaveLength(27)
    const v = Object.fromEntries(out.values.map((x: {id: string}) => [x.id, x]))
    // default engagement levels on 10-31 (activity 10-04 … 10-31): qq:1 casual (answer 2), qq:2 casual (post 1),
    // discord:7 new (first seen 10-09): 2² + 2² + 1²
    expect(v.engagement_score).toMatchObject({value: 9, inputs: {members: 3, casual: 2, new: 1}})
    // levels over 28 days ending 12-31 hold none of the events (the last on 11-20): no score, not everyone dormant
    const december = JSON.parse((await commops(['metrics', '--period', '2026-12', '--metric', 'engagement_score', '--json'])).stdout)
    expect(december.values[0]).toMatchObject({value: null, reason: {key: 'metrics.na.noData', params: {first: '2026-09-20', last: '2026-11-20'}}})
    // qq:1, qq:2 and discord:7; qq:3's post at 00:10 on 11-01 belongs to November
    expect(v.active_members.value).toBe(3)
    expect(v.new_members).toMatchObject({value: 2, inputs: {joined: 2, inferred: 1}})
    expect(v.response_rate_24h).toMatchObject({value: 1, inputs: {questions: 1, answered_24h: 1}})
    expect(v.conversion_rate).toMatchObject({value: null, reason: {key: 'metrics.na.noConversionEvents'}})
    expect(out.goals.find((g: {metric: string}) => g.metric === 'new_members')).toMatchObject({target: 100, direction: 'up', met: false})
    expect(out.inputsHash).toMatch(/^[0-9a-f]{64}$/)
  })

  it('--json makes no Intl formatter: their ICU data (~6 MB a DateTimeFormat, ~1-3 MB a Segmenter) is memory the figures do without', async () => {
    // a preload that names each Intl formatter the run makes, on stderr
    const preload = path.join(tmp, 'intl-made.mjs')
    await writeFile(
      preload,
      `for (const name of ['DateTimeFormat', 'NumberFormat', 'Segmenter', 'Collator']) {
  const Real = Intl[name]
  Intl[name] = new Proxy(Real, {construct: (target, args) => (process.stderr.write('made Intl.' + name + '\\n'), Reflect.construct(target, args))})
}
`,
    )
    const r = await runCli(['metrics', '--period', '2026-10', '--json'], {cwd: ws, env: {NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`}})
    expect(r.code, r.stderr).toBe(0)
    expect(JSON.parse(r.stdout).values).toHaveLength(27)
    expect(r.stderr).not.toContain('made Intl.')
    // the preload works: a table fitted to a width measures its Chinese text with a segmenter (plain ASCII needs none)
    const shown = await runCli(['metrics', '--period', '2026-10', '--lang', 'zh-CN'], {
      cwd: ws,
      env: {COLUMNS: '80', NODE_OPTIONS: `--import=${pathToFileURL(preload).href}`},
    })
    expect(shown.stderr).toContain('made Intl.Segmenter')
  })

  it('the table in Chinese: names, targets, n/a with the reason, notes', async () => {
    const r = await commops(['metrics', '--period', '2026-10', '--lang', 'zh-CN'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('指标 2026-10（2026-10-01 – 2026-10-31，Asia/Shanghai）')
    expect(r.stdout).toMatch(/日活（DAU）\s+0\.\d\d/)
    expect(r.stdout).toMatch(/转化率\s+无数据.*没有导入任何转化事件/)
    expect(r.stdout).toContain('1 位成员没有加入事件')
    expect(r.stdout).toMatch(/新成员\s+2\s+≥ 100\s+✗/)
  })

  it('filters by channel and platform', async () => {
    const r = await commops(['metrics', '--period', '2026-10', '--channel', 'main', '--platform', 'qq', '--metric', 'active_members', '--json'])
    const v = JSON.parse(r.stdout).values.find((x: {id: string}) => x.id === 'active_members')
    // qq:1's reply is in #side and its answer in #main; discord:7 is left out
    expect(v.value).toBe(2)
    expect(JSON.parse(r.stdout).filter).toEqual({channel: ['main'], platform: ['qq']})
  })

  it('--explain shows the inputs, the formula and the days that drove a daily figure', async () => {
    const r = await commops(['metrics', '--period', '2026-10', '--explain', 'dau'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain('Formula: mean over every day of the period')
    expect(r.stdout).toContain('Daily actives over the 31 days (27 silent, counted as 0)')
    expect(r.stdout).toContain('Busiest days: 2026-10-09 (2), 2026-10-01 (1), 2026-10-02 (1)')
    const json = JSON.parse((await commops(['metrics', '--period', '2026-10', '--explain', 'dau', '--json'])).stdout)
    expect(json.metric.days).toHaveLength(31)
    expect(json.metric.days[0]).toEqual({date: '2026-10-01', value: 1})
  })

  it('--last N with --chart draws trends; without it, a table of periods', async () => {
    const chart = await commops(['metrics', '--period', '2026-11', '--last', '3', '--chart', '--metric', 'active_members'])
    expect(chart.code, chart.stderr).toBe(0)
    expect(chart.stdout).toContain('Active members (active_members)')
    expect(chart.stdout).toMatch(/[┤┼]/)
    const json = JSON.parse((await commops(['metrics', '--period', '2026-11', '--last', '3', '--json'])).stdout)
    expect(json.sets.map((s: {period: {label: string}}) => s.period.label)).toEqual(['2026-09', '2026-10', '2026-11'])
  })

  it('a period it cannot read is a usage error (exit 2) with a hint, no stack trace', async () => {
    const r = await commops(['metrics', '--period', '2026-13'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Cannot read the period `2026-13`')
    expect(r.stderr).toContain('Hint: Write a month 2026-10')
    expect(hasStackTrace(r.stderr)).toBe(false)
    const zh = await commops(['metrics', '--from', '2026-10-09', '--to', '2026-10-01', '--lang', 'zh-CN'])
    expect(zh.code).toBe(2)
    expect(zh.stderr).toContain('周期的结束日（2026-10-01）早于开始日（2026-10-09）')
  })
})

describe('retention and funnel', () => {
  it('retention --json: cohorts with sizes, shares and D7', async () => {
    const r = await commops(['retention', '--cohort', 'month', '--last', '3', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.unit).toBe('month')
    expect(out.rows).toHaveLength(3)
    for (const row of out.rows) expect(row).toHaveProperty('shares')
  })

  it('retention --to ends the cohorts at a given day; a bad day is a usage error', async () => {
    const r = await commops(['retention', '--cohort', 'month', '--last', '2', '--to', '2026-10-31', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    // qq:1 joined in September; qq:2 joined and discord:7 first asked in October; qq:3 starts in November
    expect(out.rows.map((row: {cohort: string; size: number}) => [row.cohort, row.size])).toEqual([
      ['2026-09', 1],
      ['2026-10', 2],
    ])
    const bad = await commops(['retention', '--to', '2026-13-01'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('2026-13-01')
    expect(hasStackTrace(bad.stderr)).toBe(false)
  })

  it('funnel in both languages, with step rates', async () => {
    const r = await commops(['funnel', '--period', '2026-10', '--json'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out.steps.map((s: {id: string}) => s.id)).toEqual(['joined', 'interacted', 'active_4_of_8', 'converted'])
    expect(out.steps[0].count).toBe(2)
    const zh = await commops(['funnel', '--period', '2026-10', '--lang', 'zh-CN'])
    expect(zh.stdout).toContain('首次互动')
    expect(zh.stdout).toContain('前 8 周中有 4 周活跃')
  })
})
