import {CommopsError} from '../errors.js'
import {pick} from '../i18n/index.js'
import {generateRuleSet} from '../rules/service.js'
import {rulesGenerateSpec, type RulesGenerateInput} from './specs/rules-generate.js'
import {StepFailure, type StepType} from './types.js'

/** `rules.generate`: the community's rule set (template + community.yaml `rules:`), kept as a `ruleset` artifact. */
export const rulesGenerate: StepType<RulesGenerateInput> = {
  ...rulesGenerateSpec,
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
