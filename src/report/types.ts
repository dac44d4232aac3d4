/**
 * The operations summary report (运营总结报告) as plain data: the service gathers it from the workspace, the renderers
 * turn it into Markdown and HTML. Workspace texts are already picked in the report's language; messages stay keys.
 */
import type {Msg} from '../errors.js'
import type {Locale} from '../i18n/index.js'
import type {MetricId, MetricUnit, Period} from '../metrics/types.js'
import type {DimensionId} from '../scorecard/types.js'

/** Why a part of the report is empty, and the command that fills it. */
export interface Missing {
  reason: Msg
  command: string
}

/** A part of a section: its data, or why there is none. */
export type Part<T> = {data: T} | {missing: Missing}

/** One figure of the period, with the previous period's for comparison. */
export interface Figure {
  id: MetricId
  unit: MetricUnit
  value: number | null
  previous: number | null
  /** Why the figure is n/a. */
  reason?: Msg
  target?: number
  direction?: 'up' | 'down'
}

export interface PersonaView {
  id: string
  name: string
  share?: number
  needs: string[]
  interests: string[]
  painPoints: string[]
  channels: string[]
}

export interface SegmentView {
  by: string
  total: number
  rows: Array<{label: string | null; count: number; share: number; activeShare: number; retention: number | null; small: boolean}>
}

export interface PlanCount {
  key: string
  name: string
  planned: number
  published: number
}

export interface ContentPlan {
  items: number
  byPillar: PlanCount[]
  byChannel: PlanCount[]
  byFormat: PlanCount[]
}

export interface ActivityView {
  id: string
  type: string
  name: string
  cadence?: string
  channel?: string
  /** Sessions planned in the period's calendar. */
  sessions: number
}

export interface IncentiveView {
  levels: Array<{level: number; title: string; threshold: number}>
  badges: Array<{name: string; description: string}>
  points: Array<{event: string; points: number}>
}

export interface RunView {
  id: string
  playbook: string
  status: string
  date: string
  steps: number
  failed: number
}

export interface TaskSummary {
  total: number
  doneInPeriod: number
  open: number
  overdue: Array<{id: string; title: string; owner?: string; due: string}>
}

export interface RetentionView {
  unit: 'week' | 'month'
  rows: Array<{cohort: string; size: number; d7: number | null; d30: number | null; shares: Array<number | null>}>
}

export interface FunnelView {
  steps: Array<{id: string; count: number; rate: number | null}>
}

export interface TrendView {
  /** Labels of the sub-periods (weeks, or days of a week), oldest first. */
  labels: string[]
  series: Array<{id: MetricId; unit: MetricUnit; values: Array<number | null>}>
}

export interface ScorecardSummary {
  key: string
  score: number | null
  grade: string | null
  previous?: {period: string; score: number | null; grade: string | null; delta: number | null}
  dimensions: Array<{id: DimensionId; score: number | null; grade: string | null; delta: number | null}>
  metrics: Array<{
    id: MetricId
    dimension: DimensionId
    unit: MetricUnit
    value: number | null
    target: number | null
    direction: 'up' | 'down'
    score: number | null
  }>
}

export interface LevelMovement {
  /** Engagement levels, highest first, with their member counts at the end of the previous period and of this one. */
  levels: Array<{id: string; name: string; before: number; after: number}>
}

export interface SuggestionView {
  title: string
  why: string
  action: string
  effect: string
  playbook?: string
  gap: number
}

export interface TargetView {
  metric: MetricId
  unit: MetricUnit
  current: number | null
  target: number
  direction: 'up' | 'down'
  met?: boolean
}

export interface HighlightView {
  date: string
  time: string
  title: string
  kind: 'pillar' | 'activity'
  channel?: string
}

export interface ReportModel {
  locale: Locale
  /** The community's local date the report was made. */
  generatedOn: string
  zone: string
  period: Period
  previous?: Period
  next: Period
  community: {name: string; description: string; type?: string; stage?: string; founded?: string}
  overview: {
    positioning: Part<Array<{field: string; text: string}>>
    values: string[]
    platforms: Array<{id: string; name: string; type: string; channels: number}>
    goals: Part<TargetView[]>
  }
  strategy: {
    personas: Part<PersonaView[]>
    segments: Part<SegmentView>
    content: Part<ContentPlan>
    activities: Part<ActivityView[]>
    incentives: Part<IncentiveView>
    promotion: Part<Array<{name: string; type?: string; notes: string}>>
  }
  practice: {
    runs: Part<RunView[]>
    tasks: Part<TaskSummary>
    adherence: Part<Figure>
    segments: Part<SegmentView>
    growth: Part<Figure[]>
    retention: Part<RetentionView>
    funnel: Part<FunnelView>
  }
  evaluation: {
    activity: Part<Figure[]>
    trend: Part<TrendView>
    satisfaction: Part<Figure[]>
    value: Part<Figure[]>
    scorecard: Part<ScorecardSummary>
    levels: Part<LevelMovement>
  }
  suggestions: Part<SuggestionView[]>
  outlook: {
    targets: Part<TargetView[]>
    highlights: Part<HighlightView[]>
  }
}

/** The six sections, in the handbook's order. */
export const REPORT_SECTIONS = ['overview', 'strategy', 'practice', 'evaluation', 'suggestions', 'outlook'] as const
export type ReportSection = (typeof REPORT_SECTIONS)[number]

export const REPORT_FORMATS = ['md', 'html', 'pdf'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]
