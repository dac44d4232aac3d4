import {Args, Command, Flags} from '@oclif/core'
import CommopsHelp from '../src/cli/help.js'
import {commandLineLocale} from '../src/cli/help-locale.js'
import {globalFlags} from '../src/cli/global-flags.js'
import {usageError} from '../src/cli/usage-errors.js'

/** `commops help [COMMAND]`, as oclif's plugin-help has it, plus --lang and --workspace to choose the language. */
export default class HelpCommand extends Command {
  static override description = 'Display help for <%= config.bin %>.'

  static override args = {
    command: Args.string({description: 'Command to show help for.', required: false}),
  }

  static override flags = {
    'nested-commands': Flags.boolean({char: 'n', description: 'Include all nested commands in the output.'}),
    ...globalFlags,
  }

  static override strict = false

  async run(): Promise<void> {
    const {argv, flags} = await this.parse(HelpCommand)
    const choice = Object.entries({'--lang': flags.lang, '--workspace': flags.workspace}).flatMap(([name, value]) => (value ? [name, value] : []))
    await new CommopsHelp(this.config, {all: flags['nested-commands']}).showHelp([...(argv as string[]), ...choice])
  }

  /** A bad flag (`help --bogus`) is a usage error in the user's language, as for every other command. */
  override async catch(err: Error & {code?: string}): Promise<unknown> {
    if (err.code === 'EEXIT') throw err
    const {translator} = await import('../src/i18n/index.js')
    const t = translator(commandLineLocale(this.argv))
    const {message, hint} = usageError(err, {flags: HelpCommand.flags, args: HelpCommand.args, argv: this.argv}, t, 'help')
    process.stderr.write(`${t('error.label')}: ${message}\n  ${t('error.hint')}: ${hint}\n`)
    return this.exit(2)
  }
}
