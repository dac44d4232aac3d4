// npm run bench:dashboard [-- --quick] [--runs N] [--report-runs N] [--ws DIR] [--keep] [--check]: the dashboard's first
// frame with 1M events in the workspace (--quick: 100k). Imports seeded activity (Jun–Sep) with the built CLI into an
// `init --sample` workspace (its positioning passes the launch playbook's gate), grades August and September, computes
// the points ledger, runs the launch playbook (calendar, tasks, a run), then times `commops dashboard --once` (one
// whole frame, the work of the live view's first one) against two baselines: `task list --json` in the same workspace
// (start-up and reading db.json) and `dashboard --once` in an empty workspace. The dashboard reads stored aggregates
// only, so its time should not grow with the events. Then the report of the third quarter, named (`--period 2026-Q3`)
// and as the same days by `--from/--to` (which reads the events once for the range and the one before, as the named
// period does), --report-runs times each (default 2; 0 skips them). Medians of wall time, CPU time and peak memory
// (max RSS) of each child, by /usr/bin/time. --ws DIR reuses a workspace prepared by an earlier --keep run; --check
// exits 1 when the median first frame is over the target.
import {createWriteStream, mkdtempSync, rmSync} from 'node:fs'
import {once} from 'node:events'
import os from 'node:os'
import path from 'node:path'
import {eventLine, generateEvents} from './lib/gen-events.mjs'
import {bin, buildIfNeeded, measure as run} from './lib.mjs'

const args = process.argv.slice(2)
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const quick = args.includes('--quick')
const keep = args.includes('--keep')
const runs = Number(opt('--runs')) || 7
const reportRuns = opt('--report-runs') === undefined ? 2 : Number(opt('--report-runs'))
const EVENTS = quick ? 100_000 : 1_000_000
const TARGET_MS = 1000
const ZONE = 'Asia/Shanghai'

buildIfNeeded()
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-dashboard-'))
const env = {...process.env, CI: '1', NO_COLOR: '1', LANG: 'en_US.UTF-8'}
for (const name of ['DEBUG', 'NODE_OPTIONS', 'COMMOPS_WORKSPACE', 'COLUMNS', 'LINES']) delete env[name]
const measure = (argv, cwd) => run(argv, {cwd, env})
const cli = (argv, cwd) => measure([process.execPath, bin, ...argv], cwd)

let ws = opt('--ws') && path.resolve(opt('--ws'))
if (!ws) {
  ws = path.join(tmp, 'ws')
  console.error(`generating ${EVENTS} events…`)
  const ndjson = path.join(tmp, 'activity.ndjson')
  const out = createWriteStream(ndjson)
  let n = 0
  for (const e of generateEvents({
    seed: 42,
    from: '2026-06-01',
    to: '2026-09-30',
    members: Math.ceil(EVENTS / 21),
    names: 'id',
    platform: 'discord',
  })) {
    if (n++ >= EVENTS) break
    if (!out.write(eventLine(e) + '\n')) await once(out, 'drain')
  }
  out.end()
  await once(out, 'finish')
  cli(['init', ws, '--sample', '--yes', '--name', 'Bench', '--locale', 'en'], tmp)
  for (const step of [
    ['events', 'import', ndjson],
    ['scorecard', 'compute', '--period', '2026-08'],
    ['scorecard', 'compute', '--period', '2026-09'],
    ['members', 'points', '--recompute'],
    ['playbook', 'run', 'launch', '--yes'],
  ]) {
    console.error(`${step.slice(0, 2).join(' ')}…`)
    cli([...step, '--json'], ws)
  }
  rmSync(ndjson, {force: true})
}
const empty = path.join(tmp, 'empty')
cli(['init', empty, '--yes', '--name', 'Empty', '--timezone', ZONE, '--locale', 'en'], tmp)

const cases = [
  ['dashboard --once (events in the workspace)', ['dashboard', '--once'], ws],
  ['dashboard --json (the model, no Ink)', ['dashboard', '--json'], ws],
  ['task list --json (baseline: db.json)', ['task', 'list', '--json'], ws],
  ['dashboard --once (empty workspace)', ['dashboard', '--once'], empty],
]
// rounds take every case in turn, so a busy spell of a shared machine weighs on the baselines as on the dashboard
const samples = cases.map(() => [])
for (let round = 0; round < runs + 1; round++) {
  for (const [i, [, argv, cwd]] of cases.entries()) {
    const r = cli(argv, cwd)
    if (round > 0) samples[i].push(r)
  }
}
// the report reads the events (figures of the period and the one before, weekly trend, cohorts, funnel, segments)
const reports = [
  ['report --period 2026-Q3 --format html', ['report', '--period', '2026-Q3', '--format', 'html', '--out', path.join(tmp, 'q3.html'), '--force']],
  [
    'report --from 2026-07-01 --to 2026-09-30 (html)',
    ['report', '--from', '2026-07-01', '--to', '2026-09-30', '--format', 'html', '--out', path.join(tmp, 'range.html'), '--force'],
  ],
]
const reportSamples = reports.map(() => [])
for (let round = 0; round < reportRuns; round++) {
  for (const [i, [, argv]] of reports.entries()) reportSamples[i].push(cli(argv, ws))
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fmt = (x) => (Number.isFinite(x) ? x.toFixed(0) : '—')
console.log(
  `dashboard bench: ${EVENTS} events${quick ? ' (--quick)' : ''}, node ${process.version}, ${runs} runs each, ${os.cpus().length} cpu(s), load ${os.loadavg()[0].toFixed(1)}`,
)
console.log(`${'case'.padEnd(44)} ${'wall ms'.padStart(8)} ${'cpu ms'.padStart(8)} ${'MB'.padStart(5)}`)
for (const [i, [name]] of cases.entries()) {
  const s = samples[i]
  console.log(
    `${name.padEnd(44)} ${fmt(median(s.map((x) => x.ms))).padStart(8)} ${fmt(median(s.map((x) => x.cpu))).padStart(8)} ${fmt(median(s.map((x) => x.rss))).padStart(5)}`,
  )
}
for (const [i, [name]] of reportRuns > 0 ? reports.entries() : []) {
  const s = reportSamples[i]
  console.log(
    `${name.padEnd(44)} ${fmt(median(s.map((x) => x.ms))).padStart(8)} ${fmt(median(s.map((x) => x.cpu))).padStart(8)} ${fmt(median(s.map((x) => x.rss))).padStart(5)}`,
  )
}
const first = median(samples[0].map((x) => x.ms))
console.log(
  `first frame: ${fmt(first)} ms wall (${fmt(median(samples[0].map((x) => x.cpu)))} ms CPU), target ≤ ${TARGET_MS} ms: ${first <= TARGET_MS ? 'ok' : 'OVER'}`,
)
if (keep) console.error(`kept ${tmp} (reuse with --ws ${ws})`)
else rmSync(tmp, {recursive: true, force: true})
if (args.includes('--check') && first > TARGET_MS) process.exitCode = 1
