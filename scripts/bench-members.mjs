// npm run bench:members [-- --quick]: the members' incentives at scale. Imports ~1M canonical events of ~50k members
// (--quick: a tenth) and 100k member records (--quick: 10k; every other identity of the events has one) with the built CLI, then times `commops members points --recompute` against DuckDB writing the
// same ledger (points per event × the rules of the workspace's community.yaml, sorted by member, time and src, as
// NDJSON), and `commops members levels` against DuckDB classifying every member at two dates by the engagement model
// the CLI reports (weights, thresholds, window: read from its --json, so the two cannot drift). Checks the totals and
// level counts agree. Then `commops members award` (one manual award): the whole process, and the same command
// refused at its argument check before the store is read (start-up alone); the difference is the update.
// Wall time and peak memory (max RSS) of each child process, by /usr/bin/time.
import {createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {once} from 'node:events'
import os from 'node:os'
import path from 'node:path'
import {eventLine, generateEvents} from './lib/gen-events.mjs'
import {parse} from 'yaml'
import {bin, buildIfNeeded, measure as run, root} from './lib.mjs'

const quick = process.argv.includes('--quick')
const keep = process.argv.includes('--keep')
const EVENTS = quick ? 100_000 : 1_000_000
const ZONE = 'Asia/Shanghai'
const AWARD_RUNS = 5
const RECORDS = quick ? 10_000 : 100_000
/** The first Discord id of the generated events (ids count up from it). */
const FIRST_ID = 100_000

buildIfNeeded()
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-members-'))
const env = {...process.env, CI: '1', NO_COLOR: '1'}
const measure = (argv, {cwd = tmp, status = 0} = {}) => run(argv, {cwd, env, status})

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
// the member sheet: RECORDS records, one Discord id each; every other identity of the events has one (the others are
// only in the events), and most records have no events at all
const sheet = path.join(tmp, 'members.csv')
const REGIONS = ['上海', '北京', '深圳', '杭州', '成都']
writeFileSync(
  sheet,
  'id,name,discord,region,joined,tags\n' +
    Array.from(
      {length: RECORDS},
      (_, k) => `M${k + 1},成员${k + 1},${FIRST_ID + 2 * k},${REGIONS[k % 5]},2026-0${1 + (k % 5)}-01,${k % 3 ? '' : 'seed'}`,
    ).join('\n') +
    '\n',
)
const imported = JSON.parse(measure([process.execPath, bin, 'members', 'import', sheet, '--json'], {cwd: ws}).stdout)
if (imported.total !== RECORDS) throw new Error(`members import kept ${imported.total} records, not ${RECORDS}`)
// the points rules the CLI reads (the init profile's: no caps, cooldowns or campaigns)
const POINTS = parse(readFileSync(path.join(ws, 'community.yaml'), 'utf8')).incentives.points
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
// the engagement model as the CLI used it: weights, levels in order (first met wins), window
const levelsSqlOf = (l) => {
  const level = l.levels
    .map((x, i) => {
      const when = [x.minScore !== undefined && `score >= ${x.minScore}`, x.newWithinDays !== undefined && `DATE '%AT%' - first < ${x.newWithinDays}`]
        .filter(Boolean)
        .join(' AND ')
      return i === l.levels.length - 1 ? `ELSE '${x.id}'` : `WHEN ${when || 'true'} THEN '${x.id}'`
    })
    .join(' ')
  const at = (day) => `(SELECT level, count(*) AS n FROM (
    SELECT member, CASE ${level.replaceAll('%AT%', day)} END AS level
    FROM (SELECT member, min(day) AS first, round(sum(CASE WHEN day > DATE '${day}' - ${l.windowDays} THEN w ELSE 0 END), 2) AS score,
            max(ms) FILTER (WHERE type = 'leave') = max(ms) AS gone
          FROM (SELECT member, type, CAST(substr(ts, 1, 10) AS DATE) AS day, epoch_ms(CAST(ts AS TIMESTAMPTZ)) AS ms, ${cases(l.weights)} AS w
                FROM ${raw} WHERE member NOT LIKE '%:*' AND CAST(substr(ts, 1, 10) AS DATE) <= DATE '${day}')
          GROUP BY member) WHERE gone IS NOT TRUE) GROUP BY level)`
  return `SELECT (SELECT json_group_object(level, n) FROM ${at(l.previous.to)}) AS before, (SELECT json_group_object(level, n) FROM ${at(l.period.to)}) AS now;`
}
const levelsSql = path.join(tmp, 'levels.sql')
const duck = [process.execPath, path.join(root, 'scripts', 'lib', 'duck-run.mjs')]

console.error('points…')
const cliPoints = measure([process.execPath, bin, 'members', 'points', '--recompute', '--json'], {cwd: ws})
const duckPoints = measure([...duck, pointsSql])
console.error('levels…')
const cliLevels = measure([process.execPath, bin, 'members', 'levels', '--period', '2026-09', '--json'], {cwd: ws})
writeFileSync(levelsSql, levelsSqlOf(JSON.parse(cliLevels.stdout)))
const duckLevels = measure([...duck, levelsSql])
console.error('award…')
// the member with the most events' points; each run one award, then start-up alone (--points 0 is refused before the store is read)
const awardee = JSON.parse(measure([process.execPath, bin, 'members', 'top', '--period', '2026-09', '--limit', '1', '--json'], {cwd: ws}).stdout)
  .rows[0].member
const award = (points, status) =>
  measure([process.execPath, bin, 'members', 'award', awardee, '--points', String(points), '--reason', 'bench', '--json'], {cwd: ws, status})
const median = (runs, key) => runs.map((r) => r[key]).sort((a, b) => a - b)[Math.floor(runs.length / 2)]
const awards = []
const startups = []
for (let i = 0; i < AWARD_RUNS; i++) {
  awards.push(award(1, 0))
  startups.push(award(0, 2))
}

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
console.log(
  `members bench: ${EVENTS} events, ${RECORDS} member records, ${l.levels.reduce((a, x) => a + x.members, 0)} members with events at 2026-09-30${quick ? ' (--quick)' : ''}`,
)
console.log('what                         commops ms  CPU ms  MB     DuckDB ms  CPU ms  MB     ratio (wall)')
for (const [name, c, d] of [
  ['members points --recompute', cliPoints, duckPoints],
  ['members levels', cliLevels, duckLevels],
])
  console.log(
    `${name.padEnd(28)} ${fmt(c.ms).padStart(10)}  ${fmt(c.cpu).padStart(6)}  ${fmt(c.rss).padStart(5)}  ${fmt(d.ms).padStart(9)}  ${fmt(d.cpu).padStart(6)}  ${fmt(d.rss).padStart(5)}  ${fmt(c.ms / d.ms, 2)}`,
  )
const awardMs = median(awards, 'ms')
const startupMs = median(startups, 'ms')
const awardCpu = median(awards, 'cpu')
const startupCpu = median(startups, 'cpu')
console.log(`members award, median of ${AWARD_RUNS} (target ≤ 100 ms)`)
console.log(`  the whole process      wall ${fmt(awardMs).padStart(6)} ms  CPU ${fmt(awardCpu).padStart(6)} ms  ${fmt(median(awards, 'rss'))} MB`)
console.log(`  start-up alone         wall ${fmt(startupMs).padStart(6)} ms  CPU ${fmt(startupCpu).padStart(6)} ms  (refused at its argument check)`)
console.log(`  the update (difference) wall ${fmt(awardMs - startupMs).padStart(5)} ms  CPU ${fmt(awardCpu - startupCpu).padStart(6)} ms`)
if (disagree.length) console.log(`DISAGREE:\n  ${disagree.join('\n  ')}`)
else console.log('totals and level counts agree')
if (!keep) rmSync(tmp, {recursive: true, force: true})
else console.error(`kept ${tmp}`)
process.exit(disagree.length ? 1 : 0)
