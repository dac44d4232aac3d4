import type {Translate} from '../i18n/index.js'
import {closest} from '../util/suggest.js'

/** A command as oclif lists it. */
interface Listed {
  id: string
  hidden?: boolean
}

/** The closest visible command or topic to what was typed (space-separated), and the command itself when it is one. */
export function closestCommand(typed: string, commands: readonly Listed[]): {best?: string; id?: string} {
  const visible = commands.filter((c) => !c.hidden)
  const ids = visible.map((c) => c.id.replace(/:/g, ' '))
  const topics = [...new Set(ids.filter((id) => id.includes(' ')).map((id) => id.split(' ')[0]))]
  const best = closest(typed, [...ids, ...topics])
  return {best, id: best === undefined ? undefined : visible.find((c) => c.id.replace(/:/g, ' ') === best)?.id}
}

/** The two lines of the unknown-command error: the message and the hint naming the closest command. */
export function unknownCommandLines(typed: string, best: string | undefined, t: Translate): string {
  return (
    `${t('error.label')}: ${t('cli.unknownCommand', {command: typed})}\n` +
    `  ${t('error.hint')}: ${best ? t('cli.unknownCommand.suggest', {command: best}) : ''}${t('cli.unknownCommand.hint')}\n`
  )
}
