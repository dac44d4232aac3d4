import {mkdir, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {loadPlaybook} from '../../src/playbook/load.js'
import {resolveVars} from '../../src/playbook/vars.js'
import {validatePaths} from '../../src/schema/service.js'
import {validateText} from '../helpers/validate.js'
import {makeTempDir, removeDir} from '../helpers/cli.js'
import {readFixture} from '../fixtures/index.js'

const COMMUNITY = 'apiVersion: commops/v1\nkind: Community\nname: Fixture Club\nlocale: en\ntimezone: UTC\n'
const PLAYBOOK = readFixture('playbooks/valid.yaml').replace(/\n*$/, '\n')
/** The line of the second document's first key, after the playbook and the `---` line. */
const SECOND_LINE = PLAYBOOK.split('\n').length + 1
const SECOND = '---\napiVersion: commops/v1\nkind: Community\nname: Other\nlocale: en\ntimezone: UTC\n'

describe('validate: symlinks met while walking a folder', () => {
  let dir: string
  let ws: string
  beforeEach(async () => {
    dir = await makeTempDir()
    ws = path.join(dir, 'ws')
    await mkdir(path.join(ws, 'playbooks'), {recursive: true})
    await writeFile(path.join(ws, 'community.yaml'), COMMUNITY)
  })
  afterEach(() => removeDir(dir))

  it('checks a symlink that stays inside the workspace like a file', async () => {
    await writeFile(path.join(ws, 'real.yaml'), 'apiVersion: commops/v1\nkind: Community\n')
    await symlink(path.join(ws, 'real.yaml'), path.join(ws, 'playbooks', 'linked.yaml'))
    const report = await validatePaths([ws], {cwd: ws, locale: 'en'})
    expect(report.files).toContain('playbooks/linked.yaml')
    expect(report.problems.filter((p) => p.file === 'playbooks/linked.yaml' && p.rule === 'schema.required').length).toBeGreaterThan(0)
  })

  it('refuses a symlink leading out of the workspace with one located problem naming it', async () => {
    await writeFile(path.join(dir, 'elsewhere.yaml'), COMMUNITY)
    await symlink(path.join(dir, 'elsewhere.yaml'), path.join(ws, 'playbooks', 'evil.yaml'))
    const report = await validatePaths([ws], {cwd: ws, locale: 'en'})
    const refused = report.problems.filter((p) => p.file === 'playbooks/evil.yaml')
    expect(refused).toHaveLength(1)
    expect(refused[0]).toMatchObject({rule: 'file.symlinkOut', severity: 'error', line: 1, col: 1})
    expect(refused[0].hint).toContain('playbooks/evil.yaml')
    expect(report.valid).toBe(false)
  })

  it('refuses a symlinked community.yaml leading out, and a symlinked folder leading out', async () => {
    await mkdir(path.join(dir, 'outside'))
    await writeFile(path.join(dir, 'outside', 'x.yaml'), COMMUNITY)
    await symlink(path.join(dir, 'outside'), path.join(ws, 'linked-dir'))
    const report = await validatePaths([ws], {cwd: ws, locale: 'zh-CN'})
    const refused = report.problems.filter((p) => p.file === 'linked-dir')
    expect(refused).toHaveLength(1)
    expect(refused[0].rule).toBe('file.symlinkOut')
    expect(report.problems.some((p) => p.file.includes('x.yaml'))).toBe(false)
  })

  it('reports a dangling symlink instead of skipping it', async () => {
    await symlink(path.join(dir, 'gone.yaml'), path.join(ws, 'playbooks', 'gone.yaml'))
    const report = await validatePaths([ws], {cwd: ws, locale: 'en'})
    expect(report.problems.filter((p) => p.file === 'playbooks/gone.yaml').map((p) => p.rule)).toEqual(['validate.symlinkDangling'])
    expect(report.valid).toBe(false)
  })
})

describe('a playbook file with several documents', () => {
  it('warns once, at the second document, that it is ignored', () => {
    const {problems} = validateText(PLAYBOOK + SECOND, 'p.yaml', 'en')
    const extra = problems.filter((p) => p.rule === 'yaml.extraDocuments')
    expect(extra).toHaveLength(1)
    expect(extra[0]).toMatchObject({file: 'p.yaml', line: SECOND_LINE, col: 1, severity: 'warning', document: 2})
    expect(problems.filter((p) => p.severity === 'error')).toEqual([])
  })

  it('does not warn about a single-document playbook or a multi-document file of other kinds', () => {
    expect(validateText(PLAYBOOK, 'p.yaml', 'en').problems).toEqual([])
    expect(validateText(COMMUNITY + SECOND, 'c.yaml', 'en').problems.filter((p) => p.rule === 'yaml.extraDocuments')).toEqual([])
  })

  it('loadPlaybook hands the warning to run and show', async () => {
    const dir = await makeTempDir()
    try {
      await writeFile(path.join(dir, 'multi.yaml'), PLAYBOOK + SECOND)
      const loaded = await loadPlaybook('multi.yaml', {cwd: dir, locale: 'zh-CN'})
      expect(loaded.playbook.kind).toBe('Playbook')
      expect(loaded.warnings.map((w) => `${w.rule} ${w.file}:${w.line}:${w.col}`)).toEqual([`yaml.extraDocuments multi.yaml:${SECOND_LINE}:1`])
    } finally {
      await removeDir(dir)
    }
  })
})

describe('--var usage errors carry a hint', () => {
  const decls = {
    weeks: {type: 'integer' as const},
    mode: {type: 'string' as const, enum: ['a', 'b']},
    need: {type: 'string' as const, required: true},
    start: {type: 'integer' as const, default: '${{ run.date }}'},
  }
  const hintOf = (given: string[], scope: Record<string, unknown> = {run: {date: 'x'}}): unknown => {
    try {
      resolveVars(decls, given, 'en', scope)
    } catch (error) {
      expect(error).toBeInstanceOf(UsageError)
      expect((error as UsageError).exitCode).toBe(2)
      return (error as UsageError).hint?.key
    }
    throw new Error('no error')
  }
  it('for each kind of mistake', () => {
    expect(hintOf(['weeks'])).toBe('var.badForm.hint')
    expect(hintOf(['weeks=many'])).toBe('var.badType.hint')
    expect(hintOf(['mode=c'])).toBe('var.notInEnum.hint')
    expect(hintOf(['need=x'])).toBe('var.badDefault.hint')
    expect(hintOf([], {run: {date: '5'}})).toBe('var.required.hint')
  })
})
