/** Recording an incident: find the rule, compute (or check) the rung, and word the message to send. */
import {DateTime} from 'luxon'
import {UsageError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import {addDuration, humanDuration} from './duration.js'
import {nextRung, windowDays, type NextRung} from './ladder.js'
import {suggestHint} from './problems.js'
import type {Incident, Rule, RuleSetDoc, Rung} from './types.js'

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
