import {header, id, localizedText} from '../schema/kinds/common.js'
import {PHASES, VAR_TYPES} from './types.js'

const scalar = {type: ['string', 'number', 'boolean']} as const

/** JSON Schema of kind Playbook; `with:` is checked per step type by the playbook check. */
export const playbookSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://commops.dev/schemas/v1/playbook.json',
  title: 'commops Playbook',
  description: 'Steps that launch, maintain or evaluate a community',
  type: 'object',
  required: ['apiVersion', 'kind', 'name', 'phase', 'steps'],
  additionalProperties: false,
  properties: {
    ...header('Playbook'),
    name: {...id, description: 'The name used with `commops playbook run NAME`'},
    phase: {enum: PHASES},
    description: localizedText,
    tags: {type: 'array', items: {type: 'string'}},
    vars: {
      type: 'object',
      propertyNames: {pattern: '^(?!(?:__proto__|constructor|prototype)$)[A-Za-z_][A-Za-z0-9_]*$'},
      additionalProperties: {
        anyOf: [
          scalar,
          {
            type: 'object',
            additionalProperties: false,
            required: ['type'],
            properties: {
              type: {enum: VAR_TYPES},
              default: scalar,
              description: localizedText,
              required: {type: 'boolean'},
              enum: {type: 'array', items: scalar, minItems: 1},
            },
          },
        ],
        description: 'A default value, or {type, default, description, required, enum}',
      },
    },
    steps: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['id', 'uses'],
        additionalProperties: false,
        properties: {
          id,
          uses: {type: 'string', minLength: 1, description: 'The step type, e.g. tasks.create, export, note, assert'},
          name: localizedText,
          with: {type: 'object'},
          needs: {type: 'array', items: {type: 'string'}, uniqueItems: true},
          when: {type: ['string', 'boolean'], description: 'Skip the step when this is false, e.g. "${{ vars.survey }}"'},
        },
      },
    },
  },
} as const
