import {DateTime} from 'luxon'
import type {Task} from '../store/index.js'

export interface TaskFilter {
  /** Tasks due on or before this date (YYYY-MM-DD); overdue ones included. */
  dueBy?: string
  owner?: string
  all?: boolean
  playbook?: string
}

/** Turns `7d`, `2w`, `today` or a YYYY-MM-DD into the last due date to include; undefined when the form is wrong. */
export function dueLimit(spec: string, today: string): string | undefined {
  const s = spec.trim().toLowerCase()
  if (s === 'today') return today
  const m = /^\+?(\d{1,4})([dw])$/.exec(s)
  if (m)
    return DateTime.fromISO(today, {zone: 'utc'})
      .plus(m[2] === 'w' ? {weeks: Number(m[1])} : {days: Number(m[1])})
      .toISODate()!
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid ? s : undefined
}

/** Open tasks (or all) matching the filter, by due date then id; tasks without a due date come last. */
export function selectTasks(tasks: Task[], filter: TaskFilter): Task[] {
  const num = (id: string) => Number(id.replace(/\D/g, '')) || 0
  return tasks
    .filter((t) => filter.all || t.status === 'open')
    .filter((t) => !filter.dueBy || (t.due !== undefined && t.due <= filter.dueBy))
    .filter((t) => !filter.owner || t.owner === filter.owner)
    .filter((t) => !filter.playbook || t.source?.playbook === filter.playbook)
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || num(a.id) - num(b.id))
}
