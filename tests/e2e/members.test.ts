/** `members import|list|show|segments|export` end to end: the compiled CLI in the sample workspace, as a user runs it. */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'

let tmp: string
let ws: string
const commops = (args: string[]): Promise<CliResult> => runCli(args, {cwd: ws})
const json = <T>(r: CliResult): T => {
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as T
}

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'club')
  await initWorkspace({dir: ws, name: 'Club', locale: 'zh-CN', timezone: 'Asia/Shanghai', platforms: [], type: 'interest', sample: true})
  expect((await commops(['events', 'import', 'data/activity.ndjson'])).code).toBe(0)
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('members records in the sample workspace', () => {
  it('imports the sample sheet, then a sheet with a bad row: the row named with file:line on stderr, the rest kept', async () => {
    const first = json<{added: number; links: number; rejected: unknown[]}>(await commops(['members', 'import', 'data/members.csv', '--json']))
    const sheet = await readFile(path.join(ws, 'data', 'members.csv'), 'utf8')
    const qqs = sheet.split('\n').filter((l) => /^M\d+,[^,]*,[^,]*,\d+,/.test(l)).length
    expect(first).toMatchObject({added: 250, links: qqs, rejected: []})
    await writeFile(path.join(ws, 'more.csv'), '编号,姓名,地区,加入时间\nM001,彭若曦,杭州,2026-06-01\nM900,新人,上海,明天\n')
    const more = await commops(['members', 'import', 'more.csv'])
    expect(more.code).toBe(0)
    expect(more.stdout).toContain('更新 1')
    expect(more.stderr).toContain('more.csv:3: 加入时间 列的加入时间 `明天` 无法识别')
  })

  it('lists, shows and groups members, with the activity of their events', async () => {
    const list = json<{members: Array<{id: string; region?: string; lastSeen?: string}>; matched: number; total: number}>(
      await commops(['members', 'list', '--region', '杭州', '--sort', 'last-seen', '--limit', '3', '--json']),
    )
    expect(list.members[0]).toBeDefined()
    expect(list.members.map((m) => m.region)).toEqual(Array(list.members.length).fill('杭州'))
    expect(list.members.map((m) => m.lastSeen)).toEqual([...list.members.map((m) => m.lastSeen)].sort().reverse())
    expect(list.total).toBe(250)
    const text = await commops(['members', 'list', '--limit', '2'])
    expect(text.stdout).toMatch(/编号\s+姓名\s+地区/)

    const show = json<{id: string; region: string; activity: {events: number; longestWeeklyStreak: number}}>(
      await commops(['members', 'show', 'wechat:彭若曦', '--json']),
    )
    expect(show).toMatchObject({id: 'M001', region: '杭州'})
    expect(show.activity.events).toBeGreaterThan(0)
    const missing = await commops(['members', 'show', 'qq:404'])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('没有成员 qq:404')
    expect(hasStackTrace(missing.stderr)).toBe(false)

    const seg = json<{total: number; segments: Array<{values: Record<string, string | null>; count: number; small: boolean}>}>(
      await commops(['members', 'segments', '--by', '地区', '--period', '2026-Q3', '--json']),
    )
    expect(seg.total).toBe(250) // every person of the activity has a record; M900 of more.csv was rejected
    expect(seg.segments.reduce((n, s) => n + s.count, 0)).toBe(seg.total)
    expect(seg.segments.every((s) => s.small === s.count < 5)).toBe(true)
  })

  it('exports only the asked fields; anonymized it holds no id or name of the sheet', async () => {
    const r = await commops(['members', 'export', '--fields', 'id,name,地区', '--anonymize', '--out', 'out/members.csv'])
    expect(r.code, r.stderr).toBe(0)
    const csv = await readFile(path.join(ws, 'out', 'members.csv'), 'utf8')
    expect(csv.split('\n')[0]).toBe('id,name,region')
    const sheet = (await readFile(path.join(ws, 'data', 'members.csv'), 'utf8')).split('\n').slice(1, 40)
    for (const line of sheet) {
      const [id, name] = line.split(',')
      expect(csv).not.toContain(`${id},`)
      expect(csv).not.toContain(name)
    }
    const unknown = await commops(['members', 'export', '--fields', 'id,shoe_size'])
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('shoe_size')
  })

  it('lists, shows, groups and exports members by their points, level, title and badges', async () => {
    expect((await commops(['members', 'points', '--recompute'])).code).toBe(0)
    type Item = {id: string; key: string; extras?: {points?: number; level?: string; level_name?: string; title?: string}}
    const top = json<{members: Item[]}>(await commops(['members', 'list', '--sort', 'points', '--limit', '10', '--json']))
    const points = top.members.map((m) => m.extras?.points ?? 0)
    expect(points[0]).toBeGreaterThan(0)
    expect(points).toEqual([...points].sort((a, b) => b - a))
    const board = json<{rows: Array<{member: string; name?: string}>}>(
      await commops(['members', 'top', '--period', '2026-09', '--limit', '3', '--json']),
    )
    expect(board.rows[0].name).toBeTruthy() // the record's name beside the identity
    // a period without points names the month of the latest events to look at instead
    const empty = await commops(['members', 'top', '--period', '2026-11'])
    expect(empty.stdout).toContain('commops members top --period 2026-09')
    // so do levels and gravity measured over a window with no events (everyone would seem dormant)
    expect(json<{latestMonth?: string}>(await commops(['members', 'levels', '--period', '2026-11', '--json'])).latestMonth).toBe('2026-09')
    expect(json<{latestMonth?: string}>(await commops(['members', 'levels', '--period', '2026-09', '--json'])).latestMonth).toBeUndefined()
    expect((await commops(['members', 'gravity', '--period', '2026-11'])).stdout).toContain('commops members gravity --period 2026-09')
    // a mover with no level before is new since, one with none after has left since
    const movers = (await commops(['members', 'gravity', '--period', '2026-09'])).stdout
    expect(movers).toMatch(/新出现 +\S+ +0 → /)
    expect(movers).not.toContain('—')
    const leader = json<{points: number}>(await commops(['members', 'points', '--member', top.members[0].key, '--json']))
    expect(points[0]).toBe(leader.points)

    const levels = json<{segments: Array<{values: Record<string, string | null>; count: number}>}>(
      await commops(['members', 'segments', '--by', 'level', '--json']),
    )
    // the sample's activity is in the past: today most of its members are dormant
    const level = levels.segments.find((s) => s.values.level && s.count > 0)!
    const levelList = json<{members: Item[]; matched: number}>(await commops(['members', 'list', '--level', level.values.level!, '--json']))
    expect(levelList.matched).toBe(level.count)
    expect(levelList.members.every((m) => m.extras?.level === level.values.level)).toBe(true)
    // the table names the level as members list does, not by its id
    const levelTable = await commops(['members', 'segments', '--by', 'level'])
    expect(levelTable.stdout).toContain(levelList.members[0].extras!.level_name!)
    expect(levelTable.stdout).not.toContain(level.values.level!)
    // its header names the attribute in the workspace's language, and the hint the month of the latest events
    expect(levelTable.stdout.split('\n')[0]).toMatch(/^参与等级 /)
    expect(levelTable.stdout).toContain('commops members segments --by level --period 2026-09')

    const show = json<Item & {recentPoints: Array<{points: number}>}>(await commops(['members', 'show', top.members[0].id, '--json']))
    expect(show.extras?.points).toBe(points[0])
    expect(show.recentPoints).toHaveLength(5)
    const text = await commops(['members', 'show', top.members[0].id])
    expect(text.stdout).toContain(`积分: ${points[0]}`)
    expect(text.stdout).toMatch(/积分明细（最近 5 条，共 \d+ 条/)
    // the amounts (+2, +0.5 …) in one column: every source starts at the same place
    const ledgerLines = text.stdout.split('\n').filter((l) => /^ {2}\d{4}-\d{2}-\d{2} {2}[+-]?\d/.test(l))
    expect(ledgerLines).toHaveLength(5)
    expect(new Set(ledgerLines.map((l) => /^ {2}\S+ {2}\S+ +/.exec(l)![0].length)).size).toBe(1)
    // badges by name, as members badges shows them
    expect((await commops(['members', 'badges'])).code).toBe(0)
    const badged = await commops(['members', 'show', top.members[0].id])
    expect(badged.stdout).toMatch(/勋章: (.+、)?首帖/)
    expect(badged.stdout).not.toContain('first-post')
    // a member whose latest event was leave has no level, and is said to have left
    const all = json<{members: Item[]}>(await commops(['members', 'list', '--limit', '1000', '--json'])).members
    const gone = all.filter((m) => m.extras?.level_name === '已离开')
    // levels are today's, and the sample's events are older than 30 days: the list says so, naming their month
    expect(json<{latestMonth?: string}>(await commops(['members', 'list', '--limit', '1', '--json'])).latestMonth).toBe('2026-09')
    expect((await commops(['members', 'list', '--level', 'core'])).stdout).toContain('commops members levels --period 2026-09')
    expect(gone.length).toBeGreaterThan(0)
    expect(gone.every((m) => m.extras?.level === undefined)).toBe(true)
    expect((await commops(['members', 'show', gone[0].id])).stdout).toContain('参与等级: 已离开')
    // segments by level group them apart from members never active, named as the list names them
    const leftRow = levels.segments.find((s) => (s as {absent?: Record<string, string>}).absent?.level === 'left')
    expect(leftRow?.values.level).toBeNull()
    expect(leftRow?.count).toBe(gone.length)
    expect(levelTable.stdout).toMatch(new RegExp(`\\n已离开 +${gone.length} `))
    const table = await commops(['members', 'list', '--sort', 'points', '--limit', '3'])
    expect(table.stdout).toMatch(/等级\s+积分/)

    const r = await commops(['members', 'export', '--format', 'json', '--fields', 'id,points,level,title'])
    expect(r.code, r.stderr).toBe(0)
    const rows = JSON.parse(r.stdout) as Array<{id: string; points?: number | string; level?: string}>
    expect(rows.find((x) => x.id === top.members[0].id)).toMatchObject({level: expect.any(String)})
    expect(Number(rows.find((x) => x.id === top.members[0].id)?.points)).toBe(points[0])
  })
})
