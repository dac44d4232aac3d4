import type {Hook} from '@oclif/core'
import {commandLineLocale} from '../cli/help-locale.js'
import {canPrompt, isPromptCancel, loadPrompts} from '../cli/prompt.js'
import {translator} from '../i18n/index.js'
import {closest} from '../util/suggest.js'

/**
 * An unknown command is a usage error in the user's language (--lang, the workspace's locale, LANG): one message with
 * the closest command, exit 2. On a terminal (not CI, not --json) it first asks whether to run the closest command.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  const argv = options.argv ?? []
  const t = translator(commandLineLocale(argv))
  const typed = options.id.replace(/:/g, ' ')
  const visible = options.config.commands.filter((c) => !c.hidden)
  const ids = visible.map((c) => c.id.replace(/:/g, ' '))
  const topics = [...new Set(ids.filter((id) => id.includes(' ')).map((id) => id.split(' ')[0]))]
  const best = closest(typed, [...ids, ...topics])
  const command = best && visible.find((c) => c.id.replace(/:/g, ' ') === best)

  if (command && canPrompt({json: argv.includes('--json')})) {
    const {confirm} = await loadPrompts()
    process.stderr.write(`${t('cli.unknownCommand', {command: typed})}\n`)
    let yes: boolean
    try {
      yes = await confirm({message: t('cli.unknownCommand.ask', {command: best}), default: false})
    } catch (error) {
      if (!isPromptCancel(error)) throw error
      process.stderr.write(t('prompt.cancelled') + '\n')
      return this.exit(130)
    }
    if (yes) return options.config.runCommand(command.id, argv)
  } else {
    process.stderr.write(`${t('error.label')}: ${t('cli.unknownCommand', {command: typed})}\n`)
  }
  process.stderr.write(`  ${t('error.hint')}: ${best ? t('cli.unknownCommand.suggest', {command: best}) : ''}${t('cli.unknownCommand.hint')}\n`)
  return this.exit(2)
}

export default hook
