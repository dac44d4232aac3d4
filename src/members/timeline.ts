/** Each member's events in time order, compact: what points, badges and engagement levels are computed from. Pure. */
import type {ResolvedEvent} from '../events/stats.js'
import type {EventType} from '../events/types.js'

/** One event of a member's timeline. */
export interface TimelineEvent {
  /** Epoch milliseconds. */
  ms: number
  /** The event's time as imported (ISO, community timezone). */
  ts: string
  type: EventType
  src: string
  parent?: string
}

/** A member key: the person id of linked identities (`P1`), else the identity (`qq:10002`). */
export type MemberKey = string

/** True for identities that name no one (`qq:*`: reactions counted without their members). */
export const isAnonymous = (member: string): boolean => member.endsWith(':*')

/** Collects the events of every member (anonymous ones left out), then sorts each timeline by time, then src. */
export class TimelineCollector {
  private readonly byMember = new Map<MemberKey, TimelineEvent[]>()

  /** `keep`: the event types worth keeping (default all), so a ledger holds only the events that score. */
  constructor(private readonly keep?: (type: string) => boolean) {}

  add(e: ResolvedEvent): void {
    if (isAnonymous(e.member) || (this.keep && !this.keep(e.type))) return
    const ms = Date.parse(e.ts)
    if (!Number.isFinite(ms)) return
    let list = this.byMember.get(e.person)
    if (!list) this.byMember.set(e.person, (list = []))
    const t: TimelineEvent = {ms, ts: e.ts, type: e.type, src: e.src}
    if (e.parent !== undefined) t.parent = e.parent
    list.push(t)
  }

  /** Every member's timeline, members in code-point order (the same whatever the order of the batches). */
  timelines(): Array<[MemberKey, TimelineEvent[]]> {
    const out = [...this.byMember.entries()].sort((a, b) => compare(a[0], b[0]))
    for (const [, list] of out) list.sort((a, b) => a.ms - b.ms || compare(a.src, b.src))
    return out
  }
}

/** Code-point order, the same on every machine (no locale). */
export const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
