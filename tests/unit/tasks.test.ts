import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {UsageError} from '../../src/errors.js'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {Store, type Task} from '../../src/store/index.js'
import {selectTasks} from '../../src/tasks/index.js'
import {findRole, ownedBy, ownerCell, type TeamMember} from '../../src/tasks/roles.js'
import {addTask, assignTasks, completeTasks, editTasks, listTasks, removeTasks} from '../../src/tasks/service.js'
import {planTaskSync} from '../../src/tasks/sync.js'
import {checkTeam} from '../../src/tasks/team-check.js'
import type {Workspace} from '../../src/workspace/index.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

const NOW = new Date('2026-11-30T02:00:00Z')
const TEAM: TeamMember[] = [
  {name: '小王', roles: ['lead']},
  {name: 'Lina', roles: ['版主'], contact: 'wechat:lina'},
  {name: 'Sam', roles: ['moderator', 'content lead']},
]
const task = (id: string, extra: Partial<Task> = {}): Task => ({id, title: id, status: 'open', createdAt: NOW.toISOString(), ...extra})

describe('task owners: people and roles', () => {
  const lead = task('T1', {owner: '运营负责人 / community lead'})
  const mod = task('T2', {owner: '版主 / moderator'})
  const given = task('T3', {owner: '版主 / moderator', assignee: 'Lina'})
  const hand = task('T4', {owner: 'Aisha Bello'})
  const tasks = [lead, mod, given, hand]
  const ids = (who: string, team = TEAM) => selectTasks(tasks, {owner: who, team}).map((t) => t.id)

  it('finds a role by its key, either label, the playbook form or an alias', () => {
    for (const text of ['moderator', '版主', '版主 / moderator', 'MOD', ' Moderator ']) expect(findRole(text)?.key).toBe('moderator')
    expect(findRole('community lead')?.key).toBe('lead')
    expect(findRole('小王')).toBeUndefined()
  })

  it('--owner matches a role in either language, and a person through the team', () => {
    expect(ids('moderator')).toEqual(['T2', 'T3'])
    expect(ids('版主')).toEqual(['T2', 'T3'])
    expect(ids('community lead')).toEqual(['T1'])
    expect(ids('小王')).toEqual(['T1'])
    // Lina holds the role and was given T3; Sam holds it too but T3 went to Lina
    expect(ids('Lina')).toEqual(['T2', 'T3'])
    expect(ids('wechat:lina')).toEqual(['T2', 'T3'])
    expect(ids('Sam')).toEqual(['T2'])
    expect(ids('aisha bello')).toEqual(['T4'])
    expect(ids('小王', [])).toEqual([])
    expect(ids('nobody')).toEqual([])
  })

  it('shows the people next to the role', () => {
    expect(ownerCell(mod, TEAM)).toBe('Lina, Sam (版主 / moderator)')
    expect(ownerCell(given, TEAM)).toBe('Lina (版主 / moderator)')
    expect(ownerCell(lead, [])).toBe('运营负责人 / community lead')
    expect(ownedBy(task('T9', {owner: 'Triage / 分诊'}), '分诊', [])).toBe(true)
  })

  it('warns at the place of a team role no playbook uses, with a suggestion', () => {
    const problems = checkTeam({team: [{name: 'a', roles: ['lead', '版主', 'modrator', 'Triage / moderator']}]})
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({path: '/team/0/roles/2', severity: 'warning', msg: {key: 'community.team.unknownRole'}})
    expect(JSON.stringify(problems[0].hint)).toContain('moderator')
  })
})

describe('step tasks across runs', () => {
  const source = {playbook: 'launch', step: 'setup'}
  const made = (id: string, key: string, extra: Partial<Task> = {}) =>
    task(id, {key, owner: 'lead', due: '2026-12-01', source: {...source, run: 'R1'}, ...extra})

  it('closes what the step no longer asks for; keeps hand edits, done, removed and reopened tasks', () => {
    const tasks = [
      made('T1', 'a', {edited: ['due']}),
      made('T2', 'b'),
      made('T3', 'c', {status: 'done'}),
      made('T4', 'd', {status: 'removed'}),
      made('T5', 'e', {edited: ['status']}),
      task('T6'),
      made('T7', 'f', {source: {playbook: 'launch', step: 'other', run: 'R1'}}),
    ]
    const wanted = [
      {key: 'a', title: 'a', owner: 'moderator', due: '2026-12-05'},
      {key: 'd', title: 'd'},
    ]
    const plan = planTaskSync(tasks, source, wanted)
    expect(plan.create).toEqual([])
    expect(plan.update).toEqual([{id: 'T1', title: 'T1', key: 'a', owner: 'moderator', due: '2026-12-01', reopen: false}])
    expect(plan.obsolete.map((x) => x.id)).toEqual(['T2'])
    // the step no longer applies at all
    expect(planTaskSync(tasks, source, undefined).obsolete.map((x) => x.id)).toEqual(['T1', 'T2'])
  })

  it('reopens an obsolete task the step asks for again, and finds a task under its older key', () => {
    const tasks = [made('T1', 'old-zh', {status: 'obsolete', closedAt: NOW.toISOString()}), made('T2', 'legacy')]
    const plan = planTaskSync(tasks, source, [
      {key: 'new1', aliases: ['old-zh'], title: 'x', owner: 'lead', due: '2026-12-01'},
      {key: 'new2', aliases: ['legacy'], title: 'y', owner: 'lead', due: '2026-12-01'},
    ])
    expect(plan.create).toEqual([])
    expect(plan.obsolete).toEqual([])
    expect(plan.update.map((u) => [u.id, u.key, u.reopen])).toEqual([
      ['T1', 'new1', true],
      ['T2', 'new2', false],
    ])
  })
})

async function run(ws: Workspace, playbook: Playbook, locale: 'en' | 'zh-CN' = 'en', dryRun = false): Promise<Record<string, StepEvent>> {
  const events: Record<string, StepEvent> = {}
  const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars: {}, locale, now: NOW, user: 'tester', dryRun})
  for (let next = await gen.next(); !next.done; next = await gen.next()) if (!('starting' in next.value)) events[next.value.id] = next.value
  return events
}

const pb = (gate: boolean): Playbook =>
  parse(`apiVersion: commops/v1
kind: Playbook
name: t
steps:
  - id: gaps
    uses: tasks.create
    when: ${gate}
    with:
      tasks:
        - {title: {zh-CN: 补齐定位, en: Fill in the profile}, owner: 运营负责人 / community lead, due: +3d}
  - id: rules
    uses: tasks.create
    with:
      tasks:
        - {title: {zh-CN: 置顶群规, en: Pin the rules}, owner: 版主 / moderator, due: +5d}
        - {title: {zh-CN: 开设举报入口, en: Open a reporting channel}, owner: 版主 / moderator, due: +6d}
`) as Playbook

describe('playbook runs and hand edits', () => {
  it('closes the tasks of a step that no longer applies as obsolete, says so, and keeps hand edits and removals', async () => {
    const ws = await sampleWorkspace('en')
    const store = Store.at(ws.root)
    await run(ws, pb(true))
    expect((await store.read()).tasks.map((t) => [t.id, t.title])).toEqual([
      ['T1', 'Fill in the profile'],
      ['T2', 'Pin the rules'],
      ['T3', 'Open a reporting channel'],
    ])
    await assignTasks(store, ws, ['t2'], 'Aisha Bello', {now: NOW})
    await editTasks(store, ws, ['T2'], {due: '2026-12-20', note: 'both groups'}, {now: NOW})
    await removeTasks(store, ['T3'], {now: NOW})

    // a language switch finds the same tasks: nothing new, nothing obsolete
    const zh = await run(ws, pb(true), 'zh-CN')
    expect(zh.rules.diff?.filter((d) => d.includes(' task '))).toEqual([])
    expect((await store.read()).tasks).toHaveLength(3)

    const dry = await run(ws, pb(false), 'en', true)
    expect(dry.gaps.messages).toContain('Closed as obsolete: T1 Fill in the profile')
    expect((await store.read()).tasks[0].status).toBe('open')

    const events = await run(ws, pb(false))
    expect(events.gaps.status).toBe('skipped')
    expect(events.gaps.messages).toContain('Closed as obsolete: T1 Fill in the profile')
    expect(events.gaps.diff).toEqual(['- task T1 "Fill in the profile" (obsolete)'])
    const db = await store.read()
    expect(db.tasks.map((t) => [t.id, t.status])).toEqual([
      ['T1', 'obsolete'],
      ['T2', 'open'],
      ['T3', 'removed'],
    ])
    expect(db.tasks[1]).toMatchObject({assignee: 'Aisha Bello', due: '2026-12-20', note: 'both groups', owner: '版主 / moderator'})
    expect(db.runs.at(-1)?.status).toBe('changed')
    const listed = await listTasks(store, ws, {all: true, now: NOW})
    expect(listed.tasks.map((t) => [t.id, t.status])).toEqual([
      ['T1', 'obsolete'],
      ['T2', 'open'],
    ])
    expect((await listTasks(store, ws, {owner: 'moderator', now: NOW})).tasks.map((t) => t.for)).toEqual(['Aisha Bello (版主 / moderator)'])

    // asked for again: reopened, not duplicated
    await run(ws, pb(true))
    expect((await store.read()).tasks.map((t) => [t.id, t.status])).toEqual([
      ['T1', 'open'],
      ['T2', 'open'],
      ['T3', 'removed'],
    ])
  })
})

describe('task service', () => {
  it('adds a task for a role or a person with a relative due date; a dry run writes nothing and shows the id', async () => {
    const ws = await sampleWorkspace()
    const store = Store.at(ws.root)
    const before = await treeHash(ws.root)
    const dry = await addTask(store, ws, {title: ' Book the venue ', owner: 'mod', due: '7d'}, {now: NOW, dryRun: true})
    expect(await treeHash(ws.root)).toEqual(before)
    expect(dry).toMatchObject({id: 'T1', title: 'Book the venue', owner: '版主 / moderator', due: '2026-12-07'})
    const real = await addTask(store, ws, {title: 'Call 小满', owner: '小满', due: '2026-12-24', note: 'about the rota'}, {now: NOW})
    expect(real).toMatchObject({id: 'T1', assignee: '小满', due: '2026-12-24', note: 'about the rota'})
    expect((await listTasks(store, ws, {owner: '小满', now: NOW})).tasks.map((t) => t.id)).toEqual(['T1'])
  })

  it('refuses bad input with a message key and changes nothing', async () => {
    const ws = await sampleWorkspace()
    const store = Store.at(ws.root)
    await addTask(store, ws, {title: 'one'}, {now: NOW})
    const key = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as UsageError).msg.key
    expect(await key(addTask(store, ws, {title: '  '}, {now: NOW}))).toBe('task.emptyTitle')
    expect(await key(addTask(store, ws, {title: 'x', due: 'tomorrow'}, {now: NOW}))).toBe('task.badDue')
    expect(await key(editTasks(store, ws, ['T1'], {}, {now: NOW}))).toBe('task.editNothing')
    expect(await key(editTasks(store, ws, ['T1', 'T7'], {title: 'two'}, {now: NOW}))).toBe('task.notFound')
    expect(await key(assignTasks(store, ws, ['T1'], ' ', {now: NOW}))).toBe('task.assignWho')
    expect((await store.read()).tasks).toMatchObject([{id: 'T1', title: 'one'}])
  })

  it('removes a hand task outright, and a removed task is gone for every command', async () => {
    const ws = await sampleWorkspace()
    const store = Store.at(ws.root)
    await addTask(store, ws, {title: 'one'}, {now: NOW})
    expect(await removeTasks(store, ['T1'], {now: NOW})).toMatchObject([{task: {id: 'T1'}, remembered: false}])
    expect((await store.read()).tasks).toEqual([])
    await store.update((db) => void db.tasks.push(task('T2', {status: 'removed', source: {playbook: 'p', step: 's', run: 'R1'}})))
    await expect(completeTasks(store, ['T2'], {now: NOW})).rejects.toBeInstanceOf(UsageError)
    expect((await listTasks(store, ws, {all: true, now: NOW})).tasks).toEqual([])
  })

  it('clears owner, due and note with an empty value; reopening a playbook task by hand keeps it open', async () => {
    const ws = await sampleWorkspace()
    const store = Store.at(ws.root)
    await store.update(
      (db) =>
        void db.tasks.push(task('T1', {owner: 'x', due: '2026-12-01', note: 'n', status: 'obsolete', source: {playbook: 'p', step: 's', run: 'R1'}})),
    )
    const [{changed}] = await editTasks(store, ws, ['T1'], {owner: '', due: '', note: ''}, {now: NOW})
    expect(changed).toEqual(['due', 'owner', 'note'])
    await completeTasks(store, ['T1'], {now: NOW, undo: true})
    const [t1] = (await store.read()).tasks
    expect(t1).toMatchObject({status: 'open', edited: ['due', 'owner', 'note', 'status']})
    expect(t1.owner ?? t1.due ?? t1.note).toBeUndefined()
    expect(planTaskSync([t1], {playbook: 'p', step: 's'}, undefined).obsolete).toEqual([])
  })
})
