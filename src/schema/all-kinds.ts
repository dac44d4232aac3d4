/** Importing this module registers every kind and semantic check, so validate and schema see them all. */
import {checkPlaybook} from '../playbook/check.js'
import {playbookSchema} from '../playbook/schema.js'
import {registerKind} from './kinds/index.js'
import {registerCheck} from './validate.js'

registerKind({kind: 'Playbook', stem: 'playbook', schema: playbookSchema as unknown as Record<string, unknown>})
registerCheck('Playbook', checkPlaybook)

export {allKinds, findKind} from './kinds/index.js'
