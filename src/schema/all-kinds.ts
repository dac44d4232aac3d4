/** Importing this module registers every kind and semantic check, so validate and schema see them all. */
import {checkCadences} from '../calendar/community-check.js'
import {checkPlaybook} from '../playbook/check.js'
import {playbookSchema} from '../playbook/schema.js'
import {checkTemplate} from '../template/check.js'
import {templateSchema} from '../template/schema.js'
import {registerKind} from './kinds/index.js'
import {ruleSetSchema} from './kinds/ruleset.js'
import {checkCommunityRules, checkRuleSet} from '../rules/check.js'
import {checkSurvey, surveySchema} from './kinds/survey.js'
import {checkCommunity} from '../workspace/check.js'
import {registerCheck} from './validate.js'

registerKind({kind: 'Playbook', stem: 'playbook', schema: playbookSchema as unknown as Record<string, unknown>})
registerCheck('Playbook', checkPlaybook)
registerKind({kind: 'Template', stem: 'template', schema: templateSchema as unknown as Record<string, unknown>})
registerCheck('Template', checkTemplate)
registerCheck('Community', checkCommunity)
registerCheck('Community', checkCadences)
registerKind({kind: 'Survey', stem: 'survey', schema: surveySchema as unknown as Record<string, unknown>})
registerCheck('Survey', checkSurvey)
registerKind({kind: 'RuleSet', stem: 'ruleset', schema: ruleSetSchema as unknown as Record<string, unknown>})
registerCheck('RuleSet', checkRuleSet)
registerCheck('Community', checkCommunityRules)

export {allKinds, findKind} from './kinds/index.js'
