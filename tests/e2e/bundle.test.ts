/**
 * The shipped CLI runs from two bundles (scripts/bundle.mjs) loaded through V8's code cache: every command must load
 * from its stub, and commops must work the same when the cache is missing, damaged or made by another Node.
 */
import {cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {assertBuilt, ROOT, runCli} from '../helpers/cli.js'

interface Manifest {
  commands: Record<string, {pluginName: string; relativePath: string[]}>
}

describe('the bundled CLI', () => {
  let ws: string
  beforeAll(async () => {
    assertBuilt()
    ws = path.join(mkdtempSync(path.join(os.tmpdir(), 'commops-bundle-')), 'ws')
    expect((await runCli(['init', ws, '--sample', '--locale', 'en', '--yes'])).code).toBe(0)
  })
  afterAll(() => rmSync(path.dirname(ws), {recursive: true, force: true}))

  it('loads every command from its stub: `--help` works for each, with nothing on stderr', async () => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as Manifest
    const ids = Object.keys(manifest.commands)
    expect(ids.length).toBeGreaterThan(20)
    for (const id of ids) expect(manifest.commands[id].relativePath.join('/')).toMatch(/^dist\/commands\/.+\.cjs$/)
    for (let i = 0; i < ids.length; i += 4) {
      const results = await Promise.all(ids.slice(i, i + 4).map((id) => runCli([...id.split(':'), '--help'])))
      for (const [j, r] of results.entries()) {
        expect(r.code, ids[i + j]).toBe(0)
        expect(r.stdout, ids[i + j]).toContain('USAGE')
        expect(r.stderr, ids[i + j]).toBe('')
      }
    }
  })

  it('still logs with DEBUG set (the real `debug` package, not the silent stand-in)', async () => {
    const r = await runCli(['validate'], {cwd: ws, env: {DEBUG: 'oclif:*'}})
    expect(r.code).toBe(0)
    expect(r.stderr).toMatch(/oclif:/)
  })

  describe('in a copy of the package', () => {
    let pkg: string
    beforeAll(() => {
      pkg = mkdtempSync(path.join(os.tmpdir(), 'commops-pkg-'))
      for (const entry of ['bin', 'dist', 'templates', 'playbooks', 'package.json', 'oclif.manifest.json']) {
        cpSync(path.join(ROOT, entry), path.join(pkg, entry), {recursive: true})
      }
      symlinkSync(path.join(ROOT, 'node_modules'), path.join(pkg, 'node_modules'))
    })
    afterAll(() => rmSync(pkg, {recursive: true, force: true}))

    const caches = () => readdirSync(path.join(pkg, 'dist')).filter((f) => f.endsWith('.cache'))
    const validate = () => runCli(['validate', '--json'], {cwd: ws, bin: path.join(pkg, 'bin', 'run.js')})

    it('has a code cache for each bundle, made by this Node', () => {
      expect(caches().sort()).toEqual([`commops.bundle.${process.versions.v8}.cache`, `oclif.bundle.${process.versions.v8}.cache`])
    })

    it('validates the same when the code cache is damaged', async () => {
      for (const f of caches()) writeFileSync(path.join(pkg, 'dist', f), Buffer.alloc(4096, 7))
      const r = await validate()
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({files: ['community.yaml'], problems: []})
    })

    it('validates the same without a code cache (another Node than the one that built)', async () => {
      for (const f of caches()) rmSync(path.join(pkg, 'dist', f))
      const r = await validate()
      expect(r.stderr).toBe('')
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toMatchObject({files: ['community.yaml'], problems: []})
    })
  })
})
