// npm run bench:store: the store as data grows. Times, through the built CLI (dist/, built if stale):
//   - survey ingest of a generated 100k-row CSV against csv-parse alone on the same file (target ≤ 2×);
//   - survey results --segment at 10k and 100k responses (target: ratio ≤ 12, i.e. linear; quadratic tends to 100);
//   - task done and task list --json on a workspace holding 1M imported events, 200k responses and 100k members
//     against an empty one (target ≤ 1.2×, on CPU time: user + system, steadier than wall time on a busy machine;
//     wall time is shown beside it);
//   - one store update (lock, read, write) on that big workspace, in process (target ≤ 100 ms);
//   - task list --json and calendar show --json on a sample workspace (init --sample) holding 100k imported members
//     (three platform identities each) against the same workspace without them (target ≤ 1.05×), and db.json's size.
// Prints a table; with --strict exits 1 when a target is missed.
// Usage: node scripts/bench-store.mjs [--runs N] [--strict] [--keep] [--only ingest|tasks|members] [--instructions]
//   --only ingest   time only the ingest against csv-parse (interleaved: csv-parse, ingest, csv-parse, …)
//   --only tasks    only task done / task list on the big workspace against the empty one, and the store update
//   --only members  only the 100k-members comparison
//   --instructions  the task and members comparisons in instructions under valgrind's callgrind (one run each,
//                   the main thread's count: steady on a busy machine)
import {execFileSync, spawnSync} from 'node:child_process'
import {createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {once} from 'node:events'
import {bin, buildIfNeeded, measure, root} from './lib.mjs'

const args = process.argv.slice(2)
const runs = Number(args.includes('--runs') ? args[args.indexOf('--runs') + 1] : 3) || 3
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
const instructions = args.includes('--instructions')
const strict = args.includes('--strict')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-store-'))

buildIfNeeded()

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
function time(argv, cwd, {env} = {}) {
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, argv, {cwd, encoding: 'utf8', maxBuffer: 1024 ** 3, env: {...process.env, ...env}})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}:\n${r.stderr}`)
  return ms
}
const cli = (argv, cwd) => time([bin, ...argv], cwd)
const run = (argv, cwd) =>
  execFileSync(process.execPath, [bin, ...argv], {cwd, encoding: 'utf8', maxBuffer: 1024 ** 3, stdio: ['ignore', 'pipe', 'pipe']})

function workspace(name) {
  const dir = path.join(tmp, name)
  run(['init', dir, '--yes', '--name', 'Bench'], tmp)
  run(['survey', 'create', '--template', 'satisfaction'], dir)
  return dir
}

/** A satisfaction-survey export: n rows, fixed seed, five regions. */
function responsesCsv(file, n, offset = 0) {
  const likert = [
    'sq_response',
    'sq_answers',
    'sq_moderation',
    'cq_relevance',
    'cq_depth',
    'cq_frequency',
    'at_respect',
    'at_activity',
    'at_events',
    'va_gain',
    'va_time',
  ]
  const part = ['Almost every day', 'A few times a week', 'A few times a month', 'Rarely, I mostly read']
  const tenure = ['Less than a month', '1–6 months', '6–12 months', 'More than a year']
  const regions = ['north', 'south', 'east', 'west', 'center']
  let seed = 42
  const rnd = (k) => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff), seed % k)
  const lines = [['Timestamp', 'member', 'region', ...likert, 'nps', 'nps_reason', 'participation', 'tenure'].join(',')]
  for (let i = offset; i < offset + n; i++) {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
    lines.push(
      [at, `u${i}`, regions[rnd(5)], ...likert.map(() => 1 + rnd(5)), rnd(11), `"reason ${rnd(1000)}, ok"`, `"${part[rnd(4)]}"`, tenure[rnd(4)]].join(
        ',',
      ),
    )
  }
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

async function eventsNdjson(file, n) {
  const out = createWriteStream(file)
  const types = ['post', 'reply', 'reaction', 'join']
  let chunk = ''
  for (let i = 0; i < n; i++) {
    const ts = new Date(Date.UTC(2025, 0, 1) + i * 30_000).toISOString()
    chunk += `{"ts":"${ts}","type":"${types[i % 4]}","member":"discord:u${i % 100_000}","channel":"c${i % 20}","src":"bench:${i}"}\n`
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await once(out, 'drain')
      chunk = ''
    }
  }
  out.end(chunk)
  await once(out, 'finish')
  return file
}

/**
 * Instructions (millions) of one run's main thread under callgrind (V8's background compiler and GC threads vary
 * from run to run); the bench's numbers when wall time is too noisy.
 */
function count(argv, cwd) {
  const out = path.join(tmp, `callgrind.${process.pid}`)
  const r = spawnSync('valgrind', ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${out}`, process.execPath, bin, ...argv], {
    cwd,
    encoding: 'utf8',
  })
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}:\n${r.stderr}`)
  const main = readFileSync(`${out}-01`, 'utf8')
  for (const f of readdirSync(tmp)) if (f.startsWith(path.basename(out))) rmSync(path.join(tmp, f))
  return Number(/^(?:summary|totals): (\d+)/m.exec(main)[1]) / 1e6
}

/** A member sheet of n people, each with a QQ number, a WeChat id and a Discord id (one record, three identities). */
function membersCsv(file, n) {
  const regions = ['上海', '北京', '杭州', '深圳', '成都']
  const lines = ['编号,姓名,QQ,微信,Discord,地区,加入时间']
  for (let i = 1; i <= n; i++) lines.push(`M${i},成员${i},${100000 + i},wx_${i},${900000 + i},${regions[i % 5]},2026-0${1 + (i % 9)}-1${i % 10}`)
  writeFileSync(file, lines.join('\n') + '\n')
  return file
}

const rows = []
const row = (what, value, target, ok) => rows.push({what, value, target, ok})

function print() {
  const width = (k) => Math.max(...rows.map((r) => String(r[k]).length))
  const [w1, w2, w3] = [width('what'), width('value'), width('target')]
  console.log(
    `\nload average: ${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}; ${os.cpus().length} CPUs; node ${process.version}; median of ${runs}`,
  )
  for (const r of rows)
    console.log(`${r.what.padEnd(w1)}  ${String(r.value).padStart(w2)}  ${r.target.padEnd(w3)}  ${r.target ? (r.ok ? 'ok' : 'MISSED') : ''}`)
  if (!args.includes('--keep')) rmSync(tmp, {recursive: true, force: true})
  else console.log(`kept ${tmp}`)
  if (strict && rows.some((r) => !r.ok)) process.exit(1)
}

/** 5. commands that do not touch members, on a sample workspace with 100k members against the same without them. */
function membersSection() {
  const none = path.join(tmp, 'members-none')
  const many = path.join(tmp, 'members-100k')
  for (const dir of [none, many]) run(['init', dir, '--yes', '--sample', '--name', 'Bench'], tmp)
  run(['members', 'import', membersCsv(path.join(tmp, 'members-100k.csv'), 100_000)], many)
  const measureOne = instructions ? count : cli
  const cases = [
    ['task list --json', ['task', 'list', '--json']],
    ['calendar show --json', ['calendar', 'show', '--all', '--json']],
  ]
  const n = instructions ? 1 : runs * 2
  for (const [name, argv] of cases) {
    for (const ws of [none, many]) cli(argv, ws) // warm the file cache
    const a = []
    const b = []
    for (let i = 0; i < n; i++) {
      a.push(measureOne(argv, none))
      b.push(measureOne(argv, many))
    }
    const [x, y] = [median(a), median(b)]
    const unit = instructions ? 'M instr' : 'ms'
    row(`${name}, no / 100k members (${unit})`, `${x.toFixed(0)} / ${y.toFixed(0)}`, '', true)
    row('  100k ÷ none', (y / x).toFixed(3), '≤ 1.05', y / x <= 1.05)
  }
  const size = (dir) => (existsSync(path.join(dir, '.commops', 'db.json')) ? readFileSync(path.join(dir, '.commops', 'db.json')).length / 1024 : 0)
  row('db.json, no / 100k members (kB)', `${size(none).toFixed(0)} / ${size(many).toFixed(0)}`, '', true)
}

if (only === 'members') {
  membersSection()
  print()
  process.exit(0)
}
if (only === 'tasks') {
  await eventsNdjson(path.join(tmp, 'events.ndjson'), 1_000_000)
  updateSection(tasksSection())
  print()
  process.exit(0)
}

// 1. ingest 100k vs csv-parse of the same file
const big = responsesCsv(path.join(tmp, 'r100k.csv'), 100_000)
const small = responsesCsv(path.join(tmp, 'r10k.csv'), 10_000)
const parseOnly = `const {parse} = require(${JSON.stringify(path.join(root, 'node_modules', 'csv-parse', 'dist', 'cjs', 'sync.cjs'))}); parse(require('fs').readFileSync(process.argv[1], 'utf8'))`
// interleaved, so a slow spell of a shared machine weighs on both
const parses = []
const ingests = []
let ws100k
for (let i = 0; i < runs; i++) {
  const ws = workspace(`ingest-${i}`)
  parses.push(time(['-e', parseOnly, big], tmp))
  ingests.push(cli(['survey', 'ingest', 'S1', big, '--json'], ws))
  if (ws100k) rmSync(ws, {recursive: true, force: true})
  else ws100k = ws
}
const csvParse = median(parses)
const ingest = median(ingests)
row('csv-parse alone, 100k rows (ms)', csvParse.toFixed(0), '', true)
row('survey ingest, 100k rows (ms)', ingest.toFixed(0), '', true)
row('  ingest ÷ csv-parse', (ingest / csvParse).toFixed(2), '≤ 2', ingest / csvParse <= 2)

if (only === 'ingest') {
  print()
  process.exit(0)
}

// 2. results --segment, 10k vs 100k
const ws10k = workspace('segment-10k')
run(['survey', 'ingest', 'S1', small], ws10k)
const seg10 = median(Array.from({length: runs}, () => cli(['survey', 'results', 'S1', '--segment', 'region', '--json'], ws10k)))
const seg100 = median(Array.from({length: runs}, () => cli(['survey', 'results', 'S1', '--segment', 'region', '--json'], ws100k)))
row('survey results --segment, 10k (ms)', seg10.toFixed(0), '', true)
row('survey results --segment, 100k (ms)', seg100.toFixed(0), '', true)
// Start-up is in both, so a linear command stays under 10; a quadratic one grows towards 100.
const segRatio = seg100 / seg10
row('  100k ÷ 10k', segRatio.toFixed(1), '≤ 12 (linear: < 10)', segRatio <= 12)

// 3. task done / task list on a big workspace (1M events, 200k responses, 100k members) vs an empty one
function tasksSection() {
  const empty = workspace('empty')
  const full = workspace('full')
  const csv = (name, n, offset) => (existsSync(path.join(tmp, name)) ? path.join(tmp, name) : responsesCsv(path.join(tmp, name), n, offset))
  run(['events', 'import', path.join(tmp, 'events.ndjson'), '--from', 'ndjson'], full)
  run(['survey', 'ingest', 'S1', csv('r100k.csv', 100_000, 0)], full)
  run(['survey', 'ingest', 'S1', csv('r100k-b.csv', 100_000, 100_000)], full)
  run(['members', 'import', membersCsv(path.join(tmp, 'members-100k.csv'), 100_000)], full)
  const n = instructions ? 1 : runs * 2
  for (const ws of [empty, full]) for (let i = 0; i < n + 2; i++) run(['task', 'add', `Task ${i}`], ws)
  const pair = (name, argv) => {
    for (const ws of [empty, full]) cli(argv(n), ws) // warm the file cache
    const a = []
    const b = []
    for (let i = 0; i < n; i++) {
      // interleaved, so a slow spell of a shared machine weighs on both
      a.push(instructions ? {cpu: count(argv(i), empty)} : measure([process.execPath, bin, ...argv(i)], {cwd: empty}))
      b.push(instructions ? {cpu: count(argv(i), full)} : measure([process.execPath, bin, ...argv(i)], {cwd: full}))
    }
    const [x, y] = [median(a.map((m) => m.cpu)), median(b.map((m) => m.cpu))]
    row(`${name}, empty / big (${instructions ? 'M instr' : 'ms CPU'})`, `${x.toFixed(0)} / ${y.toFixed(0)}`, '', true)
    if (!instructions) {
      const [wa, wb] = [median(a.map((m) => m.ms)), median(b.map((m) => m.ms))]
      row('  wall time, empty / big (ms)', `${wa.toFixed(0)} / ${wb.toFixed(0)} (${(wb / wa).toFixed(2)}×)`, '', true)
    }
    row('  big ÷ empty', (y / x).toFixed(2), '≤ 1.2', y / x <= 1.2)
  }
  // the first n tasks are marked done, one per run; task add left two more open for the list
  pair('task done', (i) => ['task', 'done', `T${i + 1}`, '--json'])
  pair('task list --json', () => ['task', 'list', '--json'])
  const dbSize = readFileSync(path.join(full, '.commops', 'db.json')).length
  row('big workspace: db.json (kB)', (dbSize / 1024).toFixed(0), '', true)
  return full
}
await eventsNdjson(path.join(tmp, 'events.ndjson'), 1_000_000)
const full = tasksSection()

// 4. one store update on the big workspace, in process (lock, read, check, write, unlock)
function updateSection(full) {
  const updateScript = `
  import {Store} from ${JSON.stringify(path.join(root, 'src', 'store', 'index.ts'))}
  const store = Store.at(process.argv[1])
  const times = []
  for (let i = 0; i < 7; i++) {
    const start = performance.now()
    await store.update((db) => { db.counters.bench = (db.counters.bench ?? 0) + 1 })
    times.push(performance.now() - start)
  }
  console.log(times.sort((a, b) => a - b)[3])`
  const updateMs = Number(
    execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', updateScript, full], {cwd: root, encoding: 'utf8'}).trim(),
  )
  row('one store update, big workspace (ms)', updateMs.toFixed(1), '≤ 100', updateMs <= 100)
}

updateSection(full)
membersSection()
print()
