import type {Messages} from '../index.js'
import {common} from './common.js'
import {expr} from './expr.js'
import {playbook} from './playbook.js'
import {steps} from './steps.js'
import {store} from './store.js'
import {tasks} from './tasks.js'
import {validation} from './validation.js'
import {workspace} from './workspace.js'

/** Every message, by key. Each area keeps its own file so work in one area does not collide with another. */
export const catalogue: Messages = {...common, ...validation, ...workspace, ...store, ...expr, ...playbook, ...steps, ...tasks}
