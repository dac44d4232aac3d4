import {type Command, CommandHelp, Errors, Help, type Interfaces} from '@oclif/core'
import {getHelpFlagAdditions, standardizeIDFromArgv} from '@oclif/core/help'
import type {Locale} from '../i18n/locale.js'
import {help} from '../i18n/messages/help.js'
import type {CommandHelpZh, HELP_ZH} from '../i18n/messages/help-zh.js'
import {commandLineLocale, withoutLocaleFlags} from './help-locale.js'
import {closestCommand, unknownCommandLines} from './unknown-command.js'

type HelpSectionBody = Parameters<CommandHelp['section']>[1]

/** A section heading in the locale (`USAGE` → `用法`); headings oclif may add later stay as they are. */
function heading(header: string, locale: Locale): string {
  return help[`help.section.${header}`]?.[locale] ?? header
}

/** An example's command line as HELP_ZH keys it: without `$ ` and `<%= config.bin %> `. */
export function exampleKey(command: string): string {
  return command
    .replace(/^\$\s*/, '')
    .replace(/^<%= config\.bin %>\s*/, '')
    .trim()
}

type HelpZh = typeof HELP_ZH

/** A copy of the command with its Chinese texts; any text HELP_ZH lacks stays English (a test keeps it complete). */
export function commandInChinese(cmd: Command.Loadable, helpZh: HelpZh): Command.Loadable {
  const zh: CommandHelpZh | undefined = helpZh.commands[cmd.id]
  const flag = (name: string) => zh?.flags?.[name] ?? helpZh.globalFlags[name]
  return {
    ...cmd,
    description: zh?.description ?? cmd.description,
    summary: undefined,
    args: Object.fromEntries(Object.entries(cmd.args ?? {}).map(([name, arg]) => [name, {...arg, description: zh?.args?.[name] ?? arg.description}])),
    flags: Object.fromEntries(
      Object.entries(cmd.flags ?? {}).map(([name, f]) => [name, {...f, summary: undefined, description: flag(name) ?? f.description}]),
    ),
    examples: cmd.examples?.map((e) => {
      if (typeof e !== 'string') return {...e, description: zh?.examples?.[exampleKey(e.command)] ?? e.description}
      return e
    }),
  }
}

type Wrapping = typeof import('./wrap.js')

/**
 * oclif's wrap (wrap-ansi) breaks only at spaces, so a Chinese sentence, which has none, moved whole to the next line
 * and left a short one behind. In Chinese help (when `wrapping`, ./wrap.ts, is loaded: only then), a line with CJK
 * text is wrapped by it instead, trimmed as wrap-ansi trims it (two columns narrower for the body of a flag's long
 * description, which oclif wraps for four columns of indent and prints with six). Other lines, example command lines
 * (`$ commops …`, which break only between arguments) and text with colours stay oclif's; so does English help, which
 * keeps a Chinese term in it whole, as a word.
 */
function wrapCjk(
  formatter: {render: (input: string) => string; wrap: (body: string, spacing?: number) => string},
  maxWidth: () => number,
  wrapping: () => Wrapping | undefined,
) {
  const wrap = formatter.wrap.bind(formatter)
  return (body: string, spacing = 2): string => {
    const text = formatter.render(body)
    const w = wrapping()
    if (!w || !w.hasCjk(text) || text.includes('\u001B')) return wrap(text, spacing)
    return text
      .split('\n')
      .map((line) =>
        w.hasCjk(line) && !line.trimStart().startsWith('$ ')
          ? w.wrapText(line.trim(), maxWidth() - spacing - (spacing === 4 ? 2 : 0))
          : wrap(line, spacing),
      )
      .join('\n')
  }
}

/**
 * oclif renders every help text as an EJS template, and EJS compiles a new function for each one (root help: ~100).
 * A text without a tag renders as itself, so only texts with one go through EJS.
 */
function templatesOnly(render: (input: string) => string): (input: string) => string {
  return (input) => (input.includes('<%') || input.includes('%>') ? render(input) : input)
}

/** oclif's command help, with its section headings in the locale. */
class LocalizedCommandHelp extends CommandHelp {
  locale: Locale = 'en'
  wrapping: Wrapping | undefined

  constructor(...args: ConstructorParameters<typeof CommandHelp>) {
    super(...args)
    this.render = templatesOnly(this.render)
    this.wrap = wrapCjk(
      this,
      () => this.opts.maxWidth,
      () => this.wrapping,
    )
  }

  override section(header: string, body: HelpSectionBody): string {
    return super.section(heading(header, this.locale), body)
  }

  /**
   * What the description says after its first line. The first line is printed above USAGE already (oclif's summary
   * of a command without one), so a one-line description gets no DESCRIPTION section that repeats it.
   */
  protected override description(): string | undefined {
    if (this.command.summary) return super.description()
    const more = (this.command.description ?? '').split('\n').slice(1).join('\n').trim()
    return more ? this.wrap(more) : undefined
  }
}

/**
 * commops --help in the user's language (package.json `oclif.helpClass`): oclif's layout, with the texts of
 * src/i18n/messages/help-zh.ts when the locale is zh-CN. Loads no command, store or schema: help stays as fast as oclif's.
 */
export default class CommopsHelp extends Help {
  private locale: Locale = 'en'
  /** The Chinese texts (86 kB), read only when help is shown in Chinese. */
  private zh: HelpZh | undefined
  private wrapping: Wrapping | undefined

  constructor(...args: ConstructorParameters<typeof Help>) {
    super(...args)
    this.render = templatesOnly(this.render)
    this.wrap = wrapCjk(
      this,
      () => this.opts.maxWidth,
      () => this.wrapping,
    )
  }

  override async showHelp(argv: string[]): Promise<void> {
    this.locale = commandLineLocale(argv)
    if (this.locale === 'zh-CN') {
      this.zh = (await import('../i18n/messages/help-zh.js')).HELP_ZH
      this.wrapping = await import('./wrap.js')
    }
    const rest = withoutLocaleFlags(argv)
    const subject = this.subject(rest)
    if (subject && !this.config.findCommand(subject) && !this.config.findTopic(subject)) {
      // `commops nosuch --help`: the unknown-command error in the user's language, exit 2 (messages loaded only here)
      const {translator} = await import('../i18n/index.js')
      const typed = subject.replace(/:/g, ' ')
      process.stderr.write(unknownCommandLines(typed, closestCommand(typed, this.config.commands), translator(this.locale)))
      Errors.exit(2)
    }
    await super.showHelp(rest)
  }

  /** What help is asked about, as oclif's Help decides it: the first word before any flag, `help` aside. */
  private subject(argv: string[]): string | undefined {
    const helpFlags = getHelpFlagAdditions(this.config)
    const words = standardizeIDFromArgv(
      argv.filter((a) => !helpFlags.includes(a)),
      this.config,
    )
    for (const word of words) {
      if (word === '--') return undefined
      if (word === 'help') continue
      return word.startsWith('-') ? undefined : word
    }
    return undefined
  }

  override async showCommandHelp(command: Command.Loadable): Promise<void> {
    await super.showCommandHelp(this.localized(command))
  }

  override formatRoot(): string {
    const description = this.zh ? this.zh.root : ((this.config.pjson.description as string | undefined) ?? '')
    return [
      this.render(description),
      this.section(heading('VERSION', this.locale), this.wrap(this.config.userAgent)),
      this.section(heading('USAGE', this.locale), this.wrap(`$ ${this.config.bin} [COMMAND]`)),
    ].join('\n\n')
  }

  override section(header: string, body: HelpSectionBody): string {
    return super.section(heading(header, this.locale), body)
  }

  protected override formatCommands(commands: Command.Loadable[]): string {
    return super.formatCommands(commands.map((c) => this.localized(c)))
  }

  protected override formatTopic(topic: Interfaces.Topic): string {
    return super.formatTopic(this.localizedTopic(topic))
  }

  protected override formatTopics(topics: Interfaces.Topic[]): string {
    return super.formatTopics(topics.map((t) => this.localizedTopic(t)))
  }

  protected override getCommandHelpClass(command: Command.Loadable): CommandHelp {
    const commandHelp = new LocalizedCommandHelp(command, this.config, this.opts)
    commandHelp.locale = this.locale
    commandHelp.wrapping = this.wrapping
    return commandHelp
  }

  private localized(command: Command.Loadable): Command.Loadable {
    return this.zh ? commandInChinese(command, this.zh) : command
  }

  private localizedTopic(topic: Interfaces.Topic): Interfaces.Topic {
    if (!this.zh) return topic
    return {...topic, description: this.zh.topics[topic.name] ?? topic.description}
  }
}
