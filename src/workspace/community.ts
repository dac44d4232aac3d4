/** The typed shape of community.yaml (see src/schema/kinds/community.ts for the schema). */
import type {Locale, LocalizedText} from '../i18n/index.js'
import type {RulesOverrides} from '../rules/types.js'

export interface Channel {
  id: string
  name?: LocalizedText
  purpose?: LocalizedText
  url?: string
}
export interface Platform {
  id: string
  type: string
  name?: LocalizedText
  channels?: Channel[]
}
export interface Persona {
  id: string
  name: LocalizedText
  share?: number
  ageRange?: [number, number]
  genderMix?: Record<string, number>
  regions?: LocalizedText[]
  occupations?: LocalizedText[]
  interests?: LocalizedText[]
  needs?: LocalizedText[]
  painPoints?: LocalizedText[]
  channels?: string[]
}
export interface Pillar {
  id: string
  name: LocalizedText
  description?: LocalizedText
  formats?: string[]
  cadence: string
  channel?: string
  owner?: string
  quality?: LocalizedText[]
  titles?: LocalizedText[]
}
export interface Activity {
  id: string
  type: 'qa' | 'discussion' | 'contest' | 'lottery' | 'meetup' | 'course' | 'expert-talk'
  name?: LocalizedText
  description?: LocalizedText
  cadence?: string
  channel?: string
  owner?: string
  durationMinutes?: number
}
export interface Level {
  level: number
  threshold: number
  title: LocalizedText
  perks?: LocalizedText[]
}
export interface Badge {
  id: string
  name: LocalizedText
  description?: LocalizedText
  criteria?: {
    kind?: BadgeKind
    weeks?: number
    event?: string
    count?: number
    withinDays?: number
    points?: number
  }
}
export type BadgeKind = 'count' | 'first' | 'streak' | 'answered' | 'attended' | 'points' | 'manual'
export interface PointsMultiplier {
  id: string
  name?: LocalizedText
  from: string
  to: string
  factor: number
  events?: string[]
}
export interface EngagementLevelSpec {
  id: string
  name?: LocalizedText
  minScore?: number
  newWithinDays?: number
  weight: number
}
export interface EngagementSpec {
  windowDays?: number
  weights?: Partial<Record<string, number>>
  levels?: EngagementLevelSpec[]
}
export interface Goal {
  metric: string
  target: number
  direction?: 'up' | 'down'
  weight?: number
  dimension?: 'activity' | 'satisfaction' | 'value' | 'growth' | 'retention' | 'content'
  note?: LocalizedText
}

export interface Community {
  apiVersion: 'commops/v1'
  kind: 'Community'
  name: string
  description?: LocalizedText
  type?: 'brand' | 'knowledge' | 'interest' | 'open-source' | 'other'
  locale: Locale
  timezone: string
  founded?: string
  platforms?: Platform[]
  positioning?: Partial<Record<'theme' | 'mission' | 'valueProposition' | 'targetUsers' | 'differentiation', LocalizedText>> & {stage?: string}
  audience?: {size?: number; personas?: Persona[]}
  culture?: {values?: LocalizedText[]; tone?: LocalizedText; traditions?: LocalizedText[]}
  content?: {pillars?: Pillar[]; blackouts?: string[]; holidays?: 'zh-CN' | 'none'}
  activities?: Activity[]
  incentives?: {
    points?: Partial<Record<string, number>>
    limits?: Partial<Record<string, {dailyCap?: number; cooldown?: number | string}>>
    multipliers?: PointsMultiplier[]
    incidentDeductions?: Record<string, number>
    levels?: Level[]
    badges?: Badge[]
    honours?: Array<{id: string; title: LocalizedText; description?: LocalizedText}>
  }
  engagement?: EngagementSpec
  goals?: Goal[]
  rules?: RulesOverrides
  promotion?: {channels?: Array<{name: LocalizedText; type?: string; notes?: LocalizedText}>}
  team?: Array<{name: string; role?: LocalizedText; roles?: string[]; contact?: string}>
}
