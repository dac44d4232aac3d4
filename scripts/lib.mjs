// Helpers shared by the demo and bench scripts.
import {execFileSync, spawnSync} from 'node:child_process'
import {existsSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
export const bin = path.join(root, 'bin', 'run.js')

function newest(dir) {
  let t = 0
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, e.name)
    t = Math.max(t, e.isDirectory() ? newest(full) : statSync(full).mtimeMs)
  }
  return t
}

/** Builds when dist/ or the manifest is missing or older than what the build reads (sources, built-in playbooks, build scripts). */
export function buildIfNeeded() {
  const manifest = path.join(root, 'oclif.manifest.json')
  const stale =
    !existsSync(manifest) ||
    !existsSync(path.join(root, 'dist', 'commands', 'validate.js')) ||
    Math.max(...['src', 'commands', 'playbooks', 'scripts'].map((dir) => newest(path.join(root, dir)))) > statSync(manifest).mtimeMs
  if (stale) execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], {cwd: root, stdio: 'inherit'})
}

const hasTime = existsSync('/usr/bin/time')

/**
 * Runs a child to its end: its stdout, wall time (ms), CPU time (user + system, ms: steadier than wall time on a shared
 * machine) and peak memory (max RSS, MB), the last two by /usr/bin/time where the machine has it (else NaN). An exit
 * status other than `status` throws (a command that fails fast would look fast).
 */
export function measure(argv, {cwd, env, input, status = 0}) {
  const stats = path.join(os.tmpdir(), `commops-bench-time-${process.pid}.txt`)
  const command = hasTime ? '/usr/bin/time' : argv[0]
  const args = hasTime ? ['-f', '%U %S %M', '-o', stats, ...argv] : argv.slice(1)
  const t0 = process.hrtime.bigint()
  const r = spawnSync(command, args, {cwd, env, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024})
  const ms = Number(process.hrtime.bigint() - t0) / 1e6
  if (r.status !== status) throw new Error(`${argv.join(' ')} exited ${r.status}\n${r.stderr}`)
  // the last line: /usr/bin/time puts "Command exited with non-zero status" before it when the status is not 0
  const [user, sys, kb] = hasTime ? readFileSync(stats, 'utf8').trim().split('\n').at(-1).split(/\s+/).map(Number) : [NaN, NaN, NaN]
  if (hasTime) rmSync(stats, {force: true})
  return {stdout: r.stdout, ms, cpu: (user + sys) * 1000, rss: kb / 1024}
}
