import type {ErrorObject} from 'ajv'
import {compile} from '../schema/ajv.js'
import {communitySchema} from '../schema/kinds/community.js'
import {closest} from '../util/suggest.js'
import type {RawProblem} from '../schema/kind-def.js'
import {fromAjv} from '../schema/validate.js'
import type {SourceDoc} from '../schema/yaml-source.js'
import type {StepSpec} from '../steps/types.js'
import {ExprSyntaxError, referencesIn} from './expr.js'
import {normalizeVars} from './vars.js'

export const RUN_FIELDS = ['date', 'id', 'playbook'] as const

const didYouMean = (value: string, candidates: string[]) => {
  const best = closest(value, candidates)
  return best ? {$msg: {key: 'suggest.didYouMean', params: {value: best}}} : ''
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : [])
const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})

/** Semantic checks of a playbook against a catalogue of step types, run before anything executes: `uses`, `with:`, needs, references, vars. */
export function checkPlaybook(value: Record<string, unknown>, source: SourceDoc, stepTypes: readonly StepSpec<never>[]): RawProblem[] {
  const byType = new Map(stepTypes.map((s) => [s.type, s as unknown as StepSpec]))
  const getStepType = (type: string) => byType.get(type)
  const problems: RawProblem[] = []
  const steps = asArray(value.steps).map(asObject)
  const ids = steps.map((s) => (typeof s.id === 'string' ? s.id : ''))
  const {decls, problems: varProblems} = normalizeVars(asObject(value.vars))
  for (const vp of varProblems) problems.push({path: `/vars/${vp.name}`, rule: 'playbook.badDefault', msg: {key: 'playbook.badDefault', params: vp}})
  const varNames = Object.keys(decls)
  const types = [...byType.keys()].sort()
  // a var's default may read run.*, community.* and the vars declared before it
  for (const [index, [name, decl]] of Object.entries(decls).entries()) {
    const raw = asObject(value.vars)[name]
    const pointer = raw && typeof raw === 'object' ? `/vars/${name}/default` : `/vars/${name}`
    const refs = referencesIn(decl.default, (error: ExprSyntaxError) => problems.push(exprProblem(source, pointer, error)))
    for (const ref of refs) {
      if (ref.root === 'run' || ref.root === 'community') continue
      if (ref.root === 'vars' && ref.path[0] !== undefined && varNames.slice(0, index).includes(ref.path[0])) continue
      problems.push({
        path: pointer,
        position: source.locateInString(pointer, ref.offset),
        rule: 'playbook.unknownRef',
        msg: {key: 'playbook.varDefaultRef', params: {ref: [ref.root, ...ref.path].join('.')}},
      })
    }
  }

  const seen = new Map<string, number>()
  for (const [i, step] of steps.entries()) {
    const base = `/steps/${i}`
    const id = ids[i]
    if (id && seen.has(id))
      problems.push({
        path: `${base}/id`,
        rule: 'playbook.duplicateStep',
        msg: {key: 'playbook.duplicateStep', params: {id}},
        hint: {key: 'playbook.duplicateStep.hint'},
      })
    if (id && !seen.has(id)) seen.set(id, i)

    if (typeof step.uses === 'string') {
      const type = getStepType(step.uses)
      if (!type) {
        problems.push({
          path: `${base}/uses`,
          rule: 'playbook.unknownStep',
          msg: {key: 'playbook.unknownStep', params: {uses: step.uses}},
          hint: {key: 'playbook.unknownStep.hint', params: {types: types.join(', '), suggest: didYouMean(step.uses, types)}},
        })
      } else {
        const validateWith = compile(type.schema, 'step', type.type)
        const input = step.with ?? {}
        const isObject = typeof input === 'object' && input !== null && !Array.isArray(input)
        if (isObject && !validateWith(input)) {
          for (const e of validateWith.errors ?? []) {
            if (isTemplated(e)) continue
            const raw = fromAjv({...e, instancePath: `${base}/with${e.instancePath}`}, 'Playbook')
            if (raw) problems.push({...raw, rule: raw.rule.replace(/^schema\./, 'step.with.')})
          }
        }
      }
    }

    const typeNeeds = typeof step.uses === 'string' ? (getStepType(step.uses)?.needs?.(asObject(step.with)) ?? []) : []
    const needPointers: Array<[string, unknown]> = [
      ...asArray(step.needs).map((n, j): [string, unknown] => [`${base}/needs/${j}`, n]),
      ...typeNeeds.map((n): [string, unknown] => [`${base}/with/artifacts/${asArray(asObject(step.with).artifacts).indexOf(n)}`, n]),
    ]
    for (const [needPath, need] of needPointers) {
      if (typeof need !== 'string' || need.includes('${{')) continue
      const at = ids.indexOf(need)
      if (at < 0) {
        problems.push({
          path: needPath,
          rule: 'playbook.unknownNeed',
          msg: {key: 'playbook.unknownNeed', params: {step: id, need}},
          hint: {key: 'playbook.stepsHint', params: {steps: ids.slice(0, i).join(', ') || '—', suggest: didYouMean(need, ids)}},
        })
      } else if (at >= i) {
        problems.push({
          path: needPath,
          rule: 'playbook.laterStep',
          msg: {key: 'playbook.laterStep', params: {step: id, need}},
          hint: {key: 'playbook.laterStep.hint', params: {step: id, need}},
        })
      }
    }

    const scanned = {with: step.with, when: step.when, name: step.name}
    const refs = referencesIn(scanned, (error: ExprSyntaxError) => problems.push(exprProblem(source, `${base}${error.pointer ?? ''}`, error)))
    for (const ref of refs) {
      const pointer = `${base}${ref.pointer}`
      const position = source.locateInString(pointer, ref.offset)
      const text = [ref.root, ...ref.path].join('.')
      const head = ref.path[0]
      if (ref.root === 'vars') {
        if (head !== undefined && !varNames.includes(head))
          problems.push({
            path: pointer,
            position,
            rule: 'playbook.unknownVar',
            msg: {key: 'playbook.unknownVar', params: {name: head}},
            hint: {key: 'playbook.unknownVar.hint', params: {vars: varNames.join(', ') || '—', suggest: didYouMean(head, varNames)}},
          })
      } else if (ref.root === 'steps') {
        if (head === undefined) continue
        const at = ids.indexOf(head)
        if (at < 0)
          problems.push({
            path: pointer,
            position,
            rule: 'playbook.unknownNeed',
            msg: {key: 'playbook.unknownNeed', params: {step: id, need: head}},
            hint: {key: 'playbook.stepsHint', params: {steps: ids.slice(0, i).join(', ') || '—', suggest: didYouMean(head, ids)}},
          })
        else if (at >= i)
          problems.push({
            path: pointer,
            position,
            rule: 'playbook.laterStep',
            msg: {key: 'playbook.laterStep', params: {step: id, need: head}},
            hint: {key: 'playbook.laterStep.hint', params: {step: id, need: head}},
          })
        else if (ref.path.length > 1 && ref.path[1] !== 'outputs')
          problems.push({path: pointer, position, rule: 'playbook.unknownRef', msg: {key: 'playbook.stepRefShape', params: {step: head}}})
      } else if (ref.root === 'run') {
        if (head !== undefined && !(RUN_FIELDS as readonly string[]).includes(head))
          problems.push({
            path: pointer,
            position,
            rule: 'playbook.unknownRef',
            msg: {key: 'playbook.unknownRef', params: {ref: text}},
            hint: {
              key: 'playbook.unknownRef.hint',
              params: {
                suggest: didYouMean(
                  head,
                  RUN_FIELDS.map((f) => `run.${f}`),
                ),
              },
            },
          })
      } else if (ref.root === 'community') {
        const props = Object.keys(communitySchema.properties)
        if (head !== undefined && !props.includes(head))
          problems.push({
            path: pointer,
            position,
            rule: 'playbook.unknownRef',
            msg: {key: 'playbook.unknownRef', params: {ref: text}},
            hint: {key: 'playbook.unknownRef.hint', params: {suggest: didYouMean(head, props)}},
          })
      } else {
        problems.push({
          path: pointer,
          position,
          rule: 'playbook.unknownRef',
          msg: {key: 'playbook.unknownRef', params: {ref: text}},
          hint: {key: 'playbook.unknownRef.hint', params: {suggest: didYouMean(ref.root, ['vars', 'steps', 'run', 'community'])}},
        })
      }
    }
  }

  const cycle = findCycle(
    steps.map((s, i) => ({
      id: ids[i],
      needs: [...asArray(s.needs), ...(typeof s.uses === 'string' ? (getStepType(s.uses)?.needs?.(asObject(s.with)) ?? []) : [])].filter(
        (n): n is string => typeof n === 'string',
      ),
    })),
  )
  if (cycle) {
    const at = ids.indexOf(cycle[0])
    problems.push({
      path: `/steps/${at}/needs`,
      rule: 'playbook.cycle',
      msg: {key: 'playbook.cycle', params: {cycle: cycle.join(' → ')}},
      hint: {key: 'playbook.cycle.hint'},
    })
  }
  return problems
}

/** True when an ajv error is about a value that is a `${{ }}` template, checked again once resolved. */
function isTemplated(e: ErrorObject): boolean {
  return typeof e.data === 'string' && e.data.includes('${{')
}

/** The first cycle in the needs graph, as a list of ids ending where it started. */
export function findCycle(nodes: Array<{id: string; needs: string[]}>): string[] | undefined {
  const graph = new Map(nodes.map((n) => [n.id, n.needs]))
  const state = new Map<string, 'visiting' | 'done'>()
  const stack: string[] = []
  const visit = (id: string): string[] | undefined => {
    if (state.get(id) === 'done' || !graph.has(id)) return undefined
    if (state.get(id) === 'visiting') return [...stack.slice(stack.indexOf(id)), id]
    state.set(id, 'visiting')
    stack.push(id)
    for (const need of graph.get(id) ?? []) {
      const found = visit(need)
      if (found) return found
    }
    stack.pop()
    state.set(id, 'done')
    return undefined
  }
  for (const n of nodes) {
    const found = visit(n.id)
    if (found) return found
  }
  return undefined
}

/** The problem for a `${{ … }}` that does not parse, located inside its string. */
function exprProblem(source: SourceDoc, pointer: string, error: ExprSyntaxError): RawProblem {
  return {
    path: pointer,
    rule: 'playbook.expr',
    msg: error.msg,
    hint: {key: 'playbook.expr.hint'},
    position: source.locateInString(pointer, error.offset),
  }
}
