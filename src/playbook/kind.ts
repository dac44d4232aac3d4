/** The Playbook kind: its schema and its checks against the catalogue of step types (their specs, not their behaviour). */
import type {KindDef} from '../schema/kind-def.js'
import {STEP_SPECS} from '../steps/catalogue.js'
import {checkPlaybook} from './check.js'
import {playbookSchema} from './schema.js'

export const playbookKind: KindDef = {
  kind: 'Playbook',
  stem: 'playbook',
  schema: playbookSchema,
  checks: [(value, doc) => checkPlaybook(value, doc, STEP_SPECS)],
  alone: true,
}
