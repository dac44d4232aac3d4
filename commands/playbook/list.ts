import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {listPlaybooks, type PlaybookEntry} from '../../src/playbook/list.js'
import {locateWorkspace} from '../../src/workspace/index.js'

export default class PlaybookList extends BaseCommand<typeof PlaybookList> {
  static override description = 'List built-in and workspace playbooks with their phase and description'

  static override examples = [
    {command: '<%= config.bin %> playbook list', description: 'What can I run here?'},
    {command: '<%= config.bin %> playbook list --json', description: 'For scripts'},
  ]

  async run(): Promise<{playbooks: PlaybookEntry[]}> {
    const root = locateWorkspace({flag: this.flags.workspace})
    const playbooks = await listPlaybooks(root, this.locale)
    if (!this.jsonEnabled()) {
      this.log(
        table(
          [this.t('pb.col.name'), this.t('pb.col.phase'), this.t('pb.col.source'), this.t('pb.col.description')],
          playbooks.map((p) => [
            p.valid ? p.name : `${p.name} ⚠`,
            p.phase ? this.t(`phase.${p.phase}`) : '',
            this.t(`pb.source.${p.source}`),
            p.description,
          ]),
        ),
      )
    }
    return {playbooks}
  }
}
