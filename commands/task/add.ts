import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {Store, type Task} from '../../src/store/index.js'
import {addTask} from '../../src/tasks/service.js'

export default class TaskAdd extends BaseCommand<typeof TaskAdd> {
  static override description = 'Add a task by hand, for a person or a role, with a due date and a note'

  static override examples = [
    {command: '<%= config.bin %> task add "Book the meetup venue" --owner 小王 --due 7d', description: 'For a person, due in a week'},
    {command: '<%= config.bin %> task add "Reply to the partner" --owner moderator --due 2026-12-20', description: 'For a role, by a date'},
    {command: '<%= config.bin %> task add "Order stickers" --note "200 pcs" --dry-run', description: 'Show the task; write nothing'},
  ]

  static override args = {
    title: Args.string({description: 'What to do', required: true}),
  }

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show the task it would add; write nothing'}),
    due: Flags.string({description: 'Due within a period (7d, 2w, today) or by a date (YYYY-MM-DD)'}),
    note: Flags.string({description: 'A note shown in task list'}),
    owner: Flags.string({description: 'A person (e.g. from community.yaml team:) or a role (moderator, 版主, lead…)'}),
  }

  async run(): Promise<{task: Task; dryRun: boolean}> {
    const ws = await this.workspace()
    const dryRun = this.flags['dry-run']
    const task = await addTask(
      Store.at(ws.root),
      ws,
      {title: this.args.title, owner: this.flags.owner, due: this.flags.due, note: this.flags.note},
      {now: new Date(), dryRun},
    )
    if (!this.jsonEnabled()) {
      this.log(this.t('task.added', {id: task.id, title: task.title}))
      if (dryRun) this.log(this.t('task.dryRun'))
    }
    return {task, dryRun}
  }
}
