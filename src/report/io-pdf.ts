/**
 * `report --format pdf`: the report's HTML printed to A4 by a Chromium already on the machine, driven by
 * puppeteer-core (imported here, on first use: no other command pays for it). No browser is ever downloaded.
 */
import {accessSync, constants, existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {ValidationError} from '../errors.js'

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']
const ENV = ['COMMOPS_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH']

const executable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK)
    return statSync(file).isFile()
  } catch {
    return false
  }
}

/** The browser to print with: $COMMOPS_CHROMIUM, $PUPPETEER_EXECUTABLE_PATH, then chromium, chromium-browser, google-chrome on PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const name of ENV) {
    const given = env[name]
    if (given && existsSync(given) && executable(given)) return given
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const name of NAMES) {
      const file = path.join(dir, name)
      if (executable(file)) return file
    }
  }
  return undefined
}

/** The browser findChromium finds, or the error that says how to install one. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): string {
  const found = findChromium(env)
  if (!found) throw new ValidationError({key: 'report.pdf.noBrowser'}, {code: 'report.noBrowser', hint: {key: 'report.pdf.noBrowser.hint'}})
  return found
}

/** Prints self-contained HTML (no network needed) to PDF bytes, A4, backgrounds on, the page's own @page margins. */
export async function printPdf(html: string, o: {browser?: string; env?: NodeJS.ProcessEnv} = {}): Promise<Uint8Array> {
  const browserPath = o.browser ?? requireChromium(o.env)
  const {default: puppeteer} = await import('puppeteer-core')
  let browser
  try {
    browser = await puppeteer.launch({
      executablePath: browserPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-extensions'],
    })
    const page = await browser.newPage()
    // the page needs nothing from outside: refuse every request so a stray URL cannot leak or hang the print
    await page.setRequestInterception(true)
    page.on('request', (r) => {
      void (r.url().startsWith('data:') || r.url() === 'about:blank' ? r.continue() : r.abort())
    })
    await page.setContent(html, {waitUntil: 'load'})
    return await page.pdf({format: 'A4', printBackground: true, preferCSSPageSize: true})
  } catch (error) {
    throw new ValidationError(
      {key: 'report.pdf.failed', params: {error: error instanceof Error ? error.message.split('\n')[0] : String(error)}},
      {code: 'report.pdfFailed', hint: {key: 'report.pdf.failed.hint', params: {browser: browserPath}}},
    )
  } finally {
    await browser?.close()
  }
}
