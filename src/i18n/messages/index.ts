import type {Messages} from './types.js'
import {calendar} from './calendar.js'
import {common} from './common.js'
import {dashboard} from './dashboard.js'
import {events} from './events.js'
import {expr} from './expr.js'
import {help} from './help.js'
import {membersRecords} from './members-records.js'
import {membersIncentives} from './members-incentives.js'
import {metrics} from './metrics.js'
import {overview} from './overview.js'
import {playbook} from './playbook.js'
import {report} from './report.js'
import {rules} from './rules.js'
import {scorecard} from './scorecard.js'
import {steps} from './steps.js'
import {survey} from './survey.js'
import {store} from './store.js'
import {suggest} from './suggest.js'
import {template} from './template.js'
import {tasks} from './tasks.js'
import {validation} from './validation.js'
import {workspace} from './workspace.js'

/** Every message, by key. Each area keeps its own file so work in one area does not collide with another. */
export const catalogue: Messages = {
  ...common,
  ...validation,
  ...workspace,
  ...store,
  ...expr,
  ...playbook,
  ...steps,
  ...tasks,
  ...template,
  ...calendar,
  ...survey,
  ...rules,
  ...events,
  ...membersRecords,
  ...metrics,
  ...scorecard,
  ...membersIncentives,
  ...overview,
  ...suggest,
  ...report,
  ...dashboard,
  ...help,
}

/** Every message, by key (for checks over the whole catalogue). */
export function allMessages(): Messages {
  return catalogue
}
