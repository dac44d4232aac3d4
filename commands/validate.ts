import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../src/cli/base-command.js'
import {UsageError} from '../src/errors.js'
import {formatGithub, formatJson, formatJunit, formatSarif, formatText, REPORT_FORMATS, type Report} from '../src/schema/report.js'
import {validatePaths} from '../src/schema/service.js'
import {findWorkspaceRoot, locateWorkspace, peekLocale} from '../src/workspace/index.js'
import {type Locale, resolveLocale} from '../src/i18n/index.js'
import path from 'node:path'

export default class Validate extends BaseCommand<typeof Validate> {
  static override description = 'Check community.yaml, playbooks and other commops files against their schemas, with file:line:col for every problem'

  static override examples = [
    {command: '<%= config.bin %> validate', description: 'Check the current workspace (community.yaml, playbooks/ and every other *.yaml in it)'},
    {
      command: '<%= config.bin %> validate configs/ --format sarif > results.sarif',
      description: 'In CI: check a folder of community configs and upload the SARIF report',
    },
    {
      command: '<%= config.bin %> validate community.yaml playbooks/launch.yaml --format github',
      description: 'GitHub Actions annotations on the pull request',
    },
    {command: '<%= config.bin %> validate --format junit > junit.xml', description: 'A JUnit report for CI dashboards'},
    {command: '<%= config.bin %> validate --strict', description: 'In CI: fail on warnings too, e.g. placeholders left in community.yaml'},
  ]

  static override args = {
    paths: Args.string({description: 'Files or folders to check (folders are searched for *.yaml / *.yml); default: the workspace'}),
  }

  static override strict = false

  static override flags = {
    format: Flags.option({char: 'f', default: 'text' as const, description: 'Output format', options: REPORT_FORMATS})(),
    strict: Flags.boolean({description: 'Exit 1 on warnings too (placeholders still to fill in, …), for CI', default: false}),
  }

  async run(): Promise<Report> {
    let inputs = this.positional
    const cwd = process.cwd()
    if (inputs.length === 0) {
      const root = locateWorkspace({flag: this.flags.workspace})
      if (!root) throw new UsageError({key: 'workspace.notFound', params: {dir: cwd}}, {hint: {key: 'workspace.notFound.hint'}})
      inputs = [root]
    }
    // each file's messages in its own community's language, unless --lang says otherwise
    const fallback = this.locale
    const byRoot = new Map<string | undefined, Promise<Locale>>()
    const perFile = (file: string): Promise<Locale> => {
      const root = findWorkspaceRoot(path.dirname(file))
      if (!byRoot.has(root))
        byRoot.set(
          root,
          peekLocale(root).then((l) => resolveLocale(undefined, l, {LANG: fallback})),
        )
      return byRoot.get(root)!
    }
    const report = await validatePaths(inputs, {cwd, locale: this.flags.lang ? this.locale : perFile})
    if (report.files.length === 0) {
      throw new UsageError({key: 'validate.noFiles', params: {path: inputs.join(', ')}}, {hint: {key: 'validate.noFiles.hint'}})
    }
    const format = this.jsonEnabled() ? 'json' : this.flags.format
    const bad = new Set(report.problems.map((p) => p.file)).size
    const warnings = report.problems.filter((p) => p.severity === 'warning').length
    const failed = !report.valid || (this.flags.strict && warnings > 0)
    switch (format) {
      case 'json':
        if (!this.jsonEnabled()) this.log(formatJson(report))
        else if (failed) this.logJson(report)
        break
      case 'github':
        if (report.problems.length) this.log(formatGithub(report))
        break
      case 'junit':
        this.log(formatJunit(report, {strict: this.flags.strict}))
        break
      case 'sarif':
        this.log(formatSarif(report, {version: this.config.version, baseDir: cwd}))
        break
      default: {
        if (report.problems.length) {
          // read only when there is a problem to print: a valid workspace's run loads no text layout
          const [{hangingWrap}, {terminalWidth}] = await Promise.all([import('../src/cli/wrap.js'), import('../src/cli/table.js')])
          this.log(formatText(report, {hint: this.t('error.hint'), wrapHint: hangingWrap(terminalWidth())}))
        }
        const summary = !report.valid
          ? this.t('validate.summary', {problems: report.problems.length, bad, files: report.files.length})
          : warnings > 0
            ? this.t(this.flags.strict ? 'validate.warnings.strict' : 'validate.warnings', {warnings, files: report.files.length})
            : this.t('validate.ok', {files: report.files.length})
        if (report.problems.length) this.log('')
        this.log(summary)
      }
    }
    if (failed) this.exit(1)
    return report
  }
}
