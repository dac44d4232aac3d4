/** calendar add and rm, in this process: one-off items and removals survive `calendar generate`. */
import {describe, expect, it} from 'vitest'
import CalendarAdd from '../../commands/calendar/add.js'
import CalendarGenerate from '../../commands/calendar/generate.js'
import CalendarRm from '../../commands/calendar/rm.js'
import CalendarSet from '../../commands/calendar/set.js'
import CalendarShow from '../../commands/calendar/show.js'
import {Store} from '../../src/store/index.js'
import {type CliResult, type CommandClass, hasStackTrace, runCommandClass} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

const cli = (cmd: CommandClass, argv: string[], cwd: string): Promise<CliResult> => runCommandClass(cmd, argv, {cwd})
const json = async (cmd: CommandClass, argv: string[], cwd: string) => {
  const r = await cli(cmd, [...argv, '--json'], cwd)
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout)
}
const GENERATE = ['--from', '2026-11-01', '--weeks', '4']
const DOUBLE_11 = ['--date', '2026-11-11', '--time', '20:00', '--title', '双十一直播', '--channel', 'wechat-main', '--pillar', 'promo']

describe('calendar add', () => {
  it('adds a one-off item, prints its id, and regeneration keeps it', async () => {
    const ws = await sampleWorkspace('zh-CN')
    await json(CalendarGenerate, GENERATE, ws.root)
    const before = (await Store.at(ws.root).read()).calendar.length
    const text = await cli(CalendarAdd, [...DOUBLE_11, '--format', 'live', '--owner', '小王'], ws.root)
    expect(text.code, text.stderr).toBe(0)
    const id = `C${before + 1}`
    expect(text.stdout).toContain(`已添加 ${id}：2026-11-11 20:00 双十一直播`)
    const {item} = await json(CalendarAdd, ['--date', '2026-11-12', '--time', '09:00', '--title', 'Recap'], ws.root)
    expect(item).toMatchObject({id: `C${before + 2}`, status: 'planned', manual: true, start: '2026-11-12T09:00:00+08:00'})

    const again = await json(CalendarGenerate, GENERATE, ws.root)
    expect(again.added).toHaveLength(0)
    expect(again.removed).toHaveLength(0)
    const shown = await json(CalendarShow, ['--from', '2026-11-11', '--to', '2026-11-11', '--channel', 'wechat-main'], ws.root)
    expect(shown.items.find((i: {id: string}) => i.id === id)).toMatchObject({
      id,
      title: '双十一直播',
      channel: 'wechat-main',
      pillar: 'promo',
      format: 'live',
      owner: '小王',
      time: '20:00',
      start: '2026-11-11T20:00:00+08:00',
    })
    // An added item can be edited like any other, and is still kept.
    await json(CalendarSet, [id, '--status', 'scheduled'], ws.root)
    await json(CalendarGenerate, GENERATE, ws.root)
    expect((await Store.at(ws.root).read()).calendar.find((i) => i.id === id)).toMatchObject({status: 'scheduled'})
  })

  it('a typo in the channel or a pillar, a bad date or time: usage error exit 2 with a hint, nothing added', async () => {
    const ws = await sampleWorkspace('en')
    const runs = [
      await cli(CalendarAdd, ['--date', '2026-11-11', '--time', '20:00', '--title', 'Launch', '--channel', 'forum-hepl'], ws.root),
      await cli(CalendarAdd, ['--date', '2026-11-11', '--time', '20:00', '--title', 'Launch', '--pillar', 'tutorial'], ws.root),
      await cli(CalendarAdd, ['--date', '2026-11-31', '--time', '20:00', '--title', 'Launch'], ws.root),
      await cli(CalendarAdd, ['--date', '2026-11-11', '--time', '25:00', '--title', 'Launch'], ws.root),
      await cli(CalendarAdd, ['--date', '2026-11-11', '--time', '20:00', '--title', ' '], ws.root),
    ]
    expect(runs.map((r) => r.code)).toEqual([2, 2, 2, 2, 2])
    expect(runs[0].stderr).toContain('forum-help?')
    expect(runs[1].stderr).toContain('tutorials?')
    for (const r of runs) expect(hasStackTrace(r.stderr)).toBe(false)
    expect((await Store.at(ws.root).read()).calendar).toHaveLength(0)
  })
})

describe('calendar rm', () => {
  it('removes items; a removed generated item stays removed when the period is generated again', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const first = await json(CalendarGenerate, GENERATE, ws.root)
    const [a, b] = first.added as Array<{id: string; key: string}>
    const {item: added} = await json(CalendarAdd, DOUBLE_11, ws.root)
    const text = await cli(CalendarRm, [a.id, added.id.toLowerCase()], ws.root)
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain(`已删除 ${a.id}`)
    expect(text.stdout).toContain(`已删除 ${added.id}`)
    expect(text.stdout).toContain('不会再出现')
    const {removed} = await json(CalendarRm, [b.id], ws.root)
    expect(removed.map((i: {id: string}) => i.id)).toEqual([b.id])

    const again = await json(CalendarGenerate, GENERATE, ws.root)
    expect(again.added).toHaveLength(0)
    const db = await Store.at(ws.root).read()
    expect(db.calendar.map((i) => i.id)).not.toContain(a.id)
    expect(db.calendar.map((i) => i.key)).not.toContain(b.key)
    expect(db.calendar).toHaveLength(first.added.length - 2)
    expect(db.calendarRemoved.map((r) => r.key)).toEqual([a.key, b.key])
  })

  it('an unknown id is a usage error (exit 2) naming the closest id; nothing is removed', async () => {
    const ws = await sampleWorkspace('en')
    await json(CalendarGenerate, ['--from', '2026-12-01', '--weeks', '2'], ws.root)
    const before = (await Store.at(ws.root).read()).calendar.length
    const r = await cli(CalendarRm, ['C1', 'CC12'], ws.root)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('CC12')
    expect(r.stderr).toContain('Did you mean C12?')
    expect(hasStackTrace(r.stderr)).toBe(false)
    expect((await Store.at(ws.root).read()).calendar).toHaveLength(before)
    const set = await cli(CalendarSet, ['CC12', '--status', 'published'], ws.root)
    expect(set.code).toBe(2)
    expect(set.stderr).toContain('Did you mean C12?')
  })
})
