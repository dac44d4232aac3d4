/**
 * The shipped CLI runs from one esbuild bundle (scripts/build.mjs): every command loads from it, oclif and its
 * autocomplete command included (one @oclif/core, the bundle's), and with DEBUG set a stack names the TypeScript sources, in the folder
 * where the package is installed.
 */
import {cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import os from 'node:os'
import {JSON_SCHEMA, loadAll} from 'js-yaml'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assertBuilt, ROOT, runCli} from '../helpers/cli.js'
import {catalogue} from '../../src/i18n/messages/index.js'
import {KINDS} from '../../src/schema/all-kinds.js'
import {ajvFormats, FORMATS} from '../../src/schema/formats.js'
import {shareRepeated} from '../../src/schema/ajv.js'
import {quickValid, resolveRefs} from '../../src/schema/quick-check.js'
import {quickErrors} from '../../src/schema/quick-errors.js'

interface Manifest {
  commands: Record<string, {pluginName: string}>
}

describe('the bundled CLI', () => {
  let ws: string
  let tmp: string
  beforeAll(async () => {
    assertBuilt()
    tmp = mkdtempSync(path.join(os.tmpdir(), 'commops-bundle-'))
    ws = path.join(tmp, 'ws')
    expect((await runCli(['init', ws, '--sample', '--locale', 'en', '--yes'])).code).toBe(0)
  })
  afterAll(() => rmSync(tmp, {recursive: true, force: true}))

  it('loads every command from the bundle: `--help` works for each, with nothing on stderr', async () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as Manifest
    const ids = Object.keys(manifest.commands)
    expect(ids.length).toBeGreaterThan(20)
    for (let i = 0; i < ids.length; i += 4) {
      const results = await Promise.all(ids.slice(i, i + 4).map((id) => runCli([...id.split(':'), '--help'])))
      for (const [j, r] of results.entries()) {
        expect(r.code, ids[i + j]).toBe(0)
        expect(r.stdout, ids[i + j]).toContain('USAGE')
        expect(r.stderr, ids[i + j]).toBe('')
      }
    }
  }, 180_000) // one start-up per command (37 and growing), four at a time: a minute on a busy 2-core machine

  it('ships the bundle and its chunks only, not the compiled files it was made from', () => {
    const top = readdirSync(path.join(ROOT, 'dist')).sort()
    // cli: the help class (oclif.helpClass); survey: survey ingest's worker thread (src/survey/ingest-worker.ts)
    expect(top).toEqual(['chunks', 'cli', 'commands', 'hooks', 'messages', 'playbooks-index.json', 'survey', 'validators'])
  })

  it('leaves yaml, the parser with positions, out of what everyday commands load (read from node_modules when a problem is placed)', () => {
    // the chunks an entry imports statically, as Node loads them at start-up
    const loaded = (entry: string): string => {
      const seen = new Set<string>()
      const visit = (file: string): void => {
        if (seen.has(file)) return
        seen.add(file)
        const text = readFileSync(file, 'utf8')
        for (const m of text.matchAll(/(?:^|[;}])\s*import\s*(?:[\w{},\s*$]+from\s*)?"(\.{1,2}\/[^"]+)"/g))
          visit(path.resolve(path.dirname(file), m[1]))
      }
      visit(path.join(ROOT, 'dist', 'commands', `${entry}.js`))
      return [...seen].map((f) => readFileSync(f, 'utf8')).join('\n')
    }
    for (const entry of ['validate', 'playbook/list', 'task/list']) {
      const code = loaded(entry)
      expect(code, entry).toContain('loadAll') // js-yaml, the fast reader, is bundled
      expect(code, entry).not.toContain('Symbol.for("yaml.alias")')
    }
  })

  it('loads luxon only for date math: not for validate, playbook list or task list; once, from node_modules, for calendar generate', async () => {
    // a preload that lists, at exit, every luxon file Node loaded
    const probe = path.join(tmp, 'luxon-probe.cjs')
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('LUXON=' + JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]luxon[\\\\/]/.test(f))) + '\\n'))\n`,
    )
    const luxon = async (argv: string[]) => {
      const r = await runCli(argv, {cwd: ws, nodeArgs: ['--require', probe]})
      expect(r.code, argv.join(' ')).toBe(0)
      return JSON.parse(/LUXON=(.*)/.exec(r.stderr)?.[1] ?? 'null') as string[]
    }
    for (const argv of [['validate'], ['playbook', 'list'], ['task', 'list', '--json', '--due', '2w']])
      expect(await luxon(argv), argv.join(' ')).toEqual([])
    expect(await luxon(['calendar', 'generate', '--dry-run'])).toEqual([path.join(ROOT, 'node_modules', 'luxon', 'build', 'node', 'luxon.js')])
    // nor is it bundled: its users import it through src/util/luxon.ts
    const bundled = readdirSync(path.join(ROOT, 'dist', 'chunks')).filter(
      (f) => f.endsWith('.js') && readFileSync(path.join(ROOT, 'dist', 'chunks', f), 'utf8').includes('isLuxonDateTime'),
    )
    expect(bundled).toEqual([])
  })

  it('checks a valid community.yaml without loading a precompiled validator, nor an invalid one whose errors the walk gives; loads it where only ajv can say', async () => {
    // a preload that lists, at exit, every precompiled validator Node loaded
    const probe = path.join(tmp, 'validators-probe.cjs')
    writeFileSync(
      probe,
      `process.on('exit', () => process.stderr.write('VALIDATORS=' + JSON.stringify(Object.keys(require.cache).filter((f) => /[\\\\/]validators[\\\\/]kind_/.test(f)).map((f) => require('node:path').basename(f))) + '\\n'))\n`,
    )
    const loaded = async (cwd: string, code: number) => {
      const r = await runCli(['validate', '--lang', 'en'], {cwd, nodeArgs: ['--require', probe]})
      expect(r.code).toBe(code)
      return {stdout: r.stdout, validators: JSON.parse(/VALIDATORS=(.*)/.exec(r.stderr)?.[1] ?? 'null') as string[]}
    }
    expect((await loaded(ws, 0)).validators).toEqual([])
    const broken = (name: string, from: RegExp, to: string) => {
      const dir = path.join(tmp, name)
      cpSync(ws, dir, {recursive: true})
      const file = path.join(dir, 'community.yaml')
      writeFileSync(file, readFileSync(file, 'utf8').replace(from, to))
      return dir
    }
    // a wrong timezone: schema/quick-errors.ts gives ajv's error, with its parent schema and the hint there
    const timezone = await loaded(broken('bad-timezone', /^timezone: .*$/m, 'timezone: Mars/Olympus_Mons'), 1)
    expect(timezone.validators).toEqual([])
    expect(timezone.stdout).toContain('Asia/Shanghai')
    // a value that fits no branch of an anyOf: ajv's errors, from the precompiled validator
    const union = await loaded(broken('bad-union', /^description: .*$/m, 'description: [1]'), 1)
    expect(union.validators).toEqual(['kind_Community.cjs'])
    expect(union.stdout).toContain('/description')
  })

  it('writes each precompiled validator function in parentheses, so V8 compiles it as the file loads', () => {
    const dir = path.join(ROOT, 'dist', 'validators')
    for (const file of readdirSync(dir).filter((f) => f.startsWith('kind_') || f.startsWith('step_'))) {
      const text = readFileSync(path.join(dir, file), 'utf8')
      expect(text, file).toMatch(/var validate\d+ = \(function validate\d+\(/)
      expect(text, file).not.toMatch(/(^|[;}])function validate\d+\(/)
    }
  })

  it('gives the same answer from the quick check (src/schema/quick-check.ts) as from the precompiled validator, for every kind, and the same errors from the walk (quick-errors.ts)', () => {
    const dir = path.join(ROOT, 'dist', 'validators')
    const require = createRequire(path.join(dir, 'x.cjs'))
    Object.assign(require('./formats.cjs') as object, ajvFormats())
    const docs = new Map<string, unknown[]>()
    const files = [...readdirSync(path.join(ROOT, 'templates'), {recursive: true, encoding: 'utf8'}).map((f) => path.join(ROOT, 'templates', f))]
    files.push(...readdirSync(path.join(ROOT, 'playbooks')).map((f) => path.join(ROOT, 'playbooks', f)), path.join(ws, 'community.yaml'))
    for (const file of files.filter((f) => /\.ya?ml$/.test(f))) {
      let read: Array<{kind?: string} | null> = []
      try {
        read = loadAll(readFileSync(file, 'utf8'), undefined, {schema: JSON_SCHEMA}) as typeof read
      } catch {
        continue // a template's text with placeholders: not a document yet
      }
      for (const doc of read) if (doc?.kind) docs.set(doc.kind, [...(docs.get(doc.kind) ?? []), doc])
    }
    expect(readdirSync(dir).filter((f) => f.includes('.quick.'))).toEqual([])
    expect(KINDS.length).toBe(7)
    let walked = 0
    for (const kind of KINDS) {
      const name = `kind_${kind.kind}`
      const full = (require(`./${name}.cjs`) as Record<string, ((d: unknown) => boolean) & {errors?: unknown}>)[name]
      const valid = docs.get(kind.kind) ?? []
      expect(valid.length, name).toBeGreaterThan(0)
      const cases: unknown[] = [{}, null, [], 'text']
      for (const doc of valid as Array<Record<string, unknown>>) {
        cases.push(doc, {...doc, unknownKey: 1})
        // each top-level field, then each field one level down, given a value of the wrong type
        for (const [key, value] of Object.entries(doc)) {
          for (const wrong of [42, 'x', [], {}, null]) cases.push({...doc, [key]: wrong})
          if (value && typeof value === 'object' && !Array.isArray(value))
            for (const inner of Object.keys(value)) cases.push({...doc, [key]: {...value, [inner]: 42}})
          if (Array.isArray(value) && value.length > 0) cases.push({...doc, [key]: [...value, 42]}, {...doc, [key]: [{...value[0], extra: true}]})
        }
      }
      let failed = 0
      const shared = shareRepeated(kind.schema)
      resolveRefs(shared)
      for (const data of cases) {
        const answer = full(structuredClone(data))
        expect(quickValid(kind.schema, structuredClone(data), FORMATS), `${name}: ${JSON.stringify(data).slice(0, 200)}`).toBe(answer)
        if (answer) continue
        failed++
        // and the same errors from the walk (schema/quick-errors.ts) as from the validator shipped, where it gives them
        const errors = quickErrors(shared, structuredClone(data), FORMATS)
        if (errors) walked++
        if (errors) expect(errors, `${name}: ${JSON.stringify(data).slice(0, 200)}`).toEqual(full.errors)
      }
      expect(
        valid.some((doc) => full(structuredClone(doc))),
        name,
      ).toBe(true)
      expect(failed, name).toBeGreaterThan(10)
    }
    expect(walked).toBeGreaterThan(200)
  })

  it('ships the messages as one JSON table per language, not inside the code every command loads', () => {
    const chunks = readdirSync(path.join(ROOT, 'dist', 'chunks')).filter((f) => f.endsWith('.js'))
    const text = chunks.map((f) => readFileSync(path.join(ROOT, 'dist', 'chunks', f), 'utf8')).join('\n')
    expect(text).not.toMatch(/"error\.label":/)
    const table = (locale: string) =>
      JSON.parse(readFileSync(path.join(ROOT, 'dist', 'messages', `${locale}.json`), 'utf8')) as Record<string, string>
    expect(table('en')['error.label']).toBe('Error')
    expect(table('zh-CN')['error.label']).toBe(catalogue['error.label']['zh-CN'])
    expect(Object.keys(table('zh-CN')).sort()).toEqual(Object.keys(catalogue).sort())
  })

  it('carries oclif inside the bundle: it runs with no @oclif package in node_modules', async () => {
    // the package installed beside every dependency except @oclif/*: oclif, its help and autocomplete come from dist/
    const pkg = path.join(tmp, 'no-oclif', 'commops')
    for (const entry of ['bin', 'dist', 'templates', 'playbooks', 'package.json', 'oclif.manifest.json']) {
      cpSync(path.join(ROOT, entry), path.join(pkg, entry), {recursive: true})
    }
    mkdirSync(path.join(pkg, 'node_modules'))
    for (const name of readdirSync(path.join(ROOT, 'node_modules')).filter((n) => n !== '@oclif' && n !== '.bin')) {
      symlinkSync(path.join(ROOT, 'node_modules', name), path.join(pkg, 'node_modules', name))
    }
    const bin = path.join(pkg, 'bin', 'run.js')
    for (const argv of [
      ['validate'],
      ['help', 'playbook'],
      ['autocomplete', '--help'],
      ['autocomplete', 'script', 'bash'],
      ['playbook', 'list', '--json'],
    ]) {
      const r = await runCli(argv, {cwd: ws, bin})
      expect([r.code, r.stderr], argv.join(' ')).toEqual([0, ''])
    }
    const typo = await runCli(['valdate'], {cwd: ws, bin})
    expect(typo.code).toBe(2)
    expect(typo.stderr).toMatch(/validate/)
  })

  it('still logs with DEBUG set', async () => {
    const r = await runCli(['validate'], {cwd: ws, env: {DEBUG: 'oclif:*'}})
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/oclif:/)
  })

  describe('installed in another folder', () => {
    let pkg: string
    beforeAll(() => {
      pkg = path.join(tmp, 'installed', 'commops')
      for (const entry of ['bin', 'dist', 'templates', 'playbooks', 'package.json', 'oclif.manifest.json']) {
        cpSync(path.join(ROOT, entry), path.join(pkg, entry), {recursive: true})
      }
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'))
    })

    it('validates the sample workspace', async () => {
      const r = await runCli(['validate', '--json'], {cwd: ws, bin: path.join(pkg, 'bin', 'run.js')})
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({files: ['community.yaml'], problems: []})
    })

    it('names src/…ts lines under that folder in a DEBUG=commops stack (source maps)', async () => {
      // a preload that makes opening community.yaml to read it fail with a TypeError, as a bug in commops would
      const fault = path.join(tmp, 'fault.mjs')
      writeFileSync(
        fault,
        `import fs from 'node:fs'\nimport {syncBuiltinESMExports} from 'node:module'\nconst open = fs.openSync\n` +
          `fs.openSync = function (file, ...rest) {\n  if (String(file).endsWith('community.yaml')) throw new TypeError('planted fault')\n` +
          `  return open.call(this, file, ...rest)\n}\nsyncBuiltinESMExports()\n`,
      )
      const r = await runCli(['validate'], {cwd: ws, bin: path.join(pkg, 'bin', 'run.js'), nodeArgs: ['--import', fault], env: {DEBUG: 'commops'}})
      expect(r.stderr).toContain('planted fault')
      const frames = r.stderr.split('\n').filter((line) => /^\s+at /.test(line))
      const ours = frames.filter((line) => line.includes(pkg))
      expect(ours.length).toBeGreaterThan(0)
      expect(ours.some((line) => line.includes(path.join(pkg, 'src', 'schema', 'validate.ts:')) && /\.ts:\d+:\d+\)$/.test(line))).toBe(true)
      expect(r.stderr).not.toContain(path.join(ROOT, 'src'))
      expect(r.stderr).not.toMatch(/commops\.js:\d+/)
    })
  })
})
