/** The calendar as Markdown: one table per ISO week. */
import {mdCell, mdInline} from '../util/markdown.js'
import {translator, type Locale} from '../i18n/index.js'
import {dateLabel, isoWeek, weekdayName} from './dates.js'
import {formatLabel, sourceLabel, statusLabel} from './doc.js'
import {byTime} from './merge.js'
import type {CalendarDoc} from './types.js'

/** Markdown with a heading and a table per week; dates and times are local to the community's timezone. */
export function calendarToMarkdown(doc: CalendarDoc, locale: Locale): string {
  const t = translator(locale)
  const lines = [`# ${mdInline(doc.title)}`, '']
  const period = doc.from && doc.to ? `${doc.from} – ${doc.to} · ` : ''
  lines.push(`${period}${t('cal.md.timezone', {timezone: doc.timezone})} · ${t('cal.md.count', {count: doc.items.length})}`, '')
  if (doc.items.length === 0) lines.push(t('cal.none'), '')
  const head = [
    t('cal.col.id'),
    t('cal.col.date'),
    t('cal.col.time'),
    t('cal.col.title'),
    t('cal.col.source'),
    t('cal.col.format'),
    t('cal.col.channel'),
    t('cal.col.owner'),
    t('cal.col.status'),
  ]
  let week = ''
  for (const item of [...doc.items].sort(byTime)) {
    const w = isoWeek(item.date)
    const id = `${w.year}-${w.week}`
    if (id !== week) {
      if (week) lines.push('')
      week = id
      lines.push(`## ${t('cal.md.week', {year: w.year, week: w.week, from: dateLabel(w.monday, locale), to: dateLabel(w.sunday, locale)})}`, '')
      lines.push(`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`)
    }
    const cells = [
      item.id,
      `${item.date} ${weekdayName(item.date, locale)}`,
      item.time,
      item.status === 'cancelled' ? `~~${mdCell(item.title)}~~` : mdCell(item.title),
      mdCell(sourceLabel(item, doc, t)),
      mdCell(formatLabel(t, item.format)),
      mdCell(item.channel ?? ''),
      mdCell(item.owner ?? ''),
      statusLabel(t, item.status),
    ]
    lines.push(`| ${cells.join(' | ')} |`)
  }
  return lines.join('\n').replace(/\n*$/, '\n')
}
