import {Args, Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {ValidationError} from '../../src/errors.js'
import {Store} from '../../src/store/index.js'
import type {ColumnMapping} from '../../src/survey/ingest.js'
import {ingestResponses} from '../../src/survey/service.js'

interface IngestOutput {
  survey: string
  file: string
  encoding: string
  rows: number
  added: number
  duplicates: number
  rejected: Array<{line: number; location: string; reason: string}>
  /** Rows kept with some answers left blank: one per row, naming each column. */
  warnings: Array<{line: number; location: string; columns: string[]; reason: string}>
  columns: Array<{column: string; question?: string; option?: string; meta?: string; how: string}>
  dryRun: boolean
}

export default class SurveyIngest extends BaseCommand<typeof SurveyIngest> {
  static override description =
    'Read survey responses from a CSV or .xlsx export (Google Forms, 问卷星, 腾讯问卷, the answers files of the HTML page…): CSV in UTF-8, UTF-8 with BOM or GBK/GB18030, or the first sheet of a workbook. An answer that matches no option is left blank with a warning naming its row and column; an unreadable row is reported with its line'

  static override examples = [
    {
      command: '<%= config.bin %> survey ingest S3 data/responses.csv',
      description: 'Columns are matched to questions by id or by question text in either language',
    },
    {
      command: '<%= config.bin %> survey ingest S3 data/wjx.csv --map "1、您的整体满意度=overall" --map "用户ID=@member"',
      description: 'Map columns by hand; @member, @submittedAt and @ignore name metadata',
    },
    {
      command: '<%= config.bin %> survey ingest S3 data/问卷星.xlsx --map-value "1-6个月=1–6 个月" --map-value "说不清=一般"',
      description: 'An .xlsx download; --map-value reads an answer text as an option (dashes, widths and spaces are already folded)',
    },
    {
      command: '<%= config.bin %> survey ingest S3 data/old.csv --encoding gbk --dry-run',
      description: 'Force an encoding and only show what would be added',
    },
    {
      command: '<%= config.bin %> survey ingest launch.onboarding-survey data/onboarding.csv --strict',
      description: 'A playbook survey; --strict adds nothing when any row is unreadable',
    },
  ]

  static override args = {
    survey: Args.string({description: 'Survey id (S3), or the playbook survey key (launch.onboarding-survey)', required: true}),
    file: Args.string({description: 'The CSV or .xlsx file of responses', required: true}),
  }

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Read and report; store nothing'}),
    encoding: Flags.string({char: 'e', description: 'The file encoding (utf8, gbk, gb18030, utf16le, big5…); default: detected'}),
    map: Flags.string({char: 'm', description: 'Map a column to a question: "列名=question_id" (repeatable)', multiple: true}),
    'map-value': Flags.string({
      description: 'Read an answer text as another: "旧文本=新文本", e.g. an old option label (repeatable)',
      multiple: true,
    }),
    strict: Flags.boolean({description: 'Store nothing and exit 1 when any row cannot be read or any answer is left blank'}),
  }

  async run(): Promise<IngestOutput> {
    const {flags} = this
    const ws = await this.workspace()
    const display = this.args.file
    const full = path.resolve(display)
    const rel = path.relative(ws.root, full)
    const source = rel.startsWith('..') || path.isAbsolute(rel) ? full : rel.split(path.sep).join('/')
    const ingested = await ingestResponses(Store.at(ws.root), {
      survey: this.args.survey,
      file: {full, display, source},
      encoding: flags.encoding,
      maps: flags.map,
      valueMaps: flags['map-value'],
      strict: flags.strict,
      now: new Date(),
      dryRun: flags['dry-run'],
    })
    const {ref, columns, preview, encoding} = ingested
    const rejected = preview.rejected.map((r) => ({line: r.line, location: `${display}:${r.line}`, reason: this.t(r.reason)}))
    const warnings = preview.warnings.map((w) => ({
      line: w.line,
      location: `${display}:${w.line}`,
      columns: w.columns,
      reason: this.t('survey.ingest.blanked', {detail: w.reasons.map((r) => this.t(r)).join('; ')}),
    }))
    const strictFail = ingested.strictFailed
    const output: IngestOutput = {
      survey: ref.id,
      file: display,
      encoding,
      rows: preview.rows,
      added: ingested.added.length,
      duplicates: ingested.duplicates,
      rejected,
      warnings,
      columns: columns.map((c) => describeColumn(c)),
      dryRun: Boolean(flags['dry-run']),
    }
    if (!this.jsonEnabled()) this.report(output, ingested.empty)
    if (strictFail) {
      const first = Math.min(...[rejected[0]?.line, warnings[0]?.line].filter((l): l is number => l !== undefined))
      throw new ValidationError(
        {key: 'survey.ingest.strict', params: {count: rejected.length + warnings.length}},
        {code: 'survey.ingest.strict', location: {file: display, line: first}, hint: {key: 'survey.ingest.strict.hint'}, details: output},
      )
    }
    return output
  }

  private report(o: IngestOutput, noRows: boolean): void {
    const shown = o.columns.map((c) => [
      c.column,
      c.question ? (c.option ? `${c.question} [${c.option}]` : c.question) : c.meta ? `@${c.meta}` : '',
      this.t(`survey.ingest.how.${c.how}`),
    ])
    process.stderr.write(table([this.t('survey.col.column'), this.t('survey.col.question'), this.t('survey.col.how')], shown) + '\n\n')
    const lines = [...o.rejected, ...o.warnings].sort((a, b) => a.line - b.line)
    for (const r of lines) process.stderr.write(`${this.t('survey.ingest.warning')}: ${r.location}: ${r.reason}\n`)
    if (noRows) process.stderr.write(`${this.t('survey.ingest.warning')}: ${o.file}:2: ${this.t('survey.ingest.noRows')}\n`)
    this.log(
      this.t(o.dryRun ? 'survey.ingest.summaryDry' : 'survey.ingest.summary', {
        added: o.added,
        duplicates: o.duplicates,
        rejected: o.rejected.length,
        warned: o.warnings.length,
        rows: o.rows,
        id: o.survey,
        encoding: o.encoding,
      }),
    )
  }
}

function describeColumn(c: ColumnMapping): IngestOutput['columns'][number] {
  return {
    column: c.header,
    ...(c.question ? {question: c.question} : {}),
    ...(c.option ? {option: c.option} : {}),
    ...(c.meta ? {meta: c.meta} : {}),
    how: c.how,
  }
}
