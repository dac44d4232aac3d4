/**
 * The incentive ledger and the event import under pressure, through the CLI: many `members award` processes at once
 * beside a recompute and another update, and processes killed (-9) at random moments during awards, recomputes and
 * imports of a few MB. Counts are modest by default; COMMOPS_STRESS=1 runs the full ones (100 awards, ~100 kills).
 */
import {spawn} from 'node:child_process'
import {mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {Store, type Db} from '../../src/store/index.js'
import {BIN, baseEnv, runCli, type CliResult} from '../helpers/cli.js'

const FULL = Boolean(process.env.COMMOPS_STRESS)
const AWARDS = FULL ? 100 : 30
/** Kill trials of each kind (award, badge given, import, recompute with new events, recompute with none). */
const ROUNDS = FULL ? 20 : 4
/** Events per imported file: ~2.4 MB of NDJSON. */
const EVENTS = 30_000

let base: string
beforeAll(async () => {
  base = await mkdtemp(path.join(tmpdir(), 'commops-members-stress-'))
})
afterAll(async () => {
  await rm(base, {recursive: true, force: true})
})

const cli = (root: string, args: string[]): Promise<CliResult> => runCli(args, {cwd: root, timeoutMs: 120_000})
async function ok(root: string, args: string[]): Promise<CliResult> {
  const r = await cli(root, args)
  expect(r.code, `commops ${args.join(' ')}: ${r.stderr}${r.stdout}`).toBe(0)
  return r
}
const json = async <T>(root: string, args: string[]): Promise<T> => JSON.parse((await ok(root, [...args, '--json'])).stdout) as T

/** An NDJSON file of `EVENTS` posts and replies by 700 members, their srcs tagged so no two files share one. */
async function eventsFile(root: string, tag: string): Promise<string> {
  const lines: string[] = []
  for (let i = 0; i < EVENTS; i++) {
    const month = String((i % 12) + 1).padStart(2, '0')
    lines.push(
      JSON.stringify({ts: `2026-${month}-0${(i % 9) + 1}T10:00:00Z`, type: i % 2 ? 'reply' : 'post', member: `qq:${i % 700}`, src: `${tag}-${i}`}),
    )
  }
  const name = `${tag}.ndjson`
  await writeFile(path.join(root, name), lines.join('\n') + '\n')
  return name
}

/** A workspace with one file of events imported and its ledger computed. */
async function workspace(name: string): Promise<string> {
  const root = path.join(base, name)
  expect((await runCli(['init', root, '--yes', '--name', 'Demo', '--lang', 'en'])).code).toBe(0)
  await ok(root, ['events', 'import', await eventsFile(root, 'e0')])
  await ok(root, ['members', 'points', '--recompute'])
  return root
}

/** The index, parsed (a torn db.json fails here). */
const readDb = async (root: string): Promise<Db> => JSON.parse(await readFile(Store.at(root).file, 'utf8')) as Db

/** The manual ledger's counted lines, each parsed. */
const manualEntries = (root: string, db: Db) => incentiveLines<{id: string; member: string; points: number; reason: string}>(root, db, 'manual')

/** The counted lines of an append-only incentive file, each parsed. */
async function incentiveLines<T>(root: string, db: Db, kind: 'manual' | 'badges'): Promise<T[]> {
  const index = db.incentives[kind]
  if (!index) return []
  const buf = await readFile(path.join(root, '.commops', 'ledger', index.file))
  const lines = buf.subarray(0, index.bytes).toString('utf8').split('\n').filter(Boolean)
  expect(lines).toHaveLength(index.entries)
  return lines.map((l) => JSON.parse(l) as T)
}

/** Temp and lock files left in the store's folders. */
async function strays(root: string, o: {afterKill?: boolean} = {}): Promise<string[]> {
  const found: string[] = []
  for (const dir of ['.commops', '.commops/ledger', '.commops/events']) {
    for (const name of await readdir(path.join(root, dir)).catch(() => [] as string[])) {
      if (!(name.endsWith('.tmp') || name.includes('.lock') || name.endsWith('.break'))) continue
      // a process killed after its commit and before it let go of the lock leaves the lock naming it: the next command
      // takes such a lock over at once (store-stress.test.ts), so right after a kill it is no stray
      if (o.afterKill && name.endsWith('.lock') && (await deadOwner(path.join(root, dir, name)))) continue
      found.push(`${dir}/${name}`)
    }
  }
  return found
}

/** Whether a lock file names a process that is gone. */
async function deadOwner(lock: string): Promise<boolean> {
  let pid: unknown
  try {
    pid = (JSON.parse(await readFile(lock, 'utf8')) as {pid?: unknown}).pid
  } catch {
    return false
  }
  if (typeof pid !== 'number') return false
  try {
    process.kill(pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

/** Starts `commops ...args` in root and kills it (-9) after `ms`; resolves once it is gone, with whether it finished first. */
function killedAfter(root: string, args: string[], ms: number): Promise<boolean> {
  const child = spawn(process.execPath, [BIN, ...args], {cwd: root, env: baseEnv(), stdio: 'ignore'})
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      if (signal === null && code !== 0) reject(new Error(`commops ${args.join(' ')} exited with ${code}`))
      resolve(signal === null)
    })
  })
}

const totalEvents = (db: Db): number => db.eventBatches.reduce((n, b) => n + b.events, 0)

describe('concurrent members awards', () => {
  it(`lose none: ${AWARDS} award processes beside a recompute, badges given, a link and a calendar add`, {timeout: 240_000}, async () => {
    const root = await workspace('concurrent')
    const before = await json<{total: number; manual: number}>(root, ['members', 'points'])
    expect(before.manual).toBe(0)
    const commands = Array.from({length: AWARDS}, (_, i) => ['members', 'award', `qq:${i % 40}`, '--points', String(i + 1), '--reason', `r${i}`])
    // started among the awards: a recompute (which reads the ledger before taking the lock) and another kind of update
    commands.splice(AWARDS >> 1, 0, ['members', 'points', '--recompute'])
    commands.push(['calendar', 'add', '--title', 'beside', '--date', '2026-12-15', '--time', '10:00'])
    // and the other updates of the incentive files and the links: badges given by hand, two identities linked
    for (let b = 0; b < 5; b++)
      commands.splice(b * 6, 0, ['members', 'badges', '--award', 'first-post', '--member', `qq:${600 + b}`, '--reason', `b${b}`])
    commands.push(['members', 'link', 'qq:500', 'qq:501'])
    for (const r of await Promise.all(commands.map((args) => cli(root, args)))) expect(r.code, `${r.stderr}${r.stdout}`).toBe(0)

    const db = await readDb(root)
    const entries = await manualEntries(root, db)
    expect(entries.map((e) => e.reason).sort()).toEqual(Array.from({length: AWARDS}, (_, i) => `r${i}`).sort())
    expect(new Set(entries.map((e) => e.id)).size).toBe(AWARDS)
    for (const e of entries) {
      const i = Number(e.reason.slice(1))
      expect(e).toMatchObject({member: `qq:${i % 40}`, points: i + 1})
    }
    expect(db.calendar.map((c) => c.title)).toEqual(['beside'])
    const badges = await incentiveLines<{op: string; member: string; reason?: string}>(root, db, 'badges')
    expect(badges.map((b) => `${b.op} ${b.member} ${b.reason}`).sort()).toEqual([0, 1, 2, 3, 4].map((b) => `award qq:${600 + b} b${b}`))
    expect(db.memberLinks.map((p) => [...p.members].sort())).toEqual([['qq:500', 'qq:501']])
    const after = await json<{total: number; manual: number}>(root, ['members', 'points'])
    expect(after.manual).toBe(AWARDS)
    expect(after.total).toBe(before.total + (AWARDS * (AWARDS + 1)) / 2)
    // one member's own view adds up as well
    const member = await json<{points: number; entries: Array<{reason?: string}>}>(root, ['members', 'points', '--member', 'qq:0'])
    const mine = entries.filter((e) => e.member === 'qq:0')
    expect(member.entries.filter((e) => e.reason?.startsWith('r')).length).toBe(mine.length)
    expect(await strays(root)).toEqual([])
  })
})

describe('a recompute killed before its commit', () => {
  it('leaves temp files the next recompute removes, even when it finds nothing new', {timeout: 60_000}, async () => {
    const root = await workspace('orphan')
    // what a recompute killed while writing leaves: its ledger and month totals under temp names carrying its pid
    const gone = spawn(process.execPath, ['-e', ''])
    await new Promise((r) => gone.once('close', r))
    const ledger = path.join(root, '.commops', 'ledger')
    for (const name of ['computed.ndjson', 'computed-0123456789abcdef.months.json'])
      await writeFile(path.join(ledger, `.${name}.${gone.pid}.0badf00d.tmp`), '{"ts":"2026-01-01')
    expect(await strays(root)).toHaveLength(2)
    expect(await json<{changed: boolean}>(root, ['members', 'points', '--recompute'])).toMatchObject({changed: false})
    expect(await strays(root)).toEqual([])
  })
})

describe('kill -9 during awards, recomputes and imports', () => {
  it(
    `${ROUNDS} rounds of 5 kills: the store and ledger parse, the next command works at once, an import re-runs without duplicates`,
    {timeout: 600_000},
    async () => {
      const root = await workspace('killed')
      let awards = 0
      /** After a kill: everything parses, `members points`/`members show` work, and the manual ledger holds each award once. */
      const intact = async (): Promise<Db> => {
        const db = await readDb(root)
        const entries = await manualEntries(root, db)
        const reasons = entries.map((e) => e.reason)
        expect(new Set(reasons).size).toBe(reasons.length)
        for (let i = 0; i < awards; i++) expect(reasons, `award k${i}`).toContain(`k${i}`)
        await json(root, ['members', 'points'])
        await json(root, ['members', 'show', 'qq:1'])
        return db
      }
      for (let round = 0; round < ROUNDS; round++) {
        // an award: committed whole or not at all
        const done = await killedAfter(root, ['members', 'award', 'qq:1', '--points', '3', '--reason', `k${awards}`], 60 + Math.random() * 200)
        const db = await intact()
        const landed = (await manualEntries(root, db)).some((e) => e.reason === `k${awards}`)
        if (done) expect(landed).toBe(true)
        if (!landed) await ok(root, ['members', 'award', 'qq:1', '--points', '3', '--reason', `k${awards}`])
        awards++
        expect(await strays(root, {afterKill: true})).toEqual([])

        // a badge given by hand (the badges file is appended as the manual ledger is)
        const given = ['members', 'badges', '--award', 'first-post', '--member', `qq:${100 + round}`, '--reason', `g${round}`]
        const gaveDone = await killedAfter(root, given, 60 + Math.random() * 200)
        const held = (await incentiveLines<{reason?: string}>(root, await intact(), 'badges')).filter((b) => b.reason === `g${round}`)
        expect(held.length).toBeLessThanOrEqual(1)
        if (gaveDone) expect(held).toHaveLength(1)
        if (held.length === 0) await ok(root, given)
        const badges = await incentiveLines<{member: string; reason?: string}>(root, await readDb(root), 'badges')
        expect(badges.filter((b) => b.reason?.startsWith('g')).map((b) => b.member)).toEqual(
          Array.from({length: round + 1}, (_, r) => `qq:${100 + r}`),
        )
        expect(await strays(root, {afterKill: true})).toEqual([])

        // an import of a few MB: re-run, it adds exactly what is missing
        const file = await eventsFile(root, `e${round + 1}`)
        const expected = EVENTS * (round + 2)
        await killedAfter(root, ['events', 'import', file], 100 + Math.random() * 500)
        const killed = await intact()
        // the batch is committed whole or not at all
        const committed = totalEvents(killed) === expected
        if (!committed) expect(totalEvents(killed)).toBe(expected - EVENTS)
        const again = await json<{added: number; duplicates: number}>(root, ['events', 'import', file])
        expect(again).toMatchObject(committed ? {added: 0, duplicates: EVENTS} : {added: EVENTS, duplicates: 0})
        const afterImport = await readDb(root)
        expect(totalEvents(afterImport)).toBe(expected)
        expect(afterImport.eventBatches.length).toBe(killed.eventBatches.length + (committed ? 0 : 1))
        expect(await strays(root, {afterKill: true})).toEqual([])

        // a recompute with new events to score, then one with nothing new: the next recompute leaves no orphan behind
        for (const what of ['changed', 'unchanged']) {
          await killedAfter(root, ['members', 'points', '--recompute'], 50 + Math.random() * 500)
          await intact()
          const next = await json<{entries: number}>(root, ['members', 'points', '--recompute'])
          expect(next.entries, what).toBe(expected)
          expect(await strays(root, {afterKill: true}), what).toEqual([])
        }
      }
      const summary = await json<{manual: number; computed: number}>(root, ['members', 'points'])
      expect(summary).toMatchObject({manual: awards, computed: EVENTS * (ROUNDS + 1)})
    },
  )
})
