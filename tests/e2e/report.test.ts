/**
 * `commops report` end to end on the bundled sample: the HTML opened in headless Chromium (puppeteer-core, Debian's
 * `chromium`) with no console error, no failed or outside request and every chart drawn; the PDF (printed by the CLI
 * with the same Chromium) read back with pdftotext (poppler-utils). Skipped when no Chromium is installed
 * (`apt-get install chromium fonts-noto-cjk poppler-utils`; .ci/run does it). The playbooks' `report` step prints the
 * same PDF: only on a real run, only when its HTML changed, and fails located when no browser is found.
 */
import {execFile} from 'node:child_process'
import {existsSync} from 'node:fs'
import {readFile, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {ReportModel} from '../../src/report/types.js'
import {hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'
import {treeHash} from '../helpers/workspace.js'

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p))

let tmp: string
let ws: string
const commops = (args: string[], env?: Record<string, string | undefined>): Promise<CliResult> => runCli(args, {cwd: ws, env})
const ok = (r: CliResult): CliResult => {
  expect(r.code, r.stderr).toBe(0)
  return r
}

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'lumen')
  ok(await runCli(['init', ws, '--sample', '--yes', '--lang', 'en'], {cwd: tmp}))
  // the client's name is a stranger's text: it must come out of the HTML inert
  const file = path.join(ws, 'community.yaml')
  await writeFile(file, (await readFile(file, 'utf8')).replace(/^name: .*$/m, 'name: "Lumen <script>window.pwned = 1</script> Maps"'))
  ok(await commops(['events', 'import', 'data/activity.ndjson']))
  for (const r of await Promise.all([
    commops(['scorecard', 'compute', '--period', '2026-Q2']),
    commops(['scorecard', 'compute', '--period', '2026-Q3']),
  ]))
    ok(r)
}, 60_000)

afterAll(async () => {
  if (tmp) await removeDir(tmp)
})

describe('report', () => {
  it('says how to install a browser when none is found for --format pdf: exit 1, no stack', async () => {
    const r = await commops(['report', '--period', '2026-Q3', '--format', 'pdf', '--out', 'out/x.pdf'], {
      PATH: path.join(tmp, 'empty-path'),
      COMMOPS_CHROMIUM: undefined,
      PUPPETEER_EXECUTABLE_PATH: undefined,
    })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('apt install chromium fonts-noto-cjk')
    expect(hasStackTrace(r.stderr)).toBe(false)
    expect(existsSync(path.join(ws, 'out', 'x.pdf'))).toBe(false)
  })

  it.skipIf(!CHROMIUM)(
    'prints Markdown, and writes HTML that Chromium shows offline with its charts drawn and a PDF whose text has every section title',
    async () => {
      const env = {COMMOPS_CHROMIUM: CHROMIUM}
      const [md, html, pdf] = await Promise.all([
        commops(['report', '--period', '2026-Q3']),
        commops(['report', '--period', '2026-Q3', '--format', 'html', '--out', 'out/report.html', '--json'], env),
        commops(['report', '--period', '2026-Q3', '--format', 'pdf', '--out', 'out/report.pdf', '--lang', 'zh-CN'], env),
      ])
      // Markdown on stdout; --json gives the model (and where the file went)
      expect(ok(md).stdout).toMatch(/^# Lumen &lt;script>window.pwned = 1&lt;\/script> Maps · Operations summary report · 2026-Q3/)
      for (const title of ['1. Overview', '2. Strategy', '3. Practice', '4. Evaluation', '5. Optimisation suggestions', '6. Outlook and summary'])
        expect(md.stdout).toContain(`## ${title}`)
      const model = JSON.parse(ok(html).stdout) as ReportModel & {path: string}
      expect(model.path).toBe('out/report.html')
      expect(model.evaluation.scorecard).toMatchObject({data: {key: '2026-Q3', previous: {period: '2026-Q2'}}})
      ok(pdf)

      const {default: puppeteer} = await import('puppeteer-core')
      const browser = await puppeteer.launch({executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run']})
      try {
        const page = await browser.newPage()
        const problems: string[] = []
        const requests: string[] = []
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warn') problems.push(`${m.type()}: ${m.text()}`)
        })
        page.on('pageerror', (e) => problems.push(`pageerror: ${String(e)}`))
        page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`))
        page.on('request', (r) => requests.push(r.url()))
        const url = pathToFileURL(path.join(ws, 'out', 'report.html')).href
        await page.goto(url, {waitUntil: 'load'})
        expect(problems).toEqual([])
        expect(requests).toEqual([url])
        expect(await page.evaluate(() => (window as unknown as {pwned?: number}).pwned)).toBeUndefined()
        expect(await page.$eval('.cover h1', (e) => e.textContent)).toBe('Lumen <script>window.pwned = 1</script> Maps')
        const charts = await page.$$eval('figure.chart', (figures) =>
          figures.map((f) => {
            const box = f.querySelector('svg')!.getBoundingClientRect()
            const marks = [...f.querySelectorAll('path.series, rect.cell, rect.bar')].filter((m) => {
              const b = m.getBoundingClientRect()
              return b.width > 0 && b.height > 0
            })
            return {chart: f.dataset.chart, width: box.width, height: box.height, marks: marks.length}
          }),
        )
        expect(charts.map((c) => c.chart)).toEqual(['cohorts', 'trend', 'scores', 'levels'])
        for (const c of charts) {
          expect(c.width, c.chart).toBeGreaterThan(100)
          expect(c.height, c.chart).toBeGreaterThan(50)
          expect(c.marks, c.chart).toBeGreaterThan(0)
        }
      } finally {
        await browser.close()
      }

      const {stdout: text} = await promisify(execFile)('pdftotext', ['-layout', path.join(ws, 'out', 'report.pdf'), '-'])
      for (const title of ['社群运营总结报告', '目录', '一、概述', '二、策略', '三、实践', '四、效果评估', '五、优化建议', '六、未来展望与总结'])
        expect(text).toContain(title)
      expect(text).toContain('2026-Q3')
      expect(text).toContain('<script>window.pwned')
    },
    60_000,
  )
})

/** A playbook with one `report` step writing the third quarter as PDF (line 10: `uses: report`). */
const PDF_PLAYBOOK = `apiVersion: commops/v1
kind: Playbook
name: pdf-report
phase: evaluate
description:
  en: The quarter as PDF
  zh-CN: 季度报告 PDF
steps:
  - id: report
    uses: report
    with:
      period: 2026-Q3
      format: pdf
      out: out/q3.pdf
      lang: zh-CN
`

interface StepRecord {
  id: string
  status: string
  outputs?: Record<string, unknown>
}

describe('the report step with format: pdf', () => {
  const pdf = () => path.join(ws, 'out', 'q3.pdf')
  const runPdf = (extra: string[], env?: Record<string, string | undefined>) =>
    commops(['playbook', 'run', 'pdf-report', '--yes', '--lang', 'en', ...extra], env)
  beforeAll(async () => {
    await writeFile(path.join(ws, 'playbooks', 'pdf-report.yaml'), PDF_PLAYBOOK)
  })

  it('fails at the step, located, with how to install a browser when none is found, on a dry run as on a real one; writes nothing', async () => {
    const noBrowser = {PATH: path.join(tmp, 'empty-path'), COMMOPS_CHROMIUM: undefined, PUPPETEER_EXECUTABLE_PATH: undefined}
    const before = await treeHash(ws)
    for (const extra of [['--dry-run'], []]) {
      const r = await runPdf(extra, noBrowser)
      expect(r.code, r.stdout + r.stderr).toBe(1)
      expect(r.stderr).toContain('No Chromium or Chrome was found to print the PDF')
      expect(r.stderr).toContain('apt install chromium fonts-noto-cjk')
      expect(r.stderr).toContain('playbooks/pdf-report.yaml:10:11')
      expect(hasStackTrace(r.stderr)).toBe(false)
    }
    expect(existsSync(pdf())).toBe(false)
    // the failed real run is recorded in the store; the workspace's files are as they were
    const after = await treeHash(ws)
    for (const key of Object.keys(before).filter((k) => !k.startsWith('.commops'))) expect(after[key], key).toEqual(before[key])
  }, 60_000)

  it.skipIf(!CHROMIUM)(
    'a dry run shows the PDF and writes nothing; a run prints it; a rerun keeps it; a deleted PDF is printed again',
    async () => {
      const env = {COMMOPS_CHROMIUM: CHROMIUM}
      await rm(pdf(), {force: true})
      const before = await treeHash(ws)
      const dry = ok(await runPdf(['--dry-run'], env))
      expect(dry.stdout).toContain('+ file out/q3.pdf (PDF)')
      expect(await treeHash(ws)).toEqual(before)

      const step = async () => {
        const r = ok(await runPdf(['--json'], env))
        return (JSON.parse(r.stdout) as {steps: StepRecord[]}).steps[0]
      }
      expect(await step()).toMatchObject({status: 'changed', outputs: {path: 'out/q3.pdf', format: 'pdf', period: '2026-Q3'}})
      const bytes = await readFile(pdf())
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-')
      const {stdout: text} = await promisify(execFile)('pdftotext', ['-layout', pdf(), '-'])
      for (const title of ['社群运营总结报告', '一、概述', '六、未来展望与总结']) expect(text).toContain(title)

      // same figures: nothing to print again (a PDF's bytes differ with each print, so it is not reprinted to compare)
      expect((await step()).status).toBe('ok')
      expect(await readFile(pdf())).toEqual(bytes)
      await rm(pdf())
      expect((await step()).status).toBe('changed')
      expect(existsSync(pdf())).toBe(true)
    },
    120_000,
  )
})
