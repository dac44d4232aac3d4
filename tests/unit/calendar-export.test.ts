import {parse as parseCsv} from 'csv-parse/sync'
import ICAL from 'ical.js'
import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import {calendarDoc} from '../../src/calendar/doc.js'
import {CSV_COLUMNS} from '../../src/calendar/export-csv.js'
import {itemUid} from '../../src/calendar/export-ics.js'
import {renderCalendar} from '../../src/calendar/export.js'
import {draftCalendar} from '../../src/calendar/generate.js'
import {mergeCalendar} from '../../src/calendar/merge.js'
import type {CalendarItem} from '../../src/calendar/types.js'
import type {Community} from '../../src/workspace/community.js'
import {community} from './calendar-helpers.js'

function items(c: Community, from: string, to: string): CalendarItem[] {
  let n = 0
  const g = draftCalendar(c, {from, to, locale: 'en'})
  return mergeCalendar([], g.drafts, {from, to}, {nextId: () => `C${++n}`, now: '2026-11-30T08:00:00.000Z'}).items
}

interface ReadEvent {
  uid: string
  start: number
  end: number
  tzid: string
  summary: string
  sequence: number
  status: string
}

/** Reads an ICS text back the way a calendar client does, with ical.js. */
function readIcs(text: string): {events: ReadEvent[]; timezones: string[]} {
  const cal = new ICAL.Component(ICAL.parse(text))
  const timezones = cal.getAllSubcomponents('vtimezone').map((z) => String(z.getFirstPropertyValue('tzid')))
  const events = cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v)
    return {
      uid: e.uid,
      start: e.startDate.toJSDate().getTime(),
      end: e.endDate.toJSDate().getTime(),
      tzid: String(v.getFirstProperty('dtstart')?.getParameter('tzid')),
      summary: e.summary,
      sequence: e.sequence,
      status: String(v.getFirstPropertyValue('status')),
    }
  })
  return {events, timezones}
}

describe('ICS export, read back with ical.js', () => {
  it('has one event per item with the same start times (as UTC instants), TZID and a VTIMEZONE', () => {
    const c = community({holidays: 'zh-CN'})
    const list = items(c, '2026-09-28', '2026-10-11')
    const ics = renderCalendar(calendarDoc(list, c, 'zh-CN'), 'ics', 'zh-CN')
    const {events, timezones} = readIcs(ics)
    expect(events).toHaveLength(list.length)
    expect(timezones).toEqual(['Asia/Shanghai'])
    const byUid = new Map(events.map((e) => [e.uid, e]))
    for (const item of list) {
      const e = byUid.get(itemUid(c.name, item))!
      expect(e.start).toBe(Date.parse(item.start))
      expect(e.end - e.start).toBe(item.durationMinutes * 60_000)
      expect(e.tzid).toBe('Asia/Shanghai')
      expect(e.summary).toBe(item.title)
    }
    expect(ics).toContain('DTSTART;TZID=Asia/Shanghai:20260928T100000')
    expect(ics.split('\r\n').every((l) => !l.includes('\n'))).toBe(true)
  })

  it('places events right across DST in America/New_York (VTIMEZONE with both offsets)', () => {
    const c = community({
      timezone: 'America/New_York',
      pillars: [{id: 'sun', name: 'Sunday', cadence: 'weekly on sun 20:00', channel: 'main'}],
      activities: [],
    })
    const list = [...items(c, '2026-03-01', '2026-03-15'), ...items(c, '2026-10-25', '2026-11-08').map((i) => ({...i, id: `N${i.id}`}))]
    const {events} = readIcs(renderCalendar(calendarDoc(list, c, 'en'), 'ics', 'en'))
    expect(events).toHaveLength(6)
    const utc = events.map((e) => new Date(e.start).toISOString()).sort()
    expect(utc).toEqual([
      '2026-03-02T01:00:00.000Z',
      '2026-03-09T00:00:00.000Z',
      '2026-03-16T00:00:00.000Z',
      '2026-10-26T00:00:00.000Z',
      '2026-11-02T01:00:00.000Z',
      '2026-11-09T01:00:00.000Z',
    ])
    for (const e of events) expect(DateTime.fromMillis(e.start, {zone: 'America/New_York'}).toFormat('HH:mm')).toBe('20:00')
  })

  it('UIDs are stable across exports; a change bumps SEQUENCE and a cancellation says CANCELLED', () => {
    const c = community()
    const list = items(c, '2026-12-01', '2026-12-07')
    const first = readIcs(renderCalendar(calendarDoc(list, c, 'en'), 'ics', 'en')).events
    const again = readIcs(renderCalendar(calendarDoc(structuredClone(list), c, 'en'), 'ics', 'en')).events
    expect(again.map((e) => e.uid)).toEqual(first.map((e) => e.uid))
    expect(new Set(first.map((e) => e.uid)).size).toBe(first.length)
    const changed = structuredClone(list)
    Object.assign(changed[0], {status: 'cancelled', rev: 1, updatedAt: '2026-12-01T00:00:00.000Z'})
    const third = readIcs(renderCalendar(calendarDoc(changed, c, 'en'), 'ics', 'en')).events
    const uid = itemUid(c.name, changed[0])
    expect(third.find((e) => e.uid === uid)).toMatchObject({sequence: 1, status: 'CANCELLED'})
    expect(third.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort())
    // Same store, same text: exports are deterministic.
    expect(renderCalendar(calendarDoc(list, c, 'en'), 'ics', 'en')).toBe(renderCalendar(calendarDoc(list, c, 'en'), 'ics', 'en'))
  })
})

describe('CSV export', () => {
  it('starts with a BOM, keeps Chinese text and round-trips', () => {
    const c = community()
    const list = items(c, '2026-12-01', '2026-12-07')
    list[0].notes = '含逗号, "引号" 和\n换行'
    list[1].title = '每日一问：你最喜欢的功能？'
    const csv = renderCalendar(calendarDoc(list, c, 'zh-CN'), 'csv', 'zh-CN')
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    const rows = parseCsv<Record<string, string>>(csv, {bom: true, columns: true})
    expect(Object.keys(rows[0])).toEqual([...CSV_COLUMNS])
    expect(rows).toHaveLength(list.length)
    const byId = new Map(rows.map((r) => [r.id, r]))
    for (const i of list) {
      const r = byId.get(i.id)!
      expect([
        r.date,
        r.time,
        r.title,
        r.pillar,
        r.activity,
        r.channel,
        r.owner,
        r.status,
        r.notes,
        r.start,
        r.key,
        Number(r.duration_minutes),
      ]).toEqual([
        i.date,
        i.time,
        i.title,
        i.pillar ?? '',
        i.activity ?? '',
        i.channel ?? '',
        i.owner ?? '',
        i.status,
        i.notes ?? '',
        i.start,
        i.key,
        i.durationMinutes,
      ])
    }
  })
})

describe('Markdown and JSON export', () => {
  it('Markdown has a table per ISO week', () => {
    const c = community()
    const md = renderCalendar(calendarDoc(items(c, '2026-12-01', '2026-12-20'), c, 'zh-CN'), 'md', 'zh-CN')
    expect(md.match(/^## /gm)).toHaveLength(3)
    expect(md).toContain('## 2026 年第 49 周（11月30日 – 12月6日）')
    expect(md.match(/^\|---/gm)).toHaveLength(3)
  })
  it('JSON lists the items in time order', () => {
    const c = community()
    const list = items(c, '2026-12-01', '2026-12-07')
    const json = JSON.parse(renderCalendar(calendarDoc([...list].reverse(), c, 'en', {from: '2026-12-01', to: '2026-12-07'}), 'json', 'en'))
    expect(json.items.map((i: CalendarItem) => i.id)).toEqual(list.map((i) => i.id))
    expect(json).toMatchObject({timezone: 'Asia/Shanghai', from: '2026-12-01', to: '2026-12-07'})
  })
})
