/** `calendar export --format csv` of items whose text would run as a spreadsheet formula, read back from the file. */
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {parse} from 'csv-parse/sync'
import {afterAll, beforeAll, expect, it} from 'vitest'
import {makeTempDir, removeDir, runCli} from '../helpers/cli.js'

let dir: string
beforeAll(async () => {
  dir = await makeTempDir('commops-csv-')
})
afterAll(() => removeDir(dir))

it('calendar export --format csv escapes cells that start a formula (=, +, -, @, TAB, CR)', {timeout: 60_000}, async () => {
  const root = path.join(dir, 'ws')
  expect((await runCli(['init', root, '--yes', '--name', 'Demo'])).code).toBe(0)
  const titles = ['=HYPERLINK("http://evil.example","click")', '+SUM(1,2)', '-2+3', '@cmd', '\t=1', '\r=1', 'plain']
  for (const [i, title] of titles.entries()) {
    const r = await runCli(['calendar', 'add', '--title', title, '--notes', title, '--date', '2026-12-15', '--time', `1${i}:00`], {cwd: root})
    expect(r.code, r.stderr).toBe(0)
  }
  const out = path.join(dir, 'cal.csv')
  const r = await runCli(['calendar', 'export', '--format', 'csv', '--out', out, '--from', '2026-12-01', '--to', '2026-12-31'], {cwd: root})
  expect(r.code, r.stderr).toBe(0)
  const rows = parse<Record<string, string>>(await readFile(out, 'utf8'), {bom: true, columns: true})
  expect(rows.map((row) => row.notes).sort()).toEqual(titles.map((t) => (t === 'plain' ? t : `'${t}`)).sort())
  expect(rows.map((row) => row.title)).toContain(`'=HYPERLINK("http://evil.example","click")`)
  for (const row of rows) for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
})
