import {existsSync, realpathSync} from 'node:fs'
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {type CliResult, runCli} from '../helpers/cli.js'

/** Runs the CLI as a user would, never on a TTY, with CI set so nothing is ever asked. */
const cli = (args: string[], cwd: string): Promise<CliResult> => runCli(args, {cwd})

let tmp: string
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'commops-template-cmd-'))
})
afterEach(async () => {
  await rm(tmp, {recursive: true, force: true})
})

describe('commops template list', () => {
  it('prints a table of the four bundled templates', async () => {
    const {code, stdout} = await cli(['template', 'list'], tmp)
    expect(code).toBe(0)
    for (const name of ['brand-community', 'knowledge-community', 'interest-group', 'open-source']) expect(stdout).toContain(name)
    expect(stdout).toContain('name*')
  })

  it('speaks the --lang', async () => {
    const {stdout} = await cli(['template', 'list', '--lang', 'zh-CN'], tmp)
    expect(stdout).toContain('社群类型')
    expect(stdout).toContain('品牌 / 粉丝社群')
  })

  it('--json prints only JSON with every parameter', async () => {
    const {code, stdout} = await cli(['template', 'list', '--json'], tmp)
    expect(code).toBe(0)
    const {templates} = JSON.parse(stdout) as {
      templates: Array<{name: string; communityType: string; parameters: Array<{name: string; type: string}>}>
    }
    expect(templates).toHaveLength(4)
    const brand = templates.find((t) => t.name === 'brand-community')!
    expect(brand.communityType).toBe('brand')
    expect(brand.parameters.find((p) => p.name === 'timezone')?.type).toBe('timezone')
  })
})

describe('commops template apply', () => {
  it('creates a workspace that `commops validate` accepts (the README example)', async () => {
    const {code, stdout, stderr} = await cli(
      ['template', 'apply', 'brand-community', '--into', 'clients/acme', '--set', 'name=Acme', '--set', 'timezone=Asia/Shanghai', '--yes'],
      tmp,
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    expect(stdout).toContain('+ community.yaml')
    expect(stdout).toContain('+ playbooks/brand-launch.yaml')
    const validate = await cli(['validate', 'clients/acme'], tmp)
    expect(validate.code).toBe(0)
  })

  it('--json returns {template, into, files, dryRun}', async () => {
    const {code, stdout} = await cli(
      ['template', 'apply', 'knowledge-community', '--into', 'kb', '--set', 'name=Data Q&A', '--set', 'locale=en', '--json'],
      tmp,
    )
    expect(code).toBe(0)
    const result = JSON.parse(stdout) as {template: string; into: string; files: Array<{path: string; action: string}>; dryRun: boolean}
    expect(result.template).toBe('knowledge-community')
    expect(result.into).toBe(path.join(realpathSync(tmp), 'kb'))
    expect(result.dryRun).toBe(false)
    expect(result.files).toContainEqual({path: 'community.yaml', action: 'create'})
  })

  it('--dry-run writes nothing', async () => {
    const {code, stdout} = await cli(['template', 'apply', 'interest-group', '--into', 'new', '--set', 'name=Hikers', '--dry-run'], tmp)
    expect(code).toBe(0)
    expect(stdout).toContain('nothing was written')
    expect(await readdir(tmp)).toEqual([])
  })

  it('a missing required parameter under CI is a usage error naming the --set', async () => {
    const {code, stderr} = await cli(['template', 'apply', 'open-source', '--into', 'oss'], tmp)
    expect(code).toBe(2)
    expect(stderr).toContain('--set name=')
    expect(existsSync(path.join(tmp, 'oss'))).toBe(false)
  })

  it('an unknown --set name is a usage error with did-you-mean', async () => {
    const {code, stderr} = await cli(['template', 'apply', 'brand-community', '--into', 'x', '--set', 'name=A', '--set', 'timezon=UTC'], tmp)
    expect(code).toBe(2)
    expect(stderr).toContain('timezon')
    expect(stderr).toContain('--set timezone=')
  })

  it('a bad value is a usage error with a hint', async () => {
    const {code, stderr} = await cli(
      ['template', 'apply', 'brand-community', '--into', 'x', '--set', 'name=A', '--set', 'timezone=Asia/Shangai'],
      tmp,
    )
    expect(code).toBe(2)
    expect(stderr).toContain('Asia/Shanghai')
    const json = await cli(['template', 'apply', 'brand-community', '--into', 'x', '--set', 'name=A', '--set', 'seedUsers=lots', '--json'], tmp)
    expect(json.code).toBe(2)
    expect(JSON.parse(json.stdout).error).toMatchObject({code: 'template.value', exitCode: 2})
  })

  it('an unknown template is a usage error suggesting a bundled one', async () => {
    const {code, stderr} = await cli(['template', 'apply', 'opensource', '--set', 'name=A'], tmp)
    expect(code).toBe(2)
    expect(stderr).toContain('open-source')
  })

  it('refuses to overwrite a different file without --force (exit 1), then overwrites with it', async () => {
    await mkdir(path.join(tmp, 'ws'))
    await writeFile(path.join(tmp, 'ws', 'community.yaml'), 'mine\n')
    const refused = await cli(['template', 'apply', 'brand-community', '--into', 'ws', '--set', 'name=A'], tmp)
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('community.yaml')
    expect(refused.stderr).toContain('--force')
    expect(await readFile(path.join(tmp, 'ws', 'community.yaml'), 'utf8')).toBe('mine\n')
    expect(existsSync(path.join(tmp, 'ws', 'playbooks'))).toBe(false)
    const forced = await cli(['template', 'apply', 'brand-community', '--into', 'ws', '--set', 'name=A', '--force'], tmp)
    expect(forced.code).toBe(0)
    expect(forced.stdout).toContain('! community.yaml')
  })

  it('a path escape from a stranger’s template is refused with file.outside', async () => {
    const dir = path.join(tmp, 'evil')
    await mkdir(path.join(dir, 'files'), {recursive: true})
    await writeFile(
      path.join(dir, 'template.yaml'),
      'apiVersion: commops/v1\nkind: Template\nname: evil\ncommunityType: other\nparameters:\n  name: {type: string, required: true, prompt: {zh-CN: 名称, en: Name}}\n',
    )
    await writeFile(
      path.join(dir, 'files', 'community.yaml'),
      'apiVersion: commops/v1\nkind: Community\nname: {{name | yaml}}\nlocale: en\ntimezone: UTC\n',
    )
    await writeFile(path.join(dir, 'files', '{{name}}.md'), 'pwned')
    const {code, stdout} = await cli(['template', 'apply', './evil', '--into', 'ws', '--set', 'name=../../x', '--json'], tmp)
    expect(code).toBe(2)
    expect(JSON.parse(stdout).error).toMatchObject({code: 'file.outside'})
    expect(existsSync(path.join(tmp, 'ws'))).toBe(false)
    expect(existsSync(path.join(path.dirname(tmp), 'x.md'))).toBe(false)
  })
})
