import type {Hook} from '@oclif/core'
import {resolveLocale, translator} from '../i18n/index.js'
import {closest} from '../util/suggest.js'

/**
 * An unknown command is a usage error: one message with a did-you-mean and exit 2. On a terminal (no CI) this hook
 * steps aside so @oclif/plugin-not-found can offer to run the closest command.
 */
const hook: Hook<'command_not_found'> = async function (options) {
  if (process.stdin.isTTY && process.stdout.isTTY && !process.env.CI) return
  const t = translator(resolveLocale(undefined, undefined))
  const typed = options.id.replace(/:/g, ' ')
  const ids = options.config.commandIDs.map((id) => id.replace(/:/g, ' ')).filter((id) => !id.startsWith('autocomplete'))
  const topics = [...new Set(ids.filter((id) => id.includes(' ')).map((id) => id.split(' ')[0]))]
  const best = closest(typed, [...ids, ...topics])
  process.stderr.write(`${t('error.label')}: ${t('cli.unknownCommand', {command: typed})}\n`)
  process.stderr.write(`  ${t('error.hint')}: ${best ? t('cli.unknownCommand.suggest', {command: best}) : ''}${t('cli.unknownCommand.hint')}\n`)
  // @oclif/plugin-not-found's hook runs beside this one and would add its own warning: stop here. Only these two
  // short lines were written, so exiting at once cuts no output.
  process.exit(2)
}

export default hook
