/** The store's lock, temp files and confinement: what a crash, a stall or a cloned workspace can do to it. */
import {spawnSync} from 'node:child_process'
import {link, mkdir, mkdtemp, readdir, readFile, rm, symlink, utimes, writeFile} from 'node:fs/promises'
import {hostname, tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {CommopsError, StoreError} from '../../src/errors.js'
import {Store, nextId, type Db} from '../../src/store/index.js'
import {takeOver} from '../../src/store/lock.js'

let root: string
let elsewhere: string

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'commops-lock-'))
  elsewhere = await mkdtemp(join(tmpdir(), 'commops-elsewhere-'))
  await writeFile(join(root, 'community.yaml'), 'apiVersion: commops/v1\nkind: Community\n')
  await mkdir(join(root, '.commops'))
})

afterEach(async () => {
  await rm(root, {recursive: true, force: true})
  await rm(elsewhere, {recursive: true, force: true})
})

/** The pid of a process that has exited. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid
}

const holder = (pid: number, host = hostname(), token = 'theirs') => JSON.stringify({pid, host, token, started: '2026-01-01T00:00:00Z'})

async function age(file: string, ms: number): Promise<void> {
  const then = new Date(Date.now() - ms)
  await utimes(file, then, then)
}

const addTask = (db: Db) => {
  db.tasks.push({id: nextId(db, 'T'), title: 'x', status: 'open', createdAt: '2026-11-02T10:00:00Z'})
  return db.tasks.length
}

describe('the store lock', () => {
  it('is never taken over from a live process, however old the lock', async () => {
    const store = Store.at(root, {lockTimeoutMs: 400})
    await writeFile(store.lockFile, holder(process.ppid))
    await age(store.lockFile, 3_600_000)
    await expect(store.update(addTask)).rejects.toMatchObject({msg: {key: 'store.locked'}})
    expect(JSON.parse(await readFile(store.lockFile, 'utf8'))).toMatchObject({token: 'theirs'})
  })

  it('takes over at once a fresh lock left by a process on this machine that is gone', async () => {
    // lockTimeoutMs 0: no waiting at all, so the update succeeds only if the lock is taken over at once
    const store = Store.at(root, {lockTimeoutMs: 0})
    await writeFile(store.lockFile, holder(deadPid()))
    expect(await store.update(addTask)).toBe(1)
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
  })

  it('leaves alone a lock that changed hands after its holder was judged gone: its name is never free for another', async () => {
    // a holder released and exited while a waiter judged it gone, and a live process took the lock meanwhile: taking
    // over what was judged must not free the name even for a moment (another waiter creating the lock then would leave
    // the live holder without it, to fail its update)
    const store = Store.at(root)
    const dead = JSON.parse(holder(deadPid(), hostname(), 'gone')) as {pid: number; host: string; token: string; started: string}
    let freed = 0
    for (let round = 0; round < 200; round++) {
      await writeFile(store.lockFile, holder(process.ppid, hostname(), 'live'))
      let taking = true
      const spare = join(root, '.commops', 'spare')
      await writeFile(spare, holder(process.ppid, hostname(), 'other'))
      const rival = (async () => {
        // another waiter trying to create the lock the whole time (a hard link fails while the name is taken)
        while (taking) {
          const made = await link(spare, store.lockFile).then(
            () => true,
            () => false,
          )
          if (made) {
            freed++
            await rm(store.lockFile, {force: true})
          }
        }
      })()
      await takeOver(store.lockFile, dead)
      taking = false
      await rival
      await rm(spare, {force: true})
    }
    expect(freed).toBe(0)
    expect(JSON.parse(await readFile(store.lockFile, 'utf8'))).toMatchObject({token: 'live'})
  })

  it('lets one waiter at a time take over a dead lock: the lock a waiter then creates is never removed by another', async () => {
    // two waiters judge the same lock gone and take it over at once, each creating its lock right after, beside a third
    // process creating it whenever the name is free: nobody releases, so exactly one of them may ever create it (a
    // waiter that removed the winner's fresh lock, judging it the dead one, would let a second in)
    const store = Store.at(root)
    const dead = JSON.parse(holder(deadPid(), hostname(), 'gone')) as {pid: number; host: string; token: string; started: string}
    const made: string[] = []
    for (let round = 0; round < 150; round++) {
      await writeFile(store.lockFile, holder(dead.pid, hostname(), 'gone'))
      const mine = ['w1', 'w2', 'rival'].map((name) => join(root, '.commops', name))
      for (const [i, file] of mine.entries()) await writeFile(file, holder(process.ppid, hostname(), `t${i}`))
      const create = (file: string) =>
        link(file, store.lockFile).then(
          () => 1,
          () => 0,
        )
      let taking = true
      const rival = (async () => {
        let n = 0
        while (taking) n += await create(mine[2])
        return n
      })()
      const waiter = async (file: string) => {
        await takeOver(store.lockFile, dead)
        return create(file)
      }
      const [a, b] = await Promise.all([waiter(mine[0]), waiter(mine[1])])
      taking = false
      const created = a + b + (await rival)
      made.push(`${created}`)
      await rm(store.lockFile, {force: true})
      for (const file of mine) await rm(file, {force: true})
    }
    expect(made.filter((n) => n !== '1')).toEqual([])
    expect((await readdir(join(root, '.commops'))).sort()).toEqual([])
  })

  it('removes a break left by a waiter that died taking over, then takes the lock over', async () => {
    const store = Store.at(root, {lockTimeoutMs: 2000})
    await writeFile(store.lockFile, holder(deadPid()))
    await writeFile(`${store.lockFile}.break`, holder(deadPid(), hostname(), 'waiter'))
    expect(await store.update(addTask)).toBe(1)
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
  })

  it('waits while a live waiter holds the break, taking nothing over', async () => {
    const store = Store.at(root, {lockTimeoutMs: 300})
    await writeFile(store.lockFile, holder(deadPid()))
    await writeFile(`${store.lockFile}.break`, holder(process.ppid, hostname(), 'waiter'))
    await expect(store.update(addTask)).rejects.toMatchObject({msg: {key: 'store.locked'}})
    expect((await readdir(join(root, '.commops'))).sort()).toEqual(['db.json.lock', 'db.json.lock.break'])
  })

  it('takes over a leftover lock that names this very process with another token', async () => {
    const store = Store.at(root, {lockTimeoutMs: 5000})
    await writeFile(store.lockFile, holder(process.pid))
    expect(await store.update(addTask)).toBe(1)
  })

  it('waits for a lock from another machine, and takes it over only after foreignStaleMs', async () => {
    await writeFile(Store.at(root).lockFile, holder(1, 'another-host'))
    await expect(Store.at(root, {lockTimeoutMs: 300, foreignStaleMs: 60_000}).update(addTask)).rejects.toMatchObject({
      msg: {key: 'store.locked', params: {host: 'another-host', pid: 1}},
    })
    await age(Store.at(root).lockFile, 120_000)
    expect(await Store.at(root, {lockTimeoutMs: 300, foreignStaleMs: 60_000}).update(addTask)).toBe(1)
  })

  it('takes over an old lock folder left by an earlier commops, and waits for a fresh one', async () => {
    const store = Store.at(root, {lockTimeoutMs: 300})
    await mkdir(store.lockFile)
    await expect(store.update(addTask)).rejects.toMatchObject({msg: {key: 'store.locked'}})
    await age(store.lockFile, 60_000)
    expect(await store.update(addTask)).toBe(1)
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
  })

  it('refuses a symlinked lock, naming it, and writes nothing', async () => {
    const store = Store.at(root)
    await writeFile(join(elsewhere, 'target'), 'x')
    await symlink(join(root, 'community.yaml'), store.lockFile)
    const error = (await store.update(addTask).catch((e: unknown) => e)) as StoreError
    expect(error).toBeInstanceOf(StoreError)
    expect(error.msg).toEqual({key: 'store.lockSymlink', params: {lock: store.lockFile}})
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json.lock'])
  })

  it('never renames over the store when its lock was taken from it during the update', async () => {
    const store = Store.at(root)
    await store.update(addTask)
    const before = await readFile(store.file, 'utf8')
    const error = await store
      .update(async (db) => {
        addTask(db)
        await writeFile(store.lockFile, holder(process.ppid, hostname(), 'usurper')) // as if another writer took over
      })
      .catch((e: unknown) => e)
    expect(error).toMatchObject({msg: {key: 'store.lockLost'}})
    expect(await readFile(store.file, 'utf8')).toBe(before)
    expect((await readdir(join(root, '.commops'))).sort()).toEqual(['db.json', 'db.json.lock']) // the usurper's lock stays, no temp file
  })
})

describe('temp files', () => {
  it('sweeps temp files left by dead processes on the next write', async () => {
    const store = Store.at(root)
    const dead = deadPid()
    await writeFile(join(root, '.commops', `.db.json.${dead}.0badc0de.tmp`), 'half a store')
    await writeFile(join(root, '.commops', `.db.json.lock.${dead}.0badc0de.tmp`), holder(dead))
    await writeFile(join(root, '.commops', `.db.json.${process.ppid}.0badc0de.tmp`), 'a live writer') // not ours to sweep
    await store.update(addTask)
    expect((await readdir(join(root, '.commops'))).sort()).toEqual([`.db.json.${process.ppid}.0badc0de.tmp`, 'db.json'])
  })
})

describe('confinement of .commops', () => {
  it('refuses a .commops symlinked out of the workspace and writes nothing there', async () => {
    await rm(join(root, '.commops'), {recursive: true})
    await writeFile(join(elsewhere, 'db.json'), '{"precious": true}')
    await symlink(elsewhere, join(root, '.commops'))
    const error = (await Store.at(root)
      .update(addTask)
      .catch((e: unknown) => e)) as CommopsError
    expect(error).toBeInstanceOf(CommopsError)
    expect(error.msg).toEqual({key: 'file.symlinkOut', params: {path: '.commops', target: elsewhere}})
    await expect(Store.at(root).read()).rejects.toMatchObject({msg: {key: 'file.symlinkOut'}})
    expect(await readdir(elsewhere)).toEqual(['db.json'])
    expect(await readFile(join(elsewhere, 'db.json'), 'utf8')).toBe('{"precious": true}')
  })

  it('refuses a db.json symlinked to a secret: prints none of it and copies it nowhere', async () => {
    await writeFile(join(elsewhere, 'id_rsa'), '-----BEGIN PRIVATE KEY----- not json')
    await symlink(join(elsewhere, 'id_rsa'), join(root, '.commops', 'db.json'))
    const error = (await Store.at(root)
      .read()
      .catch((e: unknown) => e)) as CommopsError
    expect(error.msg).toMatchObject({key: 'file.symlinkOut', params: {path: '.commops/db.json'}})
    expect(JSON.stringify(error)).not.toContain('PRIVATE')
    expect(await readdir(join(root, '.commops'))).toEqual(['db.json'])
  })

  it('refuses a backups folder symlinked out', async () => {
    await symlink(elsewhere, join(root, '.commops', 'backups'))
    await writeFile(join(root, '.commops', 'db.json'), 'not json')
    await expect(Store.at(root).read()).rejects.toMatchObject({msg: {key: 'file.symlinkOut', params: {path: '.commops/backups'}}})
    expect(await readdir(elsewhere)).toEqual([])
  })

  it('accepts a symlink that stays inside the workspace', async () => {
    await rm(join(root, '.commops'), {recursive: true})
    await mkdir(join(root, 'state'))
    await symlink(join(root, 'state'), join(root, '.commops'))
    expect(await Store.at(root).update(addTask)).toBe(1)
    expect(await readdir(join(root, 'state'))).toEqual(['db.json'])
  })
})
