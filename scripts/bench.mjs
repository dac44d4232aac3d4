// npm run bench: median wall time of common commands as a ratio to `node -e 0`, all measured in this run.
// Usage: node scripts/bench.mjs [--runs N] [--check]   (--check exits 1 when a ratio is over the target)
import {spawnSync} from 'node:child_process'
import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {bin, buildIfNeeded, root} from './lib.mjs'

const args = process.argv.slice(2)
const runs = Number(args[args.indexOf('--runs') + 1]) || 15
const check = args.includes('--check')
const TARGET = 2.0

buildIfNeeded()
const ws = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-'))
const env = {...process.env, CI: '1', NODE_ENV: 'production'}
spawnSync(process.execPath, [bin, 'init', ws, '--sample', '--locale', 'zh-CN', '--yes'], {env, stdio: 'ignore'})

/** Wall time of one run; a command that fails fast would look fast, so every run must succeed. */
function time(argv, cwd) {
  const start = process.hrtime.bigint()
  const r = spawnSync(process.execPath, argv, {cwd, env, stdio: 'ignore'})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}`)
  return ms
}

const cases = [
  ['node -e 0 (baseline)', ['-e', '0']],
  ['commops --help', [bin, '--help']],
  ['commops --version', [bin, '--version']],
  ['commops validate (sample workspace)', [bin, 'validate'], ws],
  ['commops playbook list', [bin, 'playbook', 'list'], ws],
]
for (const [name, argv, cwd] of cases) {
  const probe = spawnSync(process.execPath, argv, {cwd: cwd ?? root, env, encoding: 'utf8'})
  if (probe.status !== 0 || probe.stderr) throw new Error(`${name} failed (exit ${probe.status}):\n${probe.stderr}`)
}
// Rounds take every command in turn, so a slow spell of a shared machine weighs on the baseline as on the rest.
const samples = cases.map(() => [])
for (let round = 0; round < runs + 2; round++) {
  for (const [i, [, argv, cwd]] of cases.entries()) {
    const ms = time(argv, cwd ?? root)
    if (round >= 2) samples[i].push(ms) // the first two rounds warm the file cache
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const baseline = median(samples[0])
const rows = cases.map(([name], i) => ({name, ms: median(samples[i]), ratio: median(samples[i]) / baseline}))
rmSync(ws, {recursive: true, force: true})

console.log(`commops bench — ${runs} runs each, median wall time, node ${process.version}, ${os.cpus().length} cpu(s)`)
console.log(`${'command'.padEnd(40)} ${'median ms'.padStart(10)} ${'ratio'.padStart(7)}  target ≤ ${TARGET.toFixed(1)}×`)
let over = 0
for (const r of rows) {
  const ok = r.ratio <= TARGET
  if (!ok) over++
  console.log(`${r.name.padEnd(40)} ${r.ms.toFixed(1).padStart(10)} ${(r.ratio.toFixed(2) + '×').padStart(7)}  ${r.ratio === 1 ? '' : ok ? 'ok' : 'OVER'}`)
}
if (check && over > 0) process.exit(1)
