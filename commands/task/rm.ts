import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {Store, type Task} from '../../src/store/index.js'
import {removeTasks} from '../../src/tasks/service.js'

export default class TaskRm extends BaseCommand<typeof TaskRm> {
  static override description =
    'Remove tasks. A task added by hand is deleted; a task a playbook made is remembered as removed, so running the playbook again does not bring it back. To keep a record, use `task done` instead'

  static override examples = [
    {command: '<%= config.bin %> task rm T7', description: 'Remove one task'},
    {command: '<%= config.bin %> task rm T7 T8 --dry-run', description: 'Show what would be removed; write nothing'},
  ]

  static override args = {
    ids: Args.string({description: 'Task ids, e.g. T7', required: true}),
  }

  static override strict = false

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show what would be removed; write nothing'}),
  }

  async run(): Promise<{removed: Array<{task: Task; remembered: boolean}>; dryRun: boolean}> {
    const ws = await this.workspace()
    const dryRun = this.flags['dry-run']
    const removed = await removeTasks(Store.at(ws.root), this.positional, {now: new Date(), dryRun})
    if (!this.jsonEnabled()) {
      for (const {task} of removed) this.log(this.t('task.removed', {id: task.id, title: task.title}))
      if (removed.some((x) => x.remembered)) this.log(this.t('task.removed.remembered'))
      if (dryRun) this.log(this.t('task.dryRun'))
    }
    return {removed, dryRun}
  }
}
