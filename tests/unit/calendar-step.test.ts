import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import ICAL from 'ical.js'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {validateText} from '../helpers/validate.js'
import {Store} from '../../src/store/index.js'
import type {Workspace} from '../../src/workspace/index.js'
import {positionOf} from '../fixtures/index.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

const NOW = new Date('2026-11-30T02:00:00Z')

const PLAYBOOK = parse(`
apiVersion: commops/v1
kind: Playbook
name: t
phase: launch
vars: {start: 2026-12-01, weeks: 4}
steps:
  - id: calendar
    uses: calendar.generate
    with: {from: "\${{ vars.start }}", weeks: "\${{ vars.weeks }}"}
  - id: enough
    uses: assert
    with: {that: "\${{ steps.calendar.outputs.items > 50 }}"}
  - id: export
    uses: export
    with: {artifacts: [calendar], formats: [md, csv, ics]}
`) as Playbook

async function run(ws: Workspace, playbook: Playbook, options: {dryRun?: boolean; vars?: Record<string, unknown>} = {}) {
  const events: StepEvent[] = []
  const gen = runPlaybook({
    playbook,
    ws,
    store: Store.at(ws.root),
    vars: {start: '2026-12-01', weeks: 4, ...options.vars},
    locale: 'zh-CN',
    dryRun: options.dryRun,
    now: NOW,
    user: 'tester',
  })
  for (;;) {
    const next = await gen.next()
    if (next.done) return {record: next.value, byId: Object.fromEntries(events.map((e) => [e.id, e]))}
    if (!('starting' in next.value)) events.push(next.value)
  }
}

describe('calendar.generate step', () => {
  it('dry run shows the added items and writes nothing; a run puts them in the store and exports md, csv and ics; a rerun changes nothing', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const before = await treeHash(ws.root)
    const dry = await run(ws, PLAYBOOK, {dryRun: true})
    expect(dry.byId.calendar.status).toBe('changed')
    expect(dry.byId.calendar.diff).toContainEqual(expect.stringMatching(/^~ calendar 2026-12-01…2026-12-28: \+59 ~0 -0 =0$/))
    expect(dry.byId.calendar.diff).toContainEqual(expect.stringMatching(/^\+ calendar C1 2026-12-01 10:00 /))
    expect(await treeHash(ws.root)).toEqual(before)

    const first = await run(ws, PLAYBOOK)
    expect(first.record.status).toBe('changed')
    const outputs = first.byId.calendar.outputs as {items: number; byPillar: Record<string, number>; byChannel: Record<string, number>}
    expect(outputs.items).toBe(59)
    expect(outputs.byPillar['daily-topic']).toBe(28)
    expect(outputs.byChannel['wechat-main']).toBe(44)
    const db = await Store.at(ws.root).read()
    expect(db.calendar).toHaveLength(59)
    expect(db.calendar.map((i) => i.id)).toEqual(Array.from({length: 59}, (_, i) => `C${i + 1}`))
    const ics = await readFile(path.join(ws.root, 'out', 't-calendar.ics'), 'utf8')
    expect(new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent')).toHaveLength(59)
    expect(existsSync(path.join(ws.root, 'out', 't-calendar.md'))).toBe(true)
    expect((await readFile(path.join(ws.root, 'out', 't-calendar.csv'), 'utf8')).charCodeAt(0)).toBe(0xfeff)

    const second = await run(ws, PLAYBOOK)
    expect(Object.values(second.byId).map((e) => e.status)).toEqual(['ok', 'ok', 'ok'])
    expect((await Store.at(ws.root).read()).calendar).toEqual(db.calendar)
  })

  it('an edit made between runs is kept; the export reflects it', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await run(ws, PLAYBOOK)
    await Store.at(ws.root).update((db) => {
      Object.assign(
        db.calendar.find((i) => i.id === 'C3')!,
        {status: 'published', owner: '小王'},
      )
    })
    const again = await run(ws, PLAYBOOK)
    expect(again.byId.calendar.status).toBe('changed')
    const db = await Store.at(ws.root).read()
    expect(db.calendar.find((i) => i.id === 'C3')).toMatchObject({status: 'published', owner: '小王'})
    expect(db.calendar).toHaveLength(59)
    expect(await readFile(path.join(ws.root, 'out', 't-calendar.md'), 'utf8')).toMatch(/\| C3 \|.*\| 小王 \| 已发布 \|/)
  })

  it('a bad input fails the step with a message', async () => {
    const ws = await sampleWorkspace('en')
    const bad = await run(ws, PLAYBOOK, {vars: {start: '2026-02-30'}})
    expect(bad.byId.calendar.status).toBe('failed')
    expect(bad.byId.calendar.error?.message).toContain('2026-02-30')
  })
})

describe('commops validate: cadences in community.yaml', () => {
  it('a bad cadence is an error at community.yaml:LINE:COL, inside the string', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const text = (await readFile(ws.communityFile, 'utf8'))
      .replace('cadence: weekly on tue 20:00', 'cadence: weekly on tuesdya 20:00')
      .replace('BYDAY=2SA', 'BYDAY=2XX')
    const {problems} = validateText(text, 'community.yaml', 'en')
    const cadence = problems.filter((p) => p.rule === 'calendar.cadence')
    expect(cadence.map((p) => [p.line, p.col])).toEqual([
      [positionOf(text, 'tuesdya').line, positionOf(text, 'tuesdya').col],
      [positionOf(text, '2XX').line, positionOf(text, 'BYDAY=2XX', {shift: 6}).col],
    ])
    expect(cadence[0].message).toContain('tuesdya')
    expect(cadence[0].hint).toContain('tuesday')
  })

  it('the shipped samples and starters have no cadence problems', async () => {
    for (const name of ['community/sample.zh-CN.yaml', 'community/sample.en.yaml', 'init/community.zh-CN.yaml', 'init/community.en.yaml']) {
      const text = await readFile(path.join(import.meta.dirname, '../../templates', name), 'utf8')
      const {problems} = validateText(text, name, 'en')
      expect(problems.filter((p) => p.rule.startsWith('calendar.'))).toEqual([])
    }
  })
})
