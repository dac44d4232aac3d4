import {Args, Flags} from '@oclif/core'
import {DateTime} from 'luxon'
import {BaseCommand} from '../../src/cli/base-command.js'
import {resolveRange} from '../../src/calendar/dates.js'
import {statusLabel} from '../../src/calendar/doc.js'
import {CALENDAR_STATUSES, type CalendarItem} from '../../src/calendar/types.js'
import {UsageError} from '../../src/errors.js'
import {Store} from '../../src/store/index.js'

type Field = 'status' | 'owner' | 'title' | 'notes' | 'date' | 'time'

export default class CalendarSet extends BaseCommand<typeof CalendarSet> {
  static override description = "Change calendar items: status (idea → planned → drafted → scheduled → published | cancelled), owner, title, notes, date or time. Edited items survive regeneration"

  static override examples = [
    {command: '<%= config.bin %> calendar set C17 --status published --owner 小王', description: 'Mark an item published and record who did it'},
    {command: '<%= config.bin %> calendar set C3 C4 --status cancelled --notes "Moved to the launch week"', description: 'Cancel two items with a note'},
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
    const changes: Partial<Record<Field, string>> = {}
    for (const field of ['status', 'owner', 'title', 'notes', 'date', 'time'] as const) if (this.flags[field] !== undefined) changes[field] = this.flags[field]
    if (Object.keys(changes).length === 0) throw new UsageError({key: 'cal.set.nothing'}, {hint: {key: 'cal.set.nothing.hint'}})
    if (changes.date !== undefined) resolveRange({from: changes.date, weeks: 1}, changes.date)
    if (changes.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(changes.time)) throw new UsageError({key: 'cal.badTime', params: {value: changes.time}}, {code: 'calendar.badTime'})
    const ws = await this.workspace()
    const now = new Date().toISOString()
    const updated = await Store.at(ws.root).update((db) => {
      const found = ids.map((id) => db.calendar.find((x) => x.id === id))
      const missing = ids.find((_, i) => !found[i])
      if (missing) throw new UsageError({key: 'cal.notFound', params: {id: missing}}, {code: 'calendar.notFound', hint: {key: 'cal.notFound.hint'}})
      return (found as CalendarItem[]).map((item) => {
        const before = structuredClone(item)
        const lines: string[] = []
        for (const [field, value] of Object.entries(changes) as Array<[Field, string]>) {
          if ((item[field] ?? '') === value) continue
          const show = (v: string | undefined) => (field === 'status' && v ? statusLabel(this.t, v) : (v ?? '—'))
          lines.push(`${this.t(`cal.col.${field}`)} ${show(item[field] as string | undefined)} → ${show(value)}`)
          if (field === 'status') item.status = value as CalendarItem['status']
          else if (value === '' && (field === 'owner' || field === 'notes')) delete item[field]
          else item[field] = value
        }
        if (changes.date !== undefined || changes.time !== undefined) {
          const [year, month, day] = item.date.split('-').map(Number)
          const [hour, minute] = item.time.split(':').map(Number)
          const at = DateTime.fromObject({year, month, day, hour, minute}, {zone: item.timezone})
          item.start = at.toISO({suppressMilliseconds: true})!
          item.date = at.toISODate()!
          item.time = at.toFormat('HH:mm')
        }
        if (lines.length) {
          item.rev = before.rev + 1
          item.updatedAt = now
        }
        return {item: structuredClone(item), lines}
      })
    })
    if (!this.jsonEnabled()) {
      for (const {item, lines} of updated) {
        this.log(lines.length ? this.t('cal.set.changed', {id: item.id, title: item.title, changes: lines.join('; ')}) : this.t('cal.set.same', {id: item.id, title: item.title}))
      }
    }
    return {items: updated.map((u) => u.item)}
  }
}
