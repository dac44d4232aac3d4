import {Command, type Interfaces} from '@oclif/core'
import {CommopsError, formatLocation, fromSystemError} from '../errors.js'
import {type Locale, resolveLocale, translator, type Translate} from '../i18n/index.js'
import {debugStack, describeBug, productInfo} from '../util/bug-report.js'
import {globalFlags} from './global-flags.js'
import {isPromptCancel} from './prompt.js'
import {usageError} from './usage-errors.js'
import {visible} from './visible.js'
import {locateWorkspace, openWorkspace, peekLocale, type Workspace} from '../workspace/index.js'

export type BaseFlags<T extends typeof Command> = Interfaces.InferredFlags<(typeof BaseCommand)['baseFlags'] & T['flags']>
export type BaseArgs<T extends typeof Command> = Interfaces.InferredArgs<T['args']>

/** Every commops command: --workspace, --lang, --json, translated messages, and errors as one located message with an exit code. */
export abstract class BaseCommand<T extends typeof Command> extends Command {
  static override baseFlags = globalFlags

  static override enableJsonFlag = true

  protected flags!: BaseFlags<T>
  protected args!: BaseArgs<T>
  protected locale: Locale = 'en'
  /** Every positional argument as given, for commands that take several (`task done T1 T2`). */
  protected positional: string[] = []
  protected t: Translate = translator('en')

  public override async init(): Promise<void> {
    await super.init()
    this.locale = await this.guessLocale()
    this.t = translator(this.locale)
    let parsed
    try {
      parsed = await this.parse({
        // oclif would read stdin for a missing argument (waiting 10 ms when nothing is piped); ours never come from it
        args: Object.fromEntries(Object.entries(this.ctor.args ?? {}).map(([name, arg]) => [name, {...arg, ignoreStdin: true}])),
        baseFlags: (super.ctor as typeof BaseCommand).baseFlags,
        enableJsonFlag: this.ctor.enableJsonFlag,
        flags: this.ctor.flags,
        strict: this.ctor.strict,
      })
    } catch (error) {
      // anything the parser rejects is a usage error (exit 2), whatever class oclif used for it
      if (error instanceof Error && !(error instanceof CommopsError)) Object.assign(error, {commopsUsage: true})
      throw error
    }
    const {args, argv, flags} = parsed
    this.flags = flags as BaseFlags<T>
    this.args = args as BaseArgs<T>
    this.positional = argv as string[]
    this.locale = await this.guessLocale()
    this.t = translator(this.locale)
  }

  /** The workspace locale last peeked at, by workspace folder: init guesses before and after parsing. */
  private peeked?: {root: string | undefined; locale: string | undefined}

  /** The --lang flag (even before parsing succeeds), then the workspace's locale, then LANG. */
  private async guessLocale(): Promise<Locale> {
    const flag = (this.flags as {lang?: string} | undefined)?.lang ?? argValue(this.argv, '--lang')
    let wsLocale: string | undefined
    try {
      const root = locateWorkspace({flag: (this.flags as {workspace?: string} | undefined)?.workspace ?? argValue(this.argv, '--workspace')})
      if (!this.peeked || this.peeked.root !== root) this.peeked = {root, locale: await peekLocale(root)}
      wsLocale = this.peeked.locale
    } catch {
      wsLocale = undefined
    }
    return resolveLocale(flag, wsLocale)
  }

  /** Opens the workspace named by --workspace / COMMOPS_WORKSPACE / discovery. */
  protected async workspace(): Promise<Workspace> {
    const ws = await openWorkspace({flag: (this.flags as {workspace?: string}).workspace, lang: (this.flags as {lang?: string}).lang})
    this.locale = ws.locale
    this.t = translator(this.locale)
    return ws
  }

  /** Writes a progress or status line to stderr, unless --json is on. */
  protected note(line: string): void {
    if (!this.jsonEnabled()) process.stderr.write(line + '\n')
  }

  public override async catch(err: Error & {exitCode?: number; oclif?: {exit?: number}}): Promise<unknown> {
    const t = this.t
    if (isPromptCancel(err)) {
      // Ctrl-C at a question: the person changed their mind, nothing was written (questions come before writes)
      process.stderr.write(t('prompt.cancelled') + '\n')
      return this.exit(130)
    }
    let out: {code: string; message: string; location?: string; hint?: string; exit: number; details?: unknown}
    // a full disk, a denied permission or a wrong path is the machine's or the user's, never a bug
    if (!(err instanceof CommopsError)) err = fromSystemError(err, productInfo().root) ?? err
    if (err instanceof CommopsError) {
      out = {
        code: err.code,
        message: t(err.msg),
        // a message that already names its file (e.g. the store's) is not prefixed with it again
        location:
          err.location && !(err.location.line === undefined && t(err.msg).includes(err.location.file)) ? formatLocation(err.location) : undefined,
        hint: err.hint ? t(err.hint) : undefined,
        exit: err.exitCode,
        details: err.details,
      }
    } else if (err.oclif?.exit === 0 || (err as {code?: string}).code === 'EEXIT') {
      throw err
    } else if ((err as {commopsUsage?: boolean}).commopsUsage || isParseError(err)) {
      // oclif's parse errors, in the user's language (the English one as it came when oclif adds a new kind)
      const command = this.id?.replace(/:/g, ' ') ?? ''
      const flags = {...this.ctor.baseFlags, ...this.ctor.flags, ...(this.ctor.enableJsonFlag ? {json: {}} : {})}
      out = {...usageError(err, {flags, args: this.ctor.args ?? {}, argv: this.argv}, t, command), exit: 2}
    } else {
      out = {code: 'unexpected', ...describeBug(err, t), exit: 1}
      debugStack(err)
    }
    if (this.jsonEnabled()) {
      this.logJson({error: {code: out.code, message: out.message, location: out.location, hint: out.hint, exitCode: out.exit, details: out.details}})
    } else {
      const where = out.location ? `${out.location}: ` : ''
      const lines = [`${t('error.label')}: ${where}${visible(out.message)}`]
      if (out.hint) lines.push(`  ${t('error.hint')}: ${visible(out.hint)}`)
      process.stderr.write(lines.join('\n') + '\n')
    }
    return this.exit(out.exit)
  }
}

function isParseError(err: Error): boolean {
  const name = err.constructor?.name ?? ''
  return /ParseError|ArgsError|FlagError|FlagValidation|NonExistentFlags|UnexpectedArgs|RequiredArgs|Constraint/i.test(name) || 'parse' in err
}

function argValue(argv: string[], flag: string): string | undefined {
  const at = argv.indexOf(flag)
  if (at >= 0) return argv[at + 1]
  const eq = argv.find((a) => a.startsWith(flag + '='))
  return eq?.slice(flag.length + 1)
}
