import {isIsoDate, relativeDate} from '../util/dates.js'
import type {Task} from '../store/index.js'
import {ownedBy, ownerCell, peopleFor, type TeamMember} from './roles.js'

export {findRole, ownedBy, ownerCell, peopleFor, ROLES, type Role, type TeamMember} from './roles.js'

export interface TaskFilter {
  /** Tasks due on or before this date (YYYY-MM-DD); overdue ones included. */
  dueBy?: string
  /** A person (via community.yaml `team:`) or a role in either language. */
  owner?: string
  /** Done and obsolete tasks too (removed ones never). */
  all?: boolean
  playbook?: string
  team?: readonly TeamMember[]
}

/** A task as lists show it: with the people who hold its role, and who it is for in one cell. */
export type ListedTask = Task & {people: string[]; for: string}

/** Turns `7d`, `2w`, `today` or a YYYY-MM-DD into the last due date to include; undefined when the form is wrong. */
export function dueLimit(spec: string, today: string): string | undefined {
  const s = spec.trim().toLowerCase()
  if (s === 'today') return today
  const m = /^\+?(\d{1,4})([dw])$/.exec(s)
  if (m) return relativeDate(`+${m[1]}${m[2]}`, today)
  return isIsoDate(s) ? s : undefined
}

/** Open tasks (or all but removed ones) matching the filter, by due date then id; tasks without a due date come last. */
export function selectTasks(tasks: Task[], filter: TaskFilter): Task[] {
  const num = (id: string) => Number(id.replace(/\D/g, '')) || 0
  const team = filter.team ?? []
  return tasks
    .filter((t) => (filter.all ? t.status !== 'removed' : t.status === 'open'))
    .filter((t) => !filter.dueBy || (t.due !== undefined && t.due <= filter.dueBy))
    .filter((t) => !filter.owner || ownedBy(t, filter.owner, team))
    .filter((t) => !filter.playbook || t.source?.playbook === filter.playbook)
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || num(a.id) - num(b.id))
}

/** Adds who each task is for: its assignee, or the team members holding its role. */
export function withPeople(tasks: readonly Task[], team: readonly TeamMember[]): ListedTask[] {
  return tasks.map((t) => ({...t, people: t.assignee ? [t.assignee] : peopleFor(t.owner, team), for: ownerCell(t, team)}))
}
