/** The suggestion service over a temp workspace: its own rules (located errors for bad ones, confined), no scorecard, limits. */
import {mkdir, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'
import {CommopsError, ValidationError} from '../../src/errors.js'
import {gradeMetrics} from '../../src/scorecard/score.js'
import {resolveSpec} from '../../src/scorecard/spec.js'
import {defaultDb, type Db} from '../../src/store/index.js'
import {responseBatchPath} from '../../src/store/layout.js'
import type {SurveyDoc} from '../../src/survey/types.js'
import {translator} from '../../src/i18n/index.js'
import {suggestText} from '../../src/suggest/format-text.js'
import {loadWorkspaceRules} from '../../src/suggest/load.js'
import {suggest} from '../../src/suggest/service.js'
import type {Community} from '../../src/workspace/community.js'
import {makeTempDir, removeDir} from '../helpers/cli.js'
import {validateText} from '../helpers/validate.js'
import {metricSet} from '../helpers/metric-sets.js'

let root: string
beforeEach(async () => {
  root = await makeTempDir()
})
afterEach(async () => {
  await removeDir(root)
})

const community = {apiVersion: 'commops/v1', kind: 'Community', name: 'Club', locale: 'en', timezone: 'Asia/Shanghai'} as Community
const spec = resolveSpec({
  fallback: {
    name: 'default',
    dimensions: [
      {id: 'activity', metrics: [{metric: 'topic_participation', target: 3}]},
      {id: 'value', metrics: [{metric: 'conversion_rate', target: 0.05}]},
    ],
  },
  goals: [],
})
const storeOf = (db: Db) => ({read: async () => db})
function dbWith(values: Parameters<typeof metricSet>[1]): Db {
  const db = defaultDb()
  db.scorecards['2026-10'] = gradeMetrics(metricSet('2026-10', values), spec, {now: new Date('2026-11-02T00:00:00Z'), key: '2026-10'})
  return db
}

const OWN = `apiVersion: commops/v1
kind: SuggestionRules
rules:
  - id: low-conversion-ours
    when: {metric: conversion_rate, below: 0.03}
    title: Conversion under 3%
    why: "{value} converted"
    action: Run the trial week
    playbook: maintain
    step: month-plan
    effect: More trials
`

async function own(name: string, text: string): Promise<void> {
  await mkdir(path.join(root, 'suggestions'), {recursive: true})
  await writeFile(path.join(root, 'suggestions', name), text)
}

describe('suggest (service)', () => {
  it('ranks built-in and workspace rules on the latest scorecard', async () => {
    await own('ours.yaml', OWN)
    const r = await suggest({root, community}, storeOf(dbWith({topic_participation: 1.5, conversion_rate: 0.01})), {
      now: new Date('2026-11-02T00:00:00Z'),
    })
    expect(r.scorecard).toBe('2026-10')
    expect(r.period?.label).toBe('2026-10')
    const ids = r.suggestions.map((s) => s.rule)
    // conversion scores 20 (gap 40), topic participation 50 (gap 25); the workspace rule reads the same metric
    expect(ids).toEqual(['conversion-low', 'low-conversion-ours', 'topic-participation-low'])
    expect(r.suggestions[1]).toMatchObject({source: 'suggestions/ours.yaml', gap: 40, why: {en: '1% converted', 'zh-CN': '1% converted'}})
    const limited = await suggest({root, community}, storeOf(dbWith({topic_participation: 1.5, conversion_rate: 0.01})), {limit: 1})
    expect(limited.suggestions.map((s) => s.rule)).toEqual(['conversion-low'])
    expect(limited.more).toBe(2)
  })

  it('reads a survey figure the scorecard does not grade from the responses', async () => {
    // this spec grades no survey figure; the rule on atmosphere reads the survey's dimension mean (1–5)
    const db = dbWith({topic_participation: 3, conversion_rate: 0.05})
    const doc = {questions: [{id: 'q1', type: 'likert', scale: 5, dimension: 'atmosphere', text: 'Friendly?'}]} as unknown as SurveyDoc
    db.surveys.S1 = {id: 'S1', name: 'pulse', locale: 'en', doc, createdAt: '2026-10-01T00:00:00Z'}
    db.responseBatches.push({id: 'RB1', survey: 'S1', source: 'r.csv', responses: 3, ingestedAt: '2026-10-20T00:00:00Z'})
    const file = path.join(root, '.commops', ...responseBatchPath('S1', 'RB1').split('/'))
    await mkdir(path.dirname(file), {recursive: true})
    const row = (n: number, a: number) =>
      JSON.stringify({survey: 'S1', rowHash: `h${n}`, source: {file: 'r.csv', line: n}, submittedAt: '2026-10-15', answers: {q1: a}})
    await writeFile(file, [row(1, 2), row(2, 3), row(3, 4)].join('\n') + '\n')
    const r = await suggest({root, community}, storeOf(db))
    expect(r.suggestions.map((s) => s.rule)).toEqual(['atmosphere-low'])
    expect(r.suggestions[0]).toMatchObject({gap: 0, why: {en: "The survey's atmosphere items average 3 out of 5, below 3.5"}})
  })

  it('says which command computes a scorecard when there is none', async () => {
    const r = await suggest({root, community}, storeOf(defaultDb()), {now: new Date('2026-12-03T02:00:00Z')})
    expect(r).toMatchObject({suggestions: [], noScorecard: {command: 'commops scorecard compute --period 2026-11'}})
    const january = await suggest({root, community}, storeOf(defaultDb()), {now: new Date('2027-01-05T00:00:00Z')})
    expect(january.noScorecard?.command).toBe('commops scorecard compute --period 2026-12')
  })

  it('stops on a period with no scorecard', async () => {
    await expect(suggest({root, community}, storeOf(dbWith({})), {period: '2026-09'})).rejects.toMatchObject({code: 'scorecard.notFound'})
  })
})

describe('workspace rule files', () => {
  it('stop with the first problem at file:line:col', async () => {
    await own('bad.yaml', OWN.replace('conversion_rate, below: 0.03', 'conversion_rates, below: 0.03'))
    const error = (() => {
      try {
        loadWorkspaceRules(root, 'en')
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).location).toEqual({file: 'suggestions/bad.yaml', line: 5, col: 11})
    expect((error as ValidationError).code).toBe('suggest.rules.invalid')
  })

  it('locate a missing field, a YAML error and an id given in two files', async () => {
    await own('a.yaml', OWN.replace(/ {4}effect: More trials\n/, ''))
    expect(() => loadWorkspaceRules(root, 'en')).toThrow(expect.objectContaining({location: {file: 'suggestions/a.yaml', line: 4, col: 5}}))
    await own('a.yaml', OWN.replace('title: Conversion under 3%', 'title: [Conversion'))
    expect(() => loadWorkspaceRules(root, 'en')).toThrow(
      expect.objectContaining({
        code: 'suggest.rules.invalid',
        location: {file: 'suggestions/a.yaml', line: expect.any(Number), col: expect.any(Number)},
      }),
    )
    await own('a.yaml', OWN)
    await own('b.yaml', OWN)
    expect(() => loadWorkspaceRules(root, 'en')).toThrow(
      expect.objectContaining({code: 'suggest.rules.duplicate', location: {file: 'suggestions/b.yaml', line: 4, col: 9}}),
    )
  })

  it('are read only inside the workspace: a symlink leading out is refused', async () => {
    const outside = await makeTempDir()
    try {
      await writeFile(path.join(outside, 'x.yaml'), OWN)
      await mkdir(path.join(root, 'suggestions'))
      await symlink(path.join(outside, 'x.yaml'), path.join(root, 'suggestions', 'x.yaml'))
      expect(() => loadWorkspaceRules(root, 'en')).toThrow(CommopsError)
      expect(() => loadWorkspaceRules(root, 'en')).toThrow(expect.objectContaining({code: 'file.symlinkOut'}))
    } finally {
      await removeDir(outside)
    }
  })
})

describe('validate and the text view', () => {
  it('validate knows the kind: a wrong condition is located, a placeholder the condition does not fill is a warning', () => {
    const bad = OWN.replace('{metric: conversion_rate, below: 0.03}', '{metric: conversion_rate, below: 0.03, above: 1}').replace(
      '"{value} converted"',
      '"{value} of {channels}"',
    )
    const {problems} = validateText(bad, 'suggestions/x.yaml', 'en')
    expect(problems.map((p) => [p.rule, p.line, p.severity])).toEqual([
      ['schema.anyOf', 5, 'error'],
      ['suggest.unknownPlaceholder', 7, 'warning'],
    ])
    expect(validateText(OWN, 'suggestions/x.yaml', 'en').problems).toEqual([])
  })

  it('says which command to run when there is no scorecard, and when no rule fired', () => {
    const table = () => 'TABLE'
    expect(
      suggestText({suggestions: [], noScorecard: {command: 'commops scorecard compute --period 2026-11'}}, translator('zh-CN'), 'zh-CN', table),
    ).toBe('还没有评分卡，无从给出建议。请先计算一份：commops scorecard compute --period 2026-11')
    expect(suggestText({suggestions: [], scorecard: '2026-10', rules: 14}, translator('en'), 'en', table)).toBe(
      'No suggestion: none of the 14 rules fired on the scorecard of 2026-10.',
    )
  })
})
