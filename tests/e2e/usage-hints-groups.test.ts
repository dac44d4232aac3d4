import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

// Every usage error says what to type instead, in the user's language: one row per error, grouped by area.

let ws: string

beforeAll(async () => {
  ws = (await sampleWorkspace('en')).root
  await writeFile(path.join(ws, 'a-file'), 'x')
  await writeFile(path.join(ws, 'data', 'cut.json'), '{"messages": [{"id": 1,')
})

/** The files under the workspace and their hashes (a failed import may leave its empty folder behind). */
const files = async () => Object.fromEntries(Object.entries(await treeHash(ws)).filter(([rel]) => !rel.endsWith('/')))

type Row = [args: string[], exit: number, code: string, hint: string]

const GROUPS: Record<string, Row[]> = {
  task: [
    [['task', 'add', 'Book', '--due', 'soon'], 2, 'task.badDue', '--due 3d'],
    [['task', 'add', ' '], 2, 'task.emptyTitle', 'task add "'],
    [['task', 'assign', 'T1', ' '], 2, 'task.assignWho', 'task assign T3 T4'],
    [['task', 'edit', 'T1'], 2, 'task.editNothing', 'task edit T3 --due'],
  ],
  events: [
    [['events', 'import', 'data/cut.json', '--preset', 'nosuch'], 2, 'events.preset.unknown', '--save-preset'],
    [['events', 'import', 'data/cut.json', '--save-preset', 'mine'], 2, 'events.preset.saveNeedsMap', '--map'],
    [['events', 'list', '--since', '2026-13-01'], 2, 'events.list.badDate', 'YYYY-MM-DD'],
    [['events', 'import', 'data/cut.json', '--from', 'discord'], 1, 'events.json.syntax', 'whole JSON'],
  ],
  rules: [[['rules', 'incident', 'add', '--member', ' ', '--rule', 'no-ads'], 2, 'rules.incident.noMember', '--member qq:']],
  members: [[['members', 'link', 'qq:1'], 2, 'members.link.tooFew', 'members link qq:']],
  runs: [[['runs', 'R99'], 2, 'runs.notFound', 'commops runs']],
  calendar: [
    [['calendar', 'generate', '--from', '2026-12-01', '--weeks', '99'], 2, 'calendar.badWeeks', '--weeks 4'],
    [['calendar', 'generate', '--from', '2026-12-10', '--to', '2026-12-01'], 2, 'calendar.rangeOrder', 'Swap'],
    [['calendar', 'generate', '--from', '1200-12-10'], 2, 'calendar.dateOutOfRange', 'YYYY-MM-DD'],
    [['calendar', 'set', 'C1', '--time', '25:00'], 2, 'calendar.badTime', '--time 20:00'],
  ],
  template: [[['template', 'apply', 'open-source', '--into', 'a-file', '--set', 'name=x', '--yes'], 2, 'template.intoNotDir', '--into clients/']],
}

describe.each(Object.entries(GROUPS))('%s usage errors carry a hint', (_group, rows) => {
  it('in English, with --json, and nothing changes', async () => {
    const before = await files()
    const results = await Promise.all(rows.map((row) => runCli([...row[0], '--json'], {cwd: ws})))
    for (const [i, [args, exit, code, hint]] of rows.entries()) {
      const r = results[i]
      const error = (JSON.parse(r.stdout) as {error: {code: string; exitCode: number; hint?: string}}).error
      expect({args, code: error.code, exit: r.code}).toEqual({args, code, exit})
      expect(error.hint, args.join(' ')).toContain(hint)
    }
    expect(await files()).toEqual(before)
  }, 60_000)

  it('in Chinese', async () => {
    const [args, exit] = rows[0]
    const r = await runCli([...args, '--lang', 'zh-CN'], {cwd: ws})
    expect(r.code).toBe(exit)
    expect(r.stderr).toMatch(/提示[:：]/)
    expect(r.stderr).not.toMatch(/\n\s+at /)
  }, 60_000)
})
