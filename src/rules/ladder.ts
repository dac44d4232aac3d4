/** The enforcement ladder: which rung applies to a member's next incident, from their recent history and the rule's severity. */
import type {Msg} from '../errors.js'
import {defaultStart} from './compose.js'
import {DEFAULT_EXPIRE_DAYS, SEVERITIES, type Incident, type Ladder, type Rule, type Rung, type Severity} from './types.js'

const DAY_MS = 86_400_000

export interface NextRungOptions {
  ladder: Ladder
  /** Overrides the ladder's expiry window, in days. */
  expireAfterDays?: number
}

export interface NextRung {
  rung: Rung
  /** 0-based position of the rung in the ladder. */
  index: number
  /** Why this rung, as a message to translate. */
  reason: Msg
  /** Earlier incidents that count (inside the window, or on a permanent rung), oldest first. */
  counted: Incident[]
  /** Earlier incidents too old to count. */
  expired: Incident[]
  /** The counted incident on the highest rung. */
  previous?: Incident
}

const time = (at: string | Date): number => (at instanceof Date ? at.getTime() : Date.parse(at))

/** The expiry window of a ladder, in days. */
export const windowDays = (options: NextRungOptions): number => options.expireAfterDays ?? options.ladder.expireAfterDays ?? DEFAULT_EXPIRE_DAYS

/**
 * Splits a member's history at `now` into incidents that still count and those that expired; later ones and revoked
 * ones (an appeal upheld) are ignored.
 */
export function splitHistory(history: Incident[], now: Date | string, options: NextRungOptions): {counted: Incident[]; expired: Incident[]} {
  const t = time(now)
  const window = windowDays(options) * DAY_MS
  const permanent = new Set(options.ladder.rungs.filter((r) => r.permanent).map((r) => r.id))
  const past = history
    .filter((i) => !i.revoked && time(i.at) <= t)
    .sort((a, b) => time(a.at) - time(b.at) || a.id.localeCompare(b.id, 'en', {numeric: true}))
  const counted = past.filter((i) => permanent.has(i.rung) || t - time(i.at) < window)
  return {counted, expired: past.filter((i) => !counted.includes(i))}
}

/** The rung a first incident of a rule enters at: the rule's own startAt, else its severity's. */
export function startIndex(rule: Pick<Rule, 'severity' | 'startAt'>, ladder: Ladder): number {
  const ids = ladder.rungs.map((r) => r.id)
  for (const id of [rule.startAt, ladder.start?.[rule.severity], defaultStart(rule.severity, ids)]) {
    const at = id === undefined ? -1 : ids.indexOf(id)
    if (at >= 0) return at
  }
  return 0
}

/**
 * The rung for a member's next incident of `rule` at `now`: one above the highest rung among incidents that still
 * count, but never below where the rule's severity enters (a severe rule skips rungs), and never above the top.
 */
export function nextRung(
  history: Incident[],
  rule: Pick<Rule, 'id' | 'severity' | 'startAt'>,
  now: Date | string,
  options: NextRungOptions,
): NextRung {
  const {ladder} = options
  const ids = ladder.rungs.map((r) => r.id)
  const last = ids.length - 1
  const {counted, expired} = splitHistory(history, now, options)
  let previous: Incident | undefined
  for (const i of counted) if (ids.indexOf(i.rung) >= 0 && (!previous || ids.indexOf(i.rung) >= ids.indexOf(previous.rung))) previous = i
  const top = previous ? ids.indexOf(previous.rung) : -1
  const start = startIndex(rule, ladder)
  const index = Math.min(Math.max(start, top + 1), last)
  const rung = ladder.rungs[index]
  const days = windowDays(options)
  const base = {rung: rung.id, severity: rule.severity, count: counted.length, days, expired: expired.length}
  let reason: Msg
  if (!previous) reason = {key: start > 0 ? 'rules.reason.start' : 'rules.reason.first', params: base}
  else if (top >= last) reason = {key: 'rules.reason.top', params: {...base, previous: previous.rung, id: previous.id}}
  else if (start > top + 1) reason = {key: 'rules.reason.startAbove', params: {...base, previous: previous.rung, id: previous.id}}
  else reason = {key: 'rules.reason.escalate', params: {...base, previous: previous.rung, id: previous.id}}
  return {rung, index, reason, counted, expired, previous}
}

/** Where a member stands at `now`: the highest rung that still counts, and the rung a next incident would get per severity. */
export function standing(
  history: Incident[],
  now: Date | string,
  options: NextRungOptions,
): {current?: Incident; counted: Incident[]; expired: Incident[]; next: Record<Severity, string>} {
  const next = Object.fromEntries(SEVERITIES.map((severity) => [severity, nextRung(history, {id: '', severity}, now, options).rung.id])) as Record<
    Severity,
    string
  >
  const probe = nextRung(history, {id: '', severity: 'low'}, now, options)
  return {current: probe.previous, counted: probe.counted, expired: probe.expired, next}
}
