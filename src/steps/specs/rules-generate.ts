import type {Locale} from '../../i18n/index.js'
import {rulesStepSchema} from '../../schema/kinds/ruleset.js'
import type {StepSpec} from '../types.js'

export interface RulesGenerateInput {
  template?: string
  lang?: Locale
  ladder?: string[]
  expireAfterDays?: number
}

/** The spec of `rules.generate`: the community's rule set (template + community.yaml `rules:`), kept as a `ruleset` artifact. */
export const rulesGenerateSpec: StepSpec<RulesGenerateInput> = {
  type: 'rules.generate',
  schema: rulesStepSchema,
  produces: {
    en: 'a rule set (principles, rules, enforcement ladder, reporting), exportable as md (CODE_OF_CONDUCT.md), txt, json; incidents via `commops rules incident add`',
    'zh-CN': '群规（原则、规则、处理阶梯、举报渠道），可导出 md（CODE_OF_CONDUCT.md）、txt、json；违规记录用 `commops rules incident add`',
  },
  describe: (input, t) =>
    t('rules.step.describe', {
      template: input.template ?? t('rules.step.configured'),
      ladder: input.ladder?.join(' → ') ?? t('rules.step.fullLadder'),
    }),
}
