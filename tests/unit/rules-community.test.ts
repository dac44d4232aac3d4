import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {generateRuleSet} from '../../src/rules/service.js'
import {currentRuleSet} from '../../src/rules/lookup.js'
import type {RuleSetArtifactData} from '../../src/rules/types.js'
import {validateText} from '../helpers/validate.js'
import {Store} from '../../src/store/index.js'
import {openWorkspace} from '../../src/workspace/index.js'
import {positionOf, readFixture} from '../fixtures/index.js'
import {sampleWorkspace} from '../helpers/workspace.js'

const BASE = readFixture('community/valid.en.yaml')

describe('community.yaml rules: section', () => {
  it('validates a good section and composes it', async () => {
    const text = `${BASE}\nrules:\n  template: standard\n  remove: [display-name]\n  ladder:\n    mute: {duration: 3d}\n  expireAfterDays: 90\n`
    const {problems, docs} = validateText(text, 'community.yaml', 'en')
    expect(problems).toEqual([])
    const {data, template} = await generateRuleSet(docs[0].value as never, {locale: 'en'})
    expect(template).toBe('standard')
    expect(data.ruleset.rules.map((r) => r.id)).not.toContain('display-name')
    expect(data.ruleset.ladder.rungs.find((r) => r.id === 'mute')!.duration).toBe('P3D')
    expect(data.ruleset.title).toEqual({'zh-CN': 'Fixture Club群规', en: 'Fixture Club community rules'})
  })

  it('reports unknown rule and rung ids, duplicates and bad durations at their line and column, with did-you-mean', () => {
    const section = [
      'rules:',
      '  template: brand',
      '  remove: [no-competitor-promo]',
      '  change:',
      '    honest-review: {severity: high}',
      '  add:',
      '    - {id: no-ads, title: Ads, description: None, severity: low}',
      '  ladder:',
      '    mute: {duration: 3 dayz}',
      '    mutee: {enabled: false}',
      '  start: {high: warnin}',
    ].join('\n')
    const text = `${BASE}\n${section}\n`
    const {problems} = validateText(text, 'community.yaml', 'en')
    const got = problems.map((p) => [p.rule, p.path, p.line, p.col])
    expect(got).toEqual([
      ['rules.unknownRule', '/rules/remove/0', positionOf(text, 'no-competitor-promo').line, positionOf(text, 'no-competitor-promo').col],
      ['rules.unknownRule', '/rules/change/honest-review', positionOf(text, 'honest-review').line, positionOf(text, 'honest-review').col],
      ['rules.duplicateRule', '/rules/add/0/id', positionOf(text, 'no-ads').line, positionOf(text, 'no-ads').col],
      ['rules.badDuration', '/rules/ladder/mute/duration', positionOf(text, '3 dayz').line, positionOf(text, '3 dayz').col],
      ['rules.unknownRung', '/rules/ladder/mutee', positionOf(text, 'mutee').line, positionOf(text, 'mutee').col],
      ['rules.unknownRung', '/rules/start/high', positionOf(text, 'warnin}').line, positionOf(text, 'warnin}').col],
    ])
    expect(problems[0].hint).toContain('Did you mean `no-competitor-promotion`?')
    expect(problems[1].hint).toContain('Did you mean `honest-reviews`?')
    expect(problems[4].hint).toContain('Did you mean `mute`?')
    expect(problems[5].hint).toContain('Did you mean `warning`?')
  })

  it('an unknown template is a schema error with did-you-mean', () => {
    const {problems} = validateText(`${BASE}\nrules:\n  template: brnd\n`, 'community.yaml', 'zh-CN')
    expect(problems.map((p) => [p.rule, p.path])).toEqual([['schema.enum', '/rules/template']])
    expect(problems[0].hint).toContain('`brand`')
  })

  it('checks ids against the template that fits the community type when none is named', () => {
    const {problems} = validateText(`${BASE}\nrules:\n  remove: [no-competitor-promotion]\n`, 'community.yaml', 'en') // no type: standard
    expect(problems.map((p) => p.rule)).toEqual(['rules.unknownRule'])
  })
})

describe('rules.generate step', () => {
  const NOW = new Date('2026-11-30T02:00:00Z')
  const playbook = parse(`apiVersion: commops/v1
kind: Playbook
name: t
phase: launch
steps:
  - id: rules
    uses: rules.generate
    with: {template: strict, ladder: [reminder, warning, mute, removal]}
  - id: export
    uses: export
    with: {artifacts: [rules], formats: [md, json]}
`) as Playbook

  async function run(ws: Awaited<ReturnType<typeof sampleWorkspace>>, dryRun = false) {
    const events: StepEvent[] = []
    const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars: {}, locale: 'en', dryRun, now: NOW, user: 'tester'})
    for (;;) {
      const next = await gen.next()
      if (next.done) return events
      if (!('starting' in next.value)) events.push(next.value)
    }
  }

  it('produces a ruleset artifact with outputs {rules, rungs}, exports md and json, and is idempotent', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const first = await run(ws)
    expect(first.map((e) => [e.id, e.status])).toEqual([
      ['rules', 'changed'],
      ['export', 'changed'],
    ])
    expect(first[0].outputs).toMatchObject({rules: 11, rungs: 4, template: 'strict'})
    const db = await Store.at(ws.root).read()
    const ref = currentRuleSet(db)!
    expect(ref.artifact.kind).toBe('ruleset')
    expect((ref.artifact.data as RuleSetArtifactData).ruleset.ladder.rungs.map((r) => r.id)).toEqual(['reminder', 'warning', 'mute', 'removal'])
    expect(Object.keys(db.files).sort()).toEqual(['out/t-rules.json', 'out/t-rules.md'])
    const second = await run(ws)
    expect(second.map((e) => e.status)).toEqual(['ok', 'ok'])
  })

  it('fails the step, not the run, when community.yaml overrides are wrong for the configured template', async () => {
    const ws = await sampleWorkspace('en')
    // bypass validation: the workspace object is used as loaded
    ws.community.rules = {template: 'strict', remove: ['no-adz']}
    const events = await run(ws)
    expect(events[0].status).toBe('failed')
    expect(events[0].error?.message).toContain('No rule `no-adz`')
    expect(events[0].error?.hint).toContain('Did you mean `no-ads`?')
    expect(events[1].status).toBe('skipped')
  })

  it('a workspace whose community.yaml has a bad rules: section does not open', async () => {
    const ws = await sampleWorkspace('en')
    const {readFile} = await import('node:fs/promises')
    await writeFile(ws.communityFile, `${await readFile(ws.communityFile, 'utf8')}\nrules:\n  remove: [no-adz]\n`)
    await expect(openWorkspace({flag: path.resolve(ws.root)})).rejects.toMatchObject({code: 'workspace.invalid'})
  })
})
