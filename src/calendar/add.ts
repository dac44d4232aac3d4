/** One-off calendar items added by hand, and removing items; pure plans the service applies under the store's lock. */
import {DateTime} from '../util/luxon.js'
import {UsageError} from '../errors.js'
import {closest} from '../util/suggest.js'
import type {Community} from '../workspace/community.js'
import {checkItemChanges} from './edit.js'
import {checkFilter} from './generate.js'
import type {CalendarItem, CalendarStatus, RemovedItem} from './types.js'

/** What a person gives for a one-off item (a 双十一 live, a launch post…). */
export interface NewItem {
  date: string
  time: string
  title: string
  channel?: string
  pillar?: string
  format?: string
  owner?: string
  status?: CalendarStatus
  notes?: string
  durationMinutes?: number
}

/** Pure: a hand-made item with its id; the channel must exist, a pillar close to a known one is taken for a typo. */
export function planNewItem(community: Community, input: NewItem, o: {id: string; now: string}): CalendarItem {
  checkItemChanges({date: input.date, time: input.time})
  if (input.channel !== undefined) checkFilter(community, {channels: [input.channel]})
  const known = [...(community.content?.pillars ?? []).map((p) => p.id), ...(community.activities ?? []).map((a) => a.id)]
  if (input.pillar !== undefined && !known.includes(input.pillar) && closest(input.pillar, known)) {
    checkFilter(community, {pillars: [input.pillar]})
  }
  if (input.title.trim() === '') throw new UsageError({key: 'cal.add.noTitle'}, {code: 'calendar.noTitle', hint: {key: 'cal.add.noTitle.hint'}})
  const activity = (community.activities ?? []).find((a) => a.id === input.pillar)
  const [year, month, day] = input.date.split('-').map(Number)
  const [hour, minute] = input.time.split(':').map(Number)
  const start = DateTime.fromObject({year, month, day, hour, minute}, {zone: community.timezone})
  const status = input.status ?? 'planned'
  const date = start.toISODate()!
  const time = start.toFormat('HH:mm')
  const title = input.title.trim()
  return {
    id: o.id,
    key: `manual:${o.id}`,
    source: activity ? 'activity' : 'pillar',
    ...(input.pillar === undefined ? {} : activity ? {activity: activity.id, activityType: activity.type} : {pillar: input.pillar}),
    date,
    time,
    start: start.toISO({suppressMilliseconds: true})!,
    timezone: community.timezone,
    durationMinutes: input.durationMinutes ?? 60,
    title,
    ...(input.format === undefined ? {} : {format: input.format}),
    ...(input.channel === undefined ? {} : {channel: input.channel}),
    ...(input.owner === undefined ? {} : {owner: input.owner}),
    status,
    ...(input.notes ? {notes: input.notes} : {}),
    n: 1,
    manual: true,
    generated: {title, status, date, time, ...(input.owner === undefined ? {} : {owner: input.owner})},
    rev: 0,
    createdAt: o.now,
    updatedAt: o.now,
  }
}

/** The items with these ids, in the order asked; an unknown id is a usage error with the closest id as a hint. */
export function findItems(items: readonly CalendarItem[], ids: readonly string[]): CalendarItem[] {
  return ids.map((id) => {
    const item = items.find((x) => x.id === id)
    if (item) return item
    const best = closest(
      id,
      items.map((x) => x.id),
    )
    throw new UsageError(
      {key: 'cal.notFound', params: {id}},
      {code: 'calendar.notFound', hint: best ? {key: 'cal.notFound.suggest', params: {id: best}} : {key: 'cal.notFound.hint'}},
    )
  })
}

/** Pure: what removing items does: they leave the calendar, and generated ones leave a tombstone so regeneration skips them. */
export function planRemoval(
  items: readonly CalendarItem[],
  ids: readonly string[],
  now: string,
): {removed: CalendarItem[]; keep: CalendarItem[]; tombstones: RemovedItem[]} {
  const removed = findItems(items, [...new Set(ids)])
  const gone = new Set(removed.map((i) => i.id))
  return {
    removed,
    keep: items.filter((i) => !gone.has(i.id)),
    tombstones: removed.filter((i) => !i.manual).map((i) => ({key: i.key, id: i.id, removedAt: now})),
  }
}
