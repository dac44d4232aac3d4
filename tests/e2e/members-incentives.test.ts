/** Members' incentives end to end in one workspace: points → award → levels → gravity → badges → top, then a bad rule. */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'

const commops = (args: string[]): Promise<CliResult> => runCli(args, {cwd: ws})
const json = async <T>(args: string[]): Promise<T> => {
  const r = await commops([...args, '--json'])
  expect(r.code, r.stderr + r.stdout).toBe(0)
  return JSON.parse(r.stdout) as T
}

let tmp: string
let ws: string

// The zh-CN sample scores post 3, reply 2, content_publish 20 (×2 from 11-09 to 11-15), and has ice-breaker and first-post badges.
const EVENTS = [
  {ts: '2026-11-02T10:00:00+08:00', type: 'post', member: 'qq:10002', src: 'a1'},
  {ts: '2026-11-02T10:01:00+08:00', type: 'reply', member: 'qq:10002', src: 'a2'},
  {ts: '2026-11-10T10:01:00+08:00', type: 'content_publish', member: 'qq:10002', src: 'a3'},
  {ts: '2026-11-03T10:01:00+08:00', type: 'post', member: 'wechat:小王', src: 'b1'},
  {ts: '2026-10-03T10:01:00+08:00', type: 'post', member: 'wechat:小李', src: 'c1'},
]

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'club')
  await initWorkspace({dir: ws, name: 'Club', locale: 'zh-CN', timezone: 'Asia/Shanghai', platforms: [], type: 'brand', sample: true})
  await writeFile(path.join(ws, 'ev.ndjson'), EVENTS.map((e) => JSON.stringify(e)).join('\n') + '\n')
  expect((await commops(['events', 'import', 'ev.ndjson'])).code).toBe(0)
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('members incentives', () => {
  it('points → award → levels → gravity → badges → top', async () => {
    const dry = await json<{changed: boolean; dryRun: boolean}>(['members', 'points', '--recompute', '--dry-run'])
    expect(dry).toMatchObject({changed: true, dryRun: true})
    const points = await json<{entries: number; total: number; byType: Record<string, number>; changed: boolean; file: string}>([
      'members',
      'points',
      '--recompute',
    ])
    expect(points).toMatchObject({entries: 5, total: 51, byType: {post: 9, reply: 2, content_publish: 40}, changed: true})
    const ledger = await readFile(path.join(ws, '.commops', 'ledger', points.file))
    const again = await commops(['members', 'points', '--recompute', '--lang', 'en'])
    expect(again.stdout).toContain('Ledger unchanged: 5 entries from events, 0 manual; 3 members, 51 points in all')
    expect(await readFile(path.join(ws, '.commops', 'ledger', points.file))).toEqual(ledger)

    const award = await commops(['members', 'award', 'qq:10002', '--points', '50', '--reason', '线下活动志愿者'])
    expect(award.code, award.stderr).toBe(0)
    expect(award.stdout).toContain('A1：给 qq:10002 记 50 分（线下活动志愿者）')
    expect((await commops(['members', 'award', 'wechat:小王', '--points=-5', '--reason', '刷屏'])).code).toBe(0)
    const noReason = await commops(['members', 'award', 'qq:10002', '--points', '5', '--reason', ' ', '--lang', 'en'])
    expect(noReason.code).toBe(2)
    expect(noReason.stderr).toContain('A reason is required')
    expect(hasStackTrace(noReason.stderr)).toBe(false)
    const member = await json<{points: number; entries: Array<{reason?: string}>}>(['members', 'points', '--member', 'qq:10002'])
    expect(member.points).toBe(95)
    expect(member.entries.at(-1)?.reason).toBe('线下活动志愿者')
    // manual entries survive a recompute
    expect(await json<{manual: number; total: number}>(['members', 'points', '--recompute'])).toMatchObject({manual: 2, total: 96})
    // the summary: when it was computed, in the community's timezone (--json keeps the instant)
    const summary = await json<{computedAt: string; computed: number; manual: number; members: number; total: number}>(['members', 'points'])
    expect(summary).toMatchObject({computed: 5, manual: 2, members: 3, total: 96})
    const local = new Date(Date.parse(summary.computedAt) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')
    expect((await commops(['members', 'points', '--lang', 'en'])).stdout).toContain(
      `Ledger: 5 entries from events (computed ${local} GMT+8), 2 manual; 3 members, 96 points in all`,
    )

    const levels = await json<{
      levels: Array<{id: string; members: number; before: number}>
      movement: {totals: Record<string, number>}
      gravity: object
    }>(['members', 'levels', '--period', '2026-11'])
    // on 11-30 (28 days: 11-03 … 11-30): qq:10002 casual (content_publish 3), 小王 new (first seen 11-03), 小李 dormant
    expect(Object.fromEntries(levels.levels.map((l) => [l.id, [l.members, l.before]]))).toEqual({
      core: [0, 0],
      active: [0, 0],
      new: [1, 0],
      casual: [1, 0],
      dormant: [1, 1],
    })
    expect(levels.movement.totals).toEqual({up: 0, held: 1, down: 0, joined: 2, left: 0})
    expect(levels.gravity).toEqual({now: 1 + 4, before: 0, change: 5})
    const gravity = await json<{movers: {up: Array<{member: string}>}}>(['members', 'gravity', '--period', '2026-11'])
    expect(gravity.movers.up.map((m) => m.member)).toEqual(['qq:10002', 'wechat:小王'])

    const badges = await json<{awarded: Array<{badge: string; member: string}>}>(['members', 'badges'])
    expect(badges.awarded.map((b) => `${b.badge} ${b.member}`).sort()).toEqual(
      [
        'first-post qq:10002',
        'first-post wechat:小李',
        'first-post wechat:小王',
        'ice-breaker qq:10002',
        'ice-breaker wechat:小李',
        'ice-breaker wechat:小王',
      ].sort(),
    )
    const revoke = await commops(['members', 'badges', '--revoke', 'first-post', '--member', 'wechat:小王', '--reason', 'spam'])
    expect(revoke.code, revoke.stderr).toBe(0)
    expect(await json<{awarded: unknown[]}>(['members', 'badges'])).toMatchObject({awarded: []})
    const mine = await json<{member: {badges: Array<{id: string}>}}>(['members', 'badges', '--member', 'wechat:小王'])
    expect(mine.member.badges.map((b) => b.id)).toEqual(['ice-breaker'])
    // the rules ran for everyone: the count says so when one member's badges are asked for
    expect((await commops(['members', 'badges', '--member', 'wechat:小王', '--lang', 'en'])).stdout).toMatch(
      /^0 badge\(s\) awarded across the community/,
    )

    const top = await json<{rows: Array<{member: string; points: number; rank: number}>}>(['members', 'top', '--period', '2026-11', '--limit', '20'])
    expect(top.rows.map((r) => [r.rank, r.member, r.points])).toEqual([
      [1, 'qq:10002', 45],
      [2, 'wechat:小王', 3],
    ])
    const text = await commops(['members', 'top', '--period', '2026-11'])
    const lines = text.stdout.split('\n').filter((l) => /^\d|^#/.test(l))
    expect(lines).toHaveLength(3)
    // CJK-aligned: the points column starts at the same display column on every line
    const col = (l: string) => {
      const i = l.search(/(积分|45|3 )/)
      return [...l.slice(0, i)].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1), 0)
    }
    expect(new Set(lines.map(col)).size).toBe(1)
  })

  it('validate names a bad points rule with its file:line:col', async () => {
    const file = path.join(ws, 'community.yaml')
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('reply: {dailyCap: 10, cooldown: 60}', 'reply: {dailyCap: 10, cooldown: 5x}'))
    const r = await commops(['validate', '--lang', 'en'])
    expect(r.code).toBe(1)
    const line = text.split('\n').findIndex((l) => l.includes('cooldown: 60')) + 1
    expect(r.stdout + r.stderr).toMatch(new RegExp(`community\\.yaml:${line}:\\d+`))
    await writeFile(file, text)
  })
})
