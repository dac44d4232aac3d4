/** The dashboard's panels: each turns its part of the model into at most `max` lines of a given width. */
import {Box, Text} from 'ink'
import type {ReactNode} from 'react'
import sparkly from 'sparkly'
import type {DashboardModel, Kpi, PanelId} from '../dashboard/types.js'
import type {Suggestion} from '../suggest/types.js'
import {pick, type Locale, type Translate} from '../i18n/index.js'
import {deltaText, figure} from '../scorecard/figures.js'

/** What every panel is drawn with. */
export interface PanelProps {
  model: DashboardModel
  t: Translate
  locale: Locale
  width: number
  /** Lines the panel may use under its title. */
  max: number
  color: boolean
  /** In the detail view: the first line shown (the panel scrolls); undefined in the grid. */
  scroll?: number
}

const ARROW = {up: '↑', down: '↓', flat: '→'} as const
const STATUS_ICON: Record<string, string> = {ok: '✓', changed: '+', failed: '✗', running: '…', interrupted: '!'}

/** One line, cut at the width (Ink measures display width: CJK characters count two). */
export function Line({children, color, dim}: {children: ReactNode; color?: string; dim?: boolean}) {
  return (
    <Text wrap="truncate-end" color={color} dimColor={dim}>
      {children}
    </Text>
  )
}

/** Cells of equal width side by side (dimension grades, KPI tiles, level counts). */
function Cells({cells, width, cellWidth}: {cells: ReactNode[]; width: number; cellWidth: number}) {
  const per = Math.max(1, Math.floor(width / cellWidth))
  const rows: ReactNode[][] = []
  for (let i = 0; i < cells.length; i += per) rows.push(cells.slice(i, i + per))
  return (
    <>
      {rows.map((row, r) => (
        <Box key={r} width={width}>
          {row.map((cell, c) => (
            <Box key={c} width={Math.floor(width / per)} overflow="hidden">
              {cell}
            </Box>
          ))}
        </Box>
      ))}
    </>
  )
}

/**
 * Lines, the last one saying how many more there are when they do not fit (a one-line panel shows its first). In the
 * detail view (`scroll` set) they scroll: from line `scroll`, with how many are above and below.
 */
function Capped({lines, max, t, scroll}: {lines: ReactNode[]; max: number; t: Translate; scroll?: number}) {
  let shown = lines
  if (lines.length > max && scroll !== undefined && max >= 3) {
    // the last page ends with the last line: one line says what is above
    const start = Math.max(0, Math.min(scroll, lines.length - max + 1))
    const above = start > 0 ? [<Line dim>{t('dashboard.scroll.above', {count: start})}</Line>] : []
    const room = max - above.length
    const rest = lines.length - start
    shown =
      rest <= room
        ? [...above, ...lines.slice(start)]
        : [...above, ...lines.slice(start, start + room - 1), <Line dim>{t('dashboard.scroll.below', {count: rest - room + 1})}</Line>]
  } else if (lines.length > max) {
    shown = max < 2 ? lines.slice(0, 1) : [...lines.slice(0, max - 1), <Line dim>{t('dashboard.more', {count: lines.length - max + 1})}</Line>]
  }
  return (
    <>
      {shown.map((l, i) => (
        <Box key={i}>{l}</Box>
      ))}
    </>
  )
}

const hintOf = (p: PanelProps, panel: PanelId): ReactNode => {
  const h = p.model.hints.find((x) => x.panel === panel)
  // a hint wraps rather than lose the command it names
  return <Text dimColor={p.color}>{h ? p.t(h.msg) : p.t('dashboard.empty')}</Text>
}

const na = (t: Translate) => t('metrics.na')

function KpiTile({kpi, p}: {kpi: Kpi; p: PanelProps}) {
  const arrow = kpi.trend ? ARROW[kpi.trend] : ' '
  const tone = p.color && kpi.good !== undefined ? (kpi.good ? 'green' : 'red') : undefined
  const values = kpi.history.map((v) => (v === null ? ('' as const) : v))
  const target = kpi.target === null ? '' : `${kpi.direction === 'down' ? '≤' : '≥'}${figure(kpi.target, kpi.unit)}`
  return (
    <Box flexDirection="column" paddingRight={1}>
      <Line dim={p.color}>{p.t(`metrics.name.${kpi.id}`)}</Line>
      <Line>
        <Text bold={p.color}>{figure(kpi.value, kpi.unit, na(p.t))}</Text>
        <Text color={tone}> {arrow}</Text> {target}
      </Line>
      <Line color={p.color ? 'cyan' : undefined}>{values.some((v) => v !== '') ? sparkly(values, {style: undefined}) : ' '}</Line>
    </Box>
  )
}

/** One KPI a line, for the detail view: name, value, trend arrow, target, sparkline. */
function KpiLine({kpi, p}: {kpi: Kpi; p: PanelProps}) {
  const arrow = kpi.trend ? ARROW[kpi.trend] : ' '
  const tone = p.color && kpi.good !== undefined ? (kpi.good ? 'green' : 'red') : undefined
  const values = kpi.history.map((v) => (v === null ? ('' as const) : v))
  const target = kpi.target === null ? '' : `${kpi.direction === 'down' ? '≤' : '≥'}${figure(kpi.target, kpi.unit)}`
  const name = Math.min(28, Math.floor(p.width / 3))
  return (
    <Box width={p.width}>
      <Box width={name} flexShrink={0} overflow="hidden">
        <Line dim={p.color}>{p.t(`metrics.name.${kpi.id}`)}</Line>
      </Box>
      <Line>
        <Text bold={p.color}>{figure(kpi.value, kpi.unit, na(p.t))}</Text>
        <Text color={tone}> {arrow}</Text> {target}
        {values.some((v) => v !== '') ? <Text color={p.color ? 'cyan' : undefined}> {sparkly(values, {style: undefined})}</Text> : null}
      </Line>
    </Box>
  )
}

/** KPI tiles side by side in the grid (three lines each); every KPI, one a line, in the detail view. */
function kpiContent(p: PanelProps & {tiles?: number}): Content {
  if (p.model.kpis.length === 0) return {hint: hintOf(p, 'scorecard')}
  if (p.scroll !== undefined) return {lines: p.model.kpis.map((k) => <KpiLine key={k.id} kpi={k} p={p} />)}
  const kpis = p.model.kpis.slice(0, Math.max(1, p.tiles ?? 1))
  return {
    lines: [
      <Cells
        cells={kpis.map((k) => (
          <KpiTile key={k.id} kpi={k} p={p} />
        ))}
        width={p.width}
        cellWidth={Math.floor(p.width / kpis.length)}
      />,
    ],
  }
}

/** The headline, then the dimensions: side by side in the grid, one a line in the detail view. */
function scorecardContent(p: PanelProps): Content {
  const s = p.model.scorecard
  if (!s) return {hint: hintOf(p, 'scorecard')}
  const head = (
    <Line>
      <Text bold={p.color}>{p.t('dashboard.scorecard.headline', {period: s.period, score: s.score ?? na(p.t), grade: s.grade ?? na(p.t)})}</Text>
      {s.previous
        ? `  ${p.t('dashboard.scorecard.since', {delta: deltaText({from: s.previous.score, to: s.score, delta: s.delta}), period: s.previous.period})}`
        : ''}
    </Line>
  )
  const cells = s.dimensions.map((d) => (
    <Line key={d.id}>
      {d.title ? pick(d.title, p.locale) : p.t(`scorecard.dim.${d.id}`)} {d.score === null ? na(p.t) : d.score} {d.grade ?? ''}{' '}
      <Text dimColor={p.color}>{deltaText({from: null, to: d.score, delta: d.delta})}</Text>
    </Line>
  ))
  if (p.scroll !== undefined) return {lines: [head, ...cells]}
  const per = Math.max(1, Math.floor(p.width / 22))
  const rows: ReactNode[] = []
  for (let i = 0; i < cells.length; i += per) rows.push(<Cells cells={cells.slice(i, i + per)} width={p.width} cellWidth={22} />)
  return {lines: [head, ...rows]}
}

function calendarContent(p: PanelProps): Content {
  const items = p.model.calendar.items
  if (items.length === 0) return {hint: hintOf(p, 'calendar')}
  return {
    lines: items.map((i) => (
      <Line key={i.id}>
        <Text dimColor={p.color}>{`${i.date.slice(5)} ${i.time}`}</Text> {i.title}
        {i.channel ? <Text dimColor={p.color}> #{i.channel}</Text> : null}
      </Line>
    )),
  }
}

function tasksContent(p: PanelProps): Content {
  const {open, overdue, items} = p.model.tasks
  const lines = [
    <Line>{p.t('dashboard.tasks.summary', {open, overdue})}</Line>,
    ...items.map((task) => (
      <Line key={task.id} color={p.color && task.overdue ? 'red' : undefined}>
        {task.id} {task.overdue ? `${p.t('dashboard.tasks.overdue')} ` : ''}
        {task.due ? `${task.due.slice(5)} ` : ''}
        {task.title}
        {task.owner ? ` (${task.owner})` : ''}
      </Line>
    )),
  ]
  return {lines}
}

function runsContent(p: PanelProps): Content {
  if (p.model.runs.length === 0) return {hint: hintOf(p, 'runs')}
  const tone: Record<string, string> = {ok: 'green', changed: 'yellow', failed: 'red'}
  return {
    lines: p.model.runs.map((r) => (
      <Line key={r.id}>
        <Text color={p.color ? tone[r.status] : undefined}>{STATUS_ICON[r.status] ?? '?'}</Text> {r.id} {r.playbook}{' '}
        <Text dimColor={p.color}>
          {r.startedAt.slice(5, 16).replace('T', ' ')} {(r.durationMs / 1000).toFixed(1)}s{r.failedStep ? ` ✗ ${r.failedStep}` : ''}
        </Text>
      </Line>
    )),
  }
}

function membersContent(p: PanelProps): Content {
  const m = p.model.members
  const lines: ReactNode[] = []
  if (m.top) {
    lines.push(<Line dim={p.color}>{p.t('dashboard.members.points', {period: m.period})}</Line>)
    for (const r of m.top)
      lines.push(
        <Line key={r.member}>
          {`${r.rank}.`.padEnd(4)}
          {r.name ?? r.member} <Text bold={p.color}>{r.points}</Text>
          {r.title ? <Text dimColor={p.color}> {pick(r.title, p.locale)}</Text> : null}
          {r.name ? <Text dimColor={p.color}> {r.member}</Text> : null}
        </Line>,
      )
    if (m.top.length === 0) lines.push(<Line dim>{p.t('dashboard.empty')}</Line>)
  } else lines.push(hintOf(p, 'members'))
  const signed = (n: number) => `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(n)}`
  const levels = m.levels ? (
    <Line>
      {p.t('dashboard.members.levels', {
        levels: m.levels.map((l) => `${pick(l.name, p.locale)} ${l.members}${l.change === null ? '' : ` (${signed(l.change)})`}`).join(' · '),
      })}
    </Line>
  ) : (
    <Line dim>{p.t('dashboard.hint.levels')}</Line>
  )
  // the levels line stays when the top list is cut
  return {lines, footer: levels}
}

/** The latest figures and the survey answered last; in the detail view, every survey with its responses. */
function surveyContent(p: PanelProps): Content {
  const s = p.model.survey
  const lines: ReactNode[] = []
  const fig = (label: string, f: typeof s.nps, unit: 'ratio' | 'score') =>
    f
      ? `${label} ${figure(f.value, unit, na(p.t))}${f.target === null ? '' : ` (${p.t('dashboard.target', {target: figure(f.target, unit)})})`}`
      : undefined
  const figures = [fig('NPS', s.nps, 'score'), fig('CSAT', s.csat, 'ratio')].filter(Boolean)
  if (figures.length > 0)
    lines.push(<Line>{p.t('dashboard.survey.figures', {period: s.nps?.period ?? s.csat?.period ?? '', figures: figures.join(' · ')})}</Line>)
  if (!s.latest) return figures.length > 0 ? {lines: [...lines, hintOf(p, 'survey')]} : {hint: hintOf(p, 'survey')}
  if (p.scroll === undefined) return {lines: [...lines, <Line dim={p.color}>{p.t('dashboard.survey.latest', s.latest)}</Line>]}
  for (const x of s.list)
    lines.push(
      <Line key={x.id}>
        {p.t('dashboard.survey.latest', x)}
        {x.at ? <Text dimColor={p.color}> {x.at.slice(0, 10)}</Text> : null}
      </Line>,
    )
  return {lines}
}

/** A suggestion: what to do and where, then why and the expected effect. */
function suggestionLines(s: Suggestion, p: PanelProps, rank?: number): ReactNode[] {
  return [
    <Line>
      {rank === undefined ? '' : `${rank}. `}
      <Text bold={p.color}>{pick(s.title, p.locale)}</Text> — {pick(s.action, p.locale)}
      {s.playbook ? ` (${p.t('dashboard.suggestion.playbook', {playbook: s.step ? `${s.playbook}/${s.step}` : s.playbook})})` : ''}
    </Line>,
    <Line dim={p.color}>{p.t('dashboard.suggestion.why', {why: pick(s.why, p.locale)})}</Line>,
    <Line dim={p.color}>{p.t('dashboard.suggestion.effect', {effect: pick(s.effect, p.locale)})}</Line>,
  ]
}

/** The top suggestion in the grid; every one, ranked, in the detail view. */
function suggestionContent(p: PanelProps): Content {
  const s = p.model.suggestion
  if (!s) return {hint: hintOf(p, 'suggestion')}
  if (p.scroll !== undefined && p.model.ranked.length > 1) return {lines: p.model.ranked.flatMap((x, i) => suggestionLines(x, p, i + 1))}
  const more = p.model.suggestions > 1 ? [<Line dim>{p.t('dashboard.suggestion.more', {count: p.model.suggestions})}</Line>] : []
  return {lines: [...suggestionLines(s, p), ...more]}
}

/** What a panel shows: its lines (cut to fit, or scrolled in the detail view) and a line kept below them; or the hint that fills it. */
type Content = {lines: ReactNode[]; footer?: ReactNode} | {hint: ReactNode}

const CONTENT: Record<PanelId, (p: PanelProps & {tiles?: number}) => Content> = {
  kpis: kpiContent,
  scorecard: scorecardContent,
  calendar: calendarContent,
  tasks: tasksContent,
  runs: runsContent,
  members: membersContent,
  survey: surveyContent,
  suggestion: suggestionContent,
}

/** A panel's lines under its title: cut to `max` in the grid, scrolled from `scroll` in the detail view. */
export function PanelBody(p: PanelProps & {id: PanelId; tiles?: number}) {
  const c = CONTENT[p.id](p)
  if ('hint' in c) return c.hint
  const room = c.footer ? Math.max(1, p.max - 1) : p.max
  return (
    <>
      <Capped lines={c.lines} max={room} t={p.t} scroll={p.scroll} />
      {c.footer}
    </>
  )
}

/** How many lines a panel has in its detail view (`p.scroll` set): how far it can scroll. */
export function panelLength(p: PanelProps & {id: PanelId}): number {
  const c = CONTENT[p.id]({...p, scroll: p.scroll ?? 0})
  return 'hint' in c ? 0 : c.lines.length + (c.footer ? 1 : 0)
}
