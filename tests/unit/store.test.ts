import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {hostname, tmpdir} from 'node:os'
import {join, relative} from 'node:path'
import fc from 'fast-check'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {StoreError} from '../../src/errors.js'
import {store as messages} from '../../src/i18n/messages/store.js'
import {startWorker} from '../helpers/store-process.js'
import {CURRENT_VERSION, Store, defaultDb, nextId, upgradeDb, type Db, type Migration} from '../../src/store/index.js'

let root: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'commops-store-'))
  await writeFile(join(root, 'community.yaml'), 'apiVersion: commops/v1\nkind: Community\n')
})

afterEach(async () => {
  await rm(root, {recursive: true, force: true})
})

/** Every path under `dir` with a hash of its content (folders marked `/`), sorted. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const entry of await readdir(dir, {recursive: true, withFileTypes: true})) {
    const path = join(entry.parentPath, entry.name)
    const rel = relative(dir, path)
    out[rel] = entry.isDirectory()
      ? '/'
      : createHash('sha256')
          .update(await readFile(path))
          .digest('hex')
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)))
}

async function writeDb(content: string): Promise<string> {
  const file = join(root, '.commops', 'db.json')
  await mkdir(join(root, '.commops'), {recursive: true})
  await writeFile(file, content)
  return file
}

/** The rejection, checked to be a StoreError whose message and hint exist in both languages with every parameter given. */
async function caught(promise: Promise<unknown>): Promise<StoreError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(StoreError)
  const {msg, hint} = error as StoreError
  for (const m of [msg, hint!]) {
    for (const locale of ['en', 'zh-CN'] as const) {
      const text = messages[m.key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => String(m.params?.[name] ?? whole)) // eslint-disable-line @typescript-eslint/no-base-to-string -- params are strings and numbers
      expect(text).not.toMatch(/\{\w+\}/)
    }
  }
  return error as StoreError
}

const render = (m: {key: string; params?: Record<string, unknown>}) =>
  messages[m.key].en.replace(/\{(\w+)\}/g, (_, name: string) => String(m.params?.[name]))

const task = (db: Db, title: string) => ({id: nextId(db, 'T'), title, status: 'open' as const, createdAt: '2026-11-02T10:00:00Z'})

describe('Store.read', () => {
  it('returns defaults for a missing file and creates nothing', async () => {
    const before = await snapshot(root)
    const store = Store.at(root)
    const db = await store.read()
    expect(db).toEqual(defaultDb())
    expect(db.version).toBe(CURRENT_VERSION)
    expect(await snapshot(root)).toEqual(before)
    expect(store.file).toBe(join(root, '.commops', 'db.json'))
  })

  it('leaves an existing workspace byte-identical and returns a detached snapshot', async () => {
    const store = Store.at(root)
    await store.update((db) => void db.tasks.push(task(db, 'first')))
    const before = await snapshot(root)
    const db = await store.read()
    db.tasks[0].title = 'changed in memory'
    db.counters.T = 99
    expect(await snapshot(root)).toEqual(before)
    expect((await store.read()).tasks[0].title).toBe('first')
  })
})

describe('Store.update', () => {
  it('creates .commops/db.json, returns what fn returns, and leaves no temp or lock files', async () => {
    const store = Store.at(root)
    const id = await store.update((db) => {
      const t = task(db, 'welcome post')
      db.tasks.push(t)
      return t.id
    })
    expect(id).toBe('T1')
    expect(await store.update(async (db) => db.tasks.length)).toBe(1)
    const parsed = JSON.parse(await readFile(store.file, 'utf8')) as Db
    expect(parsed).toMatchObject({version: CURRENT_VERSION, counters: {T: 1}, tasks: [{id: 'T1', title: 'welcome post'}]})
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
  })

  it('does not rewrite the file when fn changes nothing', async () => {
    const store = Store.at(root)
    await store.update((db) => void db.tasks.push(task(db, 'a')))
    const before = await stat(store.file)
    await store.update((db) => db.tasks.length)
    const after = await stat(store.file)
    expect(after.ino).toBe(before.ino)
    expect(after.mtimeMs).toBe(before.mtimeMs)
  })

  it('leaves the file unchanged and releases the lock when fn throws', async () => {
    const store = Store.at(root)
    await store.update((db) => void db.tasks.push(task(db, 'kept')))
    const before = await snapshot(root)
    const boom = new Error('boom')
    await expect(
      store.update((db) => {
        db.tasks = []
        throw boom
      }),
    ).rejects.toBe(boom)
    await expect(store.update(async () => Promise.reject(boom))).rejects.toBe(boom)
    expect(await snapshot(root)).toEqual(before)
    // lockTimeoutMs 0: a lock left held would fail this update at once instead of being waited out
    expect(await Store.at(root, {lockTimeoutMs: 0}).update((db) => db.tasks.map((t) => t.title))).toEqual(['kept'])
  })

  it('refuses to write a store that fn left malformed', async () => {
    const store = Store.at(root)
    await expect(store.update((db) => void ((db as unknown as Record<string, unknown>).tasks = 'x'))).rejects.toThrow(/malformed/)
    expect(await snapshot(root)).toEqual({'.commops': '/', 'community.yaml': expect.any(String)})
  })

  it('serialises concurrent updates within one process', async () => {
    const store = Store.at(root)
    await Promise.all(Array.from({length: 50}, (_, i) => Store.at(root).update((db) => void db.tasks.push(task(db, `t${i}`)))))
    const db = await store.read()
    expect(db.counters.T).toBe(50)
    expect(new Set(db.tasks.map((t) => t.id)).size).toBe(50)
  })

  it('rejects a nested update of the same store instead of deadlocking', async () => {
    const store = Store.at(root)
    await expect(store.update(() => store.update(() => 1))).rejects.toThrow(/inside an update/)
    expect(await store.update(() => 2)).toBe(2)
  })

  it('throws store.locked naming the live holder and the lock path when another process holds the lock', async () => {
    const store = Store.at(root, {lockTimeoutMs: 300})
    await mkdir(join(root, '.commops'), {recursive: true})
    await writeFile(store.lockFile, JSON.stringify({pid: process.ppid, host: hostname(), token: 'other', started: '2026-01-01T00:00:00Z'}))
    const started = Date.now()
    const error = await caught(store.update(() => 1))
    expect(Date.now() - started).toBeGreaterThanOrEqual(290)
    expect(error.msg).toEqual({key: 'store.locked', params: {file: store.file, pid: process.ppid, host: hostname()}})
    expect(error.hint).toEqual({key: 'store.locked.hint', params: {lock: store.lockFile}})
    expect(render(error.hint!)).toContain(store.lockFile)
  })
})

describe('versions and migrations', () => {
  it('fills missing collections on read without writing, and persists them on the next update', async () => {
    const text = JSON.stringify({version: 1, tasks: [{id: 'T1', title: 'old', status: 'open', createdAt: 'x'}], extra: {keep: true}})
    const file = await writeDb(text)
    const store = Store.at(root)
    const db = await store.read()
    expect(db).toMatchObject({version: CURRENT_VERSION, artifacts: {}, runs: [], counters: {}, tasks: [{id: 'T1'}]})
    expect(await readFile(file, 'utf8')).toBe(text)
    await store.update(() => undefined)
    const saved = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>
    expect(saved).toMatchObject({version: CURRENT_VERSION, artifacts: {}, runs: [], counters: {}, extra: {keep: true}})
  })

  it('applies pending migrations in order, from the file version up to the current one', () => {
    const migrations: Migration[] = [
      {to: 3, up: (db) => void (db.members = Object.fromEntries((db.people as string[]).map((p) => [p, {name: p}])))},
      {to: 2, up: (db) => void (db.people = db.users ?? [])},
      {
        to: 4,
        up: () => {
          throw new Error('beyond current')
        },
      },
    ]
    const db = upgradeDb({version: 1, users: ['ann', 'bo']}, migrations, 3) as unknown as Record<string, unknown>
    expect(db).toMatchObject({version: 3, people: ['ann', 'bo'], members: {ann: {name: 'ann'}, bo: {name: 'bo'}}, tasks: []})
    expect(upgradeDb({version: 2, people: ['cy']}, migrations, 3)).toMatchObject({version: 3, members: {cy: {name: 'cy'}}})
  })

  it('refuses a store from a newer commops and leaves it untouched', async () => {
    const text = JSON.stringify({...defaultDb(), version: CURRENT_VERSION + 1})
    const file = await writeDb(text)
    const store = Store.at(root)
    // one at a time: a second attempt started beside the first could fail before anything awaits it (an unhandled rejection)
    for (const attempt of [() => store.read(), () => store.update(() => 1)]) {
      const error = await caught(attempt())
      expect(error.msg.key).toBe('store.newer')
      expect(error.msg.params).toMatchObject({file, version: CURRENT_VERSION + 1, current: CURRENT_VERSION})
      expect(error.hint?.key).toBe('store.newer.hint')
    }
    expect(await readFile(file, 'utf8')).toBe(text)
  })

  it.each([
    ['an array', '[]'],
    ['a string', '"db"'],
    ['null', 'null'],
    ['no version', '{"tasks": []}'],
    ['a string version', '{"version": "1"}'],
    ['a wrong collection type', '{"version": 1, "tasks": {}}'],
  ])('refuses a foreign file (%s) and leaves it untouched', async (_, text) => {
    const file = await writeDb(text)
    const error = await caught(Store.at(root).update((db) => void db.tasks.push(task(db, 'x'))))
    expect(error.msg.key).toBe('store.foreign')
    expect(error.exitCode).toBe(1)
    expect(await readFile(file, 'utf8')).toBe(text)
  })

  it('maps any JSON value to a valid store or a refusal, never anything else', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        try {
          const db = upgradeDb(value)
          expect(db.version).toBe(CURRENT_VERSION)
          expect(Array.isArray(db.tasks) && Array.isArray(db.runs)).toBe(true)
        } catch (error) {
          expect((error as Error).name).toBe('ShapeProblem')
        }
      }),
    )
  })
})

describe('a corrupt store', () => {
  it('is never overwritten; read and update throw store.corrupt and one backup is kept', async () => {
    const text = '{"version": 1, "tasks": [\n'
    const file = await writeDb(text)
    const store = Store.at(root)
    const first = await caught(store.read())
    expect(first.msg.key).toBe('store.corrupt')
    expect(first.msg.params?.file).toBe(file)
    expect(first.location?.file).toBe(file)
    const backup = first.hint?.params?.backup as string
    expect(backup).toMatch(/[/\\]\.commops[/\\]backups[/\\]db\.[\dT-]+Z\.json$/)
    expect(await readFile(backup, 'utf8')).toBe(text)

    const second = await caught(store.update((db) => void db.tasks.push(task(db, 'lost?'))))
    expect(second.msg.key).toBe('store.corrupt')
    expect(second.hint?.params?.backup).toBe(backup)
    await caught(store.read())

    expect(await readFile(file, 'utf8')).toBe(text)
    expect(await readdir(join(root, '.commops', 'backups'))).toHaveLength(1)
    expect(await readdir(join(root, '.commops'))).toEqual(['backups', 'db.json'])
    expect(render(first.msg)).toContain(file)
  })
})

describe('Store.peek', () => {
  it('writes nothing: a bad store is refused without a backup, an old one is migrated in memory only', async () => {
    const corrupt = '{"version": 1, "tasks": [\n'
    const file = await writeDb(corrupt)
    const refused = await caught(Store.at(root).peek())
    expect(refused.msg.key).toBe('store.corrupt')
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
    const old = JSON.stringify({
      version: 1,
      artifacts: {},
      runs: [],
      tasks: [],
      counters: {},
      files: {},
      responses: [{survey: 'S1', rowHash: 'r', answers: {}}],
    })
    await writeFile(file, old)
    const db = await Store.at(root).peek()
    expect(db.version).toBe(CURRENT_VERSION)
    expect(db.responseBatches).toHaveLength(1)
    expect(await readFile(file, 'utf8')).toBe(old)
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
    await rm(join(root, '.commops'), {recursive: true})
    expect(await Store.at(root).peek()).toEqual(defaultDb())
    expect(await readdir(root)).toEqual(['community.yaml'])
  })
})

describe('two processes', () => {
  it('lose no update: 2 × 200 concurrent updates on a fresh workspace', async () => {
    const count = 200
    const workers = ['A', 'B'].map((tag) => startWorker(root, count, tag))
    for (const w of workers) await w.ready
    for (const w of workers) w.go()
    const results = (await Promise.all(workers.map((w) => w.exited))).map((r) => r.lines.at(-1)!)
    const summary = results.map((line) => JSON.parse(line) as {tag: string; ms: number})
    const db = JSON.parse(await readFile(Store.at(root).file, 'utf8')) as Db
    expect(db.counters.x).toBe(2 * count)
    expect(db.counters.T).toBe(2 * count)
    expect(db.tasks).toHaveLength(2 * count)
    expect(new Set(db.tasks.map((t) => t.id)).size).toBe(2 * count)
    for (const tag of ['A', 'B']) expect(db.tasks.filter((t) => t.title.startsWith(`${tag}-`))).toHaveLength(count)
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
    console.log('store workers:', summary.map((s) => `${s.tag} ${s.ms} ms`).join(', '))
  })
})

describe('nextId', () => {
  it('counts per prefix', () => {
    const db = defaultDb()
    expect([nextId(db, 'T'), nextId(db, 'T'), nextId(db, 'R'), nextId(db, 'T')]).toEqual(['T1', 'T2', 'R1', 'T3'])
    expect(db.counters).toEqual({T: 3, R: 1})
  })
})

describe('items of the store', () => {
  const sampleRun = {
    id: 'R1',
    playbook: 'launch',
    vars: {},
    inputHashes: {},
    status: 'ok',
    steps: [],
    user: 'u',
    startedAt: '2026-11-02T10:00:00Z',
    finishedAt: '2026-11-02T10:00:01Z',
    durationMs: 1,
  }

  it.each([
    ['tasks', {tasks: [null]}, 'tasks[0]', 'null'],
    [
      'tasks',
      {
        tasks: [
          {id: 'T1', title: 'ok', status: 'open', createdAt: 'x'},
          {id: 2, title: 'bad', status: 'open'},
        ],
      },
      'tasks[1]',
      '{"id":2',
    ],
    ['runs', {runs: [sampleRun, 'R2']}, 'runs[1]', '"R2"'],
    ['artifacts', {artifacts: {a: {id: 'a', kind: 'rules', data: {}}, b: []}}, 'artifacts.b', '[]'],
    ['files', {files: {'out/x.md': {writtenAt: 'x'}}}, 'files["out/x.md"]', '{"writtenAt":"x"}'],
    ['counters', {counters: {T: 'three'}}, 'counters.T', '"three"'],
    ['calendar', {calendar: [{id: 'C1', key: 'k'}]}, 'calendar[0]', '{"id":"C1"'],
    ['incidents', {incidents: [{id: 'I1', member: 7}]}, 'incidents[0]', '{"id":"I1"'],
    ['surveys', {surveys: {S1: {id: 'S1', name: 'n'}}}, 'surveys.S1', '{"id":"S1"'],
    ['responseBatches', {responseBatches: [{id: 'RB1', survey: 'S1'}]}, 'responseBatches[0]', '{"id":"RB1","survey":"S1"}'],
    ['responses', {version: 1, responses: [{survey: 'S1'}]}, 'responses[0]', '{"survey":"S1"}'],
  ])('refuses a bad item in %s with one message naming the file and the item', async (_, fields, item, got) => {
    const text = JSON.stringify({...defaultDb(), ...fields})
    const file = await writeDb(text)
    const store = Store.at(root)
    // one at a time: a second attempt started beside the first could fail before anything awaits it (an unhandled rejection)
    for (const attempt of [() => store.read(), () => store.update(() => 1)]) {
      const error = await caught(attempt())
      expect(error.msg.key).toBe(item.startsWith('counters') ? 'store.badCounter' : 'store.badItem')
      expect(error.exitCode).toBe(1)
      const shown = render(error.msg)
      expect(shown).toContain(file)
      expect(shown).toContain(`${item} must be`)
      expect(shown).toContain(`(got ${got}`)
      expect(render(error.hint!)).toContain(String(error.hint!.params!.backup))
    }
    expect(await readFile(file, 'utf8')).toBe(text)
  })

  it('accepts a store whose items all have their essential fields', async () => {
    await writeDb(
      JSON.stringify({...defaultDb(), runs: [sampleRun], tasks: [{id: 'T1', title: 't', status: 'done', createdAt: 'x'}], counters: {T: 1, R: 1}}),
    )
    const db = await Store.at(root).read()
    expect(db.tasks[0].id).toBe('T1')
  })
})
