/**
 * The first ten minutes, as a new user spends them: `init --yes`, `validate`, then the launch playbook.
 * The starter's placeholders (`（待填写）…`, `(to fill in) …`) are warnings with their lines, count as empty in the
 * positioning score, and the launch gate points at community.yaml, not at the built-in playbook.
 */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeDir, runCli} from '../helpers/cli.js'

let tmp: string
const MARKER = {'zh-CN': '（待填写）', en: '(to fill in)'} as const

beforeAll(async () => {
  tmp = await makeTempDir('commops-first-run-')
  for (const locale of ['zh-CN', 'en'] as const) {
    const r = await runCli(['init', locale, '--locale', locale, '--timezone', 'Asia/Shanghai', '--yes'], {cwd: tmp})
    expect(r.code, r.stderr).toBe(0)
  }
})

afterAll(async () => {
  await removeDir(tmp)
})

/** The 1-based line and column of every placeholder value in a starter (comments excluded). */
function placeholderPositions(text: string, marker: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) => (line.trimStart().startsWith('#') || !line.includes(marker) ? [] : [`${i + 1}:${line.indexOf(marker) + 1}`]))
}

describe.sequential('a fresh workspace, before community.yaml is filled in', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    it(`${locale}: validate warns about each placeholder at its line and column, exit 0; --strict exits 1`, async () => {
      const ws = path.join(tmp, locale)
      const text = await readFile(path.join(ws, 'community.yaml'), 'utf8')
      const expected = placeholderPositions(text, MARKER[locale])
      expect(expected.length).toBeGreaterThan(10)

      const json = await runCli(['validate', '--format', 'json'], {cwd: ws})
      expect(json.code, json.stdout + json.stderr).toBe(0)
      const report = JSON.parse(json.stdout) as {valid: boolean; problems: Array<{line: number; col: number; severity: string; rule: string}>}
      expect(report.valid).toBe(true)
      expect(report.problems.every((p) => p.severity === 'warning' && p.rule === 'community.placeholder')).toBe(true)
      expect(report.problems.map((p) => `${p.line}:${p.col}`)).toEqual(expected)

      const text1 = await runCli(['validate'], {cwd: ws})
      expect(text1.code).toBe(0)
      expect(text1.stdout).toContain(`community.yaml:${expected[0]}  warning`)
      expect(text1.stdout).toContain(locale === 'en' ? `${expected.length} warning(s)` : `${expected.length} 处警告`)
      expect(text1.stdout).not.toMatch(/no problems|没有发现问题/)

      const strict = await runCli(['validate', '--strict'], {cwd: ws})
      expect(strict.code).toBe(1)
      const [github, junit, sarif, strictJunit] = await Promise.all([
        runCli(['validate', '--format', 'github'], {cwd: ws}),
        runCli(['validate', '--format', 'junit'], {cwd: ws}),
        runCli(['validate', '--format', 'sarif'], {cwd: ws}),
        runCli(['validate', '--format', 'junit', '--strict'], {cwd: ws}),
      ])
      expect(github.stdout).toContain(`::warning file=community.yaml,line=${expected[0].replace(':', ',col=')},`)
      expect(junit.code).toBe(0)
      expect(junit.stdout).toContain('<system-out>')
      expect(junit.stdout).toContain('failures="0"')
      const results = (JSON.parse(sarif.stdout) as {runs: Array<{results: Array<{level: string}>}>}).runs[0].results
      expect(results).toHaveLength(expected.length)
      expect(results.every((r) => r.level === 'warning')).toBe(true)
      expect(strictJunit.code).toBe(1)
      expect(strictJunit.stdout).toContain('failures="1"')
    })

    it(`${locale}: the launch gate fails, located in community.yaml with what to fill; filled in, it passes`, async () => {
      const ws = path.join(tmp, locale)
      const file = path.join(ws, 'community.yaml')
      const text = await readFile(file, 'utf8')
      const r = await runCli(['playbook', 'run', 'launch', '--yes'], {cwd: ws})
      expect(r.code).toBe(1)
      const description = text.split('\n').findIndex((l) => l.startsWith('description:')) + 1
      expect(r.stderr).toContain(`${file}:${description}:14:`)
      expect(r.stderr).not.toContain('playbooks/launch')
      expect(r.stderr).toContain(locale === 'en' ? 'Still to fill in: A one-line description; Theme' : '待补充：一句话介绍; 主题')
      expect(r.stderr).toContain(locale === 'en' ? 'Fill in community.yaml' : '请先填写 community.yaml')

      const filled = text
        .replace(/^description: ""$/m, locale === 'en' ? 'description: "Photographers helping each other"' : 'description: "手机摄影爱好者互助"')
        .split(MARKER[locale])
        .join('')
      await writeFile(file, filled)
      const clean = await runCli(['validate', '--strict'], {cwd: ws})
      expect(clean.code, clean.stdout).toBe(0)
      const again = await runCli(['playbook', 'run', 'launch', '--yes'], {cwd: ws})
      expect(again.code, again.stdout + again.stderr).toBe(0)
    })
  }

  it('launch starts four weeks from today by default (no task overdue at once); a past --var start is warned about', async () => {
    const ws = path.join(tmp, 'en')
    const today = new Date().toLocaleDateString('en-CA', {timeZone: 'Asia/Shanghai'})
    const plan = await runCli(['playbook', 'run', 'launch', '--dry-run', '--json'], {cwd: ws})
    const record = JSON.parse(plan.stdout) as {vars: {start: string}}
    const expected = new Date(`${today}T00:00:00Z`)
    expected.setUTCDate(expected.getUTCDate() + 28)
    expect(record.vars.start).toBe(expected.toISOString().slice(0, 10))
    expect(plan.stderr).not.toContain('before today')

    const [en, zh] = await Promise.all([
      runCli(['playbook', 'run', 'launch', '--dry-run', '--var', 'start=2020-01-06'], {cwd: ws}),
      runCli(['playbook', 'run', 'launch', '--dry-run', '--var', 'start=2020-01-06', '--lang', 'zh-CN'], {cwd: ws}),
    ])
    expect(en.stderr).toContain(`--var start=2020-01-06 is before today (${today})`)
    expect(zh.stderr).toContain(`--var start=2020-01-06 早于今天（${today}）`)
    const future = await runCli(['playbook', 'run', 'launch', '--dry-run', '--var', `start=${record.vars.start}`], {cwd: ws})
    expect(future.stderr).not.toContain('before today')
  })
})
