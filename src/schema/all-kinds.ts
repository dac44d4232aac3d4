/** Importing this module registers every kind and semantic check, so validate and schema see them all. */
import {checkPlaybook} from '../playbook/check.js'
import {playbookSchema} from '../playbook/schema.js'
import {checkTemplate} from '../template/check.js'
import {templateSchema} from '../template/schema.js'
import {registerKind} from './kinds/index.js'
import {checkCommunity} from '../workspace/check.js'
import {registerCheck} from './validate.js'

registerKind({kind: 'Playbook', stem: 'playbook', schema: playbookSchema as unknown as Record<string, unknown>})
registerCheck('Playbook', checkPlaybook)
registerKind({kind: 'Template', stem: 'template', schema: templateSchema as unknown as Record<string, unknown>})
registerCheck('Template', checkTemplate)
registerCheck('Community', checkCommunity)

export {allKinds, findKind} from './kinds/index.js'
