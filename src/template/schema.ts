import type {LocalizedText} from '../i18n/index.js'
import {header, id, localizedText} from '../schema/kinds/common.js'
import {COMMUNITY_TYPES} from '../schema/kinds/community.js'

export const PARAM_TYPES = ['string', 'integer', 'number', 'boolean', 'date', 'timezone', 'locale', 'enum'] as const
export type ParamType = (typeof PARAM_TYPES)[number]

/** A parameter value once parsed; an optional parameter left unset is ''. */
export type ParamValue = string | number | boolean

export interface TemplateParam {
  type: ParamType
  prompt: Record<'zh-CN' | 'en', string>
  description?: LocalizedText
  default?: string | number | boolean
  required?: boolean
  options?: string[]
  pattern?: string
}

/** Maps one file under files/ to a target path, only when every `when` parameter has the given value. */
export interface FileRule {
  from: string
  to?: string
  when?: Record<string, string | number | boolean>
}

/** The typed shape of template.yaml (kind Template). */
export interface TemplateDoc {
  apiVersion: 'commops/v1'
  kind: 'Template'
  name: string
  description?: LocalizedText
  communityType: (typeof COMMUNITY_TYPES)[number]
  tags?: string[]
  parameters: Record<string, TemplateParam>
  files?: FileRule[]
}

const scalar = {type: ['string', 'number', 'boolean']} as const

/** Parameter names: identifiers starting with a letter, so `__proto__` and friends cannot even be declared. */
export const PARAM_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$'

const param = {
  type: 'object',
  required: ['type', 'prompt'],
  additionalProperties: false,
  properties: {
    type: {enum: PARAM_TYPES},
    prompt: {
      type: 'object',
      description: 'The question asked on a terminal, in both languages',
      required: ['zh-CN', 'en'],
      additionalProperties: false,
      properties: {'zh-CN': {type: 'string', minLength: 1}, en: {type: 'string', minLength: 1}},
      'x-hint': {en: 'Write prompt: {zh-CN: 社群名称, en: Community name}.', 'zh-CN': '请写成 prompt: {zh-CN: 社群名称, en: Community name}。'},
    },
    description: localizedText,
    default: scalar,
    required: {type: 'boolean', description: 'Must be given (by --set or a prompt) when there is no default'},
    options: {
      type: 'array',
      items: {type: 'string', minLength: 1},
      minItems: 1,
      uniqueItems: true,
      description: 'The allowed values of an enum parameter',
    },
    pattern: {type: 'string', minLength: 1, description: 'A regular expression a string value must match'},
  },
} as const

/** JSON Schema of template.yaml (kind Template). */
export const templateSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://commops.dev/schemas/v1/template.json',
  title: 'commops Template',
  description: 'A client template: parameters and a files/ folder rendered into a new workspace by `commops template apply`',
  type: 'object',
  required: ['apiVersion', 'kind', 'name', 'communityType', 'parameters'],
  additionalProperties: false,
  properties: {
    ...header('Template'),
    name: {...id, description: 'The name used with `commops template apply NAME`'},
    description: localizedText,
    communityType: {enum: COMMUNITY_TYPES},
    tags: {type: 'array', items: {type: 'string'}},
    parameters: {
      type: 'object',
      propertyNames: {pattern: PARAM_NAME_PATTERN},
      additionalProperties: param,
      'x-hint': {
        en: 'Parameter names start with a letter and use letters, digits and _.',
        'zh-CN': '参数名以字母开头，只能包含字母、数字和 _。',
      },
    },
    files: {
      type: 'array',
      description: 'Rules for files under files/ that are renamed or included only for some values; other files keep their path',
      items: {
        type: 'object',
        required: ['from'],
        additionalProperties: false,
        properties: {
          from: {type: 'string', minLength: 1, description: 'A path under files/'},
          to: {type: 'string', minLength: 1, description: 'The target path in the workspace; may hold {{param}} placeholders'},
          when: {
            type: 'object',
            propertyNames: {pattern: PARAM_NAME_PATTERN},
            additionalProperties: scalar,
            description: 'Parameter values that must all match, e.g. {locale: zh-CN}',
          },
        },
      },
    },
  },
} as const
