import type {Translate} from '../i18n/index.js'
import {closest} from '../util/suggest.js'

/** A command as oclif lists it. */
interface Listed {
  id: string
  hidden?: boolean
}

/** What was typed instead of a command: the closest visible command or topic, or the commands of the topic it names. */
export interface Closest {
  /** The closest command or topic, space-separated. */
  best?: string
  /** The command's id when `best` is one. */
  id?: string
  /** When nothing is close but the first word is a topic (`survey list`): that topic and its commands. */
  topic?: {name: string; commands: string[]}
}

/** The closest visible command or topic to what was typed (space-separated), and the command itself when it is one. */
export function closestCommand(typed: string, commands: readonly Listed[]): Closest {
  const visible = commands.filter((c) => !c.hidden)
  const ids = visible.map((c) => c.id.replace(/:/g, ' '))
  const topics = [...new Set(ids.filter((id) => id.includes(' ')).map((id) => id.split(' ')[0]))]
  const best = closest(typed, [...ids, ...topics])
  if (best === undefined) {
    const name = typed.split(' ')[0]
    const under = ids.filter((id) => id.startsWith(`${name} `)).map((id) => id.slice(name.length + 1))
    return under.length > 0 ? {topic: {name, commands: under.sort()}} : {}
  }
  return {best, id: visible.find((c) => c.id.replace(/:/g, ' ') === best)?.id}
}

/** The two lines of the unknown-command error: the message and the hint naming the closest command (or the topic's). */
export function unknownCommandLines(typed: string, found: Closest, t: Translate): string {
  const suggest = found.best
    ? t('cli.unknownCommand.suggest', {command: found.best})
    : found.topic
      ? t('cli.unknownCommand.topic', {topic: found.topic.name, commands: found.topic.commands.join(', ')})
      : ''
  return `${t('error.label')}: ${t('cli.unknownCommand', {command: typed})}\n  ${t('error.hint')}: ${suggest}${t('cli.unknownCommand.hint')}\n`
}
