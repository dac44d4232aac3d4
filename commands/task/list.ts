import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {Store} from '../../src/store/index.js'
import {ROLES, type ListedTask} from '../../src/tasks/index.js'
import {listTasks} from '../../src/tasks/service.js'

export default class TaskList extends BaseCommand<typeof TaskList> {
  static override description =
    'List tasks by due date: the manual work playbooks created (invite seed users, pin the rules…) and tasks added by hand. --owner finds a person (through community.yaml team: roles) or a role in either language'

  static override examples = [
    {command: '<%= config.bin %> task list', description: 'Open tasks'},
    {command: '<%= config.bin %> task list --due 7d', description: 'Open tasks due within a week (and overdue ones)'},
    {command: '<%= config.bin %> task list --owner 小王 --json', description: "One person's tasks (theirs and their roles'), as JSON"},
    {command: '<%= config.bin %> task list --owner moderator', description: 'Tasks of a role (moderator, 版主 and mod all work)'},
    {command: '<%= config.bin %> task list --all', description: 'Done and obsolete tasks too'},
  ]

  static override flags = {
    all: Flags.boolean({char: 'a', description: 'Include done and obsolete tasks'}),
    due: Flags.string({description: 'Only tasks due within a period (7d, 2w, today) or by a date (YYYY-MM-DD)'}),
    owner: Flags.string({description: 'Only tasks of this person or role (zh-CN or en)'}),
    playbook: Flags.string({description: 'Only tasks created by this playbook'}),
  }

  async run(): Promise<{tasks: ListedTask[]; today: string}> {
    const ws = await this.workspace()
    const {tasks, today, ownerKnown} = await listTasks(Store.at(ws.root), ws, {
      due: this.flags.due,
      owner: this.flags.owner,
      all: this.flags.all,
      playbook: this.flags.playbook,
      now: new Date(),
    })
    if (!ownerKnown) this.note(this.t('task.ownerUnknown', {owner: this.flags.owner, roles: ROLES.map((r) => r.key).join(', ')}))
    if (!this.jsonEnabled()) {
      if (tasks.length === 0) this.log(this.t('task.none'))
      else {
        // the table's text widths load ICU's segmenter (string-width): only when a table is drawn, never for --json
        const {table} = await import('../../src/cli/table.js')
        const notes = tasks.some((x) => x.note)
        this.log(
          table(
            [
              this.t('task.col.id'),
              this.t('task.col.title'),
              this.t('task.col.owner'),
              this.t('task.col.due'),
              this.t('task.col.status'),
              this.t('task.col.source'),
              ...(notes ? [this.t('task.col.note')] : []),
            ],
            tasks.map((x) => [
              x.id,
              x.title,
              x.for,
              x.due,
              x.status === 'open' && x.due && x.due < today ? this.t('task.overdue') : this.t(`task.status.${x.status}`),
              x.source ? `${x.source.playbook}/${x.source.step}` : '',
              ...(notes ? [x.note ?? ''] : []),
            ]),
          ),
        )
        this.log(this.t('task.count', {count: tasks.length}))
      }
    }
    return {tasks, today}
  }
}
