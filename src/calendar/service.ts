/** The calendar's changes a user can make: generate a period, edit items. Used by the commands and the playbook step. */
import {nextId, type Db, type Store} from '../store/index.js'
import {applyChange} from '../util/change.js'
import type {Community} from '../workspace/community.js'
import {findItems, planNewItem, planRemoval, type NewItem} from './add.js'
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
export function applyCalendar(db: Pick<Db, 'calendar' | 'counters' | 'calendarRemoved'>, plan: CalendarPlan): MergeResult {
  const merged = mergeCalendar(db.calendar, plan.generated.drafts, plan.scope, {
    nextId: () => nextId(db as Db, 'C'),
    now: plan.now,
    removed: db.calendarRemoved,
  })
  db.calendar = merged.items
  return merged
}

/** The store's calendar merged with a plan, without changing the snapshot: what a dry run or a step's plan shows. */
export function previewCalendar(db: Pick<Db, 'calendar' | 'counters' | 'calendarRemoved'>, plan: CalendarPlan): MergeResult {
  return applyCalendar({calendar: db.calendar, counters: {...db.counters}, calendarRemoved: db.calendarRemoved}, plan)
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
  return store.update((db) => findItems(db.calendar, ids).map((item) => ({changes: editItem(item, changes, now), item: structuredClone(item)})))
}

/** Adds a one-off item by hand (a campaign, a launch post); regeneration keeps it. Returns the new item. */
export async function addCalendarItem(store: Store, community: Community, input: NewItem, o: {now: Date}): Promise<CalendarItem> {
  const now = o.now.toISOString()
  planNewItem(community, input, {id: 'C0', now}) // refuse bad input before taking the lock
  return store.update((db) => {
    const item = planNewItem(community, input, {id: nextId(db, 'C'), now})
    db.calendar.push(item)
    return structuredClone(item)
  })
}

/** Removes items by id; removed generated items stay removed when the period is generated again. Returns them. */
export async function removeCalendarItems(store: Store, ids: string[], o: {now: Date}): Promise<CalendarItem[]> {
  const now = o.now.toISOString()
  return store.update((db) => {
    const plan = planRemoval(db.calendar, ids, now)
    db.calendar = plan.keep
    db.calendarRemoved.push(...plan.tombstones)
    return plan.removed
  })
}
