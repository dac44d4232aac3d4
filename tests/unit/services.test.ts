import {existsSync} from 'node:fs'
import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {generateCalendar} from '../../src/calendar/service.js'
import {UsageError} from '../../src/errors.js'
import {runPlaybook} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {addIncident, generateRules} from '../../src/rules/service.js'
import {Store} from '../../src/store/index.js'
import {readResponses} from '../../src/survey/io-responses.js'
import {createSurvey, ingestResponses} from '../../src/survey/service.js'
import {completeTasks} from '../../src/tasks/service.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

const NOW = new Date('2026-11-30T02:00:00Z')
const PERIOD = {from: '2026-12-01', to: '2026-12-28'}

afterEach(() => vi.restoreAllMocks())

/** Counts Store.update calls while `fn` runs. */
async function updatesDuring<T>(fn: () => Promise<T>): Promise<{result: T; updates: number}> {
  const spy = vi.spyOn(Store.prototype, 'update')
  const result = await fn()
  const updates = spy.mock.calls.length
  spy.mockRestore()
  return {result, updates}
}

describe('calendar service', () => {
  it('generateCalendar and the calendar.generate step leave the same calendar in the store', async () => {
    const a = await sampleWorkspace()
    const b = await sampleWorkspace()
    await generateCalendar(Store.at(a.root), a.community, {...PERIOD, now: NOW})
    const playbook = {
      apiVersion: 'commops/v1',
      kind: 'Playbook',
      name: 't',
      steps: [{id: 'calendar', uses: 'calendar.generate', with: {from: PERIOD.from, to: PERIOD.to}}],
    } as unknown as Playbook
    const gen = runPlaybook({playbook, ws: b, store: Store.at(b.root), vars: {}, locale: 'zh-CN', now: NOW, user: 'tester'})
    while (!(await gen.next()).done);
    const [dbA, dbB] = [await Store.at(a.root).read(), await Store.at(b.root).read()]
    expect(dbA.calendar.length).toBeGreaterThan(0)
    expect(dbB.calendar).toEqual(dbA.calendar)
    expect(dbB.counters.C).toBe(dbA.counters.C)
  })

  it('writes with exactly one store update; a dry run writes nothing and shows the ids the run then gives', async () => {
    const ws = await sampleWorkspace()
    const store = Store.at(ws.root)
    const before = await treeHash(ws.root)
    const dry = await updatesDuring(() => generateCalendar(store, ws.community, {...PERIOD, now: NOW, dryRun: true}))
    expect(dry.updates).toBe(0)
    expect(await treeHash(ws.root)).toEqual(before)
    const real = await updatesDuring(() => generateCalendar(store, ws.community, {...PERIOD, now: NOW}))
    expect(real.updates).toBe(1)
    expect(real.result.merged.added.map((i) => i.id)).toEqual(dry.result.merged.added.map((i) => i.id))
    expect((await store.read()).calendar.map((i) => i.id)).toEqual(real.result.merged.items.map((i) => i.id))
  })
})

describe('tasks service', () => {
  it('completeTasks marks done at the time given, and an unknown id changes nothing', async () => {
    const ws = await sampleWorkspace()
    const store = Store.at(ws.root)
    await store.update((db) => {
      db.tasks.push({id: 'T1', key: 'k1', title: 'one', status: 'open', createdAt: NOW.toISOString()})
      db.counters.T = 1
    })
    const error = await completeTasks(store, ['T1', 'T9'], {now: NOW}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as UsageError).msg).toMatchObject({key: 'task.notFound', params: {id: 'T9'}})
    expect((await store.read()).tasks[0].status).toBe('open')
    const {result, updates} = await updatesDuring(() => completeTasks(store, ['T1'], {now: NOW}))
    expect(updates).toBe(1)
    expect(result).toMatchObject([{id: 'T1', status: 'done', doneAt: NOW.toISOString()}])
    expect((await completeTasks(store, ['T1'], {undo: true, now: NOW}))[0].status).toBe('open')
  })
})

describe('rules service', () => {
  it('generateRules stores the rule set once; addIncident dry run shows the id the real one gets', async () => {
    const ws = await sampleWorkspace('en')
    const store = Store.at(ws.root)
    const dry = await updatesDuring(() => generateRules(store, ws.community, {locale: 'en', now: NOW, dryRun: true}))
    expect(dry).toMatchObject({updates: 0, result: {changed: true}})
    expect((await store.read()).artifacts.rules).toBeUndefined()
    const first = await updatesDuring(() => generateRules(store, ws.community, {locale: 'en', now: NOW}))
    expect(first).toMatchObject({updates: 1, result: {changed: true}})
    expect((await generateRules(store, ws.community, {locale: 'en', now: NOW})).changed).toBe(false)

    const rule = first.result.data.ruleset.rules[0].id
    const request = {member: 'u42', rule}
    const preview = await addIncident(store, request, {timezone: ws.timezone, now: NOW, dryRun: true})
    expect((await store.read()).incidents).toEqual([])
    const recorded = await updatesDuring(() => addIncident(store, request, {timezone: ws.timezone, now: NOW}))
    expect(recorded.updates).toBe(1)
    expect(recorded.result.id).toBe(preview.id)
    expect(recorded.result.plan.rung.id).toBe(preview.plan.rung.id)
    expect((await store.read()).incidents.map((i) => i.id)).toEqual([preview.id])
  })
})

describe('survey service', () => {
  it('createSurvey dry run shows the id; ingestResponses stores each row once', async () => {
    const ws = await sampleWorkspace('en')
    const store = Store.at(ws.root)
    const request = {source: {template: 'nps'}, defaultLocale: ws.locale, locale: ws.locale, now: NOW} as const
    const dry = await createSurvey(store, ws.community, {...request, dryRun: true})
    expect(Object.keys((await store.read()).surveys)).toEqual([])
    const {result, updates} = await updatesDuring(() => createSurvey(store, ws.community, request))
    expect(updates).toBe(1)
    expect(result.id).toBe(dry.id)

    const full = path.join(ws.root, 'data', 'nps.csv')
    await writeFile(full, 'nps,reason\n9,great\n3,slow\n9,great\n')
    const file = {full, display: 'data/nps.csv', source: 'data/nps.csv'}
    // --strict with a row it cannot read after thousands it can: nothing stored, nothing left on disk (not even a folder)
    const bad = {full: path.join(ws.root, 'data', 'bad.csv'), display: 'data/bad.csv', source: 'data/bad.csv'}
    await writeFile(bad.full, `nps,reason\n${'9,great\n'.repeat(2000)}99,off the scale\n`)
    const refused = await ingestResponses(store, {survey: result.id, file: bad, now: NOW, strict: true})
    expect(refused).toMatchObject({strictFailed: true, added: []})
    expect(existsSync(path.join(ws.root, '.commops', 'responses'))).toBe(false)
    const first = await updatesDuring(() => ingestResponses(store, {survey: result.id, file, now: NOW}))
    expect(first.updates).toBe(1)
    expect(first.result).toMatchObject({duplicates: 0, strictFailed: false})
    expect(first.result.added).toHaveLength(3)
    const again = await ingestResponses(store, {survey: result.id, file, now: NOW})
    expect(again.added).toHaveLength(0)
    expect(again.duplicates).toBe(3)
    expect(await readResponses(store.root, await store.read(), result.id)).toHaveLength(3)
  })
})
