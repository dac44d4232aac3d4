import {Args, Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {importMembers} from '../../src/members/service.js'
import type {ColumnTarget} from '../../src/members/records.js'
import {Store} from '../../src/store/index.js'

interface ImportOutput {
  file: string
  encoding: string
  rows: number
  added: number
  updated: number
  unchanged: number
  rejected: Array<{line: number; location: string; reason: string}>
  links: number
  total: number
  columns: Array<{column: string; target: string; how: string}>
  dryRun: boolean
}

const targetText = (t: ColumnTarget): string => ('field' in t ? t.field : 'platform' in t ? `${t.platform}:…` : 'extra' in t ? `@${t.extra}` : '-')

export default class MembersImport extends BaseCommand<typeof MembersImport> {
  static override description =
    'Import member records from a CSV (UTF-8, UTF-8 with BOM, GBK) or .xlsx sheet: id, name, platform ids, joined, age, gender, region, occupation, interests, tags (English or Chinese headers; other columns are kept as attributes). A re-import updates records by id (or identity) and keeps the others; a record with several identities links them into one person'

  static override examples = [
    {
      command: '<%= config.bin %> members import data/members.csv',
      description: 'Headers such as 姓名, 微信, QQ, 地区, 职业, 兴趣, 标签, 加入时间 are recognised',
    },
    {
      command: '<%= config.bin %> members import data/名单.xlsx --map "昵称=name,QQ号码=qq" --dry-run',
      description: 'Map columns by hand (a field, a platform, or ignore) and only report what would change',
    },
  ]

  static override args = {
    file: Args.string({description: 'The CSV or .xlsx member sheet', required: true}),
  }

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Read and report; store nothing'}),
    encoding: Flags.string({char: 'e', description: 'The file encoding (utf8, gbk, gb18030, utf16le…); default: detected'}),
    map: Flags.string({
      char: 'm',
      description:
        'Map columns: "列名=field" with field one of id, name, ids, joined, age, gender, region, occupation, interests, tags, a platform (qq, wechat…) or ignore (repeatable, comma-separated)',
      multiple: true,
    }),
  }

  async run(): Promise<ImportOutput> {
    const {flags} = this
    const ws = await this.workspace()
    const display = this.args.file
    const r = await importMembers(Store.at(ws.root), {
      file: {full: path.resolve(display), display},
      maps: flags.map,
      encoding: flags.encoding,
      now: new Date(),
      dryRun: flags['dry-run'],
    })
    const out: ImportOutput = {
      file: r.file,
      encoding: r.encoding,
      rows: r.rows,
      added: r.added,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected.map((x) => ({line: x.line, location: `${display}:${x.line}`, reason: this.t(x.reason)})),
      links: r.links,
      total: r.total,
      columns: r.columns.map((c) => ({column: c.header, target: targetText(c.target), how: c.how})),
      dryRun: r.dryRun,
    }
    if (!this.jsonEnabled()) {
      this.log(this.t('members.records.import.columns', {columns: out.columns.map((c) => `${c.column} → ${c.target}`).join(', ')}))
      for (const x of out.rejected.slice(0, 50)) process.stderr.write(`  ${x.location}: ${x.reason}\n`)
      if (out.rejected.length > 50) process.stderr.write(`  ${this.t('members.records.import.more', {count: out.rejected.length - 50})}\n`)
      this.log(this.t(out.dryRun ? 'members.records.import.dryRun' : 'members.records.import.done', {...out, rejected: out.rejected.length}))
    }
    return out
  }
}
