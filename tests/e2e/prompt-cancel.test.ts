import {existsSync} from 'node:fs'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {makeTempDir, runCliOnTty, SCRIPT} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

// Ctrl-C at any question is the person changing their mind: a quiet line, exit 130, nothing written — never "a bug".
describe.skipIf(!SCRIPT)('Ctrl-C at a prompt', () => {
  it('init: "Cancelled, nothing written.", exit 130, no workspace', async () => {
    const tmp = await makeTempDir()
    const r = await runCliOnTty(['init', 'acme'], {cwd: tmp, env: {CI: undefined}, reply: {when: /Language/, text: '\x03'}})
    expect(r.code, r.output).toBe(130)
    expect(r.output).toContain('Cancelled, nothing written.')
    expect(r.output).not.toMatch(/unexpected|bug|force closed/i)
    expect(existsSync(path.join(tmp, 'acme', 'community.yaml'))).toBe(false)
  })

  it('playbook run: the confirmation cancelled in Chinese, exit 130, nothing written', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const r = await runCliOnTty(['playbook', 'run', 'launch'], {
      cwd: ws.root,
      env: {CI: undefined},
      reply: {when: /应用以上 \d+ 个步骤/, text: '\x03'},
    })
    expect(r.code, r.output).toBe(130)
    expect(r.output).toContain('已取消，未写入任何内容。')
    expect(r.output).not.toMatch(/意外|bug|force closed/i)
    expect(existsSync(path.join(ws.root, '.commops', 'db.json'))).toBe(false)
  })
})
