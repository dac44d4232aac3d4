import {closest} from '../util/suggest.js'
import type {RawProblem} from '../schema/kind-def.js'
import {parseParamValue, safeRegExp} from './params.js'
import {PARAM_TYPES, type TemplateParam} from './schema.js'

const asObject = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {})

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1')

/** Semantic checks of template.yaml beyond its schema: enum options, defaults of the right type, patterns, `when` names. */
export function checkTemplate(value: Record<string, unknown>): RawProblem[] {
  const problems: RawProblem[] = []
  const params = asObject(value.parameters)
  const names = Object.keys(params)
  for (const [name, raw] of Object.entries(params)) {
    const p = asObject(raw)
    const base = `/parameters/${escape(name)}`
    if (!(PARAM_TYPES as readonly unknown[]).includes(p.type)) continue
    if (p.type === 'enum' && !Array.isArray(p.options)) {
      problems.push({
        path: base,
        rule: 'template.enumOptions',
        msg: {key: 'template.check.enumOptions', params: {name}},
        hint: {key: 'template.check.enumOptions.hint'},
      })
      continue
    }
    if (p.options !== undefined && p.type !== 'enum') {
      problems.push({
        path: `${base}/options`,
        key: true,
        rule: 'template.optionsNotEnum',
        msg: {key: 'template.check.optionsNotEnum', params: {name}},
      })
    }
    if (p.pattern !== undefined && p.type !== 'string') {
      problems.push({
        path: `${base}/pattern`,
        key: true,
        rule: 'template.patternNotString',
        msg: {key: 'template.check.patternNotString', params: {name}},
      })
    } else if (typeof p.pattern === 'string' && !safeRegExp(p.pattern)) {
      problems.push({path: `${base}/pattern`, rule: 'template.badPattern', msg: {key: 'template.check.badPattern', params: {pattern: p.pattern}}})
    }
    if (['string', 'number', 'boolean'].includes(typeof p.default)) {
      const parsed = parseParamValue(name, p as unknown as TemplateParam, p.default as string)
      if (!parsed.ok)
        problems.push({
          path: `${base}/default`,
          rule: 'template.badDefault',
          msg: {key: 'template.check.badDefault', params: {name, detail: {$msg: parsed.msg}}},
          hint: parsed.hint,
        })
    }
  }
  const files = Array.isArray(value.files) ? value.files : []
  for (const [i, rule] of files.entries()) {
    for (const [name, expected] of Object.entries(asObject(asObject(rule).when))) {
      const path = `/files/${i}/when/${escape(name)}`
      if (!Object.hasOwn(params, name)) {
        const best = closest(name, names)
        problems.push({
          path,
          key: true,
          rule: 'template.whenUnknown',
          msg: {key: 'template.check.whenUnknown', params: {name}},
          hint: best ? {key: 'suggest.didYouMean', params: {value: best}} : undefined,
        })
        continue
      }
      const p = asObject(params[name])
      if (!(PARAM_TYPES as readonly unknown[]).includes(p.type) || !['string', 'number', 'boolean'].includes(typeof expected)) continue
      const parsed = parseParamValue(name, p as unknown as TemplateParam, expected as string)
      if (!parsed.ok)
        problems.push({
          path,
          rule: 'template.badWhen',
          msg: {key: 'template.check.badWhen', params: {name, detail: {$msg: parsed.msg}}},
          hint: parsed.hint,
        })
    }
  }
  return problems
}
