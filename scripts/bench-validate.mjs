// npm run bench:validate: `commops validate` against ajv-cli on the same generated files and the same schema.
// Generates 1,000 and 10,000 community.yaml-like documents (from templates/community/sample.en.yaml, each with its
// own name), once all valid and once with exactly one error each (three kinds of error in turn), exports the schema
// with `commops schema Community`, then times, interleaved round by round in the same run:
//   commops validate DIR --format json --lang en     (bin/run.js of this checkout's build, dist/, built if stale)
//   ajv validate --spec=draft2020 --all-errors -s community.schema.json -d "DIR/*.yaml" -c ./formats.cjs
// and prints medians of wall time and of CPU time (user + system, by /usr/bin/time where the machine has it: steadier
// than wall time when other work shares the machine) and their ratios (target ≤ 1.0× ajv-cli on both sets, judged on
// CPU time when it is measured, else on wall time). Each timed run must exit as expected (0 on
// the valid set, 1 on the other) and both tools must find the same number of problems: none, or one per file.
// ajv-cli reads YAML with js-yaml's YAML 1.1 schema, where a bare 2026-12-24 is a Date, so dates are quoted.
// Usage: node scripts/bench-validate.mjs [--runs N] [--sizes 1000,10000] [--check] [--keep]
import {spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {bin, buildIfNeeded, measure, root} from './lib.mjs'

const args = process.argv.slice(2)
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const runs = Number(opt('--runs')) || 5
const sizes = (opt('--sizes') ?? '1000,10000').split(',').map(Number)
const TARGET = 1.0

buildIfNeeded()
const tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-validate-'))
const env = {...process.env, CI: '1', LANG: 'en_US.UTF-8'}
for (const name of ['DEBUG', 'NODE_OPTIONS', 'COMMOPS_WORKSPACE']) delete env[name]

function exec(argv, expect) {
  const r = spawnSync(process.execPath, argv, {cwd: tmp, env, encoding: 'utf8', maxBuffer: 1024 ** 3})
  if (r.status !== expect) throw new Error(`${argv.join(' ')} exited ${r.status}, expected ${expect}\n${r.stderr.slice(0, 2000)}`)
  return {stdout: r.stdout, stderr: r.stderr}
}
/** Wall and CPU time (ms) of one run that must exit with `expect`. */
const timed = (argv, expect) => measure([process.execPath, ...argv], {cwd: tmp, env, status: expect})

// the schema, as a user exports it
const schemaFile = path.join(tmp, 'community.schema.json')
writeFileSync(schemaFile, exec([bin, 'schema', 'Community'], 0).stdout)
// the formats and annotation keyword the schema uses, given to ajv-cli as commops gives them to its ajv
const formats = path.join(tmp, 'formats.cjs')
writeFileSync(
  formats,
  `const addFormats = require(${JSON.stringify(path.join(root, 'node_modules', 'ajv-formats'))})
const zones = new Set(Intl.supportedValuesOf('timeZone'))
const isTimezone = (s) => { if (zones.has(s)) return true; try { new Intl.DateTimeFormat('en-US', {timeZone: s}); return Boolean(s) } catch { return false } }
module.exports = (ajv) => { addFormats(ajv); ajv.addFormat('iana-timezone', {type: 'string', validate: isTimezone}); ajv.addKeyword({keyword: 'x-hint', schemaType: 'object'}); return ajv }
`,
)

const sample = readFileSync(path.join(root, 'templates', 'community', 'sample.en.yaml'), 'utf8').replace(
  /^(\s*(?:- |[\w-]+: ))(\d{4}-\d\d-\d\d)[ \t]*$/gm,
  '$1"$2"',
)
/** One error each, in turn: an enum value, a wrong type, an unknown key (each is one problem for both tools). */
const mutations = [
  (text) => text.replace(/^type: open-source$/m, 'type: open-sauce'),
  (text) => text.replace(/^( {2}size:) \d+$/m, '$1 lots'),
  (text) => text.replace(/^timezone: /m, 'colour: blue\ntimezone: '),
]
for (const [i, m] of mutations.entries()) if (m(sample) === sample) throw new Error(`mutation ${i} changes nothing: update it to the sample`)

function generate(dir, n, withErrors) {
  mkdirSync(dir, {recursive: true})
  for (let i = 0; i < n; i++) {
    let text = sample.replace(/^name: .*$/m, `name: Community ${i}`)
    if (withErrors) text = mutations[i % mutations.length](text)
    writeFileSync(path.join(dir, `c${String(i).padStart(5, '0')}.yaml`), text)
  }
}

const commopsArgv = (dir) => [bin, 'validate', dir, '--format', 'json', '--lang', 'en']
const ajvArgv = (dir) => [
  path.join(root, 'node_modules', 'ajv-cli', 'dist', 'index.js'),
  'validate',
  '--spec=draft2020',
  '--all-errors',
  '--strict=false',
  '--errors=line',
  '-c',
  formats,
  '-s',
  schemaFile,
  '-d',
  `${dir}/*.yaml`,
]
/** Problems in commops' JSON report; errors in ajv-cli's output (one JSON array per invalid file with --errors=line). */
const commopsProblems = (out) => JSON.parse(out.stdout).problems.length
const ajvProblems = (out) =>
  `${out.stdout}\n${out.stderr}`
    .split('\n')
    .filter((l) => l.startsWith('['))
    .reduce((n, l) => n + JSON.parse(l).length, 0)

const cases = []
for (const n of sizes) {
  for (const withErrors of [false, true]) {
    const dir = path.join(tmp, `${withErrors ? 'errors' : 'valid'}-${n}`)
    generate(dir, n, withErrors)
    cases.push({name: `${n} ${withErrors ? 'one error each' : 'valid'}`, dir, expect: withErrors ? 1 : 0, problems: withErrors ? n : 0, c: [], a: []})
  }
}

// round 0 warms the file cache and checks the counts; then both tools take turns on every case
for (let round = 0; round <= runs; round++) {
  for (const k of cases) {
    if (round === 0) {
      const [pc, pa] = [commopsProblems(exec(commopsArgv(k.dir), k.expect)), ajvProblems(exec(ajvArgv(k.dir), k.expect))]
      if (pc !== k.problems || pa !== k.problems) throw new Error(`${k.name}: commops found ${pc} problems, ajv-cli ${pa}, expected ${k.problems}`)
      continue
    }
    k.c.push(timed(commopsArgv(k.dir), k.expect))
    k.a.push(timed(ajvArgv(k.dir), k.expect))
  }
}
if (!args.includes('--keep')) rmSync(tmp, {recursive: true, force: true})
else console.log(`kept ${tmp}`)

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const cpuKnown = cases.every((k) => [...k.c, ...k.a].every((m) => Number.isFinite(m.cpu)))
console.log(
  `validate bench: bin/run.js of this build (dist/), node ${process.version}, ${runs} runs each, load ${os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}, ${os.cpus().length} cpu(s); target judged on ${cpuKnown ? 'CPU' : 'wall'} time`,
)
console.log(
  `${'files'.padEnd(22)} ${'commops ms'.padStart(11)} ${'ajv-cli ms'.padStart(11)} ${'ratio'.padStart(7)} ${'commops CPU'.padStart(12)} ${'ajv-cli CPU'.padStart(12)} ${'ratio'.padStart(7)}  problems  target ≤ ${TARGET}×`,
)
let over = 0
for (const k of cases) {
  const [c, a] = [median(k.c.map((m) => m.ms)), median(k.a.map((m) => m.ms))]
  const [cc, ac] = cpuKnown ? [median(k.c.map((m) => m.cpu)), median(k.a.map((m) => m.cpu))] : [NaN, NaN]
  const ratio = cpuKnown ? cc / ac : c / a
  if (ratio > TARGET) over++
  console.log(
    `${k.name.padEnd(22)} ${c.toFixed(0).padStart(11)} ${a.toFixed(0).padStart(11)} ${(c / a).toFixed(2).padStart(6)}× ${cc.toFixed(0).padStart(12)} ${ac.toFixed(0).padStart(12)} ${(cc / ac).toFixed(2).padStart(6)}×  ${String(k.problems).padStart(8)}  ${ratio <= TARGET ? 'ok' : 'OVER'}`,
  )
}
if (args.includes('--check') && over > 0) process.exitCode = 1
