/** Changes a person makes to the task list by hand: plain data in, plain data out (the service applies them). */
import {UsageError} from '../errors.js'
import type {Db, Task, TaskField} from '../store/index.js'
import {dueLimit} from './index.js'
import {findPerson, findRole, roleLabel, type TeamMember} from './roles.js'

/** Who a task is for, from what a person typed: a role (`mod` → `版主 / moderator`) or a person (as team spells them). */
export function resolveOwner(who: string, team: readonly TeamMember[]): {owner?: string; assignee?: string} {
  const text = who.trim()
  if (!text) return {}
  const role = findRole(text)
  if (role) return {owner: roleLabel(role)}
  return {assignee: findPerson(text, team)?.name ?? text}
}

/** A due date from `7d`, `2w`, `today` or YYYY-MM-DD; '' clears it; a usage error otherwise. */
export function parseDue(value: string, today: string): string | undefined {
  if (value.trim() === '') return undefined
  const due = dueLimit(value, today)
  if (!due) throw new UsageError({key: 'task.badDue', params: {value}}, {hint: {key: 'task.badDue.hint'}})
  return due
}

/** The live tasks with these ids (case-insensitive, each once); a removed task counts as missing. */
export function findTasks(db: Db, ids: readonly string[]): Task[] {
  const wanted = [...new Set(ids.map((id) => id.trim().toUpperCase()))]
  return wanted.map((id) => {
    const task = db.tasks.find((x) => x.id === id && x.status !== 'removed')
    if (!task) throw new UsageError({key: 'task.notFound', params: {id}}, {hint: {key: 'task.notFound.hint'}})
    return task
  })
}

/** Records that a person changed a field, so playbook runs leave it alone. */
export function markEdited(task: Task, field: TaskField): void {
  if (!task.source) return
  if (!task.edited) task.edited = []
  if (!task.edited.includes(field)) task.edited.push(field)
}

/** Sets who a task is for: a role replaces the owner (and drops a person it was given to), a person becomes its assignee. */
export function setOwner(task: Task, who: {owner?: string; assignee?: string}): void {
  if (who.owner !== undefined) task.owner = who.owner
  else if (who.assignee === undefined) delete task.owner
  if (who.assignee !== undefined) task.assignee = who.assignee
  else delete task.assignee
  markEdited(task, 'owner')
}

/** What `task edit` may change; undefined leaves a field, '' clears owner, due and note. */
export interface TaskEdit {
  title?: string
  due?: string
  owner?: string
  note?: string
}

/** Applies an edit to a task (due already parsed); returns the fields that changed. */
export function editTask(
  task: Task,
  edit: {title?: string; due?: string | null; owner?: {owner?: string; assignee?: string}; note?: string},
): TaskField[] {
  const changed: TaskField[] = []
  if (edit.title !== undefined) {
    const title = edit.title.trim()
    if (!title) throw new UsageError({key: 'task.emptyTitle'}, {hint: {key: 'task.emptyTitle.hint'}})
    if (title !== task.title) {
      task.title = title
      markEdited(task, 'title')
      changed.push('title')
    }
  }
  if (edit.due !== undefined) {
    if ((edit.due ?? undefined) !== task.due) changed.push('due')
    if (edit.due === null) delete task.due
    else task.due = edit.due
    markEdited(task, 'due')
  }
  if (edit.owner !== undefined) {
    if (edit.owner.owner !== task.owner || edit.owner.assignee !== task.assignee) changed.push('owner')
    setOwner(task, edit.owner)
  }
  if (edit.note !== undefined) {
    const note = edit.note.trim()
    if (note !== (task.note ?? '')) changed.push('note')
    if (note) task.note = note
    else delete task.note
    markEdited(task, 'note')
  }
  return changed
}
