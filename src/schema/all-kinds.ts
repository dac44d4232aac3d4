/** The table of every document kind, for `validate`, `schema` and the schemas written into a workspace. */
import {playbookKind} from '../playbook/kind.js'
import {ruleSetKind} from '../rules/kind.js'
import {scorecardSpecKind} from '../scorecard/kind.js'
import {suggestionRulesKind} from '../suggest/kind.js'
import {surveyKind} from '../survey/kind.js'
import {templateKind} from '../template/kind.js'
import {communityKind} from '../workspace/kind.js'
import type {KindDef} from './kind-def.js'

export type {KindDef} from './kind-def.js'

/** Every kind, in the order of KIND_NAMES. */
export const KINDS: readonly KindDef[] = [communityKind, playbookKind, templateKind, surveyKind, ruleSetKind, scorecardSpecKind, suggestionRulesKind]

/** Every kind known to this build. */
export function allKinds(): KindDef[] {
  return [...KINDS]
}

/** A kind by name, case-insensitive (`community` finds Community). */
export function findKind(name: string): KindDef | undefined {
  const lower = name.toLowerCase()
  return KINDS.find((d) => d.kind.toLowerCase() === lower || d.stem === lower)
}
