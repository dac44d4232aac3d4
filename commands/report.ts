import {Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {periodFlags} from '../src/cli/period-flags.js'
import {UsageError} from '../src/errors.js'
import {translator} from '../src/i18n/index.js'
import {reportContent, reportOutput} from '../src/report/service-output.js'
import {REPORT_FORMATS, type ReportModel} from '../src/report/types.js'
import {Store} from '../src/store/index.js'
import {writeOwnedFile} from '../src/util/owned-file.js'
import {resolveOut} from '../src/util/out-path.js'

export default class Report extends BaseCommand<typeof Report> {
  static override description =
    'The operations summary report (运营总结报告) of a period: overview, strategy, practice, evaluation, optimisation suggestions and outlook, filled from the workspace; Markdown, one self-contained HTML file with charts, or PDF printed by a local Chromium'

  static override examples = [
    {command: '<%= config.bin %> report --period 2026-Q4', description: 'The fourth quarter as Markdown on stdout'},
    {
      command: '<%= config.bin %> report --period 2026-Q4 --format html --out ~/deliverables/acme-2026Q4.html',
      description: 'One HTML file to hand the client (prints on A4)',
    },
    {
      command: '<%= config.bin %> report --period 2026-10 --format pdf --out out/report-2026-10.pdf --lang zh-CN',
      description: 'October in Chinese, as PDF',
    },
    {
      command: '<%= config.bin %> report --from 2026-07-01 --to 2026-09-30 --format html --out out/',
      description: 'A custom period, with the scorecard the evaluate playbook computed for it',
    },
    {command: '<%= config.bin %> report --period 2026-Q4 --json', description: 'The gathered figures as JSON'},
  ]

  static override flags = {
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    from: periodFlags.from,
    format: Flags.option({description: 'md, html or pdf (pdf needs --out and a Chromium on the machine)', options: REPORT_FORMATS, default: 'md'})(),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: 'report-<period>.<format>'})}),
    period: Flags.string({
      char: 'p',
      description:
        'A quarter 2026-Q4, month 2026-10 or ISO week 2026-W44, or quarter|month|week for the last full one (default: the last full quarter)',
    }),
    to: periodFlags.to,
  }

  async run(): Promise<ReportModel & {path?: string}> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const {format, from, out, period, to} = this.flags
    // before the figures are gathered: a PDF goes to a file, never the terminal (reportOutput then checks for a browser)
    if (format === 'pdf' && (out === undefined || out === '-')) {
      throw new UsageError({key: 'report.pdf.needsOut'}, {hint: {key: 'report.pdf.needsOut.hint'}})
    }
    const output = await reportOutput(ws, store, {period, from, to, format, locale: this.locale, now: new Date()})
    const {model, text, name} = output
    const target = out === undefined ? undefined : resolveOut(out, name)
    if (!target || target.stdout) {
      if (!this.jsonEnabled()) process.stdout.write(text)
      return model
    }
    const written = await writeOwnedFile(store, target.full, await reportContent(output), {force: this.flags.force})
    this.note(this.t('report.written', {path: written.shown}))
    return {...model, path: written.path}
  }
}
