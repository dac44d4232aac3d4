import {Args, Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {statusLabel} from '../../src/calendar/doc.js'
import {checkItemChanges, EDITABLE_FIELDS, type ItemChanges} from '../../src/calendar/edit.js'
import {setCalendarItems} from '../../src/calendar/service.js'
import {CALENDAR_STATUSES, type CalendarItem} from '../../src/calendar/types.js'
import {Store} from '../../src/store/index.js'

export default class CalendarSet extends BaseCommand<typeof CalendarSet> {
  static override description =
    'Change calendar items: status (idea → planned → drafted → scheduled → published | cancelled), owner, title, notes, date or time. Edited items survive regeneration'

  static override examples = [
    {command: '<%= config.bin %> calendar set C17 --status published --owner 小王', description: 'Mark an item published and record who did it'},
    {
      command: '<%= config.bin %> calendar set C3 C4 --status cancelled --notes "Moved to the launch week"',
      description: 'Cancel two items with a note',
    },
    {command: '<%= config.bin %> calendar set C9 --date 2026-12-10 --time 19:30', description: 'Reschedule an item (in the community timezone)'},
  ]

  static override args = {
    ids: Args.string({description: 'Item ids, e.g. C17', required: true}),
  }

  static override strict = false

  static override flags = {
    date: Flags.string({description: 'New date, YYYY-MM-DD'}),
    notes: Flags.string({description: 'Notes (replaces the old notes)'}),
    owner: Flags.string({description: 'New owner'}),
    status: Flags.option({description: 'New status', options: CALENDAR_STATUSES})(),
    time: Flags.string({description: 'New time, HH:MM'}),
    title: Flags.string({description: 'New title'}),
  }

  async run(): Promise<{items: CalendarItem[]}> {
    const ids = this.positional.map((id) => id.toUpperCase())
    const changes: ItemChanges = {}
    for (const field of EDITABLE_FIELDS) if (this.flags[field] !== undefined) changes[field] = this.flags[field]
    checkItemChanges(changes)
    const ws = await this.workspace()
    const edits = await setCalendarItems(Store.at(ws.root), ids, changes, {now: new Date()})
    if (!this.jsonEnabled()) {
      const show = (field: string, v: string | undefined) => (field === 'status' && v ? statusLabel(this.t, v) : (v ?? '—'))
      for (const {item, changes: changed} of edits) {
        const lines = changed.map((c) => `${this.t(`cal.col.${c.field}`)} ${show(c.field, c.from)} → ${show(c.field, c.to)}`)
        this.log(
          lines.length
            ? this.t('cal.set.changed', {id: item.id, title: item.title, changes: lines.join('; ')})
            : this.t('cal.set.same', {id: item.id, title: item.title}),
        )
      }
    }
    return {items: edits.map((e) => e.item)}
  }
}
