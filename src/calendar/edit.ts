/** Editing calendar items by hand: which changes are allowed, and applying them to an item. Pure. */
import {DateTime} from '../util/luxon.js'
import {UsageError} from '../errors.js'
import {resolveRange} from './dates.js'
import type {CalendarItem} from './types.js'

export const EDITABLE_FIELDS = ['status', 'owner', 'title', 'notes', 'date', 'time'] as const
export type EditableField = (typeof EDITABLE_FIELDS)[number]
export type ItemChanges = Partial<Record<EditableField, string>>

/** One field that changed, with its values before and after. */
export interface FieldChange {
  field: EditableField
  from?: string
  to: string
}

/** Checks the changes asked for: at least one, a real date, a HH:MM time. */
export function checkItemChanges(changes: ItemChanges): void {
  if (Object.keys(changes).length === 0) throw new UsageError({key: 'cal.set.nothing'}, {hint: {key: 'cal.set.nothing.hint'}})
  if (changes.date !== undefined) resolveRange({from: changes.date, weeks: 1}, changes.date)
  if (changes.time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(changes.time))
    throw new UsageError({key: 'cal.badTime', params: {value: changes.time}}, {code: 'calendar.badTime', hint: {key: 'cal.badTime.hint'}})
}

/** Applies changes to an item in place (an empty owner or notes removes it); returns the fields that changed. */
export function editItem(item: CalendarItem, changes: ItemChanges, now: string): FieldChange[] {
  const rev = item.rev
  const changed: FieldChange[] = []
  for (const [field, value] of Object.entries(changes) as Array<[EditableField, string]>) {
    if ((item[field] ?? '') === value) continue
    changed.push({field, ...(item[field] === undefined ? {} : {from: item[field]}), to: value})
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
  if (changed.length) {
    item.rev = rev + 1
    item.updatedAt = now
  }
  return changed
}
