import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {removeCalendarItems} from '../../src/calendar/service.js'
import type {CalendarItem} from '../../src/calendar/types.js'
import {Store} from '../../src/store/index.js'

export default class CalendarRm extends BaseCommand<typeof CalendarRm> {
  static override description =
    'Remove calendar items by id (删除条目). Removed generated items stay removed when the period is generated again; to keep a record, use `calendar set ID --status cancelled` instead'

  static override examples = [
    {command: '<%= config.bin %> calendar rm C17', description: 'Remove one item (删除一条)'},
    {command: '<%= config.bin %> calendar rm C17 C18 C19 --json', description: 'Remove three items, as JSON'},
  ]

  static override args = {
    ids: Args.string({description: 'Item ids, e.g. C17', required: true}),
  }

  static override strict = false

  async run(): Promise<{removed: CalendarItem[]}> {
    const ids = this.positional.map((id) => id.toUpperCase())
    const ws = await this.workspace()
    const removed = await removeCalendarItems(Store.at(ws.root), ids, {now: new Date()})
    if (!this.jsonEnabled()) {
      for (const item of removed) this.log(this.t('cal.rm.removed', {id: item.id, date: item.date, title: item.title}))
      if (removed.some((i) => !i.manual)) this.log(this.t('cal.rm.stays'))
    }
    return {removed}
  }
}
