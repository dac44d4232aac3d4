import {render} from 'ink-testing-library'
import {describe, expect, it} from 'vitest'
import {translator} from '../../src/i18n/index.js'
import type {StepEvent} from '../../src/playbook/runner.js'
import {RunFeed, RunView} from '../../src/ui/run-view.js'

const t = translator('en')
const done = (id: string, status: StepEvent['status'], extra: Partial<StepEvent> = {}): StepEvent => ({
  id,
  uses: 'note',
  name: id,
  description: `about ${id}`,
  status,
  outputs: {},
  durationMs: 3,
  ...extra,
})
const tick = () => new Promise((r) => setTimeout(r, 30))

describe('run view', () => {
  it('shows the running step with its description, then keeps finished steps with their status', async () => {
    const feed = new RunFeed()
    const {lastFrame, frames} = render(<RunView feed={feed} t={t} showDiff={false} />)
    feed.push({id: 'rules', uses: 'rules.generate', name: 'rules', description: 'Generate the rules', starting: true})
    await tick()
    expect(lastFrame()).toContain('rules')
    expect(lastFrame()).toContain('Generate the rules')
    feed.push(done('rules', 'changed'))
    feed.push({id: 'gate', uses: 'assert', name: 'gate', description: 'Check', starting: true})
    await tick()
    feed.push(done('gate', 'failed', {error: {message: 'Assertion failed: too few', location: {file: 'p.yaml', line: 9, col: 5}}}))
    await tick()
    const all = frames.join('\n')
    expect(all).toMatch(/✚ rules changed/)
    expect(all).toMatch(/✖ gate failed/)
    expect(all).toContain('p.yaml:9:5: Assertion failed: too few')
  })

  it('shows the diff only when asked', async () => {
    const feed = new RunFeed()
    const withDiff = render(<RunView feed={feed} t={t} showDiff />)
    feed.push(done('export', 'changed', {diff: ['+ file out/a.md (10 bytes)']}))
    await tick()
    expect(withDiff.frames.join('\n')).toContain('+ file out/a.md')
    const feed2 = new RunFeed()
    const without = render(<RunView feed={feed2} t={t} showDiff={false} />)
    feed2.push(done('export', 'changed', {diff: ['+ file out/a.md (10 bytes)']}))
    await tick()
    expect(without.frames.join('\n')).not.toContain('+ file out/a.md')
  })
})
