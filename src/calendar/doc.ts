/** The calendar as a document to show or export: items plus the names of pillars, activities and channels. */
import {pick, translator, type Locale, type Translate} from '../i18n/index.js'
import type {Community} from '../workspace/community.js'
import type {CalendarDoc, CalendarItem} from './types.js'

/** Builds the document exporters read, with names in `locale`. */
export function calendarDoc(items: CalendarItem[], community: Community, locale: Locale, range: {from?: string; to?: string} = {}): CalendarDoc {
  const t = translator(locale)
  return {
    title: t('cal.doc.title', {community: community.name}),
    community: community.name,
    timezone: community.timezone,
    ...(range.from ? {from: range.from} : {}),
    ...(range.to ? {to: range.to} : {}),
    items,
    names: {
      pillars: Object.fromEntries((community.content?.pillars ?? []).map((p) => [p.id, pick(p.name, locale) || p.id])),
      activities: Object.fromEntries((community.activities ?? []).map((a) => [a.id, pick(a.name, locale) || t(`cal.activity.${a.type}`)])),
      channels: Object.fromEntries((community.platforms ?? []).flatMap((p) => (p.channels ?? []).map((c) => [c.id, pick(c.name, locale) || c.id]))),
    },
  }
}

/** What an item belongs to, for a table: the pillar's name, or the activity type (答疑, 主题讨论…). */
export function sourceLabel(item: CalendarItem, doc: CalendarDoc, t: Translate): string {
  if (item.pillar) return doc.names.pillars[item.pillar] ?? item.pillar
  return item.activityType ? t(`cal.activity.${item.activityType}`) : (item.activity ?? '')
}

export const statusLabel = (t: Translate, status: string) => t(`cal.status.${status}`)
export const formatLabel = (t: Translate, format: string | undefined) => (format ? t(`cal.format.${format}`) : '')
