/** The dashboard's panels: each turns its part of the model into at most `max` lines of a given width. */
import {Box, Text} from 'ink'
import type {ReactNode} from 'react'
import sparkly from 'sparkly'
import type {DashboardModel, Kpi, PanelId} from '../dashboard/types.js'
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

/** How many lines a panel has in full: how far its detail view can scroll. */
export function panelLength(model: DashboardModel, id: PanelId): number {
  if (id === 'calendar') return model.calendar.items.length
  if (id === 'tasks') return model.tasks.items.length + 1
  if (id === 'runs') return model.runs.length
  if (id === 'members') return (model.members.top?.length ?? 0) + 1
  return 0
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

export function KpiPanel(p: PanelProps & {tiles: number}) {
  if (p.model.kpis.length === 0) return hintOf(p, 'scorecard')
  const kpis = p.model.kpis.slice(0, Math.max(1, p.tiles))
  return (
    <Cells
      cells={kpis.map((k) => (
        <KpiTile key={k.id} kpi={k} p={p} />
      ))}
      width={p.width}
      cellWidth={Math.floor(p.width / kpis.length)}
    />
  )
}

export function ScorecardPanel(p: PanelProps) {
  const s = p.model.scorecard
  if (!s) return hintOf(p, 'scorecard')
  const head = [
    <Line>
      <Text bold={p.color}>{p.t('dashboard.scorecard.headline', {period: s.period, score: s.score ?? na(p.t), grade: s.grade ?? na(p.t)})}</Text>
      {s.previous
        ? `  ${p.t('dashboard.scorecard.since', {delta: deltaText({from: s.previous.score, to: s.score, delta: s.delta}), period: s.previous.period})}`
        : ''}
    </Line>,
  ]
  const cells = s.dimensions.map((d) => (
    <Line key={d.id}>
      {d.title ? pick(d.title, p.locale) : p.t(`scorecard.dim.${d.id}`)} {d.score === null ? na(p.t) : d.score} {d.grade ?? ''}{' '}
      <Text dimColor={p.color}>{deltaText({from: null, to: d.score, delta: d.delta})}</Text>
    </Line>
  ))
  const per = Math.max(1, Math.floor(p.width / 22))
  const rows: ReactNode[] = []
  for (let i = 0; i < cells.length; i += per) rows.push(<Cells cells={cells.slice(i, i + per)} width={p.width} cellWidth={22} />)
  return <Capped lines={[...head, ...rows]} max={p.max} t={p.t} scroll={p.scroll} />
}

export function CalendarPanel(p: PanelProps) {
  const items = p.model.calendar.items
  if (items.length === 0) return hintOf(p, 'calendar')
  return (
    <Capped
      t={p.t}
      max={p.max}
      scroll={p.scroll}
      lines={items.map((i) => (
        <Line key={i.id}>
          <Text dimColor={p.color}>{`${i.date.slice(5)} ${i.time}`}</Text> {i.title}
          {i.channel ? <Text dimColor={p.color}> #{i.channel}</Text> : null}
        </Line>
      ))}
    />
  )
}

export function TasksPanel(p: PanelProps) {
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
  return <Capped lines={lines} max={p.max} t={p.t} scroll={p.scroll} />
}

export function RunsPanel(p: PanelProps) {
  if (p.model.runs.length === 0) return hintOf(p, 'runs')
  const tone: Record<string, string> = {ok: 'green', changed: 'yellow', failed: 'red'}
  return (
    <Capped
      t={p.t}
      max={p.max}
      scroll={p.scroll}
      lines={p.model.runs.map((r) => (
        <Line key={r.id}>
          <Text color={p.color ? tone[r.status] : undefined}>{STATUS_ICON[r.status] ?? '?'}</Text> {r.id} {r.playbook}{' '}
          <Text dimColor={p.color}>
            {r.startedAt.slice(5, 16).replace('T', ' ')} {(r.durationMs / 1000).toFixed(1)}s{r.failedStep ? ` ✗ ${r.failedStep}` : ''}
          </Text>
        </Line>
      ))}
    />
  )
}

export function MembersPanel(p: PanelProps) {
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
  return (
    <>
      <Capped lines={lines} max={Math.max(1, p.max - 1)} t={p.t} scroll={p.scroll} />
      {levels}
    </>
  )
}

export function SurveyPanel(p: PanelProps) {
  const s = p.model.survey
  const lines: ReactNode[] = []
  const fig = (label: string, f: typeof s.nps, unit: 'ratio' | 'score') =>
    f
      ? `${label} ${figure(f.value, unit, na(p.t))}${f.target === null ? '' : ` (${p.t('dashboard.target', {target: figure(f.target, unit)})})`}`
      : undefined
  const figures = [fig('NPS', s.nps, 'score'), fig('CSAT', s.csat, 'ratio')].filter(Boolean)
  if (figures.length > 0)
    lines.push(<Line>{p.t('dashboard.survey.figures', {period: s.nps?.period ?? s.csat?.period ?? '', figures: figures.join(' · ')})}</Line>)
  if (s.latest) lines.push(<Line dim={p.color}>{p.t('dashboard.survey.latest', s.latest)}</Line>)
  else lines.push(hintOf(p, 'survey'))
  return <Capped lines={lines} max={p.max} t={p.t} scroll={p.scroll} />
}

export function SuggestionPanel(p: PanelProps) {
  const s = p.model.suggestion
  if (!s) return hintOf(p, 'suggestion')
  const lines = [
    <Line>
      <Text bold={p.color}>{pick(s.title, p.locale)}</Text> — {pick(s.action, p.locale)}
      {s.playbook ? ` (${p.t('dashboard.suggestion.playbook', {playbook: s.step ? `${s.playbook}/${s.step}` : s.playbook})})` : ''}
    </Line>,
    <Line dim={p.color}>{p.t('dashboard.suggestion.why', {why: pick(s.why, p.locale)})}</Line>,
    <Line dim={p.color}>{p.t('dashboard.suggestion.effect', {effect: pick(s.effect, p.locale)})}</Line>,
    ...(p.model.suggestions > 1 ? [<Line dim>{p.t('dashboard.suggestion.more', {count: p.model.suggestions})}</Line>] : []),
  ]
  return <Capped lines={lines} max={p.max} t={p.t} scroll={p.scroll} />
}

export const PANEL_VIEWS: Record<Exclude<PanelId, 'kpis'>, (p: PanelProps) => ReactNode> = {
  scorecard: ScorecardPanel,
  calendar: CalendarPanel,
  tasks: TasksPanel,
  runs: RunsPanel,
  members: MembersPanel,
  survey: SurveyPanel,
  suggestion: SuggestionPanel,
}
