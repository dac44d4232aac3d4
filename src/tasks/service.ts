/** Changes to the task list a user makes by hand: one function per change, each one short store update. */
import {UsageError} from '../errors.js'
import type {Store, Task, TaskField} from '../store/index.js'
import {nextId} from '../store/ids.js'
import {applyChange} from '../util/change.js'
import {dateIn} from '../util/dates.js'
import type {Workspace} from '../workspace/index.js'
import {editTask, findTasks, markEdited, parseDue, resolveOwner, setOwner, type TaskEdit} from './edit.js'
import {dueLimit, findRole, selectTasks, withPeople, type ListedTask, type TaskFilter, type TeamMember} from './index.js'
import {findPerson, ownedBy} from './roles.js'

/** The team of community.yaml, as the task list reads it. */
export function teamOf(ws: Pick<Workspace, 'community'>): TeamMember[] {
  return (ws.community.team ?? []).filter((m) => typeof m?.name === 'string')
}

interface When {
  now: Date
  dryRun?: boolean
}

/** The tasks a list shows: filtered (owner by person or role), sorted, each with the people it is for. */
export async function listTasks(
  store: Store,
  ws: Pick<Workspace, 'community' | 'timezone'>,
  o: Omit<TaskFilter, 'dueBy' | 'team'> & {due?: string; now: Date},
): Promise<{tasks: ListedTask[]; today: string; ownerKnown: boolean}> {
  const today = dateIn(o.now, ws.timezone)
  let dueBy: string | undefined
  if (o.due !== undefined) {
    dueBy = dueLimit(o.due, today)
    if (!dueBy) throw new UsageError({key: 'task.badDue', params: {value: o.due}}, {hint: {key: 'task.badDue.hint'}})
  }
  const team = teamOf(ws)
  const db = await store.read()
  const tasks = selectTasks(db.tasks, {...o, dueBy, team})
  const ownerKnown =
    o.owner === undefined || Boolean(findRole(o.owner) || findPerson(o.owner, team)) || db.tasks.some((t) => ownedBy(t, o.owner!, team))
  return {tasks: withPeople(tasks, team), today, ownerKnown}
}

/** Adds a task by hand; `due` is 7d, 2w, today or YYYY-MM-DD, `owner` a role or a person. */
export async function addTask(
  store: Store,
  ws: Pick<Workspace, 'community' | 'timezone'>,
  input: {title: string; owner?: string; due?: string; note?: string},
  o: When,
): Promise<Task> {
  const title = input.title.trim()
  if (!title) throw new UsageError({key: 'task.emptyTitle'}, {hint: {key: 'task.emptyTitle.hint'}})
  const due = input.due === undefined ? undefined : parseDue(input.due, dateIn(o.now, ws.timezone))
  const who = input.owner === undefined ? {} : resolveOwner(input.owner, teamOf(ws))
  const note = input.note?.trim() || undefined
  return applyChange(store, o.dryRun, (db) => {
    const task: Task = {id: nextId(db, 'T'), title, ...who, due, note, status: 'open', createdAt: o.now.toISOString()}
    db.tasks.push(JSON.parse(JSON.stringify(task)) as Task)
    return task
  })
}

/** Gives tasks to a person or a role (`task assign T3 小王`, `task assign T3 moderator`); playbook runs keep the choice. */
export async function assignTasks(
  store: Store,
  ws: Pick<Workspace, 'community'>,
  ids: string[],
  who: string,
  o: When,
): Promise<{tasks: Task[]; known: boolean}> {
  if (!who.trim()) throw new UsageError({key: 'task.assignWho'}, {hint: {key: 'task.assignUsage.hint'}})
  const team = teamOf(ws)
  const owner = resolveOwner(who, team)
  const tasks = await applyChange(store, o.dryRun, (db) => {
    const found = findTasks(db, ids)
    for (const task of found) setOwner(task, owner)
    return structuredClone(found)
  })
  return {tasks, known: Boolean(findRole(who) || findPerson(who, team))}
}

/** Changes a task's title, due date, owner or note by hand; playbook runs keep what a person changed. */
export async function editTasks(
  store: Store,
  ws: Pick<Workspace, 'community' | 'timezone'>,
  ids: string[],
  edit: TaskEdit,
  o: When,
): Promise<Array<{task: Task; changed: TaskField[]}>> {
  if (Object.values(edit).every((v) => v === undefined)) throw new UsageError({key: 'task.editNothing'}, {hint: {key: 'task.editNothing.hint'}})
  const due = edit.due === undefined ? undefined : (parseDue(edit.due, dateIn(o.now, ws.timezone)) ?? null)
  const owner = edit.owner === undefined ? undefined : resolveOwner(edit.owner, teamOf(ws))
  return applyChange(store, o.dryRun, (db) =>
    findTasks(db, ids).map((task) => {
      const changed = editTask(task, {title: edit.title, due, owner, note: edit.note})
      return {task: structuredClone(task), changed}
    }),
  )
}

/**
 * Removes tasks: one added by hand is deleted; one a playbook made is marked removed, so running the playbook
 * again does not bring it back. Returns each task with whether it is remembered that way.
 */
export async function removeTasks(store: Store, ids: string[], o: When): Promise<Array<{task: Task; remembered: boolean}>> {
  return applyChange(store, o.dryRun, (db) => {
    const tasks = findTasks(db, ids)
    const removed = tasks.map((task) => ({task: structuredClone(task), remembered: task.source !== undefined}))
    for (const task of tasks) {
      if (task.source) {
        task.status = 'removed'
        task.closedAt = o.now.toISOString()
      }
    }
    db.tasks = db.tasks.filter((t) => t.source !== undefined || !tasks.includes(t))
    return removed
  })
}

/** Marks tasks done (or open again with `undo`; a playbook run then leaves them open). Returns the tasks as they are now. */
export async function completeTasks(store: Store, ids: string[], o: When & {undo?: boolean}): Promise<Task[]> {
  const now = o.now.toISOString()
  return applyChange(store, o.dryRun, (db) => {
    const tasks = findTasks(db, ids)
    for (const task of tasks) {
      if (o.undo) {
        if (task.status !== 'open') markEdited(task, 'status')
        task.status = 'open'
        delete task.doneAt
        delete task.closedAt
      } else if (task.status !== 'done') {
        task.status = 'done'
        task.doneAt = now
      }
    }
    return structuredClone(tasks)
  })
}
