/**
 * `survey ingest` on what people really hand it, spawned as a user runs it: an .xlsx download, mismatched option
 * texts with --map-value, 150k rows, a 1M-column header, and files that are not responses at all.
 */
import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import writeExcelFile from 'write-excel-file/node'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {nextId, Store} from '../../src/store/index.js'
import {readResponses} from '../../src/survey/io-responses.js'
import {loadSurveyTemplate} from '../../src/survey/load.js'
import {initWorkspace} from '../../src/workspace/init.js'
import {hasStackTrace, makeTempDir, removeDir, runCli, type CliResult} from '../helpers/cli.js'
import {treeHash} from '../helpers/workspace.js'

const commops = (args: string[]): Promise<CliResult> => runCli(args, {cwd: ws, timeoutMs: 90_000})

let tmp: string
let ws: string

beforeAll(async () => {
  tmp = await makeTempDir()
  ws = path.join(tmp, 'acme')
  await initWorkspace({dir: ws, name: 'Acme', locale: 'zh-CN', timezone: 'Asia/Shanghai', platforms: [], type: 'brand', sample: true})
  const doc = await loadSurveyTemplate('satisfaction', 'zh-CN')
  await Store.at(ws).update((db) => {
    for (const _ of [1, 2]) {
      const id = nextId(db, 'S')
      db.surveys[id] = {id, name: doc.name, locale: 'zh-CN', template: 'satisfaction', doc, createdAt: new Date().toISOString()}
    }
  })
})

afterAll(async () => {
  await removeDir(tmp)
})

describe('survey ingest inputs', () => {
  it('an .xlsx download with a mismatched option: kept, that answer blank, a warning with file:line and column; --map-value maps it', async () => {
    const rows = [
      ['社群满意度调查', null, null, null],
      ['序号', '提交答卷时间', '11、你有多大可能向朋友或同事推荐这个社群？', '你加入社群多久了？'],
      [1, {value: new Date(Date.UTC(2026, 10, 1, 9, 30)), format: 'yyyy/mm/dd hh:mm'}, 9, '1-6个月'],
      [2, {value: new Date(Date.UTC(2026, 10, 2, 9, 30)), format: 'yyyy/mm/dd hh:mm'}, 4, '半年'],
    ]
    await writeFile(path.join(ws, 'data', '问卷星.xlsx'), await writeExcelFile(rows).toBuffer())
    const before = await treeHash(path.join(ws, '.commops'))
    const [dry, en] = await Promise.all([
      commops(['survey', 'ingest', 'S1', 'data/问卷星.xlsx', '--dry-run', '--json']),
      commops(['survey', 'ingest', 'S1', 'data/问卷星.xlsx', '--dry-run', '--lang', 'en']),
    ])
    expect(dry.code, dry.stderr).toBe(0)
    expect(await treeHash(path.join(ws, '.commops'))).toEqual(before)
    const report = JSON.parse(dry.stdout) as {encoding: string; added: number; warnings: Array<{location: string; columns: string[]; reason: string}>}
    expect(report).toMatchObject({encoding: 'xlsx', added: 2})
    expect(report.warnings).toEqual([
      {line: 4, location: 'data/问卷星.xlsx:4', columns: ['你加入社群多久了？'], reason: expect.stringMatching(/`半年`.*答卷已保留，该题留空/)},
    ])
    expect(en.code).toBe(0)
    expect(en.stderr).toMatch(/Warning: data\/问卷星\.xlsx:4: column "你加入社群多久了？": `半年` is not an option.*kept with that answer left blank/)
    expect(en.stdout).toMatch(
      /Would add 2 response\(s\) to S1 \(2 row\(s\): 0 already stored, 0 skipped, 1 with an answer left blank; xlsx\); nothing written/,
    )

    const mapped = await commops(['survey', 'ingest', 'S1', 'data/问卷星.xlsx', '--map-value', '半年=6–12 个月', '--json'])
    expect(mapped.code, mapped.stderr).toBe(0)
    expect(JSON.parse(mapped.stdout)).toMatchObject({added: 2, warnings: []})
    const stored = await readResponses(ws, await Store.at(ws).read(), 'S1')
    expect(stored.map((r) => [r.source.line, r.submittedAt, r.answers])).toEqual([
      [3, '2026-11-01 09:30:00', {nps: 9, tenure: '1to6m'}],
      [4, '2026-11-02 09:30:00', {nps: 4, tenure: '6to12m'}],
    ])
    const strict = await commops(['survey', 'ingest', 'S2', 'data/问卷星.xlsx', '--strict'])
    expect(strict.code).toBe(1)
    expect(strict.stderr).toMatch(/data\/问卷星\.xlsx:4: 有 1 行无法读取或有题目留空/)
  }, 120_000)

  it('150k rows are ingested and stored; a 1M-column header gets a clear limit message', async () => {
    const lines = ['提交时间,nps,tenure']
    for (let i = 0; i < 150_000; i++) lines.push(`2026-11-01 10:00:00,${i % 11},1–6 个月`)
    await writeFile(path.join(ws, 'data', 'big.csv'), lines.join('\n') + '\n')
    await writeFile(path.join(ws, 'data', 'wide.csv'), Array.from({length: 1_000_000}, (_, i) => `c${i}`).join(',') + '\n1\n')
    const [big, wide] = await Promise.all([
      commops(['survey', 'ingest', 'S2', 'data/big.csv', '--json']),
      commops(['survey', 'ingest', 'S2', 'data/wide.csv']),
    ])
    expect(big.code, big.stderr).toBe(0)
    expect(JSON.parse(big.stdout)).toMatchObject({added: 150_000, rows: 150_000, rejected: [], warnings: []})
    expect(await readResponses(ws, await Store.at(ws).read(), 'S2')).toHaveLength(150_000)
    expect(wide.code).toBe(1)
    expect(wide.stderr).toMatch(/data\/wide\.csv:1: 表头超过 16384 列/)
    expect(hasStackTrace(big.stderr + wide.stderr)).toBe(false)
  }, 120_000)

  it('a record over 4M characters refuses the file at its line: csv-parse reads nothing after it, so no row is silently lost', async () => {
    const long = `2026-11-01 10:00:00,"${'长'.repeat(4_100_000)}",1–6 个月`
    const rows = ['提交时间,nps,tenure', '2026-11-01 09:00:00,9,1–6 个月', long, '2026-11-01 11:00:00,7,1–6 个月']
    await writeFile(path.join(ws, 'data', 'long.csv'), rows.join('\n') + '\n')
    await writeFile(path.join(ws, 'data', 'members-long.csv'), ['id,name', 'M1,一', `M2,"${'x'.repeat(4_100_000)}"`, 'M3,三'].join('\n') + '\n')
    const before = await treeHash(path.join(ws, '.commops'))
    const [survey, zh, members] = await Promise.all([
      commops(['survey', 'ingest', 'S1', 'data/long.csv', '--lang', 'en']),
      commops(['survey', 'ingest', 'S1', 'data/long.csv', '--json']),
      commops(['members', 'import', 'data/members-long.csv', '--lang', 'en']),
    ])
    expect(survey.code).toBe(1)
    expect(survey.stderr).toMatch(/data\/long\.csv:3: a record of more than 4,000,000 characters starts on this line/)
    expect(survey.stderr).toMatch(/unclosed quote/)
    expect(zh.code).toBe(1)
    expect(JSON.parse(zh.stdout)).toMatchObject({error: {code: 'survey.ingest.recordTooLong'}})
    expect(members.code).toBe(1)
    expect(members.stderr).toMatch(/data\/members-long\.csv:3: a record of more than 4,000,000 characters/)
    expect(await treeHash(path.join(ws, '.commops'))).toEqual(before)
    expect(hasStackTrace(survey.stderr + zh.stderr + members.stderr)).toBe(false)
  }, 60_000)

  it('a chat export, a zip, an .xls or a folder is refused with what it is and what to pass instead (exit 2)', async () => {
    const files: Record<string, string | Buffer> = {
      'discord.json': '{"guild": {"id": "1", "name": "g"}, "channel": {"id": "2", "name": "general"}, "messages": []}',
      'result.json': '{"name": "摄影群", "type": "private_supergroup", "id": 42, "messages": []}',
      'qq.txt':
        '消息记录（此消息记录为文本格式，不支持重新导入）\n\n================================================================\n消息分组:我的群聊\n================================================================\n消息对象:摄影群\n',
      'old.xls': Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    }
    for (const [name, content] of Object.entries(files)) await writeFile(path.join(ws, 'data', name), content)
    await mkdir(path.join(ws, 'data', 'slack'), {recursive: true})
    await writeFile(path.join(ws, 'data', 'slack', 'channels.json'), '[]')
    await writeFile(path.join(ws, 'data', 'slack', 'users.json'), '[]')
    const results = await Promise.all(
      ['discord.json', 'result.json', 'qq.txt', 'old.xls', 'slack'].map((f) => commops(['survey', 'ingest', 'S1', `data/${f}`, '--lang', 'en'])),
    )
    const messages = results.map((r) => {
      expect(r.code, r.stderr).toBe(2)
      expect(hasStackTrace(r.stderr)).toBe(false)
      return r.stderr
    })
    expect(messages[0]).toMatch(/looks like a Discord chat export[\s\S]*commops events import data\/discord\.json/)
    expect(messages[1]).toMatch(/looks like a Telegram Desktop chat export[\s\S]*commops events import/)
    expect(messages[2]).toMatch(/looks like a QQ chat history[\s\S]*commops events import/)
    expect(messages[3]).toMatch(/legacy Excel \.xls workbook[\s\S]*save it as \.xlsx or CSV/)
    expect(messages[4]).toMatch(/looks like a Slack workspace export[\s\S]*commops events import data\/slack/)
    const json = await commops(['survey', 'ingest', 'S1', 'data/discord.json', '--json'])
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout)).toMatchObject({error: {code: 'survey.ingest.foreign.discord', exitCode: 2}})
  }, 120_000)
})
