import {describe, expect, it, vi} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {dayDate, dayNumber, resolvePeriods, unitPeriod} from '../../src/metrics/period.js'
import {DateTime} from '../../src/util/luxon.js'
import {createRequire} from 'node:module'

const zone = 'Asia/Shanghai'
const one = (period: string) => resolvePeriods({period}, '2026-12-02', zone)[0]

describe('periods', () => {
  it('reads months, quarters, ISO weeks and days', () => {
    expect(one('2026-10')).toEqual({label: '2026-10', from: '2026-10-01', to: '2026-10-31', unit: 'month', zone})
    expect(one('2026-Q4')).toMatchObject({label: '2026-Q4', from: '2026-10-01', to: '2026-12-31', unit: 'quarter'})
    expect(one('2026-W44')).toMatchObject({label: '2026-W44', from: '2026-10-26', to: '2026-11-01', unit: 'week'})
    expect(one('2026-02-28')).toMatchObject({from: '2026-02-28', to: '2026-02-28', unit: 'day'})
  })

  it('defaults to the last full month; a unit alone is the last full one', () => {
    expect(resolvePeriods({}, '2026-12-02', zone)).toMatchObject([{label: '2026-11'}])
    expect(resolvePeriods({period: 'week'}, '2026-12-02', zone)).toMatchObject([{label: '2026-W48', from: '2026-11-23'}])
    expect(resolvePeriods({period: 'day'}, '2026-12-02', zone)).toMatchObject([{from: '2026-12-01'}])
    expect(resolvePeriods({period: 'quarter'}, '2026-12-02', zone)).toMatchObject([{label: '2026-Q3'}])
  })

  it('--last N ends with the period named, oldest first, across years', () => {
    const weeks = resolvePeriods({period: 'week', last: 12}, '2026-12-02', zone)
    expect(weeks).toHaveLength(12)
    expect(weeks.at(-1)!.label).toBe('2026-W48')
    expect(weeks[0].label).toBe('2026-W37')
    expect(resolvePeriods({period: '2026-02', last: 3}, '2026-12-02', zone).map((p) => p.label)).toEqual(['2025-12', '2026-01', '2026-02'])
  })

  it('--from/--to is a custom period; --from alone runs to today', () => {
    expect(resolvePeriods({from: '2026-10-05', to: '2026-10-09'}, '2026-12-02', zone)).toEqual([
      {label: '2026-10-05..2026-10-09', from: '2026-10-05', to: '2026-10-09', unit: 'custom', zone},
    ])
    expect(resolvePeriods({from: '2026-11-20'}, '2026-12-02', zone)[0].to).toBe('2026-12-02')
  })

  it('bad input is a usage error (exit 2) with a hint', () => {
    for (const bad of [
      {period: '2026-13'},
      {period: 'yesterday'},
      {period: '2026-W54'},
      {from: '2026-10-09', to: '2026-10-01'},
      {to: '2026-10-01'},
      {period: 'week', last: 0},
      {from: '2026-02-30'},
      {from: '2026-10-01', period: 'week'},
    ]) {
      let error: unknown
      try {
        resolvePeriods(bad, '2026-12-02', zone)
      } catch (e) {
        error = e
      }
      expect(error, JSON.stringify(bad)).toBeInstanceOf(UsageError)
      expect((error as UsageError).exitCode).toBe(2)
      expect((error as UsageError).hint?.key).toBe('metrics.period.hint')
    }
  })

  it('reckons without Intl.DateTimeFormat (luxon asks it for the system locale: ~6 MB of data a metrics run does without)', () => {
    // luxon as the code reads it (util/luxon.ts), its cached system locale forgotten
    createRequire(import.meta.url)('luxon').Settings.resetCaches()
    const made = vi.spyOn(Intl, 'DateTimeFormat')
    try {
      expect(resolvePeriods({period: '2026-W53', last: 3}, '2026-12-02', zone).map((p) => p.label)).toEqual(['2026-W51', '2026-W52', '2026-W53'])
      expect(resolvePeriods({period: 'quarter', last: 5}, '2026-02-02', zone).map((p) => p.label)).toEqual([
        '2024-Q4',
        '2025-Q1',
        '2025-Q2',
        '2025-Q3',
        '2025-Q4',
      ])
      expect(resolvePeriods({period: '2021-W01'}, '2026-12-02', zone)[0]).toMatchObject({from: '2021-01-04', to: '2021-01-10'})
      expect(resolvePeriods({period: '2024-02'}, '2026-12-02', zone)[0].to).toBe('2024-02-29')
      expect(made).not.toHaveBeenCalled()
    } finally {
      made.mockRestore()
    }
    // a luxon date, as the report and the cohorts pass one: the unit it falls in
    expect(unitPeriod('week', DateTime.fromISO('2027-01-02', {zone: 'UTC'}), zone)).toMatchObject({
      label: '2026-W53',
      from: '2026-12-28',
      to: '2027-01-03',
    })
  })

  it('day numbers round-trip', () => {
    expect(dayDate(dayNumber('2026-03-08'))).toBe('2026-03-08')
    expect(dayNumber('1970-01-02')).toBe(1)
  })
})
