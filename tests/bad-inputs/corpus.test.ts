/**
 * The bad-inputs corpus: every case is one bad file or argument, the command that reads it, the exit code (1 or 2)
 * and a fragment of the one message it must print. Every case also checks what a user must never see or suffer:
 * no stack trace, no "commops bug", at most 5 s of CPU and 300 MB, and the workspace (store, bulk files, user files)
 * and the folder beside it exactly as they were.
 *
 * The 173 YAML cases of yaml-cases.ts are checked by a few `validate --json` runs over folders of them; the others
 * (cli-cases.ts) each need their own workspace copy and process. Spawns run two at a time.
 */
import {createHash} from 'node:crypto'
import {appendFile, cp, lstat, mkdir, readdir, readFile, readlink, writeFile} from 'node:fs/promises'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nextId, Store} from '../../src/store/index.js'
import {loadSurveyTemplate} from '../../src/survey/load.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {BIN, hasStackTrace, makeTempDir, removeDir, runCli, runInProcess, type CliResult} from '../helpers/cli.js'
import {CLI_CASES, type CliCase} from './cli-cases.js'
import {YAML_CASES} from './yaml-cases.js'

const MAX_CPU_MS = 5_000
const MAX_RSS_KB = 300 * 1024
/** Only a hang guard: wall time on a loaded 2-core machine says little, CPU time is what is bounded. */
const HANG_MS = 150_000

/** Loaded with --require into the CLI process: writes its peak RSS (kB) and CPU time (ms) when it exits. */
const PROBE = `const fs = require('node:fs')
process.on('exit', () => {
  const u = process.resourceUsage()
  fs.writeFileSync(process.env.CORPUS_RUSAGE_FILE, JSON.stringify({rssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000}))
})
`
/**
 * Starts the CLI (with the probe) from a small process: Linux keeps a process's peak RSS across exec, so a CLI forked
 * straight from the test runner would report the runner's hundreds of MB as its own.
 */
const LAUNCHER = `const {spawnSync} = require('node:child_process')
const [probe, bin, ...args] = process.argv.slice(2)
const r = spawnSync(process.execPath, ['--require', probe, bin, ...args], {stdio: 'inherit'})
process.exit(r.status ?? 128)
`

let tmp: string
let base: string
/** The base workspace with data (see CliCase.data). */
let full: string
let probe: string
let launcher: string

/** At most `n` spawns at a time, however many tests run concurrently. */
function limiter(n: number): <T>(fn: () => Promise<T>) => Promise<T> {
  let active = 0
  const waiting: Array<() => void> = []
  return async (fn) => {
    if (active >= n) await new Promise<void>((resolve) => waiting.push(resolve))
    active++
    try {
      return await fn()
    } finally {
      active--
      waiting.shift()?.()
    }
  }
}
const slot = limiter(2)

interface Measured extends CliResult {
  rssKb: number
  cpuMs: number
}

/** Runs the CLI with the probe; every spawn of the corpus goes through here. */
async function measured(args: string[], cwd: string, name: string): Promise<Measured> {
  const usage = path.join(tmp, `${name}.rusage.json`)
  const r = await slot(() => runCli([probe, BIN, ...args], {cwd, bin: launcher, env: {CORPUS_RUSAGE_FILE: usage}, timeoutMs: HANG_MS}))
  const u = JSON.parse(await readFile(usage, 'utf8')) as {rssKb: number; cpuMs: number}
  return {...r, ...u}
}

/**
 * Content of every file and symlink under a root. No times (a lock taken and released changes nothing) and no
 * folders: an empty folder made before the input was refused (`.commops/events/`) holds nothing.
 */
async function snapshot(root: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  async function walk(dir: string): Promise<void> {
    for (const e of await readdir(dir, {withFileTypes: true})) {
      const full = path.join(dir, e.name)
      const rel = path.relative(root, full)
      const info = await lstat(full)
      if (info.isSymbolicLink()) out[rel] = `link:${await readlink(full)}`
      else if (info.isDirectory()) await walk(full)
      else
        out[rel] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex')
    }
  }
  await walk(root)
  return out
}

/** What every failing run must look like, whatever the input. */
function expectCleanFailure(r: Measured, exit: 1 | 2, fragment: string | RegExp | undefined): void {
  const output = `${r.stdout}\n${r.stderr}`
  const context = `exit ${r.code}\n${output.slice(0, 2000)}`
  expect(r.code, context).toBe(exit)
  expect(hasStackTrace(output), context).toBe(false)
  expect(output, context).not.toMatch(/commops bug|Maximum call stack|heap out of memory|\bat Object\.<anonymous>/)
  if (fragment !== undefined) expect(output, context).toMatch(typeof fragment === 'string' ? new RegExp(escape(fragment)) : fragment)
  expect(r.cpuMs, `CPU time, ${context.slice(0, 300)}`).toBeLessThanOrEqual(MAX_CPU_MS)
  // rssKb is 0 for a case run in this process, whose memory is the test runner's
  expect(r.rssKb, `peak RSS, ${context.slice(0, 300)}`).toBeLessThanOrEqual(MAX_RSS_KB)
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

beforeAll(async () => {
  tmp = await makeTempDir('commops-corpus-')
  probe = path.join(tmp, 'probe.cjs')
  await writeFile(probe, PROBE)
  launcher = path.join(tmp, 'launch.cjs')
  await writeFile(launcher, LAUNCHER)
  base = path.join(tmp, 'base')
  await initWorkspace({dir: base, name: 'Corpus', locale: 'en', timezone: 'UTC', platforms: [], type: 'brand', sample: true})
  const doc = await loadSurveyTemplate('satisfaction', 'en')
  await Store.at(base).update((db) => {
    const id = nextId(db, 'S')
    db.surveys[id] = {id, name: doc.name, locale: 'en', template: 'satisfaction', doc, createdAt: new Date().toISOString()}
  })
  full = path.join(tmp, 'full')
  await cp(base, full, {recursive: true})
  for (const args of [
    ['events', 'import', 'data/activity.ndjson'],
    ['members', 'import', 'data/members.csv'],
    ['members', 'points', '--recompute'],
    ['members', 'award', 'discord:noah_z', '--points', '5', '--reason', 'meetup'],
    ['scorecard', 'compute', '-p', '2026-09'],
  ]) {
    const r = await runInProcess(args, {cwd: full})
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0)
  }
}, 120_000)

afterAll(async () => {
  await removeDir(tmp)
})

describe('bad YAML files, validated', () => {
  /** Files whose size or shape is the point: each is validated in its own process, so its time and memory are its own. */
  const HEAVY = new Set(['big.yaml', 'many-keys.yaml', 'alias-bomb.yaml', 'deep-flow.yaml', 'deep-block.yaml'])

  async function checkFolder(name: string, files: typeof YAML_CASES): Promise<void> {
    const dir = path.join(tmp, name)
    await mkdir(dir)
    for (const c of files) await writeFile(path.join(dir, c.file), c.text)
    const before = await snapshot(dir)
    const r = await measured(['validate', '.', '--json'], dir, name)
    expectCleanFailure(r, 1, undefined)
    expect(await snapshot(dir)).toEqual(before)
    const report = JSON.parse(r.stdout) as {
      files: string[]
      problems: Array<{file: string; line: number; col: number; rule: string; message: string; severity: string}>
    }
    expect(report.files.sort()).toEqual(files.map((c) => c.file).sort())
    for (const c of files) {
      const mine = report.problems.filter((p) => p.file === c.file && p.severity === 'error')
      expect(mine.length, `${c.file} has no error`).toBeGreaterThan(0)
      expect(
        mine.some((p) => p.rule.includes(c.rule)),
        `${c.file}: no problem of rule ${c.rule}: ${JSON.stringify(mine.slice(0, 3))}`,
      ).toBe(true)
      const lines = c.text.split('\n')
      for (const p of mine) {
        expect(p.message, c.file).not.toMatch(/commops bug|Maximum call stack/)
        expect(p.line, `${c.file} line`).toBeGreaterThanOrEqual(1)
        expect(p.line, `${c.file} line`).toBeLessThanOrEqual(lines.length)
        expect(p.col, `${c.file} col`).toBeGreaterThanOrEqual(1)
        expect(p.col, `${c.file} col`).toBeLessThanOrEqual(lines[p.line - 1].length + 1)
      }
    }
  }

  it(`${YAML_CASES.length - HEAVY.size} small files in one run: each file reports its own problem, located inside it`, async () => {
    expect(YAML_CASES.length).toBeGreaterThanOrEqual(150)
    await checkFolder(
      'yaml-small',
      YAML_CASES.filter((c) => !HEAVY.has(c.file)),
    )
  })

  it.concurrent.each([...HEAVY])(
    '%s alone, within the time and memory bounds',
    async (file) => {
      const c = YAML_CASES.find((y) => y.file === file)!
      await checkFolder(`yaml-${file}`, [c])
    },
    240_000,
  )
})

describe('bad inputs of commands', () => {
  it('has distinct case names', () => {
    expect(new Set(CLI_CASES.map((c) => c.name)).size).toBe(CLI_CASES.length)
  })

  async function prepare(name: string, c: CliCase): Promise<{dir: string; ws: string; before: Record<string, string>}> {
    const dir = path.join(tmp, `case-${name}`)
    const ws = path.join(dir, 'ws')
    const outside = path.join(dir, 'outside')
    await cp(c.data ? full : base, ws, {recursive: true})
    await mkdir(outside)
    await writeFile(path.join(outside, 'keep.txt'), 'untouched\n')
    await c.setup?.({ws, outside})
    return {dir, ws, before: await snapshot(dir)}
  }

  async function after(c: CliCase, r: Measured, dir: string, ws: string, before: Record<string, string>): Promise<void> {
    if (process.env.CORPUS_SHOW)
      await appendFile(
        process.env.CORPUS_SHOW,
        `${c.name}\t${r.code}\t${r.cpuMs}\t${r.rssKb}\t${JSON.stringify((r.stderr + r.stdout).slice(0, 300))}\n`,
      )
    expectCleanFailure(r, c.exit, c.fragment)
    const now = await snapshot(dir)
    if (c.recordsRun && now[path.join('ws', '.commops', 'db.json')] !== before[path.join('ws', '.commops', 'db.json')]) {
      const db = path.join('ws', '.commops', 'db.json')
      const runs = (JSON.parse(await readFile(path.join(dir, db), 'utf8')) as {runs?: Record<string, {status?: string}>}).runs ?? {}
      expect(
        Object.values(runs).map((r) => r.status),
        'the failed run is recorded',
      ).toContain('failed')
      delete now[db]
      delete before[db]
    }
    expect(now, 'the workspace and the folder beside it are unchanged').toEqual(before)
    for (const escaped of ['/tmp/escaped.md', '/tmp/escaped.json', path.resolve(ws, '../../../escaped.md'), path.resolve(ws, '../../escaped.json')])
      expect(existsSync(escaped), escaped).toBe(false)
  }

  const spawned = CLI_CASES.filter((c) => c.spawn)
  it.concurrent.each(spawned.map((c) => [c.name, c] as [string, CliCase]))(
    '%s (own process)',
    async (name, c) => {
      const {dir, ws, before} = await prepare(name, c)
      await after(c, await measured(c.args, ws, `case-${name}`), dir, ws, before)
    },
    240_000,
  )

  // one at a time: a command run in this process changes its cwd and environment while it runs
  it.each(CLI_CASES.filter((c) => !c.spawn).map((c) => [c.name, c] as [string, CliCase]))('%s', async (name, c) => {
    const {dir, ws, before} = await prepare(name, c)
    const cpu = process.cpuUsage()
    const r = await runInProcess(c.args, {cwd: ws})
    const used = process.cpuUsage(cpu)
    await after(c, {...r, cpuMs: (used.user + used.system) / 1000, rssKb: 0}, dir, ws, before)
  })
})

/**
 * Hostile text that commops must carry into its outputs inert: a community name, survey title, question, option and
 * rule text, calendar titles and member names holding HTML/script and spreadsheet formulas. Every HTML file comes out
 * escaped (no tag of ours but our own two scripts), every CSV cell that would start a formula is neutralised (read back
 * with csv-parse), and every Markdown file shows the text instead of rendering it (no raw tag, no link, no new heading).
 * Commands run in this process: one workspace, a dozen quick commands.
 */
describe('hostile text in outputs comes out inert', () => {
  const SCRIPT = '<script>alert(1)</script>'
  const IMG = '"><img src=x onerror=alert(2)>'
  const HOSTILE = `${SCRIPT}${IMG} | *b* [x](javascript:alert(3)) # h`
  const FORMULAS = ['=HYPERLINK("http://evil.example","x")', '+SUM(1,2)', '-2+3', '@cmd', '\t=1', '\r=1']
  let ws: string
  const written: string[] = []

  const run = async (...args: string[]) => {
    const r = await runInProcess(args, {cwd: ws})
    expect(r.code, `${args.join(' ')}\n${r.stdout}\n${r.stderr}`).toBe(0)
    return r
  }
  const out = async (name: string, ...args: string[]) => {
    await run(...args, '--out', `out/${name}`)
    written.push(name)
    return readFile(path.join(ws, 'out', name), 'utf8')
  }

  beforeAll(async () => {
    ws = path.join(tmp, 'hostile-output')
    await cp(base, ws, {recursive: true})
    const yaml = await readFile(path.join(ws, 'community.yaml'), 'utf8')
    await writeFile(path.join(ws, 'community.yaml'), yaml.replace(/^name: .*$/m, `name: ${JSON.stringify(HOSTILE)}`))
    await Store.at(ws).update((db) => {
      const doc = db.surveys.S1.doc as unknown as {title: unknown; questions: Array<Record<string, unknown>>}
      doc.title = HOSTILE
      doc.questions[0].text = HOSTILE
      for (const q of doc.questions) {
        if (Array.isArray(q.labels)) q.labels[0] = HOSTILE
        if (Array.isArray(q.options)) (q.options as Array<{label: unknown}>)[0].label = `${FORMULAS[0]} ${HOSTILE}`
      }
    })
    const rows = [...FORMULAS, HOSTILE].map((name, i) => `"${name.replace(/"/g, '""')}",${10001 + i}`)
    await writeFile(path.join(ws, 'data', 'hostile-members.csv'), `name,qq\n${rows.join('\n')}\n`)
    await run('members', 'import', 'data/hostile-members.csv')
    await run('calendar', 'add', '--title', SCRIPT, '--notes', '=1+1', '--date', '2026-12-15', '--time', '10:00')
    await run('calendar', 'add', '--title', '@SUM(A1)', '--date', '2026-12-16', '--time', '10:00')
    await run('rules', 'generate')
  }, 120_000)

  it('HTML: the survey page escapes every text; its only scripts are its own two', async () => {
    const html = await out('s.html', 'survey', 'export', 'S1', '--format', 'html')
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toMatch(/<script>alert|<img|onerror=alert\(2\)>/)
    expect(html.match(/<script\b/g)).toHaveLength(2)
  })

  it('CSV: members, calendar exports hold no cell that starts a formula', async () => {
    const {parse} = await import('csv-parse/sync')
    const files = {
      members: await out('m.csv', 'members', 'export', '--fields', 'id,name'),
      calendar: await out('c.csv', 'calendar', 'export', '--format', 'csv', '--from', '2026-12-01', '--to', '2026-12-31'),
    }
    for (const [what, text] of Object.entries(files)) {
      const rows: string[][] = parse(text, {bom: true, relax_column_count: true})
      for (const row of rows) for (const cell of row) expect(cell, `${what}: ${JSON.stringify(row)}`).not.toMatch(/^[=+\-@\t\r]/)
    }
    const names = parse<{name: string}>(files.members, {columns: true}).map((r) => r.name)
    // names are trimmed on import, so TAB and CR are gone from the last two: they come out as `'=1`
    for (const f of FORMULAS) expect(names).toContain(`'${f.trim()}`)
    expect(names).toContain(HOSTILE)
  })

  it('ICS: hand-added items (no pillar, so no category) export, their titles as plain text', async () => {
    const ics = await out('c.ics', 'calendar', 'export', '--format', 'ics', '--from', '2026-12-01', '--to', '2026-12-31')
    expect(ics).toContain(`SUMMARY:${SCRIPT}`)
  })

  it('Markdown: rules, survey, calendar show the text; no raw tag, link or heading comes out of it', async () => {
    const files = {
      rules: await out('r.md', 'rules', 'export', '--format', 'md'),
      survey: await out('s.md', 'survey', 'export', 'S1', '--format', 'md'),
      calendar: await out('c.md', 'calendar', 'export', '--format', 'md', '--from', '2026-12-01', '--to', '2026-12-31'),
    }
    for (const [what, md] of Object.entries(files)) {
      expect(md, what).not.toMatch(/<script|<img/)
      expect(md, what).not.toMatch(/(?<!\\)\]\(javascript:/)
      for (const line of md.split('\n')) if (line.includes('alert(3)')) expect(line, what).toMatch(/\\\[x\\\]/)
    }
    expect(files.rules.split('\n')[0]).toMatch(/^# &lt;script&gt;alert\(1\)&lt;\/script&gt;/)
    expect(files.survey.split('\n')[0]).toMatch(/^# &lt;script&gt;/)
    expect(files.calendar.split('\n')[0]).toMatch(/^# &lt;script&gt;/)
    // the calendar table keeps its columns: the `|` of a title is escaped
    const row = files.calendar.split('\n').find((l) => l.includes('alert(1)') && l.startsWith('|'))!
    expect(row.split(/(?<!\\)\|/).length).toBe(
      files.calendar
        .split('\n')
        .find((l) => l.startsWith('|---') || l.startsWith('|-'))!
        .split('|').length,
    )
  })
})
