/** Composing a rule set: a template plus the `rules:` overrides of community.yaml (and a step's ladder choice). */
import {ValidationError, type Msg} from '../errors.js'
import {normalizeDuration, DURATION_FORMS, parseDuration} from './duration.js'
import {asObjects, isObject, unknownId, type RulesProblem} from './problems.js'
import {DEFAULT_START, SEVERITIES, type Rule, type RuleSetDoc, type RulesOverrides, type Rung, type Severity} from './types.js'
import {plainText} from '../util/text.js'

export interface ComposeOptions {
  /** Keep only these rungs (the step's `ladder:` or --ladder), in the template's order. */
  ladder?: string[]
  /** Fills `{community}` in every text. */
  communityName?: string
  /** Skip `remove`/`change` ids the template lacks (and `add` ids it has), with a note, instead of failing: for a template other than community.yaml's. */
  lenient?: boolean
}

export interface Composed {
  ruleset: RuleSetDoc
  /** What was skipped in lenient mode, or left to fill in. */
  notes: Msg[]
}

const LENIENT = new Set(['rules.unknownRule', 'rules.duplicateRule'])

/** Everything wrong with overrides against a template: unknown rule and rung ids, duplicate ids, bad durations. Tolerates any shape. */
export function overrideProblems(template: RuleSetDoc, overrides: unknown, base = '/rules'): RulesProblem[] {
  if (!isObject(overrides)) return []
  const problems: RulesProblem[] = []
  const ruleIds = asObjects(template.rules).map((r) => String(r.id))
  const rungIds = asObjects(template.ladder?.rungs).map((r) => String(r.id))
  const removed = new Set<string>()
  if (Array.isArray(overrides.remove)) {
    overrides.remove.forEach((id, i) => {
      if (typeof id !== 'string') return
      if (ruleIds.includes(id)) removed.add(id)
      else problems.push(unknownId('Rule', `${base}/remove/${i}`, id, ruleIds))
    })
  }
  const rungRef = (path: string, value: unknown) => {
    if (typeof value === 'string' && !rungIds.includes(value)) problems.push(unknownId('Rung', path, value, rungIds))
  }
  if (isObject(overrides.change)) {
    for (const [id, change] of Object.entries(overrides.change)) {
      if (!ruleIds.includes(id) || removed.has(id))
        problems.push(
          unknownId(
            'Rule',
            `${base}/change/${id}`,
            id,
            ruleIds.filter((r) => !removed.has(r)),
            true,
          ),
        )
      if (isObject(change)) rungRef(`${base}/change/${id}/startAt`, change.startAt)
    }
  }
  const taken = new Set(ruleIds.filter((id) => !removed.has(id)))
  asObjects(overrides.add).forEach((rule, i) => {
    if (typeof rule.id === 'string') {
      if (taken.has(rule.id))
        problems.push({
          path: `${base}/add/${i}/id`,
          rule: 'rules.duplicateRule',
          msg: {key: 'rules.duplicateRule', params: {id: rule.id}},
          hint: {key: 'rules.duplicateRule.hint', params: {id: rule.id}},
        })
      taken.add(rule.id)
    }
    rungRef(`${base}/add/${i}/startAt`, rule.startAt)
  })
  if (isObject(overrides.ladder)) {
    let enabled = rungIds.length
    for (const [id, change] of Object.entries(overrides.ladder)) {
      if (!rungIds.includes(id)) {
        problems.push(unknownId('Rung', `${base}/ladder/${id}`, id, rungIds, true))
        continue
      }
      if (!isObject(change)) continue
      if (change.enabled === false) enabled--
      if (change.duration !== undefined) problems.push(...durationProblem(`${base}/ladder/${id}/duration`, change.duration))
    }
    if (enabled <= 0) problems.push({path: `${base}/ladder`, rule: 'rules.emptyLadder', msg: {key: 'rules.emptyLadder'}})
  }
  if (isObject(overrides.start)) for (const [severity, rung] of Object.entries(overrides.start)) rungRef(`${base}/start/${severity}`, rung)
  asObjects(overrides.reporting).forEach((r, i) => {
    if (r.responseTime !== undefined) problems.push(...durationProblem(`${base}/reporting/${i}/responseTime`, r.responseTime))
  })
  if (Array.isArray(overrides.remove) && taken.size === 0) problems.push({path: `${base}/remove`, rule: 'rules.noRules', msg: {key: 'rules.noRules'}})
  return problems
}

/** A `rules.badDuration` problem unless the value is a duration. */
export function durationProblem(path: string, value: unknown): RulesProblem[] {
  if (typeof value === 'string' && parseDuration(value)) return []
  return [
    {
      path,
      rule: 'rules.badDuration',
      msg: {key: 'rules.badDuration', params: {value: String(value)}},
      hint: {key: 'rules.badDuration.hint', params: {forms: DURATION_FORMS}},
    },
  ]
}

/** The rule set a template and overrides make; throws a ValidationError (with the JSON pointer in details) on a bad override. */
export function compose(template: RuleSetDoc, overrides: RulesOverrides = {}, options: ComposeOptions = {}): Composed {
  const notes: Msg[] = []
  const skip = new Set<string>()
  for (const p of overrideProblems(template, overrides)) {
    if (options.lenient && LENIENT.has(p.rule)) {
      notes.push({key: 'rules.compose.skipped', params: {path: p.path, id: plainText(p.msg.params?.id)}})
      skip.add(p.path)
      continue
    }
    if (p.severity === 'warning') continue
    throw new ValidationError(p.msg, {code: p.rule, hint: p.hint, details: {path: p.path}})
  }
  const doc = structuredClone(template)
  for (const field of ['title', 'summary', 'scope'] as const) if (overrides[field] !== undefined) doc[field] = overrides[field]
  if (overrides.principles) doc.principles = structuredClone(overrides.principles)
  if (overrides.reporting) doc.reporting = structuredClone(overrides.reporting)
  if (overrides.moderatorDuties) doc.moderatorDuties = structuredClone(overrides.moderatorDuties)

  const remove = new Set((overrides.remove ?? []).filter((_, i) => !skip.has(`/rules/remove/${i}`)))
  let rules: Rule[] = doc.rules.filter((r) => !remove.has(r.id))
  for (const [id, change] of Object.entries(overrides.change ?? {})) {
    if (skip.has(`/rules/change/${id}`)) continue
    rules = rules.map((r) => (r.id === id ? {...r, ...structuredClone(change)} : r))
  }
  ;(overrides.add ?? []).forEach((rule, i) => {
    if (!skip.has(`/rules/add/${i}/id`)) rules.push(structuredClone(rule))
  })
  doc.rules = rules

  const order = doc.ladder.rungs.map((r) => r.id)
  let rungs: Rung[] = doc.ladder.rungs.flatMap((rung) => {
    const change = overrides.ladder?.[rung.id]
    if (!change) return [rung]
    const {enabled, ...fields} = structuredClone(change)
    return enabled === false ? [] : [{...rung, ...fields}]
  })
  if (options.ladder) {
    options.ladder.forEach((id, i) => {
      if (!order.includes(id)) {
        const p = unknownId('Rung', `/ladder/${i}`, id, order)
        throw new ValidationError(p.msg, {code: p.rule, hint: p.hint, details: {path: p.path}})
      }
    })
    rungs = rungs.filter((r) => options.ladder!.includes(r.id))
    if (rungs.length === 0) throw new ValidationError({key: 'rules.emptyLadder'}, {code: 'rules.emptyLadder', hint: {key: 'rules.emptyLadder.hint'}})
  }
  for (const rung of rungs) {
    if (rung.duration !== undefined) rung.duration = normalizeDuration(rung.duration) ?? rung.duration
    if (rung.duration !== undefined) delete rung.permanent
  }
  const kept = rungs.map((r) => r.id)
  const resolve = (id: string | undefined): string | undefined => {
    if (id === undefined) return undefined
    const at = order.indexOf(id)
    return order.slice(Math.max(at, 0)).find((r) => kept.includes(r)) ?? kept[kept.length - 1]
  }
  const start = {...doc.ladder.start, ...overrides.start}
  doc.ladder = {
    ...doc.ladder,
    rungs,
    start: Object.fromEntries(SEVERITIES.map((s) => [s, resolve(start[s]) ?? defaultStart(s, kept)])),
    expireAfterDays: overrides.expireAfterDays ?? doc.ladder.expireAfterDays,
  }
  for (const rule of doc.rules) if (rule.startAt !== undefined) rule.startAt = resolve(rule.startAt)
  for (const r of doc.reporting) if (r.responseTime !== undefined) r.responseTime = normalizeDuration(r.responseTime) ?? r.responseTime

  const ruleset = options.communityName === undefined ? doc : fillText(doc, '{community}', options.communityName)
  return {ruleset, notes}
}

/** The rung a severity starts at when neither the template nor the overrides say. */
export function defaultStart(severity: Severity, rungs: string[]): string {
  const where = DEFAULT_START[severity]
  if (where === 'last') return rungs[rungs.length - 1]
  return rungs[where === 'second' ? Math.min(1, rungs.length - 1) : 0]
}

/** Replaces a placeholder in every string of a JSON value. */
function fillText<T>(value: T, placeholder: string, text: string): T {
  if (typeof value === 'string') return value.split(placeholder).join(text) as T
  if (Array.isArray(value)) return (value as unknown[]).map((v) => fillText(v, placeholder, text)) as T
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillText(v, placeholder, text)])) as T
  return value
}
