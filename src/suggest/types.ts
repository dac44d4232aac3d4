/** Optimisation suggestions: what `commops suggest`, the report's 优化建议 section and the dashboard show. */
import type {LocalizedText} from '../i18n/index.js'
import type {MetricId, MetricUnit, Period} from '../metrics/types.js'
import type {SURVEY_FIGURES} from '../schema/kinds/suggestions.js'
import type {DimensionId, Direction} from '../scorecard/types.js'

/** One suggestion: a rule that fired on the workspace's figures, the action it proposes and why. */
export interface Suggestion {
  /** The rule's id (`topic-participation-low`); a workspace rule's id as its file gives it. */
  rule: string
  /** Where the rule came from: `builtin` or the workspace file (relative path). */
  source: string
  title: LocalizedText
  /** Why it fired, with the figures filled in (`topic participation 18% against a target of 35%`). */
  why: LocalizedText
  /** The concrete action. */
  action: LocalizedText
  /** The playbook (and step) that performs it, when one does. */
  playbook?: string
  step?: string
  /** What the action is expected to change. */
  effect: LocalizedText
  /** The scorecard points the condition leaves on the table (the rank: largest first); 0 when it has no score. */
  gap: number
  /** The metric or dimension the rule reads, when it reads one. */
  metric?: string
  dimension?: string
}

/** The suggestions for a period, ranked; `scorecard` is the key of the scorecard they were read from. */
export interface SuggestResult {
  period?: Period
  scorecard?: string
  suggestions: Suggestion[]
  /** How many rules were checked (built-in and the workspace's). */
  rules?: number
  /** Set when there is no scorecard to read: the command that computes one (`commops scorecard compute --period 2026-11`). */
  noScorecard?: {command: string}
  /** Suggestions that fired beyond `limit`, left out. */
  more?: number
}

// ---- rules, as written in templates/suggestions/*.yaml and a workspace's suggestions/*.yaml ----

export type SurveyFigure = (typeof SURVEY_FIGURES)[number]

/** A threshold: a number in the metric's unit, or the scorecard's target for it. */
export type Threshold = number | 'target'

/** One condition (schema: src/schema/kinds/suggestions.ts); exactly one comparator per metric condition. */
export type Condition =
  | {metric: MetricId; below: Threshold}
  | {metric: MetricId; above: Threshold}
  | {metric: MetricId; scoreBelow: number}
  | {metric: MetricId; falling: number}
  | {metric: MetricId; rising: number}
  | {survey: SurveyFigure; below: number}
  | {channel_silent_days: number}
  | {level_moving_down: string; min?: number}

export interface SuggestionRule {
  id: string
  when: Condition
  title: LocalizedText
  why: LocalizedText
  action: LocalizedText
  playbook?: string
  step?: string
  effect: LocalizedText
}

/** A rule and where it was read from: `builtin` or the workspace file (relative path). */
export interface LoadedRule {
  rule: SuggestionRule
  source: string
}

// ---- facts: the figures the rules read, gathered by the service, read by the pure evaluator ----

/** A graded metric of the scorecard, with the overall-score points it leaves on the table. */
export interface MetricFact {
  value: number | null
  unit: MetricUnit
  target: number | null
  direction: Direction
  score: number | null
  dimension: DimensionId
  /** See `metricGaps` (facts.ts): how much the overall score would rise were this metric at 100. */
  gap: number
}

/** A channel of the content plan and its last calendar item up to the period's end. */
export interface ChannelFact {
  id: string
  name: LocalizedText
  /** Local date of its last item (not an idea, not cancelled) up to the period's end. */
  last: string
  /** Days from that item to the period's last day. */
  silentDays: number
  /** Mean days between its items' dates: its own rhythm (null with one date only). */
  usualGap: number | null
}

/** An engagement level at the end of the period, and the members who moved out of it downward or up into it. */
export interface LevelFact {
  id: string
  name: LocalizedText
  before: number
  now: number
  /** Members who went from this level to a lower one, or left. */
  down: number
  /** Members who rose into this level from a lower one. */
  up: number
}

export interface SuggestFacts {
  period: Period
  /** The key of the scorecard the figures come from. */
  scorecard: string
  metrics: Partial<Record<MetricId, MetricFact>>
  /** The earlier scorecards of the same spec and filter, newest first: their metric values. */
  history: Array<{key: string; values: Partial<Record<MetricId, number | null>>}>
  /** Survey figures as of the period's end (csat and nps as the metrics give them, dimension means 1–5). */
  survey: Partial<Record<SurveyFigure, number | null>>
  /** Channels of the content plan; absent when the workspace has no calendar. */
  channels?: ChannelFact[]
  /** Engagement levels and their movement over the period; absent when not gathered or without members. */
  levels?: LevelFact[]
}
