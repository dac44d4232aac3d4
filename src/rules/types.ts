/** Rule sets (kind RuleSet), their overrides in community.yaml, and moderation incidents as kept in the store. */
import type {Locale, LocalizedText} from '../i18n/index.js'

export const SEVERITIES = ['low', 'medium', 'high', 'severe'] as const
export type Severity = (typeof SEVERITIES)[number]

/** The bundled templates, templates/rules/<name>.yaml. */
export const RULE_TEMPLATES = ['standard', 'strict', 'open-source', 'brand'] as const
export type RuleTemplate = (typeof RULE_TEMPLATES)[number]

/** The rung ids every bundled template uses, lowest first. */
export const RUNG_IDS = ['reminder', 'warning', 'mute', 'suspension', 'removal'] as const

/** Where a rule of each severity enters the ladder when the rule set does not say. */
export const DEFAULT_START: Record<Severity, 'first' | 'second' | 'last'> = {low: 'first', medium: 'first', high: 'second', severe: 'last'}

/** Incidents older than this many days no longer count, unless the rule set says otherwise. */
export const DEFAULT_EXPIRE_DAYS = 180

export interface Rule {
  id: string
  title: LocalizedText
  description: LocalizedText
  severity: Severity
  /** Examples of what is fine. */
  allowed?: LocalizedText[]
  /** Examples of what breaks the rule. */
  notAllowed?: LocalizedText[]
  /** Enter the ladder at this rung instead of the severity's usual one. */
  startAt?: string
}

/** One rung of the enforcement ladder. */
export interface Rung {
  id: string
  name: LocalizedText
  /** What happens, in a line (for the ladder table). */
  consequence: LocalizedText
  /** How long a temporary rung lasts: ISO 8601 (P3D, PT2H) or friendly (3d, 24h). */
  duration?: string
  /** A permanent rung (removal): its incidents never expire. */
  permanent?: boolean
  decidedBy: LocalizedText
  /** How to appeal, or how to repair and come back. */
  appeal: LocalizedText
  /** The text a moderator sends the member; {rule}, {duration}, {until}, {days} and {community} are filled in. */
  message?: LocalizedText
}

export interface Ladder {
  rungs: Rung[]
  /** The rung a first incident of each severity starts at. */
  start?: Partial<Record<Severity, string>>
  /** Incidents older than this no longer count (default 180). */
  expireAfterDays?: number
}

export interface ReportingChannel {
  name: LocalizedText
  how: LocalizedText
  contact?: string
  /** How soon reporters hear back: ISO 8601 or friendly (24h, 2d). */
  responseTime?: string
}

/** A rule set document (`kind: RuleSet`). */
export interface RuleSetDoc {
  apiVersion: 'commops/v1'
  kind: 'RuleSet'
  name: string
  title: LocalizedText
  locale?: Locale
  summary?: LocalizedText
  scope: LocalizedText
  principles: LocalizedText[]
  rules: Rule[]
  ladder: Ladder
  reporting: ReportingChannel[]
  moderatorDuties?: LocalizedText[]
}

/** A change to one rung, from community.yaml `rules.ladder.<rung>`. */
export type RungOverride = Partial<Omit<Rung, 'id'>> & {enabled?: boolean}

/** The `rules:` section of community.yaml: a template and the changes made to it. */
export interface RulesOverrides {
  template?: RuleTemplate
  title?: LocalizedText
  summary?: LocalizedText
  scope?: LocalizedText
  principles?: LocalizedText[]
  add?: Rule[]
  remove?: string[]
  change?: Record<string, Partial<Omit<Rule, 'id'>>>
  ladder?: Record<string, RungOverride>
  start?: Partial<Record<Severity, string>>
  expireAfterDays?: number
  reporting?: ReportingChannel[]
  moderatorDuties?: LocalizedText[]
}

/** What a `ruleset` artifact holds (db.artifacts['rules'] or a playbook step's artifact). */
export interface RuleSetArtifactData {
  template: string
  /** Language of exports unless --lang says otherwise. */
  locale: Locale
  ruleset: RuleSetDoc
}

/** One moderation incident, kept in db.incidents; notes never leave the store. */
export interface Incident {
  /** 'I1', 'I2', … from `nextId(db, 'I')`. */
  id: string
  /** An opaque member id, as the platform shows it or as the team chooses. */
  member: string
  rule: string
  severity: Severity
  /** The rung applied. */
  rung: string
  /** When it happened (ISO date-time). */
  at: string
  /** End of a temporary rung (ISO date-time). */
  until?: string
  note?: string
  by?: string
  /** The rung was chosen by hand instead of computed. */
  manual?: boolean
  /** Id of the rule set artifact it was judged under. */
  ruleset?: string
  recordedAt: string
  /** Set when an appeal was upheld: the incident stays in the log but no longer counts on the ladder. */
  revoked?: IncidentRevocation
  /** Changes made after it was recorded, oldest first. */
  edits?: IncidentEdit[]
}

/** The fields of an incident `rules incident edit` changes. */
export const INCIDENT_FIELDS = ['member', 'rule', 'severity', 'rung', 'at', 'until', 'note', 'by'] as const
export type IncidentField = (typeof INCIDENT_FIELDS)[number]

/** Who revoked an incident, when and why. */
export interface IncidentRevocation {
  /** When it was revoked (ISO date-time). */
  at: string
  by: string
  reason: string
}

/** One edit of an incident: who, when, why, and each changed field's old and new value (absent: no value). */
export interface IncidentEdit {
  at: string
  by: string
  reason?: string
  changes: Partial<Record<IncidentField, {from?: string; to?: string}>>
}
