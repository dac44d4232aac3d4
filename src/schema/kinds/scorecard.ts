import {DIMENSIONS} from '../../scorecard/types.js'
import type {RawProblem} from '../kind-def.js'
import {METRICS, header, id, localizedText} from './common.js'

const bounded = {type: 'number', minimum: -1_000_000_000, maximum: 1_000_000_000} as const
const weight = {
  type: 'number',
  minimum: 0,
  maximum: 100,
  default: 1,
  description: 'Weight in the mean above it; 0 shows the row without counting it',
} as const

const metric = {
  type: 'object',
  required: ['metric'],
  additionalProperties: false,
  properties: {
    metric: {enum: METRICS},
    target: {...bounded, description: 'The value that scores 100; without it, the goal of community.yaml, then the default spec'},
    direction: {enum: ['up', 'down'], description: 'up: more is better; down: less is better (churn_rate, median_first_response_h)'},
    weight,
    zeroAt: {
      ...bounded,
      description: 'The value that scores 0 (linear from it to the target); without it: 0 for up, target ÷ value for down',
    },
  },
  'x-hint': {
    en: 'Write a metric line as {metric: csat, target: 0.8, weight: 2}; rates are fractions 0–1.',
    'zh-CN': '指标行写成 {metric: csat, target: 0.8, weight: 2}；比率写成 0–1 之间的小数。',
  },
} as const

const dimension = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: {
    id: {enum: DIMENSIONS},
    title: localizedText,
    weight,
    metrics: {type: 'array', items: metric},
  },
} as const

/** JSON Schema of a scorecard spec (kind ScorecardSpec): dimensions, metrics with targets, weights, grade bands. */
export const scorecardSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://commops.dev/schemas/v1/scorecard.json',
  title: 'commops ScorecardSpec',
  description: 'How the scorecard grades a period: dimensions, metrics with targets, directions and weights, grade bands',
  type: 'object',
  required: ['apiVersion', 'kind', 'name'],
  additionalProperties: false,
  properties: {
    ...header('ScorecardSpec'),
    name: {...id, description: 'The spec name; a scorecard is compared with the previous one of the same spec'},
    title: localizedText,
    description: localizedText,
    goals: {type: 'boolean', default: true, description: 'Read targets from the goals of community.yaml where this spec gives none'},
    grades: {
      type: 'object',
      description: 'Grade → lowest overall score that earns it (default A: 90, B: 75, C: 60, D: 40, F: 0)',
      propertyNames: {pattern: '^[A-Za-z][A-Za-z0-9+-]{0,3}$'},
      additionalProperties: {type: 'number', minimum: 0, maximum: 100},
      minProperties: 1,
      'x-hint': {
        en: 'Write grades as {A: 90, B: 75, C: 60, D: 40, F: 0}: a grade and the lowest score 0–100 that earns it.',
        'zh-CN': '等级写成 {A: 90, B: 75, C: 60, D: 40, F: 0}：等级名及获得它所需的最低分（0–100）。',
      },
    },
    dimensions: {type: 'array', items: dimension, description: 'Replaces the default dimensions when given'},
  },
} as const

const asArray = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []

/** Checks the schema cannot: a dimension or a metric listed twice, grade bands without one for a score of 0. */
export function checkScorecardSpec(value: Record<string, unknown>): RawProblem[] {
  const problems: RawProblem[] = []
  const dims = new Map<unknown, number>()
  const metrics = new Map<unknown, string>()
  asArray(value.dimensions).forEach((d, di) => {
    if (dims.has(d.id))
      problems.push({
        path: `/dimensions/${di}/id`,
        rule: 'scorecard.duplicateDimension',
        msg: {key: 'scorecard.check.duplicateDimension', params: {id: String(d.id)}},
      })
    else dims.set(d.id, di)
    asArray(d.metrics).forEach((m, mi) => {
      if (metrics.has(m.metric))
        problems.push({
          path: `/dimensions/${di}/metrics/${mi}/metric`,
          rule: 'scorecard.duplicateMetric',
          msg: {key: 'scorecard.check.duplicateMetric', params: {metric: String(m.metric), first: metrics.get(m.metric)}},
        })
      else metrics.set(m.metric, String(d.id))
    })
  })
  const grades = value.grades
  if (grades && typeof grades === 'object' && !Array.isArray(grades)) {
    const mins = Object.values(grades as Record<string, unknown>).filter((x): x is number => typeof x === 'number')
    if (mins.length > 0 && !mins.includes(0))
      problems.push({
        path: '/grades',
        rule: 'scorecard.gradesFloor',
        msg: {key: 'scorecard.check.gradesFloor', params: {lowest: Math.min(...mins)}},
        hint: {key: 'scorecard.check.gradesFloor.hint'},
        severity: 'warning',
      })
  }
  return problems
}
