import {communitySchema} from './community.js'

/** A document kind: its name, the file stem of its exported schema, and its JSON Schema. */
export interface KindDef {
  kind: string
  stem: string
  schema: Record<string, unknown>
}

const defs: KindDef[] = [{kind: 'Community', stem: 'community', schema: communitySchema}]

/** Registers a kind; later modules (playbooks, surveys, rule sets) add theirs at import time. */
export function registerKind(def: KindDef): void {
  const at = defs.findIndex((d) => d.kind === def.kind)
  if (at >= 0) defs[at] = def
  else defs.push(def)
}

/** Every kind known to this build, in registration order. */
export function allKinds(): KindDef[] {
  return [...defs]
}

/** A kind by name, case-insensitive (`community` finds Community). */
export function findKind(name: string): KindDef | undefined {
  const lower = name.toLowerCase()
  return defs.find((d) => d.kind.toLowerCase() === lower || d.stem === lower)
}
