import {notUtf8Messages, readYamlText} from '../util/text-file.js'
import type {ErrorObject} from 'ajv'
import type {Msg} from '../errors.js'
import {type Locale, pick, translator, type LocalizedText} from '../i18n/index.js'
import {compile} from './ajv.js'
import {KIND_NAMES, type KindDef, type RawProblem} from './kind-def.js'
import type {Problem} from './problem.js'
import {closest} from '../util/suggest.js'
import {type ParsedYaml, parseYaml, type Position, type SourceDoc} from './yaml-source.js'
import {plainText} from '../util/text.js'
import {timeZoneNames} from '../util/timezone.js'

export type {DocCheck, RawProblem} from './kind-def.js'

/** A validated document of a file. */
export interface CheckedDoc {
  kind?: string
  value: unknown
  source: SourceDoc
  valid: boolean
}

export interface TextResult {
  problems: Problem[]
  docs: CheckedDoc[]
}

/**
 * Problems reported for one document: past this, a file is not a config with mistakes but generated noise (60,000
 * unknown keys), and locating, translating and printing every problem took half a minute and 500 MB.
 */
export const MAX_PROBLEMS_PER_DOCUMENT = 500

const typeOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v)

/**
 * Each list of candidates' suggestions by the value they were asked for: a run over many files meets the same mistake
 * against the same schema list (an enum, a mapping's allowed keys) again and again, and a suggestion compares the
 * value with every candidate. Lists are the schema's own arrays (or `allowedKeys`'), kept as long as the schema is.
 */
const suggestions = new WeakMap<readonly unknown[], Map<string, Msg | undefined>>()

function suggestion(value: unknown, candidates: readonly unknown[]): Msg | undefined {
  if (typeof value !== 'string') return undefined
  let known = suggestions.get(candidates)
  if (!known) suggestions.set(candidates, (known = new Map<string, Msg | undefined>()))
  if (known.has(value)) return known.get(value)
  const best = closest(value, candidates.map(String))
  const msg: Msg | undefined = best ? {key: 'suggest.didYouMean', params: {value: best}} : undefined
  known.set(value, msg)
  return msg
}

/** The property names a schema object allows (its `properties`' keys), listed once per schema object. */
const allowedByParent = new WeakMap<object, string[]>()
function allowedKeys(parent: {properties?: object}): string[] {
  let allowed = allowedByParent.get(parent)
  if (!allowed) allowedByParent.set(parent, (allowed = Object.keys(parent.properties ?? {})))
  return allowed
}

/** Turns one ajv error into a raw problem with a message key and a hint. */
export function fromAjv(e: ErrorObject, kind: string): RawProblem | undefined {
  const parent = (e.parentSchema ?? {}) as {'x-hint'?: LocalizedText; description?: string; properties?: object}
  const ownHint = parent['x-hint']
  const seeHint: Msg = {key: 'schema.hint.see', params: {kind}}
  const p = e.params as Record<string, unknown>
  const base = {path: e.instancePath}
  switch (e.keyword) {
    case 'required': {
      const property = String(p.missingProperty)
      return {
        ...base,
        rule: 'schema.required',
        msg: {key: 'schema.required', params: {property}},
        hint: {key: 'schema.required.hint', params: {property}},
      }
    }
    case 'additionalProperties': {
      const property = String(p.additionalProperty)
      const allowed = allowedKeys(parent)
      const suggest = suggestion(property, allowed)
      return {
        path: `${e.instancePath}/${property}`,
        key: true,
        rule: 'schema.additionalProperties',
        msg: {key: 'schema.additionalProperties', params: {property}},
        hint: {key: 'schema.additionalProperties.hint', params: {allowed: allowed.join(', ') || '—', suggest: suggest ? {$msg: suggest} : ''}},
      }
    }
    case 'type':
      // ajv's numbers are finite: 1e400 and .inf are read as Infinity, .nan as NaN
      if (typeof e.data === 'number' && !Number.isFinite(e.data)) {
        return {
          ...base,
          rule: 'schema.notFinite',
          msg: {key: 'schema.notFinite', params: {value: String(e.data)}},
          hint: {key: 'schema.notFinite.hint'},
        }
      }
      return {
        ...base,
        rule: 'schema.type',
        msg: {key: 'schema.type', params: {expected: {$key: `type.${String(p.type).split(',')[0]}`}, actual: {$key: `type.${typeOf(e.data)}`}}},
        hint: ownHint ?? seeHint,
      }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? []
      const suggest = suggestion(e.data, allowed)
      return {...base, rule: 'schema.enum', msg: {key: 'schema.enum', params: {allowed: allowed.join(', ')}}, hint: suggest ?? ownHint ?? undefined}
    }
    case 'const':
      return {...base, rule: 'schema.const', msg: {key: 'schema.const', params: {allowed: String(p.allowedValue)}}, hint: ownHint}
    case 'format': {
      const suggest = p.format === 'iana-timezone' ? suggestion(e.data, timeZoneNames()) : undefined
      return {
        ...base,
        rule: 'schema.format',
        msg: {key: 'schema.format', params: {value: String(e.data), format: {$key: `format.${String(p.format)}`}}},
        hint: suggest ?? ownHint ?? seeHint,
      }
    }
    case 'pattern':
      return {...base, rule: 'schema.pattern', msg: {key: 'schema.pattern', params: {value: String(e.data)}}, hint: ownHint ?? parent.description}
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        ...base,
        rule: `schema.${e.keyword}`,
        msg: {key: 'schema.minimum', params: {comparison: p.comparison, limit: p.limit}},
        hint: ownHint ?? parent.description ?? seeHint,
      }
    case 'minItems':
    case 'maxItems':
    case 'minLength':
    case 'maxLength':
    case 'minProperties':
      return {...base, rule: `schema.${e.keyword}`, msg: {key: `schema.${e.keyword}`, params: {limit: p.limit}}, hint: ownHint ?? parent.description}
    case 'uniqueItems':
      return {...base, rule: 'schema.uniqueItems', msg: {key: 'schema.uniqueItems', params: {i: Number(p.j) + 1, j: Number(p.i) + 1}}}
    case 'anyOf':
    case 'oneOf':
      return {...base, rule: 'schema.anyOf', msg: {key: 'schema.anyOf'}, hint: ownHint ?? parent.description ?? seeHint}
    case 'if':
    case 'not':
    case 'then':
    case 'else':
      return undefined
    default:
      return {...base, rule: `schema.${e.keyword}`, msg: {key: 'schema.other', params: {detail: e.message ?? e.keyword}}, hint: seeHint}
  }
}

/** Drops the branch errors beneath an anyOf/oneOf so one wrong value gives one problem. */
function collapse(errors: ErrorObject[]): ErrorObject[] {
  const unions = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.schemaPath + '/')
  return errors.filter((e) => !unions.some((u) => e.schemaPath.startsWith(u)))
}

/** Translates a message whose params may themselves be message keys. */
function render(t: ReturnType<typeof translator>, m: Msg | string | LocalizedText, locale: Locale): string {
  if (typeof m === 'string') return m
  if ('key' in m && typeof m.key === 'string') {
    const params: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(m.params ?? {})) {
      if (v && typeof v === 'object' && '$key' in v) params[k] = t(String((v as {$key: string}).$key))
      else if (v && typeof v === 'object' && '$msg' in v) params[k] = render(t, (v as {$msg: Msg}).$msg, locale)
      else params[k] = v
    }
    return t(m.key, params)
  }
  return pick(m as LocalizedText, locale)
}

/** Validates one document against its kind's schema and checks; a known kind outside `defs` is returned unchecked. */
function checkDoc(source: SourceDoc, defs: readonly KindDef[]): {raw: RawProblem[]; kind?: string; valid: boolean} {
  const value = source.value
  const kinds: readonly string[] = KIND_NAMES
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return {
      raw: [{path: '', rule: 'kind.notObject', msg: {key: 'kind.notObject'}, hint: {key: 'kind.missing.hint', params: {kinds: kinds.join(', ')}}}],
      valid: false,
    }
  }
  const kindValue = (value as Record<string, unknown>).kind
  if (kindValue === undefined) {
    return {
      raw: [{path: '', rule: 'kind.missing', msg: {key: 'kind.missing'}, hint: {key: 'kind.missing.hint', params: {kinds: kinds.join(', ')}}}],
      valid: false,
    }
  }
  const def = typeof kindValue === 'string' ? defs.find((k) => k.kind === kindValue) : undefined
  if (!def && typeof kindValue === 'string' && kinds.includes(kindValue)) return {raw: [], kind: kindValue, valid: false}
  if (!def) {
    const suggest = suggestion(kindValue, kinds)
    return {
      raw: [
        {
          path: '/kind',
          rule: 'kind.unknown',
          msg: {key: 'kind.unknown', params: {kind: plainText(kindValue)}},
          hint: {key: 'kind.unknown.hint', params: {kinds: kinds.join(', '), suggest: suggest ? {$msg: suggest} : ''}},
        },
      ],
      valid: false,
    }
  }
  const validateFn = compile(def.schema, 'kind', def.kind)
  const raw: RawProblem[] = []
  if (!validateFn(value)) {
    for (const e of collapse(validateFn.errors ?? []).slice(0, MAX_PROBLEMS_PER_DOCUMENT + 1)) {
      const r = fromAjv(e, def.kind)
      if (r) raw.push(r)
    }
  }
  // Checks run even when the schema failed, so every problem is reported at once; they must tolerate any shape.
  for (const check of def.checks) for (const r of check(value as Record<string, unknown>, source)) raw.push(r)
  return {raw, kind: def.kind, valid: raw.every((r) => r.severity === 'warning')}
}

/** Parses and validates the text of one YAML file against the given kinds: syntax, duplicate keys, kind, schema, checks. */
export function validateText(text: string, file: string, locale: Locale, kinds: readonly KindDef[]): TextResult {
  return validateParsed(parseYaml(text, file), text, file, locale, kinds)
}

/** The kinds to check a file against: these, or those a loader gives for the kinds its documents declare (./kind-loaders.ts). */
export type KindSource = readonly KindDef[] | ((names: string[]) => Promise<readonly KindDef[]>)

/** The `kind` each document of a parsed file declares. */
const declaredKinds = (parsed: ParsedYaml): string[] =>
  parsed.docs.flatMap(({value}) => {
    const kind = value !== null && typeof value === 'object' ? (value as {kind?: unknown}).kind : undefined
    return typeof kind === 'string' ? [kind] : []
  })

function validateParsed(parsed: ParsedYaml, text: string, file: string, locale: Locale, kinds: readonly KindDef[]): TextResult {
  const t = translator(locale)
  const problems: Problem[] = parsed.problems.map((p) => {
    const rule = p.code === 'DUPLICATE_KEY' ? 'yaml.duplicateKey' : p.code === 'ALIAS_COUNT' ? 'yaml.aliases' : 'yaml.syntax'
    const known = `yaml.code.${p.code}`
    const detail = rule === 'yaml.duplicateKey' ? (keyAt(text, p.position) ?? p.message) : t(known) !== known ? t(known) : p.message
    return {file, ...p.position, path: '', rule, message: t(rule, {detail}), hint: t(`${rule}.hint`), severity: 'error'}
  })
  if (parsed.docs.length === 0 && problems.length === 0) {
    problems.push({
      file,
      line: 1,
      col: 1,
      path: '',
      rule: 'kind.missing',
      message: t('kind.missing'),
      hint: t('kind.missing.hint', {kinds: KIND_NAMES.join(', ')}),
      severity: 'error',
    })
  }
  const docs: CheckedDoc[] = []
  for (const source of parsed.docs) {
    const {raw, kind, valid} = checkDoc(source, kinds)
    docs.push({kind, value: source.value, source, valid})
    const seen = new Set<string>()
    for (const r of raw) {
      const id = `${r.rule} ${r.path} ${JSON.stringify(r.msg.params ?? {})}`
      if (seen.has(id)) continue
      seen.add(id)
      if (seen.size > MAX_PROBLEMS_PER_DOCUMENT) {
        problems.push({
          file,
          ...source.locate(''),
          path: '',
          rule: 'validate.tooManyProblems',
          message: t('validate.tooManyProblems', {limit: MAX_PROBLEMS_PER_DOCUMENT}),
          hint: t('validate.tooManyProblems.hint'),
          severity: 'error',
          ...(parsed.docs.length > 1 ? {document: source.index + 1} : {}),
        })
        break
      }
      const position = r.position ?? source.locate(r.path, {key: r.key})
      problems.push({
        file,
        ...position,
        path: r.path,
        rule: r.rule,
        message: render(t, r.msg, locale),
        hint: r.hint === undefined ? undefined : render(t, r.hint, locale).trim() || undefined,
        severity: r.severity ?? 'error',
        ...(parsed.docs.length > 1 ? {document: source.index + 1} : {}),
      })
    }
  }
  const alone = docs.find((d) => kinds.some((k) => k.kind === d.kind && k.alone))
  const ignored = alone && parsed.docs.find((d) => d !== alone.source)
  if (alone && ignored) {
    problems.push({
      file,
      ...ignored.locate(''),
      path: '',
      rule: 'yaml.extraDocuments',
      message: t('yaml.extraDocuments', {kind: alone.kind ?? '', count: parsed.docs.length}),
      hint: t('yaml.extraDocuments.hint', {kind: alone.kind ?? ''}),
      severity: 'warning',
      document: ignored.index + 1,
    })
  }
  return {problems, docs}
}

/** The key written at a position (for duplicate-key messages), e.g. `name` in `name: x`. */
function keyAt(text: string, position: Position): string | undefined {
  const line = text.split(/\r?\n/)[position.line - 1] ?? ''
  const m = /^\s*(?:-\s+)?(["']?)([^:"']+)\1\s*:/.exec(line.slice(Math.max(0, position.col - 1)))
  return m ? `\`${m[2].trim()}\`` : undefined
}

/** Reads (at once: cheaper than a thread-pool round trip for a config file) and validates one file. */
export async function validateFile(file: string, displayName: string, locale: Locale, kinds: KindSource): Promise<TextResult> {
  const decoded = readYamlText(file)
  if (decoded.problem === undefined) {
    const parsed = parseYaml(decoded.text, displayName)
    const defs = typeof kinds === 'function' ? await kinds(declaredKinds(parsed)) : kinds
    return validateParsed(parsed, decoded.text, displayName, locale, defs)
  }
  const t = translator(locale)
  const {msg, hint} = notUtf8Messages(decoded.problem)
  const {line, col} = decoded.problem
  return {problems: [{file: displayName, line, col, path: '', rule: 'encoding.notUtf8', message: t(msg), hint: t(hint), severity: 'error'}], docs: []}
}
