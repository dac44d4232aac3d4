/** What a playbook step's tasks change on the task list: plain data in, plain data out (the runner applies it). */
import type {Db, Task, TaskField} from '../store/index.js'
import {nextId} from '../store/ids.js'

/** A task a step asks for; `key` is stable across runs, `aliases` are the keys older commops gave the same task. */
export interface WantedTask {
  key: string
  aliases?: string[]
  title: string
  owner?: string
  due?: string
}

/** Which step asked: tasks are tied to their playbook and step. */
export interface TaskSource {
  playbook: string
  step: string
}

export interface TaskSync {
  create: WantedTask[]
  /** Open (or obsolete, then reopened) tasks whose playbook fields changed; hand-edited fields are left alone. */
  update: Array<{id: string; title: string; key: string; owner?: string; due?: string; reopen: boolean}>
  /** Open tasks the step no longer asks for. */
  obsolete: Array<{id: string; title: string}>
}

const edited = (task: Task, field: TaskField) => task.edited?.includes(field) ?? false

/**
 * Compares what a step asks for with the tasks it made before. `wanted` undefined: the step no longer applies (its
 * `when:` is false), so every open task it made is obsolete. Done and removed tasks stay as they are; a task
 * reopened by hand is never closed as obsolete.
 */
export function planTaskSync(tasks: readonly Task[], source: TaskSource, wanted: readonly WantedTask[] | undefined): TaskSync {
  const plan: TaskSync = {create: [], update: [], obsolete: []}
  const matched = new Set<Task>()
  for (const w of wanted ?? []) {
    const keys = [w.key, ...(w.aliases ?? [])]
    const old = tasks.find((x) => x.key === w.key) ?? tasks.find((x) => x.key !== undefined && keys.includes(x.key) && !matched.has(x))
    if (!old) {
      plan.create.push(w)
      continue
    }
    matched.add(old)
    if (old.status !== 'open' && old.status !== 'obsolete') continue
    const owner = edited(old, 'owner') ? old.owner : w.owner
    const due = edited(old, 'due') ? old.due : w.due
    const reopen = old.status === 'obsolete'
    if (reopen || owner !== old.owner || due !== old.due || old.key !== w.key)
      plan.update.push({id: old.id, title: old.title, key: w.key, owner, due, reopen})
  }
  for (const task of tasks) {
    if (matched.has(task) || task.status !== 'open' || edited(task, 'status')) continue
    if (task.source?.playbook === source.playbook && task.source.step === source.step) plan.obsolete.push({id: task.id, title: task.title})
  }
  return plan
}

/** Whether the plan changes anything. */
export function syncChanges(plan: TaskSync): boolean {
  return plan.create.length + plan.update.length + plan.obsolete.length > 0
}

/** One diff line per change, as `playbook run --diff` shows them; a key-only change (older commops' key) shows nothing. */
export function syncDiff(plan: TaskSync, tasks: readonly Task[]): string[] {
  const lines = plan.create.map((t) => `+ task "${t.title}"${t.owner ? ` @${t.owner}` : ''}${t.due ? ` due ${t.due}` : ''}`)
  for (const u of plan.update) {
    const old = tasks.find((x) => x.id === u.id)
    if (u.reopen) lines.push(`+ task ${u.id} "${u.title}" (reopened)`)
    else if (old && (old.owner !== u.owner || old.due !== u.due))
      lines.push(`~ task ${u.id} "${u.title}" ${old.owner ?? '-'}/${old.due ?? '-'} → ${u.owner ?? '-'}/${u.due ?? '-'}`)
  }
  lines.push(...plan.obsolete.map((o) => `- task ${o.id} "${o.title}" (obsolete)`))
  return lines
}

/** Plans against the store as it is now (inside its lock) and applies: new tasks get the next ids. Returns what it did. */
export function applyTaskSync(db: Db, source: TaskSource, wanted: readonly WantedTask[] | undefined, meta: {run: string; now: string}): TaskSync {
  const plan = planTaskSync(db.tasks, source, wanted)
  for (const w of plan.create) {
    db.tasks.push({
      id: nextId(db, 'T'),
      key: w.key,
      title: w.title,
      owner: w.owner,
      due: w.due,
      status: 'open',
      source: {playbook: source.playbook, run: meta.run, step: source.step},
      createdAt: meta.now,
    })
  }
  for (const u of plan.update) {
    const task = db.tasks.find((x) => x.id === u.id)!
    Object.assign(task, {key: u.key, owner: u.owner, due: u.due})
    if (u.reopen) {
      task.status = 'open'
      delete task.closedAt
    }
  }
  for (const o of plan.obsolete) {
    const task = db.tasks.find((x) => x.id === o.id)!
    task.status = 'obsolete'
    task.closedAt = meta.now
  }
  return plan
}
