/** The calendar's export formats, one entry point for the command and the playbook `export` step. */
import type {Locale} from '../i18n/index.js'
import {calendarToCsv} from './export-csv.js'
import {calendarToIcs} from './export-ics.js'
import {calendarToMarkdown} from './export-md.js'
import {byTime} from './merge.js'
import type {CalendarDoc} from './types.js'

export const CALENDAR_FORMATS = ['md', 'csv', 'ics', 'json'] as const
export type CalendarFormat = (typeof CALENDAR_FORMATS)[number]

/** JSON: the period, the timezone and the items, in time order. */
export function calendarToJson(doc: CalendarDoc): string {
  const {title, community, timezone, from, to} = doc
  return JSON.stringify({title, community, timezone, from, to, items: [...doc.items].sort(byTime)}, null, 2) + '\n'
}

/** The text of the calendar in one format. */
export function renderCalendar(doc: CalendarDoc, format: CalendarFormat, locale: Locale): string {
  switch (format) {
    case 'md':
      return calendarToMarkdown(doc, locale)
    case 'csv':
      return calendarToCsv(doc)
    case 'ics':
      return calendarToIcs(doc, locale)
    default:
      return calendarToJson(doc)
  }
}
