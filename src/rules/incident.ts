/** Recording an incident: find the rule, compute (or check) the rung, and word the message to send. */
import {DateTime} from '../util/luxon.js'
import {UsageError, ValidationError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import {addDuration, humanDuration} from './duration.js'
import {nextRung, windowDays, type NextRung} from './ladder.js'
import {suggestHint} from './problems.js'
import {INCIDENT_FIELDS, type Incident, type IncidentEdit, type Rule, type RuleSetDoc, type Rung, type Severity} from './types.js'

export interface IncidentInput {
  member: string
  rule: string
  /** When it happened, ISO date-time. */
  at: string
  note?: string
  by?: string
  /** A rung chosen by hand instead of the computed one. */
  rung?: string
}

export interface IncidentPlan {
  incident: Omit<Incident, 'id'>
  rule: Rule
  rung: Rung
  decision: NextRung
  /** The text to send the member, in the chosen language. */
  message: string
}

/** A rule by id (case-insensitive), or a usage error with the closest id. */
export function requireRule(ruleset: RuleSetDoc, id: string): Rule {
  const found = ruleset.rules.find((r) => r.id === id) ?? ruleset.rules.find((r) => r.id.toLowerCase() === id.toLowerCase())
  if (found) return found
  const ids = ruleset.rules.map((r) => r.id)
  throw new UsageError(
    {key: 'rules.unknownRule', params: {id}},
    {code: 'rules.unknownRule', hint: suggestHint('rules.unknownRule.hint', closest(id, ids), {ids: ids.join(', ')})},
  )
}

/** A rung by id, or a usage error with the closest id. */
export function requireRung(ruleset: RuleSetDoc, id: string): Rung {
  const found = ruleset.ladder.rungs.find((r) => r.id === id.toLowerCase())
  if (found) return found
  const ids = ruleset.ladder.rungs.map((r) => r.id)
  throw new UsageError(
    {key: 'rules.unknownRung', params: {id}},
    {code: 'rules.unknownRung', hint: suggestHint('rules.unknownRung.hint', closest(id, ids), {ids: ids.join(', ')})},
  )
}

/** A date-time in a timezone, for people: 2026-12-03 20:00. */
export function localTime(iso: string, timezone: string): string {
  return DateTime.fromISO(iso, {zone: 'utc'}).setZone(timezone).toFormat('yyyy-MM-dd HH:mm')
}

/** Fills a rung's message (or its consequence) with the rule, the duration and its end. */
export function rungMessage(rung: Rung, rule: Rule, ruleset: RuleSetDoc, locale: Locale, fill: {until?: string; timezone: string}): string {
  const text = pick(rung.message, locale) || pick(rung.consequence, locale)
  const params: Record<string, string> = {
    rule: pick(rule.title, locale),
    duration: humanDuration(rung.duration, locale),
    until: fill.until ? localTime(fill.until, fill.timezone) : '',
    days: String(windowDays({ladder: ruleset.ladder})),
  }
  return text.replace(/\{(rule|duration|until|days)\}/g, (_, name: string) => params[name])
}

/** The incident to record for a member's breach of a rule, and the message to send; pure: ids and writes are the caller's. */
export function planIncident(
  ruleset: RuleSetDoc,
  incidents: Incident[],
  input: IncidentInput,
  options: {locale: Locale; timezone: string; now: string; rulesetId?: string},
): IncidentPlan {
  const rule = requireRule(ruleset, input.rule)
  const history = incidents.filter((i) => i.member === input.member)
  const decision = nextRung(history, rule, input.at, {ladder: ruleset.ladder})
  const rung = input.rung === undefined ? decision.rung : requireRung(ruleset, input.rung)
  const until = addDuration(input.at, rung.duration)
  const incident: Omit<Incident, 'id'> = {
    member: input.member,
    rule: rule.id,
    severity: rule.severity,
    rung: rung.id,
    at: input.at,
    ...(until ? {until} : {}),
    ...(input.note ? {note: input.note} : {}),
    ...(input.by ? {by: input.by} : {}),
    ...(input.rung !== undefined && rung.id !== decision.rung.id ? {manual: true} : {}),
    ...(options.rulesetId ? {ruleset: options.rulesetId} : {}),
    recordedAt: options.now,
  }
  return {incident, rule, rung, decision, message: rungMessage(rung, rule, ruleset, options.locale, {until, timezone: options.timezone})}
}

/** `--at`: a date (start of that day) or a date-time, in the community timezone unless it names one; ISO in UTC, or undefined. */
export function parseWhen(text: string, timezone: string): string | undefined {
  const s = text.trim()
  const d = DateTime.fromISO(s, {zone: timezone, setZone: /[zZ]|[+-]\d\d:?\d\d$/.test(s)})
  if (!d.isValid) return undefined
  return d.toUTC().toISO({suppressMilliseconds: true}) ?? undefined
}

/** An incident by id (case-insensitive), or a usage error with the closest id. */
export function requireIncident(incidents: Incident[], id: string): Incident {
  const want = id.trim().toUpperCase()
  const found = incidents.find((i) => i.id.toUpperCase() === want)
  if (found) return found
  const best = closest(
    want,
    incidents.map((i) => i.id),
  )
  throw new UsageError(
    {key: 'rules.incident.notFound', params: {id}},
    {code: 'rules.incident.notFound', hint: suggestHint('rules.incident.notFound.hint', best, {})},
  )
}

/** What `rules incident edit` may change; `note` or `by` set to '' removes it. `at` is an ISO date-time. */
export interface IncidentChanges {
  member?: string
  rule?: string
  severity?: Severity
  rung?: string
  at?: string
  note?: string
  by?: string
}

/**
 * An incident with the changes applied and the edit recorded in its history (who, when, why, old → new per field);
 * no edit when nothing differs. A new rule brings its severity unless one is given; a new rung or time moves the end
 * of a temporary rung. Pure: the caller stores it.
 */
export function planIncidentEdit(
  incident: Incident,
  changes: IncidentChanges,
  o: {ruleset?: RuleSetDoc; now: string; by: string; reason?: string},
): {incident: Incident; edit?: IncidentEdit} {
  const next: Incident = {...incident}
  if (changes.member !== undefined) {
    if (!changes.member.trim()) throw new UsageError({key: 'rules.incident.noMember'}, {hint: {key: 'rules.incident.noMember.hint'}})
    next.member = changes.member.trim()
  }
  if (changes.rule !== undefined && o.ruleset) {
    const rule = requireRule(o.ruleset, changes.rule)
    next.rule = rule.id
    next.severity = rule.severity
  }
  if (changes.severity !== undefined) next.severity = changes.severity
  if (changes.rung !== undefined && o.ruleset) {
    next.rung = requireRung(o.ruleset, changes.rung).id
    if (next.rung !== incident.rung) next.manual = true
  }
  if (changes.at !== undefined) next.at = changes.at
  const rung = o.ruleset?.ladder.rungs.find((r) => r.id === next.rung)
  if (rung && (next.at !== incident.at || next.rung !== incident.rung)) {
    const until = addDuration(next.at, rung.duration)
    if (until) next.until = until
    else delete next.until
  }
  for (const field of ['note', 'by'] as const) {
    const value = changes[field]?.trim()
    if (value === undefined) continue
    if (value) next[field] = value
    else delete next[field]
  }
  const diff: IncidentEdit['changes'] = {}
  for (const field of INCIDENT_FIELDS) {
    const [from, to] = [incident[field], next[field]]
    if (from !== to) diff[field] = {...(from === undefined ? {} : {from}), ...(to === undefined ? {} : {to})}
  }
  if (Object.keys(diff).length === 0) return {incident}
  const edit: IncidentEdit = {at: o.now, by: o.by, ...(o.reason?.trim() ? {reason: o.reason.trim()} : {}), changes: diff}
  return {incident: {...next, edits: [...(incident.edits ?? []), edit]}, edit}
}

/** The incident revoked (an appeal upheld): kept in the log with who, when and why, no longer counted on the ladder. */
export function planIncidentRevoke(incident: Incident, o: {now: string; by: string; reason: string}): Incident {
  if (incident.revoked) {
    throw new ValidationError(
      {key: 'rules.incident.alreadyRevoked', params: {id: incident.id, at: incident.revoked.at.slice(0, 10), by: incident.revoked.by}},
      {code: 'rules.incident.alreadyRevoked', hint: {key: 'rules.incident.alreadyRevoked.hint'}},
    )
  }
  const reason = o.reason.trim()
  if (!reason) throw new UsageError({key: 'rules.incident.noReason'}, {hint: {key: 'rules.incident.noReason.hint'}})
  return {...incident, revoked: {at: o.now, by: o.by, reason}}
}
