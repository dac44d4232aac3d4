/**
 * Run records. A run reserves its id when it starts (a record with status `running`, its pid and host), so its
 * tasks and files name a run that exists, and concurrent runs never share an id; it finishes by replacing that
 * record. A `running` record whose process is gone (killed, crashed) reads as `interrupted`.
 */
import os from 'node:os'
import {isProcessAlive} from '../util/fs.js'
import {nextId} from './ids.js'
import type {Store} from './store.js'
import type {Db, RunRecord} from './types.js'

/** What a run knows when it starts. */
export type RunStart = Pick<RunRecord, 'playbook' | 'phase' | 'vars' | 'user' | 'startedAt'>

/**
 * Appends a `running` record for this process in one short update; returns its id and the store as that update left
 * it (the run's snapshot: nothing else holds it, so the caller need not read the store again).
 */
export function reserveRun(store: Store, start: RunStart): Promise<{id: string; db: Db}> {
  return store.update((db) => {
    markInterrupted(db)
    const id = nextId(db, 'R')
    db.runs.push({...start, id, status: 'running', inputHashes: {}, steps: [], durationMs: 0, pid: process.pid, host: os.hostname()})
    return {id, db}
  })
}

/**
 * Replaces the reserved record by the finished one (no pid or host: nothing runs any more), after the run's last
 * changes (`before`) in the same update.
 */
export function finishRun(store: Store, record: RunRecord, before?: (db: Db) => void): Promise<void> {
  return store.update((db) => {
    before?.(db)
    const {pid: _pid, host: _host, ...finished} = record
    const at = db.runs.findIndex((r) => r.id === record.id)
    if (at >= 0) db.runs[at] = finished
    else db.runs.push(finished)
  })
}

/** The status to show: `interrupted` for a `running` record whose process on this machine is gone. */
export function runStatus(run: RunRecord): RunRecord['status'] {
  if (run.status !== 'running' || run.pid === undefined || run.host !== os.hostname()) return run.status
  return isProcessAlive(run.pid) ? 'running' : 'interrupted'
}

/** Marks the store's dead `running` records `interrupted` (inside an update). */
function markInterrupted(db: Db): void {
  for (const run of db.runs) if (runStatus(run) === 'interrupted') run.status = 'interrupted'
}
