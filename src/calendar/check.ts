/** Problems in a calendar: channels silent longer than their cadence, overloaded days, items on blackout dates or holidays. */
import type {Community} from '../workspace/community.js'
import {longestIntervalDays} from './cadence.js'
import {addDays, eachDay, freeDays} from './dates.js'
import {sourcesOf, type Locate} from './generate.js'
import {itemsIn} from './merge.js'
import type {CalendarItem, DateRange} from './types.js'

export const PROBLEM_TYPES = ['gap', 'overload', 'blackout', 'holiday'] as const
export type ProblemType = (typeof PROBLEM_TYPES)[number]

export interface CalendarProblem {
  type: ProblemType
  /** The (first) date concerned. */
  date: string
  /** Last silent day of a gap. */
  until?: string
  channel?: string
  owner?: string
  /** Ids of the items concerned (an overloaded day's items, the item on a blackout date). */
  items: string[]
  /** gap: silent days; overload: items that day. */
  count?: number
  /** gap: the longest the channel's cadence leaves it silent; overload: the most items allowed a day. */
  limit?: number
  /** Name of the public holiday, in the requested language. */
  holiday?: string
}

export interface CheckOptions extends DateRange {
  /** Most items a channel may carry in one day (default 3). */
  maxPerChannel?: number
  /** Most items one owner may have in one day (default 4). */
  maxPerOwner?: number
  locale: 'zh-CN' | 'en'
  locate?: Locate
}

export const DEFAULT_MAX_PER_CHANNEL = 3
export const DEFAULT_MAX_PER_OWNER = 4

/** Finds gaps, overload and items on blackout dates or holidays in a period; cancelled items count as nothing. */
export function checkCalendar(all: readonly CalendarItem[], community: Community, o: CheckOptions): CalendarProblem[] {
  const items = itemsIn(all, o).filter((i) => i.status !== 'cancelled')
  const free = freeDays(community.content, o)
  const problems: CalendarProblem[] = []

  // Gaps: a channel is expected to speak at least as often as its most frequent pillar or activity.
  const allowed = new Map<string, number>()
  for (const s of sourcesOf(community, o.locate)) {
    if (!s.channel) continue
    allowed.set(s.channel, Math.min(allowed.get(s.channel) ?? Infinity, longestIntervalDays(s.cadence)))
  }
  for (const [channel, limit] of [...allowed].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (!Number.isFinite(limit)) continue
    const dates = [...new Set(items.filter((i) => i.channel === channel).map((i) => i.date))].sort()
    const bounds = [addDays(o.from, -1), ...dates, addDays(o.to, 1)]
    for (let k = 1; k < bounds.length; k++) {
      const first = addDays(bounds[k - 1], 1)
      const last = addDays(bounds[k], -1)
      if (last < first) continue
      const silent = eachDay(first, last).filter((d) => !free.days.has(d))
      if (silent.length >= limit) problems.push({type: 'gap', date: silent[0], until: silent.at(-1), channel, items: [], count: silent.length, limit})
    }
  }

  // Overload: too much on one channel, or for one person, on one day.
  const group = (field: 'channel' | 'owner', limit: number) => {
    const by = new Map<string, CalendarItem[]>()
    for (const i of items) {
      const value = i[field]
      if (!value) continue
      const k = `${i.date}\u0000${value}`
      by.set(k, [...(by.get(k) ?? []), i])
    }
    for (const [k, list] of by) {
      if (list.length <= limit) continue
      const [date, value] = k.split('\u0000')
      problems.push({type: 'overload', date, [field]: value, items: list.map((i) => i.id), count: list.length, limit})
    }
  }
  group('channel', o.maxPerChannel ?? DEFAULT_MAX_PER_CHANNEL)
  group('owner', o.maxPerOwner ?? DEFAULT_MAX_PER_OWNER)

  // Items on days meant to stay free.
  for (const i of items) {
    const off = free.days.get(i.date)
    if (!off) continue
    problems.push({type: off.kind, date: i.date, channel: i.channel, owner: i.owner, items: [i.id], holiday: off.name?.[o.locale]})
  }

  const order = (p: CalendarProblem) => `${p.date} ${PROBLEM_TYPES.indexOf(p.type)} ${p.channel ?? ''} ${p.owner ?? ''} ${p.items.join(',')}`
  return problems.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
}
