import {CommopsError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import {generateRuleSet} from '../rules/service.js'
import {rulesStepSchema} from '../schema/kinds/ruleset.js'
import {StepFailure, type StepType} from './types.js'

interface RulesGenerateInput {
  template?: string
  lang?: Locale
  ladder?: string[]
  expireAfterDays?: number
}

/** `rules.generate`: the community's rule set (template + community.yaml `rules:`), kept as a `ruleset` artifact. */
export const rulesGenerate: StepType<RulesGenerateInput> = {
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
  async plan(input, ctx) {
    let generated
    try {
      generated = await generateRuleSet(ctx.community, {
        template: input.template,
        ladder: input.ladder,
        expireAfterDays: input.expireAfterDays,
        locale: input.lang ?? ctx.locale,
      })
    } catch (error) {
      if (error instanceof CommopsError) throw new StepFailure(ctx.t(error.msg), error.hint ? ctx.t(error.hint) : undefined)
      throw error
    }
    const {data, notes} = generated
    const {ruleset} = data
    return {
      artifacts: [{id: ctx.artifactId, kind: 'ruleset', title: pick(ruleset.title, data.locale), data}],
      outputs: {rules: ruleset.rules.length, rungs: ruleset.ladder.rungs.length, template: data.template},
      messages: [...notes.map((n) => ctx.t(n)), ctx.t('rules.step.next')],
    }
  },
}
