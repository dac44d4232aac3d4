/** Changes to the task list a user makes by hand. */
import {UsageError} from '../errors.js'
import type {Store, Task} from '../store/index.js'

/** Marks tasks done (or open again with `undo`); every id must exist. Returns the tasks as they are now. */
export async function completeTasks(store: Store, ids: string[], o: {undo?: boolean; now: Date}): Promise<Task[]> {
  const now = o.now.toISOString()
  return store.update((db) => {
    const found = ids.map((id) => db.tasks.find((x) => x.id === id))
    const missing = ids.find((_, i) => !found[i])
    if (missing) throw new UsageError({key: 'task.notFound', params: {id: missing}}, {hint: {key: 'task.notFound.hint'}})
    for (const task of found as Task[]) {
      if (o.undo) {
        task.status = 'open'
        delete task.doneAt
      } else if (task.status !== 'done') {
        task.status = 'done'
        task.doneAt = now
      }
    }
    return structuredClone(found as Task[])
  })
}
