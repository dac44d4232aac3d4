/**
 * What members did, from resolved events: a small tally per member for lists and segments (first/last seen,
 * interactions, interactions in a window, start and last interaction day), and the full summary of one member for
 * `members show` (interactions by type, active days, weekly streaks). Days are the events' own local dates (a
 * canonical ts carries the community's offset).
 */
import type {ResolvedEvent} from '../events/stats.js'
import {INTERACTIONS} from '../metrics/engine.js'
import {dayDate, dayNumber} from '../metrics/period.js'

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
