import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {Store, type Task} from '../../src/store/index.js'
import {completeTasks} from '../../src/tasks/service.js'

export default class TaskDone extends BaseCommand<typeof TaskDone> {
  static override description = 'Mark tasks done (or reopen them with --undo)'

  static override examples = [
    {command: '<%= config.bin %> task done T12', description: 'One task'},
    {command: '<%= config.bin %> task done T3 T4 T5', description: 'Several at once'},
    {command: '<%= config.bin %> task done T12 --undo', description: 'Reopen a task'},
  ]

  static override args = {
    ids: Args.string({description: 'Task ids, e.g. T12', required: true}),
  }

  static override strict = false

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show the change; write nothing'}),
    undo: Flags.boolean({description: 'Reopen the tasks instead (done or obsolete ones); playbook runs then leave them open'}),
  }

  async run(): Promise<{tasks: Task[]}> {
    const ws = await this.workspace()
    const dryRun = this.flags['dry-run']
    const changed = await completeTasks(Store.at(ws.root), this.positional, {undo: this.flags.undo, now: new Date(), dryRun})
    if (!this.jsonEnabled()) {
      for (const task of changed) this.log(this.t(this.flags.undo ? 'task.reopened' : 'task.done', {id: task.id, title: task.title}))
      if (dryRun) this.log(this.t('task.dryRun'))
    }
    return {tasks: changed}
  }
}
