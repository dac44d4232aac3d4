import {EVENT_TYPES, LOCALE_ENUM, METRICS, header, id, isoDate, localizedText} from './common.js'
import {rulesOverridesSchema} from './ruleset.js'

export const PLATFORM_TYPES = [
  'wechat',
  'qq',
  'discord',
  'slack',
  'discourse',
  'telegram',
  'github',
  'feishu',
  'dingtalk',
  'weibo',
  'xiaohongshu',
  'forum',
  'other',
] as const
export const CONTENT_FORMATS = ['text', 'image', 'video', 'audio', 'live', 'event', 'article', 'poll'] as const
export const ACTIVITY_TYPES = ['qa', 'discussion', 'contest', 'lottery', 'meetup', 'course', 'expert-talk'] as const
export const COMMUNITY_TYPES = ['brand', 'knowledge', 'interest', 'open-source', 'other'] as const

const textList = {type: 'array', items: localizedText} as const

const cadence = {
  type: 'string',
  minLength: 1,
  description: 'How often: `daily`, `weekly on tue 20:00`, `2/week`, `monthly on 1st`, or an RRULE (FREQ=WEEKLY;BYDAY=TU)',
} as const

const channel = {
  type: 'object',
  required: ['id'],
  additionalProperties: false,
  properties: {
    id,
    name: localizedText,
    purpose: localizedText,
    url: {type: 'string'},
  },
} as const

const platform = {
  type: 'object',
  required: ['id', 'type'],
  additionalProperties: false,
  properties: {
    id,
    type: {enum: PLATFORM_TYPES},
    name: localizedText,
    channels: {type: 'array', items: channel},
  },
} as const

const persona = {
  type: 'object',
  required: ['id', 'name'],
  additionalProperties: false,
  properties: {
    id,
    name: localizedText,
    share: {type: 'number', minimum: 0, maximum: 1, description: 'Share of the membership, 0–1'},
    ageRange: {
      type: 'array',
      items: {type: 'integer', minimum: 0, maximum: 120},
      minItems: 2,
      maxItems: 2,
      description: '[min, max] age',
      'x-hint': {en: 'Write ageRange: [22, 35].', 'zh-CN': '请写成 ageRange: [22, 35]。'},
    },
    genderMix: {
      type: 'object',
      additionalProperties: {type: 'number', minimum: 0, maximum: 1},
      description: 'Shares per gender, 0–1, e.g. {female: 0.6, male: 0.4}',
    },
    regions: textList,
    occupations: textList,
    interests: textList,
    needs: textList,
    painPoints: textList,
    channels: {type: 'array', items: {type: 'string'}, description: 'Where this persona is reached'},
  },
} as const

const pillar = {
  type: 'object',
  required: ['id', 'name', 'cadence'],
  additionalProperties: false,
  properties: {
    id,
    name: localizedText,
    description: localizedText,
    formats: {type: 'array', items: {enum: CONTENT_FORMATS}, minItems: 1},
    cadence,
    channel: {type: 'string', description: 'A channel id from platforms[].channels'},
    owner: {type: 'string'},
    quality: textList,
    titles: {type: 'array', items: localizedText, description: 'Title templates; {n}, {date} and {week} are filled in'},
  },
} as const

const activity = {
  type: 'object',
  required: ['id', 'type'],
  additionalProperties: false,
  properties: {
    id,
    type: {enum: ACTIVITY_TYPES},
    name: localizedText,
    description: localizedText,
    cadence,
    channel: {type: 'string'},
    owner: {type: 'string'},
    durationMinutes: {type: 'integer', minimum: 1, maximum: 44640, description: 'Length in minutes, at most 31 days (44640)'},
  },
} as const

const pointsByEvent = Object.fromEntries(
  EVENT_TYPES.map((e) => [e, {type: 'number', minimum: -1_000_000, maximum: 1_000_000, description: 'Points for one event, ±1000000'}]),
)

const eventLimit = {
  type: 'object',
  additionalProperties: false,
  properties: {
    dailyCap: {type: 'number', minimum: 0, maximum: 1_000_000, description: 'At most this many points a day from this event type, per member'},
    cooldown: {
      anyOf: [
        {type: 'integer', minimum: 0, maximum: 31_536_000},
        {type: 'string', pattern: '^\\d{1,7}(s|m|h)$'},
      ],
      description: 'Time between counted events of this type, per member: seconds, or 90s / 5m / 1h',
      'x-hint': {en: 'Write cooldown: 60 (seconds) or 5m.', 'zh-CN': '请写成 cooldown: 60（秒）或 5m。'},
    },
  },
} as const

const multiplier = {
  type: 'object',
  required: ['id', 'from', 'to', 'factor'],
  additionalProperties: false,
  properties: {
    id,
    name: localizedText,
    from: isoDate,
    to: {...isoDate, description: 'Last day of the campaign, included'},
    factor: {type: 'number', minimum: 0, maximum: 100, description: 'Points are multiplied by this in the campaign'},
    events: {type: 'array', items: {enum: EVENT_TYPES}, minItems: 1, description: 'Only these event types (default: all)'},
  },
} as const

const eventWeights = Object.fromEntries(
  EVENT_TYPES.map((e) => [e, {type: 'number', minimum: 0, maximum: 1000, description: 'Activity weight of one event'}]),
)

/** `engagement`: the engagement levels (Orbit-style), by weighted activity over a window. */
const engagement = {
  type: 'object',
  additionalProperties: false,
  description: 'Engagement levels by weighted activity over a window (default: core / active / new / casual / dormant over 28 days)',
  properties: {
    windowDays: {type: 'integer', minimum: 1, maximum: 366, description: 'Days of activity a level looks at (default 28)'},
    weights: {type: 'object', additionalProperties: false, properties: eventWeights, description: 'Activity weight per event type'},
    levels: {
      type: 'array',
      minItems: 1,
      description: 'Checked in order: a member takes the first level whose conditions hold; the last level should have none',
      items: {
        type: 'object',
        required: ['id', 'weight'],
        additionalProperties: false,
        properties: {
          id,
          name: localizedText,
          minScore: {type: 'number', minimum: 0, maximum: 1_000_000_000, description: 'Weighted activity in the window needed'},
          newWithinDays: {type: 'integer', minimum: 1, maximum: 3660, description: 'Only members first seen within this many days'},
          weight: {type: 'number', minimum: 0, maximum: 100, description: 'Weight of the level in the engagement score (gravity)'},
        },
      },
    },
  },
} as const

const incentives = {
  type: 'object',
  additionalProperties: false,
  properties: {
    points: {
      type: 'object',
      additionalProperties: false,
      properties: pointsByEvent,
      description: 'Points per canonical event type',
    },
    limits: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(EVENT_TYPES.map((e) => [e, eventLimit])),
      description: 'Daily caps and cooldowns per event type',
    },
    multipliers: {type: 'array', items: multiplier, description: 'Campaigns that multiply points between two dates'},
    incidentDeductions: {
      type: 'object',
      additionalProperties: {type: 'number', minimum: -1_000_000, maximum: 0},
      description: 'Points an incident of each rung deducts (rung id → negative points), e.g. {warning: -10, mute: -50}',
    },
    levels: {
      type: 'array',
      items: {
        type: 'object',
        required: ['level', 'threshold', 'title'],
        additionalProperties: false,
        properties: {
          level: {type: 'integer', minimum: 0, maximum: 1000},
          threshold: {type: 'number', minimum: 0, maximum: 1_000_000_000, description: 'Points needed'},
          title: localizedText,
          perks: textList,
        },
      },
    },
    badges: {
      type: 'array',
      items: {
        type: 'object',
        required: ['id', 'name'],
        additionalProperties: false,
        properties: {
          id,
          name: localizedText,
          description: localizedText,
          criteria: {
            type: 'object',
            additionalProperties: false,
            properties: {
              kind: {
                enum: ['count', 'first', 'streak', 'answered', 'attended', 'points', 'manual'],
                description:
                  'count: `count` events of `event` (within `withinDays`); first: the first `event` (default post); streak: `weeks` active weeks in a row; answered: answers to `count` questions; attended: `count` events attended; points: `points` in total; manual: awarded by hand',
              },
              weeks: {type: 'integer', minimum: 1, maximum: 520, description: 'Active weeks in a row (streak)'},
              event: {enum: EVENT_TYPES},
              count: {type: 'integer', minimum: 1, maximum: 1_000_000},
              withinDays: {type: 'integer', minimum: 1, maximum: 3660, description: 'Days, at most ten years (3660)'},
              points: {type: 'number', minimum: 0, maximum: 1_000_000_000},
            },
          },
        },
      },
    },
    honours: {
      type: 'array',
      description: 'Honour titles awarded by the team',
      items: {
        type: 'object',
        required: ['id', 'title'],
        additionalProperties: false,
        properties: {id, title: localizedText, description: localizedText},
      },
    },
  },
} as const

const goal = {
  type: 'object',
  required: ['metric', 'target'],
  additionalProperties: false,
  properties: {
    metric: {enum: METRICS},
    target: {type: 'number', minimum: -1_000_000_000, maximum: 1_000_000_000},
    direction: {enum: ['up', 'down'], default: 'up'},
    weight: {type: 'number', minimum: 0, maximum: 100},
    dimension: {enum: ['activity', 'satisfaction', 'value', 'growth', 'retention', 'content']},
    note: localizedText,
  },
} as const

/** JSON Schema of community.yaml (kind Community). */
export const communitySchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://commops.dev/schemas/v1/community.json',
  title: 'commops Community',
  description: 'The community profile: positioning, audience, platforms, content, activities, incentives, goals',
  type: 'object',
  required: ['apiVersion', 'kind', 'name', 'locale', 'timezone'],
  additionalProperties: false,
  properties: {
    ...header('Community'),
    name: {type: 'string', minLength: 1},
    description: localizedText,
    type: {enum: COMMUNITY_TYPES, default: 'interest'},
    locale: {enum: LOCALE_ENUM},
    timezone: {
      type: 'string',
      format: 'iana-timezone',
      'x-hint': {
        en: 'Use an IANA timezone name such as Asia/Shanghai or America/New_York.',
        'zh-CN': '请使用 IANA 时区名，例如 Asia/Shanghai 或 America/New_York。',
      },
    },
    founded: isoDate,
    platforms: {type: 'array', items: platform},
    positioning: {
      type: 'object',
      additionalProperties: false,
      properties: {
        theme: localizedText,
        mission: localizedText,
        valueProposition: localizedText,
        targetUsers: localizedText,
        differentiation: localizedText,
        stage: {enum: ['planning', 'launch', 'growth', 'mature', 'renewal']},
      },
    },
    audience: {
      type: 'object',
      additionalProperties: false,
      properties: {
        size: {type: 'integer', minimum: 0, maximum: 10_000_000_000, description: 'Members today'},
        personas: {type: 'array', items: persona},
      },
    },
    culture: {
      type: 'object',
      additionalProperties: false,
      properties: {values: textList, tone: localizedText, traditions: textList},
    },
    content: {
      type: 'object',
      additionalProperties: false,
      properties: {
        pillars: {type: 'array', items: pillar},
        blackouts: {type: 'array', items: isoDate, description: 'Dates with no planned content'},
        holidays: {enum: ['zh-CN', 'none'], description: 'Public-holiday calendar to avoid'},
      },
    },
    activities: {type: 'array', items: activity},
    incentives,
    engagement,
    goals: {type: 'array', items: goal},
    rules: rulesOverridesSchema,
    promotion: {
      type: 'object',
      additionalProperties: false,
      properties: {
        channels: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name'],
            additionalProperties: false,
            properties: {name: localizedText, type: {type: 'string'}, notes: localizedText},
          },
        },
      },
    },
    team: {
      type: 'array',
      description: 'The people who run the community; `roles` says which tasks are theirs (`task list --owner NAME`)',
      items: {
        type: 'object',
        required: ['name'],
        additionalProperties: false,
        properties: {
          name: {type: 'string', minLength: 1, description: 'A name or handle, as `task list --owner` and `task assign` take it'},
          role: {...localizedText, description: 'What they do, in words'},
          roles: {
            type: 'array',
            items: {type: 'string', minLength: 1},
            description:
              'Task owners they take: a role key (lead, moderator, content, events, members, data, qa, organiser, maintainer, brand, support, admin) or its zh-CN or English label (版主, moderator)',
          },
          contact: {type: 'string'},
        },
      },
    },
  },
} as const
