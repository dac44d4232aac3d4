/**
 * Points: the rules of community.yaml `incentives` (points per event type, daily caps, cooldowns, campaign
 * multipliers, incident deductions), the ledger they give, and honour titles by points thresholds. Pure.
 */
import type {LocalizedText} from '../i18n/index.js'
import type {Community, Level} from '../workspace/community.js'
import {EVENT_TYPES} from '../events/types.js'
import {ScoringEvents} from './scoring.js'
import {compare, type MemberKey, type TimelineEvent} from './timeline.js'

export interface PointsRules {
  points: Partial<Record<string, number>>
  limits: Partial<Record<string, {dailyCap?: number; cooldownMs?: number}>>
  multipliers: Array<{id: string; from: string; to: string; factor: number; events?: string[]}>
  /** rung id → points (≤ 0); empty when incidents deduct nothing. */
  incidentDeductions: Record<string, number>
}

/** One line of the ledger. Computed entries name their source event (`src`) or incident; manual ones a reason. */
export interface LedgerEntry {
  /** When: the event's time, the incident's, or the award's (ISO, community timezone). */
  ts: string
  member: MemberKey
  points: number
  /** The source event. */
  src?: string
  type?: string
  /** The campaign multiplier applied, when not 1. */
  factor?: number
  /** The daily cap cut this entry's points. */
  capped?: true
  incident?: string
  rung?: string
  /** A manual award or deduction: its id (`A1`), reason and who gave it. */
  id?: string
  reason?: string
  by?: string
}

/** A cooldown as milliseconds: seconds, or `90s`, `5m`, `1h`. */
export function cooldownMs(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number') return value * 1000
  const m = /^(\d+)(s|m|h)$/.exec(value)
  if (!m) return undefined
  return Number(m[1]) * {s: 1000, m: 60_000, h: 3_600_000}[m[2] as 's' | 'm' | 'h']
}

/** The points rules of a community profile. */
export function pointsRules(community: Pick<Community, 'incentives'>): PointsRules {
  const inc = community.incentives ?? {}
  const limits: PointsRules['limits'] = {}
  for (const [type, l] of Object.entries(inc.limits ?? {})) {
    if (!l) continue
    limits[type] = {dailyCap: l.dailyCap, cooldownMs: cooldownMs(l.cooldown)}
  }
  return {
    points: {...inc.points},
    limits,
    multipliers: (inc.multipliers ?? []).map((m) => ({id: m.id, from: m.from, to: m.to, factor: m.factor, events: m.events})),
    incidentDeductions: {...inc.incidentDeductions},
  }
}

/** Two decimals, so sums of multiplied points stay exact enough to be the same on every run. */
export const round2 = (x: number): number => Math.round(x * 100) / 100

/** The product of the campaign factors covering a day and event type. */
function factorOn(rules: PointsRules, day: string, type: string): number {
  let f = 1
  for (const m of rules.multipliers) if (day >= m.from && day <= m.to && (!m.events || m.events.includes(type))) f *= m.factor
  return f
}

export interface IncidentInput {
  id: string
  member: MemberKey
  rung: string
  at: string
}

/** The deductions of incidents whose rung deducts, per member. */
function deductionsOf(incidents: IncidentInput[], rules: PointsRules): Map<MemberKey, LedgerEntry[]> {
  const deductions = new Map<MemberKey, LedgerEntry[]>()
  for (const i of incidents) {
    const points = rules.incidentDeductions[i.rung]
    if (!points) continue
    const list = deductions.get(i.member) ?? []
    list.push({ts: i.at, member: i.member, points, incident: i.id, rung: i.rung})
    deductions.set(i.member, list)
  }
  return deductions
}

/** One computed entry: an event's points (`event`: its index in the ScoringEvents) or an incident's `deduction` (event −1). */
export interface LedgerRow {
  event: number
  points: number
  factor: number
  capped: boolean
  deduction?: LedgerEntry
}

const deduction = (d: LedgerEntry): LedgerRow => ({event: -1, points: d.points, factor: 1, capped: false, deduction: d})

/** One member's entries: their events (in time order) after cooldowns, multipliers and daily caps, and their deductions, in time order. */
function memberLedger(ev: ScoringEvents, events: Uint32Array, deductions: LedgerEntry[], rules: PointsRules): LedgerRow[] {
  const rows: LedgerRow[] = []
  const lastCounted = new Map<string, number>()
  const earned = new Map<string, number>()
  for (const i of events) {
    const type = EVENT_TYPES[ev.type[i]]
    const base = rules.points[type]
    if (!base) continue
    const limit = rules.limits[type]
    const last = lastCounted.get(type)
    if (limit?.cooldownMs && last !== undefined && ev.ms[i] - last < limit.cooldownMs) continue
    // the day (read from the event's text) only when a campaign or a cap needs it
    const day = rules.multipliers.length > 0 || limit?.dailyCap !== undefined ? ev.day(i) : ''
    const factor = rules.multipliers.length > 0 ? factorOn(rules, day, type) : 1
    let points = round2(base * factor)
    let capped = false
    if (limit?.dailyCap !== undefined && points > 0) {
      const key = `${type} ${day}`
      const room = round2(limit.dailyCap - (earned.get(key) ?? 0))
      if (room <= 0) continue
      if (points > room) {
        points = room
        capped = true
      }
      earned.set(key, round2((earned.get(key) ?? 0) + points))
    }
    if (points === 0) continue
    if (limit?.cooldownMs) lastCounted.set(type, ev.ms[i])
    rows.push({event: i, points, factor, capped})
  }
  if (deductions.length === 0) return rows
  // the deductions among the events, by time, then source event or incident id (an event first when both are equal)
  const keyed = deductions.map((d) => ({ms: Date.parse(d.ts), key: d.incident!, d}))
  keyed.sort((a, b) => a.ms - b.ms || compare(a.key, b.key))
  const merged: LedgerRow[] = []
  let k = 0
  for (const row of rows) {
    const ms = ev.ms[row.event]
    for (; k < keyed.length && (keyed[k].ms < ms || (keyed[k].ms === ms && compare(keyed[k].key, ev.src(row.event)) < 0)); k++)
      merged.push(deduction(keyed[k].d))
    merged.push(row)
  }
  for (; k < keyed.length; k++) merged.push(deduction(keyed[k].d))
  return merged
}

/**
 * The computed ledger, member by member: one entry per event that earns points, after the cooldown (time since the
 * last counted event of the type), the campaign multiplier and the daily cap (per member, type and local day); one
 * per incident whose rung deducts. Members in code-point order, each member's events by time then src: the same
 * events give the same ledger.
 */
export function* ledgerRows(ev: ScoringEvents, incidents: IncidentInput[], rules: PointsRules): Generator<[MemberKey, LedgerRow[]]> {
  const deductions = deductionsOf(incidents, rules)
  const only = [...deductions.keys()].sort(compare)
  const none = new Uint32Array(0)
  let d = 0
  for (const [member, events] of ev.byMember()) {
    for (; d < only.length && only[d] < member; d++) yield [only[d], memberLedger(ev, none, deductions.get(only[d])!, rules)]
    if (only[d] === member) d++
    yield [member, memberLedger(ev, events, deductions.get(member) ?? [], rules)]
  }
  for (; d < only.length; d++) yield [only[d], memberLedger(ev, none, deductions.get(only[d])!, rules)]
}

/** A row as the ledger entry it is written as. */
export function entryOf(ev: ScoringEvents, member: MemberKey, row: LedgerRow): LedgerEntry {
  if (row.deduction) return row.deduction
  const i = row.event
  const entry: LedgerEntry = {ts: ev.ts(i), member, points: row.points, src: ev.src(i), type: EVENT_TYPES[ev.type[i]]}
  if (row.factor !== 1) entry.factor = row.factor
  if (row.capped) entry.capped = true
  return entry
}

/** The computed ledger of timelines as entries (members in any order): for small inputs and tests. */
export function* ledgerEntries(
  timelines: Iterable<[MemberKey, TimelineEvent[]]>,
  incidents: IncidentInput[],
  rules: PointsRules,
): Generator<LedgerEntry> {
  const ev = ScoringEvents.fromTimelines(timelines)
  for (const [member, rows] of ledgerRows(ev, incidents, rules)) for (const row of rows) yield entryOf(ev, member, row)
}

/** The whole computed ledger at once. */
export function computeLedger(timelines: Array<[MemberKey, TimelineEvent[]]>, incidents: IncidentInput[], rules: PointsRules): LedgerEntry[] {
  return [...ledgerEntries(timelines, incidents, rules)]
}

/**
 * Points per month (`YYYY-MM`, local) and member, each month's members highest first: what a period of whole months
 * is read from without the ledger.
 */
export type MonthTotals = Record<string, Array<[MemberKey, number]>>

/** The ledger's points per month and member, entry by entry (or a member's sum in a month at once). */
export class MonthTally {
  private readonly months = new Map<string, Map<MemberKey, number>>()

  add(e: Pick<LedgerEntry, 'ts' | 'member' | 'points'>): void {
    this.addTo(e.ts.slice(0, 7), e.member, e.points)
  }

  addTo(month: string, member: MemberKey, points: number): void {
    let totals = this.months.get(month)
    if (!totals) this.months.set(month, (totals = new Map<MemberKey, number>()))
    totals.set(member, round2((totals.get(member) ?? 0) + points))
  }

  totals(): MonthTotals {
    const out: MonthTotals = {}
    for (const month of [...this.months.keys()].sort()) {
      out[month] = [...this.months.get(month)!].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    }
    return out
  }
}

/** The ledger's points per month and member. */
export function monthTotals(entries: Iterable<LedgerEntry>): MonthTotals {
  const tally = new MonthTally()
  for (const e of entries) tally.add(e)
  return tally.totals()
}

/** Points per member over the months `from`–`to` (`YYYY-MM`, both included; no `from`: since the first), of `only` those members when given. */
export function monthPointTotals(months: MonthTotals, o: {from?: string; to: string; only?: ReadonlySet<MemberKey>}): Map<MemberKey, number> {
  const totals = new Map<MemberKey, number>()
  for (const [month, rows] of Object.entries(months)) {
    if ((o.from && month < o.from) || month > o.to) continue
    for (const [member, points] of rows) {
      if (o.only && !o.only.has(member)) continue
      const before = totals.get(member)
      totals.set(member, before === undefined ? points : round2(before + points))
    }
  }
  return totals
}

/** Points per member, of entries dated in [from, to] (local days; both optional), added to `totals` when given. */
export function pointTotals(
  entries: Iterable<LedgerEntry>,
  o: {from?: string; to?: string} = {},
  totals = new Map<MemberKey, number>(),
): Map<MemberKey, number> {
  for (const e of entries) {
    const day = e.ts.slice(0, 10)
    if ((o.from && day < o.from) || (o.to && day > o.to)) continue
    totals.set(e.member, round2((totals.get(e.member) ?? 0) + e.points))
  }
  return totals
}

/** Honour titles by points when community.yaml declares no `incentives.levels`. */
export const DEFAULT_TITLES: Level[] = [
  {level: 1, threshold: 0, title: {'zh-CN': '新人', en: 'Newcomer'}},
  {level: 2, threshold: 100, title: {'zh-CN': '活跃成员', en: 'Active member'}},
  {level: 3, threshold: 500, title: {'zh-CN': '达人', en: 'Expert'}},
  {level: 4, threshold: 2000, title: {'zh-CN': '大使', en: 'Ambassador'}},
]

/** The title levels of a community, highest threshold last. */
export function titleLevels(community: Pick<Community, 'incentives'>): Level[] {
  const levels = community.incentives?.levels?.length ? community.incentives.levels : DEFAULT_TITLES
  return [...levels].sort((a, b) => a.threshold - b.threshold || a.level - b.level)
}

/** The title a points total has reached (the highest threshold at or below it), if any. */
export function titleFor(points: number, levels: Level[]): {level: number; title: LocalizedText} | undefined {
  let found: Level | undefined
  for (const l of levels) if (points >= l.threshold) found = l
  return found && {level: found.level, title: found.title}
}
