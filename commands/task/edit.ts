import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {Store, type Task, type TaskField} from '../../src/store/index.js'
import {editTasks} from '../../src/tasks/service.js'

export default class TaskEdit extends BaseCommand<typeof TaskEdit> {
  static override description =
    'Change tasks by hand: title, due date, owner (a person or a role) or note; an empty value clears due, owner and note. Playbook runs keep what you change'

  static override examples = [
    {command: '<%= config.bin %> task edit T3 --due 2026-12-20', description: 'A new due date'},
    {command: '<%= config.bin %> task edit T3 --due 3d --note "waiting for the venue"', description: 'Due in three days, with a note'},
    {command: '<%= config.bin %> task edit T3 T4 --owner 版主', description: 'Two tasks for the moderators'},
    {command: '<%= config.bin %> task edit T5 --title "Pin the rules in both groups" --json', description: 'A clearer title, as JSON'},
  ]

  static override args = {
    ids: Args.string({description: 'Task ids, e.g. T3', required: true}),
  }

  static override strict = false

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show the change; write nothing'}),
    due: Flags.string({description: 'Due within a period (7d, 2w, today) or by a date (YYYY-MM-DD); "" clears it'}),
    note: Flags.string({description: 'A note shown in task list; "" clears it'}),
    owner: Flags.string({description: 'A person or a role (moderator, 版主, lead…); "" clears it'}),
    title: Flags.string({description: 'A new title'}),
  }

  async run(): Promise<{tasks: Array<{task: Task; changed: TaskField[]}>; dryRun: boolean}> {
    const ws = await this.workspace()
    const dryRun = this.flags['dry-run']
    const {title, due, owner, note} = this.flags
    const tasks = await editTasks(Store.at(ws.root), ws, this.positional, {title, due, owner, note}, {now: new Date(), dryRun})
    if (!this.jsonEnabled()) {
      for (const {task, changed} of tasks) {
        const fields = changed.map((f) => this.t(`task.field.${f}`)).join(', ')
        this.log(
          changed.length > 0
            ? this.t('task.edited', {id: task.id, fields, title: task.title})
            : this.t('task.unchanged', {id: task.id, title: task.title}),
        )
      }
      if (tasks.some((x) => x.task.source && x.changed.length > 0)) this.log(this.t('task.keptEdits'))
      if (dryRun) this.log(this.t('task.dryRun'))
    }
    return {tasks, dryRun}
  }
}
