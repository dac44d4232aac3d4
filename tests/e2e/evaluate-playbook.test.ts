/**
 * The evaluate playbook computes instead of describing: in an `init --sample` workspace it imports the sample's
 * activity (data/activity.ndjson, 2026-06-01 to 2026-09-30), computes the metrics and a scorecard of the
 * playbook's own period, its notes read those figures and it writes the operations report of that period. A rerun adds nothing; `--dry-run` writes nothing;
 * without the activity file the import step fails and names the file.
 */
import {readFile, rm} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeDir, runCli} from '../helpers/cli.js'
import {treeHash} from '../helpers/workspace.js'

interface RunRecord {
  status: string
  steps: Array<{id: string; uses: string; status: string; error?: string; outputs?: Record<string, unknown>}>
}

const PERIOD = ['--var', 'from=2026-07-01', '--var', 'to=2026-09-30']
let tmp: string
let ws: string

// the compiled CLI (dist/), as tests/e2e/playbooks.test.ts runs it
const cli = (args: string[]) => runCli([...args, '--workspace', ws], {env: {NODE_ENV: undefined}})

async function run(extra: string[] = []): Promise<RunRecord> {
  const r = await cli(['playbook', 'run', 'evaluate', ...PERIOD, '--yes', '--json', ...extra])
  expect(r.code, r.stderr + r.stdout).toBe(0)
  return JSON.parse(r.stdout) as RunRecord
}

const step = (record: RunRecord, id: string) => record.steps.find((s) => s.id === id)!

beforeAll(async () => {
  tmp = await makeTempDir('commops-evaluate-')
  ws = path.join(tmp, 'ws')
  const r = await runCli(['init', ws, '--sample', '--locale', 'en', '--yes'], {env: {NODE_ENV: undefined}})
  expect(r.code, r.stderr + r.stdout).toBe(0)
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('playbook run evaluate on the sample', () => {
  it('--dry-run writes nothing', async () => {
    const before = await treeHash(ws)
    await run(['--dry-run'])
    expect(await treeHash(ws)).toEqual(before)
  }, 120_000)

  it('imports the activity, computes the metrics and stores a scorecard of the period; a rerun adds nothing', async () => {
    const first = await run()
    expect(first.steps.filter((s) => s.status === 'failed')).toEqual([])
    expect(step(first, 'import')).toMatchObject({uses: 'events.import', status: 'changed', outputs: {format: 'ndjson', rejected: 0}})
    const events = step(first, 'import').outputs!.events as number
    expect(events).toBeGreaterThan(1000)

    const metrics = step(first, 'metrics')
    expect(metrics.uses).toBe('metrics')
    expect(metrics.outputs).toMatchObject({period: '2026-07-01..2026-09-30', from: '2026-07-01', to: '2026-09-30'})
    for (const id of ['members_total', 'active_members', 'dau', 'wau', 'mau']) expect(metrics.outputs![id], id).toBeGreaterThan(0)

    const card = step(first, 'scorecard')
    expect(card).toMatchObject({uses: 'scorecard.compute', status: 'changed', outputs: {key: '2026-07-01..2026-09-30'}})
    expect(card.outputs!.score).toEqual(expect.any(Number))
    expect(card.outputs!.grade).toMatch(/^[A-F]$/)

    const shown = await cli(['scorecard', 'show', '--json'])
    expect(shown.code, shown.stderr).toBe(0)
    const stored = JSON.parse(shown.stdout) as {card: {key: string; score: number; grade: string; period: {from: string; to: string}}}
    expect(stored.card).toMatchObject({key: '2026-07-01..2026-09-30', score: card.outputs!.score, grade: card.outputs!.grade})
    expect(stored.card.period).toMatchObject({from: '2026-07-01', to: '2026-09-30'})

    // the notes read the figures instead of promising them
    const text = await cli(['playbook', 'run', 'evaluate', ...PERIOD, '--yes', '--dry-run'])
    expect(text.code, text.stderr).toBe(0)
    expect(text.stdout).toContain(`From the ${events} events imported from data/activity.ndjson`)
    expect(text.stdout).toContain(`active members ${String(metrics.outputs!.active_members)}, DAU ${String(metrics.outputs!.dau)}`)
    expect(text.stdout).toContain(`score ${String(card.outputs!.score)}, grade ${String(card.outputs!.grade)}`)
    expect(text.stdout).not.toMatch(/placeholder|will be (computed|generated)/i)

    // the report step writes the operations report of the same range, with the scorecard just computed
    const report = step(first, 'report')
    expect(report).toMatchObject({uses: 'report', status: 'changed', outputs: {period: '2026-07-01..2026-09-30', format: 'html'}})
    expect(report.outputs!.path).toBe('out/2026-09-30/report-2026-07-01..2026-09-30.html')
    expect(report.outputs!.grade).toBe(card.outputs!.grade)
    const html = await readFile(path.join(ws, report.outputs!.path as string), 'utf8')
    expect(html).toContain('2026-07-01..2026-09-30')
    expect(html).toContain('data-chart="scores"')
    expect(html).not.toContain('commops scorecard compute')

    const stats = await cli(['events', 'stats', '--json'])
    const count = (JSON.parse(stats.stdout) as {events: number}).events
    expect(count).toBe(events)

    const second = await run()
    expect(second.steps.filter((s) => s.status !== 'ok').map((s) => `${s.id}: ${s.status}`)).toEqual([])
    expect((JSON.parse((await cli(['events', 'stats', '--json'])).stdout) as {events: number}).events).toBe(count)
  }, 120_000)

  it('without the activity file, the import step fails and names it', async () => {
    await rm(path.join(ws, 'data', 'activity.ndjson'))
    const r = await cli(['playbook', 'run', 'evaluate', ...PERIOD, '--yes'])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain('`import`')
    expect(r.stderr).toContain('No data/activity.ndjson in the workspace: put the activity export there')
    expect(r.stderr).toContain('commops init --sample')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }, 120_000)
})
