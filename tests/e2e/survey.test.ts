/**
 * The survey commands end to end, as a user runs them in a workspace. They spawn `bin/run.js`, the compiled
 * CLI that `npm test` builds first.
 */
import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import iconv from 'iconv-lite'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {nextId, Store} from '../../src/store/index.js'
import {loadSurveyTemplate} from '../../src/survey/load.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, type CliResult, runCli} from '../helpers/cli.js'

/** Spawns the compiled CLI (bin/run.js; npm test builds dist/ first) in a workspace. */
const commops = (args: string[], cwd: string): Promise<CliResult> => runCli(args, {cwd})

let tmp: string
let ws: string

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'acme')
  await initWorkspace({dir: ws, name: 'Acme', locale: 'zh-CN', timezone: 'Asia/Shanghai', platforms: [], type: 'brand', sample: true})
})

afterAll(async () => {
  await removeDir(tmp)
})

const CSV = [
  '序号,提交答卷时间,1、提问或求助后，你对得到回应的速度满意吗？,2、你对内容的更新频率满意吗？,3、你有多大可能向朋友或同事推荐这个社群？,4、你加入社群多久了？,地区',
  '1,2026/12/1 10:00,非常满意,比较满意,10,1 年以上,华东',
  '2,2026/12/1 10:05,不太满意,一般,4,不到 1 个月,华南',
  '3,2026/12/1 10:07,说不清,一般,4,不到 1 个月,华南',
  '4,2026/12/1 10:09,比较满意',
  '5,2026/12/1 10:10,比较满意,非常满意,9,6–12 个月,华东',
].join('\r\n')

describe('commops survey', () => {
  // The CLI's start-up dominates, so S1 is stored in-process first and independent commands run side by side.
  it('create; export (anywhere the person says, never over a file it did not write); ingest GBK twice; results; errors are located', async () => {
    const doc = await loadSurveyTemplate('satisfaction', 'zh-CN')
    await Store.at(ws).update((db) => {
      const id = nextId(db, 'S')
      db.surveys[id] = {id, name: doc.name, locale: 'zh-CN', template: 'satisfaction', doc, createdAt: new Date().toISOString()}
    })
    await writeFile(path.join(ws, 'mine.html'), 'hand-written')
    await writeFile(path.join(ws, 'data', 'empty.csv'), '')
    await writeFile(path.join(ws, 'data', 'wjx.csv'), iconv.encode(CSV, 'gbk'))

    const [created, exported, refused, outside, empty, ingested] = await Promise.all([
      commops(['survey', 'create', '--template', 'nps', '--lang', 'en', '--json'], ws),
      commops(['survey', 'export', 'S1', '--format', 'github-issue-form', '--out', '.github/ISSUE_TEMPLATE/feedback.yml'], ws),
      commops(['survey', 'export', 'S1', '--format', 'html', '--out', 'mine.html'], ws),
      commops(['survey', 'export', 'S1', '--format', 'md', '--out', '../escape.md'], ws),
      commops(['survey', 'ingest', 'S1', 'data/empty.csv', '--lang', 'en'], ws),
      commops(['survey', 'ingest', 'S1', 'data/wjx.csv', '--json'], ws),
    ])
    expect(created.code, created.stderr).toBe(0)
    expect(JSON.parse(created.stdout)).toMatchObject({id: 'S2', name: 'nps', locale: 'en', title: 'Would you recommend us?'})

    expect(exported.code, exported.stderr).toBe(0)
    const form = parse(await readFile(path.join(ws, '.github/ISSUE_TEMPLATE/feedback.yml'), 'utf8')) as {body: Array<{id?: string}>}
    expect(form.body.map((b) => b.id)).toContain('nps')
    // A file someone else wrote is refused without --force (exit 1); a path outside the workspace is the person's choice.
    expect(refused.code).toBe(1)
    expect(refused.stderr).toMatch(/mine\.html/)
    expect(await readFile(path.join(ws, 'mine.html'), 'utf8')).toBe('hand-written')
    expect(outside.code, outside.stderr).toBe(0)
    expect(existsSync(path.join(ws, '..', 'escape.md'))).toBe(true)
    expect(empty.code).toBe(1)
    expect(empty.stderr).toMatch(/data\/empty\.csv:1: data\/empty\.csv is empty/)

    expect(ingested.code, ingested.stderr).toBe(0)
    const report = JSON.parse(ingested.stdout) as {
      encoding: string
      added: number
      rejected: Array<{location: string; reason: string}>
      warnings: Array<{location: string; columns: string[]; reason: string}>
    }
    expect(report.encoding).toBe('gb18030')
    // 说不清 is no point of the scale: the response is kept with that answer blank, and a warning names row and column.
    expect(report.added).toBe(4)
    expect(report.rejected.map((r) => r.location)).toEqual(['data/wjx.csv:5'])
    expect(report.warnings.map((w) => [w.location, w.columns])).toEqual([['data/wjx.csv:4', ['1、提问或求助后，你对得到回应的速度满意吗？']]])
    expect(report.warnings[0].reason).toMatch(/说不清/)

    const [again, reingested, results] = await Promise.all([
      commops(['survey', 'export', 'S1', '--format', 'github-issue-form', '--out', '.github/ISSUE_TEMPLATE/feedback.yml'], ws),
      commops(['survey', 'ingest', 'S1', 'data/wjx.csv'], ws),
      commops(['survey', 'results', 'S1', '--segment', '地区', '--json'], ws),
    ])
    // Writing again over a file commops wrote needs no --force.
    expect(again.code, again.stderr).toBe(0)
    expect(reingested.code).toBe(0)
    expect(reingested.stdout).toMatch(/已向 S1 添加 0 份答卷/)
    expect(reingested.stderr).toMatch(/data\/wjx\.csv:4: /)
    expect(hasStackTrace(reingested.stdout + reingested.stderr)).toBe(false)
    expect(results.code, results.stderr).toBe(0)
    const r = JSON.parse(results.stdout) as {
      n: number
      nps: {score: number}
      csat: {score: number}
      segments: {groups: Array<{value: string; n: number}>}
    }
    // NPS over 10, 4, 4, 9: two promoters, two detractors → 0. CSAT over 5, 2, 4 (speed) and 4, 3, 3, 5 (frequency): 4 of 7.
    expect(r.n).toBe(4)
    expect(r.nps.score).toBe(0)
    expect(r.csat.score).toBe(0.5714)
    expect(r.segments.groups.map((g) => [g.value, g.n])).toEqual([
      ['华东', 2],
      ['华南', 2],
    ])
  })

  it('survey show lists each title in the language asked for, as survey show ID shows it', async () => {
    const doc = await loadSurveyTemplate('nps', 'zh-CN')
    let id = ''
    await Store.at(ws).update((db) => {
      id = nextId(db, 'S')
      db.surveys[id] = {
        id,
        name: doc.name,
        locale: 'zh-CN',
        doc: {...doc, title: {'zh-CN': '季度脉搏', en: 'Quarterly pulse'}},
        createdAt: new Date().toISOString(),
      }
    })
    const [en, zh, one] = await Promise.all([
      commops(['survey', 'show', '--lang', 'en', '--json'], ws),
      commops(['survey', 'show', '--json'], ws),
      commops(['survey', 'show', id, '--lang', 'en'], ws),
    ])
    const titleOf = (r: CliResult) => (JSON.parse(r.stdout) as {surveys: Array<{id: string; title: string}>}).surveys.find((x) => x.id === id)?.title
    expect(titleOf(en)).toBe('Quarterly pulse')
    expect(titleOf(zh)).toBe('季度脉搏')
    expect(one.stdout).toContain('Quarterly pulse')
  })
})
