import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {type CliResult, ROOT, runCli} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

// The rules commands end to end: `node bin/run.js` (the compiled CLI; npm test builds first) in a fresh sample workspace.

/** Spawns the compiled CLI in a workspace. */
const cli = (args: string[], cwd: string): Promise<CliResult> => runCli(args, {cwd})

const json = <T>(r: CliResult): T => {
  try {
    return JSON.parse(r.stdout) as T
  } catch {
    throw new Error(`not JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`)
  }
}

let ws: string

beforeAll(async () => {
  ws = (await sampleWorkspace('zh-CN')).root
})

describe('commops rules (end to end)', {timeout: 120_000}, () => {
  it('generate --dry-run writes nothing; generate stores the rule set', async () => {
    const dry = await cli(['rules', 'generate', '--template', 'brand', '--dry-run', '--json'], ws)
    expect(dry.code).toBe(0)
    expect(json<{dryRun: boolean; rules: unknown[]}>(dry)).toMatchObject({dryRun: true, template: 'brand'})
    expect(existsSync(path.join(ws, '.commops', 'db.json'))).toBe(false)

    const r = await cli(['rules', 'generate', '--template', 'brand'], ws)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('已保存群规')
    expect(r.stdout).toMatch(/no-ads\s+不发广告\s+一般\s+提醒/)
    const db = JSON.parse(await readFile(path.join(ws, '.commops', 'db.json'), 'utf8')) as {artifacts: Record<string, {kind: string}>}
    expect(db.artifacts.rules.kind).toBe('ruleset')
  })

  it('incident add prints the rung and the message to send, records it, and the next one climbs the ladder', async () => {
    const first = await cli(['rules', 'incident', 'add', '--member', 'u42', '--rule', 'no-ads', '--note', '广告刷屏'], ws)
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('已记录 I1')
    expect(first.stdout).toContain('第 1/5 级「提醒」')
    expect(first.stdout).toContain('发给成员的话')
    expect(first.stdout).toContain('「不发广告」')

    const second = await cli(['rules', 'incident', 'add', '--member', 'u42', '--rule', 'no-ads', '--lang', 'en', '--json'], ws)
    expect(second.code).toBe(0)
    const result = json<{id: string; rung: {id: string; name: string}; reason: string; counted: string[]}>(second)
    expect(result).toMatchObject({id: 'I2', rung: {id: 'warning', name: 'Warning'}, counted: ['I1']})
    expect(result.reason).toContain('one rung up')

    const list = await cli(['rules', 'incidents', '--member', 'u42', '--json'], ws)
    const listed = json<{incidents: Array<{id: string; note?: string; status: string}>; standing: {next: Record<string, string>}}>(list)
    expect(listed.incidents.map((i) => [i.id, i.status])).toEqual([
      ['I2', 'counts'],
      ['I1', 'counts'],
    ])
    expect(listed.incidents[1].note).toBe('广告刷屏')
    expect(listed.standing.next).toEqual({low: 'mute', medium: 'mute', high: 'mute', severe: 'removal'})

    const text = await cli(['rules', 'incidents'], ws)
    expect(text.code).toBe(0)
    expect(text.stdout).toMatch(/I1\s+\S+ \S+\s+u42\s+no-ads\s+提醒/)
  })

  it('incident revoke (an appeal upheld) keeps it in the log, marked, and the ladder forgets it; edit keeps a history', async () => {
    const dry = await cli(['rules', 'incident', 'revoke', 'I2', '--reason', '申诉成立', '--by', '小王', '--dry-run'], ws)
    expect(dry.code, dry.stderr).toBe(0)
    expect(dry.stdout).toContain('试运行，未记录')
    const revoke = await cli(['rules', 'incident', 'revoke', 'i2', '--reason', '申诉成立', '--by', '小王'], ws)
    expect(revoke.code, revoke.stderr).toBe(0)
    expect(revoke.stdout).toContain('已撤销 I2')
    expect(revoke.stdout).toContain('如再违反 `no-ads`，现在应为：「警告」')
    const again = await cli(['rules', 'incident', 'revoke', 'I2', '--reason', 'x', '--lang', 'en'], ws)
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('I2 was already revoked on')

    const shown = await cli(['rules', 'incidents', '--member', 'u42'], ws)
    expect(shown.stdout).not.toMatch(/^I2 /m)
    expect(shown.stdout).toContain('另有 1 条已撤销的记录未显示')
    const all = await cli(['rules', 'incidents', '--member', 'u42', '--all', '--json'], ws)
    const listed = json<{incidents: Array<{id: string; status: string; revoked?: {by: string; reason: string}}>}>(all)
    expect(listed.incidents.map((i) => [i.id, i.status])).toEqual([
      ['I2', 'revoked'],
      ['I1', 'counts'],
    ])
    expect(listed.incidents[0].revoked).toMatchObject({by: '小王', reason: '申诉成立'})
    expect((await cli(['rules', 'incidents', '--all'], ws)).stdout).toMatch(/I2 .*已撤销（小王：申诉成立）/)

    const edit = await cli(['rules', 'incident', 'edit', 'I1', '--note', '广告刷屏 5 条', '--reason', '补充', '--editor', 'ann', '--lang', 'en'], ws)
    expect(edit.code, edit.stderr).toBe(0)
    expect(edit.stdout).toContain('note: 广告刷屏 → 广告刷屏 5 条')
    const edited = json<{incidents: Array<{id: string; note: string; edits: unknown[]}>}>(await cli(['rules', 'incidents', '--json'], ws))
    expect(edited.incidents.find((i) => i.id === 'I1')).toMatchObject({
      note: '广告刷屏 5 条',
      edits: [{by: 'ann', reason: '补充', changes: {note: {from: '广告刷屏', to: '广告刷屏 5 条'}}}],
    })
    const next = await cli(['rules', 'incident', 'add', '--member', 'u42', '--rule', 'no-ads', '--dry-run', '--json'], ws)
    expect(json<{rung: {id: string}; counted: string[]}>(next)).toMatchObject({rung: {id: 'warning'}, counted: ['I1']})
    const missing = await cli(['rules', 'incident', 'edit', 'I9', '--note', 'x', '--json'], ws)
    expect(missing.code).toBe(2)
    expect(json<{error: {code: string}}>(missing).error.code).toBe('rules.incident.notFound')
  })

  it('an unknown rule id is a usage error with did-you-mean', async () => {
    const r = await cli(['rules', 'incident', 'add', '--member', 'u42', '--rule', 'no-adds', '--json'], ws)
    expect(r.code).toBe(2)
    const {error} = json<{error: {code: string; hint: string}}>(r)
    expect(error.code).toBe('rules.unknownRule')
    expect(error.hint).toContain('`no-ads`')
  })

  it('export writes CODE_OF_CONDUCT.md inside the workspace, with the ladder table and every rule; and outside, where the person says', async () => {
    const r = await cli(['rules', 'export', '--format', 'md', '--out', 'CODE_OF_CONDUCT.md', '--lang', 'en'], ws)
    expect(r.code).toBe(0)
    const md = await readFile(path.join(ws, 'CODE_OF_CONDUCT.md'), 'utf8')
    expect(md).toContain('| # | Step | What happens | How long | Who decides | Appeal or repair |')
    for (const id of ['be-respectful', 'complaints', 'no-ads', 'privacy', 'no-scams']) expect(md).toContain(`\`${id}\``)
    // the person at the keyboard may write outside the workspace (playbooks and templates may not)
    const outside = await cli(['rules', 'export', '--out', '../outside.md'], ws)
    expect(outside.code, outside.stderr).toBe(0)
    expect(existsSync(path.join(ws, '..', 'outside.md'))).toBe(true)
  })

  it('schema RuleSet prints the schema, and validate locates problems in a RuleSet file', async () => {
    const schema = await cli(['schema', 'RuleSet'], ws)
    expect(schema.code).toBe(0)
    expect(JSON.parse(schema.stdout)).toMatchObject({title: 'commops RuleSet', properties: {kind: {const: 'RuleSet'}}})

    const file = path.join(ws, 'bad-rules.yaml')
    const template = await readFile(path.join(ROOT, 'templates', 'rules', 'standard.yaml'), 'utf8')
    await writeFile(file, template.replace('  - id: no-flooding\n', '  - id: no-ads\n').replace('    high: warning\n', '    high: warnin\n'))
    const r = await cli(['validate', 'bad-rules.yaml', '--lang', 'en'], ws)
    expect(r.code).toBe(1)
    expect(r.stdout).toMatch(/bad-rules\.yaml:\d+:\d+\s+error\s+Rule id `no-ads` is used twice/)
    expect(r.stdout).toMatch(/No rung `warnin` in the enforcement ladder \(\/ladder\/start\/high\)/)
    expect(r.stdout).toContain('Did you mean `warning`?')
  })
})
