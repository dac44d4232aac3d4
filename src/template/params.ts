import {isIsoDate} from '../util/dates.js'
import {UsageError, type Msg} from '../errors.js'
import {isLocale, LOCALES} from '../i18n/index.js'
import {isTimezone, timeZoneNames} from '../util/timezone.js'
import {closest} from '../util/suggest.js'
import type {ParamValue, TemplateDoc, TemplateParam} from './schema.js'

export type Parsed = {ok: true; value: ParamValue} | {ok: false; msg: Msg; hint?: Msg}

const TRUE = new Set(['true', 'yes', 'y', 'on', '1'])
const FALSE = new Set(['false', 'no', 'n', 'off', '0'])

const didYouMean = (value: string, candidates: readonly string[]): Msg | undefined => {
  const best = closest(value, candidates)
  return best ? {key: 'suggest.didYouMean', params: {value: best}} : undefined
}

/** Parses a value given as text (from --set, a prompt or a default) by the parameter's type. */
export function parseParamValue(name: string, param: TemplateParam, raw: string | number | boolean): Parsed {
  const text = String(raw).trim()
  const bad = (key: string, extra: Record<string, unknown> = {}, hint?: Msg): Parsed => ({
    ok: false,
    msg: {key: `template.value.${key}`, params: {name, value: String(raw), ...extra}},
    hint,
  })
  switch (param.type) {
    case 'integer':
      return /^[+-]?\d{1,15}$/.test(text) ? {ok: true, value: Number(text)} : bad('integer')
    case 'number': {
      const n = Number(text)
      return text !== '' && Number.isFinite(n) ? {ok: true, value: n} : bad('number')
    }
    case 'boolean': {
      const lower = text.toLowerCase()
      if (TRUE.has(lower)) return {ok: true, value: true}
      if (FALSE.has(lower)) return {ok: true, value: false}
      return bad('boolean')
    }
    case 'date':
      return isIsoDate(text) ? {ok: true, value: text} : bad('date')
    case 'timezone':
      return isTimezone(text) && text !== ''
        ? {ok: true, value: text}
        : bad('timezone', {}, didYouMean(text, timeZoneNames()) ?? {key: 'init.badTimezone.hint'})
    case 'locale':
      return isLocale(text) ? {ok: true, value: text} : bad('locale', {options: LOCALES.join(', ')}, didYouMean(text, LOCALES))
    case 'enum': {
      const options = param.options ?? []
      return options.includes(text) ? {ok: true, value: text} : bad('enum', {options: options.join(', ')}, didYouMean(text, options))
    }
    default: {
      const value = String(raw)
      if (value.length > 2000) return bad('tooLong', {max: 2000})
      if (param.required && text === '') return bad('empty')
      if (param.pattern !== undefined && !safeRegExp(param.pattern)?.test(value)) return bad('pattern', {pattern: param.pattern})
      return {ok: true, value}
    }
  }
}

/** A parameter's pattern as a RegExp, or undefined when it does not compile. */
export function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u')
  } catch {
    return undefined
  }
}

/** The parsed default of a parameter, if it has one. */
export function defaultOf(name: string, param: TemplateParam): ParamValue | undefined {
  if (param.default === undefined) return undefined
  const parsed = parseParamValue(name, param, param.default)
  return parsed.ok ? parsed.value : undefined
}

/** Parses `--set name=value` flags against the template's parameters; unknown names and bad values are usage errors. */
export function parseSets(doc: TemplateDoc, sets: readonly string[]): Record<string, ParamValue> {
  const names = Object.keys(doc.parameters)
  const values: Record<string, ParamValue> = {}
  for (const set of sets) {
    const eq = set.indexOf('=')
    if (eq <= 0) throw new UsageError({key: 'template.set.format', params: {value: set}}, {hint: {key: 'template.set.format.hint'}})
    const name = set.slice(0, eq).trim()
    if (!Object.hasOwn(doc.parameters, name)) {
      const best = closest(name, names)
      throw new UsageError(
        {key: 'template.set.unknown', params: {name, template: doc.name}},
        {
          code: 'template.set.unknown',
          hint: {key: 'template.set.unknown.hint', params: {params: names.join(', ') || '—', suggest: best ? ` --set ${best}=…?` : ''}},
        },
      )
    }
    const parsed = parseParamValue(name, doc.parameters[name], set.slice(eq + 1))
    if (!parsed.ok) throw new UsageError(parsed.msg, {code: 'template.value', hint: parsed.hint})
    values[name] = parsed.value
  }
  return values
}

/**
 * Fills what is still missing: a parameter's default, else '' for an optional one;
 * a required parameter with neither is a usage error naming every missing --set.
 */
export function completeParams(doc: TemplateDoc, given: Readonly<Record<string, ParamValue>>): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {}
  const missing: string[] = []
  for (const [name, param] of Object.entries(doc.parameters)) {
    if (Object.hasOwn(given, name)) {
      values[name] = given[name]
      continue
    }
    const fallback = defaultOf(name, param)
    if (fallback !== undefined) values[name] = fallback
    else if (param.required) missing.push(name)
    else values[name] = param.type === 'boolean' ? false : ''
  }
  if (missing.length > 0) {
    throw new UsageError(
      {key: 'template.missing', params: {names: missing.join(', '), sets: missing.map((n) => `--set ${n}=…`).join(' ')}},
      {code: 'template.missing', hint: {key: 'template.missing.hint', params: {sets: missing.map((n) => `--set ${n}=…`).join(' ')}}},
    )
  }
  return values
}
