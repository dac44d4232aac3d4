import {pick, type LocalizedText} from '../i18n/index.js'
import {isTruthy} from '../util/truthy.js'
import {localizedText} from '../schema/kinds/common.js'
import {StepFailure, type StepType} from './types.js'
import {headline} from '../util/text.js'

interface AssertInput {
  that: unknown
  message?: LocalizedText
  fillIn?: string
}

/** `assert`: fails the run when a condition on earlier outputs is false. */
export const assertStep: StepType<AssertInput> = {
  type: 'assert',
  schema: {
    type: 'object',
    required: ['that'],
    additionalProperties: false,
    properties: {
      that: {description: 'A condition, e.g. "${{ steps.calendar.outputs.items > 0 }}"'},
      message: localizedText,
      fillIn: {
        type: 'string',
        description:
          'A JSON pointer into community.yaml: when the condition is false, the failure points there (the user fills it in) instead of at the playbook',
      },
    },
  },
  produces: {en: 'nothing; fails the run when the condition is false', 'zh-CN': '不产生内容；条件不成立时使运行失败'},
  describe: (input, t, locale) => t('step.assert.describe', {message: headline(pick(input.message, locale) || String(input.that))}),
  plan(input, ctx) {
    const message = pick(input.message, ctx.locale) || ctx.step.id
    if (isTruthy(input.that)) return {outputs: {passed: true}}
    if (input.fillIn === undefined) throw new StepFailure(ctx.t('step.assert.failed', {message}))
    throw new StepFailure(ctx.t('step.assert.failed', {message}), ctx.t('step.fillIn.hint'), input.fillIn)
  },
}
