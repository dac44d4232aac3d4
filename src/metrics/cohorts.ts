/**
 * Cohort retention and the conversion funnel, each from one pass over resolved events: who started when (first join,
 * or first interaction when there is none — flagged), on which days each was active, who converted.
 */
import type {Msg} from '../errors.js'
import {blocksOf, TYPE_CODE, type PersonBlock} from '../events/columns.js'
import type {ResolvedEvent} from '../events/stats.js'
import {isInteraction, People, TableMap} from './engine.js'
import {dayDate, periodDays, unitPeriod} from './period.js'
import type {MetricFilter, Period} from './types.js'
import {ZoneDays} from './zone-day.js'
import {DateTime} from '../util/luxon.js'

const NONE = 2 ** 31 - 1
const MAX_OFFSETS = 13
const CONVERSION = TYPE_CODE.conversion

/** Everything cohort views need, gathered in one pass from `from` (a day number) on. */
export class CohortCollector {
  readonly people = new People()
  /** Active days per person, from `from` on. */
  readonly activeDays: Array<Set<number> | undefined> = []
  readonly converted = new Set<number>()
  readonly convertedDay: number[] = []
  maxDay = -NONE
  private readonly zone: ZoneDays
  private readonly map: TableMap

  constructor(
    zone: string,
    private readonly from: number,
    filter?: MetricFilter,
  ) {
    this.zone = new ZoneDays(zone)
    this.map = new TableMap(filter, this.people)
  }

  /** One event (a convenience for small streams: blocks are the fast way). */
  add(e: ResolvedEvent): void {
    for (const b of blocksOf([e], 1)) this.addBlock(b)
  }

  addBlock(b: PersonBlock): void {
    const map = this.map
    map.sync(b)
    for (let i = 0; i < b.length; i++) {
      const p = map.personAt(b, i)
      if (p < 0) continue
      const ms = b.ms[i]
      if (Number.isNaN(ms)) continue
      const day = this.zone.dayOf(ms)
      const type = b.type[i]
      this.people.note(p, type, day, ms)
      if (day > this.maxDay) this.maxDay = day
      if (isInteraction(type) && day >= this.from) (this.activeDays[p] ??= new Set()).add(day)
      if (type === CONVERSION) {
        this.converted.add(p)
        this.convertedDay[p] = Math.max(this.convertedDay[p] ?? -NONE, day)
      }
    }
  }

  /** People whose start is in days `a..b`. */
  startedIn(a: number, b: number): number[] {
    const out: number[] = []
    for (let p = 0; p < this.people.size; p++) {
      const s = this.people.start(p)
      if (s >= a && s <= b) out.push(p)
    }
    return out
  }
}

export interface RetentionRow {
  cohort: string
  from: string
  to: string
  size: number
  /** Of them, members whose join was inferred from their first activity. */
  inferred: number
  /** Share of the cohort active in its unit 0 (the one they joined in), 1, 2…; null where that unit is after the last event. */
  shares: Array<number | null>
  counts: Array<number | null>
  d7: number | null
  d30: number | null
}

export interface RetentionTable {
  unit: 'week' | 'month'
  zone: string
  /** The last day with an event: later units are not known yet. */
  lastEvent: string | null
  rows: RetentionRow[]
  notes: Msg[]
}

/** A cohort table: each cohort's share active in each unit since joining, with D7 and D30. */
export function buildRetention(c: CohortCollector, cohorts: Period[], unit: 'week' | 'month', zone: string): RetentionTable {
  const round = (x: number) => Math.round(x * 10_000) / 10_000
  const unitOf = (day: number): number => {
    if (unit === 'week') return Math.floor((day - 4) / 7)
    const d = dayDate(day)
    return Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1
  }
  const lastKnown = unitOf(c.maxDay)
  const firstCohort = cohorts.length ? unitOf(periodDays(cohorts[0])[0]) : 0
  // units since joining, up to the unit of the last event (at most MAX_OFFSETS columns)
  const width = Math.max(cohorts.length, Math.min(MAX_OFFSETS, lastKnown - firstCohort + 1))
  let inferredTotal = 0
  const rows = cohorts.map((period): RetentionRow => {
    const [a, b] = periodDays(period)
    const members = c.startedIn(a, b)
    const first = unitOf(a)
    const counts: Array<number | null> = Array.from({length: width}, (_, k) => (first + k > lastKnown ? null : 0))
    let inferred = 0
    const dn = (n: number) => {
      let eligible = 0
      let kept = 0
      for (const p of members) {
        const s = c.people.start(p)
        if (s + n > c.maxDay) continue
        eligible++
        if (c.people.lastActive[p] >= s + n) kept++
      }
      return eligible ? round(kept / eligible) : null
    }
    for (const p of members) {
      if (c.people.inferred(p)) inferred++
      const units = new Set<number>()
      for (const d of c.activeDays[p] ?? []) units.add(unitOf(d))
      for (const u of units) if (u >= first && u - first < width && counts[u - first] !== null) counts[u - first]!++
    }
    inferredTotal += inferred
    return {
      cohort: period.label,
      from: period.from,
      to: period.to,
      size: members.length,
      inferred,
      counts,
      shares: counts.map((n) => (n === null || members.length === 0 ? null : round(n / members.length))),
      d7: dn(7),
      d30: dn(30),
    }
  })
  const notes: Msg[] = inferredTotal ? [{key: 'metrics.note.inferredJoins', params: {n: inferredTotal}}] : []
  return {unit, zone, lastEvent: c.maxDay === -NONE ? null : dayDate(c.maxDay), rows, notes}
}

export interface FunnelStep {
  id: 'joined' | 'interacted' | 'active_4_of_8' | 'converted'
  count: number
  /** Of the step before (null for the first step or when it is 0). */
  stepRate: number | null
  /** Of those who joined. */
  overallRate: number | null
}

export interface Funnel {
  period: Period
  steps: FunnelStep[]
  /** Joiners whose 8 weeks after joining are not over by the last event (they may still get there). */
  within8Weeks: number
  lastEvent: string | null
  notes: Msg[]
}

/** join → first interaction → active in 4 of the next 8 weeks → conversion, for the people who joined in the period. */
export function buildFunnel(c: CohortCollector, period: Period): Funnel {
  const [a, b] = periodDays(period)
  const joined = c.startedIn(a, b)
  let interacted = 0
  let regular = 0
  let converted = 0
  let within = 0
  let inferred = 0
  for (const p of joined) {
    const start = c.people.start(p)
    if (c.people.inferred(p)) inferred++
    if (start + 56 > c.maxDay + 1) within++
    if (c.people.lastActive[p] < start) continue
    interacted++
    const weeks = new Set<number>()
    for (const d of c.activeDays[p] ?? []) if (d >= start && d < start + 56) weeks.add(Math.floor((d - start) / 7))
    if (weeks.size < 4) continue
    regular++
    if (c.converted.has(p) && (c.convertedDay[p] ?? -NONE) >= start) converted++
  }
  const round = (x: number) => Math.round(x * 10_000) / 10_000
  const counts: Array<[FunnelStep['id'], number]> = [
    ['joined', joined.length],
    ['interacted', interacted],
    ['active_4_of_8', regular],
    ['converted', converted],
  ]
  const steps = counts.map(([id, count], i): FunnelStep => {
    const before = i === 0 ? 0 : counts[i - 1][1]
    // without any conversion event, "0 converted" would be a silent zero
    if (id === 'converted' && c.converted.size === 0) return {id, count, stepRate: null, overallRate: null}
    return {
      id,
      count,
      stepRate: i === 0 || before === 0 ? null : round(count / before),
      overallRate: joined.length === 0 ? null : round(count / joined.length),
    }
  })
  const notes: Msg[] = []
  if (inferred) notes.push({key: 'metrics.note.inferredJoins', params: {n: inferred}})
  if (within) notes.push({key: 'metrics.funnel.within', params: {n: within}})
  if (c.converted.size === 0) notes.push({key: 'metrics.na.noConversionEvents'})
  return {period, steps, within8Weeks: within, lastEvent: c.maxDay === -NONE ? null : dayDate(c.maxDay), notes}
}

/** The `n` cohorts of `unit` ending with the last full one before `today` (or the one `label` names). */
export function cohortPeriods(unit: 'week' | 'month', n: number, today: string, zone: string): Period[] {
  const now = DateTime.fromISO(today, {zone: 'UTC'})
  const current = now.startOf(unit)
  const out: Period[] = []
  for (let i = n; i >= 1; i--) out.push(unitPeriod(unit, current.minus({[`${unit}s`]: i}), zone))
  return out
}
