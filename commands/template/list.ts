import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {listTemplates, type TemplateEntry} from '../../src/template/load.js'
import {templatesDir} from '../../src/util/paths.js'

export default class TemplateList extends BaseCommand<typeof TemplateList> {
  static override description = 'List client templates: community type, description and the parameters each one takes'

  static override examples = [
    {command: '<%= config.bin %> template list', description: 'The bundled templates (brand, knowledge Q&A, interest group, open source)'},
    {command: '<%= config.bin %> template list --lang en', description: 'Descriptions and prompts in English'},
    {command: '<%= config.bin %> template list ./my-templates', description: 'Templates kept in a folder of your own'},
    {command: '<%= config.bin %> template list --json', description: 'For scripts: every parameter with its type, default and options'},
  ]

  static override args = {
    dir: Args.string({description: 'A folder of templates (one subfolder with template.yaml each); default: the bundled templates'}),
  }

  async run(): Promise<{templates: TemplateEntry[]}> {
    const templates = await listTemplates(this.locale, this.args.dir)
    if (!this.jsonEnabled()) {
      if (templates.length === 0) {
        this.log(this.t('template.list.empty', {dir: this.args.dir ?? templatesDir()}))
        return {templates}
      }
      this.log(
        table(
          [this.t('template.col.name'), this.t('template.col.type'), this.t('template.col.description'), this.t('template.col.parameters')],
          templates.map((t) => [
            t.valid ? t.name : `${t.name} ⚠`,
            t.communityType,
            t.description.split(/[:：]/)[0],
            t.parameters.map((p) => (p.required ? `${p.name}*` : p.name)).join(', '),
          ]),
        ),
      )
      this.log('')
      this.log(this.t('template.list.next'))
    }
    return {templates}
  }
}
