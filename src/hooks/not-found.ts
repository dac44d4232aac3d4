import type {Hook} from '@oclif/core'
import {commandLineLocale} from '../cli/help-locale.js'
import {canPrompt, isPromptCancel, loadPrompts} from '../cli/prompt.js'
import {closestCommand, unknownCommandLines} from '../cli/unknown-command.js'
import {translator} from '../i18n/index.js'

/**
 * An unknown command is a usage error in the user's language (--lang, the workspace's locale, LANG): one message with
 * the closest command, exit 2. On a terminal (not CI, not --json) it first asks whether to run the closest command.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  const argv = options.argv ?? []
  const t = translator(commandLineLocale(argv))
  const typed = options.id.replace(/:/g, ' ')
  const found = closestCommand(typed, options.config.commands)
  const {best, id} = found
  if (id && canPrompt({json: argv.includes('--json')})) {
    const {confirm} = await loadPrompts()
    let yes: boolean
    try {
      yes = await confirm({message: t('cli.unknownCommand.ask', {typed, command: best}), default: false})
    } catch (error) {
      if (!isPromptCancel(error)) throw error
      process.stderr.write(t('prompt.cancelled') + '\n')
      return this.exit(130)
    }
    if (yes) return options.config.runCommand(id, argv)
  }
  process.stderr.write(unknownCommandLines(typed, found, t))
  return this.exit(2)
}

export default hook
