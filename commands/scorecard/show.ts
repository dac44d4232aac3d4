import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {translator} from '../../src/i18n/index.js'
import {scorecardText} from '../../src/scorecard/format-text.js'
import {gateFailure, renderScorecard, SCORECARD_FORMATS, showScorecard, type Gate} from '../../src/scorecard/service.js'
import type {ScorecardView} from '../../src/scorecard/types.js'
import {Store} from '../../src/store/index.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'
import {resolveOut} from '../../src/util/out-path.js'

export default class ScorecardShow extends BaseCommand<typeof ScorecardShow> {
  static override description =
    'Show a stored scorecard (the latest, or one period): scores, grades, each metric with its value, target and explanation, and the change since the previous one'

  static override examples = [
    {command: '<%= config.bin %> scorecard show', description: 'The latest scorecard'},
    {
      command: '<%= config.bin %> scorecard show --period 2026-10 --format md --out out/scorecard-2026-10.md',
      description: 'October as Markdown, for the report',
    },
    {command: '<%= config.bin %> scorecard show --format junit --fail-under 75', description: 'In CI: JUnit XML, exit 1 when the score is below 75'},
  ]

  static override flags = {
    'fail-under': Flags.string({description: 'Exit 1 when the overall score is below a grade (B) or a score (75)'}),
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    format: Flags.option({description: 'Write the scorecard as md, json, sarif or junit (default: a table)', options: SCORECARD_FORMATS})(),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: 'scorecard.<format>'})}),
    period: Flags.string({char: 'p', description: 'The period (2026-10) or stored key (default: the latest)'}),
  }

  async run(): Promise<ScorecardView & {gate?: Gate; path?: string}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const format = this.flags.format ?? (this.flags.out ? 'md' : undefined)
    const target = this.flags.out === undefined ? undefined : resolveOut(this.flags.out, `scorecard.${format}`)
    const view = await showScorecard(store, {period: this.flags.period, failUnder: this.flags['fail-under']})
    let written: string | undefined
    if (format) {
      const text = renderScorecard(view, format, {t: this.t, locale: this.locale, root: ws.root, version: this.config.version})
      if (target && !target.stdout) {
        written = (await writeOwnedFile(store, target.full, text, {force: this.flags.force})).path
        this.note(written)
      } else if (!this.jsonEnabled()) process.stdout.write(text)
    } else if (!this.jsonEnabled()) this.log(scorecardText(view, this.t, table))
    const out = {...view, ...(written ? {path: written} : {})}
    if (view.gate && !view.gate.passed) {
      if (this.jsonEnabled()) this.logJson(out)
      else process.stderr.write(`${this.t('error.label')}: ${this.t(gateFailure(view))}\n`)
      this.exit(1)
    }
    return out
  }
}
