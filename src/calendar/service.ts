/** The calendar's changes a user can make: generate a period, edit items. Used by the commands and the playbook step. */
import {UsageError} from '../errors.js'
import {nextId, type Db, type Store} from '../store/index.js'
import {applyChange} from '../util/change.js'
import type {Community} from '../workspace/community.js'
import {checkItemChanges, editItem, type FieldChange, type ItemChanges} from './edit.js'
import {draftCalendar, type Generated, type Locate} from './generate.js'
import {mergeCalendar, type MergeResult} from './merge.js'
import type {CalendarFilter, CalendarItem, DateRange} from './types.js'

/** What generating a period will merge into the store: the drafts, their scope and the time of the change. */
export interface CalendarPlan {
  generated: Generated
  scope: DateRange & CalendarFilter
  now: string
}

export interface CalendarRequest extends DateRange, CalendarFilter {
  locate?: Locate
}

/** Pure: the drafts of a period from the community's pillars and activities, titled in the community's language. */
export function planCalendar(community: Community, request: CalendarRequest, now: Date): CalendarPlan {
  const {from, to, pillars, channels, locate} = request
  const scope = {from, to, pillars, channels}
  const generated = draftCalendar(community, {...scope, locale: community.locale, locate})
  return {generated, scope, now: now.toISOString()}
}

/** Merges a plan into the store's calendar (under the lock, or on a copy for a preview); returns what changed. */
export function applyCalendar(db: Pick<Db, 'calendar' | 'counters'>, plan: CalendarPlan): MergeResult {
  const merged = mergeCalendar(db.calendar, plan.generated.drafts, plan.scope, {nextId: () => nextId(db as Db, 'C'), now: plan.now})
  db.calendar = merged.items
  return merged
}

/** The store's calendar merged with a plan, without changing the snapshot: what a dry run or a step's plan shows. */
export function previewCalendar(db: Pick<Db, 'calendar' | 'counters'>, plan: CalendarPlan): MergeResult {
  return applyCalendar({calendar: db.calendar, counters: {...db.counters}}, plan)
}

/** Plans a period's content and merges it into the store, keeping items a person edited; a dry run writes nothing. */
export async function generateCalendar(
  store: Store,
  community: Community,
  request: CalendarRequest & {now: Date; dryRun?: boolean},
): Promise<{plan: CalendarPlan; merged: MergeResult}> {
  const plan = planCalendar(community, request, request.now)
  const merged = await applyChange(store, request.dryRun, (db) => applyCalendar(db, plan))
  return {plan, merged}
}

/** An item after an edit and the fields that changed. */
export interface ItemEdit {
  item: CalendarItem
  changes: FieldChange[]
}

/** Edits calendar items by id (status, owner, title, notes, date, time); every id must exist. */
export async function setCalendarItems(store: Store, ids: string[], changes: ItemChanges, o: {now: Date}): Promise<ItemEdit[]> {
  checkItemChanges(changes)
  const now = o.now.toISOString()
  return store.update((db) => {
    const found = ids.map((id) => db.calendar.find((x) => x.id === id))
    const missing = ids.find((_, i) => !found[i])
    if (missing) throw new UsageError({key: 'cal.notFound', params: {id: missing}}, {code: 'calendar.notFound', hint: {key: 'cal.notFound.hint'}})
    return (found as CalendarItem[]).map((item) => ({changes: editItem(item, changes, now), item: structuredClone(item)}))
  })
}
