/**
 * A separate process hammering one store: `node --import tsx store-worker.ts ROOT COUNT TAG [BUSY_MS]`.
 * Prints `ready`, waits for a line on stdin (so workers start together), runs COUNT updates, printing
 * `committed N` after each (N: the counter it wrote), then one JSON line `{tag, count, ms}`.
 * With BUSY_MS, each update also keeps the event loop busy that long while holding the lock, as a long
 * synchronous computation would (no timer can run meanwhile).
 */
import {once} from 'node:events'
import {Store, nextId} from '../../src/store/index.js'

const [root, countArg, tag, busyArg] = process.argv.slice(2)
const count = Number(countArg)
const busyMs = Number(busyArg ?? 0)
const store = Store.at(root)

process.stdout.write('ready\n')
await once(process.stdin, 'data')
process.stdin.pause()

const started = Date.now()
for (let i = 0; i < count; i++) {
  const x = await store.update((db) => {
    const until = Date.now() + busyMs
    while (Date.now() < until) {
      // busy: a long synchronous computation under the lock
    }
    db.counters.x = (db.counters.x ?? 0) + 1
    db.tasks.push({id: nextId(db, 'T'), title: `${tag}-${i}`, status: 'open', createdAt: new Date().toISOString()})
    return db.counters.x
  })
  process.stdout.write(`committed ${x}\n`)
}
process.stdout.write(`${JSON.stringify({tag, count, ms: Date.now() - started})}\n`)
