/** Tables fit the terminal ($COLUMNS here, the terminal's width on a TTY) as a user sees them; --json never loads cli-table3. */
import {writeFileSync} from 'node:fs'
import path from 'node:path'
import stringWidth from 'string-width'
import {beforeAll, describe, expect, it} from 'vitest'
import {Store} from '../../src/store/index.js'
import {runCli} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

const TITLE = '邀请 20 位种子用户进群，并在群里做一次自我介绍接龙，让新成员彼此认识，顺便收集他们最关心的三个问题（截至周五）'
let ws: string

beforeAll(async () => {
  ws = (await sampleWorkspace('zh-CN')).root
  await Store.at(ws).update((db) => {
    db.tasks.push({id: 'T1', title: TITLE, owner: '运营小王', due: '2026-12-04', status: 'open', createdAt: '2026-11-30T00:00:00Z'})
    db.tasks.push({
      id: 'T2',
      title: 'Pin the rules in every channel and ask each moderator to read the ladder',
      status: 'open',
      createdAt: '2026-11-30T00:00:00Z',
    })
  })
})

describe('tables that fit', {timeout: 120_000}, () => {
  for (const columns of [60, 80, 120]) {
    it(`task list and playbook list at ${columns} columns: no line is wider`, async () => {
      for (const args of [
        ['task', 'list'],
        ['playbook', 'list'],
        ['task', 'list', '--lang', 'en'],
      ]) {
        const r = await runCli(args, {cwd: ws, env: {COLUMNS: String(columns)}})
        expect(r.code, r.stderr).toBe(0)
        for (const line of r.stdout.split('\n')) expect(stringWidth(line), `${args.join(' ')}: ${line}`).toBeLessThanOrEqual(columns)
      }
    })
  }

  it('a pipe without $COLUMNS gets whole rows, one line each', async () => {
    const r = await runCli(['task', 'list'], {cwd: ws, env: {COLUMNS: undefined}})
    expect(r.stdout.split('\n').find((l) => l.startsWith('T1'))).toContain(TITLE)
  })

  it('loads cli-table3 only when a table is drawn', async () => {
    const probe = path.join(ws, '..', 'probe.cjs')
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('TABLE=' + Object.keys(require.cache).some((f) => /cli-table3/.test(f)) + '\\n'))\n`,
    )
    const loaded = async (args: string[]) => /TABLE=(\w+)/.exec((await runCli(args, {cwd: ws, nodeArgs: ['--require', probe]})).stderr)?.[1]
    expect(await loaded(['task', 'list', '--json'])).toBe('false')
    expect(await loaded(['playbook', 'list', '--json'])).toBe('false')
    expect(await loaded(['task', 'list'])).toBe('true')
  })
})
