/** Problems found in rule sets and their overrides, before they are located and translated. */
import type {Msg} from '../errors.js'
import {closest} from '../util/suggest.js'

/** A problem at a JSON pointer (of a RuleSet document, or of community.yaml for `rules:`). */
export interface RulesProblem {
  path: string
  rule: string
  msg: Msg
  hint?: Msg
  /** Point at the key of the map entry rather than its value. */
  key?: boolean
  severity?: 'error' | 'warning'
}

/** A hint listing the candidates, with "did you mean" first when one is close (key `<key>.suggest`). */
export function suggestHint(key: string, best: string | undefined, params: Record<string, unknown>): Msg {
  return best ? {key: `${key}.suggest`, params: {...params, value: best}} : {key, params}
}

/** A problem for an id that is not among `known`, with the closest one suggested. */
export function unknownId(kind: 'Rule' | 'Rung', path: string, id: string, known: string[], key = false): RulesProblem {
  const best = closest(id, known)
  const what = kind === 'Rule' ? 'rules.unknownRule' : 'rules.unknownRung'
  return {path, key, rule: what, msg: {key: what, params: {id}}, hint: suggestHint(`${what}.hint`, best, {ids: known.join(', ') || '—'})}
}

export const isObject = (v: unknown): v is Record<string, unknown> => Boolean(v) && typeof v === 'object' && !Array.isArray(v)
export const asObjects = (v: unknown): Array<Record<string, unknown>> => (Array.isArray(v) ? v.map((x) => (isObject(x) ? x : {})) : [])
