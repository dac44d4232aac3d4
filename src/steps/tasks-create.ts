import {LOCALES, pick, type LocalizedText} from '../i18n/index.js'
import {localizedText} from '../schema/kinds/common.js'
import type {ChecklistData} from '../artifacts/plain.js'
import {StepFailure, type DesiredTask, type StepType} from './types.js'
import {relativeDate} from '../util/dates.js'
import {canonicalJson, stableHash} from '../util/json.js'
import {headline} from '../util/text.js'

interface TasksInput {
  title?: LocalizedText
  tasks: Array<{title: LocalizedText; owner?: LocalizedText; due?: string; key?: string}>
}

/** `tasks.create`: a checklist of manual work (invite seed users, pin the rules…) added to the task list. */
export const tasksCreate: StepType<TasksInput> = {
  type: 'tasks.create',
  schema: {
    type: 'object',
    required: ['tasks'],
    additionalProperties: false,
    properties: {
      title: localizedText,
      tasks: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          required: ['title'],
          additionalProperties: false,
          properties: {
            title: localizedText,
            owner: localizedText,
            due: {type: 'string', description: 'Relative to the run (+3d, +2w) or a date (YYYY-MM-DD)'},
            key: {type: 'string', minLength: 1, description: 'A stable identity for the task across runs and languages (default: from the title)'},
          },
        },
      },
    },
  },
  produces: {en: 'a checklist of manual tasks, added to `commops task list`', 'zh-CN': '人工任务清单，加入 `commops task list`'},
  describe: (input, t, locale) =>
    t('step.tasks.describe', {count: input.tasks.length, titles: headline(input.tasks.map((x) => pick(x.title, locale)).join('; '))}),
  plan(input, ctx) {
    const tasks: DesiredTask[] = input.tasks.map((task) => {
      const title = pick(task.title, ctx.locale)
      let due: string | undefined
      if (task.due !== undefined) {
        due = relativeDate(String(task.due), ctx.run.date)
        if (!due) throw new StepFailure(ctx.t('step.tasks.badDue', {title, due: task.due}))
      }
      const owner = pick(task.owner, ctx.locale) || undefined
      const keyOf = (identity: string) => stableHash([ctx.playbook.name, ctx.step.id, identity])
      if (task.key !== undefined || typeof task.title === 'string') return {key: keyOf(task.key ?? title), title, owner, due}
      // the same task whatever the language of the run; older commops keyed it by the title in the run's language
      const legacy = LOCALES.map((l) => keyOf(pick(task.title, l)))
      return {key: keyOf(`title:${canonicalJson(task.title)}`), aliases: legacy, title, owner, due}
    })
    const data: ChecklistData = {
      title: pick(input.title, ctx.locale) || ctx.t('step.tasks.checklist'),
      tasks: tasks.map(({title, owner, due}) => ({title, owner, due})),
    }
    return {
      artifacts: [{id: ctx.artifactId, kind: 'checklist', title: data.title, data}],
      tasks,
      outputs: {count: tasks.length},
    }
  },
}
