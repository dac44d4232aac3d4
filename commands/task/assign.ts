import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {UsageError} from '../../src/errors.js'
import {Store, type Task} from '../../src/store/index.js'
import {assignTasks} from '../../src/tasks/service.js'

export default class TaskAssign extends BaseCommand<typeof TaskAssign> {
  static override description =
    "Give tasks to a person or a role. A person is kept next to the task's role; a role (moderator, 版主…) replaces it. Playbook runs keep the choice"

  static override examples = [
    {command: '<%= config.bin %> task assign T3 小王', description: 'T3 is for 小王'},
    {command: '<%= config.bin %> task assign T3 T4 moderator', description: 'Two tasks for whoever moderates'},
  ]

  static override args = {
    ids: Args.string({description: 'Task ids, e.g. T3', required: true}),
    who: Args.string({description: 'A person or a role (the last argument)', required: true}),
  }

  static override strict = false

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show the change; write nothing'}),
  }

  async run(): Promise<{tasks: Task[]; dryRun: boolean}> {
    const who = this.positional.at(-1) ?? ''
    const ids = this.positional.slice(0, -1)
    if (ids.length === 0) throw new UsageError({key: 'task.assignUsage'}, {hint: {key: 'task.assignUsage.hint'}})
    const ws = await this.workspace()
    const dryRun = this.flags['dry-run']
    const {tasks, known} = await assignTasks(Store.at(ws.root), ws, ids, who, {now: new Date(), dryRun})
    if (!known) this.note(this.t('task.notInTeam', {who}))
    if (!this.jsonEnabled()) {
      for (const task of tasks) this.log(this.t('task.assigned', {id: task.id, who: task.assignee ?? task.owner ?? '', title: task.title}))
      if (tasks.some((x) => x.source)) this.log(this.t('task.keptEdits'))
      if (dryRun) this.log(this.t('task.dryRun'))
    }
    return {tasks, dryRun}
  }
}
