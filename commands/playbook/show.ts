import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {pick} from '../../src/i18n/index.js'
import {loadPlaybook} from '../../src/playbook/load.js'
import {dependencies} from '../../src/playbook/runner.js'
import {normalizeVars} from '../../src/playbook/vars.js'
import {getStepType} from '../../src/steps/registry.js'
import {locateWorkspace} from '../../src/workspace/index.js'
import {plainText} from '../../src/util/text.js'

export default class PlaybookShow extends BaseCommand<typeof PlaybookShow> {
  static override description = 'Show a playbook: its inputs (vars), its steps, and what each step produces'

  static override examples = [
    {command: '<%= config.bin %> playbook show launch', description: 'A built-in playbook'},
    {command: '<%= config.bin %> playbook show playbooks/weekly.yaml --json', description: 'A playbook file, as JSON'},
  ]

  static override args = {
    playbook: Args.string({description: 'Playbook name or path to a .yaml file', required: true}),
  }

  async run(): Promise<unknown> {
    const root = locateWorkspace({flag: this.flags.workspace})
    const {playbook, file, warnings} = await loadPlaybook(this.args.playbook, {root, locale: this.locale})
    for (const w of warnings) process.stderr.write(`${this.t('pb.warning', {...w, hint: w.hint ?? ''})}\n`)
    const {decls} = normalizeVars(playbook.vars ?? {})
    const vars = Object.entries(decls).map(([name, d]) => ({
      name,
      type: d.type,
      default: d.default,
      required: d.required ?? false,
      description: pick(d.description, this.locale),
    }))
    const steps = playbook.steps.map((s) => {
      const type = getStepType(s.uses)
      return {
        id: s.id,
        uses: s.uses,
        name: pick(s.name, this.locale) || s.id,
        needs: dependencies(s),
        when: s.when,
        produces: type ? type.produces[this.locale] : '',
        with: s.with ?? {},
      }
    })
    const result = {name: playbook.name, phase: playbook.phase, description: pick(playbook.description, this.locale), file, vars, steps}
    if (!this.jsonEnabled()) {
      this.log(`${result.name} — ${this.t(`phase.${result.phase}`)}`)
      if (result.description) this.log(result.description)
      this.log(`${this.t('pb.file')}: ${file}\n`)
      if (vars.length) {
        this.log(this.t('pb.vars'))
        this.log(
          table(
            [this.t('pb.col.name'), this.t('pb.col.type'), this.t('pb.col.default'), this.t('pb.col.description')],
            vars.map((v) => [
              `--var ${v.name}=`,
              v.type,
              v.default === undefined ? (v.required ? this.t('pb.required') : '') : plainText(v.default),
              v.description,
            ]),
          ),
        )
        this.log('')
      }
      this.log(this.t('pb.steps'))
      this.log(
        table(
          ['#', this.t('pb.col.step'), this.t('pb.col.uses'), this.t('pb.col.needs'), this.t('pb.col.produces')],
          steps.map((s, i) => [
            i + 1,
            s.name === s.id ? s.id : `${s.id} (${s.name})`,
            s.uses + (s.when === undefined ? '' : ' ?'),
            s.needs.join(', '),
            s.produces,
          ]),
        ),
      )
    }
    return result
  }
}
