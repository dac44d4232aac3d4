import type {RawProblem} from '../kind-def.js'
import {METRICS, header, id, localizedText} from './common.js'

/** The survey figures a suggestion rule can read: satisfaction share, NPS and the dimension means (1–5). */
export const SURVEY_FIGURES = ['csat', 'nps', 'service_quality', 'content_quality', 'atmosphere'] as const

const threshold = {
  description: 'A number in the metric’s unit (rates are fractions 0–1), or `target`: the scorecard’s target for it',
  anyOf: [{type: 'number', minimum: -1_000_000_000, maximum: 1_000_000_000}, {const: 'target'}],
} as const
const periods = {type: 'integer', minimum: 1, maximum: 12, description: 'How many periods running (scorecards one after another)'} as const

const metricCondition = {
  type: 'object',
  description: 'A scorecard metric: below/above a number or its target, its score below a number, falling or rising n periods running',
  required: ['metric'],
  additionalProperties: false,
  minProperties: 2,
  maxProperties: 2,
  properties: {
    metric: {enum: METRICS},
    below: threshold,
    above: threshold,
    scoreBelow: {type: 'number', minimum: 0, maximum: 100, description: 'The metric’s score (0–100) is below this'},
    falling: periods,
    rising: periods,
  },
} as const

const surveyCondition = {
  type: 'object',
  description: 'A survey figure below a number: csat and service_quality… as the latest survey results give them',
  required: ['survey', 'below'],
  additionalProperties: false,
  properties: {
    survey: {enum: SURVEY_FIGURES},
    below: {type: 'number', minimum: -100, maximum: 100},
  },
} as const

const channelCondition = {
  type: 'object',
  description:
    'A channel of the content plan with no calendar item (other than ideas and cancelled ones) in this many days up to the period’s end, when its own rhythm is faster than that',
  required: ['channel_silent_days'],
  additionalProperties: false,
  properties: {channel_silent_days: {type: 'integer', minimum: 1, maximum: 366}},
} as const

const levelCondition = {
  type: 'object',
  description: 'More members left this engagement level for a lower one (or left) than rose into it during the period; at least `min` left it',
  required: ['level_moving_down'],
  additionalProperties: false,
  properties: {
    level_moving_down: {...id, description: 'An engagement level id (core, active…; community.yaml engagement.levels)'},
    min: {type: 'integer', minimum: 1, maximum: 1_000_000, default: 1},
  },
} as const

const rule = {
  type: 'object',
  required: ['id', 'when', 'title', 'why', 'action', 'effect'],
  additionalProperties: false,
  properties: {
    id: {...id, description: 'The rule id; a workspace rule with the id of a built-in one replaces it'},
    when: {
      description: 'The condition',
      anyOf: [metricCondition, surveyCondition, channelCondition, levelCondition],
      'x-hint': {
        en: 'Write one condition: {metric: topic_participation, below: target}, {metric: retention_d30, falling: 2}, {metric: csat, scoreBelow: 60}, {survey: atmosphere, below: 3.5}, {channel_silent_days: 21} or {level_moving_down: core}.',
        'zh-CN':
          '写一个条件：{metric: topic_participation, below: target}、{metric: retention_d30, falling: 2}、{metric: csat, scoreBelow: 60}、{survey: atmosphere, below: 3.5}、{channel_silent_days: 21} 或 {level_moving_down: core}。',
      },
    },
    title: localizedText,
    why: {
      ...localizedText,
      description: 'Why it fired, with placeholders for the figures: {value} {target} {score} {gap} {values} {channels} {level} …',
    },
    action: localizedText,
    playbook: {...id, description: 'The playbook that performs the action (built-in or the workspace’s)'},
    step: {...id, description: 'The step of that playbook'},
    effect: {...localizedText, description: 'What the action is expected to change'},
  },
} as const

/** JSON Schema of a file of suggestion rules (kind SuggestionRules): conditions on the figures → actions. */
export const suggestionRulesSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://commops.dev/schemas/v1/suggestions.json',
  title: 'commops SuggestionRules',
  description:
    'Optimisation suggestions: each rule maps a condition on the scorecard, its trend, the calendar, the surveys or the member levels to an action, the playbook step that performs it and the expected effect',
  type: 'object',
  required: ['apiVersion', 'kind', 'rules'],
  additionalProperties: false,
  properties: {
    ...header('SuggestionRules'),
    description: localizedText,
    rules: {type: 'array', minItems: 1, items: rule},
  },
} as const

/** The placeholders each kind of condition fills (every rule also has {gap}). */
export const PLACEHOLDERS = {
  metric: ['metric', 'value', 'target', 'score', 'threshold', 'gap', 'dimension'],
  trend: ['metric', 'value', 'target', 'score', 'gap', 'dimension', 'periods', 'values', 'from'],
  survey: ['survey', 'value', 'threshold', 'gap'],
  channel: ['channels', 'count', 'days', 'gap'],
  level: ['level', 'down', 'up', 'before', 'now', 'gap'],
} as const

/** Which placeholders a condition (as written, any shape) fills. */
export function placeholdersOf(when: unknown): readonly string[] | undefined {
  if (!when || typeof when !== 'object') return undefined
  const w = when as Record<string, unknown>
  if ('metric' in w) return 'falling' in w || 'rising' in w ? PLACEHOLDERS.trend : PLACEHOLDERS.metric
  if ('survey' in w) return PLACEHOLDERS.survey
  if ('channel_silent_days' in w) return PLACEHOLDERS.channel
  if ('level_moving_down' in w) return PLACEHOLDERS.level
  return undefined
}

const TEXTS = ['title', 'why', 'action', 'effect'] as const

/** Checks the schema cannot: a rule id given twice, a placeholder its condition does not fill (a warning). */
export function checkSuggestionRules(value: Record<string, unknown>): RawProblem[] {
  const problems: RawProblem[] = []
  const rules = Array.isArray(value.rules) ? value.rules : []
  const seen = new Map<string, number>()
  rules.forEach((r: unknown, i) => {
    if (!r || typeof r !== 'object') return
    const ruleValue = r as Record<string, unknown>
    if (typeof ruleValue.id === 'string') {
      if (seen.has(ruleValue.id))
        problems.push({
          path: `/rules/${i}/id`,
          rule: 'suggest.duplicateRule',
          msg: {key: 'suggest.check.duplicateRule', params: {id: ruleValue.id, first: (seen.get(ruleValue.id) ?? 0) + 1}},
        })
      else seen.set(ruleValue.id, i)
    }
    const known = placeholdersOf(ruleValue.when)
    if (!known) return
    for (const field of TEXTS) {
      const text = ruleValue[field]
      const variants: Array<[string, unknown]> =
        typeof text === 'string' ? [['', text]] : text && typeof text === 'object' ? Object.entries(text as Record<string, unknown>) : []
      for (const [lang, s] of variants) {
        if (typeof s !== 'string') continue
        for (const m of s.matchAll(/\{(\w+)\}/g)) {
          if (known.includes(m[1])) continue
          problems.push({
            path: `/rules/${i}/${field}${lang ? `/${lang}` : ''}`,
            rule: 'suggest.unknownPlaceholder',
            msg: {key: 'suggest.check.unknownPlaceholder', params: {name: m[1]}},
            hint: {key: 'suggest.check.unknownPlaceholder.hint', params: {known: known.map((k) => `{${k}}`).join(' ')}},
            severity: 'warning',
          })
        }
      }
    }
  })
  return problems
}
