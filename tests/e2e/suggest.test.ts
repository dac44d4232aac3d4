/** `commops suggest` end to end on the bundled sample: no scorecard yet, then ranked suggestions, a workspace rule, a bad one. */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import stringWidth from 'string-width'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {SuggestResult} from '../../src/suggest/types.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'

let tmp: string
let ws: string
const commops = (args: string[], env: Record<string, string> = {}): Promise<CliResult> => runCli(args, {cwd: ws, env})

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'lumen')
  await initWorkspace({dir: ws, name: 'Lumen', locale: 'en', timezone: 'Europe/Berlin', platforms: [], type: 'open-source', sample: true})
  const imported = await commops(['events', 'import', 'data/activity.ndjson'])
  expect(imported.code, imported.stderr).toBe(0)
})

afterAll(async () => {
  await removeDir(tmp)
})

const OWN = [
  'apiVersion: commops/v1',
  'kind: SuggestionRules',
  'rules:',
  '  - id: reach-ours',
  '    when: {metric: content_reach, scoreBelow: 50}',
  '    title: Reach is half the target',
  '    why: "{value} views per item"',
  '    action: Cross-post to the newsletter',
  '    effect: More views',
  '',
].join('\n')

describe('suggest', () => {
  it('without a scorecard exits 0 with an empty list in --json and the command that computes one', async () => {
    const json = await commops(['suggest', '--json'])
    expect(json.code, json.stderr).toBe(0)
    const r = JSON.parse(json.stdout) as SuggestResult
    expect(r.suggestions).toEqual([])
    expect(r.noScorecard?.command).toMatch(/^commops scorecard compute --period \d{4}-\d{2}$/)
  })

  it('ranks the suggestions of the sample’s August scorecard by gap, with the workspace’s own rules, in both languages', async () => {
    const computed = await commops(['scorecard', 'compute', '--period', '2026-08', '--json'])
    expect(computed.code, computed.stderr).toBe(0)
    await mkdir(path.join(ws, 'suggestions'), {recursive: true})
    await writeFile(path.join(ws, 'suggestions', 'ours.yaml'), OWN)
    const json = await commops(['suggest', '--json', '--limit', '100'])
    expect(json.code, json.stderr).toBe(0)
    const r = JSON.parse(json.stdout) as SuggestResult
    expect(r.scorecard).toBe('2026-08')
    expect(r.suggestions.length).toBeGreaterThan(2)
    const gaps = r.suggestions.map((s) => s.gap)
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a))
    // the sample converts 1 of 131 active members against a 4% goal: the largest gap
    expect(r.suggestions[0]).toMatchObject({
      rule: 'conversion-low',
      source: 'builtin',
      playbook: 'maintain',
      step: 'month-plan',
      metric: 'conversion_rate',
    })
    expect(r.suggestions[0].why).toMatchObject({en: expect.stringContaining('0.8%'), 'zh-CN': expect.stringContaining('0.8%')})
    // level movement is read from the events: the sample's August loses a core member and promotes none
    expect(r.suggestions.find((s) => s.rule === 'core-members-moving-down')).toMatchObject({playbook: 'maintain', step: 'incentive-review'})
    const own = r.suggestions.find((s) => s.rule === 'reach-ours')
    expect(own).toMatchObject({source: 'suggestions/ours.yaml', why: {en: '7.54 views per item'}})

    const zh = await commops(['suggest', '--lang', 'zh-CN', '--limit', '2'], {COLUMNS: '80'})
    expect(zh.code).toBe(0)
    expect(zh.stdout).toContain('活跃成员的转化率偏低')
    expect(zh.stdout).toContain('maintain › month-plan')
    expect(zh.stdout).toMatch(/还有 \d+ 条/)
    for (const line of zh.stdout.split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80)
  })

  it('stops at file:line:col on a bad workspace rule file', async () => {
    await writeFile(
      path.join(ws, 'suggestions', 'bad.yaml'),
      'apiVersion: commops/v1\nkind: SuggestionRules\nrules:\n  - id: x\n    when: {metric: nope, below: 1}\n',
    )
    const bad = await commops(['suggest'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/suggestions\/bad\.yaml:\d+:\d+: /)
    expect(hasStackTrace(bad.stderr)).toBe(false)
  })
})
