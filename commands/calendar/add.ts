import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {addCalendarItem} from '../../src/calendar/service.js'
import {CALENDAR_STATUSES, type CalendarItem} from '../../src/calendar/types.js'
import {CONTENT_FORMATS} from '../../src/schema/kinds/community.js'
import {Store} from '../../src/store/index.js'

export default class CalendarAdd extends BaseCommand<typeof CalendarAdd> {
  static override description =
    'Add a one-off item to the calendar (a campaign, a launch post, 双十一直播); prints its id. Items added by hand survive regeneration'

  static override examples = [
    {
      command:
        '<%= config.bin %> calendar add --date 2026-11-11 --time 20:00 --title "双十一直播" --channel wechat-main --pillar promo --format live --owner 小王',
      description: 'A 双十一 live stream (一次性活动)',
    },
    {
      command: '<%= config.bin %> calendar add --date 2026-12-15 --time 10:00 --title "Launch post: v2.0" --channel forum-tips --owner Sam --json',
      description: 'A launch post, as JSON (the new id is in item.id)',
    },
  ]

  static override flags = {
    channel: Flags.string({description: 'Channel id from community.yaml'}),
    date: Flags.string({description: 'Date, YYYY-MM-DD (community timezone)', required: true}),
    duration: Flags.integer({description: 'Length in minutes (default 60)', min: 1}),
    format: Flags.option({description: 'Format', options: CONTENT_FORMATS})(),
    notes: Flags.string({description: 'Notes'}),
    owner: Flags.string({description: 'Who does it'}),
    pillar: Flags.string({description: 'Pillar or activity id, or a label of your own for a one-off (e.g. promo)'}),
    status: Flags.option({description: 'Status (default planned)', options: CALENDAR_STATUSES})(),
    time: Flags.string({description: 'Time, HH:MM (community timezone)', required: true}),
    title: Flags.string({description: 'Title', required: true}),
  }

  async run(): Promise<{item: CalendarItem}> {
    const ws = await this.workspace()
    const {date, time, title, channel, pillar, format, owner, status, notes, duration} = this.flags
    const item = await addCalendarItem(
      Store.at(ws.root),
      ws.community,
      {date, time, title, channel, pillar, format, owner, status, notes, durationMinutes: duration},
      {now: new Date()},
    )
    if (!this.jsonEnabled()) this.log(this.t('cal.add.added', {id: item.id, date: item.date, time: item.time, title: item.title}))
    return {item}
  }
}
