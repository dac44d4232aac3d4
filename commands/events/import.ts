import {Args, Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {importEvents, type ImportResult} from '../../src/events/service.js'
import {FORMATS} from '../../src/events/types.js'
import {Store} from '../../src/store/index.js'

type ImportOutput = Omit<ImportResult, 'rejected'> & {rejected: Array<{location: string; reason: string}>}

export default class EventsImport extends BaseCommand<typeof EventsImport> {
  static override description =
    'Import activity into canonical events: DiscordChatExporter JSON, Slack export (zip or folder), Discourse API JSON, Telegram Desktop JSON, QQ 消息管理器 text, CSV, NDJSON. The format is detected; importing the same or an overlapping export again adds only what is new'

  static override examples = [
    {
      command: '<%= config.bin %> events import data/general.json',
      description: 'A DiscordChatExporter channel (bots left out; --include-bots keeps them)',
    },
    {command: '<%= config.bin %> events import data/export.zip', description: 'An official Slack export, zipped or unzipped'},
    {
      command: '<%= config.bin %> events import "data/摄影爱好者交流群.txt" --channel qq-main',
      description: 'A QQ group export, recorded as channel qq-main',
    },
    {
      command: '<%= config.bin %> events import data/wechat.csv --map "时间=ts,昵称=member,类型=type,群=channel" --save-preset my-sheet',
      description: 'A CSV with a column mapping, saved as a preset for next month',
    },
    {
      command: '<%= config.bin %> events import data/memotrace.csv --preset memotrace --dry-run',
      description: 'A WeChat export (留痕) by preset; only show what would be added',
    },
  ]

  static override args = {
    file: Args.string({description: 'The export file, or a Slack export folder', required: true}),
  }

  static override flags = {
    channel: Flags.string({description: 'Record every event under this channel id (default: the source’s own channel name)'}),
    'dry-run': Flags.boolean({char: 'n', description: 'Read and report counts and samples; write nothing'}),
    encoding: Flags.string({description: 'Encoding of a text or CSV file (utf8, gbk, gb18030, utf16le…); default: detected'}),
    from: Flags.option({description: 'The format, when detection is not enough', options: FORMATS})(),
    'include-bots': Flags.boolean({description: 'Keep messages of bots (left out by default)'}),
    map: Flags.string({
      char: 'm',
      description: 'CSV columns: "列名=field" with field ts, member, type, channel, topic, src, parent, text (repeatable)',
      multiple: true,
    }),
    platform: Flags.string({description: 'Prefix of CSV members written without one (default csv: csv:小王)'}),
    preset: Flags.string({description: 'A saved CSV mapping: memotrace (留痕 WeChat export), sheet-zh, sheet-en, or one saved with --save-preset'}),
    'save-preset': Flags.string({description: 'Save --map (and --platform) under this name for later imports'}),
  }

  async run(): Promise<ImportOutput> {
    const {flags} = this
    const ws = await this.workspace()
    const display = this.args.file
    const progress = !this.jsonEnabled() && process.stderr.isTTY
    let shown = -1
    const result = await importEvents(Store.at(ws.root), {
      path: path.resolve(display),
      display,
      from: flags.from,
      map: flags.map,
      preset: flags.preset,
      savePreset: flags['save-preset'],
      platform: flags.platform,
      encoding: flags.encoding,
      channel: flags.channel,
      includeBots: flags['include-bots'],
      zone: ws.community.timezone,
      now: new Date(),
      dryRun: flags['dry-run'],
      onProgress: progress
        ? (read, total) => {
            const percent = total > 0 ? Math.floor((read / total) * 100) : 100
            if (total < 8 * 1024 * 1024 || percent === shown) return
            shown = percent
            process.stderr.write(`\r${this.t('events.import.progress', {file: display, percent})}`)
          }
        : undefined,
    })
    if (shown >= 0) process.stderr.write('\n')
    const output: ImportOutput = {...result, rejected: result.rejected.map((r) => ({location: r.at, reason: this.t(r.reason)}))}
    if (!this.jsonEnabled()) this.report(output)
    return output
  }

  private report(o: ImportOutput): void {
    const params = {added: o.added, source: o.source, format: o.format, batch: o.batch}
    const nothing = o.duplicates > 0 ? 'events.import.nothing' : 'events.import.none'
    this.log(this.t(o.dryRun ? 'events.import.dry' : o.batch ? 'events.import.done' : nothing, params))
    const skipped = Object.values(o.skipped).reduce((a, b) => a + (b ?? 0), 0)
    const reasons = Object.entries(o.skipped).map(([k, n]) => `${this.t(`events.skip.${k}`)} ${n}`)
    this.log(
      this.t('events.import.counts', {
        duplicates: o.duplicates,
        skipped,
        reasons: reasons.join(', ') || this.t('events.skip.none'),
        rejected: o.rejectedCount,
      }),
    )
    if (o.from) this.log(this.t('events.import.range', {from: o.from, to: o.to}))
    if (o.dryRun && o.samples.length > 0) {
      this.log(this.t('events.import.samples'))
      for (const e of o.samples) this.log(`  ${JSON.stringify(e)}`)
    }
    if (o.rejectedCount === 0) return
    process.stderr.write(this.t('events.import.rejected') + '\n')
    const limit = 20
    for (const r of o.rejected.slice(0, limit)) process.stderr.write(`  ${r.location}: ${r.reason}\n`)
    const more = o.rejectedCount - Math.min(limit, o.rejected.length)
    if (more > 0) {
      process.stderr.write(
        (o.rejectsFile ? this.t('events.import.more', {more, file: o.rejectsFile}) : this.t('events.import.moreNoFile', {more})) + '\n',
      )
    }
  }
}
