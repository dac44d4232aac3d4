import {mkdtemp, readFile, stat, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {runCli} from '../helpers/cli.js'
import {sampleWorkspace} from '../helpers/workspace.js'

// A playbook whose every note doubles the previous one used to reach gigabytes and leave a db.json of hundreds of MB.

function doublingPlaybook(steps: number): string {
  const lines = ['apiVersion: commops/v1', 'kind: Playbook', 'name: doubling', 'phase: maintain', 'steps:']
  lines.push('  - id: s0', '    uses: note', '    with: {message: "0123456789abcdef"}')
  for (let i = 1; i <= steps; i++) {
    const ref = `\${{ steps.s${i - 1}.outputs.message }}`
    lines.push(`  - id: s${i}`, '    uses: note', `    with: {message: "${ref}${ref}"}`)
  }
  return lines.join('\n') + '\n'
}

describe('playbook size limits', () => {
  it('the doubling playbook fails fast at a located step, in little memory, with a small db.json and a failed run', async () => {
    const ws = (await sampleWorkspace('en')).root
    await writeFile(path.join(ws, 'playbooks', 'doubling.yaml'), doublingPlaybook(40))
    const probe = path.join(await mkdtemp(path.join(os.tmpdir(), 'commops-probe-')), 'rss.cjs')
    // the child reports its own peak memory and CPU time (µs, all threads) as it exits
    const report = '`maxrss=${u.maxRSS} cpu=${u.userCPUTime + u.systemCPUTime}\\n`'
    await writeFile(probe, `process.on('exit', () => { const u = process.resourceUsage(); process.stderr.write(${report}) })\n`)
    const r = await runCli(['playbook', 'run', 'doubling', '--lang', 'en'], {cwd: ws, nodeArgs: ['--require', probe]})
    expect(r.code).toBe(1)
    // 16 bytes doubled 16 times is 1 MiB, past the 1,000,000-character limit: step s16, line 5 + 3 × 16 + 3
    expect(r.stderr).toContain('playbooks/doubling.yaml:56:21')
    expect(r.stderr).toContain('longer than 1000000 characters')
    expect(r.stderr).toContain('Hint:')
    expect(r.stderr).not.toMatch(/\n\s+at /)
    // CPU time, not wall time: it does not grow when other tests share the cores. About 1.5 s (start-up included);
    // bounded like the bad-inputs corpus. An unbounded doubling would spend minutes and gigabytes before failing.
    const cpuSeconds = Number(/cpu=(\d+)/.exec(r.stderr)?.[1]) / 1e6
    expect(cpuSeconds).toBeGreaterThan(0)
    expect(cpuSeconds).toBeLessThan(5)
    const rssKb = Number(/maxrss=(\d+)/.exec(r.stderr)?.[1])
    expect(rssKb).toBeGreaterThan(0)
    expect(rssKb).toBeLessThan(300 * 1024)
    expect((await stat(path.join(ws, '.commops', 'db.json'))).size).toBeLessThan(8_000_000)
    const db = JSON.parse(await readFile(path.join(ws, '.commops', 'db.json'), 'utf8')) as {
      runs: Array<{status: string; steps: Array<{id: string; status: string}>}>
    }
    const last = db.runs.at(-1)!
    expect(last.status).toBe('failed')
    expect(last.steps.find((s) => s.id === 's16')?.status).toBe('failed')
    expect(last.steps.find((s) => s.id === 's40')?.status).toBe('skipped')
  }, 60_000)

  it('a step whose outputs pass 4 MB is refused in Chinese with a hint, and writes nothing', async () => {
    const ws = (await sampleWorkspace('zh-CN')).root
    const yaml = [
      'apiVersion: commops/v1',
      'kind: Playbook',
      'name: wide',
      'phase: maintain',
      'vars: {word: 社群运营社群运营社群运营社群运营}',
      'steps:',
      '  - id: big',
      '    uses: note',
      `    with: {message: "\${{ format('${'{0}'.repeat(240)}', format('${'{0}'.repeat(240)}', vars.word)) }}"}`,
    ].join('\n')
    await writeFile(path.join(ws, 'playbooks', 'wide.yaml'), yaml + '\n')
    const r = await runCli(['playbook', 'run', 'wide', '--json'], {cwd: ws})
    expect(r.code).toBe(1)
    const out = JSON.parse(r.stdout) as {
      status: string
      steps: Array<{id: string; status: string}>
      error: {message: string; hint: string; location?: string}
    }
    expect(out.status).toBe('failed')
    expect(out.steps.find((s) => s.id === 'big')?.status).toBe('failed')
    expect(out.error.message).toContain('MB')
    expect(out.error.hint).toContain('没有写入')
    expect(out.error.location).toBe('playbooks/wide.yaml:8:11')
    const db = JSON.parse(await readFile(path.join(ws, '.commops', 'db.json'), 'utf8')) as {artifacts: Record<string, unknown>}
    expect(Object.keys(db.artifacts).filter((id) => id.startsWith('wide.'))).toEqual([])
  }, 60_000)
})
