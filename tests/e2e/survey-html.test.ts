/**
 * The HTML export in a real browser: a respondent fills the page in Chromium (driven by puppeteer-core), downloads
 * their answers and copies them, with no network; `survey ingest` reads the downloaded file back. Skipped when no
 * Chromium is installed (`apt-get install chromium fonts-noto-cjk`).
 */
import {existsSync} from 'node:fs'
import {mkdir, readdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {pathToFileURL} from 'node:url'
import type {Browser, Page} from 'puppeteer-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse, stringify} from 'yaml'
import {Store} from '../../src/store/index.js'
import {readResponses} from '../../src/survey/io-responses.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {makeTempDir, removeDir, runCli} from '../helpers/cli.js'
import {ROOT} from '../helpers/cli.js'

const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']
  .filter((p): p is string => Boolean(p))
  .find((p) => existsSync(p))

let tmp: string
let ws: string
let downloads: string
let browser: Browser | undefined

beforeAll(async () => {
  if (!CHROMIUM) return
  tmp = await makeTempDir()
  ws = path.join(tmp, 'acme')
  downloads = path.join(tmp, 'downloads')
  await mkdir(downloads)
  await initWorkspace({dir: ws, name: 'Acme', locale: 'en', timezone: 'Asia/Shanghai', platforms: [], type: 'brand', sample: true})
  // Every question type, with texts a stranger wrote to break out of the page.
  const doc = parse(await readFile(path.join(ROOT, 'tests', 'fixtures', 'survey', 'q4.yaml'), 'utf8')) as {
    title: Record<string, string>
    questions: Array<{id: string; text: Record<string, string>; options?: Array<{label: Record<string, string>}>}>
  }
  doc.title.en = 'Q4 </script><script>window.pwned = 1</script> & "friends"'
  doc.questions.find((q) => q.id === 'topics')!.options![0].label.en = '<img src=x onerror="window.pwned = 2">Photography'
  doc.questions.find((q) => q.id === 'hours')!.text.en = 'Hours a week </textarea><b>bold</b>'
  await mkdir(path.join(ws, 'surveys'))
  await writeFile(path.join(ws, 'surveys', 'q4.yaml'), stringify(doc))
  const {puppeteer} = {puppeteer: (await import('puppeteer-core')).default}
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    downloadBehavior: {policy: 'allow', downloadPath: downloads},
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
  if (tmp) await removeDir(tmp)
})

/** Waits until a .csv file is complete in the download folder. */
async function downloaded(): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const files = (await readdir(downloads)).filter((f) => f.endsWith('.csv'))
    if (files.length > 0) return path.join(downloads, files[0])
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('no file was downloaded')
}

const click = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).click())

describe.skipIf(!CHROMIUM)('the HTML export in Chromium', () => {
  it('a respondent fills it offline, downloads and copies their answers, and survey ingest reads the file back', async () => {
    const created = await runCli(['survey', 'create', '--from', 'surveys/q4.yaml', '--lang', 'en', '--json'], {cwd: ws})
    expect(created.code, created.stderr).toBe(0)
    const exported = await runCli(['survey', 'export', 'S1', '--format', 'html', '--out', 'out/q4.html'], {cwd: ws})
    expect(exported.code, exported.stderr).toBe(0)

    const page = await browser!.newPage()
    const requests: string[] = []
    const dialogs: string[] = []
    page.on('request', (r) => requests.push(r.url()))
    page.on('dialog', (d) => {
      dialogs.push(d.message())
      void d.dismiss()
    })
    await page.goto(pathToFileURL(path.join(ws, 'out', 'q4.html')).href, {waitUntil: 'load'})

    // Nothing a stranger wrote ran or became markup: it shows as text.
    expect(await page.evaluate(() => (window as unknown as {pwned?: number}).pwned)).toBeUndefined()
    expect(await page.title()).toBe('Q4 </script><script>window.pwned = 1</script> & "friends"')
    expect(await page.$$eval('img, b', (els) => els.length)).toBe(0)
    expect(await page.$eval('label[for="topics-photo"]', (el) => el.textContent)).toContain('<img src=x')

    // Required questions unanswered: the page says so and saves nothing.
    await click(page, '#download-answers')
    expect(await page.$eval('#send-status', (el) => el.textContent)).toMatch(/required questions/)
    expect((await readdir(downloads)).length).toBe(0)

    // A conditional question shows only once its condition holds.
    expect(await page.$eval('#q-why_low', (el) => getComputedStyle(el).display)).toBe('none')
    for (const id of ['overall-4', 'content-6', 'host_rating-9', 'nps-3', 'region-other', 'topics-photo', 'topics-other']) await click(page, `#${id}`)
    expect(await page.$eval('#q-why_low', (el) => getComputedStyle(el).display)).not.toBe('none')
    expect(await page.$eval('#q-north_only', (el) => getComputedStyle(el).display)).toBe('none')
    await page.type('#why_low', 'Too many ads; "really",\nand more')
    await page.type('#region-other-text', 'Mars, base')
    await page.type('#topics-other-text', 'Drones; kites')
    await page.type('#photo_gear', 'Phone')
    await page.type('#hours', '12.5')

    await click(page, '#download-answers')
    const file = await downloaded()
    expect(path.basename(file)).toMatch(/^q4-pulse-answers-\d{8}-\d{6}\.csv$/)
    expect(await page.$eval('#send-status', (el) => el.textContent)).toContain(path.basename(file))

    await click(page, '#copy-answers')
    await page.waitForFunction(() => (document.getElementById('answers-text') as HTMLTextAreaElement).value !== '')
    const copied = await page.$eval('#answers-text', (el) => (el as HTMLTextAreaElement).value)
    const saved = (await readFile(file, 'utf8')).replace(/^\uFEFF/, '')
    // The same answers (the submission time may differ by a second).
    const withoutTime = (csv: string) => csv.replace(/\r\n/g, '\n').replace(/"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/, '"time"')
    expect(withoutTime(copied)).toBe(withoutTime(saved))
    // No request left the page: only the file itself (and the blob it saved).
    expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:') && !u.startsWith('data:'))).toEqual([])
    expect(dialogs).toEqual([])
    await page.close()

    const ingested = await runCli(['survey', 'ingest', 'S1', file, '--json'], {cwd: ws})
    expect(ingested.code, ingested.stderr).toBe(0)
    const report = JSON.parse(ingested.stdout) as {added: number; rejected: unknown[]; warnings: unknown[]; columns: Array<{how: string}>}
    expect(report).toMatchObject({added: 1, rejected: [], warnings: []})
    expect(report.columns.map((c) => c.how)).toEqual(['meta', ...Array(10).fill('id')])
    const [response] = await readResponses(ws, await Store.at(ws).read(), 'S1')
    expect(response.answers).toEqual({
      overall: 4,
      content: 6,
      host_rating: 9,
      nps: 3,
      why_low: 'Too many ads; "really",\nand more',
      region: 'other',
      topics: ['photo', 'other'],
      photo_gear: 'Phone',
      hours: 12.5,
    })
    expect(response.others).toEqual({region: 'Mars, base', topics: 'Drones, kites'})
    expect(response.submittedAt).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
  }, 120_000)
})
