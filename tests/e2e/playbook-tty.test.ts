import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCliOnTty, SCRIPT} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

// On a terminal, `playbook run` shows what would change and asks before writing; --yes and CI skip the question.
describe.skipIf(!SCRIPT)('playbook run on a terminal', () => {
  it('asks before writing: "n" writes nothing, "y" runs and records the run', async () => {
    const ws = await sampleWorkspace('en')
    const env = {CI: undefined}
    const no = await runCliOnTty(['playbook', 'run', 'launch'], {cwd: ws.root, env, reply: {when: /Apply these \d+ changed step/, text: 'n\r'}})
    expect(no.output).toMatch(/\+ task "/)
    expect(no.output).toMatch(/Dry run: nothing was written/)
    expect(existsSync(path.join(ws.root, '.commops', 'db.json'))).toBe(false)
    expect(existsSync(path.join(ws.root, 'out'))).toBe(false)

    const yes = await runCliOnTty(['playbook', 'run', 'launch'], {cwd: ws.root, env, reply: {when: /Apply these \d+ changed step/, text: 'y\r'}})
    expect(yes.code).toBe(0)
    expect(yes.output).toMatch(/launch: \d+ ok, \d+ changed, .* \(run R1\)/)
    expect(existsSync(path.join(ws.root, '.commops', 'db.json'))).toBe(true)
  })
})
