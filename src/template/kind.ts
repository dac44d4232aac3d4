/** The Template kind (template.yaml of a client template). */
import type {KindDef} from '../schema/kind-def.js'
import {checkTemplate} from './check.js'
import {templateSchema} from './schema.js'

export const templateKind: KindDef = {
  kind: 'Template',
  stem: 'template',
  schema: templateSchema,
  checks: [checkTemplate],
}
