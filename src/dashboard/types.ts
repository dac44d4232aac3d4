/** What the dashboard shows: one plain object gathered from stored data (src/dashboard/service.ts), drawn by src/ui/dashboard. */
import type {Msg} from '../errors.js'
import type {LocalizedText} from '../i18n/index.js'
import type {MetricId, MetricUnit} from '../metrics/types.js'
import type {DimensionId, Direction} from '../scorecard/types.js'
import type {Suggestion} from '../suggest/types.js'

/** The panels, in the order tab walks them. */
export const PANELS = ['kpis', 'scorecard', 'calendar', 'tasks', 'runs', 'members', 'survey', 'suggestion'] as const
export type PanelId = (typeof PANELS)[number]

/** A change between the previous stored scorecard and the latest: up, down, flat, or unknown (null). */
export type Trend = 'up' | 'down' | 'flat' | null

/** One KPI tile: the latest scorecard's figure, its target, its trend and its values in the stored scorecards. */
export interface Kpi {
  id: MetricId
  value: number | null
  unit: MetricUnit
  target: number | null
  direction: Direction
  score: number | null
  trend: Trend
  /** The trend goes the way the target wants (up for `up`, down for `down`); undefined when there is no trend. */
  good?: boolean
  /** Values in the stored scorecards of the same spec and filter, oldest first (null: n/a in that period). */
  history: Array<number | null>
  /** Their period labels. */
  periods: string[]
}

export interface DashboardScorecard {
  key: string
  period: string
  score: number | null
  grade: string | null
  computedAt: string
  previous?: {key: string; period: string; score: number | null; grade: string | null}
  /** Score change since the previous one; null when either is n/a or there is none. */
  delta: number | null
  dimensions: Array<{id: DimensionId; title?: LocalizedText; score: number | null; grade: string | null; delta: number | null}>
}

export interface DashboardCalendarItem {
  id: string
  date: string
  time: string
  title: string
  channel?: string
  status: string
}

export interface DashboardTask {
  id: string
  title: string
  owner?: string
  due?: string
  overdue: boolean
}

export interface DashboardRun {
  id: string
  playbook: string
  status: string
  startedAt: string
  durationMs: number
  failedStep?: string
}

export interface DashboardMembers {
  /** The period the points and levels are of (the latest scorecard's, else this month). */
  period: string
  /** Points earned in the period, highest first; null when the ledger was never computed. */
  /** `name`: the name on the member's record, when there is one (as `members top` shows it). */
  top: Array<{rank: number; member: string; name?: string; points: number; total: number; title?: LocalizedText}> | null
  ledgerAt?: string
  /** Members per engagement level at the end of the latest scorecard's period, and the change since the previous one's. */
  levels: Array<{id: string; name: LocalizedText; members: number; change: number | null}> | null
}

export interface DashboardSurvey {
  /** The survey that last received responses. */
  latest?: {id: string; name: string; responses: number; at: string}
  /** From the latest scorecard (the figures of the responses in its period). */
  nps?: {value: number | null; target: number | null; period: string}
  csat?: {value: number | null; target: number | null; period: string}
  surveys: number
  /** Every survey with its responses (`at`: when the last came in), the latest answered first. */
  list: Array<{id: string; name: string; responses: number; at?: string}>
}

/** A panel with nothing to show yet, and the command that fills it. */
export interface DashboardHint {
  panel: PanelId
  msg: Msg
}

export interface DashboardModel {
  community: string
  /** Today in the community's timezone. */
  today: string
  timezone: string
  scorecard: DashboardScorecard | null
  kpis: Kpi[]
  calendar: {from: string; to: string; items: DashboardCalendarItem[]}
  tasks: {open: number; overdue: number; items: DashboardTask[]}
  runs: DashboardRun[]
  members: DashboardMembers
  survey: DashboardSurvey
  suggestion: Suggestion | null
  suggestions: number
  /** Every suggestion, the largest score gap first (the detail view lists them). */
  ranked: Suggestion[]
  hints: DashboardHint[]
}
