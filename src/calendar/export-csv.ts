/** The calendar as CSV: UTF-8 with a byte-order mark so Excel shows Chinese text, one row per item. */
import {stringifyCsvSafe} from '../util/csv-safe.js'
import {byTime} from './merge.js'
import type {CalendarDoc} from './types.js'

/** Column names, stable across languages so the file can be read back by scripts. */
export const CSV_COLUMNS = [
  'id',
  'date',
  'time',
  'title',
  'pillar',
  'activity',
  'activity_type',
  'format',
  'channel',
  'owner',
  'status',
  'notes',
  'start',
  'timezone',
  'duration_minutes',
  'key',
] as const

/**
 * CSV text starting with a BOM; dates and times are local to the community's timezone, `start` carries the offset.
 * Text cells that a spreadsheet would run as a formula are escaped (see csv-safe).
 */
export function calendarToCsv(doc: CalendarDoc): string {
  const rows = [...doc.items]
    .sort(byTime)
    .map((i) => [
      i.id,
      i.date,
      i.time,
      i.title,
      i.pillar ?? '',
      i.activity ?? '',
      i.activityType ?? '',
      i.format ?? '',
      i.channel ?? '',
      i.owner ?? '',
      i.status,
      i.notes ?? '',
      i.start,
      i.timezone,
      i.durationMinutes,
      i.key,
    ])
  return stringifyCsvSafe(rows, {header: true, columns: [...CSV_COLUMNS], bom: true})
}
