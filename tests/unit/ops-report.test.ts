/** The operations summary report: the model gathered from a workspace, and its Markdown and HTML, with and without data, in both languages. */
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest'
import {importEvents} from '../../src/events/service.js'
import {importMembers} from '../../src/members/service.js'
import {workspaceMetrics} from '../../src/scorecard/load-metrics.js'
import {computeScorecard} from '../../src/scorecard/service.js'
import {translator} from '../../src/i18n/index.js'
import {findChromium, printPdf} from '../../src/report/io-pdf.js'
import {reportHtml} from '../../src/report/render-html.js'
import {reportMarkdown} from '../../src/report/render-md.js'
import {buildReport} from '../../src/report/service.js'
import {REPORT_SECTIONS, type Part, type ReportModel} from '../../src/report/types.js'
import {Store} from '../../src/store/index.js'
import {openWorkspace, type Workspace} from '../../src/workspace/index.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'

// counts the passes over the events (every reader of the stored events goes through scanEvents)
const scans = vi.hoisted(() => ({count: 0}))
vi.mock('../../src/events/io-columns.js', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/events/io-columns.js')>()
  return {
    ...mod,
    scanEvents: (...args: Parameters<typeof mod.scanEvents>) => {
      scans.count++
      return mod.scanEvents(...args)
    },
  }
})

const now = new Date('2026-12-03T02:00:00Z')
const en = translator('en')
const zh = translator('zh-CN')
let tmp: string

/** A starter workspace (nothing imported) and one with a quarter of activity, named by a stranger. */
let empty: {ws: Workspace; store: Store}
let full: {ws: Workspace; store: Store}

const NAME = 'Acme <script>alert(1)</script> & "friends"'

function events(): string {
  const out: string[] = []
  let n = 0
  const ev = (ts: string, type: string, member: string, topic?: string) =>
    out.push(JSON.stringify({ts, type, member, channel: 'main', src: `t:${++n}`, ...(topic ? {topic} : {})}))
  for (let m = 0; m < 30; m++) ev(`2026-${m < 15 ? '06' : '07'}-${String(1 + (m % 28)).padStart(2, '0')}T10:00:00+08:00`, 'join', `qq:${m}`)
  for (const month of ['07', '08', '09']) {
    for (let day = 1; day <= 28; day++) {
      for (let m = 0; m < 30; m++)
        if ((m + day) % 3 === 0)
          ev(`2026-${month}-${String(day).padStart(2, '0')}T12:00:00+08:00`, m % 2 ? 'post' : 'reply', `qq:${m}`, `t${day % 5}`)
    }
  }
  return out.join('\n') + '\n'
}

async function workspace(dir: string, o: {sample: boolean; name: string}): Promise<{ws: Workspace; store: Store}> {
  await initWorkspace({dir, name: o.name, locale: 'en', timezone: 'Asia/Shanghai', platforms: [], type: 'interest', sample: o.sample})
  return {ws: await openWorkspace({flag: dir}), store: Store.at(dir)}
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'commops-report-'))
  empty = await workspace(path.join(tmp, 'empty'), {sample: false, name: NAME})
  full = await workspace(path.join(tmp, 'full'), {sample: true, name: 'Sample'})
  const file = path.join(full.ws.root, 'data', 'q3.ndjson')
  await mkdir(path.dirname(file), {recursive: true})
  await writeFile(file, events())
  await importEvents(full.store, {path: file, display: 'data/q3.ndjson', zone: 'Asia/Shanghai', now})
})

afterAll(async () => {
  await rm(tmp, {recursive: true, force: true})
})

const missingOf = <T>(p: Part<T>) => ('missing' in p ? p.missing : undefined)

describe('the report model', () => {
  it('without data: every part that reads data says so, with the command that fills it', async () => {
    const m = await buildReport(empty.ws, empty.store, {period: '2026-Q3', locale: 'en', now})
    expect(m.period).toMatchObject({label: '2026-Q3', from: '2026-07-01', to: '2026-09-30', zone: 'Asia/Shanghai'})
    expect(m.previous?.label).toBe('2026-Q2')
    expect(m.next.label).toBe('2026-Q4')
    expect(m.community.name).toBe(NAME)
    expect(missingOf(m.evaluation.activity)?.command).toBe('commops events import data/activity.ndjson')
    expect(missingOf(m.evaluation.trend)).toBeDefined()
    expect(missingOf(m.practice.retention)).toBeDefined()
    expect(missingOf(m.evaluation.scorecard)).toMatchObject({command: 'commops scorecard compute --period 2026-Q3'})
    expect(missingOf(m.evaluation.satisfaction)?.command).toBe('commops survey create --template satisfaction')
    expect(missingOf(m.suggestions)?.command).toContain('commops suggest')
    expect(missingOf(m.practice.runs)?.command).toBe('commops playbook run maintain')
    expect(missingOf(m.strategy.segments)?.command).toBe('commops members import data/members.csv')
    expect(missingOf(m.outlook.highlights)?.command).toBe('commops calendar generate --from 2026-10-01')
  })

  it('with a quarter of activity: figures against the previous quarter, a weekly trend, cohorts, funnel and level movement', async () => {
    const m = await buildReport(full.ws, full.store, {period: '2026-Q3', locale: 'en', now})
    const activity = 'data' in m.evaluation.activity ? m.evaluation.activity.data : []
    const active = activity.find((f) => f.id === 'active_members')!
    expect(active.value).toBe(30)
    expect(active.previous).toBe(0)
    expect(active).toMatchObject({target: expect.any(Number), direction: 'up'})
    if (!('data' in m.evaluation.trend)) throw new Error('no trend')
    // the whole weeks of the quarter: 2026-W27 (29 June) to 2026-W39 (ending 27 September)
    expect(m.evaluation.trend.data.labels).toEqual(Array.from({length: 13}, (_, i) => `W${27 + i}`))
    expect(m.evaluation.trend.data.series.map((s) => s.id)).toEqual(['active_members', 'new_members'])
    expect('data' in m.practice.retention && m.practice.retention.data.rows.length).toBeGreaterThan(0)
    expect('data' in m.practice.funnel && m.practice.funnel.data.steps[0]).toMatchObject({id: 'joined', count: 15})
    expect('data' in m.evaluation.levels && m.evaluation.levels.data.levels.reduce((a, l) => a + l.after, 0)).toBe(30)
    expect('data' in m.strategy.personas && m.strategy.personas.data.length).toBeGreaterThan(0)
    expect('data' in m.overview.goals).toBe(true)
  })
})

describe('a custom period (--from/--to)', () => {
  let custom: {ws: Workspace; store: Store}
  beforeAll(async () => {
    custom = await workspace(path.join(tmp, 'custom'), {sample: true, name: 'Custom'})
    const file = path.join(custom.ws.root, 'data', 'q3.ndjson')
    await writeFile(file, events())
    await importEvents(custom.store, {path: file, display: 'data/q3.ndjson', zone: 'Asia/Shanghai', now})
    const members = path.join(custom.ws.root, 'data', 'members.csv')
    await importMembers(custom.store, {file: {full: members, display: 'data/members.csv'}, now})
    // what the evaluate playbook keeps: the scorecard of its own range
    await computeScorecard(custom.store, custom.ws, {from: '2026-07-01', to: '2026-09-30', now}, workspaceMetrics)
  })

  it('finds the scorecard computed for that exact range and compares with as many days before', async () => {
    const m = await buildReport(custom.ws, custom.store, {from: '2026-07-01', to: '2026-09-30', locale: 'en', now})
    expect(m.period).toMatchObject({label: '2026-07-01..2026-09-30', unit: 'custom'})
    expect(m.previous).toMatchObject({from: '2026-03-31', to: '2026-06-30'})
    expect(m.evaluation.scorecard).toMatchObject({data: {key: '2026-07-01..2026-09-30'}})
    const active = 'data' in m.evaluation.activity ? m.evaluation.activity.data.find((f) => f.id === 'active_members') : undefined
    expect(active).toMatchObject({value: 30, previous: 0})
    // member segments over the same range
    expect('data' in m.strategy.segments && m.strategy.segments.data.by).toBe('occupation')
  })

  it('reads the events as often as the named quarter of the same days: this range and the one before in one pass', async () => {
    const passes = async (request: {period?: string; from?: string; to?: string}) => {
      scans.count = 0
      await buildReport(full.ws, full.store, {...request, locale: 'en', now})
      return scans.count
    }
    const named = await passes({period: '2026-Q3'})
    expect(named).toBeGreaterThan(0)
    expect(await passes({from: '2026-07-01', to: '2026-09-30'})).toBe(named)
  })

  it('names the known member attributes in the report’s language and keeps a workspace’s own columns as they are', async () => {
    const m = await buildReport(custom.ws, custom.store, {from: '2026-07-01', to: '2026-09-30', locale: 'zh-CN', now})
    const md = reportMarkdown(m, zh)
    expect(md).toContain('### 成员分群（按 职业）')
    expect(md).toContain('### 成员分群（按 地区）')
    expect(md).not.toMatch(/occupation|region/)
    if (!('data' in m.strategy.segments)) throw new Error('no segments')
    const own: ReportModel = {...m, strategy: {...m.strategy, segments: {data: {...m.strategy.segments.data, by: '会员卡等级'}}}}
    expect(reportHtml(own, zh)).toContain('成员分群（按 会员卡等级）')
  })

  it('without a scorecard of that range, says how to compute one for it', async () => {
    const m = await buildReport(custom.ws, custom.store, {from: '2026-08-01', to: '2026-08-31', locale: 'en', now})
    expect(missingOf(m.evaluation.scorecard)?.command).toBe('commops scorecard compute --from 2026-08-01 --to 2026-08-31')
  })

  it('takes a named period or a range, not both', async () => {
    await expect(buildReport(custom.ws, custom.store, {period: '2026-Q3', from: '2026-07-01', locale: 'en', now})).rejects.toMatchObject({
      msg: {key: 'metrics.period.both'},
    })
  })
})

describe('the report as Markdown and HTML', () => {
  let none: ReportModel
  let some: ReportModel
  beforeAll(async () => {
    none = await buildReport(empty.ws, empty.store, {period: '2026-Q3', locale: 'en', now})
    some = await buildReport(full.ws, full.store, {period: '2026-Q3', locale: 'en', now})
  })

  it('has the six sections in the handbook’s order, in English and in Chinese, with "no data" and its command', () => {
    for (const [t, noData] of [
      [en, 'No data:'],
      [zh, '暂无数据'],
    ] as const) {
      for (const text of [reportMarkdown(none, t), reportHtml(none, t)]) {
        const at = REPORT_SECTIONS.map((s) => text.indexOf(t(`report.section.${s}`), text.lastIndexOf(t('report.contents'))))
        expect(at.every((i) => i > 0)).toBe(true)
        expect([...at].sort((a, b) => a - b)).toEqual(at)
        expect(text).toContain(noData)
        expect(text).toContain('commops events import data/activity.ndjson')
      }
    }
    expect(reportMarkdown(none, zh)).toContain('## 四、效果评估')
  })

  it('escapes the workspace’s text: a script in the community name comes out inert', () => {
    const html = reportHtml(none, en)
    expect(html).not.toMatch(/<script/i)
    expect(html).toContain('Acme &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;')
    expect(reportMarkdown(none, en)).not.toContain('<script>')
  })

  it('is one self-contained HTML file: no script, no external resource, a CSP, A4 page rules and CJK fonts', () => {
    const html = reportHtml(some, en)
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i)
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i)
    expect(html).toContain("default-src 'none'")
    expect(html).toMatch(/@page \{ size: A4/)
    expect(html).toContain('Noto Sans CJK SC')
    expect(html).toMatch(/section class="report-section" id="overview"/)
  })

  it('draws the charts as SVG with d3 paths and bars where there is data, and none where there is not', () => {
    const html = reportHtml(some, en)
    const charts = [...html.matchAll(/data-chart="(\w+)"/g)].map((x) => x[1])
    expect(charts).toEqual(['cohorts', 'trend', 'levels'])
    expect(html).toMatch(/<path class="series" d="M[\d.,]+L/)
    expect(html).toMatch(/<rect class="cell"/)
    expect(reportHtml(none, en)).not.toContain('<svg')
    expect(reportMarkdown(some, en)).not.toContain('<svg')
  })

  it('lists the suggestions when there are some', () => {
    const model: ReportModel = {
      ...none,
      suggestions: {
        data: [
          {
            title: 'Topic participation is low',
            why: '18% < 35%',
            action: 'Run a themed discussion',
            effect: '+10 pp',
            playbook: 'maintain → activities',
            gap: 12,
          },
        ],
      },
    }
    const md = reportMarkdown(model, en)
    expect(md).toContain('1. **Topic participation is low**')
    expect(md).toContain('Run a themed discussion')
    expect(reportHtml(model, zh)).toContain('<ol class="suggestions"><li><strong>Topic participation is low</strong>')
  })
})

describe('writing the PDF', () => {
  it('writes bytes as they are, replaces its own file, and refuses one it did not write', async () => {
    const out = path.join(empty.ws.root, 'out', 'report.pdf')
    const bytes = (n: number) => Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00, 0xe4, n])
    await writeOwnedFile(empty.store, out, bytes(1))
    expect([...(await readFile(out))]).toEqual([...bytes(1)])
    await writeOwnedFile(empty.store, out, bytes(2))
    expect([...(await readFile(out))]).toEqual([...bytes(2)])
    const foreign = path.join(empty.ws.root, 'out', 'theirs.pdf')
    await writeFile(foreign, bytes(3))
    await expect(writeOwnedFile(empty.store, foreign, bytes(4))).rejects.toMatchObject({code: 'file.notOwned'})
    await writeOwnedFile(empty.store, foreign, bytes(3))
  })
})

describe('finding a browser for the PDF', () => {
  it('takes $COMMOPS_CHROMIUM, else looks on PATH, else finds none and says how to install one', async () => {
    expect(findChromium({PATH: ''})).toBeUndefined()
    expect(findChromium({PATH: '', COMMOPS_CHROMIUM: process.execPath})).toBe(process.execPath)
    expect(findChromium({PATH: '', COMMOPS_CHROMIUM: path.join(tmp, 'nope')})).toBeUndefined()
    await expect(printPdf('<p>x</p>', {env: {PATH: ''}})).rejects.toMatchObject({code: 'report.noBrowser', hint: {key: 'report.pdf.noBrowser.hint'}})
  })
})
