import {UsageError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import {closest} from '../util/suggest.js'
import {resolveDeep} from './expr.js'
import type {VarDecl, VarType} from './types.js'

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/

/** True when a YYYY-MM-DD string names a real calendar date. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !DATE_RE.test(v)) return false
  const d = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v)
}

function inferType(v: unknown): VarType {
  if (typeof v === 'boolean') return 'boolean'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  if (isIsoDate(v)) return 'date'
  return 'string'
}

/** Whether a value already has the declared type. */
export function hasType(v: unknown, type: VarType): boolean {
  switch (type) {
    case 'boolean':
      return typeof v === 'boolean'
    case 'integer':
      return Number.isInteger(v)
    case 'number':
      return typeof v === 'number' && Number.isFinite(v)
    case 'date':
      return isIsoDate(v)
    default:
      return typeof v === 'string'
  }
}

/** Expands shorthand vars (`weeks: 4`) to declarations and reports defaults of the wrong type. */
export function normalizeVars(raw: Record<string, unknown>): {decls: Record<string, VarDecl>; problems: Array<{name: string; type: string}>} {
  const decls: Record<string, VarDecl> = {}
  const problems: Array<{name: string; type: string}> = []
  for (const [name, value] of Object.entries(raw)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const decl = value as VarDecl
      decls[name] = decl
      const templated = typeof decl.default === 'string' && decl.default.includes('${{')
      if (decl.default !== undefined && decl.type && !templated && !hasType(decl.default, decl.type)) problems.push({name, type: decl.type})
    } else {
      decls[name] = {type: inferType(value), default: value}
    }
  }
  return {decls, problems}
}

/** Converts a --var string to the declared type, or undefined when it cannot be. */
export function coerce(text: string, type: VarType): unknown {
  switch (type) {
    case 'boolean': {
      const v = text.trim().toLowerCase()
      if (['true', 'yes', 'y', '1', 'on'].includes(v)) return true
      if (['false', 'no', 'n', '0', 'off'].includes(v)) return false
      return undefined
    }
    case 'integer':
      return /^[+-]?\d+$/.test(text.trim()) ? Number(text) : undefined
    case 'number': {
      const n = Number(text)
      return text.trim() !== '' && Number.isFinite(n) ? n : undefined
    }
    case 'date':
      return isIsoDate(text.trim()) ? text.trim() : undefined
    default:
      return text
  }
}

/** The run's vars: `--var k=v` typed by declaration, then defaults in order (a default may read run.*, community.* and earlier vars); every mistake is a usage error. */
export function resolveVars(
  decls: Record<string, VarDecl>,
  given: string[],
  locale: Locale,
  scope: Record<string, unknown> = {},
): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  const names = Object.keys(decls)
  for (const pair of given) {
    const eq = pair.indexOf('=')
    if (eq <= 0)
      throw new UsageError({key: 'var.badForm', params: {value: pair}}, {hint: {key: 'var.badForm.hint', params: {vars: names.join(', ') || '—'}}})
    const name = pair.slice(0, eq).trim()
    const text = pair.slice(eq + 1)
    // own keys only: `--var __proto__=1` would find Object.prototype and set the values' prototype
    const decl = Object.hasOwn(decls, name) ? decls[name] : undefined
    if (!decl) {
      const best = closest(name, names)
      throw new UsageError(
        {key: 'var.unknown', params: {name}},
        {hint: {key: 'var.unknown.hint', params: {vars: names.join(', ') || '—', suggest: best ? ` --var ${best}=…?` : ''}}},
      )
    }
    const value = coerce(text, decl.type)
    if (value === undefined) {
      throw new UsageError(
        {key: 'var.badValue', params: {name, value: text, type: decl.type}},
        {
          hint: decl.description
            ? {key: 'var.badValue.hint', params: {name, description: pick(decl.description, locale)}}
            : {key: 'var.badType.hint', params: {name, type: decl.type}},
        },
      )
    }
    if (decl.enum && !decl.enum.includes(value))
      throw new UsageError(
        {key: 'var.notInEnum', params: {name, allowed: decl.enum.join(', ')}},
        {hint: {key: 'var.notInEnum.hint', params: {name, example: String(decl.enum[0])}}},
      )
    values[name] = value
  }
  for (const [name, decl] of Object.entries(decls)) {
    if (name in values || decl.default === undefined) continue
    let value: unknown = decl.default
    if (typeof value === 'string' && value.includes('${{')) {
      value = resolveDeep(value, {...scope, vars: {...values}})
      if (typeof value === 'string' && decl.type !== 'string') value = coerce(value, decl.type) ?? value
      if (!hasType(value, decl.type))
        throw new UsageError(
          {key: 'var.badValue', params: {name, value: String(value), type: decl.type}},
          {hint: {key: 'var.badDefault.hint', params: {name, type: decl.type}}},
        )
    }
    values[name] = value
  }
  for (const [name, decl] of Object.entries(decls)) {
    if (decl.required && values[name] === undefined)
      throw new UsageError({key: 'var.required', params: {name}}, {hint: {key: 'var.required.hint', params: {name, type: decl.type}}})
  }
  return Object.fromEntries(
    Object.keys(decls)
      .filter((n) => n in values)
      .map((n) => [n, values[n]]),
  )
}

/** The `start` date given with `--var` when it is before today (tasks counted back from it would be overdue at once). */
export function pastStart(given: string[], vars: Record<string, unknown>, today: string): string | undefined {
  const start = vars.start
  const set = given.some((pair) => pair.slice(0, pair.indexOf('=')).trim() === 'start')
  return set && typeof start === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(start) && start < today ? start : undefined
}
