/** The rules' changes a user can make: generate the rule set, record, edit or revoke an incident. Used by the commands and the step. */
import {UsageError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import {nextId, type Db, type Store} from '../store/index.js'
import {applyChange} from '../util/change.js'
import {canonicalJson, stableHash} from '../util/json.js'
import type {Community} from '../workspace/community.js'
import {chooseTemplate, composeRuleSet, type GeneratedRules, type GenerateRulesInput} from './generate.js'
import {parseWhen, planIncident, planIncidentEdit, planIncidentRevoke, requireIncident, type IncidentChanges, type IncidentPlan} from './incident.js'
import {nextRung, type NextRung} from './ladder.js'
import {loadRuleTemplate} from './load.js'
import {currentRuleSet, requireRuleSet, RULES_ARTIFACT, type RuleSetRef} from './lookup.js'
import type {Incident, IncidentEdit, RuleSetArtifactData} from './types.js'

/** Reads the template and composes the community's rule set: what `rules generate` and the rules.generate step both build. */
export async function generateRuleSet(community: Community, input: GenerateRulesInput): Promise<GeneratedRules> {
  const template = chooseTemplate(community, input.template)
  const doc = await loadRuleTemplate(template, input.locale)
  return composeRuleSet(community, doc, template, input)
}

/** Keeps a rule set as the workspace's `rules` artifact; true when it differs from the stored one. */
export function applyRuleSet(db: Db, data: RuleSetArtifactData, now: string): boolean {
  const old = db.artifacts[RULES_ARTIFACT]
  const same = Boolean(old) && canonicalJson(old.data) === canonicalJson(data)
  const title = pick(data.ruleset.title, data.locale)
  db.artifacts[RULES_ARTIFACT] = {
    id: RULES_ARTIFACT,
    kind: 'ruleset',
    stepType: 'rules.generate',
    inputHash: stableHash(data),
    title,
    data,
    createdAt: old?.createdAt ?? now,
    updatedAt: now,
  }
  return !same
}

/** `rules generate`: composes the rule set and keeps it in the store; a dry run only says whether it would change. */
export async function generateRules(
  store: Store,
  community: Community,
  input: GenerateRulesInput & {now: Date; dryRun?: boolean},
): Promise<GeneratedRules & {changed: boolean}> {
  const generated = await generateRuleSet(community, input)
  const now = input.now.toISOString()
  const changed = await applyChange(store, input.dryRun, (db) => applyRuleSet(db, generated.data, now))
  return {...generated, changed}
}

export interface IncidentRequest {
  member: string
  rule: string
  /** When it happened as typed: YYYY-MM-DD or an ISO date-time in the community timezone; default: now. */
  at?: string
  note?: string
  by?: string
  rung?: string
  /** Language of the message; default: the rule set's. */
  lang?: Locale
}

/** `--at` as typed, as an ISO date-time: a usage error when it is not a date or lies in the future. */
function parseAt(text: string, o: {timezone: string; now: Date}): string {
  const parsed = parseWhen(text, o.timezone)
  if (!parsed) throw new UsageError({key: 'rules.incident.badAt', params: {value: text}}, {hint: {key: 'rules.incident.badAt.hint'}})
  if (Date.parse(parsed) > o.now.getTime() + 60_000)
    throw new UsageError({key: 'rules.incident.future', params: {value: text}}, {hint: {key: 'rules.incident.future.hint'}})
  return parsed
}

export interface AddedIncident {
  id: string
  plan: IncidentPlan
  ref: RuleSetRef
  locale: Locale
}

/** Records a moderation incident against the rule set in force, with the rung that applies now; a dry run records nothing. */
export async function addIncident(
  store: Store,
  request: IncidentRequest,
  o: {timezone: string; now: Date; dryRun?: boolean},
): Promise<AddedIncident> {
  const nowIso = o.now.toISOString()
  const at = request.at === undefined ? nowIso : parseAt(request.at, o)
  const locale = request.lang ?? requireRuleSet(await store.read()).data.locale
  const input = {member: request.member, rule: request.rule, at, note: request.note, by: request.by, rung: request.rung}
  return applyChange(store, o.dryRun, (db) => {
    const ref = requireRuleSet(db)
    const plan = planIncident(ref.data.ruleset, db.incidents, input, {locale, timezone: o.timezone, now: nowIso, rulesetId: ref.id})
    const id = nextId(db, 'I')
    db.incidents.push({id, ...plan.incident})
    return {id, plan, ref, locale}
  })
}

export interface IncidentEditRequest extends Omit<IncidentChanges, 'at'> {
  /** When it happened as typed (see IncidentRequest.at). */
  at?: string
  /** Why it was edited, kept in its history. */
  reason?: string
}

export interface EditedIncident {
  incident: Incident
  /** The edit recorded; absent when nothing differed. */
  edit?: IncidentEdit
}

/** Changes a recorded incident, keeping the old values in its edit history; a dry run records nothing. */
export async function editIncident(
  store: Store,
  id: string,
  request: IncidentEditRequest,
  o: {timezone: string; now: Date; user: string; dryRun?: boolean},
): Promise<EditedIncident> {
  const {reason, ...fields} = request
  if (Object.values(fields).every((v) => v === undefined))
    throw new UsageError({key: 'rules.incident.nothingToEdit'}, {hint: {key: 'rules.incident.nothingToEdit.hint'}})
  const changes: IncidentChanges = {...fields, at: request.at === undefined ? undefined : parseAt(request.at, o)}
  return applyChange(store, o.dryRun, (db) => {
    const found = requireIncident(db.incidents, id)
    const ref = changes.rule !== undefined || changes.rung !== undefined ? requireRuleSet(db) : currentRuleSet(db)
    const planned = planIncidentEdit(found, changes, {ruleset: ref?.data.ruleset, now: o.now.toISOString(), by: o.user, reason})
    if (planned.edit) db.incidents[db.incidents.indexOf(found)] = planned.incident
    return planned
  })
}

export interface RevokedIncident {
  incident: Incident
  /** The rung the member's next incident of the same rule would get now that this one no longer counts. */
  next?: NextRung
}

/** Revokes an incident (an appeal upheld): it stays in the log with who, when and why, and stops counting on the ladder. */
export async function revokeIncident(
  store: Store,
  id: string,
  request: {reason: string; by: string},
  o: {now: Date; dryRun?: boolean},
): Promise<RevokedIncident> {
  return applyChange(store, o.dryRun, (db) => {
    const found = requireIncident(db.incidents, id)
    const incident = planIncidentRevoke(found, {now: o.now.toISOString(), by: request.by, reason: request.reason})
    db.incidents[db.incidents.indexOf(found)] = incident
    const ruleset = currentRuleSet(db)?.data.ruleset
    const rule = ruleset?.rules.find((r) => r.id === incident.rule) ?? {id: incident.rule, severity: incident.severity}
    const history = db.incidents.filter((i) => i.member === incident.member)
    return {incident, ...(ruleset ? {next: nextRung(history, rule, o.now, {ladder: ruleset.ladder})} : {})}
  })
}
