import {existsSync} from 'node:fs'
import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {CommopsError, UsageError, ValidationError} from '../../src/errors.js'
import {validateText} from '../helpers/validate.js'
import {findWorkspaceRoot, locateWorkspace, openWorkspace, peekLocale, requireWorkspaceRoot} from '../../src/workspace/index.js'
import {initWorkspace, type InitOptions} from '../../src/workspace/init.js'
import {GITIGNORE_ENTRIES} from '../../src/workspace/skeleton.js'
import {makeTempDir, removeDir} from '../helpers/cli.js'
import {positionOf, readFixture} from '../fixtures/index.js'

let tmp: string

beforeEach(async () => {
  tmp = await makeTempDir('commops-ws-')
})
afterEach(async () => {
  await removeDir(tmp)
})

/** A folder holding a community.yaml (by default the valid fixture); returns its path. */
async function workspaceAt(rel: string, text = readFixture('community/valid.en.yaml')): Promise<string> {
  const dir = path.join(tmp, rel)
  await mkdir(dir, {recursive: true})
  await writeFile(path.join(dir, 'community.yaml'), text)
  return dir
}

const error = async (fn: () => unknown): Promise<unknown> => {
  try {
    await fn()
  } catch (e) {
    return e
  }
  throw new Error('expected an error')
}

describe('workspace discovery', () => {
  it('finds community.yaml in the current folder and in the nearest ancestor', async () => {
    const outer = await workspaceAt('outer')
    const inner = await workspaceAt('outer/projects/inner')
    await mkdir(path.join(inner, 'playbooks', 'deep'), {recursive: true})
    await mkdir(path.join(outer, 'data', 'raw'), {recursive: true})
    expect(findWorkspaceRoot(outer)).toBe(outer)
    expect(findWorkspaceRoot(path.join(inner, 'playbooks', 'deep'))).toBe(inner)
    expect(findWorkspaceRoot(path.join(outer, 'data', 'raw'))).toBe(outer)
    expect(locateWorkspace({cwd: path.join(inner, 'playbooks'), env: {}})).toBe(inner)
  })

  it('finds nothing outside a workspace, and a folder named community.yaml does not count', async () => {
    const lonely = path.join(tmp, 'lonely')
    await mkdir(path.join(lonely, 'community.yaml'), {recursive: true})
    // Only meaningful when no ancestor of the temp folder is itself a workspace.
    expect(findWorkspaceRoot(path.dirname(tmp))).toBeUndefined()
    expect(findWorkspaceRoot(lonely)).toBeUndefined()
    expect(locateWorkspace({cwd: lonely, env: {}})).toBeUndefined()
    const e = await error(() => requireWorkspaceRoot({cwd: lonely, env: {}}))
    expect(e).toBeInstanceOf(UsageError)
    expect(e).toMatchObject({exitCode: 2, code: 'workspace.notFound', hint: {key: 'workspace.notFound.hint'}})
  })

  it('--workspace beats COMMOPS_WORKSPACE, which beats discovery', async () => {
    const here = await workspaceAt('here')
    const fromEnv = await workspaceAt('from-env')
    const fromFlag = await workspaceAt('from-flag')
    expect(locateWorkspace({cwd: here, env: {}})).toBe(here)
    expect(locateWorkspace({cwd: here, env: {COMMOPS_WORKSPACE: fromEnv}})).toBe(fromEnv)
    expect(locateWorkspace({cwd: here, env: {COMMOPS_WORKSPACE: fromEnv}, flag: fromFlag})).toBe(fromFlag)
    // relative overrides are resolved from cwd
    expect(locateWorkspace({cwd: tmp, env: {}, flag: 'from-flag'})).toBe(fromFlag)
    expect(locateWorkspace({cwd: tmp, env: {COMMOPS_WORKSPACE: 'from-env'}})).toBe(fromEnv)
  })

  it('an override pointing at a folder without community.yaml is a usage error, even inside a workspace', async () => {
    const here = await workspaceAt('here')
    const empty = path.join(tmp, 'empty')
    await mkdir(empty)
    for (const options of [{flag: empty, env: {}}, {env: {COMMOPS_WORKSPACE: empty}}, {flag: 'nope', env: {}}]) {
      const e = await error(() => locateWorkspace({cwd: here, ...options}))
      expect(e).toBeInstanceOf(UsageError)
      expect(e).toMatchObject({exitCode: 2, msg: {key: 'workspace.overrideMissing'}})
    }
  })

  it('peekLocale reads the locale without validating', async () => {
    const zh = await workspaceAt('zh', 'kind: Community\nlocale: zh-CN\nbroken: [\n')
    expect(await peekLocale(zh)).toBe('zh-CN')
    expect(await peekLocale(path.join(tmp, 'none'))).toBeUndefined()
    expect(await peekLocale(undefined)).toBeUndefined()
  })
})

describe('openWorkspace', () => {
  it('returns the validated community with its locale and timezone', async () => {
    const root = await workspaceAt('ok')
    const ws = await openWorkspace({cwd: path.join(root)})
    expect(ws).toMatchObject({root, communityFile: path.join(root, 'community.yaml'), locale: 'en', timezone: 'Europe/Berlin'})
    expect(ws.community.name).toBe('Fixture Club')
    expect((await openWorkspace({cwd: root, lang: 'zh-CN'})).locale).toBe('zh-CN')
    expect((await openWorkspace({cwd: tmp, flag: 'ok'})).root).toBe(root)
  })

  it('an invalid community.yaml stops with its first problem located (exit 1), all problems in details', async () => {
    const text = readFixture('community/nested-errors.yaml')
    const root = await workspaceAt('bad', text)
    const e = await error(() => openWorkspace({cwd: root}))
    expect(e).toBeInstanceOf(ValidationError)
    const v = e as ValidationError
    expect(v.exitCode).toBe(1)
    expect(v.location).toEqual({file: path.join(root, 'community.yaml'), ...positionOf(text, 'Asia/Shanghi')})
    expect((v.details as {problems: unknown[]}).problems).toHaveLength(3)
    expect(v.msg.params).toMatchObject({file: 'community.yaml', count: 3})
  })

  it('a community.yaml of another kind is refused', async () => {
    const root = await workspaceAt('pb', readFixture('playbooks/valid.yaml'))
    await expect(openWorkspace({cwd: root})).rejects.toBeInstanceOf(ValidationError)
  })
})

describe('initWorkspace', () => {
  const options = (dir: string, extra: Partial<InitOptions> = {}): InitOptions => ({
    dir,
    name: 'Acme 米粉俱乐部',
    locale: 'zh-CN',
    timezone: 'Asia/Shanghai',
    platforms: ['wechat', 'discord'],
    type: 'interest',
    ...extra,
  })

  it('creates a valid community.yaml with the schema header, the folders, the schemas and .gitignore entries', async () => {
    const dir = path.join(tmp, 'acme')
    const result = await initWorkspace(options(dir))
    expect(result.root).toBe(dir)
    for (const sub of ['playbooks', 'data', '.commops', '.commops/schemas']) expect(existsSync(path.join(dir, sub)), sub).toBe(true)
    expect(existsSync(path.join(dir, '.commops', 'schemas', 'community.schema.json'))).toBe(true)
    const text = await readFile(path.join(dir, 'community.yaml'), 'utf8')
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=.commops/schemas/community.schema.json')
    const {problems, docs} = validateText(text, 'community.yaml', 'zh-CN')
    // the starter's placeholders are warnings only (tests/e2e/first-run.test.ts)
    expect(problems.filter((p) => p.rule !== 'community.placeholder')).toEqual([])
    expect(docs[0].value).toMatchObject({
      name: 'Acme 米粉俱乐部',
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      platforms: [{type: 'wechat'}, {type: 'discord'}],
    })
    const ignore = (await readFile(path.join(dir, '.gitignore'), 'utf8')).split('\n')
    expect(ignore).toEqual(expect.arrayContaining(['.commops/db.json', 'out/', ...GITIGNORE_ENTRIES]))
  })

  it('writes a name with quotes, colons and a hash as a plain string', async () => {
    const dir = path.join(tmp, 'quoted')
    const name = 'Say "hi": #1 club \\ o/'
    await initWorkspace(options(dir, {name, locale: 'en', description: 'a: b # c'}))
    const {problems, docs} = validateText(await readFile(path.join(dir, 'community.yaml'), 'utf8'), 'community.yaml', 'en')
    // the starter's placeholders are warnings only (tests/e2e/first-run.test.ts)
    expect(problems.filter((p) => p.rule !== 'community.placeholder')).toEqual([])
    expect(docs[0].value).toMatchObject({name, description: 'a: b # c'})
  })

  it('refuses to overwrite an existing workspace without force, leaving it unchanged', async () => {
    const dir = path.join(tmp, 'acme')
    await initWorkspace(options(dir))
    const before = await readFile(path.join(dir, 'community.yaml'), 'utf8')
    const e = await error(() => initWorkspace(options(dir, {name: 'Other', locale: 'en'})))
    expect(e).toBeInstanceOf(CommopsError)
    expect(e).toMatchObject({exitCode: 1, code: 'init.exists', location: {file: path.join(dir, 'community.yaml')}})
    expect(await readFile(path.join(dir, 'community.yaml'), 'utf8')).toBe(before)
  })

  it('with force, rewrites community.yaml, keeps data and does not repeat .gitignore entries', async () => {
    const dir = path.join(tmp, 'acme')
    await mkdir(dir)
    await writeFile(path.join(dir, '.gitignore'), 'node_modules/\nout/')
    await initWorkspace(options(dir))
    await writeFile(path.join(dir, 'data', 'members.csv'), 'id\nu1\n')
    const result = await initWorkspace(options(dir, {name: 'Renamed', locale: 'en', force: true}))
    expect(result.kept).toEqual(expect.arrayContaining(['playbooks/', 'data/', '.commops/']))
    expect(await readFile(path.join(dir, 'data', 'members.csv'), 'utf8')).toBe('id\nu1\n')
    const text = await readFile(path.join(dir, 'community.yaml'), 'utf8')
    expect(text).toContain('name: "Renamed"')
    const ignore = (await readFile(path.join(dir, '.gitignore'), 'utf8')).split('\n')
    expect(ignore.slice(0, 2)).toEqual(['node_modules/', 'out/'])
    for (const entry of GITIGNORE_ENTRIES)
      expect(
        ignore.filter((l) => l === entry),
        entry,
      ).toHaveLength(1)
  })
})
