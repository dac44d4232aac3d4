import {Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {resolveRange} from '../../src/calendar/dates.js'
import {calendarDoc} from '../../src/calendar/doc.js'
import {CALENDAR_FORMATS, renderCalendar, type CalendarFormat} from '../../src/calendar/export.js'
import {checkFilter} from '../../src/calendar/generate.js'
import {todayIn} from '../../src/calendar/io.js'
import {itemsIn} from '../../src/calendar/merge.js'
import type {DateRange} from '../../src/calendar/types.js'
import {Store} from '../../src/store/index.js'
import {translator} from '../../src/i18n/index.js'
import {writeOwnedFile} from '../../src/util/owned-file.js'
import {resolveOut} from '../../src/util/out-path.js'

interface ExportResult {
  format: CalendarFormat
  items: number
  out?: string
  content?: string
}

export default class CalendarExport extends BaseCommand<typeof CalendarExport> {
  static override description =
    'Export the calendar as Markdown (a table per week), CSV (UTF-8 with BOM, for Excel), JSON or ICS (one event per item, stable UIDs)'

  static override examples = [
    {
      command: '<%= config.bin %> calendar export --format ics --out out/calendar.ics',
      description: 'Import into Google Calendar, Outlook or Apple Calendar; re-importing updates the events',
    },
    {
      command: '<%= config.bin %> calendar export --out out/calendar.csv --from 2026-12-01 --weeks 4',
      description: 'A spreadsheet of four weeks (format from the file extension)',
    },
    {command: '<%= config.bin %> calendar export --format md', description: 'Markdown on stdout'},
  ]

  static override flags = {
    channel: Flags.string({description: 'Only this channel (repeatable)', multiple: true}),
    force: Flags.boolean({description: 'Overwrite a file commops did not write'}),
    format: Flags.option({description: 'Output format (default: from the --out extension, else md)', options: CALENDAR_FORMATS})(),
    from: Flags.string({description: 'First day, YYYY-MM-DD (default: every item)'}),
    out: Flags.string({char: 'o', description: translator('en')('flag.out.file', {name: 'calendar.<format>'})}),
    pillar: Flags.string({description: 'Only this pillar or activity id (repeatable)', multiple: true}),
    to: Flags.string({description: 'Last day, YYYY-MM-DD, inclusive', exclusive: ['weeks']}),
    weeks: Flags.integer({description: 'Number of weeks from --from', exclusive: ['to']}),
  }

  async run(): Promise<ExportResult> {
    const ws = await this.workspace()
    const out = this.flags.out === '-' ? undefined : this.flags.out
    const ext = out && !/[\\/]$/.test(out) ? path.extname(out).slice(1).toLowerCase() : ''
    const format: CalendarFormat = this.flags.format ?? ((CALENDAR_FORMATS as readonly string[]).includes(ext) ? (ext as CalendarFormat) : 'md')
    const target = out === undefined ? undefined : resolveOut(out, `calendar.${format}`) // a bad --out fails before any work
    checkFilter(ws.community, {pillars: this.flags.pillar, channels: this.flags.channel})
    const {from, to, weeks} = this.flags
    const range: Partial<DateRange> =
      from === undefined && to === undefined && weeks === undefined ? {} : resolveRange({from, to, weeks}, todayIn(ws), {maxDays: Infinity})
    const store = Store.at(ws.root)
    const db = await store.read()
    const items = itemsIn(db.calendar, {...range, pillars: this.flags.pillar, channels: this.flags.channel})
    const text = renderCalendar(calendarDoc(items, ws.community, this.locale, range), format, this.locale)
    if (target === undefined || target.stdout) {
      if (this.jsonEnabled()) return {format, items: items.length, content: text}
      process.stdout.write(text)
      return {format, items: items.length}
    }
    const {path: rel, shown} = await writeOwnedFile(store, target.full, text, {force: this.flags.force})
    if (!this.jsonEnabled()) this.log(this.t('cal.export.wrote', {count: items.length, file: shown, format}))
    return {format, items: items.length, out: rel}
  }
}
