/**
 * `npm run demo` end to end in a temporary folder: every step of scripts/demo.mjs (launch playbook, the activity
 * imported, the evaluate playbook, the report as Markdown and HTML, `dashboard --once`) exits 0, and it says where the
 * files are and how to open the report.
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeDir, ROOT} from '../helpers/cli.js'

let tmp: string

beforeAll(async () => {
  tmp = await makeTempDir('commops-demo-')
})

afterAll(async () => {
  if (tmp) await removeDir(tmp)
})

/** Runs the demo script into `dir`; its output and exit code. */
function demo(dir: string): Promise<{code: number | null; out: string}> {
  const env: NodeJS.ProcessEnv = {...process.env, CI: '1', NO_COLOR: '1', LANG: 'en_US.UTF-8'}
  for (const name of ['COMMOPS_WORKSPACE', 'COLUMNS', 'LINES', 'DEBUG']) delete env[name]
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'demo.mjs'), dir], {cwd: tmp, env})
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve({code, out}))
  })
}

describe('npm run demo', () => {
  it('runs every step on the bundled sample and ends on the report and a dashboard frame', async () => {
    const dir = path.join(tmp, 'acme')
    const r = await demo(dir)
    expect(r.code, r.out.slice(-4000)).toBe(0)
    for (const step of [
      'playbook run launch',
      'events import data/activity.ndjson',
      'playbook run evaluate',
      'report --period 2026-Q3',
      'dashboard --once',
    ])
      expect(r.out).toContain(`$ commops ${step}`)
    const html = path.join(dir, 'out', 'report-2026-Q3.html')
    expect(existsSync(path.join(dir, 'out', 'report-2026-Q3.md'))).toBe(true)
    expect(await readFile(html, 'utf8')).toContain('data-chart="scores"')
    expect(r.out).toContain(`Files written in ${path.join(dir, 'out')}:`)
    expect(r.out).toContain(`Open the report: xdg-open "${html}"`)
    // the dashboard's frame: the quarter's grade, no escape code
    expect(r.out).toMatch(/2026-Q3 {2}总分 [\d.]+ {2}等级 [A-F]|2026-09 {2}总分 [\d.]+ {2}等级 [A-F]/)
  }, 600_000)
})
