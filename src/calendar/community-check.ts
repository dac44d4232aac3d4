/** `commops validate` for the calendar parts of community.yaml: cadences that parse, title templates with known fields. */
import type {RawProblem} from '../schema/kind-def.js'
import type {SourceDoc} from '../schema/yaml-source.js'
import {CadenceError, parseCadence} from './cadence.js'

const asArray = (v: unknown): Array<Record<string, unknown>> =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => Boolean(x) && typeof x === 'object' && !Array.isArray(x)) : []

/** Each distinct cadence text's error, or null, read once per process: a folder of configs repeats the same few. */
const cadenceErrors = new Map<string, CadenceError | null>()
function cadenceError(text: string): CadenceError | null {
  let error = cadenceErrors.get(text)
  if (error !== undefined) return error
  try {
    parseCadence(text)
    error = null
  } catch (thrown) {
    if (!(thrown instanceof CadenceError)) throw thrown
    error = thrown
  }
  if (cadenceErrors.size < 10_000) cadenceErrors.set(text, error)
  return error
}

/** A problem, located inside the string, for every cadence that cannot be read; a warning for unknown `{fields}` in titles. */
export function checkCadences(value: Record<string, unknown>, doc: SourceDoc): RawProblem[] {
  const problems: RawProblem[] = []
  const cadence = (pointer: string, text: unknown) => {
    if (typeof text !== 'string') return
    const error = cadenceError(text)
    if (error)
      problems.push({path: pointer, rule: 'calendar.cadence', msg: error.msg, hint: error.hint, position: doc.locateInString(pointer, error.offset)})
  }
  const content = (value.content ?? {}) as Record<string, unknown>
  asArray(content.pillars).forEach((p, i) => {
    cadence(`/content/pillars/${i}/cadence`, p.cadence)
    ;(Array.isArray(p.titles) ? p.titles : []).forEach((title, j) => {
      const texts = typeof title === 'string' ? [title] : title && typeof title === 'object' ? Object.values(title as Record<string, unknown>) : []
      for (const text of texts) {
        const unknown = typeof text === 'string' ? [...text.matchAll(/\{(\w+)\}/g)].find((m) => !['n', 'date', 'week'].includes(m[1])) : undefined
        if (unknown)
          problems.push({
            path: `/content/pillars/${i}/titles/${j}`,
            rule: 'calendar.titleField',
            severity: 'warning',
            msg: {key: 'cal.titleField', params: {field: unknown[0]}},
            hint: {key: 'cal.titleField.hint'},
          })
      }
    })
  })
  asArray(value.activities).forEach((a, i) => cadence(`/activities/${i}/cadence`, a.cadence))
  return problems
}
