/** The Playbook kind: its schema and its checks against the catalogue of step types. */
import type {KindDef} from '../schema/kind-def.js'
import {STEP_TYPES} from '../steps/registry.js'
import {checkPlaybook} from './check.js'
import {playbookSchema} from './schema.js'

export const playbookKind: KindDef = {
  kind: 'Playbook',
  stem: 'playbook',
  schema: playbookSchema,
  checks: [(value, doc) => checkPlaybook(value, doc, STEP_TYPES)],
}
