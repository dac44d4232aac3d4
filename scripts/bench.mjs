// npm run bench: start-up time of what a user installs. Packs commops, installs the tarball into a temp folder, builds
// a minimal oclif CLI beside it (one command, @oclif/plugin-help, a manifest), then times commops' everyday commands,
// `node -e 0` and the minimal CLI, interleaved round by round, and prints medians, spread and both ratios.
// Usage: node scripts/bench.mjs [--runs N] [--node PATH] [--tarball FILE] [--instructions] [--check]
//   --node PATH     run everything under that Node binary (default: this one; or env BENCH_NODE)
//   --tarball FILE  bench that package instead of packing this checkout
//   --instructions  count the main thread's instructions under valgrind's callgrind (one run per case after a
//                   warm-up): steady on a busy machine where wall time is not. Node's helper threads (GC, OpenSSL's
//                   start-up) are left out: how much of their work a run sees depends on scheduling, not on the code
//   --check         exit 1 when a command is over TARGET × the minimal oclif CLI
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {buildIfNeeded, root} from './lib.mjs'

const args = process.argv.slice(2)
const opt = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined)
const instructions = args.includes('--instructions')
const runs = instructions ? 1 : Number(opt('--runs')) || 15
const node = path.resolve(opt('--node') ?? process.env.BENCH_NODE ?? process.execPath)
const TARGET = 1.2

const tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bench-'))
const npm = (argv, cwd) =>
  execFileSync('npm', [...argv, '--no-audit', '--no-fund', '--loglevel=error'], {cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8'})

let tarball = opt('--tarball') && path.resolve(opt('--tarball'))
if (!tarball) {
  buildIfNeeded()
  tarball = path.join(tmp, npm(['pack', '--pack-destination', tmp], root).trim().split('\n').pop())
}
const app = path.join(tmp, 'app')
mkdirSync(app)
writeFileSync(path.join(app, 'package.json'), '{"private": true}\n')
npm(['install', '--prefer-offline', tarball], app)
const modules = path.join(app, 'node_modules')
const commops = path.join(modules, 'commops', 'bin', 'run.js')

// The framework's floor: a plain-JS oclif CLI with one command, using the same @oclif/core and plugin-help.
const mini = path.join(tmp, 'mini')
mkdirSync(path.join(mini, 'commands'), {recursive: true})
mkdirSync(path.join(mini, 'bin'))
mkdirSync(path.join(mini, 'node_modules', '@oclif'), {recursive: true})
for (const name of ['core', 'plugin-help']) symlinkSync(path.join(modules, '@oclif', name), path.join(mini, 'node_modules', '@oclif', name))
const miniPjson = {
  name: 'mini',
  version: '1.0.0',
  files: ['bin', 'commands'],
  oclif: {bin: 'mini', commands: './commands', plugins: ['@oclif/plugin-help']},
}
writeFileSync(path.join(mini, 'package.json'), JSON.stringify(miniPjson))
writeFileSync(path.join(mini, 'bin', 'run.js'), "require('@oclif/core').execute({dir: __dirname})\n")
writeFileSync(
  path.join(mini, 'commands', 'hello.js'),
  "const {Command, Flags} = require('@oclif/core')\nclass Hello extends Command {\n  static description = 'Say hello'\n" +
    "  static flags = {name: Flags.string({description: 'who'})}\n  async run() {\n    const {flags} = await this.parse(Hello)\n" +
    "    this.log(`hello ${flags.name ?? 'world'}`)\n  }\n}\nmodule.exports = Hello\n",
)
execFileSync(node, [path.join(root, 'node_modules', 'oclif', 'bin', 'run.js'), 'manifest'], {cwd: mini, stdio: 'ignore'})
const miniBin = path.join(mini, 'bin', 'run.js')

const ws = path.join(tmp, 'ws')
const env = {...process.env, CI: '1', LANG: 'en_US.UTF-8'}
for (const name of ['DEBUG', 'NODE_OPTIONS', 'COMMOPS_WORKSPACE', 'NODE_COMPILE_CACHE']) delete env[name]
execFileSync(node, [commops, 'init', ws, '--sample', '--yes'], {env, stdio: 'ignore'})

// [name, argv, the minimal CLI's case it is compared with]
const cases = [
  ['node -e 0', ['-e', '0']],
  ['mini --version', [miniBin, '--version']],
  ['mini --help', [miniBin, '--help']],
  ['mini hello', [miniBin, 'hello']],
  ['commops --version', [commops, '--version'], 'mini --version'],
  ['commops --help', [commops, '--help'], 'mini --help'],
  ['commops validate', [commops, 'validate'], 'mini hello'],
  ['commops playbook list', [commops, 'playbook', 'list'], 'mini hello'],
  ['commops task list --json', [commops, 'task', 'list', '--json'], 'mini hello'],
  // Ink and React load here: shown, not judged against the minimal CLI (npm run bench:dashboard times it with 1M events)
  ['commops dashboard --once', [commops, 'dashboard', '--once']],
]

/** Wall time (ms) or instructions (millions) of one run; a command that fails fast would look fast, so every run must succeed. */
function time(argv) {
  const out = path.join(tmp, 'callgrind.out')
  const [file, argv2] = instructions
    ? ['valgrind', ['--tool=callgrind', '--separate-threads=yes', `--callgrind-out-file=${out}`, node, ...argv]]
    : [node, argv]
  const start = process.hrtime.bigint()
  const r = spawnSync(file, argv2, {cwd: ws, env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8'})
  const ms = Number(process.hrtime.bigint() - start) / 1e6
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}\n${r.stderr}`)
  if (!instructions) return ms
  const main = readFileSync(`${out}-01`, 'utf8')
  for (const f of readdirSync(tmp)) if (f.startsWith('callgrind.out')) rmSync(path.join(tmp, f))
  return Number(/^(?:summary|totals): (\d+)/m.exec(main)[1]) / 1e6
}

// Rounds take every case in turn, so a slow spell of a shared machine weighs on the baselines as on the rest; the
// first two rounds warm the file cache (and Node's compile cache where it has one).
const samples = cases.map(() => [])
for (let round = 0; round < runs + 2; round++) {
  for (const [i, [, argv]] of cases.entries()) {
    if (round < 2) spawnSync(node, argv, {cwd: ws, env, stdio: 'ignore'})
    else samples[i].push(time(argv))
  }
}
rmSync(tmp, {recursive: true, force: true})

const at = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]
const median = Object.fromEntries(cases.map(([name], i) => [name, at(samples[i], 0.5)]))
const version = execFileSync(node, ['--version'], {encoding: 'utf8'}).trim()
const unit = instructions ? 'M instr' : 'ms'
console.log(`commops bench: installed ${path.basename(tarball)}, node ${version}, ${runs} runs each, ${os.cpus().length} cpu(s)`)
console.log(
  `${'case'.padEnd(26)} ${`median ${unit}`.padStart(14)} ${`IQR ${unit}`.padStart(15)} ${'× node'.padStart(7)} ${'× oclif'.padStart(8)}  target ≤ ${TARGET}× oclif`,
)
let over = 0
for (const [i, [name, , floor]] of cases.entries()) {
  const m = median[name]
  const iqr = `${at(samples[i], 0.25).toFixed(0)}–${at(samples[i], 0.75).toFixed(0)}`
  const vsFloor = floor ? m / median[floor] : undefined
  if (vsFloor > TARGET) over++
  const verdict = vsFloor === undefined ? '' : vsFloor <= TARGET ? `ok (vs ${floor})` : `OVER (vs ${floor})`
  console.log(
    `${name.padEnd(26)} ${m.toFixed(1).padStart(14)} ${iqr.padStart(15)} ${(m / median['node -e 0']).toFixed(2).padStart(6)}× ${vsFloor ? vsFloor.toFixed(2).padStart(7) + '×' : ''.padStart(8)}  ${verdict}`,
  )
}
if (args.includes('--check') && over > 0) process.exitCode = 1
