/**
 * The dashboard (Ink): KPI tiles on top, the other panels two by two, the top suggestion at the bottom; tab and the
 * arrows move between panels, enter shows one in full, `r` reads the store again, `?` the keys, `q` quits. Sized to the
 * terminal and redrawn when it resizes; `renderDashboardOnce` draws one frame as text for `--once`.
 */
import {stripVTControlCharacters} from 'node:util'
import {Box, render, renderToString, Text, useApp, useInput, useStdout} from 'ink'
import {useEffect, useRef, useState} from 'react'
import {PANELS, type DashboardModel, type PanelId} from '../dashboard/types.js'
import type {Locale, Translate} from '../i18n/index.js'
import {Line, PanelBody, panelLength, type PanelProps} from './dashboard-panels.js'

export interface DashboardViewProps {
  model: DashboardModel
  t: Translate
  locale: Locale
  width: number
  height: number
  color: boolean
  focus?: PanelId
  detail?: boolean
  /** The first line of the panel shown in detail. */
  scroll?: number
  help?: boolean
  busy?: boolean
}

/** The grid below the KPI tiles: two panels a row. */
const ROWS: Array<[PanelId, PanelId]> = [
  ['scorecard', 'calendar'],
  ['tasks', 'runs'],
  ['members', 'survey'],
]
/** Lines that are not panel rows: title, KPI title and three tile lines, suggestion title and line, keys. */
const FIXED = 8
const TILE_WIDTH = 20
/** Panel lines start under the title's text. */
const INDENT = 2

function Title({id, t, focused, color}: {id: PanelId; t: Translate; focused: boolean; color: boolean}) {
  const text = `${focused ? '▸' : ' '} ${t(`dashboard.panel.${id}`)}`
  return (
    <Text wrap="truncate-end" bold={color} inverse={color && focused} color={color && !focused ? 'cyan' : undefined}>
      {text}
    </Text>
  )
}

/** A panel: its title, then its lines indented under it; `gap` columns kept free on its right. */
function Panel({id, props, focused, gap = 0}: {id: PanelId; props: PanelProps & {tiles: number}; focused: boolean; gap?: number}) {
  const inner = props.width - gap - INDENT
  return (
    <Box flexDirection="column" width={props.width - gap} marginRight={gap} height={props.max + 1} overflow="hidden">
      <Title id={id} t={props.t} focused={focused} color={props.color} />
      <Box flexDirection="column" paddingLeft={INDENT} width={props.width - gap} overflow="hidden">
        <PanelBody id={id} {...props} width={inner} />
      </Box>
    </Box>
  )
}

function Help({t, width}: {t: Translate; width: number}) {
  return (
    <Box flexDirection="column" width={width}>
      <Line>{t('dashboard.help.title')}</Line>
      {['tab', 'enter', 'refresh', 'quit', 'close', 'data'].map((k) => (
        <Line key={k}>{`  ${t(`dashboard.help.${k}`)}`}</Line>
      ))}
    </Box>
  )
}

/** Lines of the panel shown in detail: all but the title, the panel's title and the keys, and one kept free. */
const detailLines = (height: number) => Math.max(FIXED + 6, height) - 4

/** One frame of the dashboard for a terminal of `width` × `height`. */
export function DashboardView(v: DashboardViewProps) {
  const width = Math.max(40, v.width)
  const height = Math.max(FIXED + 6, v.height)
  const focus = v.focus ?? 'kpis'
  const base = {model: v.model, t: v.t, locale: v.locale, color: v.color}
  const header = (
    <Box width={width}>
      <Text wrap="truncate-end" bold={v.color}>
        {`commops · ${v.t('dashboard.title', {community: v.model.community, today: v.model.today})}`}
        {v.busy ? `  ${v.t('dashboard.refreshing')}` : ''}
      </Text>
    </Box>
  )
  const keys = <Line dim={v.color}>{v.t(v.detail ? 'dashboard.keys.detail' : 'dashboard.keys')}</Line>
  if (v.help) {
    return (
      <Box flexDirection="column" width={width}>
        {header}
        <Help t={v.t} width={width} />
      </Box>
    )
  }
  if (v.detail) {
    return (
      <Box flexDirection="column" width={width}>
        {header}
        <Panel id={focus} focused props={{...base, width, max: detailLines(height), scroll: v.scroll ?? 0, tiles: Math.floor(width / TILE_WIDTH)}} />
        {keys}
      </Box>
    )
  }
  // the rows share what the fixed lines leave; one line is kept free so the frame never scrolls the terminal
  const rowLines = Math.max(2, Math.floor((height - 1 - FIXED) / ROWS.length))
  const half = Math.floor(width / 2)
  return (
    <Box flexDirection="column" width={width}>
      {header}
      <Panel id="kpis" focused={focus === 'kpis'} props={{...base, width, max: 3, tiles: Math.floor(width / TILE_WIDTH)}} />
      {ROWS.map(([a, b]) => (
        <Box key={a} width={width}>
          <Panel id={a} focused={focus === a} gap={1} props={{...base, width: half, max: rowLines - 1, tiles: 0}} />
          <Panel id={b} focused={focus === b} props={{...base, width: width - half, max: rowLines - 1, tiles: 0}} />
        </Box>
      ))}
      <Panel id="suggestion" focused={focus === 'suggestion'} props={{...base, width, max: 1, tiles: 0}} />
      {keys}
    </Box>
  )
}

/** One frame as text (for `--once`); without colour it holds no escape code at all. */
export function renderDashboardOnce(model: DashboardModel, o: {t: Translate; locale: Locale; width: number; height: number; color: boolean}): string {
  const text = renderToString(<DashboardView model={model} {...o} />, {columns: o.width})
  return o.color ? text : stripVTControlCharacters(text)
}

export interface DashboardAppProps {
  initial: DashboardModel
  reload: () => Promise<DashboardModel>
  t: Translate
  locale: Locale
  color: boolean
  /** A fixed size instead of the terminal's (tests). */
  size?: {width: number; height: number}
}

const step = (focus: PanelId, by: number): PanelId => PANELS[(PANELS.indexOf(focus) + by + PANELS.length) % PANELS.length]

/** The live dashboard: keys, refresh and resizing. */
export function DashboardApp(p: DashboardAppProps) {
  const {exit} = useApp()
  const {stdout} = useStdout()
  const [model, setModel] = useState(p.initial)
  const [focus, setFocus] = useState<PanelId>('kpis')
  const [detail, setDetail] = useState(false)
  const [scroll, setScroll] = useState(0)
  const [help, setHelp] = useState(false)
  const [busy, setBusy] = useState(false)
  const measure = () => p.size ?? {width: stdout?.columns || 80, height: stdout?.rows || 24}
  const [size, setSize] = useState(measure)
  useEffect(() => {
    const onResize = () => setSize(measure())
    stdout?.on('resize', onResize)
    return () => {
      stdout?.off('resize', onResize)
    }
  }, [stdout])
  const refresh = () => {
    setBusy(true)
    p.reload().then(
      (m) => {
        setModel(m)
        setBusy(false)
      },
      () => setBusy(false),
    )
  }
  // what the last frame showed: a key pressed before Ink binds the new handler still acts on it
  const shown = useRef({detail, focus, model, size})
  shown.current = {detail, focus, model, size}
  useInput((input, key) => {
    if (input === 'q' || (key.ctrl && input === 'c')) return exit()
    if (input === '?') return setHelp((h) => !h)
    if (help && key.escape) return setHelp(false)
    if (input === 'r') return refresh()
    if (key.return || key.escape) {
      setScroll(0)
      return setDetail((d) => key.return && !d)
    }
    const now = shown.current
    if (now.detail) {
      const page = detailLines(now.size.height) - 2
      const by = key.upArrow || input === 'k' ? -1 : key.downArrow || input === 'j' ? 1 : key.pageUp ? -page : key.pageDown ? page : 0
      const length = panelLength({id: now.focus, model: now.model, t: p.t, locale: p.locale, color: p.color, width: now.size.width, max: page})
      const last = Math.max(0, length - detailLines(now.size.height) + 1)
      if (by !== 0) setScroll((s) => Math.max(0, Math.min(last, s + by)))
      return
    }
    if ((key.tab && key.shift) || key.leftArrow || key.upArrow) setFocus((f) => step(f, -1))
    else if (key.tab || key.rightArrow || key.downArrow) setFocus((f) => step(f, 1))
  })
  return (
    <DashboardView
      model={model}
      t={p.t}
      locale={p.locale}
      color={p.color}
      focus={focus}
      detail={detail}
      scroll={scroll}
      help={help}
      busy={busy}
      {...size}
    />
  )
}

/** Mounts the live dashboard on the terminal; resolves when the person quits. */
export async function runDashboard(p: Omit<DashboardAppProps, 'size'>): Promise<void> {
  const app = render(<DashboardApp {...p} />, {exitOnCtrlC: false, patchConsole: false})
  await app.waitUntilExit()
}
