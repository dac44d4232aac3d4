import {Args, Command, Flags} from '@oclif/core'
import CommopsHelp from '../src/cli/help.js'
import {globalFlags} from '../src/cli/global-flags.js'

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
}
