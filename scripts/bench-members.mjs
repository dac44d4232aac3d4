// npm run bench:members [-- --quick]: the members' incentives at scale. Imports ~1M canonical events of ~50k members
// (--quick: a tenth) with the built CLI, then times `commops members points --recompute` against DuckDB writing the
// same ledger (points per event × rules of the init profile, sorted by member, time and src, as NDJSON), and
// `commops members levels` against DuckDB classifying every member at two dates by weighted activity over 28 days.
// Checks the totals and level counts agree. Wall time and peak memory (max RSS) of each child process, by /usr/bin/time.
import {spawnSync} from 'node:child_process'
import {createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {once} from 'node:events'
import os from 'node:os'
import path from 'node:path'
import {eventLine, generateEvents} from './lib/gen-events.mjs'
import {bin, buildIfNeeded, root} from './lib.mjs'

const quick = process.argv.includes('--quick')
const keep = process.argv.includes('--keep')
const EVENTS = quick ? 100_000 : 1_000_000
const ZONE = 'Asia/Shanghai'
// the points of templates/init/community.en.yaml (no caps, cooldowns or campaigns) and the default engagement model
const POINTS = {join: 5, post: 2, reply: 1, question: 1, answer: 3, event_register: 1, event_attend: 5, content_publish: 10, conversion: 20}
const WEIGHTS = {
  post: 1,
  reply: 1,
  question: 1,
  answer: 2,
  reaction: 0.25,
  event_register: 1,
  event_attend: 3,
  content_publish: 3,
  content_view: 0.1,
  conversion: 2,
}

buildIfNeeded()
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-members-'))
const env = {...process.env, CI: '1', NO_COLOR: '1'}
const hasTime = existsSync('/usr/bin/time')

function measure(argv, {cwd = tmp} = {}) {
  const stats = path.join(tmp, 'time.txt')
  const command = hasTime ? '/usr/bin/time' : argv[0]
  const args = hasTime ? ['-f', '%e %M', '-o', stats, ...argv] : argv.slice(1)
  const t0 = process.hrtime.bigint()
  const r = spawnSync(command, args, {cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}\n${r.stderr}`)
  const rss = hasTime ? Number(readFileSync(stats, 'utf8').trim().split(/\s+/).at(-1)) / 1024 : NaN
  return {stdout: r.stdout, ms, rss}
}

console.error(`generating ${EVENTS} events…`)
const ndjson = path.join(tmp, 'activity.ndjson')
const out = createWriteStream(ndjson)
let n = 0
for (const e of generateEvents({seed: 42, from: '2026-06-01', to: '2026-09-30', members: Math.ceil(EVENTS / 21), names: 'id', platform: 'discord'})) {
  if (n++ >= EVENTS) break
  if (!out.write(eventLine(e) + '\n')) await once(out, 'drain')
}
out.end()
await once(out, 'finish')
const ws = path.join(tmp, 'ws')
measure([process.execPath, bin, 'init', ws, '--yes', '--name', 'Bench', '--timezone', ZONE, '--locale', 'en'])
console.error('importing…')
measure([process.execPath, bin, 'events', 'import', ndjson, '--json'], {cwd: ws})
const files = readdirSync(path.join(ws, '.commops', 'events'))
  .filter((f) => /^B\d+\.ndjson$/.test(f))
  .map((f) => `'${path.join(ws, '.commops', 'events', f)}'`)
const raw = `read_ndjson([${files.join(', ')}], columns = {ts: 'VARCHAR', type: 'VARCHAR', member: 'VARCHAR', src: 'VARCHAR'})`
const cases = (table) =>
  `CASE type ${Object.entries(table)
    .map(([t, p]) => `WHEN '${t}' THEN ${p}`)
    .join(' ')} ELSE 0 END`

const ledgerOut = path.join(tmp, 'duck-ledger.ndjson')
const pointsSql = path.join(tmp, 'points.sql')
writeFileSync(
  pointsSql,
  `COPY (SELECT ts, member, points, src, type FROM (SELECT ts, member, ${cases(POINTS)} AS points, src, type, epoch_ms(CAST(ts AS TIMESTAMPTZ)) AS ms FROM ${raw} WHERE member NOT LIKE '%:*')
   WHERE points <> 0 ORDER BY member, ms, src) TO '${ledgerOut}' (FORMAT json);
   SELECT count(*) AS entries, sum(points) AS total FROM read_ndjson('${ledgerOut}');`,
)
const levelsAt = (at) => `(SELECT level, count(*) AS n FROM (
    SELECT member, CASE WHEN score >= 30 THEN 'core' WHEN score >= 8 THEN 'active' WHEN DATE '${at}' - first < 28 THEN 'new'
      WHEN score >= 1 THEN 'casual' ELSE 'dormant' END AS level
    FROM (SELECT member, min(day) AS first, round(sum(CASE WHEN day > DATE '${at}' - 28 THEN w ELSE 0 END), 2) AS score,
            arg_max(type, ms) AS last_type
          FROM (SELECT member, type, CAST(substr(ts, 1, 10) AS DATE) AS day, epoch_ms(CAST(ts AS TIMESTAMPTZ)) AS ms, ${cases(WEIGHTS)} AS w
                FROM ${raw} WHERE member NOT LIKE '%:*' AND CAST(substr(ts, 1, 10) AS DATE) <= DATE '${at}')
          GROUP BY member) WHERE last_type <> 'leave') GROUP BY level)`
const levelsSql = path.join(tmp, 'levels.sql')
writeFileSync(
  levelsSql,
  `SELECT (SELECT json_group_object(level, n) FROM ${levelsAt('2026-08-31')}) AS before, (SELECT json_group_object(level, n) FROM ${levelsAt('2026-09-30')}) AS now;`,
)
const duck = [process.execPath, path.join(root, 'scripts', 'lib', 'duck-run.mjs')]

console.error('points…')
const cliPoints = measure([process.execPath, bin, 'members', 'points', '--recompute', '--json'], {cwd: ws})
const duckPoints = measure([...duck, pointsSql])
console.error('levels…')
const cliLevels = measure([process.execPath, bin, 'members', 'levels', '--period', '2026-09', '--json'], {cwd: ws})
const duckLevels = measure([...duck, levelsSql])

const p = JSON.parse(cliPoints.stdout)
const dp = JSON.parse(duckPoints.stdout)
const l = JSON.parse(cliLevels.stdout)
const dl = JSON.parse(duckLevels.stdout)
const counts = (side) => Object.fromEntries(l.levels.map((x) => [x.id, side === 'now' ? x.members : x.before]).filter(([, v]) => v > 0))
const duckCounts = (s) => Object.fromEntries(Object.entries(typeof s === 'string' ? JSON.parse(s) : s).sort())
const disagree = []
if (p.entries !== Number(dp.entries) || Math.abs(p.total - Number(dp.total)) > 1e-6)
  disagree.push(`points: commops ${p.entries}/${p.total}, DuckDB ${dp.entries}/${dp.total}`)
for (const side of ['before', 'now']) {
  const a = JSON.stringify(Object.fromEntries(Object.entries(counts(side)).sort()))
  const b = JSON.stringify(duckCounts(dl[side]))
  if (a !== b) disagree.push(`levels ${side}: commops ${a}, DuckDB ${b}`)
}

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '—')
console.log(`members bench: ${EVENTS} events, ${l.levels.reduce((a, x) => a + x.members, 0)} members at 2026-09-30${quick ? ' (--quick)' : ''}`)
console.log('what                         commops ms  MB     DuckDB ms  MB     ratio')
for (const [name, c, d] of [
  ['members points --recompute', cliPoints, duckPoints],
  ['members levels', cliLevels, duckLevels],
])
  console.log(
    `${name.padEnd(28)} ${fmt(c.ms).padStart(10)}  ${fmt(c.rss).padStart(5)}  ${fmt(d.ms).padStart(9)}  ${fmt(d.rss).padStart(5)}  ${fmt(c.ms / d.ms, 2)}`,
  )
if (disagree.length) console.log(`DISAGREE:\n  ${disagree.join('\n  ')}`)
else console.log('totals and level counts agree')
if (!keep) rmSync(tmp, {recursive: true, force: true})
else console.error(`kept ${tmp}`)
process.exit(disagree.length ? 1 : 0)
