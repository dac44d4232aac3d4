import type {Entry, Messages} from './types.js'
import {calendar} from './calendar.js'
import {common} from './common.js'
import {expr} from './expr.js'
import {playbook} from './playbook.js'
import {rules} from './rules.js'
import {steps} from './steps.js'
import {survey} from './survey.js'
import {store} from './store.js'
import {template} from './template.js'
import {tasks} from './tasks.js'
import {validation} from './validation.js'
import {workspace} from './workspace.js'

/** The message tables. Each area keeps its own file so work in one area does not collide with another. */
const AREAS: Messages[] = [common, validation, workspace, store, expr, playbook, steps, tasks, template, calendar, survey, rules]

/**
 * The message for a key, looked up area by area (a later area wins). Merging the ~1,500 entries into one object
 * would cost every command a few milliseconds at start-up.
 */
export function messageFor(key: string): Entry | undefined {
  for (let i = AREAS.length - 1; i >= 0; i--) if (Object.hasOwn(AREAS[i], key)) return AREAS[i][key]
  return undefined
}

/** Every message, by key (for checks over the whole catalogue). */
export function allMessages(): Messages {
  return Object.assign({}, ...AREAS) as Messages
}
