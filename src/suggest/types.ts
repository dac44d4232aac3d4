/** Optimisation suggestions: what `commops suggest`, the report's 优化建议 section and the dashboard show. */
import type {LocalizedText} from '../i18n/index.js'
import type {Period} from '../metrics/types.js'

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
}
