/** Generates calendar items from community.yaml: pillars and activities × cadence, minus blackout dates and holidays. */
import {DateTime, IANAZone} from '../util/luxon.js'
import {UsageError, ValidationError, type Msg, type SourceLocation} from '../errors.js'
import {pick, translator, type Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import type {Community} from '../workspace/community.js'
import {CadenceError, expandCadence, parseCadence, type Cadence} from './cadence.js'
import {dateLabel, freeDays, isoWeek} from './dates.js'
import type {CalendarDraft, CalendarFilter, DateRange, ItemSource} from './types.js'
import {plainText} from '../util/text.js'

/** Minutes a content post occupies in a calendar app; activities use their own durationMinutes. */
export const POST_MINUTES = 30
export const ACTIVITY_MINUTES = 60

/** Maps a JSON pointer in community.yaml (and an offset inside the string there) to `file:line:col`. */
export type Locate = (pointer: string, offset?: number) => SourceLocation | undefined

export interface GenerateOptions extends DateRange, CalendarFilter {
  /** Language of the titles (the community's, so a --lang flag does not change the content). */
  locale: Locale
  locate?: Locate
}

/** An occurrence left out because its date is a blackout date or a public holiday. */
export interface Skipped {
  key: string
  date: string
  time: string
  reason: 'blackout' | 'holiday'
  holiday?: string
}

export interface Generated extends DateRange {
  drafts: CalendarDraft[]
  skipped: Skipped[]
  warnings: Msg[]
}

/** A pillar or an activity with its cadence, as a source of items. */
export interface Source {
  source: ItemSource
  id: string
  pointer: string
  cadence: Cadence
  channel?: string
  owner?: string
}

/** Every channel id declared under platforms. */
export function channelIds(community: Community): string[] {
  return (community.platforms ?? []).flatMap((p) => (p.channels ?? []).map((c) => c.id))
}

/** Checks the community's timezone; an unknown one is a located validation error. */
export function checkTimezone(community: Community, locate?: Locate): string {
  if (!IANAZone.isValidZone(community.timezone)) {
    throw new ValidationError(
      {key: 'cal.badTimezone', params: {timezone: community.timezone}},
      {code: 'calendar.badTimezone', hint: {key: 'cal.badTimezone.hint'}, location: locate?.('/timezone')},
    )
  }
  return community.timezone
}

/** The pillars and activities (with a cadence) of a community, cadences parsed; a bad cadence is a located error. */
export function sourcesOf(community: Community, locate?: Locate): Source[] {
  const parse = (text: unknown, pointer: string): Cadence => {
    try {
      return parseCadence(plainText(text))
    } catch (error) {
      if (!(error instanceof CadenceError)) throw error
      throw new ValidationError(error.msg, {code: 'calendar.cadence', hint: error.hint, location: locate?.(pointer, error.offset)})
    }
  }
  const pillars = (community.content?.pillars ?? []).map((p, i): Source => ({
    source: 'pillar',
    id: p.id,
    pointer: `/content/pillars/${i}/cadence`,
    cadence: parse(p.cadence, `/content/pillars/${i}/cadence`),
    channel: p.channel,
    owner: p.owner,
  }))
  const activities = (community.activities ?? []).flatMap((a, i): Source[] =>
    a.cadence === undefined
      ? []
      : [
          {
            source: 'activity',
            id: a.id,
            pointer: `/activities/${i}/cadence`,
            cadence: parse(a.cadence, `/activities/${i}/cadence`),
            channel: a.channel,
            owner: a.owner,
          },
        ],
  )
  return [...pillars, ...activities]
}

/** Refuses filter values that name no pillar, activity or channel, with a did-you-mean hint. */
export function checkFilter(community: Community, filter: CalendarFilter): void {
  const ids = [...(community.content?.pillars ?? []).map((p) => p.id), ...(community.activities ?? []).map((a) => a.id)]
  for (const id of filter.pillars ?? []) {
    if (!ids.includes(id)) {
      const best = closest(id, ids)
      throw new UsageError(
        {key: 'cal.unknownPillar', params: {id}},
        {
          code: 'calendar.unknownPillar',
          hint: {key: 'cal.unknownPillar.hint', params: {ids: ids.join(', ') || '—', suggest: best ? ` (${best}?)` : ''}},
        },
      )
    }
  }
  const channels = channelIds(community)
  for (const id of filter.channels ?? []) {
    if (!channels.includes(id)) {
      const best = closest(id, channels)
      throw new UsageError(
        {key: 'cal.unknownChannel', params: {id}},
        {
          code: 'calendar.unknownChannel',
          hint: {key: 'cal.unknownChannel.hint', params: {ids: channels.join(', ') || '—', suggest: best ? ` (${best}?)` : ''}},
        },
      )
    }
  }
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(n|date|week)\}/g, (_, k: string) => String(values[k]))

/** Index of the first element of a sorted list that is >= value. */
function lowerBound(list: string[], value: string): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (list[mid] < value) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * The items a community's pillars and activities produce in a period (local dates, inclusive), in time order.
 * Pure and deterministic: the same community, period and filter give the same drafts and keys.
 * `{n}` counts a source's occurrences since `founded` (or since 1 January of the item's year when the community
 * has no founding date or the item comes before it), so it does not depend on the period asked for.
 */
export function draftCalendar(community: Community, o: GenerateOptions): Generated {
  const zone = checkTimezone(community, o.locate)
  checkFilter(community, o)
  const t = translator(o.locale)
  const free = freeDays(community.content, o)
  const warnings: Msg[] = []
  if (free.missingYears.length) warnings.push({key: 'cal.holidays.missing', params: {years: free.missingYears.join(', ')}})
  if (free.projectedYears.length) warnings.push({key: 'cal.holidays.projected', params: {years: free.projectedYears.join(', ')}})
  const founded = typeof community.founded === 'string' ? community.founded : undefined
  const yearStart = `${o.from.slice(0, 4)}-01-01`
  const countFrom = founded && founded < yearStart ? founded : yearStart
  const pillars = new Map((community.content?.pillars ?? []).map((p) => [p.id, p]))
  const activities = new Map((community.activities ?? []).map((a) => [a.id, a]))
  const drafts: Array<CalendarDraft & {instant: number}> = []
  const skipped: Skipped[] = []
  for (const s of sourcesOf(community, o.locate)) {
    if (o.pillars?.length && !o.pillars.includes(s.id)) continue
    if (o.channels?.length && !(s.channel && o.channels.includes(s.channel))) continue
    const all = expandCadence(s.cadence, countFrom, o.to)
    const dates = all.map((x) => x.date)
    for (const [index, occ] of all.entries()) {
      if (occ.date < o.from) continue
      const key = `${s.source}:${s.id}@${occ.date}T${occ.time}`
      const off = free.days.get(occ.date)
      if (off) {
        skipped.push({key, date: occ.date, time: occ.time, reason: off.kind, holiday: off.name?.[o.locale]})
        continue
      }
      const base = founded && founded <= occ.date ? founded : `${occ.date.slice(0, 4)}-01-01`
      const n = index - lowerBound(dates, base) + 1
      const [hour, minute] = occ.time.split(':').map(Number)
      const [year, month, day] = occ.date.split('-').map(Number)
      // A time that does not exist on a spring-forward day moves forward by the gap (luxon's rule).
      const at = DateTime.fromObject({year, month, day, hour, minute}, {zone})
      const values = {n, date: dateLabel(occ.date, o.locale), week: isoWeek(occ.date).week}
      let title: string
      let format: string | undefined
      let durationMinutes: number
      let activityType: string | undefined
      if (s.source === 'pillar') {
        const p = pillars.get(s.id)!
        const templates = (p.titles ?? []).map((x) => pick(x, o.locale)).filter(Boolean)
        title = fill(templates.length ? templates[(n - 1) % templates.length] : t('cal.title.default'), {...values, n}).replace(
          '{name}',
          pick(p.name, o.locale),
        )
        format = p.formats?.length ? p.formats[(n - 1) % p.formats.length] : undefined
        durationMinutes = POST_MINUTES
      } else {
        const a = activities.get(s.id)!
        title = pick(a.name, o.locale) || t(`cal.activity.${a.type}`)
        format = 'event'
        activityType = a.type
        durationMinutes = a.durationMinutes ?? ACTIVITY_MINUTES
      }
      drafts.push({
        key,
        source: s.source,
        ...(s.source === 'pillar' ? {pillar: s.id} : {activity: s.id, activityType}),
        date: at.toISODate()!,
        time: at.toFormat('HH:mm'),
        start: at.toISO({suppressMilliseconds: true})!,
        timezone: zone,
        durationMinutes,
        title,
        format,
        channel: s.channel,
        owner: s.owner,
        status: 'planned',
        n,
        instant: at.toMillis(),
      })
    }
  }
  drafts.sort((a, b) => a.instant - b.instant || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
  skipped.sort((a, b) => (a.date + a.time + a.key < b.date + b.time + b.key ? -1 : 1))
  return {from: o.from, to: o.to, drafts: drafts.map(({instant: _instant, ...d}) => stripUndefined(d)), skipped, warnings}
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
