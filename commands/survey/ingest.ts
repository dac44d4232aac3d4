import {Args, Flags} from '@oclif/core'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {UsageError, ValidationError} from '../../src/errors.js'
import {Store} from '../../src/store/index.js'
import {decodeCsv, isEncoding, parseCsv} from '../../src/survey/csv.js'
import {ingestRows, mapColumns, parseMaps, type ColumnMapping} from '../../src/survey/ingest.js'
import {requireSurvey} from '../../src/survey/lookup.js'

interface IngestOutput {
  survey: string
  file: string
  encoding: string
  rows: number
  added: number
  duplicates: number
  rejected: Array<{line: number; location: string; reason: string}>
  columns: Array<{column: string; question?: string; option?: string; meta?: string; how: string}>
  dryRun: boolean
}

export default class SurveyIngest extends BaseCommand<typeof SurveyIngest> {
  static override description = 'Read survey responses from a CSV export (Google Forms, 问卷星, 腾讯问卷…): UTF-8, UTF-8 with BOM or GBK/GB18030; every unreadable row is reported with its line'

  static override examples = [
    {command: '<%= config.bin %> survey ingest S3 data/responses.csv', description: 'Columns are matched to questions by id or by question text in either language'},
    {command: '<%= config.bin %> survey ingest S3 data/wjx.csv --map "1、您的整体满意度=overall" --map "用户ID=@member"', description: 'Map columns by hand; @member, @submittedAt and @ignore name metadata'},
    {command: '<%= config.bin %> survey ingest S3 data/old.csv --encoding gbk --dry-run', description: 'Force an encoding and only show what would be added'},
    {command: '<%= config.bin %> survey ingest launch.onboarding-survey data/onboarding.csv --strict', description: 'A playbook survey; --strict adds nothing when any row is unreadable'},
  ]

  static override args = {
    survey: Args.string({description: 'Survey id (S3), or the playbook survey key (launch.onboarding-survey)', required: true}),
    file: Args.string({description: 'The CSV file of responses', required: true}),
  }

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Read and report; store nothing'}),
    encoding: Flags.string({char: 'e', description: 'The file encoding (utf8, gbk, gb18030, utf16le, big5…); default: detected'}),
    map: Flags.string({char: 'm', description: 'Map a column to a question: "列名=question_id" (repeatable)', multiple: true}),
    strict: Flags.boolean({description: 'Store nothing and exit 1 when any row cannot be read'}),
  }

  async run(): Promise<IngestOutput> {
    const {flags} = this
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const ref = requireSurvey(await store.read(), this.args.survey)
    const display = this.args.file
    const full = path.resolve(display)
    if (!existsSync(full)) throw new UsageError({key: 'file.notFound', params: {path: display}}, {hint: {key: 'file.notFound.hint'}})
    if (flags.encoding && !isEncoding(flags.encoding)) throw new UsageError({key: 'survey.ingest.badEncoding', params: {encoding: flags.encoding}}, {hint: {key: 'survey.ingest.badEncoding.hint'}})
    const {pairs, bad} = parseMaps(flags.map ?? [])
    if (bad !== undefined) throw new UsageError({key: 'survey.ingest.badMap', params: {value: bad}}, {hint: {key: 'survey.ingest.badMap.hint'}})

    const {text, encoding} = decodeCsv(await readFile(full), flags.encoding)
    if (text.trim() === '') throw new ValidationError({key: 'survey.ingest.empty', params: {file: display}}, {code: 'survey.ingest.empty', location: {file: display, line: 1}, hint: {key: 'survey.ingest.empty.hint'}})
    const csv = parseCsv(text)
    const {columns, unknownTargets, unknownColumns} = mapColumns(ref.doc, csv.header, pairs)
    if (unknownTargets.length) throw new UsageError({key: 'survey.ingest.unknownTarget', params: {ids: unknownTargets.join(', ')}}, {hint: {key: 'survey.ingest.unknownTarget.hint', params: {ids: ref.doc.questions.map((q) => q.id).join(', ')}}})
    if (unknownColumns.length) throw new UsageError({key: 'survey.ingest.unknownColumn', params: {columns: unknownColumns.join(', ')}}, {hint: {key: 'survey.ingest.unknownColumn.hint', params: {columns: csv.header.join(', ')}}})
    if (!columns.some((c) => c.question)) {
      throw new ValidationError({key: 'survey.ingest.noColumns', params: {file: display, id: ref.id}}, {
        code: 'survey.ingest.noColumns',
        location: {file: display, line: csv.headerLine},
        hint: {key: 'survey.ingest.noColumns.hint', params: {ids: ref.doc.questions.map((q) => q.id).join(', ')}},
      })
    }

    const rel = path.relative(ws.root, full)
    const source = rel.startsWith('..') || path.isAbsolute(rel) ? full : rel.split(path.sep).join('/')
    const known = (rows: Array<{survey: string; rowHash: string}>) => new Set(rows.filter((r) => r.survey === ref.id).map((r) => r.rowHash))
    const now = new Date()
    const preview = ingestRows(ref.doc, csv, columns, {survey: ref.id, file: source, now, known: known((await store.read()).responses)})
    const rejected = preview.rejected.map((r) => ({line: r.line, location: `${display}:${r.line}`, reason: this.t(r.reason)}))
    const strictFail = flags.strict && rejected.length > 0
    let {responses, duplicates} = preview
    if (!flags['dry-run'] && !strictFail && responses.length > 0) {
      // Recomputed under the lock, so two ingests of one file at once still add each row once.
      ;({responses, duplicates} = await store.update((db) => {
        const result = ingestRows(ref.doc, csv, columns, {survey: ref.id, file: source, now, known: known(db.responses)})
        db.responses.push(...result.responses)
        return result
      }))
    }
    const output: IngestOutput = {
      survey: ref.id,
      file: display,
      encoding,
      rows: preview.rows,
      added: strictFail ? 0 : responses.length,
      duplicates,
      rejected,
      columns: columns.map((c) => describeColumn(c)),
      dryRun: Boolean(flags['dry-run']),
    }
    if (!this.jsonEnabled()) this.report(output, csv.rows.length === 0 && csv.problems.length === 0)
    if (strictFail) {
      throw new ValidationError({key: 'survey.ingest.strict', params: {count: rejected.length}}, {code: 'survey.ingest.strict', location: {file: display, line: rejected[0].line}, details: output})
    }
    return output
  }

  private report(o: IngestOutput, noRows: boolean): void {
    const shown = o.columns.map((c) => [c.column, c.question ? (c.option ? `${c.question} [${c.option}]` : c.question) : c.meta ? `@${c.meta}` : '', this.t(`survey.ingest.how.${c.how}`)])
    process.stderr.write(table([this.t('survey.col.column'), this.t('survey.col.question'), this.t('survey.col.how')], shown) + '\n\n')
    for (const r of o.rejected) process.stderr.write(`${this.t('survey.ingest.warning')}: ${r.location}: ${r.reason}\n`)
    if (noRows) process.stderr.write(`${this.t('survey.ingest.warning')}: ${o.file}:2: ${this.t('survey.ingest.noRows')}\n`)
    this.log(this.t(o.dryRun ? 'survey.ingest.summaryDry' : 'survey.ingest.summary', {added: o.added, duplicates: o.duplicates, rejected: o.rejected.length, rows: o.rows, id: o.survey, encoding: o.encoding}))
  }
}

function describeColumn(c: ColumnMapping): IngestOutput['columns'][number] {
  return {column: c.header, ...(c.question ? {question: c.question} : {}), ...(c.option ? {option: c.option} : {}), ...(c.meta ? {meta: c.meta} : {}), how: c.how}
}
