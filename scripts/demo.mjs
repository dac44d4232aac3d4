// npm run demo [-- DIR]: build if needed, create a workspace from the bundled sample, validate it, and run what exists.
import {spawnSync} from 'node:child_process'
import {existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {bin, buildIfNeeded, root} from './lib.mjs'

buildIfNeeded()
const given = process.argv[2]
const dir = given ? path.resolve(given) : path.join(mkdtempSync(path.join(os.tmpdir(), 'commops-demo-')), 'acme')
if (given && existsSync(path.join(dir, 'community.yaml'))) rmSync(dir, {recursive: true, force: true})
const env = {...process.env, CI: process.env.CI ?? '1'}

function step(title, argv, {allowFail = false} = {}) {
  console.log(`${title ? `\n\x1b[1m▶ ${title}\x1b[0m\n` : ''}$ commops ${argv.join(' ')}`)
  const r = spawnSync(process.execPath, [bin, ...argv], {cwd: dir, env, stdio: 'inherit'})
  if (r.status !== 0 && !allowFail) {
    console.error(`demo: "commops ${argv.join(' ')}" exited ${r.status}`)
    process.exit(r.status ?? 1)
  }
  return r.status
}

console.log(`commops demo — workspace: ${dir}`)
spawnSync('mkdir', ['-p', dir])
step('Create a workspace from the bundled sample (Acme 米粉俱乐部)', ['init', '.', '--sample', '--locale', 'zh-CN', '--yes'])
step('Validate community.yaml and playbooks', ['validate'])
step('Schemas shipped for editors and CI', ['schema'])
step('Built-in and workspace playbooks', ['playbook', 'list'])
step('What the launch playbook will do (dry run: writes nothing)', ['playbook', 'run', 'launch', '--dry-run'])
step('Run the launch playbook', ['playbook', 'run', 'launch'])
step('Run it again: nothing changes (idempotent)', ['playbook', 'run', 'launch'])
step('Tasks the playbook created for the team', ['task', 'list'])
step('Run history', ['runs'])
const demo = await import('./demo-steps.mjs')
for (const [title, argv] of demo.steps) step(title, argv)
const out = path.join(dir, 'out')
console.log(`\nFiles written in ${out}:`)
for (const file of readdirSync(out, {recursive: true}).sort()) console.log(`  ${file}`)
const opener = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'start ""' : 'xdg-open'
console.log(`Open the report: ${opener} "${path.join(dir, demo.report)}"`)
console.log(`\nDone. Explore: cd ${dir} && node ${bin} --help`)
console.log(`To type \`commops\` instead, run \`npm link\` once in ${root} (or \`npm install --global ${root}\`).`)
