import {existsSync} from 'node:fs'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {sampleWorkspace} from '../helpers/workspace.js'
import {makeTempDir, removeDir, runCliOnTty, SCRIPT} from '../helpers/cli.js'

// --json output is for programs: on a terminal it never asks, it answers.
describe.skipIf(!SCRIPT)('--json on a terminal', () => {
  let tmp: string
  beforeEach(async () => {
    tmp = await makeTempDir('commops-json-tty-')
  })
  afterEach(async () => {
    await removeDir(tmp)
  })

  it('init DIR --name X --json never prompts: it creates the workspace and prints JSON', async () => {
    const r = await runCliOnTty(['init', 'acme', '--name', 'Acme', '--json'], {
      cwd: tmp,
      env: {CI: undefined},
      stopWhen: /Language|语言|\? /,
      timeoutMs: 30_000,
    })
    expect(r.stopped, r.output).toBe(false)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.output.trim())).toMatchObject({created: expect.arrayContaining(['community.yaml'])})
    expect(existsSync(path.join(tmp, 'acme', 'community.yaml'))).toBe(true)
  })

  it('playbook run --json never asks before writing either', async () => {
    const ws = await sampleWorkspace('en')
    const r = await runCliOnTty(['playbook', 'run', 'launch', '--json'], {
      cwd: ws.root,
      env: {CI: undefined},
      stopWhen: /Apply these/,
      timeoutMs: 30_000,
    })
    expect(r.stopped, r.output).toBe(false)
    expect(r.code).toBe(0)
    expect(JSON.parse(r.output.trim())).toMatchObject({playbook: 'launch', id: 'R1'})
  })
})
