import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {lstat, mkdir, mkdtemp, readdir, readFile, readlink, rm, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {CommopsError} from '../../src/errors.js'
import type {Locale} from '../../src/i18n/index.js'
import {validateText} from '../helpers/validate.js'
import {applyTemplate} from '../../src/template/apply.js'
import {listTemplates, loadTemplate} from '../../src/template/load.js'
import {completeParams, parseSets} from '../../src/template/params.js'
import {GITIGNORE_ENTRIES} from '../../src/workspace/skeleton.js'

const BUNDLED = ['brand-community', 'knowledge-community', 'interest-group', 'open-source']
const LOCALES: Locale[] = ['zh-CN', 'en']

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'commops-template-'))
})
afterEach(async () => {
  await rm(tmp, {recursive: true, force: true})
})

/** Every entry under a folder (symlinks as their target, files by hash), or null when it does not exist. */
async function snapshot(dir: string): Promise<Record<string, string> | null> {
  if (!existsSync(dir)) return null
  const out: Record<string, string> = {}
  async function walk(rel: string): Promise<void> {
    for (const name of (await readdir(path.join(dir, rel))).sort()) {
      const childRel = path.join(rel, name)
      const full = path.join(dir, childRel)
      const info = await lstat(full)
      if (info.isSymbolicLink()) out[childRel] = `-> ${await readlink(full)}`
      else if (info.isDirectory()) {
        out[childRel + '/'] = 'dir'
        await walk(childRel)
      } else
        out[childRel] = createHash('sha256')
          .update(await readFile(full))
          .digest('hex')
    }
  }
  await walk('')
  return out
}

async function yamlFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = []
  for (const entry of await readdir(path.join(dir, rel), {withFileTypes: true})) {
    const childRel = rel ? `${rel}/${entry.name}` : entry.name
    if (entry.isDirectory()) out.push(...(await yamlFiles(dir, childRel)))
    else if (/\.ya?ml$/.test(entry.name)) out.push(childRel)
  }
  return out.sort()
}

async function thrown(promise: Promise<unknown>): Promise<CommopsError> {
  try {
    await promise
  } catch (error) {
    if (error instanceof CommopsError) return error
    throw error
  }
  throw new Error('expected a CommopsError')
}

const COMMUNITY = `apiVersion: commops/v1
kind: Community
name: {{name | yaml}}
locale: en
timezone: UTC
`

/** Writes a small template of our own (as a stranger would send one) and returns its folder. */
async function makeTemplate(files: Record<string, string>, extra = ''): Promise<string> {
  const dir = path.join(tmp, 'tpl')
  await mkdir(path.join(dir, 'files'), {recursive: true})
  await writeFile(
    path.join(dir, 'template.yaml'),
    `apiVersion: commops/v1
kind: Template
name: stranger
communityType: other
parameters:
  name: {type: string, required: true, prompt: {zh-CN: 名称, en: Name}}
${extra}`,
  )
  for (const [rel, text] of Object.entries({'community.yaml': COMMUNITY, ...files})) {
    await mkdir(path.dirname(path.join(dir, 'files', rel)), {recursive: true})
    await writeFile(path.join(dir, 'files', rel), text)
  }
  return dir
}

async function apply(ref: string, sets: string[], options: {into: string; force?: boolean; dryRun?: boolean; locale?: Locale}) {
  const tpl = await loadTemplate(ref, {locale: 'en', cwd: tmp})
  const values = completeParams(tpl.doc, parseSets(tpl.doc, sets))
  return applyTemplate(tpl, values, {locale: 'en', ...options})
}

describe('bundled templates', () => {
  it('lists the four community types with parameters', async () => {
    const list = await listTemplates('zh-CN')
    expect(list.map((t) => t.name).sort()).toEqual([...BUNDLED].sort())
    expect(list.map((t) => t.communityType).sort()).toEqual(['brand', 'interest', 'knowledge', 'open-source'])
    for (const t of list) {
      expect(t.valid).toBe(true)
      expect(t.description).not.toBe('')
      const names = t.parameters.map((p) => p.name)
      for (const n of ['name', 'description', 'locale', 'timezone']) expect(names).toContain(n)
      expect(t.parameters.find((p) => p.name === 'name')?.required).toBe(true)
    }
  })

  for (const name of BUNDLED) {
    for (const locale of LOCALES) {
      it(`${name} (${locale}) produces a full workspace in which every YAML validates`, async () => {
        const into = path.join(tmp, 'clients', 'acme')
        const result = await apply(name, ['name=Acme', `locale=${locale}`, 'timezone=Asia/Shanghai'], {into})
        expect(result.dryRun).toBe(false)
        expect(result.files.every((f) => f.action === 'create')).toBe(true)

        const files = await yamlFiles(into)
        expect(files).toContain('community.yaml')
        const playbooks = files.filter((f) => f.startsWith('playbooks/'))
        expect(playbooks.length).toBeGreaterThanOrEqual(1)
        expect(playbooks.length).toBeLessThanOrEqual(2)
        for (const rel of files) {
          const text = await readFile(path.join(into, rel), 'utf8')
          const {problems, docs} = validateText(text, rel, locale)
          expect(problems, `${name}/${rel}: ${problems.map((p) => `${p.line}:${p.col} ${p.message}`).join('; ')}`).toEqual([])
          if (rel.startsWith('playbooks/')) expect(docs[0].kind).toBe('Playbook')
        }

        const community = await readFile(path.join(into, 'community.yaml'), 'utf8')
        expect(community.split('\n')[0]).toBe('# yaml-language-server: $schema=.commops/schemas/community.schema.json')
        const value = parse(community) as {name: string; locale: string; timezone: string; type: string}
        expect(value).toMatchObject({name: 'Acme', locale, timezone: 'Asia/Shanghai'})
        expect(existsSync(path.join(into, 'data', '.gitkeep'))).toBe(true)
        expect(existsSync(path.join(into, '.commops', 'schemas', 'community.schema.json'))).toBe(true)
        expect(existsSync(path.join(into, '.commops', 'schemas', 'playbook.schema.json'))).toBe(true)
        const gitignore = (await readFile(path.join(into, '.gitignore'), 'utf8')).split('\n')
        for (const entry of GITIGNORE_ENTRIES) expect(gitignore).toContain(entry)
        const readme = await readFile(path.join(into, 'README.md'), 'utf8')
        expect(readme).toContain('Acme')
      })
    }
  }

  it('values that look like YAML stay data in every template', async () => {
    const nasty = 'Acme "米粉": #1\nkind: Playbook\n{{name}} ${{ env.HOME }}'
    for (const name of BUNDLED) {
      const into = path.join(tmp, name)
      await apply(name, [`name=${nasty}`, `description=${nasty}`, 'locale=en'], {into})
      const community = parse(await readFile(path.join(into, 'community.yaml'), 'utf8')) as {name: string; description: string; kind: string}
      expect(community).toMatchObject({name: nasty, description: nasty, kind: 'Community'})
      for (const rel of await yamlFiles(into)) {
        expect(validateText(await readFile(path.join(into, rel), 'utf8'), rel, 'en').problems).toEqual([])
      }
    }
  })

  it('optional sections follow boolean parameters', async () => {
    const on = path.join(tmp, 'on')
    const off = path.join(tmp, 'off')
    await apply('brand-community', ['name=A', 'betaProgram=true'], {into: on})
    await apply('brand-community', ['name=A', 'betaProgram=false', 'platform=discord'], {into: off})
    expect(await readFile(path.join(on, 'community.yaml'), 'utf8')).toContain('wechat-beta')
    const offText = await readFile(path.join(off, 'community.yaml'), 'utf8')
    expect(offText).not.toContain('-beta')
    expect(offText).toContain('discord-main')
    expect(await readFile(path.join(off, 'playbooks', 'brand-launch.yaml'), 'utf8')).not.toContain('id: beta')
  })

  it('applying the same values again changes nothing', async () => {
    const into = path.join(tmp, 'again')
    await apply('open-source', ['name=Fluxion', 'repo=flux/fluxion'], {into})
    const before = await snapshot(into)
    const again = await apply('open-source', ['name=Fluxion', 'repo=flux/fluxion'], {into})
    expect(new Set(again.files.map((f) => f.action))).toEqual(new Set(['same']))
    expect(await snapshot(into)).toEqual(before)
  })
})

describe('dry run', () => {
  it('writes nothing and does not even create --into', async () => {
    const into = path.join(tmp, 'clients', 'new')
    const before = await snapshot(tmp)
    const result = await apply('brand-community', ['name=Acme'], {into, dryRun: true})
    expect(result.dryRun).toBe(true)
    expect(result.files.map((f) => f.path)).toContain('community.yaml')
    expect(existsSync(path.join(tmp, 'clients'))).toBe(false)
    expect(await snapshot(tmp)).toEqual(before)
  })

  it('writes nothing into an existing workspace either, and reports what would change', async () => {
    const into = path.join(tmp, 'ws')
    await apply('interest-group', ['name=Hikers'], {into})
    await writeFile(path.join(into, 'community.yaml'), 'changed by hand\n')
    await rm(path.join(into, 'README.md'))
    const before = await snapshot(into)
    const result = await apply('interest-group', ['name=Hikers'], {into, dryRun: true, force: true})
    const actions = Object.fromEntries(result.files.map((f) => [f.path, f.action]))
    expect(actions['community.yaml']).toBe('overwrite')
    expect(actions['README.md']).toBe('create')
    expect(actions['playbooks/interest-launch.yaml']).toBe('same')
    expect(await snapshot(into)).toEqual(before)
  })
})

describe('existing files', () => {
  it('refuses to overwrite a different file without --force and leaves everything unchanged', async () => {
    const into = path.join(tmp, 'ws')
    await mkdir(path.join(into, 'playbooks'), {recursive: true})
    await writeFile(path.join(into, 'community.yaml'), 'mine\n')
    await writeFile(path.join(into, 'playbooks', 'brand-launch.yaml'), 'mine too\n')
    const before = await snapshot(into)
    const err = await thrown(apply('brand-community', ['name=Acme'], {into}))
    expect(err.code).toBe('template.conflict')
    expect(err.exitCode).toBe(1)
    expect((err.details as {conflicts: string[]}).conflicts).toEqual(['community.yaml', 'playbooks/brand-launch.yaml'])
    expect(await snapshot(into)).toEqual(before)
  })

  it('overwrites with --force and keeps the user’s .gitignore lines', async () => {
    const into = path.join(tmp, 'ws')
    await mkdir(into, {recursive: true})
    await writeFile(path.join(into, 'community.yaml'), 'mine\n')
    await writeFile(path.join(into, '.gitignore'), 'node_modules/\nout/')
    const result = await apply('brand-community', ['name=Acme'], {into, force: true})
    expect(result.files.find((f) => f.path === 'community.yaml')?.action).toBe('overwrite')
    expect(result.files.find((f) => f.path === '.gitignore')?.action).toBe('update')
    expect(await readFile(path.join(into, 'community.yaml'), 'utf8')).toContain('kind: Community')
    const gitignore = await readFile(path.join(into, '.gitignore'), 'utf8')
    expect(gitignore.startsWith('node_modules/\nout/\n# commops\n')).toBe(true)
    expect(gitignore.split('\n').filter((l) => l === 'out/')).toHaveLength(1)
  })
})

describe('a template from a stranger', () => {
  it('cannot write outside --into through a placeholder in a file name', async () => {
    const dir = await makeTemplate({'{{name}}.md': 'hello'})
    const into = path.join(tmp, 'out', 'ws')
    const before = await snapshot(tmp)
    const err = await thrown(apply(dir, ['name=../../x'], {into}))
    expect(err.code).toBe('file.outside')
    expect(err.exitCode).toBe(2)
    expect(err.msg.params).toMatchObject({path: '../../x.md'})
    expect(existsSync(path.join(tmp, 'x.md'))).toBe(false)
    expect(await snapshot(tmp)).toEqual(before)
  })

  it('cannot write to an absolute path through a placeholder', async () => {
    const dir = await makeTemplate({'{{name}}/evil.md': 'hello'})
    const err = await thrown(apply(dir, [`name=${path.join(tmp, 'abs')}`], {into: path.join(tmp, 'ws')}))
    expect(err.code).toBe('file.outside')
    expect(existsSync(path.join(tmp, 'abs'))).toBe(false)
  })

  it('cannot write through a symlink inside --into that points outside', async () => {
    const dir = await makeTemplate({'link/evil.md': 'gotcha'})
    const into = path.join(tmp, 'ws')
    const outside = path.join(tmp, 'outside')
    await mkdir(into, {recursive: true})
    await mkdir(outside)
    await symlink(outside, path.join(into, 'link'))
    const err = await thrown(apply(dir, ['name=x'], {into}))
    expect(err.code).toBe('file.outside')
    expect(await readdir(outside)).toEqual([])
    expect(existsSync(path.join(into, 'community.yaml'))).toBe(false)
  })

  it('cannot read outside its folder through a symlink in files/', async () => {
    const secret = path.join(tmp, 'secret.txt')
    await writeFile(secret, 'password')
    const dir = await makeTemplate({})
    await symlink(secret, path.join(dir, 'files', 'notes.txt'))
    const err = await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))
    expect(err.code).toBe('template.symlink')
    expect(existsSync(path.join(tmp, 'ws'))).toBe(false)
  })

  it('cannot escape through a files: rule either', async () => {
    const dir = await makeTemplate({'a.md': 'x'}, 'files:\n  - {from: a.md, to: ../../evil.md}\n')
    const err = await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))
    expect(err.code).toBe('file.outside')
    const missing = await makeTemplate({}, 'files:\n  - {from: ../template.yaml, to: stolen.yaml}\n')
    expect((await thrown(apply(missing, ['name=x'], {into: path.join(tmp, 'ws2')}))).code).toBe('template.fromMissing')
  })

  it('cannot reach prototypes or run anything: unknown placeholders are located errors and nothing is written', async () => {
    const dir = await makeTemplate({'notes.md': 'ok\n{{constructor}}\n'})
    const err = await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))
    expect(err.msg.key).toBe('template.render.unknownParam')
    expect(err.location).toEqual({file: 'tpl/files/notes.md', line: 2, col: 1})
    expect(existsSync(path.join(tmp, 'ws'))).toBe(false)
  })

  it('must put free text through | yaml in YAML files', async () => {
    const dir = await makeTemplate({'community.yaml': COMMUNITY.replace('{{name | yaml}}', '{{name}}')})
    const err = await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))
    expect(err.msg.key).toBe('template.render.raw')
    expect(err.location).toMatchObject({file: 'tpl/files/community.yaml', line: 3, col: 7})
  })

  it('an invalid rendered workspace is refused before anything is written', async () => {
    const dir = await makeTemplate({
      'playbooks/bad.yaml': 'apiVersion: commops/v1\nkind: Playbook\nname: bad\nphase: launch\nsteps:\n  - {id: x, uses: shell.run}\n',
    })
    const err = await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))
    expect(err.code).toBe('template.invalidOutput')
    expect(err.location).toMatchObject({file: 'playbooks/bad.yaml', line: 6})
    expect(existsSync(path.join(tmp, 'ws'))).toBe(false)
  })

  it('an invalid template.yaml is refused with its location', async () => {
    const dir = await makeTemplate({}, '  size: {type: integer, default: lots, prompt: {zh-CN: 数, en: Count}}\n')
    const err = await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))
    expect(err.code).toBe('template.invalid')
    expect(err.location).toMatchObject({file: 'tpl/template.yaml', line: 7})
  })

  it('copies files that are not text byte for byte', async () => {
    const dir = await makeTemplate({})
    const bytes = Buffer.from([0, 1, 2, 0x7b, 0x7b, 0x6e, 0x7d, 0x7d, 255])
    await writeFile(path.join(dir, 'files', 'logo.png'), bytes)
    const into = path.join(tmp, 'ws')
    await apply(dir, ['name=x'], {into})
    expect((await readFile(path.join(into, 'logo.png'))).equals(bytes)).toBe(true)
  })

  it('an unknown template name is a usage error that suggests a bundled one', async () => {
    const err = await thrown(loadTemplate('brand-comunity', {locale: 'en', cwd: tmp}))
    expect(err.exitCode).toBe(2)
    expect(JSON.stringify(err.hint)).toContain('brand-community')
  })
})

describe('reserved folders', () => {
  it.each(['.git/hooks/pre-commit', 'sub/.git/config', '.GIT./hooks/x', '.git', '.husky/pre-commit', '.commops/db.json', 'out/report.md'])(
    'refuses a target %s',
    async (target) => {
      const dir = await makeTemplate({'payload.txt': 'x'}, `files:\n  - {from: payload.txt, to: ${JSON.stringify(target)}}\n`)
      const err = await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))
      expect(err.code).toBe('template.reservedPath')
      expect(existsSync(path.join(tmp, 'ws'))).toBe(false)
    },
  )

  it('allows ordinary dot-folders such as .github', async () => {
    const dir = await makeTemplate({'.github/ISSUE_TEMPLATE/question.md': 'Ask {{name}}'})
    const into = path.join(tmp, 'ws')
    await apply(dir, ['name=x'], {into})
    expect(await readFile(path.join(into, '.github/ISSUE_TEMPLATE/question.md'), 'utf8')).toBe('Ask x')
  })

  it('refuses a template.yaml that is a symlink', async () => {
    const dir = await makeTemplate({})
    const real = path.join(tmp, 'real-template.yaml')
    await writeFile(real, await readFile(path.join(dir, 'template.yaml')))
    await rm(path.join(dir, 'template.yaml'))
    await symlink(real, path.join(dir, 'template.yaml'))
    expect((await thrown(apply(dir, ['name=x'], {into: path.join(tmp, 'ws')}))).code).toBe('template.symlink')
  })
})
