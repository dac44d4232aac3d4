/** The dashboard's frames (ink-testing-library) at 80×24 and 160×48, its keys, and the one-frame text of --once. */
import stringWidth from 'string-width'
import {render} from 'ink-testing-library'
import {describe, expect, it, vi} from 'vitest'
import {buildDashboard} from '../../src/dashboard/model.js'
import {translator, type Locale} from '../../src/i18n/index.js'
import {DashboardApp, renderDashboardOnce} from '../../src/ui/dashboard.js'
import {dashboardInput} from '../helpers/dashboard.js'

const model = buildDashboard(dashboardInput())
const tick = () => new Promise((r) => setTimeout(r, 40))
const lines = (frame: string | undefined) => (frame ?? '').split('\n')
// eslint-disable-next-line no-control-regex
const ESC = /\u001B/

function app(locale: Locale, width: number, height: number, reload = vi.fn(async () => model)) {
  const r = render(<DashboardApp initial={model} reload={reload} t={translator(locale)} locale={locale} color={false} size={{width, height}} />)
  return {...r, reload}
}

describe('dashboard frames', () => {
  for (const [width, height] of [
    [80, 24],
    [160, 48],
  ] as const) {
    for (const locale of ['en', 'zh-CN'] as const) {
      it(`fits ${width}×${height} in ${locale}: every panel, no line wider than the terminal`, async () => {
        const {lastFrame, unmount} = app(locale, width, height)
        await tick()
        const frame = lastFrame()!
        const rows = lines(frame)
        expect(rows.length).toBeLessThan(height)
        for (const row of rows) expect(stringWidth(row), row).toBeLessThanOrEqual(width)
        const t = translator(locale)
        for (const panel of ['kpis', 'scorecard', 'calendar', 'tasks', 'runs', 'members', 'survey', 'suggestion'])
          expect(frame).toContain(t(`dashboard.panel.${panel}`))
        expect(frame).toContain('摄影爱好者俱乐部')
        expect(frame).toMatch(/[▁▂▃▄▅▆▇█]{2}/)
        expect(frame).toContain('↑')
        unmount()
      })
    }
  }

  it('keeps the columns of the right-hand panels in line whatever the CJK text on the left', async () => {
    const {lastFrame, unmount} = app('zh-CN', 80, 24)
    await tick()
    const rows = lines(lastFrame())
    const starts = rows.filter((r) => r.includes('▸') || r.includes('  ')).map((r) => r)
    // the right half starts at display column 40 on every row that has the runs panel's title or items
    const runs = rows.find((r) => r.includes(translator('zh-CN')('dashboard.panel.runs')))!
    const at = runs.indexOf(translator('zh-CN')('dashboard.panel.runs'))
    expect(stringWidth(runs.slice(0, at))).toBe(42)
    expect(starts.length).toBeGreaterThan(0)
    unmount()
  })

  it('shows more lines of each panel on a taller terminal', async () => {
    const small = app('en', 80, 24)
    const big = app('en', 160, 48)
    await tick()
    expect(small.lastFrame()).not.toContain('Beyond')
    expect(big.lastFrame()).toContain('月度精华回顾')
    expect(big.lastFrame()).toContain('wechat:wxid_阿明')
    small.unmount()
    big.unmount()
  })
})

describe('dashboard keys', () => {
  /** Waits for a frame holding `text` (Ink draws at most every few ms, so a frame can lag a key by one draw). */
  async function frameWith(lastFrame: () => string | undefined, text: string, present = true): Promise<string> {
    for (let i = 0; i < 100; i++) {
      const frame = lastFrame() ?? ''
      if (frame.includes(text) === present) return frame
      await tick()
    }
    throw new Error(`no frame ${present ? 'with' : 'without'} ${text}:\n${lastFrame()}`)
  }

  it('tab and the arrows move between panels, enter opens one, ? shows the keys, r reloads, q quits', async () => {
    const {lastFrame, stdin, reload, unmount} = app('en', 80, 24)
    await frameWith(lastFrame, '▸ KPIs')
    const press = async (key: string, expected: string, present = true) => {
      stdin.write(key)
      return frameWith(lastFrame, expected, present)
    }
    await press('\t', '▸ Scorecard')
    await press('\u001B[C', '▸ Next 14 days') // →
    await press('\u001B[B', '▸ Tasks') // ↓
    await press('\u001B[D', '▸ Next 14 days') // ←
    await press('\u001B[A', '▸ Scorecard') // ↑
    await press('\u001B[Z', '▸ KPIs') // shift-tab
    await press('\t', '▸ Scorecard')
    const detail = await press('\r', 'enter/esc back')
    expect(detail).toContain('Satisfaction 78.4 B')
    expect(detail).not.toContain('Next 14 days')
    await press('\u001B', 'Next 14 days') // esc: back to the grid
    await press('?', 'r: read the store again')
    await press('?', 'r: read the store again', false)
    stdin.write('r')
    for (let i = 0; i < 50 && reload.mock.calls.length === 0; i++) await tick()
    expect(reload).toHaveBeenCalledTimes(1)
    stdin.write('q')
    await tick()
    unmount()
  })

  it('scrolls a long list in detail at 80×24: ↓/j a line, PgDn a page, ↑/k and PgUp back, never past either end', async () => {
    const tasks = Array.from({length: 40}, (_, i) => ({id: `T${i + 1}`, title: `Task number ${i + 1}`, overdue: false}))
    const long = {...model, tasks: {...model.tasks, open: 40, items: tasks}}
    const FIRST = /T1 Task number 1(?!\d)/
    const {lastFrame, stdin, unmount} = render(
      <DashboardApp initial={long} reload={async () => long} t={translator('en')} locale="en" color={false} size={{width: 80, height: 24}} />,
    )
    await frameWith(lastFrame, '▸ KPIs')
    const press = async (key: string, expected: string, present = true) => {
      stdin.write(key)
      return frameWith(lastFrame, expected, present)
    }
    await press('\u001B[B', '▸ Scorecard')
    await press('\u001B[B', '▸ Next 14 days')
    await press('\u001B[B', '▸ Tasks')
    let frame = await press('\r', 'enter/esc back')
    expect(frame).toMatch(FIRST)
    expect(frame).not.toContain('T30 ')
    expect(frame).toMatch(/↓ \d+ more/)
    expect(lines(frame).length).toBeLessThan(24)
    frame = await press('j', '↑ 1 above') // the summary line goes up
    expect(frame).not.toContain('40 open')
    frame = await press('\u001B[B', '↑ 2 above')
    expect(frame).not.toMatch(FIRST)
    await press('\u001B[6~', 'T25 Task number 25') // PgDn
    for (let i = 0; i < 5; i++) stdin.write('\u001B[6~')
    frame = await frameWith(lastFrame, 'T40 Task number 40')
    expect(frame).not.toMatch(/↓ \d+ more/)
    for (const row of lines(frame)) expect(stringWidth(row)).toBeLessThanOrEqual(80)
    // pressed past the end, one line up still moves: the scroll stopped at the last page
    await press('k', '↓ 2 more') // the line that says so takes the place of one
    for (let i = 0; i < 5; i++) stdin.write('\u001B[5~') // PgUp
    frame = await frameWith(lastFrame, 'T2 Task number 2')
    expect(frame).toMatch(FIRST)
    expect(frame).not.toContain('above')
    await press('\u001B', 'enter/esc back', false) // back to the grid, where the list is cut again
    expect(lastFrame()).toContain('more (enter)')
    unmount()
  })

  /** A model whose KPI, scorecard, survey and suggestion panels each hold N numbered lines in their detail view. */
  function overflowing(N: number) {
    const kpi = model.kpis[0]
    const dim = model.scorecard!.dimensions[0]
    const top = model.suggestion!
    const lx = (i: number) => ({en: `Line ${i}`, 'zh-CN': `第 ${i} 行`})
    return {
      ...model,
      kpis: Array.from({length: N}, (_, i) => ({...kpi, value: 1000 + i})),
      scorecard: {
        ...model.scorecard!,
        dimensions: Array.from({length: N - 1}, (_, i) => ({...dim, title: {en: `Dim${i + 2}`, 'zh-CN': `维度${i + 2}`}})),
      },
      survey: {
        ...model.survey,
        list: Array.from({length: N - 1}, (_, i) => ({id: `S${i + 2}`, name: `Survey ${i + 2}`, responses: i, at: '2026-11-30T00:00:00Z'})),
      },
      ranked: Array.from({length: N / 3}, (_, i) => ({...top, title: lx(i + 1), why: lx(i + 1), effect: lx(i + 1)})),
      suggestions: N / 3,
    }
  }

  /** The first and last of the N lines of each panel, as the detail view draws them. */
  const panelEnds = (N: number) => [
    {panel: 'KPIs', tabs: 0, first: ' 1000 ', last: ` ${1000 + N - 1} `},
    {panel: 'Scorecard', tabs: 1, first: 'score 78.4', last: `Dim${N}`},
    {panel: 'Survey', tabs: 6, first: 'In 2026-11', last: `S${N}`},
    {panel: 'Top suggestion', tabs: 7, first: '1. Line 1 —', last: `Effect: Line ${N / 3}`},
  ]

  for (const [width, height] of [
    [80, 24],
    [160, 48],
  ] as const) {
    it(`scrolls every panel's detail at ${width}×${height}: KPIs, scorecard, survey and suggestions too`, async () => {
      const N = 3 * Math.ceil((2 * height) / 3) // twice the terminal's height, in whole suggestions of three lines
      const long = overflowing(N)
      for (const {panel, tabs, first, last} of panelEnds(N)) {
        const {lastFrame, stdin, unmount} = render(
          <DashboardApp initial={long} reload={async () => long} t={translator('en')} locale="en" color={false} size={{width, height}} />,
        )
        await frameWith(lastFrame, '▸ KPIs')
        for (let i = 0; i < tabs; i++) stdin.write('\t')
        await frameWith(lastFrame, `▸ ${panel}`)
        stdin.write('\r')
        let frame = await frameWith(lastFrame, 'enter/esc back')
        expect(frame, panel).toContain(first)
        expect(frame, panel).not.toContain(last)
        expect(frame, panel).toMatch(/↓ \d+ more/)
        expect(lines(frame).length, panel).toBeLessThan(height)
        stdin.write('j')
        expect(await frameWith(lastFrame, '↑ 1 above'), panel).not.toContain(first)
        for (let i = 0; i < 6; i++) stdin.write('\u001B[6~') // PgDn past the end
        frame = await frameWith(lastFrame, last)
        expect(frame, panel).not.toMatch(/↓ \d+ more/)
        expect(frame, panel).not.toContain(first)
        for (const row of lines(frame)) expect(stringWidth(row), row).toBeLessThanOrEqual(width)
        for (let i = 0; i < 6; i++) stdin.write('k') // back up, line by line
        await frameWith(lastFrame, last, false)
        for (let i = 0; i < 6; i++) stdin.write('\u001B[5~') // PgUp to the top
        frame = await frameWith(lastFrame, 'above', false)
        expect(frame, panel).toContain(first)
        unmount()
      }
    }, 60_000)
  }

  it('goes round from the last panel to the first', async () => {
    const {lastFrame, stdin, unmount} = app('en', 80, 24)
    await frameWith(lastFrame, '▸ KPIs')
    stdin.write('\u001B[D')
    await frameWith(lastFrame, '▸ Top suggestion')
    stdin.write('\t')
    await frameWith(lastFrame, '▸ KPIs')
    unmount()
  })
})

describe('dashboard --once text', () => {
  it('has no escape code without colour, fits its width, and says how to fill an empty workspace', () => {
    const t = translator('en')
    const text = renderDashboardOnce(model, {t, locale: 'en', width: 80, height: 24, color: false})
    expect(text).not.toMatch(ESC)
    for (const row of lines(text)) expect(stringWidth(row)).toBeLessThanOrEqual(80)
    const empty = renderDashboardOnce(buildDashboard(dashboardInput({empty: true})), {t, locale: 'en', width: 80, height: 24, color: false})
    expect(empty).toContain('run `commops scorecard compute`')
    expect(empty).toContain('members points --recompute')
  })
})
