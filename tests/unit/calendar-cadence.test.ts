import fc from 'fast-check'
import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import {CadenceError, expandCadence, longestIntervalDays, parseCadence} from '../../src/calendar/cadence.js'

const dates = (cadence: string, from: string, to: string) => expandCadence(parseCadence(cadence), from, to).map((o) => `${o.date} ${o.time}`)
const weekday = (date: string) => DateTime.fromISO(date).toFormat('ccc')

function failure(cadence: string): CadenceError {
  try {
    parseCadence(cadence)
  } catch (error) {
    if (error instanceof CadenceError) return error
    throw error
  }
  throw new Error(`no error for ${cadence}`)
}

describe('friendly cadences', () => {
  it('daily: every day at the default time', () => {
    expect(parseCadence('daily').rule).toBe('FREQ=DAILY;BYHOUR=10;BYMINUTE=0')
    expect(dates('daily', '2026-12-01', '2026-12-03')).toEqual(['2026-12-01 10:00', '2026-12-02 10:00', '2026-12-03 10:00'])
    expect(dates('daily at 09:30', '2026-12-01', '2026-12-01')).toEqual(['2026-12-01 09:30'])
  })

  it('weekly on tue 20:00: Tuesdays at 20:00', () => {
    expect(parseCadence('weekly on tue 20:00').rule).toBe('FREQ=WEEKLY;BYDAY=TU;BYHOUR=20;BYMINUTE=0')
    const got = dates('weekly on tue 20:00', '2026-12-01', '2026-12-31')
    expect(got).toEqual(['2026-12-01 20:00', '2026-12-08 20:00', '2026-12-15 20:00', '2026-12-22 20:00', '2026-12-29 20:00'])
    expect(dates('Weekly on Tuesday at 8pm', '2026-12-01', '2026-12-07')).toEqual(['2026-12-01 20:00'])
    expect(dates('weekly on mon, thu 19:00', '2026-12-01', '2026-12-07')).toEqual(['2026-12-03 19:00', '2026-12-07 19:00'])
  })

  it('2/week: two spread days; days can be named', () => {
    expect(parseCadence('2/week').rule).toBe('FREQ=WEEKLY;BYDAY=TU,FR;BYHOUR=10;BYMINUTE=0')
    expect(dates('2/week', '2026-11-30', '2026-12-06').map((d) => weekday(d.slice(0, 10)))).toEqual(['Tue', 'Fri'])
    expect(parseCadence('3 times a week').byday?.map((d) => d.day)).toEqual([0, 2, 4])
    expect(parseCadence('2/week on mon,thu 18:00').rule).toBe('FREQ=WEEKLY;BYDAY=MO,TH;BYHOUR=18;BYMINUTE=0')
  })

  it('monthly on 1st, on the 15th, on the last day, on last thu, on 2nd sat', () => {
    expect(parseCadence('monthly on 1st').rule).toBe('FREQ=MONTHLY;BYMONTHDAY=1;BYHOUR=10;BYMINUTE=0')
    expect(dates('monthly on 1st', '2026-11-15', '2027-01-15')).toEqual(['2026-12-01 10:00', '2027-01-01 10:00'])
    expect(dates('monthly on 15th 20:00', '2026-12-01', '2026-12-31')).toEqual(['2026-12-15 20:00'])
    expect(dates('monthly on last day', '2026-02-01', '2026-02-28')).toEqual(['2026-02-28 10:00'])
    expect(dates('monthly on last thu 20:00', '2026-12-01', '2026-12-31')).toEqual(['2026-12-31 20:00'])
    expect(dates('monthly on 2nd sat 14:00', '2026-12-01', '2026-12-31')).toEqual(['2026-12-12 14:00'])
  })

  it('every N weeks and biweekly count from a fixed anchor, not from the period asked for', () => {
    const december = dates('every 2 weeks on mon 09:30', '2026-12-01', '2026-12-31')
    expect(december).toHaveLength(2)
    const longer = dates('every 2 weeks on mon 09:30', '2026-11-01', '2026-12-31').filter((d) => d >= '2026-12')
    expect(longer).toEqual(december)
    expect(parseCadence('biweekly on thu').interval).toBe(2)
  })

  it('Chinese forms', () => {
    expect(parseCadence('每天 9:00').rule).toBe('FREQ=DAILY;BYHOUR=9;BYMINUTE=0')
    expect(parseCadence('每周二 20:00').rule).toBe('FREQ=WEEKLY;BYDAY=TU;BYHOUR=20;BYMINUTE=0')
    expect(parseCadence('每周二、五').rule).toBe('FREQ=WEEKLY;BYDAY=TU,FR;BYHOUR=10;BYMINUTE=0')
    expect(parseCadence('每两周四 16:00').interval).toBe(2)
    expect(parseCadence('每周2次').rule).toBe(parseCadence('2/week').rule)
    expect(parseCadence('每月1日').rule).toBe(parseCadence('monthly on 1st').rule)
    expect(parseCadence('每月最后一个周四 20:00').rule).toBe('FREQ=MONTHLY;BYDAY=-1TH;BYHOUR=20;BYMINUTE=0')
    expect(parseCadence('每月第二个周六 14:00').rule).toBe('FREQ=MONTHLY;BYDAY=2SA;BYHOUR=14;BYMINUTE=0')
  })
})

describe('RRULE cadences (the samples use all of these)', () => {
  it('BYDAY + BYHOUR', () => {
    expect(dates('FREQ=WEEKLY;BYDAY=FR;BYHOUR=12', '2026-12-01', '2026-12-13')).toEqual(['2026-12-04 12:00', '2026-12-11 12:00'])
  })
  it('BYMONTHDAY', () => {
    expect(dates('FREQ=MONTHLY;BYMONTHDAY=15;BYHOUR=20', '2026-12-01', '2027-01-31')).toEqual(['2026-12-15 20:00', '2027-01-15 20:00'])
  })
  it('INTERVAL with an ordinal BYDAY (2SA), quarters from January', () => {
    expect(dates('FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA;BYHOUR=14', '2026-01-01', '2026-12-31')).toEqual([
      '2026-01-10 14:00',
      '2026-04-11 14:00',
      '2026-07-11 14:00',
      '2026-10-10 14:00',
    ])
  })
  it('negative ordinal (-1TH), RRULE: prefix, lower case', () => {
    expect(dates('RRULE:freq=monthly;byday=-1th;byhour=20', '2026-11-01', '2026-12-31')).toEqual(['2026-11-26 20:00', '2026-12-31 20:00'])
  })
  it('INTERVAL=2 weekly and an explicit DTSTART anchor', () => {
    const a = dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=16', '2026-12-01', '2026-12-31')
    const b = dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=TH;BYHOUR=16;DTSTART=20261207', '2026-12-01', '2026-12-31')
    expect(a).toHaveLength(3)
    expect(b).toEqual(['2026-12-10 16:00', '2026-12-24 16:00'])
  })
  it('UNTIL ends it, several hours a day', () => {
    expect(dates('FREQ=DAILY;BYHOUR=9,20;UNTIL=20261202', '2026-12-01', '2026-12-31')).toEqual([
      '2026-12-01 09:00',
      '2026-12-01 20:00',
      '2026-12-02 09:00',
      '2026-12-02 20:00',
    ])
  })
  it('the canonical rule reads back to itself', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(
          'daily',
          'weekly on tue 20:00',
          '2/week',
          'monthly on 1st',
          'monthly on last thu',
          'FREQ=MONTHLY;INTERVAL=3;BYDAY=2SA;BYHOUR=14',
          'every 3 weeks on sat 21:00',
          '每周二、五 19:30',
        ),
        (c) => {
          expect(parseCadence(parseCadence(c).rule).rule).toBe(parseCadence(c).rule)
        },
      ),
    )
  })
  it('weekly on DAY HH:MM lands only on that day and time (property)', () => {
    const days = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']
    fc.assert(
      fc.property(
        fc.integer({min: 0, max: 6}),
        fc.integer({min: 0, max: 23}),
        fc.integer({min: 0, max: 59}),
        fc.integer({min: 0, max: 300}),
        (d, h, m, shift) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
          const from = DateTime.fromISO('2026-01-01').plus({days: shift}).toISODate()!
          const to = DateTime.fromISO(from).plus({days: 27}).toISODate()!
          const got = expandCadence(parseCadence(`weekly on ${days[d]} ${time}`), from, to)
          expect(got).toHaveLength(4)
          for (const o of got) {
            expect(DateTime.fromISO(o.date).weekday).toBe(d + 1)
            expect(o.time).toBe(time)
          }
        },
      ),
      {numRuns: 60},
    )
  })
  it('longest interval: the wait a channel may have between items', () => {
    expect(longestIntervalDays(parseCadence('daily'))).toBe(1)
    expect(longestIntervalDays(parseCadence('2/week'))).toBe(4)
    expect(longestIntervalDays(parseCadence('weekly on tue'))).toBe(7)
    expect(longestIntervalDays(parseCadence('monthly on 1st'))).toBe(31)
  })
})

describe('cadence errors point at the offending part', () => {
  it.each([
    ['weekly on tuesdya 20:00', 'cal.cadence.unknown', 10, 'tuesday'],
    ['weekly on tue 25:00', 'cal.cadence.badTime', 14, undefined],
    ['fortnighty', 'cal.cadence.unknown', 0, 'fortnightly'],
    ['9/week', 'cal.cadence.badCount', 0, undefined],
    ['2/week on mon', 'cal.cadence.dayCount', 0, undefined],
    ['daily on tue', 'cal.cadence.unexpected', 9, undefined],
    ['monthly on 6th fri', 'cal.cadence.badOrdinal', 11, undefined],
    ['monthly on 32nd', 'cal.cadence.badMonthDay', 11, undefined],
    ['FREQ=WEEKLY;BYDAI=TU', 'cal.rrule.unknownKey', 12, 'BYDAY'],
    ['FREQ=WEEKLY;BYDAY=2SA', 'cal.rrule.ordinal', 18, undefined],
    ['FREQ=FORTNIGHTLY', 'cal.rrule.badValue', 5, undefined],
    ['FREQ=HOURLY', 'cal.rrule.tooFine', 5, undefined],
    ['BYDAY=TU', 'cal.rrule.missingFreq', 0, undefined],
    ['FREQ=DAILY;BYHOUR=24', 'cal.rrule.badValue', 18, undefined],
    ['FREQ=DAILY;COUNT=3', 'cal.rrule.count', 11, undefined],
    ['FREQ=DAILY;FREQ=WEEKLY', 'cal.rrule.duplicate', 11, undefined],
    ['FREQ=MONTHLY;BYMONTHDAY=0', 'cal.rrule.badValue', 24, undefined],
    ['每周八', 'cal.cadence.unknown', 0, undefined],
    ['', 'cal.cadence.empty', 0, undefined],
  ])('%s → %s at %i', (cadence, key, offset, suggestion) => {
    const e = failure(cadence)
    expect(e.msg.key).toBe(key)
    expect(e.offset).toBe(offset)
    expect(e.exitCode).toBe(1)
    if (suggestion) expect(e.hint).toEqual({key: 'suggest.didYouMean', params: {value: suggestion}})
  })
})
