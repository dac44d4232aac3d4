/**
 * Points: the rules of community.yaml `incentives` (points per event type, daily caps, cooldowns, campaign
 * multipliers, incident deductions), the ledger they give, and honour titles by points thresholds. Pure.
 */
import type {LocalizedText} from '../i18n/index.js'
import type {Community, Level} from '../workspace/community.js'
import {EVENT_TYPES} from '../events/types.js'
import {grown} from '../util/typed-array.js'
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

const NO_DEDUCTIONS: readonly LedgerEntry[] = []

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

/**
 * One member's computed entries as columns (a million entries are not a million objects): entry k is event
 * `event[k]` (its ref in the ScoringEvents) or, when that is -1, the incident deduction `deduction[k]`. Refilled
 * for each member by ledgerRows: valid until the next member.
 */
export class LedgerRows {
  n = 0
  /** The event's ref in the ScoringEvents (-1: a deduction); a float64, as refs pass 2^31 past 2 GiB of records. */
  event = new Float64Array(64)
  points = new Float64Array(64)
  /** The campaign multiplier applied (1: none). */
  factor = new Float64Array(64)
  /** 1 when the daily cap cut the entry's points. */
  capped = new Uint8Array(64)
  deduction: Array<LedgerEntry | undefined> = []

  push(event: number, points: number, factor: number, capped: boolean, deduction?: LedgerEntry): void {
    const k = this.n++
    if (k === this.event.length) {
      this.event = grown(this.event)
      this.points = grown(this.points)
      this.factor = grown(this.factor)
      this.capped = grown(this.capped)
    }
    this.event[k] = event
    this.points[k] = points
    this.factor[k] = factor
    this.capped[k] = capped ? 1 : 0
    if (deduction || this.deduction.length > 0) this.deduction[k] = deduction
  }

  clear(): void {
    this.n = 0
    this.deduction.length = 0
  }
}

/** A member's state under the limits: when each type was last counted, and what each type earned per day. */
class LimitState {
  readonly lastCounted = new Map<string, number>()
  readonly earned = new Map<string, number>()

  /** Empties the maps; an empty one is left alone (Map#clear makes a new table: at 1M events, 13 MB of garbage). */
  clear(): void {
    if (this.lastCounted.size > 0) this.lastCounted.clear()
    if (this.earned.size > 0) this.earned.clear()
  }
}

/**
 * One member's entries into `out`: their events (`order[from]`…`order[to - 1]`, in time order) after cooldowns, multipliers and daily caps, and
 * their deductions, in time order.
 */
function memberLedger(
  ev: ScoringEvents,
  order: Uint32Array,
  from: number,
  to: number,
  deductions: readonly LedgerEntry[],
  rules: PointsRules,
  state: LimitState,
  out: LedgerRows,
  quick: Float64Array,
): void {
  state.clear()
  const rows = deductions.length === 0 ? out : new LedgerRows()
  const {lastCounted, earned} = state
  const campaigns = rules.multipliers.length > 0
  for (let e = from; e < to; e++) {
    const i = order[e]
    const code = ev.type(i)
    const fixed = quick[code]
    // NaN only where a cap, cooldown or campaign applies
    if (!Number.isNaN(fixed)) {
      if (fixed !== 0) rows.push(i, fixed, 1, false)
      continue
    }
    const type = EVENT_TYPES[code]
    const base = rules.points[type]!
    const limit = rules.limits[type]
    const last = lastCounted.get(type)
    if (limit?.cooldownMs && last !== undefined && ev.ms(i) - last < limit.cooldownMs) continue
    // the day (read from the event's text) only when a campaign or a cap needs it
    const day = campaigns || limit?.dailyCap !== undefined ? ev.day(i) : ''
    const factor = campaigns ? factorOn(rules, day, type) : 1
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
    if (limit?.cooldownMs) lastCounted.set(type, ev.ms(i))
    rows.push(i, points, factor, capped)
  }
  if (rows === out) return
  // the deductions among the events, by time, then source event or incident id (an event first when both are equal)
  const keyed = deductions.map((d) => ({ms: Date.parse(d.ts), key: d.incident!, d}))
  keyed.sort((a, b) => a.ms - b.ms || compare(a.key, b.key))
  let k = 0
  for (let r = 0; r < rows.n; r++) {
    const ms = ev.ms(rows.event[r])
    for (; k < keyed.length && (keyed[k].ms < ms || (keyed[k].ms === ms && compare(keyed[k].key, ev.src(rows.event[r])) < 0)); k++)
      out.push(-1, keyed[k].d.points, 1, false, keyed[k].d)
    out.push(rows.event[r], rows.points[r], rows.factor[r], rows.capped[r] === 1)
  }
  for (; k < keyed.length; k++) out.push(-1, keyed[k].d.points, 1, false, keyed[k].d)
}

/**
 * The points of each event type code (the index in EVENT_TYPES) that earns the same points every time, looked up by
 * code rather than by the type's name (0: none); NaN where a cap, a cooldown or a campaign may change them.
 */
function quickPoints(rules: PointsRules): Float64Array {
  const quick = new Float64Array(256)
  EVENT_TYPES.forEach((type, code) => {
    const base = rules.points[type]
    quick[code] = !base ? 0 : rules.limits[type] !== undefined || rules.multipliers.length > 0 ? Number.NaN : round2(base)
  })
  return quick
}

/**
 * The computed ledger, member by member: one entry per event that earns points, after the cooldown (time since the
 * last counted event of the type), the campaign multiplier and the daily cap (per member, type and local day); one
 * per incident whose rung deducts. Members in code-point order, each member's events by time then src: the same
 * events give the same ledger. The rows yielded are refilled for the next member.
 */
export function* ledgerRows(ev: ScoringEvents, incidents: IncidentInput[], rules: PointsRules): Generator<[MemberKey, LedgerRows]> {
  const deductions = deductionsOf(incidents, rules)
  const only = [...deductions.keys()].sort(compare)
  const {start, order, byName} = ev.grouped()
  const state = new LimitState()
  const rows = new LedgerRows()
  const quick = quickPoints(rules)
  const of = (member: MemberKey, from: number, to: number): [MemberKey, LedgerRows] => {
    rows.clear()
    ev.inTimeOrder(order, from, to)
    memberLedger(ev, order, from, to, deductions.get(member) ?? NO_DEDUCTIONS, rules, state, rows, quick)
    return [member, rows]
  }
  let d = 0
  for (const p of byName) {
    const member = ev.members[p]
    for (; d < only.length && only[d] < member; d++) yield of(only[d], 0, 0)
    if (only[d] === member) d++
    yield of(member, start[p], start[p + 1])
  }
  for (; d < only.length; d++) yield of(only[d], 0, 0)
}

/** Row k of a member's rows as the ledger entry it is written as. */
export function entryOf(ev: ScoringEvents, member: MemberKey, rows: LedgerRows, k: number): LedgerEntry {
  const i = rows.event[k]
  if (i === -1) return rows.deduction[k]!
  const entry: LedgerEntry = {ts: ev.ts(i), member, points: rows.points[k], src: ev.src(i), type: EVENT_TYPES[ev.type(i)]}
  if (rows.factor[k] !== 1) entry.factor = rows.factor[k]
  if (rows.capped[k] === 1) entry.capped = true
  return entry
}

/** The code TypeTally counts incident deductions under (type codes are below it). */
export const INCIDENT = 256

/** Points per event type code (INCIDENT: deductions), the types in the order first met: a recompute's `byType`. */
export class TypeTally {
  private readonly sums = new Float64Array(INCIDENT + 1)
  private readonly met = new Uint8Array(INCIDENT + 1)
  private readonly order: number[] = []

  add(code: number, points: number): void {
    if (this.met[code] === 0) {
      this.met[code] = 1
      this.order.push(code)
    }
    this.sums[code] = round2(this.sums[code] + points)
  }

  totals(): Record<string, number> {
    return Object.fromEntries(this.order.map((c) => [c === INCIDENT ? 'incident' : EVENT_TYPES[c], this.sums[c]]))
  }
}

/** The computed ledger of timelines as entries (members in any order): for small inputs and tests. */
export function* ledgerEntries(
  timelines: Iterable<[MemberKey, TimelineEvent[]]>,
  incidents: IncidentInput[],
  rules: PointsRules,
): Generator<LedgerEntry> {
  const ev = ScoringEvents.fromTimelines(timelines)
  for (const [member, rows] of ledgerRows(ev, incidents, rules)) for (let k = 0; k < rows.n; k++) yield entryOf(ev, member, rows, k)
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
