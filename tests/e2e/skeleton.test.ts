/**
 * End to end, as a user would: spawn `node bin/run.js` in a temp folder.
 * init → validate → break the file → exit 1 with file:line:col → machine-readable reports → init guards → usage errors.
 * Needs the compiled CLI (dist/ and oclif.manifest.json): `npm test` builds first.
 */
import {existsSync} from 'node:fs'
import {copyFile, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormatsModule from 'ajv-formats'
import {parse as parseYaml} from 'yaml'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {hasStackTrace, makeTempDir, removeDir, runCli, runCliOnTty, SCRIPT} from '../helpers/cli.js'
import {fixturePath, positionOf} from '../fixtures/index.js'
import {README_INIT} from '../helpers/workspace.js'

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020

let tmp: string
let acme: string
let communityFile: string
/** The community.yaml as init wrote it, and after we broke it. */
let pristine: string
let broken: string

beforeAll(async () => {
  tmp = await makeTempDir('commops-e2e-')
  acme = path.join(tmp, 'acme')
  communityFile = path.join(acme, 'community.yaml')
})

afterAll(async () => {
  await removeDir(tmp)
})

describe.sequential('walking skeleton, spawned', () => {
  it('init creates the workspace without asking', async () => {
    const r = await runCli(README_INIT, {cwd: tmp, env: {CI: undefined}})
    expect(r.code, r.stderr).toBe(0)
    for (const f of ['community.yaml', 'playbooks', 'data', '.commops', '.gitignore']) expect(existsSync(path.join(acme, f)), f).toBe(true)
    pristine = await readFile(communityFile, 'utf8')
    expect(pristine.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=\S+community\.schema\.json$/)
    const schemaRef = /\$schema=(\S+)/.exec(pristine)?.[1] ?? ''
    expect(existsSync(path.resolve(acme, schemaRef)), `the $schema path ${schemaRef} exists`).toBe(true)
    expect(pristine).toContain('name: "Acme 米粉俱乐部"')
    const ignore = (await readFile(path.join(acme, '.gitignore'), 'utf8')).split('\n')
    expect(ignore).toContain('.commops/db.json')
    expect(ignore).toContain('out/')
  })

  it.skipIf(!SCRIPT)('on a terminal, --yes never prompts (and without it, init does ask)', async () => {
    const env = {CI: undefined}
    const prompt = /\?\s.*Community name|社群名称/
    const asked = await runCliOnTty(['init', 'asked', '--locale', 'en', '--timezone', 'UTC'], {cwd: tmp, env, stopWhen: prompt})
    expect(asked.stopped, asked.output).toBe(true) // the control: a terminal without --yes or CI gets questions
    const quiet = await runCliOnTty(['init', 'on-tty', '--locale', 'en', '--timezone', 'UTC', '--yes'], {cwd: tmp, env, stopWhen: prompt})
    expect(quiet.stopped, quiet.output).toBe(false)
    expect(quiet.code, quiet.output).toBe(0)
    expect(existsSync(path.join(tmp, 'on-tty', 'community.yaml'))).toBe(true)
  })

  it('validate in the new workspace exits 0 (the starter placeholders are warnings)', async () => {
    const r = await runCli(['validate'], {cwd: acme})
    expect(r.code, r.stdout + r.stderr).toBe(0)
    expect(r.stdout).toContain('没有错误') // the workspace is zh-CN
  })

  it('never takes piped input for a missing argument (oclif would read stdin for it)', async () => {
    const piped = await runCli(['runs'], {cwd: acme, input: 'R99\n'})
    expect(piped.code, piped.stderr).toBe(0)
    // the control: given as an argument, R99 is looked up and is not there
    expect((await runCli(['runs', 'R99'], {cwd: acme})).code).toBe(2)
  })

  it('a broken community.yaml exits 1 and names community.yaml:LINE:COL for every problem', async () => {
    expect(pristine).toContain('timezone: "Asia/Shanghai"\n')
    broken = pristine.replace('timezone: "Asia/Shanghai"\n', 'timezone: Asia/Shanghi\ncolour: red\n')
    await writeFile(communityFile, broken)
    const tz = positionOf(broken, 'Asia/Shanghi')
    const colour = positionOf(broken, 'colour: red')

    const [r, en] = await Promise.all([runCli(['validate'], {cwd: acme}), runCli(['validate', '--lang', 'en'], {cwd: acme})])
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`community.yaml:${tz.line}:${tz.col}`)
    expect(r.stdout).toContain(`community.yaml:${colour.line}:${colour.col}`)
    expect(r.stdout).toContain('你是不是想写 `Asia/Shanghai`')
    expect(r.stdout).toContain('未知属性 `colour`')
    expect(hasStackTrace(r.stdout + r.stderr)).toBe(false)

    expect(en.code).toBe(1)
    expect(en.stdout).toContain('Unknown property `colour`')
    expect(en.stdout).toContain('Did you mean `Asia/Shanghai`?')
    expect(en.stdout).not.toMatch(/[\u4e00-\u9fff]{2}/)
  })

  it('--format json and --format sarif parse and carry those locations', async () => {
    const tz = positionOf(broken, 'Asia/Shanghi')
    const colour = positionOf(broken, 'colour: red')

    const [json, sarif, github] = await Promise.all(['json', 'sarif', 'github'].map((f) => runCli(['validate', '--format', f], {cwd: acme})))
    expect(json.code).toBe(1)
    const report = JSON.parse(json.stdout) as {
      valid: boolean
      problems: Array<{file: string; line: number; col: number; path: string; message: string; hint?: string; severity: string}>
    }
    expect(report.valid).toBe(false)
    // the starter's placeholders are warnings (tests/e2e/first-run.test.ts); here, the errors
    const errors = report.problems.filter((p) => p.severity === 'error')
    expect(errors.map(({file, line, col, path: p}) => ({file, line, col, path: p}))).toEqual([
      {file: 'community.yaml', ...tz, path: '/timezone'},
      {file: 'community.yaml', ...colour, path: '/colour'},
    ])
    for (const p of report.problems) expect(p.hint).toBeTruthy()

    expect(sarif.code).toBe(1)
    const log = JSON.parse(sarif.stdout) as {
      version: string
      runs: Array<{
        results: Array<{
          ruleId: string
          level: string
          locations: Array<{physicalLocation: {artifactLocation: {uri: string}; region: {startLine: number; startColumn: number}}}>
        }>
      }>
    }
    expect(log.version).toBe('2.1.0')
    expect(log.runs[0].results.filter((r) => r.level === 'error').map((r) => r.locations[0].physicalLocation)).toEqual([
      expect.objectContaining({
        artifactLocation: expect.objectContaining({uri: 'community.yaml'}),
        region: {startLine: tz.line, startColumn: tz.col},
      }),
      expect.objectContaining({
        artifactLocation: expect.objectContaining({uri: 'community.yaml'}),
        region: {startLine: colour.line, startColumn: colour.col},
      }),
    ])

    expect(github.code).toBe(1)
    expect(
      github.stdout
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('::error')),
    ).toEqual([
      expect.stringMatching(new RegExp(`^::error file=community\\.yaml,line=${tz.line},col=${tz.col},`)),
      expect.stringMatching(new RegExp(`^::error file=community\\.yaml,line=${colour.line},col=${colour.col},`)),
    ])
  })

  it('a playbook in the workspace is checked by its kind, with locations', async () => {
    await copyFile(fixturePath('playbooks/broken.yaml'), path.join(acme, 'playbooks', 'broken.yaml'))
    const text = await readFile(fixturePath('playbooks/broken.yaml'), 'utf8')
    const uses = positionOf(text, 'tasks.creat\n')
    const r = await runCli(['validate', 'playbooks', '--lang', 'en'], {cwd: acme})
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`playbooks/broken.yaml:${uses.line}:${uses.col}  error  Unknown step type \`tasks.creat\``)
    expect(r.stdout).toContain('Did you mean `tasks.create`?')
  })

  it('init again without --force exits 1 and leaves the file unchanged; --force rewrites it', async () => {
    const again = await runCli(README_INIT, {cwd: tmp})
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/community\.yaml/)
    expect(hasStackTrace(again.stderr)).toBe(false)
    expect(await readFile(communityFile, 'utf8')).toBe(broken)

    const forced = await runCli([...README_INIT, '--force'], {cwd: tmp})
    expect(forced.code, forced.stderr).toBe(0)
    expect(await readFile(communityFile, 'utf8')).toBe(pristine)
    const ok = await runCli(['validate', 'community.yaml'], {cwd: acme})
    expect(ok.code).toBe(0)
  })

  it('a missing path exits 2; an unknown flag exits 2 without a stack trace', async () => {
    const [missing, flag] = await Promise.all([runCli(['validate', 'nope/'], {cwd: acme}), runCli(['validate', '--no-such-flag'], {cwd: acme})])
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('nope/')
    expect(hasStackTrace(missing.stderr)).toBe(false)

    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('--no-such-flag')
    expect(hasStackTrace(flag.stdout + flag.stderr)).toBe(false)
    expect(flag.stderr.trim().split('\n').length).toBeLessThanOrEqual(2) // one message and its hint
  })

  it('--json on an error prints exactly one JSON object on stdout', async () => {
    const runs = [
      ['validate', 'nope/', '--json'],
      ['validate', '--no-such-flag', '--json'],
      [...README_INIT, '--json'],
    ]
    const results = await Promise.all(runs.map((args) => runCli(args, {cwd: args[0] === 'init' ? tmp : acme})))
    for (const [i, r] of results.entries()) {
      const args = runs[i]
      expect(r.code, args.join(' ')).toBeGreaterThan(0)
      const out = JSON.parse(r.stdout) as {error: {message: string; exitCode: number}}
      expect(out.error.message, args.join(' ')).toBeTruthy()
      expect(out.error.exitCode).toBe(r.code)
      expect(hasStackTrace(r.stdout + r.stderr)).toBe(false)
    }
  })

  it('--lang chooses the language of error messages', async () => {
    const [en, zh] = await Promise.all(['en', 'zh-CN'].map((lang) => runCli(['validate', 'nope/', '--lang', lang], {cwd: acme})))
    expect(en.stderr).toContain('File or folder not found: nope/')
    expect(zh.stderr).toContain('找不到文件或文件夹：nope/')
    expect(zh.stderr).toContain('提示')
  })

  it('--help lists the commands, and validate --help shows examples', async () => {
    const [root, help] = await Promise.all([runCli(['--help'], {cwd: tmp}), runCli(['validate', '--help'], {cwd: tmp})])
    expect(root.code).toBe(0)
    expect(root.stdout).toMatch(/^COMMANDS$/m)
    for (const command of ['init', 'validate', 'schema']) expect(root.stdout).toMatch(new RegExp(`^\\s+${command}\\s+\\S`, 'm'))

    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^EXAMPLES$/m)
    expect(help.stdout).toContain('$ commops validate --format')
    expect(help.stdout).toContain('--format=<option>')
    expect(help.stdout).toContain('--lang=<option>')
    expect(help.stdout).toContain('--json')
  })

  it('schema Community prints a JSON Schema that a fresh ajv compiles and that accepts the init output', async () => {
    const r = await runCli(['schema', 'Community'], {cwd: tmp})
    expect(r.code).toBe(0)
    const schema = JSON.parse(r.stdout) as Record<string, unknown>
    // a careful client: strict mode, with the formats and annotation keyword the schema declares
    const ajv = addFormats(new Ajv2020({allErrors: true, strict: true, allowUnionTypes: true}))
    ajv.addFormat('iana-timezone', {type: 'string', validate: (tz: string) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'UTC'})
    ajv.addKeyword('x-hint')
    const validate = ajv.compile(schema)
    expect(validate(parseYaml(pristine)), JSON.stringify(validate.errors)).toBe(true)
    expect(validate(parseYaml(broken))).toBe(false)
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(expect.arrayContaining(['/timezone', '']))
    // an editor's lax client compiles it too
    expect(() => new Ajv2020({strict: false, logger: false}).compile(schema)).not.toThrow()
  })

  it('schema --out DIR writes community.schema.json and playbook.schema.json', async () => {
    const out = path.join(tmp, 'schemas')
    const r = await runCli(['schema', '--out', out], {cwd: tmp})
    expect(r.code).toBe(0)
    for (const f of ['community.schema.json', 'playbook.schema.json']) {
      expect((JSON.parse(await readFile(path.join(out, f), 'utf8')) as {$schema: string}).$schema).toBe(
        'https://json-schema.org/draft/2020-12/schema',
      )
    }
  })
})

describe('unknown commands', () => {
  it('are usage errors (exit 2) with a did-you-mean, in the LANG language, without a stack trace', async () => {
    const en = await runCli(['calender', 'show'])
    expect(en.code).toBe(2)
    expect(en.stderr).toContain('`calender show` is not a commops command')
    expect(en.stderr).toContain('Did you mean `commops calendar show`?')
    expect(hasStackTrace(en.stderr)).toBe(false)
    const zh = await runCli(['playbok', 'list'], {env: {LANG: 'zh_CN.UTF-8'}})
    expect(zh.code).toBe(2)
    expect(zh.stderr).toContain('你是不是想运行 `commops playbook list`')
  })
})

describe('validate over several client workspaces', () => {
  it("reports each file in its own community's language, unless --lang is given", async () => {
    const dir = await makeTempDir()
    try {
      for (const locale of ['zh-CN', 'en']) {
        expect((await runCli(['init', path.join(dir, locale), '--locale', locale, '--yes'])).code).toBe(0)
        const file = path.join(dir, locale, 'community.yaml')
        await writeFile(file, (await readFile(file, 'utf8')).replace(/^timezone: .*$/m, 'timezone: Mars/Base'))
      }
      const mixed = await runCli(['validate', dir])
      expect(mixed.code).toBe(1)
      expect(mixed.stdout).toMatch(/zh-CN\/community\.yaml:\d+:\d+ +error +`Mars\/Base` 不是有效的 IANA 时区/)
      expect(mixed.stdout).toMatch(/en\/community\.yaml:\d+:\d+ +error +`Mars\/Base` is not a valid IANA timezone/)
      const forced = await runCli(['validate', dir, '--lang', 'en'])
      expect(forced.stdout.match(/is not a valid IANA timezone/g)).toHaveLength(2)
    } finally {
      await removeDir(dir)
    }
  })
})
