/**
 * Badges: declarative rules from community.yaml `incentives.badges` (count of an event type in a window, streak of
 * active weeks, first post, answered N questions, attended N events, points reached, manual), the awards the events
 * earn, and the stored state of awards and revocations, so a badge is awarded once and a revocation sticks. Pure.
 */
import {dayNumber} from '../metrics/period.js'
import type {BadgeKind, Community} from '../workspace/community.js'
import type {LedgerEntry} from './points.js'
import {compare, type MemberKey, type TimelineEvent} from './timeline.js'
import type {LocalizedText} from '../i18n/index.js'

export interface BadgeRule {
  id: string
  name: LocalizedText
  kind: BadgeKind
  event?: string
  count: number
  withinDays?: number
  weeks?: number
  points?: number
}

/** The badge rules of a community profile; a badge without criteria is manual. */
export function badgeRules(community: Pick<Community, 'incentives'>): BadgeRule[] {
  return (community.incentives?.badges ?? []).map((b) => {
    const c = b.criteria ?? {}
    const kind: BadgeKind = c.kind ?? (c.points !== undefined && c.event === undefined ? 'points' : c.event !== undefined ? 'count' : 'manual')
    const event = c.event ?? (kind === 'first' ? 'post' : kind === 'answered' ? 'answer' : kind === 'attended' ? 'event_attend' : undefined)
    return {
      id: b.id,
      name: b.name,
      kind,
      ...(event ? {event} : {}),
      count: kind === 'first' ? 1 : (c.count ?? 1),
      ...(c.withinDays !== undefined ? {withinDays: c.withinDays} : {}),
      ...(kind === 'streak' ? {weeks: c.weeks ?? c.count ?? 4} : {}),
      ...(c.points !== undefined ? {points: c.points} : {}),
    }
  })
}

/** A badge a member earned: when (the time of the event or ledger entry that earned it) and what. */
export interface EarnedBadge {
  badge: string
  member: MemberKey
  date: string
  src?: string
}

const DAY_MS = 86_400_000
/** Monday-based week number of a day number (1970-01-01 was a Thursday). */
const weekOf = (day: number): number => Math.floor((day + 3) / 7)

/** When a timeline first meets a rule (undefined: not yet). */
function firstMet(rule: BadgeRule, events: TimelineEvent[], ledger: LedgerEntry[]): {ts: string; src?: string} | undefined {
  switch (rule.kind) {
    case 'manual':
      return undefined
    case 'points': {
      let total = 0
      for (const e of ledger) {
        total = Math.round((total + e.points) * 100) / 100
        if (total >= (rule.points ?? Infinity)) return {ts: e.ts, src: e.src ?? e.id ?? e.incident}
      }
      return undefined
    }
    case 'streak': {
      let run = 0
      let lastWeek = Number.NaN
      for (const e of events) {
        if (e.type === 'leave' || e.type === 'join' || (rule.event && e.type !== rule.event)) continue
        const week = weekOf(dayNumber(e.ts.slice(0, 10)))
        if (week === lastWeek) continue
        run = week === lastWeek + 1 ? run + 1 : 1
        lastWeek = week
        if (run >= (rule.weeks ?? 4)) return {ts: e.ts, src: e.src}
      }
      return undefined
    }
    case 'answered': {
      const questions = new Set<string>()
      for (const e of events) {
        if (e.type !== 'answer') continue
        questions.add(e.parent ?? e.src)
        if (questions.size >= rule.count) return {ts: e.ts, src: e.src}
      }
      return undefined
    }
    default: {
      // count, first, attended: `count` events of the type, within `withinDays` when given
      const times: number[] = []
      for (const e of events) {
        if (e.type !== rule.event) continue
        times.push(e.ms)
        if (rule.withinDays !== undefined) while (times.length > 0 && e.ms - times[0] >= rule.withinDays * DAY_MS) times.shift()
        if (times.length >= rule.count) return {ts: e.ts, src: e.src}
      }
      return undefined
    }
  }
}

/**
 * The event types the rules read (a streak without an event type reads every type but join and leave): the only
 * ones a badge run needs to hold.
 */
export function badgeTypes(rules: BadgeRule[]): (type: string) => boolean {
  const types = new Set<string>()
  let streak = false
  for (const r of rules) {
    if (r.kind === 'answered') types.add('answer')
    else if (r.kind === 'streak' && r.event === undefined) streak = true
    else if (r.event !== undefined) types.add(r.event)
  }
  return (type) => types.has(type) || (streak && type !== 'join' && type !== 'leave')
}

/**
 * Every badge each member has earned by the rules, members in code-point order, then in the rules' order. The
 * timelines come one member at a time in code-point order (TimelineCollector.each), so a million events are never
 * objects all at once; members with ledger entries and no events are met in their place.
 */
export function earnedBadges(
  timelines: Iterable<[MemberKey, TimelineEvent[]]>,
  ledgers: Map<MemberKey, LedgerEntry[]>,
  rules: BadgeRule[],
): EarnedBadge[] {
  const out: EarnedBadge[] = []
  const met = (member: MemberKey, events: TimelineEvent[]) => {
    for (const rule of rules) {
      const first = firstMet(rule, events, ledgers.get(member) ?? [])
      if (first) out.push({badge: rule.id, member, date: first.ts, ...(first.src ? {src: first.src} : {})})
    }
  }
  // the ledgers' members merged in: both lists are in code-point order, a member in both met once
  const withLedger = [...ledgers.keys()].sort(compare)
  let k = 0
  for (const [member, events] of timelines) {
    for (; k < withLedger.length && compare(withLedger[k], member) < 0; k++) met(withLedger[k], [])
    if (withLedger[k] === member) k++
    met(member, events)
  }
  for (; k < withLedger.length; k++) met(withLedger[k], [])
  return out
}

/** One line of the badges file: an award (by the rules or by hand) or a revocation. */
export interface BadgeRecord {
  op: 'award' | 'revoke'
  badge: string
  member: MemberKey
  /** When it was earned (award) or revoked (revoke). */
  date: string
  src?: string
  manual?: true
  reason?: string
  by?: string
}

const pairKey = (badge: string, member: string) => `${badge}\u0000${member}`

/** The latest record of each badge and member. */
export function badgeState(records: BadgeRecord[]): Map<string, BadgeRecord> {
  const state = new Map<string, BadgeRecord>()
  for (const r of records) state.set(pairKey(r.badge, r.member), r)
  return state
}

/** Earned badges never awarded (nor revoked) before: what a badge run adds. */
export function newAwards(earned: EarnedBadge[], state: Map<string, BadgeRecord>): BadgeRecord[] {
  return earned
    .filter((e) => !state.has(pairKey(e.badge, e.member)))
    .map((e) => ({op: 'award' as const, badge: e.badge, member: e.member, date: e.date, ...(e.src ? {src: e.src} : {})}))
}

/** The badges each member holds now (awarded and not revoked since), in award order. */
export function heldBadges(state: Map<string, BadgeRecord>): Map<MemberKey, Array<{id: string; awardedAt: string}>> {
  const out = new Map<MemberKey, Array<{id: string; awardedAt: string}>>()
  for (const r of state.values()) {
    if (r.op !== 'award') continue
    const list = out.get(r.member) ?? []
    list.push({id: r.badge, awardedAt: r.date})
    out.set(r.member, list)
  }
  for (const list of out.values()) list.sort((a, b) => compare(a.awardedAt, b.awardedAt) || compare(a.id, b.id))
  return out
}

/** True when the member holds the badge now. */
export const holds = (state: Map<string, BadgeRecord>, badge: string, member: string): boolean => state.get(pairKey(badge, member))?.op === 'award'
