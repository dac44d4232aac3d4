/** What a document kind is made of: its name, schema file stem, JSON Schema and semantic checks. */
import type {Msg} from '../errors.js'
import type {LocalizedText} from '../i18n/index.js'
import type {Position, SourceDoc} from './yaml-source.js'

/** Every kind's name, in the order they are listed to users; the table of their definitions is schema/all-kinds.ts. */
export const KIND_NAMES = ['Community', 'Playbook', 'Template', 'Survey', 'RuleSet', 'ScorecardSpec', 'SuggestionRules'] as const

/** A problem found by a check, before it is located and translated. */
export interface RawProblem {
  path: string
  rule: string
  msg: Msg
  hint?: Msg | LocalizedText
  /** Point at the key of the map entry rather than its value. */
  key?: boolean
  /** An exact position, e.g. inside a string; otherwise the node at `path`. */
  position?: Position
  severity?: 'error' | 'warning'
}

/** A semantic check run after the schema, e.g. step references in a playbook; it must tolerate any shape. */
export type DocCheck = (value: Record<string, unknown>, doc: SourceDoc) => RawProblem[]

/** A document kind: its name, the file stem of its exported schema, its JSON Schema and its checks. */
export interface KindDef {
  kind: string
  stem: string
  schema: Record<string, unknown>
  checks: readonly DocCheck[]
  /** A file of this kind holds this one document: anything after it is ignored, which validating says (a warning). */
  alone?: boolean
}
