/** Regenerating a period: add what is new, refresh what nobody touched, keep what a person edited, drop the rest. */
import type {CalendarDraft, CalendarFilter, CalendarItem, DateRange, GeneratedBaseline, RemovedItem} from './types.js'

export interface MergeResult {
  /** The whole collection after the merge, in store order (new items at the end). */
  items: CalendarItem[]
  added: CalendarItem[]
  /** Matched and unchanged, or edited by a person (see `isEdited`), or edited and no longer generated. */
  kept: CalendarItem[]
  /** Not edited by a person and refreshed from community.yaml (new owner, title template, time…). */
  updated: CalendarItem[]
  removed: CalendarItem[]
}

const baseline = (d: CalendarDraft): GeneratedBaseline => ({
  title: d.title,
  status: d.status,
  date: d.date,
  time: d.time,
  ...(d.owner === undefined ? {} : {owner: d.owner}),
})

/** True when a person changed the item: its status, title, owner, date or time differ from what was generated, or it has notes. */
export function isEdited(item: CalendarItem): boolean {
  const g = item.generated
  return (
    item.status !== g.status ||
    item.title !== g.title ||
    (item.owner ?? '') !== (g.owner ?? '') ||
    item.date !== g.date ||
    item.time !== g.time ||
    Boolean(item.notes)
  )
}

/** True when an item was generated for a period and filter (so a regeneration of it may replace or remove the item). */
export function inScope(item: CalendarItem, scope: DateRange & CalendarFilter): boolean {
  if (item.date < scope.from || item.date > scope.to) return false
  const source = item.pillar ?? item.activity ?? ''
  if (scope.pillars?.length && !scope.pillars.includes(source)) return false
  if (scope.channels?.length && !(item.channel && scope.channels.includes(item.channel))) return false
  return true
}

const DRAFT_ONLY = new Set(['id', 'generated', 'rev', 'createdAt', 'updatedAt', 'notes'])

function sorted(value: Record<string, unknown>): string {
  return JSON.stringify(
    Object.keys(value)
      .filter((k) => !DRAFT_ONLY.has(k) && value[k] !== undefined)
      .sort()
      .map((k) => [k, value[k]]),
  )
}

/**
 * Merges freshly generated drafts for a period into the stored items. Items match by `key`. New ids come from
 * `nextId` in draft order, so the same store and drafts always give the same ids. Items added by hand stay as they
 * are, and drafts whose key a person removed (`removed`) are skipped.
 */
export function mergeCalendar(
  existing: readonly CalendarItem[],
  drafts: readonly CalendarDraft[],
  scope: DateRange & CalendarFilter,
  o: {nextId: () => string; now: string; removed?: readonly RemovedItem[]},
): MergeResult {
  const items = existing.map((i) => structuredClone(i))
  const at = new Map(items.map((item, index) => [item.key, index]))
  const gone = new Set((o.removed ?? []).map((r) => r.key))
  const wanted = new Set(drafts.map((d) => d.key))
  const result: MergeResult = {items, added: [], kept: [], updated: [], removed: []}
  for (const draft of drafts) {
    if (gone.has(draft.key)) continue
    const index = at.get(draft.key)
    if (index === undefined) {
      const item: CalendarItem = {id: o.nextId(), ...structuredClone(draft), generated: baseline(draft), rev: 0, createdAt: o.now, updatedAt: o.now}
      at.set(item.key, items.length)
      items.push(item)
      result.added.push(item)
      continue
    }
    const old = items[index]
    if (isEdited(old)) {
      result.kept.push(old)
      continue
    }
    if (sorted(old as unknown as Record<string, unknown>) === sorted(draft)) {
      result.kept.push(old)
      continue
    }
    const fresh: CalendarItem = {
      id: old.id,
      ...structuredClone(draft),
      generated: baseline(draft),
      rev: old.rev + 1,
      createdAt: old.createdAt,
      updatedAt: o.now,
    }
    items[index] = fresh
    result.updated.push(fresh)
  }
  const drop = new Set<string>()
  for (const item of items) {
    if (item.manual || wanted.has(item.key) || !inScope(item, scope)) continue
    if (isEdited(item)) result.kept.push(item)
    else {
      drop.add(item.id)
      result.removed.push(item)
    }
  }
  if (drop.size) result.items = items.filter((i) => !drop.has(i.id))
  return result
}

/** Items of a period and filter, in time order. */
export function itemsIn(
  items: readonly CalendarItem[],
  scope: Partial<DateRange> & CalendarFilter & {owner?: string; status?: string[]},
): CalendarItem[] {
  return items
    .filter((i) => (scope.from === undefined || i.date >= scope.from) && (scope.to === undefined || i.date <= scope.to))
    .filter((i) => !scope.pillars?.length || scope.pillars.includes(i.pillar ?? i.activity ?? ''))
    .filter((i) => !scope.channels?.length || (i.channel !== undefined && scope.channels.includes(i.channel)))
    .filter((i) => scope.owner === undefined || i.owner === scope.owner)
    .filter((i) => !scope.status?.length || scope.status.includes(i.status))
    .sort(byTime)
}

/** Orders items by their instant, then by key. */
export function byTime(a: CalendarItem, b: CalendarItem): number {
  return Date.parse(a.start) - Date.parse(b.start) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/** Items per pillar or activity id and per channel (`-` for none). */
export function calendarCounts(items: readonly CalendarItem[]): {byPillar: Record<string, number>; byChannel: Record<string, number>} {
  const byPillar: Record<string, number> = {}
  const byChannel: Record<string, number> = {}
  for (const i of items) {
    const source = i.pillar ?? i.activity ?? '-'
    byPillar[source] = (byPillar[source] ?? 0) + 1
    byChannel[i.channel ?? '-'] = (byChannel[i.channel ?? '-'] ?? 0) + 1
  }
  return {byPillar, byChannel}
}
