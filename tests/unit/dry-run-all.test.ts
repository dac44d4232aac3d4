import {readdirSync} from 'node:fs'
import {mkdir, mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadPlaybook} from '../../src/playbook/load.js'
import {runPlaybook} from '../../src/playbook/runner.js'
import {normalizeVars, resolveVars} from '../../src/playbook/vars.js'
import {Store} from '../../src/store/index.js'
import {applyTemplate} from '../../src/template/apply.js'
import {listTemplates, loadTemplate} from '../../src/template/load.js'
import {completeParams} from '../../src/template/params.js'
import {dateIn} from '../../src/util/dates.js'
import type {Locale} from '../../src/i18n/index.js'
import {openWorkspace, type Workspace} from '../../src/workspace/index.js'
import {ROOT} from '../helpers/cli.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

// --dry-run writes nothing: every built-in playbook (the package's and the templates') and every template.

const NOW = new Date('2026-11-30T02:00:00Z')
const builtIn = readdirSync(path.join(ROOT, 'playbooks'))
  .filter((n) => n.endsWith('.yaml'))
  .map((n) => n.replace(/\.yaml$/, ''))

/** Runs each playbook with --dry-run and checks the workspace's files, folders and their times are unchanged. */
async function dryRunAll(ws: Workspace, refs: string[], locale: Locale): Promise<void> {
  const before = await treeHash(ws.root)
  for (const ref of refs) {
    const {playbook} = await loadPlaybook(ref, {root: ws.root, cwd: ws.root, locale})
    const run = {id: 'dry-run', date: dateIn(NOW, ws.timezone), playbook: playbook.name}
    const vars = resolveVars(normalizeVars(playbook.vars ?? {}).decls, [], locale, {run, community: ws.community})
    const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars, locale, dryRun: true, now: NOW, user: 'tester'})
    let steps = 0
    for (let next = await gen.next(); !next.done; next = await gen.next()) if (!('starting' in next.value)) steps++
    expect(steps, ref).toBe(playbook.steps.length)
    expect(await treeHash(ws.root), ref).toEqual(before)
  }
}

describe('playbook run --dry-run leaves the workspace as it was', () => {
  it.each(['zh-CN', 'en'] as const)(
    'every built-in playbook, %s',
    async (locale) => {
      expect(builtIn.length).toBeGreaterThanOrEqual(12)
      await dryRunAll(await sampleWorkspace(locale), builtIn, locale)
    },
    120_000,
  )

  it('every playbook a bundled template writes, in the workspace it makes', async () => {
    const tmp = await mkdtemp(path.join(tmpdir(), 'commops-dry-'))
    let count = 0
    for (const entry of await listTemplates('en')) {
      const tpl = await loadTemplate(entry.name, {locale: 'en', cwd: tmp})
      const into = path.join(tmp, entry.name)
      await applyTemplate(tpl, completeParams(tpl.doc, {name: 'Dry'}), {into, locale: 'en'})
      const ws = await openWorkspace({flag: into})
      const refs = readdirSync(path.join(into, 'playbooks'))
        .filter((n) => n.endsWith('.yaml'))
        .map((n) => `playbooks/${n}`)
      count += refs.length
      await dryRunAll(ws, refs, ws.locale)
    }
    expect(count).toBeGreaterThanOrEqual(8)
  }, 120_000)
})

describe('template apply --dry-run writes nothing', () => {
  it('every bundled template, into a new folder and over an existing workspace', async () => {
    const templates = await listTemplates('en')
    expect(templates.length).toBeGreaterThanOrEqual(4)
    const tmp = await mkdtemp(path.join(tmpdir(), 'commops-dry-'))
    const existing = (await sampleWorkspace('zh-CN')).root
    const before = await treeHash(existing)
    for (const entry of templates) {
      const tpl = await loadTemplate(entry.name, {locale: 'en', cwd: tmp})
      const values = completeParams(tpl.doc, {name: 'Dry'})
      const fresh = path.join(tmp, entry.name)
      await applyTemplate(tpl, values, {into: fresh, dryRun: true, locale: 'en'})
      expect(readdirSync(tmp).includes(entry.name), entry.name).toBe(false)
      await applyTemplate(tpl, values, {into: existing, dryRun: true, force: true, locale: 'en'})
      expect(await treeHash(existing), entry.name).toEqual(before)
    }
    await mkdir(path.join(tmp, 'kept'))
    expect(readdirSync(tmp)).toEqual(['kept'])
  }, 120_000)
})
