import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {translator} from '../../src/i18n/index.js'
import type {MetricSet} from '../../src/metrics/types.js'
import {diffScorecards} from '../../src/scorecard/diff.js'
import {computeScorecard, diffStoredScorecards, renderDiff, renderScorecard, showScorecard, type MetricSource} from '../../src/scorecard/service.js'
import {Store} from '../../src/store/index.js'
import {checkXml, sarifErrors} from '../helpers/report-checks.js'
import {metricSet} from '../helpers/metric-sets.js'
import {sampleWorkspace} from '../helpers/workspace.js'
import {validateText} from '../helpers/validate.js'

const t = translator('en')
/** A metric source giving hand-made sets by period label. */
const source =
  (sets: Record<string, MetricSet>): MetricSource =>
  async (_ws, _store, request) =>
    sets[request.period!]
const SETS = {
  '2026-09': metricSet('2026-09', {stickiness: 0.1, wau: 200, churn_rate: 0.06, csat: 0.7, retention_d7: null}),
  '2026-10': metricSet('2026-10', {stickiness: 0.15, wau: 300, churn_rate: 0.03, csat: 0.9, retention_d7: 0.2}),
}
const now = new Date('2026-11-02T00:00:00Z')

describe('scorecard service', () => {
  it('keeps a scorecard per period, replaces it when computed again, and compares it with the previous one', async () => {
    const ws = await sampleWorkspace('en')
    const store = Store.at(ws.root)
    const first = await computeScorecard(store, ws, {period: '2026-09', now}, source(SETS))
    expect(first.replaced).toBe(false)
    expect(first.previous).toBeUndefined()
    const second = await computeScorecard(store, ws, {period: '2026-10', now}, source(SETS))
    expect(second.previous).toMatchObject({key: '2026-09', score: first.card.score})
    const wau = second.changes!.metrics.find((m) => m.id === 'wau')!
    expect(wau.value).toEqual({from: 200, to: 300, delta: 100})
    // the sample's goal for wau is 350: 200 → 57.1, 300 → 85.7
    expect(wau.score).toEqual({from: 57.1, to: 85.7, delta: 28.6})
    const again = await computeScorecard(store, ws, {period: '2026-10', now}, source(SETS))
    expect(again.replaced).toBe(true)

    const db = await store.read()
    expect(Object.keys(db.scorecards).sort()).toEqual(['2026-09', '2026-10'])
    expect(db.scorecards['2026-10']).toEqual(again.card)
    expect(db.scorecards['2026-10'].inputsHash).toBe('h-2026-10')

    const latest = await showScorecard(store)
    expect(latest.card.key).toBe('2026-10')
    expect((await showScorecard(store, {period: '2026-09'})).previous).toBeUndefined()
    const diff = await diffStoredScorecards(store, '2026-09', '2026-10')
    expect(diff).toEqual(diffScorecards(db.scorecards['2026-09'], db.scorecards['2026-10']))
    expect(diff.score.delta).toBeCloseTo(second.card.score! - first.card.score!, 1)
    expect(diff.dimensions.map((d) => d.id)).toEqual(second.card.dimensions.map((d) => d.id))
    // retention_d7 was n/a in September: no change to show
    expect(diff.metrics.find((m) => m.id === 'retention_d7')!.score.delta).toBeNull()
  })

  it('a dry run writes nothing; --fail-under is judged, and a bad one refused before anything is computed', async () => {
    const ws = await sampleWorkspace('en')
    const store = Store.at(ws.root)
    const dry = await computeScorecard(store, ws, {period: '2026-10', now, dryRun: true, failUnder: 'A'}, source(SETS))
    expect(dry.gate).toEqual({threshold: 'A', min: 90, passed: false})
    expect(Object.keys((await store.read()).scorecards)).toEqual([])
    let called = false
    const spy: MetricSource = async (...args) => ((called = true), source(SETS)(...args))
    await expect(computeScorecard(store, ws, {period: '2026-10', now, failUnder: 'Z'}, spy)).rejects.toMatchObject({exitCode: 2})
    expect(called).toBe(false)
    await expect(showScorecard(store)).rejects.toMatchObject({code: 'scorecard.none', exitCode: 1})
    await computeScorecard(store, ws, {period: '2026-10', now}, source(SETS))
    expect((await showScorecard(store, {failUnder: '0'})).gate?.passed).toBe(true)
    await expect(showScorecard(store, {period: '2025-01'})).rejects.toMatchObject({code: 'scorecard.notFound'})
  })

  it('grades with the workspace’s scorecard.yaml, validated like every kind, and locates its targets', async () => {
    const ws = await sampleWorkspace('en')
    const spec = [
      'apiVersion: commops/v1',
      'kind: ScorecardSpec',
      'name: club',
      'grades: {A: 80, B: 50, F: 0}',
      'dimensions:',
      '  - id: activity',
      '    metrics:',
      '      - {metric: wau, target: 250}',
      '',
    ].join('\n')
    await writeFile(path.join(ws.root, 'scorecard.yaml'), spec)
    expect(validateText(spec, 'scorecard.yaml', 'en').problems).toEqual([])
    const store = Store.at(ws.root)
    const r = await computeScorecard(store, ws, {period: '2026-10', now}, source(SETS))
    expect(r.card.spec).toMatchObject({name: 'club', source: 'scorecard.yaml'})
    expect(r.card.dimensions.map((d) => d.id)).toEqual(['activity'])
    expect(r.card.dimensions[0].metrics[0]).toMatchObject({id: 'wau', target: 250, score: 100, at: {file: 'scorecard.yaml', line: 8, col: 31}})
    expect(r.card.grade).toBe('A')

    await writeFile(path.join(ws.root, 'scorecard.yaml'), spec.replace('target: 250', 'target: lots'))
    await expect(computeScorecard(store, ws, {period: '2026-10', now}, source(SETS))).rejects.toMatchObject({
      code: 'scorecard.spec.invalid',
      location: {file: 'scorecard.yaml', line: 8, col: 31},
    })
  })

  it('validate finds a metric graded twice and an unknown dimension in a spec', () => {
    const text = [
      'apiVersion: commops/v1',
      'kind: ScorecardSpec',
      'name: x',
      'dimensions:',
      '  - id: activity',
      '    metrics: [{metric: wau}, {metric: wau}]',
      '  - id: fun',
      '',
    ].join('\n')
    const rules = validateText(text, 'scorecard.yaml', 'en').problems.map((p) => [p.rule, p.line])
    expect(rules).toContainEqual(['scorecard.duplicateMetric', 6])
    expect(rules.some(([rule, line]) => String(rule).startsWith('schema.') && line === 7)).toBe(true)
  })
})

describe('scorecard formats', () => {
  async function view() {
    const ws = await sampleWorkspace('en')
    const store = Store.at(ws.root)
    await computeScorecard(store, ws, {period: '2026-09', now}, source(SETS))
    const v = await computeScorecard(store, ws, {period: '2026-10', now, failUnder: 'A'}, source(SETS))
    return {ws, v}
  }

  it('SARIF passes the SARIF subset check, one result per missed or n/a metric located at its goal, an error for the gate', async () => {
    const {ws, v} = await view()
    const sarif = JSON.parse(renderScorecard(v, 'sarif', {t, locale: 'en', root: ws.root, version: '0.1.0'})) as {
      runs: Array<{
        results: Array<{
          ruleId: string
          level: string
          message: {text: string}
          locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number}}}>
        }>
      }>
    }
    expect(await sarifErrors(sarif)).toEqual([])
    const results = sarif.runs[0].results
    expect(results[0]).toMatchObject({ruleId: 'scorecard.failUnder', level: 'error'})
    const missed = v.card.dimensions.flatMap((d) => d.metrics).filter((m) => m.score !== null && m.score < 100)
    const na = v.card.dimensions.flatMap((d) => d.metrics).filter((m) => m.score === null)
    expect(results.filter((r) => r.ruleId === 'scorecard.belowTarget')).toHaveLength(missed.length)
    expect(results.filter((r) => r.ruleId === 'scorecard.na')).toHaveLength(na.length)
    const wau = results.find((r) => r.message.text.startsWith('wau '))!
    expect(wau.locations[0].physicalLocation.artifactLocation.uri).toBe('community.yaml')
    expect(wau.locations[0].physicalLocation.region.startLine).toBeGreaterThan(1)
  })

  it('JUnit is well-formed with a case for the whole and one per metric; the gate is the failure', async () => {
    const {ws, v} = await view()
    const {root, elements} = checkXml(renderScorecard(v, 'junit', {t, locale: 'en', root: ws.root, version: '0.1.0'}).trimEnd())
    expect(root).toBe('testsuites')
    const cases = elements.filter((e) => e.name === 'testcase')
    const metrics = v.card.dimensions.flatMap((d) => d.metrics.map((m) => `${d.id}/${m.id}`))
    expect(cases.map((c) => c.attrs.name)).toEqual(['overall', ...metrics])
    const failures = elements.filter((e) => e.name === 'failure')
    expect(failures).toHaveLength(1)
    expect(failures[0].attrs.type).toBe('scorecard.failUnder')
  })

  it('Markdown has the headline, a row per dimension and per metric with its explanation; the diff likewise', async () => {
    const {ws, v} = await view()
    const md = renderScorecard(v, 'md', {t, locale: 'en', root: ws.root, version: '0.1.0'})
    expect(md).toContain(`Overall: **${v.card.score}** (grade **${v.card.grade}**)`)
    expect(md).toContain('Since 2026-09:')
    expect(md).toMatch(/^\| wau \| 300 \| ≥ 350 \| 1 \| 85\.7 \| \+28\.6 \| test\.formula \(n=10\) \|$/m)
    expect(md).toMatch(
      /^\| retention_d30 \| n\/a \| ≥ 30% \| .* \| n\/a \| — \| scorecard\.na\.notComputed|^\| retention_d30 \| n\/a .*not computed/m,
    )
    for (const d of v.card.dimensions) expect(md).toContain(`## ${t(`scorecard.dim.${d.id}`)}`)
    const diff = renderDiff(v.changes!, 'md', t)
    expect(diff).toContain('# Scorecard 2026-09 → 2026-10')
    expect(diff).toMatch(/^\| wau \| 200 \| 300 \| \+100 \| \+28\.6 \|$/m)
    expect(JSON.parse(renderDiff(v.changes!, 'json', t))).toEqual(v.changes)
  })
})
