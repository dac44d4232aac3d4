/** Counts over an event stream (`events stats`) and the filter of `events list`: pure, one event at a time. */
import {monthOf} from './time.js'
import type {CanonicalEvent, EventType} from './types.js'

/** An event as the reader gives it: with the person its member belongs to (the member itself when not linked). */
export interface ResolvedEvent extends CanonicalEvent {
  person: string
}

export interface EventStats {
  events: number
  byType: Partial<Record<EventType, number>>
  byChannel: Record<string, number>
  byMonth: Record<string, number>
  from?: string
  to?: string
  /** Distinct platform identities (reactions counted without their members are not anyone). */
  members: number
  /** Distinct people: linked identities count once. */
  people: number
}

/** A running count; `add` each event, then `result`. Memory grows with members, channels and months, not events. */
export class StatsCounter {
  private stats: EventStats = {events: 0, byType: {}, byChannel: {}, byMonth: {}, members: 0, people: 0}
  private members = new Set<string>()
  private people = new Set<string>()
  private first = Infinity
  private last = -Infinity

  add(e: ResolvedEvent): void {
    const s = this.stats
    s.events++
    s.byType[e.type] = (s.byType[e.type] ?? 0) + 1
    const channel = e.channel ?? '-'
    s.byChannel[channel] = (s.byChannel[channel] ?? 0) + 1
    const month = monthOf(e.ts)
    s.byMonth[month] = (s.byMonth[month] ?? 0) + 1
    const t = Date.parse(e.ts)
    if (t < this.first) {
      this.first = t
      s.from = e.ts
    }
    if (t > this.last) {
      this.last = t
      s.to = e.ts
    }
    if (!e.member.endsWith(':*')) {
      this.members.add(e.member)
      this.people.add(e.person)
    }
  }

  result(): EventStats {
    const byMonth = Object.fromEntries(Object.entries(this.stats.byMonth).sort(([a], [b]) => a.localeCompare(b)))
    return {...this.stats, byMonth, members: this.members.size, people: this.people.size}
  }
}

export interface EventFilter {
  /** A member: its person's events, all linked identities included. */
  person?: string
  type?: EventType
  channel?: string
  /** Inclusive bounds, as instants (ms). */
  since?: number
  until?: number
}

/** True when an event passes the filter. */
export function matches(e: ResolvedEvent, f: EventFilter): boolean {
  if (f.person !== undefined && e.person !== f.person) return false
  if (f.type !== undefined && e.type !== f.type) return false
  if (f.channel !== undefined && e.channel !== f.channel) return false
  if (f.since !== undefined || f.until !== undefined) {
    const t = Date.parse(e.ts)
    if (f.since !== undefined && t < f.since) return false
    if (f.until !== undefined && t > f.until) return false
  }
  return true
}

/** Keeps the latest `n` events by time (ties: the later read); `result` oldest first. */
export class LatestEvents<T extends {ts: string} = ResolvedEvent> {
  private kept: Array<{t: number; e: T}> = []
  total = 0

  constructor(private readonly n: number) {}

  add(e: T): void {
    this.total++
    const t = Date.parse(e.ts)
    if (this.kept.length === this.n && t < this.kept[0].t) return
    let i = this.kept.length
    while (i > 0 && this.kept[i - 1].t > t) i--
    this.kept.splice(i, 0, {t, e})
    if (this.kept.length > this.n) this.kept.shift()
  }

  result(): T[] {
    return this.kept.map((k) => k.e)
  }
}
