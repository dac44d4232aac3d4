import {existsSync} from 'node:fs'
import {readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {canPrompt} from '../../src/cli/prompt.js'
import {validateText} from '../helpers/validate.js'
import {hasStackTrace, makeTempDir, removeDir, runInProcess} from '../helpers/cli.js'
import {README_INIT} from '../helpers/workspace.js'

// In-process tests of the compiled `init` command. The helper sets CI=1, so init must never prompt.

let tmp: string
beforeEach(async () => {
  tmp = await makeTempDir('commops-cmd-init-')
})
afterEach(async () => {
  await removeDir(tmp)
})

describe('init (in-process)', () => {
  it('creates the workspace from flags alone and says what it created, in the community language', async () => {
    const r = await runInProcess(README_INIT, {cwd: tmp})
    expect(r.code).toBe(0)
    const root = path.join(tmp, 'acme')
    for (const f of ['community.yaml', 'playbooks', 'data', '.commops', '.gitignore']) expect(existsSync(path.join(root, f)), f).toBe(true)
    expect(r.stdout).toContain('已创建工作区 acme')
    expect(r.stdout).toContain('+ community.yaml')
    expect(r.stdout).toContain('cd acme && commops validate')
    const text = await readFile(path.join(root, 'community.yaml'), 'utf8')
    expect(text.startsWith('# yaml-language-server: $schema=')).toBe(true)
    const {problems, docs} = validateText(text, 'community.yaml', 'zh-CN')
    // the starter's placeholders are warnings only (tests/e2e/first-run.test.ts)
    expect(problems.filter((p) => p.rule !== 'community.placeholder')).toEqual([])
    expect(docs[0].value).toMatchObject({name: 'Acme 米粉俱乐部', locale: 'zh-CN', timezone: 'Asia/Shanghai'})
  })

  it('without --yes, CI alone is enough to never prompt (defaults fill the gaps)', async () => {
    const r = await runInProcess(['init', 'quiet', '--locale', 'en', '--timezone', 'UTC'], {cwd: tmp})
    expect(r.code).toBe(0)
    const text = await readFile(path.join(tmp, 'quiet', 'community.yaml'), 'utf8')
    expect(validateText(text, 'community.yaml', 'en').docs[0].value).toMatchObject({name: 'quiet', locale: 'en', timezone: 'UTC'})
    expect(canPrompt({}, {CI: '1'})).toBe(false)
    expect(canPrompt({yes: true}, {})).toBe(false)
  })

  it('--json prints only the result as JSON', async () => {
    const r = await runInProcess([...README_INIT, '--json'], {cwd: tmp})
    expect(r.code).toBe(0)
    const result = JSON.parse(r.stdout) as {root: string; created: string[]}
    expect(result.root).toBe(path.join(tmp, 'acme'))
    expect(result.created).toEqual(expect.arrayContaining(['community.yaml', 'playbooks/', 'data/', '.commops/', '.gitignore']))
  })

  it('refuses an existing workspace without --force (exit 1, file unchanged); --force rewrites it', async () => {
    await runInProcess(README_INIT, {cwd: tmp})
    const file = path.join(tmp, 'acme', 'community.yaml')
    await writeFile(file, (await readFile(file, 'utf8')) + '# my edits\n')
    const before = await readFile(file, 'utf8')

    const again = await runInProcess(['init', 'acme', '--yes', '--locale', 'en'], {cwd: tmp})
    expect(again.code).toBe(1)
    expect(again.stderr).toContain('already holds a workspace')
    expect(again.stderr).toContain('Hint: Pass --force')
    expect(hasStackTrace(again.stderr)).toBe(false)
    expect(await readFile(file, 'utf8')).toBe(before)

    const forced = await runInProcess(['init', 'acme', '--yes', '--force', '--locale', 'en', '--name', 'Renamed', '--timezone', 'Europe/Berlin'], {
      cwd: tmp,
    })
    expect(forced.code).toBe(0)
    const after = await readFile(file, 'utf8')
    expect(after).not.toContain('# my edits')
    expect(after).toContain('name: "Renamed"')
  })

  it('an unknown timezone is a usage error that suggests the right zone', async () => {
    const r = await runInProcess(['init', 'tz', '--yes', '--timezone', 'Asia/Shanghi', '--lang', 'en'], {cwd: tmp})
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Unknown timezone: Asia/Shanghi')
    expect(r.stderr).toContain('Did you mean `Asia/Shanghai`?')
    expect(existsSync(path.join(tmp, 'tz', 'community.yaml'))).toBe(false)
  })

  // BUG (src/workspace/init.ts initWorkspace / commands/init.ts): when DIR is an existing file, mkdir fails with
  // ENOTDIR and the user sees "Unexpected error: ENOTDIR … This is a bug in commops" instead of a located message.
  it('a DIR that is a file is refused with a clear message', async () => {
    await writeFile(path.join(tmp, 'notes.txt'), 'hello')
    const r = await runInProcess(['init', 'notes.txt', '--yes', '--locale', 'en', '--timezone', 'UTC'], {cwd: tmp})
    expect([1, 2]).toContain(r.code)
    expect(r.stderr).toContain('notes.txt')
    expect(r.stderr).not.toMatch(/Unexpected error|bug in commops|ENOTDIR/)
    expect(await readFile(path.join(tmp, 'notes.txt'), 'utf8')).toBe('hello')
  })

  it('an unknown platform is a usage error listing the options', async () => {
    const r = await runInProcess(['init', 'p', '--yes', '--platform', 'myspace'], {cwd: tmp})
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/myspace/)
    expect(r.stderr).toMatch(/wechat/)
    expect(hasStackTrace(r.stderr)).toBe(false)
  })
})
