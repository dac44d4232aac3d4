/**
 * The calendar as iCalendar (RFC 5545), with ical-generator.
 *
 * One VEVENT per item rather than one recurring VEVENT per pillar: every item has its own status, owner, title and
 * notes, and holidays or edits break any pattern, so a recurring event would need an exception for almost every
 * change. Each VEVENT's UID is derived from the community and the item's stable key (not from the store id), so
 * importing a later export updates the same events instead of duplicating them; SEQUENCE is the item's revision.
 * Times carry `TZID=<community timezone>`, described by a VTIMEZONE built from the IANA rules (luxon) for the
 * years covered, so clients without that zone built in (ical.js, Outlook) place the events correctly.
 */
import type {default as icalGenerator, ICalEventStatus} from 'ical-generator'
import {DateTime} from '../util/luxon.js'
import {sha256Hex} from '../util/hash.js'
import {translator, type Locale} from '../i18n/index.js'
import {lazyRequire} from '../util/lazy.js'
import {formatLabel, sourceLabel, statusLabel} from './doc.js'
import {byTime} from './merge.js'
import type {CalendarDoc, CalendarItem} from './types.js'

const icalModule = lazyRequire<{default: typeof icalGenerator}>('ical-generator')

/** The UID of an item's VEVENT: stable for a community and an item key. */
export function itemUid(community: string, item: Pick<CalendarItem, 'key'>): string {
  return `${sha256Hex(`${community}\n${item.key}`).slice(0, 24)}@commops`
}

const STATUS: Record<string, ICalEventStatus> = {
  published: 'CONFIRMED' as ICalEventStatus,
  scheduled: 'CONFIRMED' as ICalEventStatus,
  cancelled: 'CANCELLED' as ICalEventStatus,
}

/** ICS text with one VEVENT per item and a VTIMEZONE for the community's zone. */
export function calendarToIcs(doc: CalendarDoc, locale: Locale): string {
  const t = translator(locale)
  const cal = icalModule().default({name: doc.title, prodId: {company: 'commops', product: 'commops', language: locale === 'zh-CN' ? 'ZH' : 'EN'}})
  cal.x('X-WR-TIMEZONE', doc.timezone)
  const items = [...doc.items].sort(byTime)
  for (const item of items) {
    const start = DateTime.fromISO(item.start, {setZone: true}).setZone(item.timezone)
    const stamp = DateTime.fromISO(item.updatedAt, {zone: 'utc'})
    const description = [
      `${t('cal.col.source')}: ${sourceLabel(item, doc, t)}`,
      item.format ? `${t('cal.col.format')}: ${formatLabel(t, item.format)}` : '',
      item.owner ? `${t('cal.col.owner')}: ${item.owner}` : '',
      `${t('cal.col.status')}: ${statusLabel(t, item.status)}`,
      item.notes ? `${t('cal.col.notes')}: ${item.notes}` : '',
      `commops ${item.id}`,
    ].filter(Boolean)
    cal.createEvent({
      id: itemUid(doc.community, item),
      start,
      end: start.plus({minutes: item.durationMinutes}),
      timezone: item.timezone,
      summary: item.title,
      description: description.join('\n'),
      location: item.channel ? (doc.names.channels[item.channel] ?? item.channel) : undefined,
      // an item added by hand has no pillar or activity: no category (ical-generator refuses an empty one)
      categories: sourceLabel(item, doc, t) ? [{name: sourceLabel(item, doc, t)}] : [],
      status: STATUS[item.status] ?? ('TENTATIVE' as ICalEventStatus),
      sequence: item.rev,
      stamp,
      lastModified: stamp,
      x: [{key: 'X-COMMOPS-ID', value: item.id}],
    })
  }
  const text = cal.toString()
  const years = items.map((i) => Number(i.date.slice(0, 4)))
  const zones = [...new Set([doc.timezone, ...items.map((i) => i.timezone)])]
  const block =
    zones
      .flatMap((z) =>
        vtimezone(z, Math.min(...years, Number((doc.from ?? '9999').slice(0, 4))) - 1, Math.max(...years, Number((doc.to ?? '0').slice(0, 4))) + 1),
      )
      .join('\r\n') + '\r\n'
  const at = text.indexOf('BEGIN:VEVENT')
  const end = text.lastIndexOf('END:VCALENDAR')
  const insertAt = at >= 0 ? at : end
  return text.slice(0, insertAt) + block + text.slice(insertAt) + (text.endsWith('\r\n') ? '' : '\r\n')
}

const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+'
  const abs = Math.abs(minutes)
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`
}

const localStamp = (ms: number, offset: number) => new Date(ms + offset * MINUTE).toISOString().slice(0, 19).replace(/[-:]/g, '')

/** VTIMEZONE lines for an IANA zone: its offset at the start and every transition from `fromYear` to `toYear`. */
export function vtimezone(zone: string, fromYear: number, toYear: number): string[] {
  if (!Number.isFinite(fromYear) || !Number.isFinite(toYear) || fromYear > toYear) {
    const y = new Date().getUTCFullYear()
    fromYear = y
    toYear = y
  }
  const offset = (ms: number) => DateTime.fromMillis(ms, {zone}).offset
  const begin = Date.UTC(fromYear, 0, 1)
  const end = Date.UTC(toYear + 1, 0, 1)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`]
  const part = (ms: number, from: number, to: number) => {
    const dt = DateTime.fromMillis(ms, {zone}).setLocale('en-US')
    const kind = dt.isInDST ? 'DAYLIGHT' : 'STANDARD'
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localStamp(ms, from)}`,
      `TZOFFSETFROM:${offsetText(from)}`,
      `TZOFFSETTO:${offsetText(to)}`,
      `TZNAME:${dt.offsetNameShort ?? offsetText(to)}`,
      `END:${kind}`,
    )
  }
  part(begin, offset(begin), offset(begin))
  for (let day = begin; day < end; day += DAY) {
    const before = offset(day)
    if (offset(day + DAY) === before) continue
    let lo = day
    let hi = day + DAY
    while (hi - lo > MINUTE) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE
      if (offset(mid) === before) lo = mid
      else hi = mid
    }
    part(hi, before, offset(hi))
  }
  lines.push('END:VTIMEZONE')
  return lines
}
