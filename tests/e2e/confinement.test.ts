/** A cloned workspace whose folders are symlinks out of it: commops refuses, naming the symlink, and writes nothing there. */
import {mkdir, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest'
import {hasStackTrace, makeTempDir, removeDir, runCli} from '../helpers/cli.js'

let dir: string
let root: string
let elsewhere: string

beforeAll(async () => {
  dir = await makeTempDir('commops-confine-')
})
afterAll(() => removeDir(dir))

beforeEach(async () => {
  root = path.join(dir, `ws-${Math.random().toString(36).slice(2)}`)
  elsewhere = path.join(dir, `elsewhere-${Math.random().toString(36).slice(2)}`)
  await mkdir(elsewhere)
  expect((await runCli(['init', root, '--yes', '--name', 'Demo'])).code).toBe(0)
})

/** Runs commops in the workspace and checks it refused with one clear message naming `link`. */
async function refuses(args: string[], link: string, langs = ['en']): Promise<void> {
  for (const lang of langs) {
    const r = await runCli([...args, '--lang', lang], {cwd: root})
    expect(r.code, r.stderr).toBe(1)
    expect(r.stderr).toContain(link)
    expect(r.stderr).toMatch(lang === 'en' ? /symlink leading out of the workspace/ : /指向工作区之外的符号链接/)
    expect(hasStackTrace(r.stderr)).toBe(false)
  }
  const json = await runCli([...args, '--json'], {cwd: root})
  expect(JSON.parse(json.stdout)).toMatchObject({error: {code: 'file.symlinkOut'}})
  expect(await readdir(elsewhere)).toEqual([])
}

describe('symlinks out of a cloned workspace', () => {
  it('.commops → elsewhere: a store update is refused', async () => {
    await rm(path.join(root, '.commops'), {recursive: true})
    await symlink(elsewhere, path.join(root, '.commops'))
    await refuses(['calendar', 'add', '--title', 'x', '--date', '2026-12-15', '--time', '10:00'], '.commops', ['en', 'zh-CN'])
  })

  it('.commops/db.json → a secret: nothing of it is printed or copied', async () => {
    await writeFile(path.join(dir, 'secret'), 'TOP-SECRET not json')
    await symlink(path.join(dir, 'secret'), path.join(root, '.commops', 'db.json'))
    await refuses(['task', 'list'], '.commops/db.json')
    const r = await runCli(['task', 'list'], {cwd: root})
    expect(r.stdout + r.stderr).not.toContain('TOP-SECRET')
    expect(await readdir(path.join(root, '.commops'))).not.toContain('backups')
  })

  it('.commops/schemas → elsewhere: init --force is refused before writing anything', async () => {
    await rm(path.join(root, '.commops', 'schemas'), {recursive: true})
    await symlink(elsewhere, path.join(root, '.commops', 'schemas'))
    await refuses(['init', '.', '--yes', '--name', 'Demo', '--force'], '.commops/schemas')
  })

  it('playbooks/ → elsewhere: playbook new and playbook list are refused', async () => {
    await rm(path.join(root, 'playbooks'), {recursive: true})
    await symlink(elsewhere, path.join(root, 'playbooks'))
    await refuses(['playbook', 'new', 'weekly'], 'playbooks')
    await refuses(['playbook', 'list'], 'playbooks')
  })

  it('out/ → elsewhere: an export into out/ is refused', async () => {
    await symlink(elsewhere, path.join(root, 'out'))
    await refuses(['calendar', 'export', '--out', 'out/calendar.csv'], 'out')
  })
})
