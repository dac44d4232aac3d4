import {RULE_TEMPLATES, RUNG_IDS, SEVERITIES} from '../../rules/types.js'
import {LOCALE_ENUM, header, id, localizedText} from './common.js'

const textList = {type: 'array', items: localizedText} as const

const duration = {
  type: 'string',
  minLength: 1,
  description: 'A duration: ISO 8601 (P3D, PT2H, P1W) or friendly (3d, 24h, 2w, 1mo)',
  examples: ['PT2H', 'P1D', 'P3D', 'P30D', '24h', '7d'],
} as const

const rungRef = {type: 'string', description: `A rung id of the ladder (the bundled templates use ${RUNG_IDS.join(', ')})`} as const

const ruleFields = {
  title: localizedText,
  description: {...localizedText, description: 'What the rule asks, in a sentence or two'},
  severity: {enum: SEVERITIES, description: 'low | medium | high | severe: where a first breach enters the ladder (severe skips rungs)'},
  allowed: {...textList, description: 'Examples of what is fine'},
  notAllowed: {...textList, description: 'Examples of what breaks the rule'},
  startAt: {...rungRef, description: "Enter the ladder at this rung instead of the severity's usual one"},
} as const

const rule = {
  type: 'object',
  required: ['id', 'title', 'description', 'severity'],
  additionalProperties: false,
  properties: {id: {...id, description: 'A stable rule id, used by `rules incident add --rule`'}, ...ruleFields},
} as const

const rungFields = {
  name: localizedText,
  consequence: {...localizedText, description: 'What happens, in a line'},
  duration: {...duration, description: 'How long a temporary rung lasts (mute, temporary removal)'},
  permanent: {type: 'boolean', description: 'A permanent rung (removal): its incidents never expire'},
  decidedBy: {...localizedText, description: 'Who decides'},
  appeal: {...localizedText, description: 'How to appeal, or how to repair and come back'},
  message: {...localizedText, description: 'The text a moderator sends; {rule}, {duration}, {until} and {days} are filled in'},
} as const

const rung = {
  type: 'object',
  required: ['id', 'name', 'consequence', 'decidedBy', 'appeal'],
  additionalProperties: false,
  properties: {id, ...rungFields},
} as const

const start = {
  type: 'object',
  additionalProperties: false,
  description: 'The rung a first breach of each severity starts at',
  properties: Object.fromEntries(SEVERITIES.map((s) => [s, rungRef])),
} as const

const expireAfterDays = {
  type: 'integer',
  minimum: 1,
  maximum: 36500,
  description: 'Incidents older than this many days no longer count (default 180); permanent rungs never expire',
} as const

const reporting = {
  type: 'array',
  minItems: 1,
  description: 'Where and how to report a problem',
  items: {
    type: 'object',
    required: ['name', 'how'],
    additionalProperties: false,
    properties: {
      name: localizedText,
      how: localizedText,
      contact: {type: 'string', description: 'An address, handle or link'},
      responseTime: {...duration, description: 'How soon reporters hear back'},
    },
  },
} as const

/** JSON Schema of a rule set (kind RuleSet): principles, rules with examples, the enforcement ladder, reporting. */
export const ruleSetSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://commops.dev/schemas/v1/ruleset.json',
  title: 'commops RuleSet',
  description: 'Rules (群规 / code of conduct): principles, rules with examples, the enforcement ladder, reporting channels, moderator duties',
  type: 'object',
  required: ['apiVersion', 'kind', 'name', 'title', 'scope', 'principles', 'rules', 'ladder', 'reporting'],
  additionalProperties: false,
  properties: {
    ...header('RuleSet'),
    name: id,
    title: localizedText,
    locale: {enum: LOCALE_ENUM},
    summary: localizedText,
    scope: {...localizedText, description: 'Where the rules apply: channels, events, private messages about the community'},
    principles: {type: 'array', minItems: 1, items: localizedText},
    rules: {type: 'array', minItems: 1, items: rule},
    ladder: {
      type: 'object',
      required: ['rungs'],
      additionalProperties: false,
      properties: {
        rungs: {
          type: 'array',
          minItems: 1,
          items: rung,
          description: 'Lowest first, e.g. reminder → warning → mute → temporary removal → permanent removal',
        },
        start,
        expireAfterDays,
      },
    },
    reporting,
    moderatorDuties: textList,
  },
} as const

/** The `rules:` section of community.yaml: a template and changes to it. */
export const rulesOverridesSchema = {
  type: 'object',
  additionalProperties: false,
  description: 'Rules (群规): a bundled template and your changes; see `commops rules generate`',
  properties: {
    template: {enum: RULE_TEMPLATES, description: 'standard | strict | open-source | brand (default: by community type)'},
    title: localizedText,
    summary: localizedText,
    scope: localizedText,
    principles: {type: 'array', minItems: 1, items: localizedText, description: "Replaces the template's principles"},
    add: {type: 'array', items: rule, description: 'Rules of your own'},
    remove: {type: 'array', items: {type: 'string'}, uniqueItems: true, description: 'Ids of template rules to drop'},
    change: {
      type: 'object',
      description: 'Changes to template rules, by rule id',
      additionalProperties: {type: 'object', additionalProperties: false, minProperties: 1, properties: ruleFields},
    },
    ladder: {
      type: 'object',
      description: 'Changes to rungs, by rung id, e.g. {mute: {duration: P3D}}; {enabled: false} drops a rung',
      additionalProperties: {type: 'object', additionalProperties: false, minProperties: 1, properties: {...rungFields, enabled: {type: 'boolean'}}},
    },
    start,
    expireAfterDays,
    reporting: {...reporting, description: "Replaces the template's reporting channels"},
    moderatorDuties: {...textList, description: "Replaces the template's moderator duties"},
  },
} as const

/** `with:` of the rules.generate step. */
export const rulesStepSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    template: {enum: RULE_TEMPLATES, description: "A bundled template (default: community.yaml's rules.template, else by community type)"},
    lang: {enum: LOCALE_ENUM, description: 'Language of the exports (default: the community locale)'},
    ladder: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: {enum: RUNG_IDS},
      description: 'Keep only these rungs, e.g. [reminder, warning, mute, removal]',
    },
    expireAfterDays,
  },
} as const
