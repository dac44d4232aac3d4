// Helpers shared by the demo and bench scripts.
import {execFileSync} from 'node:child_process'
import {existsSync, readdirSync, statSync} from 'node:fs'
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
