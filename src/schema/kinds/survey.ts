import {OPTION_SOURCES, QUESTION_TYPES} from '../../survey/types.js'
import type {RawProblem} from '../kind-def.js'
import {LOCALE_ENUM, header, id, localizedText} from './common.js'

const answerValue = {type: ['string', 'number']} as const
/** A number a person could type in an answer: finite and at most a billion either way. */
const bounded = {type: 'number', minimum: -1_000_000_000, maximum: 1_000_000_000} as const

const showIf = {
  type: 'object',
  required: ['question'],
  additionalProperties: false,
  description: 'Show the question only when an earlier answer equals a value, is one of several, or lies between min and max',
  properties: {
    question: {type: 'string', description: 'The id of an EARLIER question'},
    equals: answerValue,
    in: {type: 'array', items: answerValue, minItems: 1},
    min: bounded,
    max: bounded,
  },
  minProperties: 2,
  'x-hint': {
    en: 'Write showIf: {question: nps, max: 6} or {question: role, in: [student, teacher]}.',
    'zh-CN': '请写成 showIf: {question: nps, max: 6} 或 {question: role, in: [student, teacher]}。',
  },
} as const

const question = {
  type: 'object',
  required: ['id', 'type', 'text'],
  additionalProperties: false,
  properties: {
    id: {...id, description: 'A stable question id, kept in every export and used to map response columns'},
    type: {enum: QUESTION_TYPES},
    text: localizedText,
    help: localizedText,
    required: {type: 'boolean', default: false},
    dimension: {
      type: 'string',
      pattern: '^[a-z][a-z0-9_]*$',
      description: 'Scored into this dimension: service_quality, content_quality, atmosphere, value, or one of your own',
      examples: ['service_quality', 'content_quality', 'atmosphere', 'value'],
    },
    csat: {type: 'boolean', description: 'Counted in CSAT (likert only); when no item says so, every likert item counts'},
    showIf,
    scale: {enum: [5, 7], description: 'likert: number of points'},
    labels: {type: 'array', items: localizedText, minItems: 1, description: 'likert: one label per point, lowest first'},
    min: bounded,
    max: bounded,
    anchors: {
      type: 'object',
      additionalProperties: false,
      properties: {low: localizedText, high: localizedText},
    },
    options: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'label'],
        additionalProperties: false,
        properties: {id, label: localizedText},
      },
    },
    optionsFrom: {enum: OPTION_SOURCES, description: 'Take the options from community.yaml when the survey is created'},
    other: {type: 'boolean', description: 'single / multi: add an "other, please specify" choice'},
    otherLabel: localizedText,
    maxSelect: {type: 'integer', minimum: 1, maximum: 100},
    multiline: {type: 'boolean', default: true},
    placeholder: localizedText,
    maxLength: {type: 'integer', minimum: 1, maximum: 100_000},
    unit: localizedText,
  },
  allOf: [
    {if: {properties: {type: {const: 'likert'}}, required: ['type']}, then: {properties: {scale: true, labels: true}, required: ['scale', 'labels']}},
    {
      if: {properties: {type: {enum: ['single', 'multi']}}, required: ['type']},
      then: {
        anyOf: [
          {properties: {options: true}, required: ['options']},
          {properties: {optionsFrom: true}, required: ['optionsFrom']},
        ],
        'x-hint': {
          en: 'single and multi questions need options (or optionsFrom: pillars | activities | platforms).',
          'zh-CN': '单选题和多选题需要 options（或 optionsFrom: pillars | activities | platforms）。',
        },
      },
    },
  ],
} as const

/** JSON Schema of a survey form (kind Survey). */
export const surveySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://commops.dev/schemas/v1/survey.json',
  title: 'commops Survey',
  description: 'A survey form: likert, NPS, rating, choice, text and number questions, with dimensions for scoring',
  type: 'object',
  required: ['apiVersion', 'kind', 'name', 'title', 'questions'],
  additionalProperties: false,
  properties: {
    ...header('Survey'),
    name: id,
    title: localizedText,
    intro: localizedText,
    outro: localizedText,
    locale: {enum: LOCALE_ENUM},
    anonymous: {type: 'boolean'},
    estimatedMinutes: {type: 'integer', minimum: 1, maximum: 600},
    questions: {type: 'array', minItems: 1, items: question},
  },
} as const

const asArray = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.map((x) => (x && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : {})) : []

const SCORED = new Set(['likert', 'rating'])
const CHOICE = new Set(['single', 'multi'])

/** The values an answer to a question may take, or undefined when any value goes (text, optionsFrom). */
function allowedValues(q: Record<string, unknown>): {numbers?: [number, number]; ids?: string[]} | undefined {
  switch (q.type) {
    case 'likert':
      return {numbers: [1, typeof q.scale === 'number' ? q.scale : 7]}
    case 'nps':
      return {numbers: [0, 10]}
    case 'rating':
      return {numbers: [typeof q.min === 'number' ? q.min : 1, typeof q.max === 'number' ? q.max : 5]}
    case 'number':
      return {numbers: [typeof q.min === 'number' ? q.min : -Infinity, typeof q.max === 'number' ? q.max : Infinity]}
    case 'single':
    case 'multi':
      if (q.optionsFrom !== undefined) return undefined
      return {ids: [...asArray(q.options).map((o) => String(o.id)), ...(q.other ? ['other'] : [])]}
    default:
      return undefined
  }
}

/** Semantic checks of a survey: unique ids, showIf on an earlier question with possible values, likert labels, scoring. */
export function checkSurvey(value: Record<string, unknown>): RawProblem[] {
  const problems: RawProblem[] = []
  const questions = asArray(value.questions)
  const seen = new Map<string, number>()
  questions.forEach((q, i) => {
    const base = `/questions/${i}`
    const qid = typeof q.id === 'string' ? q.id : undefined
    if (qid !== undefined) {
      if (seen.has(qid))
        problems.push({
          path: `${base}/id`,
          rule: 'survey.duplicateId',
          msg: {key: 'survey.check.duplicateId', params: {id: qid, first: seen.get(qid)! + 1}},
        })
      else seen.set(qid, i)
    }
    if (q.type === 'likert' && Array.isArray(q.labels) && (q.scale === 5 || q.scale === 7) && q.labels.length !== q.scale) {
      problems.push({
        path: `${base}/labels`,
        rule: 'survey.likertLabels',
        msg: {key: 'survey.check.likertLabels', params: {scale: q.scale, count: q.labels.length}},
        hint: {key: 'survey.check.likertLabels.hint'},
      })
    }
    if (q.dimension !== undefined && typeof q.type === 'string' && !SCORED.has(q.type)) {
      problems.push({
        path: `${base}/dimension`,
        key: true,
        rule: 'survey.dimensionType',
        msg: {key: 'survey.check.dimensionType', params: {type: q.type}},
      })
    }
    if (q.csat !== undefined && q.type !== 'likert') {
      problems.push({path: `${base}/csat`, key: true, rule: 'survey.csatType', msg: {key: 'survey.check.csatType', params: {type: String(q.type)}}})
    }
    if (typeof q.min === 'number' && typeof q.max === 'number' && q.min >= q.max) {
      problems.push({path: `${base}/max`, rule: 'survey.range', msg: {key: 'survey.check.range', params: {min: q.min, max: q.max}}})
    }
    if (CHOICE.has(String(q.type))) {
      const optionIds = new Set<string>()
      asArray(q.options).forEach((o, j) => {
        const oid = String(o.id)
        if (optionIds.has(oid) || (oid === 'other' && q.other))
          problems.push({
            path: `${base}/options/${j}/id`,
            rule: 'survey.duplicateOption',
            msg: {key: 'survey.check.duplicateOption', params: {id: oid}},
          })
        optionIds.add(oid)
      })
    }
    for (const field of ['options', 'optionsFrom', 'other', 'maxSelect']) {
      if (q[field] !== undefined && typeof q.type === 'string' && !CHOICE.has(q.type))
        problems.push({
          path: `${base}/${field}`,
          key: true,
          rule: 'survey.fieldType',
          msg: {key: 'survey.check.fieldType', params: {field, type: q.type}},
          severity: 'warning',
        })
    }
    for (const field of ['scale', 'labels']) {
      if (q[field] !== undefined && q.type !== 'likert')
        problems.push({
          path: `${base}/${field}`,
          key: true,
          rule: 'survey.fieldType',
          msg: {key: 'survey.check.fieldType', params: {field, type: String(q.type)}},
          severity: 'warning',
        })
    }

    const cond = q.showIf && typeof q.showIf === 'object' ? (q.showIf as Record<string, unknown>) : undefined
    if (!cond || typeof cond.question !== 'string') return
    const target = cond.question
    const at = questions.findIndex((x) => x.id === target)
    const earlier = [...new Set(questions.slice(0, i).map((x) => String(x.id)))]
    if (at < 0 || at >= i) {
      problems.push({
        path: `${base}/showIf/question`,
        rule: at < 0 ? 'survey.showIfUnknown' : 'survey.showIfLater',
        msg: {key: at < 0 ? 'survey.check.showIfUnknown' : 'survey.check.showIfLater', params: {id: qid ?? i + 1, question: target}},
        hint: {key: 'survey.check.showIf.hint', params: {earlier: earlier.join(', ') || '—'}},
      })
      return
    }
    const allowed = allowedValues(questions[at])
    if (!allowed) return
    const values: Array<[string, unknown]> = [
      ...(cond.equals === undefined ? [] : [[`${base}/showIf/equals`, cond.equals] as [string, unknown]]),
      ...(Array.isArray(cond.in) ? cond.in.map((v, j): [string, unknown] => [`${base}/showIf/in/${j}`, v]) : []),
    ]
    for (const [path, v] of values) {
      const ok = allowed.ids ? allowed.ids.includes(String(v)) : typeof v === 'number' && v >= allowed.numbers![0] && v <= allowed.numbers![1]
      if (!ok) {
        const expected = allowed.ids ? allowed.ids.join(', ') : `${allowed.numbers![0]}–${allowed.numbers![1]}`
        problems.push({
          path,
          rule: 'survey.showIfValue',
          msg: {key: 'survey.check.showIfValue', params: {value: String(v), question: target, expected}},
        })
      }
    }
    if ((cond.min !== undefined || cond.max !== undefined) && allowed.ids) {
      problems.push({path: `${base}/showIf`, rule: 'survey.showIfRange', msg: {key: 'survey.check.showIfRange', params: {question: target}}})
    }
  })
  return problems
}
