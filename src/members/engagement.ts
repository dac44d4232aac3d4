/**
 * Engagement levels (after the Orbit model): each member's weighted activity over a window puts them in a level
 * (default core / active / new / casual / dormant); levels at two dates give the movement between them, and the
 * engagement score (gravity) is Σ weight² × members per level. Pure.
 */
import {isAnonymous, memberCount, stringKey, TYPE_CODE, type PersonBlock} from '../events/columns.js'
import type {ResolvedEvent} from '../events/stats.js'
import type {LocalizedText} from '../i18n/index.js'
import {dayNumber} from '../metrics/period.js'
import {grown} from '../util/typed-array.js'
import {PersonIds} from '../metrics/person-ids.js'
import type {ZoneDays} from '../metrics/zone-day.js'
import type {Community, EngagementLevelSpec} from '../workspace/community.js'
import {compare, type MemberKey} from './timeline.js'

export type EngagementLevelId = string

export interface EngagementModel {
  windowDays: number
  weights: Partial<Record<string, number>>
  levels: EngagementLevelSpec[]
}

export const DEFAULT_WEIGHTS: Partial<Record<string, number>> = {
  post: 1,
  reply: 1,
  question: 1,
  answer: 2,
  reaction: 0.25,
  event_register: 1,
  event_attend: 3,
  content_publish: 3,
  content_view: 0.1,
  conversion: 2,
}

export const DEFAULT_LEVELS: EngagementLevelSpec[] = [
  {id: 'core', name: {'zh-CN': '核心', en: 'Core'}, minScore: 30, weight: 4},
  {id: 'active', name: {'zh-CN': '活跃', en: 'Active'}, minScore: 8, weight: 3},
  {id: 'new', name: {'zh-CN': '新人', en: 'New'}, newWithinDays: 28, weight: 1},
  {id: 'casual', name: {'zh-CN': '一般', en: 'Casual'}, minScore: 1, weight: 2},
  {id: 'dormant', name: {'zh-CN': '沉睡', en: 'Dormant'}, weight: 0},
]

/** The engagement model of a community profile, defaults filled in. */
export function engagementModel(community: Pick<Community, 'engagement'>): EngagementModel {
  const e = community.engagement ?? {}
  return {
    windowDays: e.windowDays ?? 28,
    weights: e.weights ? {...e.weights} : {...DEFAULT_WEIGHTS},
    levels: e.levels?.length ? e.levels.map((l) => ({...l})) : DEFAULT_LEVELS.map((l) => ({...l})),
  }
}

/** A level's name in a language (its id when it has none). */
export function levelName(model: EngagementModel, id: EngagementLevelId): LocalizedText {
  return model.levels.find((l) => l.id === id)?.name ?? id
}

/** Rank for movement: by weight, then the later in the list the lower. */
export function levelRank(model: EngagementModel, id: EngagementLevelId): number {
  const i = model.levels.findIndex((l) => l.id === id)
  if (i < 0) return -Infinity
  return model.levels[i].weight * 1000 - i
}

/** The level of a member with `score` in the window, first seen `ageDays` before the date (0: that day). */
export function classify(model: EngagementModel, score: number, ageDays: number): EngagementLevelId {
  for (const l of model.levels) {
    if (l.minScore !== undefined && score < l.minScore) continue
    if (l.newWithinDays !== undefined && ageDays >= l.newWithinDays) continue
    return l.id
  }
  return model.levels[model.levels.length - 1].id
}

/** One member's level and score at a date. */
export interface MemberLevel {
  level: EngagementLevelId
  score: number
}

/**
 * Collects, for several dates at once, each member's weighted activity in the window ending that day (local days:
 * the event's own date) and whether their latest event by then was `leave`. One pass over the events; a member is a
 * slot in flat typed arrays (100k members would otherwise be 300k small arrays).
 */
export class EngagementCollector {
  /** Slots: how many the arrays cover (people numbered by other readers sharing `ids` have no events here). */
  private count = 0
  private first = new Float64Array(1024)
  /** Per slot and date (slot × dates + i): weighted activity in the window, latest event time, whether it was a `leave`. */
  private score: Float64Array
  private lastMs: Float64Array
  private left: Uint8Array
  private readonly atDays: number[]
  private readonly dayCache = new Map<string, number>()
  /** Weights by type code (columns.ts). */
  private readonly codeWeights = new Float64Array(256)
  private readonly leaveCode = TYPE_CODE.leave
  /** The slot of each member of the last block's tables (-1: not yet looked up). */
  private blockTables: PersonBlock['tables'] | undefined
  private blockSlots = new Int32Array(0)

  constructor(
    readonly model: EngagementModel,
    readonly dates: string[],
    /** The numbering of people (slots), when other readers of the same events share it. */
    private readonly ids = new PersonIds({names: true}),
  ) {
    this.atDays = dates.map(dayNumber)
    const n = dates.length
    this.score = new Float64Array(1024 * n)
    this.lastMs = new Float64Array(1024 * n)
    this.left = new Uint8Array(1024 * n)
    for (const [type, code] of Object.entries(TYPE_CODE)) this.codeWeights[code] = model.weights[type] ?? 0
  }

  add(e: ResolvedEvent): void {
    if (isAnonymous(e.member)) return
    const date = e.ts.slice(0, 10)
    let day = this.dayCache.get(date)
    if (day === undefined) this.dayCache.set(date, (day = dayNumber(date)))
    if (!Number.isFinite(day)) return
    this.note(this.slotOf(e.person), day, Date.parse(e.ts), this.model.weights[e.type] ?? 0, e.type === 'leave')
  }

  /**
   * Every event of a block; `zone` is the community's, in which canonical times are written, so an event's day is
   * the date its `ts` shows, as in `add`.
   */
  addBlock(b: PersonBlock, zone: ZoneDays): void {
    const members = memberCount(b.tables)
    if (b.tables !== this.blockTables || this.blockSlots.length < members) {
      const known = b.tables === this.blockTables ? this.blockSlots : new Int32Array(0)
      this.blockSlots = new Int32Array(members).fill(-1)
      this.blockSlots.set(known)
      this.blockTables = b.tables
    }
    for (let i = 0; i < b.length; i++) {
      const m = b.member[i]
      const ms = b.ms[i]
      if (Number.isNaN(ms)) continue
      let slot = this.blockSlots[m]
      if (slot === -1) {
        const key = b.personKeys[m]
        // the person's id only when the numbering keeps ids (levelsAt names people; the engagement score does not)
        slot = this.blockSlots[m] = Number.isNaN(key) ? -2 : this.slotOfKey(key, this.ids.namesKept ? b.persons[m] : undefined)
      }
      if (slot === -2) continue
      const code = b.type[i]
      this.note(slot, zone.dayOf(ms), ms, this.codeWeights[code], code === this.leaveCode)
    }
  }

  private slotOf(person: MemberKey): number {
    return this.slotOfKey(stringKey(person), person)
  }

  private slotOfKey(key: number, person?: MemberKey): number {
    const slot = this.ids.internKey(key, person)
    if (slot >= this.count) this.cover()
    return slot
  }

  /** Room for every slot numbered so far, each empty (never seen, latest event at -∞). */
  private cover(): void {
    const size = this.ids.size
    const n = this.atDays.length
    if (size > this.first.length) {
      this.first = grown(this.first, size)
      this.score = grown(this.score, size * n)
      this.lastMs = grown(this.lastMs, size * n)
      this.left = grown(this.left, size * n)
    }
    this.first.fill(Infinity, this.count, size)
    this.lastMs.fill(-Infinity, this.count * n, size * n)
    this.count = size
  }

  private note(slot: number, day: number, ms: number, w: number, leave: boolean): void {
    const n = this.atDays.length
    if (day < this.first[slot]) this.first[slot] = day
    for (let i = 0; i < n; i++) {
      const at = this.atDays[i]
      if (day > at) continue
      const k = slot * n + i
      if (w && day > at - this.model.windowDays) this.score[k] += w
      // a leave at the same instant as the latest other event counts as the latest, whatever the order of the lines
      if (ms > this.lastMs[k]) {
        this.lastMs[k] = ms
        this.left[k] = leave ? 1 : 0
      } else if (ms === this.lastMs[k] && leave) this.left[k] = 1
    }
  }

  /**
   * Every member's level at the i-th date: members first seen by then who had not left, in code-point order (`sorted:
   * false`: in the order first met, for a reader that only looks members up).
   */
  levelsAt(i: number, o: {sorted?: boolean} = {}): Map<MemberKey, MemberLevel> {
    const at = this.atDays[i]
    const n = this.atDays.length
    const out = new Map<MemberKey, MemberLevel>()
    const keys = this.ids.names()
    const order = keys.slice(0, this.count).map((_, slot) => slot)
    if (o.sorted !== false) order.sort((a, b) => compare(keys[a], keys[b]))
    for (const slot of order) {
      const k = slot * n + i
      if (this.first[slot] > at || this.left[k]) continue
      const score = Math.round(this.score[k] * 100) / 100
      out.set(keys[slot], {level: classify(this.model, score, at - this.first[slot]), score})
    }
    return out
  }

  /** The members first seen by the i-th date whose latest event by then was `leave` (they have no level). */
  leftAt(i: number): Set<MemberKey> {
    const at = this.atDays[i]
    const n = this.atDays.length
    const keys = this.ids.names()
    const out = new Set<MemberKey>()
    for (let slot = 0; slot < this.count; slot++) if (this.first[slot] <= at && this.left[slot * n + i]) out.add(keys[slot])
    return out
  }

  /**
   * Members per level at the i-th date, and how many: `levelCounts` of `levelsAt(i)` without a map of every member
   * (the engagement score needs only the counts).
   */
  countsAt(i: number): {members: number; counts: Record<EngagementLevelId, number>} {
    const at = this.atDays[i]
    const n = this.atDays.length
    const counts: Record<string, number> = Object.fromEntries(this.model.levels.map((l) => [l.id, 0]))
    let members = 0
    for (let slot = 0; slot < this.count; slot++) {
      const k = slot * n + i
      if (this.first[slot] > at || this.left[k]) continue
      const level = classify(this.model, Math.round(this.score[k] * 100) / 100, at - this.first[slot])
      counts[level] = (counts[level] ?? 0) + 1
      members++
    }
    return {members, counts}
  }
}

/** Members per level, every level of the model present. */
export function levelCounts(model: EngagementModel, levels: Map<MemberKey, MemberLevel>): Record<EngagementLevelId, number> {
  const counts: Record<string, number> = Object.fromEntries(model.levels.map((l) => [l.id, 0]))
  for (const m of levels.values()) counts[m.level] = (counts[m.level] ?? 0) + 1
  return counts
}

/** The engagement score: Σ weight² × members per level. */
export function gravity(model: EngagementModel, counts: Record<EngagementLevelId, number>): number {
  let g = 0
  for (const l of model.levels) g += l.weight * l.weight * (counts[l.id] ?? 0)
  return Math.round(g * 100) / 100
}

export type Direction = 'up' | 'held' | 'down' | 'joined' | 'left'

/** Members who went from one level to another (`from`/`to` absent: joined / left), with the direction. */
export interface Move {
  from?: EngagementLevelId
  to?: EngagementLevelId
  members: number
  direction: Direction
}

export interface Movement {
  moves: Move[]
  totals: Record<Direction, number>
}

export function direction(model: EngagementModel, from: EngagementLevelId | undefined, to: EngagementLevelId | undefined): Direction {
  if (from === undefined) return 'joined'
  if (to === undefined) return 'left'
  const d = levelRank(model, to) - levelRank(model, from)
  return d > 0 ? 'up' : d < 0 ? 'down' : 'held'
}

/** Movement between two dates' levels, per level pair, in the model's level order. */
export function movement(model: EngagementModel, before: Map<MemberKey, MemberLevel>, after: Map<MemberKey, MemberLevel>): Movement {
  const pairs = new Map<string, Move>()
  const bump = (from?: string, to?: string) => {
    const key = `${from ?? ''}>${to ?? ''}`
    const move = pairs.get(key)
    if (move) move.members++
    else pairs.set(key, {...(from ? {from} : {}), ...(to ? {to} : {}), members: 1, direction: direction(model, from, to)})
  }
  for (const [m, a] of after) bump(before.get(m)?.level, a.level)
  for (const [m, b] of before) if (!after.has(m)) bump(b.level, undefined)
  const order = (id?: string) => (id === undefined ? -1 : model.levels.findIndex((l) => l.id === id))
  const moves = [...pairs.values()].sort((a, b) => order(a.from) - order(b.from) || order(a.to) - order(b.to))
  const totals: Record<Direction, number> = {up: 0, held: 0, down: 0, joined: 0, left: 0}
  for (const m of moves) totals[m.direction] += m.members
  return {moves, totals}
}

export interface Mover {
  member: MemberKey
  from?: EngagementLevelId
  to?: EngagementLevelId
  scoreBefore: number
  scoreAfter: number
}

/** Who moved up (and down) most: by levels crossed, then by the change of score; ties by member. */
export function movers(
  model: EngagementModel,
  before: Map<MemberKey, MemberLevel>,
  after: Map<MemberKey, MemberLevel>,
  limit: number,
): {up: Mover[]; down: Mover[]} {
  const all: Array<Mover & {steps: number; delta: number}> = []
  const position = (id?: string) => {
    if (id === undefined) return 0
    const ranks = [...model.levels].sort((a, b) => levelRank(model, a.id) - levelRank(model, b.id)).map((l) => l.id)
    return ranks.indexOf(id) + 1
  }
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(key)
    const a = after.get(key)
    const scoreBefore = b?.score ?? 0
    const scoreAfter = a?.score ?? 0
    const steps = position(a?.level) - position(b?.level)
    const delta = Math.round((scoreAfter - scoreBefore) * 100) / 100
    if (steps === 0 && delta === 0) continue
    all.push({member: key, ...(b ? {from: b.level} : {}), ...(a ? {to: a.level} : {}), scoreBefore, scoreAfter, steps, delta})
  }
  const strip = ({steps: _s, delta: _d, ...m}: Mover & {steps: number; delta: number}): Mover => m
  const up = all
    .filter((m) => m.steps > 0 || (m.steps === 0 && m.delta > 0))
    .sort((x, y) => y.steps - x.steps || y.delta - x.delta || compare(x.member, y.member))
  const down = all
    .filter((m) => m.steps < 0 || (m.steps === 0 && m.delta < 0))
    .sort((x, y) => x.steps - y.steps || x.delta - y.delta || compare(x.member, y.member))
  return {up: up.slice(0, limit).map(strip), down: down.slice(0, limit).map(strip)}
}
