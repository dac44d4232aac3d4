import type {LocalizedText} from '../i18n/index.js'

export const PHASES = ['launch', 'maintain', 'evaluate'] as const
export type Phase = (typeof PHASES)[number]

export const VAR_TYPES = ['string', 'integer', 'number', 'boolean', 'date'] as const
export type VarType = (typeof VAR_TYPES)[number]

/** A declared playbook variable; a bare value in YAML is shorthand for `{default: value}` with its type inferred. */
export interface VarDecl {
  type: VarType
  default?: unknown
  description?: LocalizedText
  required?: boolean
  enum?: unknown[]
}

export interface PlaybookStep {
  id: string
  uses: string
  name?: LocalizedText
  with?: Record<string, unknown>
  needs?: string[]
  when?: string | boolean
}

export interface Playbook {
  apiVersion: 'commops/v1'
  kind: 'Playbook'
  name: string
  phase: Phase
  description?: LocalizedText
  community?: string[]
  vars?: Record<string, VarDecl | string | number | boolean>
  steps: PlaybookStep[]
}
