import {pick, type LocalizedText} from '../i18n/index.js'
import {localizedText} from '../schema/kinds/common.js'
import type {StepType} from './types.js'
import {headline} from '../util/text.js'

interface NoteInput {
  message: LocalizedText
  title?: LocalizedText
}

/** `note`: a message shown in the run and kept for the report. */
export const noteStep: StepType<NoteInput> = {
  type: 'note',
  schema: {
    type: 'object',
    required: ['message'],
    additionalProperties: false,
    properties: {message: localizedText, title: localizedText},
  },
  produces: {en: 'a note shown in the run and the report', 'zh-CN': '在运行过程和报告中显示的备注'},
  describe: (input, t, locale) => t('step.note.describe', {message: headline(pick(input.message, locale))}),
  plan(input, ctx) {
    const message = pick(input.message, ctx.locale)
    const title = pick(input.title, ctx.locale) || ctx.step.id
    return {
      artifacts: [{id: ctx.artifactId, kind: 'note', title, data: {title, message}}],
      messages: [message],
      outputs: {message},
    }
  },
}
