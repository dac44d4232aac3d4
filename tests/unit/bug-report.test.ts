import {Config} from '@oclif/core'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {parse} from 'yaml'
import {BaseCommand} from '../../src/cli/base-command.js'
import {CommopsError, fromSystemError} from '../../src/errors.js'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {noteStep} from '../../src/steps/note.js'
import {Store} from '../../src/store/index.js'
import {debugEnabled, reportUrl} from '../../src/util/bug-report.js'
import {packageRoot} from '../../src/util/paths.js'
import {hasStackTrace, ROOT} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

// A bug is reported as a bug (with versions, and the stack under DEBUG=commops); a full disk or a wrong path never is.

const VERSION = (await import('../../package.json', {with: {type: 'json'}})).default.version
const versions = `commops ${VERSION}, Node ${process.version}, ${process.platform} ${process.arch}`

function systemError(code: string, path?: string): Error {
  return Object.assign(new Error(`${code}: something, write '${path}'`), {code, errno: -28, syscall: 'write', path})
}

/** Output of BaseCommand.catch for `error`: what went to stderr and stdout, and the exit code. */
async function caught(error: Error, argv: string[] = [], env: Record<string, string> = {}) {
  class Probe extends BaseCommand<typeof Probe> {
    async run(): Promise<void> {}
  }
  const config = await Config.load(ROOT)
  const command = new Probe(argv, config)
  await command.init()
  let stderr = ''
  let stdout = ''
  const saved = process.env.DEBUG
  delete process.env.DEBUG
  Object.assign(process.env, env)
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true))
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true))
  let exit: number | undefined
  try {
    await command.catch(error)
  } catch (thrown) {
    exit = (thrown as {oclif?: {exit?: number}}).oclif?.exit
  } finally {
    err.mockRestore()
    out.mockRestore()
    if (saved === undefined) delete process.env.DEBUG
    else process.env.DEBUG = saved
  }
  return {stderr, stdout, exit}
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('unexpected errors outside steps (BaseCommand.catch)', () => {
  it('a TypeError says it is a commops bug, gives the versions and where to report, exit 1, no stack', async () => {
    const r = await caught(new TypeError("Cannot read properties of undefined (reading 'id')"))
    expect(r.exit).toBe(1)
    expect(r.stderr).toMatch(/commops bug/)
    expect(r.stderr).toContain("TypeError: Cannot read properties of undefined (reading 'id')")
    expect(r.stderr).toContain(versions)
    expect(r.stderr).toContain('the commops issue tracker')
    expect(hasStackTrace(r.stderr)).toBe(false)
  })

  it('shows the stack under DEBUG=commops (or any DEBUG naming commops), and in Chinese too', async () => {
    for (const DEBUG of ['commops', 'commops:*', 'oclif:*,commops']) {
      const r = await caught(new TypeError('boom'), [], {DEBUG})
      expect(hasStackTrace(r.stderr), DEBUG).toBe(true)
      expect(r.stderr).toContain(versions)
    }
    const zh = await caught(new TypeError('boom'), ['--lang', 'zh-CN'])
    expect(zh.stderr).toMatch(/commops 的缺陷/)
    expect(zh.stderr).toContain(versions)
  })

  it('--json reports the bug as JSON on stdout', async () => {
    const r = await caught(new RangeError('bad'), ['--json'])
    const json = JSON.parse(r.stdout) as {error: {code: string; message: string; hint: string; exitCode: number}}
    expect(json.error).toMatchObject({code: 'unexpected', exitCode: 1})
    expect(json.error.message).toMatch(/commops bug/)
    expect(json.error.hint).toContain(versions)
  })

  it.each([
    ['ENOSPC', /No space left .*\/ws\/out\/report\.md/, /disk space/],
    ['EACCES', /Permission denied: .*\/ws\/out\/report\.md/, /permissions/],
    ['EPERM', /Permission denied: .*\/ws\/out\/report\.md/, /permissions/],
    ['EROFS', /read-only file system/, /writable/],
    ['EMFILE', /Too many open files/, /ulimit/],
    ['ENOENT', /not found: .*\/ws\/out\/report\.md/, /Check the path/],
    ['ENOTDIR', /A part of .*\/ws\/out\/report\.md is a file/, /Check the path/],
    ['EEXIST', /\/ws\/out\/report\.md already exists/, /Move or rename/],
  ])('%s is not a bug: one clear message naming the path and a hint, exit 1', async (code, message, hint) => {
    const r = await caught(systemError(code, '/tmp/ws/out/report.md'))
    expect(r.exit).toBe(1)
    expect(r.stderr).toMatch(message)
    expect(r.stderr).toMatch(hint)
    expect(r.stderr).not.toMatch(/bug|Unexpected/i)
    expect(r.stderr.trim().split('\n')).toHaveLength(2)
  })

  it("a missing file inside commops itself is a bug (a broken install), not the user's path", () => {
    expect(fromSystemError(systemError('ENOENT', `${packageRoot()}/templates/x.yaml`), packageRoot())).toBeUndefined()
    expect(fromSystemError(systemError('ENOSPC'))).toBeInstanceOf(CommopsError)
    expect(fromSystemError(new TypeError('x'))).toBeUndefined()
  })
})

describe('unexpected errors inside steps', () => {
  const PB = parse(
    'apiVersion: commops/v1\nkind: Playbook\nname: t\nphase: launch\nsteps:\n  - {id: a, uses: note, with: {message: hi}}\n  - {id: b, uses: note, needs: [a], with: {message: later}}\n',
  ) as Playbook

  async function failedStep(error: Error, env: Record<string, string> = {}) {
    const ws = await sampleWorkspace('en')
    vi.spyOn(noteStep, 'plan').mockImplementationOnce(() => {
      throw error
    })
    let stderr = ''
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true))
    const saved = process.env.DEBUG
    delete process.env.DEBUG
    Object.assign(process.env, env)
    const events: StepEvent[] = []
    try {
      const gen = runPlaybook({playbook: PB, ws, store: Store.at(ws.root), vars: {}, locale: 'en', dryRun: true})
      for (let next = await gen.next(); !next.done; next = await gen.next()) if (!('starting' in next.value)) events.push(next.value)
    } finally {
      if (saved === undefined) delete process.env.DEBUG
      else process.env.DEBUG = saved
    }
    return {event: events[0], events, stderr}
  }

  it('a TypeError in a step is reported as a commops bug with the versions, the stack only under DEBUG', async () => {
    const {event, events, stderr} = await failedStep(new TypeError('x.map is not a function'))
    expect(event.status).toBe('failed')
    expect(event.error?.message).toMatch(/commops bug/)
    expect(event.error?.message).toContain('TypeError: x.map is not a function')
    expect(event.error?.hint).toContain(versions)
    expect(events[1].status).toBe('skipped')
    expect(hasStackTrace(stderr)).toBe(false)

    const debug = await failedStep(new TypeError('x.map is not a function'), {DEBUG: 'commops'})
    expect(debug.event.error?.message).toMatch(/commops bug/)
    expect(hasStackTrace(debug.stderr)).toBe(true)
  })

  it('a full disk in a step is an ordinary failure naming the path, never a bug', async () => {
    const {event} = await failedStep(systemError('ENOSPC', '/tmp/ws/out/t-a.md'))
    expect(event.status).toBe('failed')
    expect(event.error?.message).toMatch(/No space left .*\/tmp\/ws\/out\/t-a\.md/)
    expect(event.error?.hint).toMatch(/disk space/)
    expect(`${event.error?.message} ${event.error?.hint}`).not.toMatch(/bug/i)
  })
})

describe('where to report and when to show stacks', () => {
  it("reads package.json bugs, else the repository's issues, else nothing (the message then names the issue tracker)", () => {
    expect(reportUrl({bugs: {url: 'https://example.org/bugs'}, repository: 'github:acme/commops'})).toBe('https://example.org/bugs')
    expect(reportUrl({bugs: 'https://example.org/b'})).toBe('https://example.org/b')
    expect(reportUrl({repository: {url: 'git+https://github.com/acme/commops.git'}})).toBe('https://github.com/acme/commops/issues')
    expect(reportUrl({repository: 'acme/commops'})).toBe('https://github.com/acme/commops/issues')
    expect(reportUrl({})).toBeUndefined()
  })

  it('DEBUG shows stacks when it names commops or everything', () => {
    for (const DEBUG of ['commops', 'commops:*', 'oclif:*,commops', '*']) expect(debugEnabled({DEBUG}), DEBUG).toBe(true)
    for (const DEBUG of ['', 'oclif:*', '1']) expect(debugEnabled({DEBUG}), DEBUG).toBe(false)
  })
})
