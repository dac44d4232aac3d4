/** `scorecard compute|show|diff` and the `scorecard.compute` step end to end: the compiled CLI in a workspace. */
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import type {ComputedScorecard} from '../../src/scorecard/service.js'
import type {ScorecardDiff} from '../../src/scorecard/types.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'
import {checkXml, sarifErrors} from '../helpers/report-checks.js'

const commops = (args: string[]): Promise<CliResult> => runCli(args, {cwd: ws})

let tmp: string
let ws: string

/** Forty members who joined in August, more active in October than in September, a question every third day. */
function events(): string {
  const out: object[] = []
  let n = 0
  const ev = (ts: string, type: string, member: string, topic?: string) =>
    out.push({ts, type, member, channel: 'wechat-main', src: `t:${++n}`, ...(topic ? {topic} : {})})
  for (let m = 0; m < 40; m++) ev(`2026-08-${String(1 + (m % 28)).padStart(2, '0')}T10:00:00+08:00`, 'join', `qq:${m}`)
  for (const [month, every] of [
    ['09', 4],
    ['10', 2],
  ] as const) {
    for (let day = 1; day <= 30; day++) {
      const d = `2026-${month}-${String(day).padStart(2, '0')}`
      for (let m = 0; m < 40; m++) if ((m + day) % every === 0) ev(`${d}T12:00:00+08:00`, m % 3 ? 'post' : 'reply', `qq:${m}`, `t${day % 7}`)
      if (day % 3 === 0) {
        ev(`${d}T09:00:00+08:00`, 'question', `qq:${day}`, `q${month}${day}`)
        ev(`${d}T11:00:00+08:00`, 'answer', `qq:${day + 1}`, `q${month}${day}`)
      }
    }
  }
  return out.map((e) => JSON.stringify(e)).join('\n') + '\n'
}

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'club')
  await initWorkspace({dir: ws, name: 'Club', locale: 'en', timezone: 'Asia/Shanghai', platforms: [], type: 'interest', sample: true})
  await writeFile(path.join(ws, 'data', 'activity.ndjson'), events())
  const imported = await commops(['events', 'import', 'data/activity.ndjson'])
  expect(imported.code, imported.stderr).toBe(0)
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('scorecard', () => {
  it('computes two months, keeps them and compares the second with the first', async () => {
    const sep = await commops(['scorecard', 'compute', '--period', '2026-09', '--json'])
    expect(sep.code, sep.stderr).toBe(0)
    const oct = await commops(['scorecard', 'compute', '--period', '2026-10', '--json'])
    expect(oct.code, oct.stderr).toBe(0)
    const r = JSON.parse(oct.stdout) as ComputedScorecard
    expect(r.card.key).toBe('2026-10')
    expect(r.card.score).toEqual(expect.any(Number))
    expect(r.previous?.key).toBe('2026-09')
    const active = r.card.dimensions.flatMap((d) => d.metrics).find((m) => m.id === 'active_members')!
    expect(active).toMatchObject({value: 40, target: 900, source: 'goal'})
    expect(active.inputs).toEqual({active: 40})
    expect(r.changes?.metrics.find((m) => m.id === 'active_members')).toBeDefined()

    const text = await commops(['scorecard', 'show'])
    expect(text.code).toBe(0)
    expect(text.stdout).toContain(`2026-10  overall ${r.card.score}  grade ${r.card.grade}`)
    expect(text.stdout).toContain('Since 2026-09:')
    expect(text.stdout).toMatch(/active_members\s+40\s+≥ 900\s+4\.4/)
    const zh = await commops(['scorecard', 'show', '--period', '2026-09', '--lang', 'zh-CN'])
    expect(zh.stdout).toContain('2026-09  总分')
    expect(zh.stdout).toContain('没有同一规格的更早评分卡可供比较。')
    // figures without a value read in the reader's language (this workspace has no survey)
    expect(zh.stdout).toContain('无数据')
    expect(zh.stdout).not.toContain('n/a')

    const diff = await commops(['scorecard', 'diff', '2026-09', '2026-10', '--json'])
    expect(diff.code).toBe(0)
    const d = JSON.parse(diff.stdout) as ScorecardDiff
    expect(d.to.key).toBe('2026-10')
    expect(d.score.to).toBe(r.card.score)
    const again = await commops(['scorecard', 'compute', '--period', '2026-10'])
    expect(again.stderr).toContain('replacing the one computed before')
  })

  it('--fail-under exits 1 under the threshold (grade or score), 0 at it, 2 for a bad value', async () => {
    const shown = JSON.parse((await commops(['scorecard', 'show', '--json'])).stdout) as ComputedScorecard
    const score = shown.card.score!
    const under = await commops(['scorecard', 'compute', '--period', '2026-10', '--fail-under', String(Math.min(100, Math.floor(score) + 1))])
    expect(under.code).toBe(1)
    expect(under.stderr).toContain(`Error: Scorecard 2026-10 is below ${Math.min(100, Math.floor(score) + 1)}: overall ${score}`)
    const grade = await commops(['scorecard', 'show', '--fail-under', 'A', '--json'])
    expect(grade.code).toBe(score >= 90 ? 0 : 1)
    expect((JSON.parse(grade.stdout) as ComputedScorecard).gate).toEqual({threshold: 'A', min: 90, passed: score >= 90})
    expect((await commops(['scorecard', 'show', '--fail-under', String(Math.floor(score))])).code).toBe(0)
    const bad = await commops(['scorecard', 'show', '--fail-under', 'Z'])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--fail-under Z is neither a grade nor a score 0–100')
    expect(hasStackTrace(bad.stderr)).toBe(false)
  })

  it('writes SARIF, JUnit and Markdown for CI with --out', async () => {
    const sarif = await commops(['scorecard', 'show', '--format', 'sarif', '--out', 'out/scorecard.sarif'])
    expect(sarif.code, sarif.stderr).toBe(0)
    const doc = JSON.parse(await readFile(path.join(ws, 'out', 'scorecard.sarif'), 'utf8')) as {runs: Array<{results: unknown[]}>}
    expect(await sarifErrors(doc)).toEqual([])
    expect(doc.runs[0].results.length).toBeGreaterThan(0)
    const junit = await commops(['scorecard', 'show', '--format', 'junit', '--fail-under', '100'])
    expect(junit.code).toBe(1)
    const {elements} = checkXml(junit.stdout.trimEnd())
    expect(elements.filter((e) => e.name === 'failure').map((e) => e.attrs.type)).toEqual(['scorecard.failUnder'])
    const md = await commops(['scorecard', 'diff', '2026-09', '2026-10', '--format', 'md'])
    expect(md.stdout).toContain('# Scorecard 2026-09 → 2026-10')
  })

  it('reports a missing period and a bad spec as one located error', async () => {
    const missing = await commops(['scorecard', 'show', '--period', '2025-01'])
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('No stored scorecard for 2025-01')
    expect(missing.stderr).toContain('2026-09, 2026-10')
    await writeFile(path.join(tmp, 'bad.yaml'), 'apiVersion: commops/v1\nkind: ScorecardSpec\nname: x\ngrades: {A: 200}\n')
    const bad = await commops(['scorecard', 'compute', '--period', '2026-10', '--spec', '../bad.yaml'])
    expect(bad.code).toBe(1)
    expect(bad.stderr).toMatch(/bad\.yaml:4:\d+: .*not a valid ScorecardSpec/)
    expect(hasStackTrace(bad.stderr)).toBe(false)
  })

  it('the scorecard.compute step grades through the same service, and a second run changes nothing', async () => {
    await writeFile(
      path.join(ws, 'playbooks', 'evaluate-oct.yaml'),
      [
        'apiVersion: commops/v1',
        'kind: Playbook',
        'name: evaluate-oct',
        'phase: evaluate',
        'steps:',
        '  - id: card',
        '    uses: scorecard.compute',
        '    with: {period: 2026-10, channels: [wechat-main]}',
        '',
      ].join('\n'),
    )
    const run = await commops(['playbook', 'run', 'evaluate-oct', '--yes', '--json'])
    expect(run.code, run.stderr).toBe(0)
    const show = JSON.parse((await commops(['scorecard', 'show', '--period', '2026-10 channel=wechat-main', '--json'])).stdout) as ComputedScorecard
    expect(show.card.filter).toEqual({channel: ['wechat-main']})
    const ambiguous = await commops(['scorecard', 'show', '--period', '2026-10'])
    expect(ambiguous.code).toBe(0) // the unfiltered one is the period's own key
    const second = await commops(['playbook', 'run', 'evaluate-oct', '--yes', '--json'])
    expect(second.stdout).not.toContain('"changed"')
  })
})
