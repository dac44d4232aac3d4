/**
 * Points: the rules of community.yaml `incentives` (points per event type, daily caps, cooldowns, campaign
 * multipliers, incident deductions), the ledger they give, and honour titles by points thresholds. Pure.
 */
import type {LocalizedText} from '../i18n/index.js'
import type {Community, Level} from '../workspace/community.js'
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

/** One member's entries: their events (in time order) after cooldowns, multipliers and daily caps, and their deductions, in time order. */
function memberLedger(member: MemberKey, events: TimelineEvent[], deductions: LedgerEntry[], rules: PointsRules): LedgerEntry[] {
  const entries: Array<LedgerEntry & {ms: number; key: string}> = []
  const lastCounted = new Map<string, number>()
  const earned = new Map<string, number>()
  for (const e of events) {
    const base = rules.points[e.type]
    if (!base) continue
    const limit = rules.limits[e.type]
    const last = lastCounted.get(e.type)
    if (limit?.cooldownMs && last !== undefined && e.ms - last < limit.cooldownMs) continue
    const day = e.ts.slice(0, 10)
    const factor = factorOn(rules, day, e.type)
    let points = round2(base * factor)
    let capped = false
    if (limit?.dailyCap !== undefined && points > 0) {
      const key = `${e.type} ${day}`
      const room = round2(limit.dailyCap - (earned.get(key) ?? 0))
      if (room <= 0) continue
      if (points > room) {
        points = room
        capped = true
      }
      earned.set(key, round2((earned.get(key) ?? 0) + points))
    }
    if (points === 0) continue
    lastCounted.set(e.type, e.ms)
    const entry: LedgerEntry & {ms: number; key: string} = {ts: e.ts, member, points, src: e.src, type: e.type, ms: e.ms, key: e.src}
    if (factor !== 1) entry.factor = factor
    if (capped) entry.capped = true
    entries.push(entry)
  }
  for (const d of deductions) entries.push({...d, ms: Date.parse(d.ts), key: d.incident!})
  entries.sort((a, b) => a.ms - b.ms || compare(a.key, b.key))
  return entries.map(({ms: _ms, key: _key, ...entry}) => entry)
}

/**
 * The computed ledger, member by member: one entry per event that earns points, after the cooldown (time since the
 * last counted event of the type), the campaign multiplier and the daily cap (per member, type and local day); one
 * per incident whose rung deducts. `timelines` in code-point order of members (as TimelineCollector gives them),
 * each in time order: the same events give the same ledger.
 */
export function* ledgerEntries(
  timelines: Iterable<[MemberKey, TimelineEvent[]]>,
  incidents: IncidentInput[],
  rules: PointsRules,
): Generator<LedgerEntry> {
  const deductions = deductionsOf(incidents, rules)
  const only = [...deductions.keys()].sort(compare)
  let d = 0
  for (const [member, events] of timelines) {
    for (; d < only.length && only[d] < member; d++) yield* memberLedger(only[d], [], deductions.get(only[d])!, rules)
    if (only[d] === member) d++
    yield* memberLedger(member, events, deductions.get(member) ?? [], rules)
  }
  for (; d < only.length; d++) yield* memberLedger(only[d], [], deductions.get(only[d])!, rules)
}

/** The whole computed ledger at once (timelines in any order of members). */
export function computeLedger(timelines: Array<[MemberKey, TimelineEvent[]]>, incidents: IncidentInput[], rules: PointsRules): LedgerEntry[] {
  return [
    ...ledgerEntries(
      [...timelines].sort((a, b) => compare(a[0], b[0])),
      incidents,
      rules,
    ),
  ]
}

/**
 * Points per month (`YYYY-MM`, local) and member, each month's members highest first: what a period of whole months
 * is read from without the ledger.
 */
export type MonthTotals = Record<string, Array<[MemberKey, number]>>

/** The ledger's points per month and member, entry by entry. */
export class MonthTally {
  private readonly months = new Map<string, Map<MemberKey, number>>()

  add(e: LedgerEntry): void {
    const month = e.ts.slice(0, 7)
    let totals = this.months.get(month)
    if (!totals) this.months.set(month, (totals = new Map<MemberKey, number>()))
    totals.set(e.member, round2((totals.get(e.member) ?? 0) + e.points))
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

/** Points per member, of entries dated in [from, to] (local days; both optional). */
export function pointTotals(entries: Iterable<LedgerEntry>, o: {from?: string; to?: string} = {}): Map<MemberKey, number> {
  const totals = new Map<MemberKey, number>()
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
