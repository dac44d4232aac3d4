/**
 * What members did, from resolved events: a small tally per member for lists and segments (first/last seen,
 * interactions, interactions in a window, start and last interaction day), and the full summary of one member for
 * `members show` (interactions by type, active days, weekly streaks). Days are the events' own local dates (a
 * canonical ts carries the community's offset).
 */
import {isAnonymous, TYPE_CODE, typeName, type ColumnTables, type PersonBlock} from '../events/columns.js'
import type {ResolvedEvent} from '../events/stats.js'
import {isoOfDay, KEPT} from '../events/ts-text.js'
import {INTERACTIONS} from '../metrics/engine.js'
import {dayDate, dayNumber} from '../metrics/period.js'
import {grown} from '../util/typed-array.js'

const INTERACTION = new Set<string>(INTERACTIONS)

/** A canonical ts's local date as a day number. */
const dayOf = (ts: string): number => dayNumber(ts.slice(0, 10))

/** One member's activity in brief. */
export interface ActivityBrief {
  /** First and last event of any kind (ISO ts). */
  firstSeen?: string
  lastSeen?: string
  /** Day of the first join, else of the first event. */
  startDay?: number
  /** Last day with an interaction (post, reply, reaction, question, answer, attending). */
  lastInteractionDay?: number
  interactions: number
  /** Interactions inside the window. */
  recent: number
}

/** What the tally keeps per member while it reads: local dates as `YYYY-MM-DD` text (compared as text, turned into day numbers once). */
interface Running {
  firstSeen: string
  lastSeen: string
  joinDate?: string
  lastInteractionDate?: string
  interactions: number
  recent: number
}

/** Activity of every member in one pass over the events; `window` is `[first, last]` day numbers for `recent`. */
export class ActivityTally {
  private readonly byKey = new Map<string, Running>()
  private readonly from: string
  private readonly to: string

  /** Events by type per member, when asked for (the contributions of an all-contributors export). */
  readonly types?: Map<string, Record<string, number>>

  constructor(window: [number, number], o: {types?: boolean} = {}) {
    this.from = dayDate(window[0])
    this.to = dayDate(window[1])
    if (o.types) this.types = new Map()
  }

  keys(): Iterable<string> {
    return this.byKey.keys()
  }

  add(e: ResolvedEvent): void {
    if (e.member.endsWith(':*')) return
    const ts = e.ts
    let b = this.byKey.get(e.person)
    if (!b) this.byKey.set(e.person, (b = {firstSeen: ts, lastSeen: ts, interactions: 0, recent: 0}))
    else if (ts < b.firstSeen) b.firstSeen = ts
    else if (ts > b.lastSeen) b.lastSeen = ts
    if (this.types) {
      let t = this.types.get(e.person)
      if (!t) this.types.set(e.person, (t = {}))
      t[e.type] = (t[e.type] ?? 0) + 1
    }
    const date = ts.slice(0, 10)
    if (e.type === 'join' && (b.joinDate === undefined || date < b.joinDate)) b.joinDate = date
    if (INTERACTION.has(e.type)) {
      b.interactions++
      if (date >= this.from && date <= this.to) b.recent++
      if (b.lastInteractionDate === undefined || date > b.lastInteractionDate) b.lastInteractionDate = date
    }
  }

  get(key: string): ActivityBrief {
    const b = this.byKey.get(key)
    if (!b) return {interactions: 0, recent: 0}
    return {
      firstSeen: b.firstSeen,
      lastSeen: b.lastSeen,
      startDay: dayNumber(b.joinDate ?? b.firstSeen.slice(0, 10)),
      ...(b.lastInteractionDate !== undefined ? {lastInteractionDay: dayNumber(b.lastInteractionDate)} : {}),
      interactions: b.interactions,
      recent: b.recent,
    }
  }
}

/** What lists and segments read of a tally: every person seen, in the order first seen, and each one's brief. */
export interface ActivityView {
  keys(): Iterable<string>
  get(key: string): ActivityBrief
}

/** 1 for the type codes of interactions. */
const INTERACTION_CODE = new Uint8Array(256)
for (const t of INTERACTIONS) INTERACTION_CODE[TYPE_CODE[t]] = 1
const JOIN = TYPE_CODE.join

/** Ranks of the offsets of a canonical ts in the order of their text: `+00:00` … `+99:59`, then `-00:01` … `-99:59`. */
const RANKS = 12_000
/** The first local second of the year 100: dayNumber reads a year below 100 as 19xx (Date.UTC), so those stay text. */
const YEAR_100 = Date.UTC(100, 0, 1) / 1000

/** The rank of the offset of a `time` (exact: integers below 2^53). */
const rankOf = (time: number): number => ((time % RANKS) + RANKS) % RANKS

/**
 * ActivityTally from blocks of columns, in numbers: a canonical ts (kept in a block's text as its offset) is ordered as
 * its text is (local date and time, then the offset's text) by one number, `time`: its local second × RANKS + the rank
 * of its offset; its local date is its day number. What it keeps per person is in typed arrays by person, one slot
 * each, instead of comparing ts texts and looking the person up by name for each event (~0.8 s at 1M events).
 */
export class ColumnActivity implements ActivityView {
  private readonly slots = new Map<string, number>()
  private readonly persons: string[] = []
  private first = new Float64Array(1024)
  private last = new Float64Array(1024)
  /** Day of the first join (NaN: none), of the last interaction (NaN: none). */
  private join = new Float64Array(1024)
  private lastInteraction = new Float64Array(1024)
  private interactions = new Float64Array(1024)
  private recent = new Float64Array(1024)
  /** The slot of each member of the tables of the blocks being read: -1 not met yet, -2 `platform:*`. */
  private slotOf = new Int32Array(0)
  private tables: ColumnTables | undefined
  private readonly scratch = Buffer.alloc(32)

  constructor(private readonly window: [number, number]) {}

  keys(): Iterable<string> {
    return this.persons
  }

  /**
   * Adds the events of a block read with its text; false, and the tally is not to be used, when one has a type the
   * cache does not name or a ts that is not canonical (or before the year 100): ActivityTally reads them as text.
   */
  addBlock(b: PersonBlock): boolean {
    const text = b.text!
    if (b.tables !== this.tables) {
      this.tables = b.tables
      this.slotOf = new Int32Array(0)
    }
    const [from, to] = this.window
    for (let j = 0; j < b.length; j++) {
      const code = b.type[j]
      if (typeName(code) === undefined) return false
      const m = b.member[j]
      let slot = m < this.slotOf.length ? this.slotOf[m] : -1
      if (slot === -2) continue
      const offset = text.offset[j]
      if (offset === KEPT) return false
      const local = b.ms[j] / 1000 + offset * 60
      if (local < YEAR_100) return false
      if (slot === -1) slot = this.slotOfMember(b, m)
      if (slot === -2) continue
      const time = local * RANKS + (offset >= 0 ? offset : 6000 - offset)
      if (slot === this.persons.length) this.addPerson(b.persons[m], time)
      else if (time < this.first[slot]) this.first[slot] = time
      else if (time > this.last[slot]) this.last[slot] = time
      const day = Math.floor(local / 86_400)
      if (code === JOIN && !(day >= this.join[slot])) this.join[slot] = day
      if (INTERACTION_CODE[code] === 1) {
        this.interactions[slot]++
        if (day >= from && day <= to) this.recent[slot]++
        if (!(day <= this.lastInteraction[slot])) this.lastInteraction[slot] = day
      }
    }
    return true
  }

  /** The slot of member m of b's tables: -2 for `platform:*`; persons.length for a person not met yet (addPerson). */
  private slotOfMember(b: PersonBlock, m: number): number {
    if (this.slotOf.length <= m) {
      const known = this.slotOf.length
      this.slotOf = grown(this.slotOf, b.tables.members.length)
      this.slotOf.fill(-1, known)
    }
    const slot = isAnonymous(b.tables.members[m]) ? -2 : (this.slots.get(b.persons[m]) ?? this.persons.length)
    // a new person's slot is known once it is added
    if (slot !== this.persons.length) this.slotOf[m] = slot
    return slot
  }

  private addPerson(person: string, time: number): void {
    const slot = this.persons.length
    if (slot === this.first.length) {
      this.first = grown(this.first)
      this.last = grown(this.last)
      this.join = grown(this.join)
      this.lastInteraction = grown(this.lastInteraction)
      this.interactions = grown(this.interactions)
      this.recent = grown(this.recent)
    }
    this.persons.push(person)
    this.slots.set(person, slot)
    this.first[slot] = this.last[slot] = time
    this.join[slot] = this.lastInteraction[slot] = Number.NaN
    this.interactions[slot] = this.recent[slot] = 0
  }

  /** The ts text of a `time`. */
  ts(time: number): string {
    const rank = rankOf(time)
    const local = (time - rank) / RANKS
    const offset = rank < 6000 ? rank : 6000 - rank
    const days = Math.floor(local / 86_400)
    return this.scratch.toString('latin1', 0, isoOfDay(days, local - days * 86_400, offset, this.scratch, 0))
  }

  get(key: string): ActivityBrief {
    const slot = this.slots.get(key)
    if (slot === undefined) return {interactions: 0, recent: 0}
    const first = this.first[slot]
    const join = this.join[slot]
    const lastInteraction = this.lastInteraction[slot]
    const startDay = Number.isNaN(join) ? Math.floor((first - rankOf(first)) / RANKS / 86_400) : join
    return new ColumnBrief(this, first, this.last[slot], startDay, lastInteraction, this.interactions[slot], this.recent[slot])
  }
}

/**
 * A brief of ColumnActivity: first and last seen made into text when first read, as a list of 100k members shows 50
 * of them (their text for every member was ~0.1 s at 1M events). The other fields are plain properties, as in the
 * object ActivityTally gives (lastInteractionDay only when there is one).
 */
class ColumnBrief implements ActivityBrief {
  private firstText?: string
  private lastText?: string
  declare readonly lastInteractionDay?: number

  constructor(
    private readonly tally: ColumnActivity,
    private readonly first: number,
    private readonly last: number,
    readonly startDay: number,
    lastInteraction: number,
    readonly interactions: number,
    readonly recent: number,
  ) {
    if (!Number.isNaN(lastInteraction)) (this as {lastInteractionDay?: number}).lastInteractionDay = lastInteraction
  }

  get firstSeen(): string {
    return (this.firstText ??= this.tally.ts(this.first))
  }

  get lastSeen(): string {
    return (this.lastText ??= this.tally.ts(this.last))
  }
}

/** The full activity summary of one member. */
export interface ActivitySummary {
  firstSeen?: string
  lastSeen?: string
  events: number
  interactions: number
  /** Interactions in the 30 days ending today. */
  interactions30d: number
  /** Events by type. */
  byType: Record<string, number>
  /** Days with at least one interaction. */
  activeDays: number
  /** Weeks (Monday to Sunday) in a row with an interaction, ending this week or last week (a week still under way does not break it). */
  currentWeeklyStreak: number
  longestWeeklyStreak: number
}

/** Monday-based week number of a day number (1970-01-01 was a Thursday). */
const weekOf = (day: number): number => Math.floor((day + 3) / 7)

/** Summarises one member's events (in any order) as of `today` (`YYYY-MM-DD`). */
export function summarizeActivity(events: Iterable<ResolvedEvent>, today: string): ActivitySummary {
  const now = dayNumber(today)
  const s: ActivitySummary = {
    events: 0,
    interactions: 0,
    interactions30d: 0,
    byType: {},
    activeDays: 0,
    currentWeeklyStreak: 0,
    longestWeeklyStreak: 0,
  }
  const days = new Set<number>()
  for (const e of events) {
    if (e.member.endsWith(':*')) continue
    s.events++
    s.byType[e.type] = (s.byType[e.type] ?? 0) + 1
    if (s.firstSeen === undefined || e.ts < s.firstSeen) s.firstSeen = e.ts
    if (s.lastSeen === undefined || e.ts > s.lastSeen) s.lastSeen = e.ts
    if (!INTERACTION.has(e.type)) continue
    s.interactions++
    const day = dayOf(e.ts)
    days.add(day)
    if (day > now - 30 && day <= now) s.interactions30d++
  }
  s.activeDays = days.size
  const weeks = [...new Set([...days].map(weekOf))].sort((a, b) => a - b)
  let run = 0
  for (let i = 0; i < weeks.length; i++) {
    run = i > 0 && weeks[i] === weeks[i - 1] + 1 ? run + 1 : 1
    s.longestWeeklyStreak = Math.max(s.longestWeeklyStreak, run)
  }
  const thisWeek = weekOf(now)
  const active = new Set(weeks)
  let w = active.has(thisWeek) ? thisWeek : thisWeek - 1
  while (active.has(w) && w <= thisWeek) {
    s.currentWeeklyStreak++
    w--
  }
  return s
}
