/** Semantic checks for `commops validate`: a RuleSet's ids and references, and the `rules:` section of community.yaml. */
import {durationProblem, overrideProblems} from './compose.js'
import {asObjects, isObject, unknownId, type RulesProblem} from './problems.js'
import {defaultTemplateFor, isRuleTemplate} from './templates.js'
import type {RuleSetDoc} from './types.js'

function duplicates(list: Array<Record<string, unknown>>, base: string, rule: string): RulesProblem[] {
  const seen = new Map<string, number>()
  const problems: RulesProblem[] = []
  list.forEach((item, i) => {
    if (typeof item.id !== 'string') return
    if (seen.has(item.id)) problems.push({path: `${base}/${i}/id`, rule, msg: {key: rule, params: {id: item.id, first: seen.get(item.id)! + 1}}})
    else seen.set(item.id, i)
  })
  return problems
}

/** A RuleSet's unique rule and rung ids, rung references (start, startAt) and durations. Tolerates any shape. */
export function checkRuleSet(value: Record<string, unknown>): RulesProblem[] {
  const rules = asObjects(value.rules)
  const ladder = isObject(value.ladder) ? value.ladder : {}
  const rungs = asObjects(ladder.rungs)
  const rungIds = rungs.map((r) => r.id).filter((x): x is string => typeof x === 'string')
  const problems = [...duplicates(rules, '/rules', 'rules.check.duplicateRule'), ...duplicates(rungs, '/ladder/rungs', 'rules.check.duplicateRung')]
  const ref = (path: string, v: unknown) => {
    if (typeof v === 'string' && !rungIds.includes(v)) problems.push(unknownId('Rung', path, v, rungIds))
  }
  rules.forEach((r, i) => ref(`/rules/${i}/startAt`, r.startAt))
  if (isObject(ladder.start)) for (const [severity, v] of Object.entries(ladder.start)) ref(`/ladder/start/${severity}`, v)
  rungs.forEach((r, i) => {
    if (r.duration !== undefined) problems.push(...durationProblem(`/ladder/rungs/${i}/duration`, r.duration))
    if (r.duration !== undefined && r.permanent === true)
      problems.push({
        path: `/ladder/rungs/${i}/permanent`,
        key: true,
        rule: 'rules.check.permanentDuration',
        msg: {key: 'rules.check.permanentDuration', params: {id: String(r.id)}},
      })
  })
  asObjects(value.reporting).forEach((r, i) => {
    if (r.responseTime !== undefined) problems.push(...durationProblem(`/reporting/${i}/responseTime`, r.responseTime))
  })
  return problems
}

/** community.yaml `rules:`: removed, changed and added rule ids and rung ids checked against the template (looked up by `templateOf`), durations parsed. */
export function checkCommunityRules(value: Record<string, unknown>, templateOf: (name: string) => RuleSetDoc | undefined): RulesProblem[] {
  const rules = value.rules
  if (!isObject(rules)) return []
  if (rules.template !== undefined && !isRuleTemplate(rules.template)) return [] // the schema's enum reports it, with did-you-mean
  const template = templateOf(
    isRuleTemplate(rules.template) ? rules.template : defaultTemplateFor(typeof value.type === 'string' ? value.type : undefined),
  )
  if (!template) return []
  return overrideProblems(template, rules, '/rules')
}
