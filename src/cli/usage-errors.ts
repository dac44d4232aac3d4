import type {Msg} from '../errors.js'
import type {Translate} from '../i18n/index.js'
import {closest} from '../util/suggest.js'

/** What the parser knows of a flag, as oclif's definitions have it. */
interface FlagSpec {
  char?: string
  hidden?: boolean
  options?: readonly string[]
  min?: number
  max?: number
  required?: boolean
  exclusive?: readonly string[]
  dependsOn?: readonly string[]
  exactlyOne?: readonly string[]
  atLeastOne?: readonly string[]
}

/** A command's flags and arguments, and the command line it was given (without the command id). */
export interface UsageContext {
  flags: Record<string, FlagSpec>
  args: Record<string, {options?: readonly string[]}>
  argv: readonly string[]
}

/** A usage error ready to show: a code for --json, the message and the hint (keys of src/i18n/messages/help.ts). */
export interface UsageProblem {
  code: string
  msg: Msg
  hint?: Msg
}

/**
 * A usage error as shown (text and --json): its code, message and hint in the user's language. Anything oclif's parser
 * throws that describeUsageError does not know keeps its English text inside a translated sentence.
 */
export function usageError(err: Error, ctx: UsageContext, t: Translate, command: string): {code: string; message: string; hint: string} {
  const problem = describeUsageError(err, ctx)
  return {
    code: problem?.code ?? 'usage',
    message: problem ? t(problem.msg) : t('usage.other', {detail: err.message.replace(/\nSee more help with --help$/, '')}),
    hint: t(problem?.hint ?? {key: 'error.usage.hint'}, {command}),
  }
}

/** What oclif's parse errors carry besides their English message. */
interface ParseErrorFields {
  flags?: string[]
  args?: Array<string | {name?: string}>
  parse?: {
    input?: {flags?: Record<string, FlagSpec>}
    output?: {flags?: Record<string, unknown>; metadata?: {flags?: Record<string, {setFromDefault?: boolean}>}}
  }
}

const list = (names: readonly string[]) => names.join(', ')
const dashed = (names: readonly string[]) => names.map((n) => `--${n}`)

/**
 * One oclif parse error as one message in the user's language: by the error's class and fields where oclif gives
 * them (unknown flags, arguments, flag rules), and by the fixed start of its message where it gives nothing else
 * (`Flag --x expects a value`, `Parsing --x`); undefined for anything else, which is shown as it came.
 */
export function describeUsageError(err: Error, ctx: UsageContext): UsageProblem | undefined {
  const fields = err as Error & ParseErrorFields
  const message = err.message.replace(/\nSee more help with --help$/, '')
  switch (err.constructor?.name) {
    case 'NonExistentFlagsError': {
      const typed = fields.flags ?? []
      const candidates = Object.entries(ctx.flags)
        .filter(([, f]) => !f.hidden)
        .flatMap(([name, f]) => [`--${name}`, ...(f.char ? [`-${f.char}`] : [])])
      const suggestion = typed.length > 0 ? closest(typed[0].replace(/=.*$/, ''), candidates) : undefined
      return {
        code: 'usage.flag.unknown',
        msg: {key: 'usage.flag.unknown', params: {flags: list(typed)}},
        hint: suggestion ? {key: 'usage.flag.unknown.hint', params: {suggestion}} : {key: 'usage.flag.unknown.noSuggestion'},
      }
    }
    case 'UnexpectedArgsError':
      return {code: 'usage.arg.unexpected', msg: {key: 'usage.arg.unexpected', params: {args: list((fields.args ?? []).map(String))}}}
    case 'RequiredArgsError': {
      const names = (fields.args ?? []).map((a) => (typeof a === 'string' ? a : (a.name ?? '')).toUpperCase())
      return {code: 'usage.arg.missing', msg: {key: 'usage.arg.missing', params: {names: list(names)}}}
    }
    case 'FlagInvalidOptionError': {
      const [, flag, value] = /^Expected --([\w-]+)=([\s\S]*) to be one of/.exec(message) ?? []
      if (flag === undefined) break
      return optionProblem('flag', flag, value, ctx.flags[flag]?.options ?? [])
    }
    case 'ArgInvalidOptionError': {
      const [, value] = /^Expected ([\s\S]*) to be one of/.exec(message) ?? []
      const [name, arg] = Object.entries(ctx.args).find(([, a]) => a.options && !a.options.includes(value)) ?? []
      if (value === undefined || !name || !arg?.options) break
      return optionProblem('arg', name.toUpperCase(), value, arg.options)
    }
    case 'FailedFlagValidationError':
      return flagRules(fields.parse) ?? {code: 'usage.flag.combination', msg: {key: 'usage.flag.combination', params: {detail: reasons(message)}}}
    case 'ViolatedFlagConstraintError':
      return {code: 'usage.flag.combination', msg: {key: 'usage.flag.combination', params: {detail: reasons(message)}}}
    default:
      break
  }
  // plain CLIErrors from the parser, which carry only their message
  const needs = /^Flag --([\w-]+) expects (a value|one of these values)/.exec(message)
  if (needs) {
    const options = ctx.flags[needs[1]]?.options
    return options
      ? {code: 'usage.flag.needsValue', msg: {key: 'usage.flag.needsOption', params: {flag: needs[1], options: list(options)}}}
      : {code: 'usage.flag.needsValue', msg: {key: 'usage.flag.needsValue', params: {flag: needs[1]}}}
  }
  const once = /^Flag --([\w-]+) can only be specified once/.exec(message)
  if (once) return {code: 'usage.flag.once', msg: {key: 'usage.flag.once', params: {flag: once[1]}}}
  const parsing = /^Parsing --([\w-]+)/.exec(message)
  if (parsing) return numberProblem(parsing[1], ctx)
  return undefined
}

/** A value outside a flag's or argument's options, with the closest option as a hint. */
function optionProblem(kind: 'flag' | 'arg', name: string, value: string, options: readonly string[]): UsageProblem {
  const suggestion = closest(value, options)
  return {
    code: `usage.${kind}.option`,
    msg: {key: `usage.${kind}.option`, params: {[kind]: name, value, options: list(options)}},
    hint: suggestion ? {key: `usage.${kind}.option.hint`, params: {[kind]: name, suggestion}} : undefined,
  }
}

/** A flag value its parser refused: for an integer flag, which of its rules the value broke. */
function numberProblem(flag: string, ctx: UsageContext): UsageProblem {
  const spec = ctx.flags[flag]
  const value = flagValue(ctx.argv, flag, spec?.char) ?? ''
  const n = Number(value)
  if (!/^-?\d+$/.test(value.trim())) return {code: 'usage.flag.integer', msg: {key: 'usage.flag.integer', params: {flag, value}}}
  if (spec?.min !== undefined && n < spec.min) return {code: 'usage.flag.min', msg: {key: 'usage.flag.min', params: {flag, value, min: spec.min}}}
  if (spec?.max !== undefined && n > spec.max) return {code: 'usage.flag.max', msg: {key: 'usage.flag.max', params: {flag, value, max: spec.max}}}
  return {code: 'usage.flag.invalid', msg: {key: 'usage.flag.invalid', params: {flag, value}}}
}

/** The value given for --name (or -c) on the command line; the last one when repeated. */
function flagValue(argv: readonly string[], name: string, char?: string): string | undefined {
  let value: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === `--${name}` || (char && a === `-${char}`)) value = argv[i + 1]
    else if (a.startsWith(`--${name}=`)) value = a.slice(name.length + 3)
    else if (char && a.startsWith(`-${char}`) && !a.startsWith('--')) value = a.slice(2).replace(/^=/, '')
  }
  return value
}

/** The first flag rule the command line breaks (required, exclusive, dependsOn, exactlyOne, atLeastOne), from what oclif parsed. */
function flagRules(parse: ParseErrorFields['parse']): UsageProblem | undefined {
  const defs = parse?.input?.flags ?? {}
  const values = parse?.output?.flags ?? {}
  const given = (name: string) => values[name] !== undefined && !parse?.output?.metadata?.flags?.[name]?.setFromDefault
  const required = Object.keys(defs).filter((name) => defs[name].required && values[name] === undefined)
  if (required.length > 0) return {code: 'usage.flag.required', msg: {key: 'usage.flag.required', params: {flags: list(dashed(required))}}}
  for (const [name, def] of Object.entries(defs)) {
    if (!given(name)) continue
    const other = def.exclusive?.find((o) => o !== name && given(o))
    if (other) return {code: 'usage.flag.exclusive', msg: {key: 'usage.flag.exclusive', params: {flag: name, other}}}
    const missing = def.dependsOn?.filter((o) => values[o] === undefined) ?? []
    if (missing.length > 0)
      return {code: 'usage.flag.dependsOn', msg: {key: 'usage.flag.dependsOn', params: {flag: name, others: list(dashed(missing))}}}
  }
  for (const def of Object.values(defs)) {
    if (def.exactlyOne?.length && def.exactlyOne.filter(given).length !== 1) {
      return {code: 'usage.flag.exactlyOne', msg: {key: 'usage.flag.exactlyOne', params: {flags: list(dashed(def.exactlyOne))}}}
    }
    if (def.atLeastOne?.length && !def.atLeastOne.some(given)) {
      return {code: 'usage.flag.atLeastOne', msg: {key: 'usage.flag.atLeastOne', params: {flags: list(dashed(def.atLeastOne))}}}
    }
  }
  return undefined
}

/** The reasons of oclif's "The following errors occurred:" message, on one line. */
function reasons(message: string): string {
  return (
    message
      .replace(/^The following errors? occurred:\s*/, '')
      // eslint-disable-next-line no-control-regex
      .replace(/\u001b\[[0-9;]*m/g, '')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .join('; ')
  )
}
