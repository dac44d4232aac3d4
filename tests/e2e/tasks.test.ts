/** The task commands as a new team uses them: init, fill in team:, run launch, find, assign, edit, remove, run again. */
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Task} from '../../src/store/index.js'
import {hasStackTrace, ROOT, runCli, type CliResult} from '../helpers/cli.js'

type Listed = Task & {people: string[]; for: string}

describe('commops task (end to end)', () => {
  it('team roles find people; assign, edit and rm survive a rerun; the profile task is closed as obsolete once filled in', async () => {
    const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'commops-tasks-')), 'ws')
    const outputs: CliResult[] = []
    const commops = async (...args: string[]) => {
      const result = await runCli(args, {cwd: dir})
      outputs.push(result)
      return result
    }
    const list = async (...args: string[]) => {
      const result = await commops('task', 'list', '--json', ...args)
      expect(result.code, result.stderr).toBe(0)
      return (JSON.parse(result.stdout) as {tasks: Listed[]}).tasks
    }
    const init = await runCli(['init', dir, '--name', 'Demo', '--locale', 'zh-CN', '--timezone', 'Asia/Shanghai', '--yes'])
    expect(init.code, init.stderr).toBe(0)
    const file = path.join(dir, 'community.yaml')
    const starter = await readFile(file, 'utf8')
    expect(starter).toContain('roles: [运营负责人, 版主]')
    const team = '  - name: 小王\n    roles: [运营负责人]\n  - name: 小李\n    roles: [moderator]\n'
    await writeFile(file, starter.replace(/^team:\n[\s\S]*$/m, `team:\n${team}`))

    // the profile is still a skeleton: the gate fails, the preparation tasks are there
    const first = await commops('playbook', 'run', 'launch', '--yes')
    expect(first.code).toBe(1)
    const gaps = await list('--owner', '小王', '--playbook', 'launch')
    const gapTasks = gaps.filter((t) => t.source?.step === 'positioning-gaps')
    expect(gapTasks).toHaveLength(2)
    expect(gaps.every((t) => t.people.includes('小王') && t.for.startsWith('小王 ('))).toBe(true)
    const mods = await list('--owner', 'moderator')
    expect(mods.length).toBeGreaterThan(2)
    expect((await list('--owner', '版主')).map((t) => t.id)).toEqual(mods.map((t) => t.id))
    expect((await list('--owner', '小李')).map((t) => t.id)).toEqual(mods.map((t) => t.id))
    const [assigned, edited, removed] = mods

    expect((await commops('task', 'assign', assigned.id, '小王')).stdout).toContain(`${assigned.id} 已交给 小王`)
    expect((await commops('task', 'edit', edited.id, '--due', '2027-03-01', '--note', '带上三个案例')).code).toBe(0)
    const rm = await commops('task', 'rm', removed.id)
    expect(rm.stdout).toContain('再次运行剧本也不会重新创建')
    const added = await commops('task', 'add', '订开群见面会场地', '--owner', '小李', '--due', '7d', '--json')
    const hand = (JSON.parse(added.stdout) as {task: Task}).task
    expect(hand).toMatchObject({title: '订开群见面会场地', assignee: '小李', status: 'open'})
    expect((await list('--owner', '小王')).map((t) => t.id)).toContain(assigned.id)
    expect((await list('--owner', '小李')).map((t) => t.id)).not.toContain(assigned.id)

    // the profile is complete now (the sample's), with the same team: run again
    const sample = await readFile(path.join(ROOT, 'templates', 'community', 'sample.zh-CN.yaml'), 'utf8')
    await writeFile(file, sample.replace(/^team:\n[\s\S]*$/m, `team:\n${team}`))
    const second = await commops('playbook', 'run', 'launch', '--yes')
    expect(second.code, second.stderr).toBe(0)
    for (const t of gapTasks) expect(second.stdout).toContain(`已作废（步骤不再适用）：${t.id} `)

    const all = await list('--all')
    const byId = new Map(all.map((t) => [t.id, t]))
    for (const t of gapTasks) expect(byId.get(t.id)?.status).toBe('obsolete')
    expect(byId.get(assigned.id)).toMatchObject({assignee: '小王', status: 'open'})
    expect(byId.get(edited.id)).toMatchObject({due: '2027-03-01', note: '带上三个案例', status: 'open'})
    expect(byId.has(removed.id)).toBe(false)
    expect(all.filter((t) => t.title === removed.title)).toEqual([])
    expect(byId.get(hand.id)).toMatchObject({assignee: '小李', status: 'open'})
    expect((await list()).some((t) => t.status !== 'open')).toBe(false)

    // English table, and errors as users see them
    const table = await commops('task', 'list', '--owner', 'community lead', '--lang', 'en')
    expect(table.stdout).toMatch(/^ID\s+Task\s+Owner\s+Due\s+Status\s+From/)
    expect(table.stdout).toContain('小王 (运营负责人 / community lead)')
    const missing = await commops('task', 'edit', 'T999', '--due', '3d', '--lang', 'en')
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('No task T999')
    const badDue = await commops('task', 'add', 'x', '--due', 'tomorrow', '--json')
    expect(badDue.code).toBe(2)
    expect(JSON.parse(badDue.stdout)).toMatchObject({error: {code: expect.any(String), exitCode: 2}})
    const unknown = await commops('task', 'list', '--owner', 'nobody')
    expect(unknown.stderr).toContain('`nobody`')
    expect(hasStackTrace(outputs.map((o) => o.stderr).join('\n'))).toBe(false)
  }, 300_000) // some twenty spawned commands, two of them playbook runs: slow on a busy machine
})
