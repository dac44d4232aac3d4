/** Schema pieces shared by every kind. */

export const API_VERSION = 'commops/v1'

export const localizedText = {
  description: 'A text, or the same text in both languages: {zh-CN: ..., en: ...}',
  anyOf: [
    {type: 'string'},
    {
      type: 'object',
      properties: {'zh-CN': {type: 'string'}, en: {type: 'string'}},
      additionalProperties: false,
      minProperties: 1,
    },
  ],
} as const

export const id = {
  type: 'string',
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  description: 'An identifier: lowercase letters, digits, - and _',
  'x-hint': {
    en: 'Use lowercase letters, digits, - and _ (e.g. weekly-qa).',
    'zh-CN': '请使用小写字母、数字、- 和 _（例如 weekly-qa）。',
  },
} as const

export const isoDate = {
  type: 'string',
  format: 'date',
  description: 'A calendar date, YYYY-MM-DD',
  'x-hint': {en: 'Write dates as YYYY-MM-DD, e.g. 2026-12-01.', 'zh-CN': '日期格式为 YYYY-MM-DD，例如 2026-12-01。'},
} as const

export const header = (kind: string) => ({
  apiVersion: {
    const: API_VERSION,
    description: `Always ${API_VERSION}`,
    'x-hint': {en: `Write apiVersion: ${API_VERSION}`, 'zh-CN': `请写 apiVersion: ${API_VERSION}`},
  },
  kind: {const: kind},
})

export const LOCALE_ENUM = ['zh-CN', 'en'] as const

/** Canonical activity event types, defined once with the event form. */
export {EVENT_TYPES} from '../../events/types.js'

/** Metric names (DESIGN.md "Metric definitions"). */
export const METRICS = [
  'members_total',
  'new_members',
  'growth_rate',
  'active_members',
  'dau',
  'wau',
  'mau',
  'stickiness',
  'interactions_per_active',
  'topic_participation',
  'response_rate_24h',
  'median_first_response_h',
  'event_participation',
  'retention_d7',
  'retention_d30',
  'churn_rate',
  'conversion_rate',
  'csat',
  'nps',
  'service_quality',
  'content_quality',
  'atmosphere',
  'calendar_adherence',
  'answered_share',
  'content_reach',
  'reciprocity',
  'engagement_score',
] as const

export type MetricId = (typeof METRICS)[number]
