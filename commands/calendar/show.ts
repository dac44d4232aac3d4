import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {resolveRange, weekdayName} from '../../src/calendar/dates.js'
import {calendarDoc, formatLabel, sourceLabel, statusLabel} from '../../src/calendar/doc.js'
import {checkFilter} from '../../src/calendar/generate.js'
import {todayIn} from '../../src/calendar/io.js'
import {byTime, itemsIn} from '../../src/calendar/merge.js'
import {CALENDAR_STATUSES, type CalendarItem, type DateRange} from '../../src/calendar/types.js'
import {Store} from '../../src/store/index.js'

export default class CalendarShow extends BaseCommand<typeof CalendarShow> {
  static override description = "Show the content calendar as a table, in the community's timezone and language"

  static override examples = [
    {command: '<%= config.bin %> calendar show --from 2026-12-01 --to 2026-12-31', description: 'December'},
    {command: '<%= config.bin %> calendar show', description: 'The next four weeks'},
    {command: '<%= config.bin %> calendar show --owner 小王 --status planned --status drafted', description: "One person's unfinished items"},
    {command: '<%= config.bin %> calendar show --all --json', description: 'Every item, as JSON'},
  ]

  static override flags = {
    all: Flags.boolean({char: 'a', description: 'Every item, whatever its date', exclusive: ['from', 'to', 'weeks']}),
    channel: Flags.string({description: 'Only this channel (repeatable)', multiple: true}),
    from: Flags.string({description: 'First day, YYYY-MM-DD (default: today)'}),
    owner: Flags.string({description: 'Only items of this owner'}),
    pillar: Flags.string({description: 'Only this pillar or activity id (repeatable)', multiple: true}),
    status: Flags.option({description: 'Only items with this status (repeatable)', multiple: true, options: CALENDAR_STATUSES})(),
    to: Flags.string({description: 'Last day, YYYY-MM-DD, inclusive', exclusive: ['weeks']}),
    weeks: Flags.integer({description: 'Number of weeks from --from (default 4)', exclusive: ['to']}),
  }

  async run(): Promise<{from?: string; to?: string; timezone: string; items: CalendarItem[]}> {
    const ws = await this.workspace()
    checkFilter(ws.community, {pillars: this.flags.pillar, channels: this.flags.channel})
    const range: Partial<DateRange> = this.flags.all
      ? {}
      : resolveRange({from: this.flags.from, to: this.flags.to, weeks: this.flags.weeks}, todayIn(ws), {maxDays: Infinity})
    const db = await Store.at(ws.root).read()
    const items = itemsIn(db.calendar, {
      ...range,
      pillars: this.flags.pillar,
      channels: this.flags.channel,
      owner: this.flags.owner,
      status: this.flags.status,
    })
    if (!this.jsonEnabled()) {
      if (items.length === 0) {
        this.log(this.t('cal.none'))
        const all = [...db.calendar].sort(byTime)
        if (all.length) this.log(this.t('cal.show.elsewhere', {count: all.length, first: all[0].date, last: all.at(-1)!.date}))
        else this.log(this.t('cal.show.generate', {from: range.from ?? todayIn(ws)}))
      } else {
        const doc = calendarDoc(items, ws.community, this.locale)
        let lastDate = ''
        this.log(
          table(
            [
              this.t('cal.col.id'),
              this.t('cal.col.date'),
              this.t('cal.col.time'),
              this.t('cal.col.title'),
              this.t('cal.col.source'),
              this.t('cal.col.format'),
              this.t('cal.col.channel'),
              this.t('cal.col.owner'),
              this.t('cal.col.status'),
            ],
            items.map((i) => {
              const date = i.date === lastDate ? '' : `${i.date} ${weekdayName(i.date, this.locale)}`
              lastDate = i.date
              return [
                i.id,
                date,
                i.time,
                i.title,
                sourceLabel(i, doc, this.t),
                formatLabel(this.t, i.format),
                i.channel,
                i.owner,
                statusLabel(this.t, i.status),
              ]
            }),
          ),
        )
        this.log('')
        this.log(
          range.from
            ? this.t('cal.show.count', {count: items.length, from: range.from, to: range.to, timezone: ws.timezone})
            : this.t('cal.show.countAll', {count: items.length, timezone: ws.timezone}),
        )
      }
    }
    return {...range, timezone: ws.timezone, items}
  }
}
