// npm run bench:data [-- --quick]: seeded activity at scale. Imports 1M canonical events (~100 MB NDJSON) with the
// built CLI, then times `commops metrics` against DuckDB running the same figures as SQL (src/metrics/sql.ts) over
// the same files, and checks the figures agree; then times `events import` of a ~100 MB DiscordChatExporter and a
// ~100 MB Telegram Desktop export against a plain JSON.parse of the file. Wall time, CPU time and peak memory (max
// RSS) of each child process, by /usr/bin/time. Exits 1 when a figure disagrees. --quick: a tenth of the sizes;
// --metrics-only: the metrics part alone; --import: the imports only; --keep: the temp folder (workspace and SQL) is
// kept. --runs N: each import and its JSON.parse run N times, alternating; the medians are shown.
import {createWriteStream, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {once} from 'node:events'
import {eventLine, generateEvents} from './lib/gen-events.mjs'
import {bin, buildIfNeeded, measure as run, root} from './lib.mjs'

const quick = process.argv.includes('--quick')
const keep = process.argv.includes('--keep')
const metricsOnly = process.argv.includes('--metrics-only')
const importOnly = process.argv.includes('--import')
const runsAt = process.argv.indexOf('--runs')
const RUNS = runsAt > 0 ? Math.max(1, Number(process.argv[runsAt + 1]) || 1) : 1
const EVENTS = quick ? 100_000 : 1_000_000
const IMPORT_MB = quick ? 10 : 100
const ZONE = 'Asia/Shanghai'
const PERIOD = {label: '2026-Q3', from: '2026-07-01', to: '2026-09-30'}
const COUNTS = ['members_total', 'active_members', 'dau', 'wau', 'mau']

buildIfNeeded()
const esbuild = await import('esbuild')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-data-'))
const env = {...process.env, CI: '1', NO_COLOR: '1'}
const measure = (argv, {cwd = tmp, input} = {}) => run(argv, {cwd, env, input})

async function writeLines(file, lines) {
  const out = createWriteStream(file)
  for (const line of lines) if (!out.write(line)) await once(out, 'drain')
  out.end()
  await once(out, 'finish')
}

/** Members so that the generator gives about `events` events over Jun–Sep (measured: ~21 per member). */
function* events(count, seed) {
  let n = 0
  for (const e of generateEvents({seed, from: '2026-06-01', to: '2026-09-30', members: Math.ceil(count / 21), names: 'id', platform: 'discord'})) {
    if (n++ >= count) return
    yield e
  }
}

const rows = []
const mb = (file) => statSync(file).size / 1024 / 1024
const fmt = (n, d = 0) => (Number.isFinite(n) ? n.toFixed(d) : '—')

const disagree = []
let metricCount = 0
if (!importOnly) {
  // 1. metrics over 1M events
  console.error(`generating ${EVENTS} events…`)
  const ndjson = path.join(tmp, 'activity.ndjson')
  await writeLines(
    ndjson,
    (function* () {
      for (const e of events(EVENTS, 42)) yield eventLine(e) + '\n'
    })(),
  )
  const ws = path.join(tmp, 'ws')
  measure([process.execPath, bin, 'init', ws, '--yes', '--name', 'Bench', '--timezone', ZONE, '--locale', 'en'])
  console.error(`importing ${fmt(mb(ndjson))} MB…`)
  const imported = measure([process.execPath, bin, 'events', 'import', ndjson, '--json'], {cwd: ws})
  rows.push(['events import (canonical NDJSON)', `${fmt(mb(ndjson))} MB`, imported, {ms: NaN, cpu: NaN, rss: NaN}])
  const batches = readdirSync(path.join(ws, '.commops', 'events'))
    .filter((f) => /^B\d+\.ndjson$/.test(f))
    .map((f) => path.join(ws, '.commops', 'events', f))

  // the SQL, from the same module the CLI ships (bundled here so the bench needs no TypeScript runner)
  const sqlModule = path.join(tmp, 'sql.mjs')
  await esbuild.build({
    entryPoints: [path.join(root, 'src', 'metrics', 'sql.ts')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile: sqlModule,
    logLevel: 'silent',
  })
  const {metricsSql, SQL_METRICS} = await import(sqlModule)
  metricCount = SQL_METRICS.length
  const fullSql = path.join(tmp, 'full.sql')
  writeFileSync(fullSql, metricsSql({period: PERIOD, zone: ZONE, files: batches}))
  const countsSql = path.join(tmp, 'counts.sql')
  writeFileSync(countsSql, `SELECT ${COUNTS.join(', ')} FROM (${metricsSql({period: PERIOD, zone: ZONE, files: batches})})`)
  const duck = [process.execPath, path.join(root, 'scripts', 'lib', 'duck-run.mjs')]

  console.error('metrics…')
  const cliFull = measure([process.execPath, bin, 'metrics', '--period', PERIOD.label, '--json'], {cwd: ws})
  const duckFull = measure([...duck, fullSql])
  const cliCounts = measure([process.execPath, bin, 'metrics', '--period', PERIOD.label, '--json', ...COUNTS.flatMap((m) => ['--metric', m])], {
    cwd: ws,
  })
  const duckCounts = measure([...duck, countsSql])
  rows.push(['metrics, counts (dau mau wau active total)', `${EVENTS} events`, cliCounts, duckCounts])
  rows.push(['metrics, full set', `${EVENTS} events`, cliFull, duckFull])

  // the figures must agree (as the engine rounds them)
  const set = JSON.parse(cliFull.stdout)
  const values = new Map((set.values ?? set.metrics?.values ?? []).map((v) => [v.id, v]))
  const duckRow = JSON.parse(duckFull.stdout)
  for (const id of SQL_METRICS) {
    const v = values.get(id)
    if (!v) {
      disagree.push(`${id}: missing from commops metrics --json`)
      continue
    }
    const raw = duckRow[id]
    const digits = v.unit === 'ratio' ? 4 : 2
    const sql = raw === null ? null : Math.round(Number(raw) * 10 ** digits) / 10 ** digits
    if (sql === null || v.value === null ? sql !== v.value : Math.abs(sql - v.value) > 1e-9) disagree.push(`${id}: commops ${v.value}, DuckDB ${sql}`)
  }
}

// 2. importing platform exports vs JSON.parse of the whole file
function discordExport(targetBytes) {
  const head = `{"guild":{"id":"9001","name":"Bench","iconUrl":""},"channel":{"id":"7001","type":"GuildTextChat","categoryId":"1","category":"Text","name":"general","topic":null},"dateRange":{"after":null,"before":null},"messages":[\n`
  let size = head.length
  let i = 0
  const gen = events(Math.ceil(targetBytes / 200), 7)
  return (function* () {
    yield head
    for (const e of gen) {
      if (e.type !== 'post' && e.type !== 'reply' && e.type !== 'question' && e.type !== 'answer') continue
      const id = String(1_000_000_000_000_000_000n + BigInt(i))
      const user = e.member.slice(e.member.indexOf(':') + 1)
      const m = {
        id,
        type: e.parent && i > 0 ? 'Reply' : 'Default',
        timestamp: e.ts,
        timestampEdited: null,
        callEndedTimestamp: null,
        isPinned: false,
        content: `message ${i} in ${e.topic ?? 'general'} — 你好，社群运营`,
        author: {
          id: user,
          name: `user${user}`,
          discriminator: '0000',
          nickname: `U${user}`,
          color: null,
          isBot: false,
          avatarUrl: 'https://cdn.discordapp.com/embed/avatars/0.png',
        },
        attachments: [],
        embeds: [],
        stickers: [],
        reactions: [],
        mentions: [],
        ...(e.parent && i > 0
          ? {reference: {messageId: String(1_000_000_000_000_000_000n + BigInt(i - 1)), channelId: '7001', guildId: '9001'}}
          : {}),
      }
      const text = (i === 0 ? '' : ',\n') + JSON.stringify(m, null, 2)
      size += Buffer.byteLength(text)
      i++
      yield text
      if (size >= targetBytes) break
    }
    yield `\n],"messageCount":${i}}\n`
  })()
}

function telegramExport(targetBytes) {
  const head = `{"name":"Bench","type":"private_supergroup","id":1111111111,"messages":[\n`
  let size = head.length
  let i = 0
  return (function* () {
    yield head
    for (const e of events(Math.ceil(targetBytes / 120), 8)) {
      if (e.type !== 'post' && e.type !== 'reply' && e.type !== 'question' && e.type !== 'answer') continue
      i++
      const t = Date.parse(e.ts)
      const user = e.member.slice(e.member.indexOf(':') + 1)
      const m = {
        id: i,
        type: 'message',
        date: e.ts.slice(0, 19),
        date_unixtime: String(Math.floor(t / 1000)),
        from: `User ${user}`,
        from_id: `user${user}`,
        ...(e.parent && i > 1 ? {reply_to_message_id: i - 1} : {}),
        text: `message ${i} — 你好，社群运营 ${e.topic ?? ''}`,
        text_entities: [{type: 'plain', text: `message ${i} — 你好，社群运营 ${e.topic ?? ''}`}],
      }
      const text = (i === 1 ? '' : ',\n') + JSON.stringify(m, null, 1)
      size += Buffer.byteLength(text)
      yield text
      if (size >= targetBytes) break
    }
    yield `\n]}\n`
  })()
}

/** The median of each measure over runs. */
function median(runs) {
  const mid = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  return {ms: mid(runs.map((r) => r.ms)), cpu: mid(runs.map((r) => r.cpu)), rss: mid(runs.map((r) => r.rss))}
}

const parseScript = path.join(tmp, 'parse.mjs')
writeFileSync(
  parseScript,
  "import {readFileSync} from 'node:fs'\nconst d = JSON.parse(readFileSync(process.argv[2], 'utf8'))\nconsole.log(d.messages.length)\n",
)
for (const [name, make] of metricsOnly
  ? []
  : [
      ['DiscordChatExporter JSON', discordExport],
      ['Telegram Desktop JSON', telegramExport],
    ]) {
  const file = path.join(tmp, `${name.split(' ')[0].toLowerCase()}.json`)
  console.error(`generating ${IMPORT_MB} MB ${name}…`)
  await writeLines(file, make(IMPORT_MB * 1024 * 1024))
  const imps = []
  const parses = []
  for (let r = 0; r < RUNS; r++) {
    // a fresh workspace per run: a second import of the same file would add nothing
    const target = path.join(tmp, `ws-${path.basename(file, '.json')}-${r}`)
    measure([process.execPath, bin, 'init', target, '--yes', '--name', 'Bench', '--timezone', ZONE, '--locale', 'en'])
    imps.push(measure([process.execPath, bin, 'events', 'import', file, '--json'], {cwd: target}))
    parses.push(measure([process.execPath, parseScript, file]))
  }
  rows.push([`events import, ${name}`, `${fmt(mb(file))} MB`, median(imps), median(parses)])
}

// the table
// CPU time (user + system) beside wall time: steadier on a shared machine (DuckDB's spans its threads)
const header = ['what', 'size', 'commops ms', 'cpu ms', 'commops MB', 'ref ms', 'cpu ms', 'ref MB', 'time ×', 'cpu ×', 'memory ×']
const table = rows.map(([what, size, a, ref]) => [
  what,
  size,
  fmt(a.ms),
  fmt(a.cpu),
  fmt(a.rss),
  fmt(ref.ms),
  fmt(ref.cpu),
  fmt(ref.rss),
  fmt(a.ms / ref.ms, 2),
  fmt(a.cpu / ref.cpu, 2),
  fmt(a.rss / ref.rss, 2),
])
const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)))
const line = (cells) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ')
console.log(
  `\ncommops data bench (${quick ? 'quick' : 'full'}; Node ${process.versions.node}; ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`,
)
console.log('reference: DuckDB over the same NDJSON for metrics (targets: counts ≤ 0.5×, full set ≤ 1.0×, ≤ 100 MB);')
console.log('           JSON.parse of the whole file for imports (targets: ≤ 2× time, ≤ ⅓ memory)')
console.log(line(header))
for (const r of table) console.log(line(r))
if (!existsSync('/usr/bin/time')) console.log('(no /usr/bin/time: peak memory not measured)')
if (keep) console.log(`kept: ${tmp}`)
else rmSync(tmp, {recursive: true, force: true})
if (disagree.length > 0) {
  console.log(`\nFigures disagree between commops and DuckDB:\n  ${disagree.join('\n  ')}`)
  process.exit(1)
}
if (!importOnly) console.log(`\nAll ${metricCount} event metrics agree between commops and DuckDB.`)
