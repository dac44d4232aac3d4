/**
 * A separate process hammering one store: `node --import tsx store-worker.ts ROOT COUNT TAG`.
 * Prints `ready`, waits for a line on stdin (so two workers start together), runs COUNT updates,
 * then prints one JSON line `{tag, count, ms}`.
 */
import {once} from 'node:events'
import {Store, nextId} from '../../src/store/index.js'

const [root, countArg, tag] = process.argv.slice(2)
const count = Number(countArg)
const store = Store.at(root)

process.stdout.write('ready\n')
await once(process.stdin, 'data')
process.stdin.pause()

const started = Date.now()
for (let i = 0; i < count; i++) {
  await store.update((db) => {
    db.counters.x = (db.counters.x ?? 0) + 1
    db.tasks.push({id: nextId(db, 'T'), title: `${tag}-${i}`, status: 'open', createdAt: new Date().toISOString()})
  })
}
process.stdout.write(`${JSON.stringify({tag, count, ms: Date.now() - started})}\n`)
