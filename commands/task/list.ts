import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {UsageError} from '../../src/errors.js'
import {dateIn} from '../../src/util/dates.js'
import {Store, type Task} from '../../src/store/index.js'
import {dueLimit, selectTasks} from '../../src/tasks/index.js'

export default class TaskList extends BaseCommand<typeof TaskList> {
  static override description = 'List the manual tasks playbooks created (invite seed users, pin the rules…), by due date'

  static override examples = [
    {command: '<%= config.bin %> task list', description: 'Open tasks'},
    {command: '<%= config.bin %> task list --due 7d', description: 'Open tasks due within a week (and overdue ones)'},
    {command: '<%= config.bin %> task list --owner 小王 --json', description: "One person's tasks, as JSON"},
    {command: '<%= config.bin %> task list --all', description: 'Done tasks too'},
  ]

  static override flags = {
    all: Flags.boolean({char: 'a', description: 'Include done tasks'}),
    due: Flags.string({description: 'Only tasks due within a period (7d, 2w, today) or by a date (YYYY-MM-DD)'}),
    owner: Flags.string({description: 'Only tasks of this owner'}),
    playbook: Flags.string({description: 'Only tasks created by this playbook'}),
  }

  async run(): Promise<{tasks: Task[]; today: string}> {
    const ws = await this.workspace()
    const today = dateIn(new Date(), ws.timezone)
    let dueBy: string | undefined
    if (this.flags.due !== undefined) {
      dueBy = dueLimit(this.flags.due, today)
      if (!dueBy) throw new UsageError({key: 'task.badDue', params: {value: this.flags.due}})
    }
    const db = await Store.at(ws.root).read()
    const tasks = selectTasks(db.tasks, {dueBy, owner: this.flags.owner, all: this.flags.all, playbook: this.flags.playbook})
    if (!this.jsonEnabled()) {
      if (tasks.length === 0) this.log(this.t('task.none'))
      else {
        this.log(
          table(
            [
              this.t('task.col.id'),
              this.t('task.col.title'),
              this.t('task.col.owner'),
              this.t('task.col.due'),
              this.t('task.col.status'),
              this.t('task.col.source'),
            ],
            tasks.map((x) => [
              x.id,
              x.title,
              x.owner,
              x.due,
              x.status === 'open' && x.due && x.due < today ? this.t('task.overdue') : this.t(`task.status.${x.status}`),
              x.source ? `${x.source.playbook}/${x.source.step}` : '',
            ]),
          ),
        )
        this.log(this.t('task.count', {count: tasks.length}))
      }
    }
    return {tasks, today}
  }
}
