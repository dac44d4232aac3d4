import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {periodFlags} from '../../src/cli/period-flags.js'
import {table} from '../../src/cli/table.js'
import {translator} from '../../src/i18n/index.js'
import {scorecardText} from '../../src/scorecard/format-text.js'
import {workspaceMetrics} from '../../src/scorecard/load-metrics.js'
import {computeScorecard, gateFailure, renderScorecard, SCORECARD_FORMATS, type ComputedScorecard} from '../../src/scorecard/service.js'
import {Store} from '../../src/store/index.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'
import {resolveOut} from '../../src/util/out-path.js'

export default class ScorecardCompute extends BaseCommand<typeof ScorecardCompute> {
  static override description =
    'Grade a period: every metric against its target (0–100), dimensions and the whole as weighted means, a grade, the change since the previous scorecard. Kept in the store; computing a period again replaces it'

  static override examples = [
    {command: '<%= config.bin %> scorecard compute --period 2026-10', description: 'October, graded and compared with September'},
    {command: '<%= config.bin %> scorecard compute --period 2026-10 --fail-under B', description: 'In CI: exit 1 when the overall grade is below B'},
    {
      command: '<%= config.bin %> scorecard compute --period 2026-Q4 --format sarif --out out/scorecard.sarif',
      description: 'A quarter, as SARIF for code scanning',
    },
    {command: '<%= config.bin %> scorecard compute --period 2026-10 --channel wechat-main --dry-run', description: 'One channel, without saving'},
    {
      command: '<%= config.bin %> scorecard compute --from 2026-07-01 --to 2026-09-30',
      description: 'A custom period, as the evaluate playbook grades it',
    },
  ]

  static override flags = {
    channel: Flags.string({description: 'Only events of this channel (repeatable)', multiple: true}),
    'dry-run': Flags.boolean({description: 'Grade and show; save nothing'}),
    'fail-under': Flags.string({description: 'Exit 1 when the overall score is below a grade (B) or a score (75)'}),
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    from: periodFlags.from,
    format: Flags.option({description: 'Write the scorecard as md, json, sarif or junit (default: a table)', options: SCORECARD_FORMATS})(),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: 'scorecard.<format>'})}),
    period: Flags.string({char: 'p', description: 'The period: 2026-10, 2026-Q4, 2026-W44, 2026-10-05 (default: the last full month)'}),
    platform: Flags.string({description: 'Only members of this platform (repeatable)', multiple: true}),
    spec: Flags.string({description: 'A ScorecardSpec file (default: scorecard.yaml in the workspace, else the default spec)'}),
    to: periodFlags.to,
  }

  async run(): Promise<ComputedScorecard & {path?: string}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const format = this.flags.format ?? (this.flags.out ? 'md' : undefined)
    const target = this.flags.out === undefined ? undefined : resolveOut(this.flags.out, `scorecard.${format}`) // a bad --out fails first
    const filter = {...(this.flags.channel ? {channel: this.flags.channel} : {}), ...(this.flags.platform ? {platform: this.flags.platform} : {})}
    const result = await computeScorecard(
      store,
      ws,
      {
        period: this.flags.period,
        from: this.flags.from,
        to: this.flags.to,
        filter,
        specFile: this.flags.spec,
        failUnder: this.flags['fail-under'],
        now: new Date(),
        dryRun: this.flags['dry-run'],
      },
      workspaceMetrics,
    )
    let written: string | undefined
    if (format) {
      const text = renderScorecard(result, format, {t: this.t, locale: this.locale, root: ws.root, version: this.config.version})
      if (target && !target.stdout) written = (await writeOwnedFile(store, target.full, text, {force: this.flags.force})).path
      else if (!this.jsonEnabled()) process.stdout.write(text)
    } else if (!this.jsonEnabled()) this.log(scorecardText(result, this.t, table))
    if (this.flags['dry-run']) this.note(this.t('scorecard.text.dryRun'))
    else this.note(this.t(result.replaced ? 'scorecard.text.replaced' : 'scorecard.text.saved', {key: result.card.key}))
    const out = {...result, ...(written ? {path: written} : {})}
    if (result.gate && !result.gate.passed) {
      if (this.jsonEnabled()) this.logJson(out)
      else process.stderr.write(`${this.t('error.label')}: ${this.t(gateFailure(result))}\n`)
      this.exit(1)
    }
    return out
  }
}
