/** `events import|list|stats` and `members link` end to end: the compiled CLI in a workspace, as a user runs it. */
import {spawn} from 'node:child_process'
import {readdir, stat, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Store} from '../../src/store/index.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {BIN, baseEnv, hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'
import {HAVE_SAMPLES, SAMPLES} from '../helpers/events.js'

const commops = (args: string[]): Promise<CliResult> => runCli(args, {cwd: ws})

let tmp: string
let ws: string

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'club')
  await initWorkspace({dir: ws, name: 'Club', locale: 'en', timezone: 'Asia/Shanghai', platforms: [], type: 'interest', sample: false})
  await writeFile(
    path.join(ws, 'wechat.csv'),
    [
      '时间,昵称,类型,群',
      '2026-11-01 09:00,小王,发言,wechat-main',
      '2026-11-01 09:05,小李,回复,wechat-main',
      '2026-11-01 09:07,小王,打卡,wechat-main',
    ].join('\n'),
  )
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('events import', () => {
  it('imports a CSV with --map; rejected rows are named with their line on stderr; --json is only JSON', async () => {
    const dry = await commops(['events', 'import', 'wechat.csv', '--map', '时间=ts,昵称=member,类型=type,群=channel', '--dry-run'])
    expect(dry.code).toBe(0)
    expect(dry.stdout).toContain('Dry run: 2 new events from wechat.csv (csv); nothing written')
    expect(dry.stderr).toContain('wechat.csv:4: unknown event type `打卡`')
    const real = await commops([
      'events',
      'import',
      'wechat.csv',
      '--map',
      '时间=ts,昵称=member,类型=type,群=channel',
      '--save-preset',
      'wx',
      '--json',
    ])
    expect(real.code).toBe(0)
    const out = JSON.parse(real.stdout) as Record<string, unknown>
    expect(out).toMatchObject({format: 'csv', batch: 'B1', added: 2, rejectedCount: 1, rejected: [{location: 'wechat.csv:4'}]})
    const again = await commops(['events', 'import', 'wechat.csv', '--preset', 'wx', '--lang', 'zh-CN'])
    expect(again.stdout).toContain('中没有新事件：全部已导入过')
  })

  it('a CSV without a mapping, an unknown file and a missing file are one clear message each', async () => {
    const csv = await commops(['events', 'import', 'wechat.csv'])
    expect(csv.code).toBe(2)
    expect(csv.stderr).toContain('This looks like a CSV file (columns: 时间, 昵称, 类型, 群)')
    await writeFile(path.join(ws, 'odd.json'), '{"hello": 1}')
    const odd = await commops(['events', 'import', 'odd.json'])
    expect(odd.code).toBe(1)
    expect(odd.stderr).toContain('odd.json: Cannot tell which export this is: it looks like JSON with keys hello')
    const missing = await commops(['events', 'import', 'nope.json'])
    expect(missing.code).toBe(1)
    for (const r of [csv, odd, missing]) expect(hasStackTrace(r.stderr)).toBe(false)
  })

  it.skipIf(!HAVE_SAMPLES)('imports the QQ sample, lists and counts; members link makes people of accounts', async () => {
    const qq = await commops(['events', 'import', path.join(SAMPLES, 'qq', 'photo-club.txt'), '--channel', 'qq-photo'])
    expect(qq.code).toBe(0)
    expect(qq.stdout).toMatch(/Imported 235 events .* \(qq\) as batch B2/)
    const list = await commops(['events', 'list', '--member', 'qq:10002', '--last', '3', '--json'])
    const listed = JSON.parse(list.stdout) as {events: Array<{member: string; channel: string}>; matched: number}
    expect(listed.events).toHaveLength(3)
    expect(listed.matched).toBe(40)
    expect(listed.events.every((e) => e.member === 'qq:10002' && e.channel === 'qq-photo')).toBe(true)
    const before = JSON.parse((await commops(['events', 'stats', '--json'])).stdout) as {members: number; people: number; events: number}
    expect(before).toMatchObject({events: 237, members: 11, people: 11})
    const link = await commops(['members', 'link', 'qq:10002', 'csv:小王', '--json'])
    expect(JSON.parse(link.stdout)).toMatchObject({person: {id: 'P1', members: ['qq:10002', 'csv:小王']}})
    const after = JSON.parse((await commops(['events', 'stats', '--json'])).stdout) as {members: number; people: number}
    expect(after).toMatchObject({members: 11, people: 10})
    const text = await commops(['events', 'stats'])
    expect(text.stdout).toContain('237 events in 2 batches')
    expect(text.stdout).toContain('qq-photo')
  })
})

describe('an import killed while it writes', () => {
  it('leaves nothing referenced, and the same import run again completes', async () => {
    const rows = ['time,member,type']
    for (let i = 0; i < 60_000; i++) rows.push(`2026-${String((i % 12) + 1).padStart(2, '0')}-01 10:${String(i % 60).padStart(2, '0')},m${i},post`)
    await writeFile(path.join(ws, 'big.csv'), rows.join('\n'))
    const batchesBefore = (await Store.at(ws).read()).eventBatches.length
    const child = spawn(process.execPath, [BIN, 'events', 'import', 'big.csv', '--preset', 'sheet-en'], {cwd: ws, env: baseEnv(), stdio: 'ignore'})
    const dir = path.join(ws, '.commops', 'events')
    const started = Date.now()
    const temps = async () => (await readdir(dir).catch(() => [] as string[])).filter((n) => n.endsWith('.tmp'))
    // wait until events are being written (the first megabyte flushed), then kill
    const writing = async () => (await Promise.all((await temps()).map((n) => stat(path.join(dir, n)).then((s) => s.size)))).some((size) => size > 0)
    while (!(await writing()) && Date.now() - started < 120_000) await new Promise((r) => setTimeout(r, 20))
    expect(await writing()).toBe(true)
    child.kill('SIGKILL')
    await new Promise((r) => child.once('exit', r))
    expect((await Store.at(ws).read()).eventBatches).toHaveLength(batchesBefore)
    const again = await runCli(['events', 'import', 'big.csv', '--preset', 'sheet-en', '--json'], {cwd: ws, timeoutMs: 200_000})
    expect(again.code).toBe(0)
    expect(JSON.parse(again.stdout)).toMatchObject({added: 60_000})
    expect(await temps()).toEqual([])
  }, 300_000)
})
