import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {CommopsError} from '../../src/errors.js'
import {parse} from 'yaml'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {Store, type Db} from '../../src/store/index.js'
import {sampleWorkspace} from '../helpers/workspace.js'
import {contentHash, writeOwnedFile} from '../../src/util/owned-file.js'
import {makeTempDir, removeDir} from '../helpers/cli.js'

// A file commops writes stays commops' file whatever happens between writing it and recording it.

let root: string
let full: string
beforeEach(async () => {
  root = await makeTempDir('commops-owned-')
  await writeFile(path.join(root, 'community.yaml'), 'apiVersion: commops/v1\nkind: Community\n')
  await mkdir(path.join(root, 'out'))
  full = path.join(root, 'out', 'rules.md')
})
afterEach(async () => {
  await removeDir(root)
})

/** The store, except that the process "dies" inside the update during which (or after which) `text` landed on disk. */
function crashingOnce(store: Store, text: string, when: 'after-write' | 'before-write', file = () => full): Store {
  let crashed = false
  const crashing = Object.create(store) as Store
  crashing.update = <T>(fn: (db: Db) => T | Promise<T>) =>
    store.update(async (db) => {
      const result = await fn(db)
      const onDisk = await readFile(file(), 'utf8').catch(() => undefined)
      const landed = onDisk?.includes(text) ?? false
      if (!crashed && (when === 'after-write' ? landed : !landed)) {
        crashed = true
        throw new Error('killed') // the store's write never happens
      }
      return result
    })
  return crashing
}

describe('writeOwnedFile', () => {
  it("a crash between writing the file and recording it leaves the file commops's own", async () => {
    const store = Store.at(root)
    await writeOwnedFile(store, 'out/rules.md', 'v1\n', {cwd: root})
    await expect(writeOwnedFile(crashingOnce(store, 'v2\n', 'after-write'), 'out/rules.md', 'v2\n', {cwd: root})).rejects.toThrow('killed')
    expect(await readFile(full, 'utf8')).toBe('v2\n')
    // the next export may replace it: commops wrote v2, so it still owns it
    await writeOwnedFile(store, 'out/rules.md', 'v3\n', {cwd: root})
    expect(await readFile(full, 'utf8')).toBe('v3\n')
    expect((await store.read()).files['out/rules.md']).toMatchObject({hash: contentHash('v3\n')})
    expect((await store.read()).files['out/rules.md'].pending).toBeUndefined()
  })

  it("a crash before the write keeps the old file owned, and a user's edit is still never overwritten", async () => {
    const store = Store.at(root)
    await writeOwnedFile(store, 'out/rules.md', 'v1\n', {cwd: root})
    await expect(writeOwnedFile(crashingOnce(store, 'v2\n', 'before-write'), 'out/rules.md', 'v2\n', {cwd: root})).rejects.toThrow('killed')
    expect(await readFile(full, 'utf8')).toBe('v1\n')
    await writeFile(full, 'my own edit\n')
    const refused = await writeOwnedFile(store, 'out/rules.md', 'v3\n', {cwd: root}).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(CommopsError)
    expect((refused as CommopsError).msg.key).toBe('run.notOwned')
    expect(await readFile(full, 'utf8')).toBe('my own edit\n')
  })

  it('concurrent writers of one file leave the store recording exactly what is on disk', async () => {
    const store = Store.at(root)
    await Promise.all(Array.from({length: 6}, (_, i) => writeOwnedFile(Store.at(root), 'out/rules.md', `v${i}\n`, {cwd: root})))
    const onDisk = await readFile(full, 'utf8')
    const owned = (await store.read()).files['out/rules.md']
    expect(owned.hash).toBe(contentHash(onDisk))
    expect(owned.pending).toBeUndefined()
  })
})

describe("the runner's exports", () => {
  const PB = parse(
    'apiVersion: commops/v1\nkind: Playbook\nname: t\nphase: launch\nvars: {m: {type: string, default: a}}\nsteps:\n  - {id: hello, uses: note, with: {message: "say ${{ vars.m }}"}}\n  - {id: export, uses: export, with: {artifacts: [hello], formats: [md]}}\n',
  ) as Playbook

  async function run(store: Store, m: string): Promise<StepEvent[]> {
    const events: StepEvent[] = []
    const gen = runPlaybook({playbook: PB, ws: workspace, store, vars: {m}, locale: 'en', user: 'tester'})
    for (let next = await gen.next(); !next.done; next = await gen.next()) if (!('starting' in next.value)) events.push(next.value)
    return events
  }
  let workspace: Awaited<ReturnType<typeof sampleWorkspace>>

  it('a crash between writing an export and recording it does not make the next run refuse the file', async () => {
    workspace = await sampleWorkspace('en')
    const store = Store.at(workspace.root)
    const file = () => path.join(workspace.root, 'out', 't-hello.md')
    expect((await run(store, 'a')).map((e) => e.status)).toEqual(['changed', 'changed'])
    const crashed = await run(crashingOnce(store, 'say b', 'after-write', file), 'b')
    expect(crashed[1].status).toBe('failed')
    expect(await readFile(file(), 'utf8')).toContain('say b')
    const next = await run(store, 'c')
    expect(next[1].error?.message).toBeUndefined()
    expect(next.map((e) => e.status)).toEqual(['changed', 'changed'])
    expect(await readFile(file(), 'utf8')).toContain('say c')
  })
})
