/**
 * Every built-in playbook, end to end through the compiled CLI on both bundled samples (zh-CN: a brand
 * community; en: an open-source project): it runs with no failed step, and a rerun changes nothing.
 *
 * A spawned `playbook run` costs about a second of CPU, so to stay well under a minute on two cores:
 * `init --sample` runs once per locale and each playbook gets its own copy of that fresh workspace; every
 * playbook runs on both samples; the rerun (idempotency) check covers the base playbooks on both samples
 * and each variant on one (the open-source sample for -open-source, the brand sample otherwise).
 */
import {readdirSync} from 'node:fs'
import {cp} from 'node:fs/promises'
import {availableParallelism} from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {makeTempDir, removeDir, ROOT, runCli, type CliResult} from '../helpers/cli.js'

const LOCALES = ['zh-CN', 'en'] as const
const PLAYBOOKS = readdirSync(path.join(ROOT, 'playbooks'))
  .filter((f) => /\.ya?ml$/.test(f))
  .map((f) => f.replace(/\.ya?ml$/, ''))
  .sort()
const BASE = new Set(['launch', 'maintain', 'evaluate'])
const rerunsOn = (name: string): readonly string[] => (BASE.has(name) ? LOCALES : name.endsWith('-open-source') ? ['en'] : ['zh-CN'])

interface RunRecord {
  id: string
  playbook: string
  status: string
  steps: Array<{id: string; uses: string; status: 'ok' | 'changed' | 'skipped' | 'failed'; error?: string}>
}

/** At most one spawned CLI per core: more only adds contention (the tests themselves run concurrently). */
const SLOTS = Math.max(2, availableParallelism())
let busy = 0
const waiting: Array<() => void> = []

/**
 * Spawns the CLI once a slot is free. vitest sets NODE_ENV=test, and under "test" or "development" oclif
 * loads the TypeScript sources through tsx instead of dist/: unset it so the compiled CLI is what runs
 * (and about 40% faster).
 */
async function cli(args: string[]): Promise<CliResult> {
  while (busy >= SLOTS) await new Promise<void>((resolve) => waiting.push(resolve))
  busy++
  try {
    return await runCli(args, {env: {NODE_ENV: undefined}})
  } finally {
    busy--
    waiting.shift()?.()
  }
}

const temps: string[] = []
const samples = new Map<string, string>()

/** A fresh copy of the sample workspace of a locale. */
async function workspace(locale: string, label: string): Promise<string> {
  const dir = await makeTempDir(`commops-pb-${label}-${locale}-`)
  temps.push(dir)
  await cp(samples.get(locale)!, dir, {recursive: true})
  return dir
}

/** Runs a playbook with --json; fails the test with the CLI's output unless it exits 0. */
async function run(name: string, ws: string, extra: string[] = []): Promise<RunRecord> {
  const r = await cli(['playbook', 'run', name, '--workspace', ws, '--json', ...extra])
  expect(r.code, `playbook run ${name} ${extra.join(' ')}\n${r.stderr}\n${r.stdout}`).toBe(0)
  return JSON.parse(r.stdout) as RunRecord
}

const statusOf = (record: RunRecord, id: string) => record.steps.find((s) => s.id === id)?.status
const failures = (record: RunRecord) => record.steps.filter((s) => s.status === 'failed').map((s) => `${s.id}: ${s.error ?? ''}`)

beforeAll(async () => {
  await Promise.all(
    LOCALES.map(async (locale) => {
      const tmp = await makeTempDir(`commops-pb-sample-${locale}-`)
      temps.push(tmp)
      const dir = path.join(tmp, 'ws')
      const r = await cli(['init', dir, '--sample', '--locale', locale, '--yes'])
      expect(r.code, r.stderr + r.stdout).toBe(0)
      samples.set(locale, dir)
    }),
  )
})

afterAll(async () => {
  await Promise.all(temps.map((dir) => removeDir(dir)))
})

describe('built-in playbooks', () => {
  it('ship launch, maintain, evaluate and the community-type variants', () => {
    for (const name of [
      'launch',
      'maintain',
      'evaluate',
      'launch-brand',
      'launch-knowledge',
      'launch-interest',
      'launch-open-source',
      'maintain-open-source',
      'maintain-knowledge',
    ]) {
      expect(PLAYBOOKS).toContain(name)
    }
  })

  it('validate playbooks/ reports no problems', async () => {
    const r = await cli(['validate', 'playbooks/', '--json'])
    expect(r.code, r.stderr + r.stdout).toBe(0)
    const report = JSON.parse(r.stdout) as {files: string[]; problems: unknown[]; valid: boolean}
    expect(report.problems).toEqual([])
    expect(report.valid).toBe(true)
    expect(report.files).toHaveLength(PLAYBOOKS.length)
  })
})

describe.concurrent.each(LOCALES)('on the %s sample', (locale) => {
  it.each(PLAYBOOKS)(
    '%s runs without a failed step',
    async (name) => {
      const ws = await workspace(locale, name)
      const maintain = name.startsWith('maintain')
      const vars = maintain ? ['--var', 'period=weekly'] : []

      const first = await run(name, ws, vars)
      expect(first.playbook).toBe(name)
      expect(failures(first)).toEqual([])
      expect(first.status).toBe('changed')
      // a weekly run leaves out the monthly incentive review
      if (maintain) expect(statusOf(first, 'incentive-review')).toBe('skipped')

      if (!rerunsOn(name).includes(locale)) return
      const second = await run(name, ws, vars)
      const moved = second.steps.filter((s) => s.status !== 'ok' && s.status !== 'skipped').map((s) => `${s.id}: ${s.status}`)
      expect(moved, 'a rerun with the same inputs changes nothing').toEqual([])
      expect(second.status).toBe('ok')

      if (name !== 'maintain') return
      const monthly = await run(name, ws, ['--var', 'period=monthly'])
      expect(failures(monthly)).toEqual([])
      expect(statusOf(monthly, 'incentive-review')).toBe('changed')
      expect(statusOf(monthly, 'month-plan')).toBe('changed')
      expect(statusOf(monthly, 'export-monthly')).toBe('changed')
      expect(statusOf(monthly, 'calendar'), 'the weekly part is unchanged').toBe('ok')
    },
    120_000,
  ) // room for a busy machine
})
