import {mkdir, readFile, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Model} from 'survey-core'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import {runPlaybook, type StepEvent} from '../../src/playbook/runner.js'
import type {Playbook} from '../../src/playbook/types.js'
import {validateText} from '../helpers/validate.js'
import {Store} from '../../src/store/index.js'
import {listSurveys} from '../../src/survey/lookup.js'
import {ingestResponses} from '../../src/survey/service.js'
import type {Workspace} from '../../src/workspace/index.js'
import {sampleWorkspace} from '../helpers/workspace.js'

const NOW = new Date('2026-12-20T02:00:00Z')

const PLAYBOOK = `apiVersion: commops/v1
kind: Playbook
name: review
phase: evaluate
steps:
  - id: satisfaction-survey
    uses: survey.create
    with: {template: satisfaction}
  - id: survey-results
    uses: survey.results
    with: {step: satisfaction-survey, segment: tenure}
  - id: gate
    uses: assert
    with:
      that: "\${{ steps.survey-results.outputs.n == 0 || steps.survey-results.outputs.csat >= 0.5 }}"
      message: CSAT below half
  - id: export
    uses: export
    with: {artifacts: [satisfaction-survey, survey-results], formats: [md, html, surveyjs, github-issue-form, json]}
`

async function run(ws: Workspace, playbook: Playbook) {
  const events: StepEvent[] = []
  const gen = runPlaybook({playbook, ws, store: Store.at(ws.root), vars: {}, locale: 'en', now: NOW, user: 'tester'})
  for (;;) {
    const next = await gen.next()
    if (next.done) return {record: next.value, byId: Object.fromEntries(events.map((e) => [e.id, e]))}
    if (!('starting' in next.value)) events.push(next.value)
  }
}

describe('survey.create and survey.results steps', () => {
  it('validate: the playbook is clean, and survey.results must name an earlier step', () => {
    expect(validateText(PLAYBOOK, 'review.yaml', 'en').problems).toEqual([])
    const bad = PLAYBOOK.replace('with: {step: satisfaction-survey, segment: tenure}', 'with: {step: export}')
    expect(validateText(bad, 'review.yaml', 'en').problems.map((p) => p.rule)).toContain('playbook.laterStep')
    const both = PLAYBOOK.replace('with: {template: satisfaction}', 'with: {template: satisfaction, file: x.yaml}')
    expect(validateText(both, 'review.yaml', 'en').problems.map((p) => p.path)).toContain('/steps/0/with')
  })

  it('with no responses the run succeeds, scores are null with a note; after ingesting, they are filled', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const playbook = parse(PLAYBOOK) as Playbook
    const first = await run(ws, playbook)
    expect(first.record.status).toBe('changed')
    expect(first.byId['survey-results'].status).toBe('changed')
    expect(first.byId['survey-results'].outputs).toMatchObject({
      survey: 'review.satisfaction-survey',
      n: 0,
      nps: null,
      csat: null,
      service_quality: null,
      content_quality: null,
      atmosphere: null,
      value: null,
    })
    expect(first.byId['survey-results'].messages!.join()).toMatch(/No responses for review.satisfaction-survey yet/)
    expect(first.byId.gate.status).not.toBe('failed')

    const files = first.byId.export.outputs.files as string[]
    expect(files).toEqual(
      expect.arrayContaining([
        'out/review-satisfaction-survey.yml',
        'out/review-satisfaction-survey.surveyjs.json',
        'out/review-satisfaction-survey.html',
        'out/review-survey-results.md',
      ]),
    )
    const sj = JSON.parse(await readFile(path.join(ws.root, 'out/review-satisfaction-survey.surveyjs.json'), 'utf8'))
    expect(new Model(sj).getAllQuestions().map((q) => q.name)).toContain('nps_fix')
    const ownForm = await readFile(path.join(ws.root, 'out/review-satisfaction-survey.json'), 'utf8')
    expect(validateText(ownForm, 'form.json', 'en').problems).toEqual([])

    const db = await Store.at(ws.root).read()
    expect(listSurveys(db).map((s) => s.id)).toEqual(['review.satisfaction-survey'])

    const csv = path.join(ws.root, 'data', 'answers.csv')
    await mkdir(path.dirname(csv), {recursive: true})
    await writeFile(csv, 'sq_response,cq_depth,at_respect,va_gain,nps,tenure\n5,4,4,5,10,gt1y\n2,4,3,3,5,lt1m\n')
    const store = Store.at(ws.root)
    const file = {full: csv, display: 'data/answers.csv', source: 'data/answers.csv'}
    expect((await ingestResponses(store, {survey: 'review.satisfaction-survey', file, now: NOW})).added).toHaveLength(2)
    expect((await store.read()).responseBatches).toMatchObject([{id: 'RB1', survey: 'review.satisfaction-survey', responses: 2}])
    const second = await run(ws, playbook)
    expect(second.byId['satisfaction-survey'].status).toBe('ok')
    expect(second.byId['survey-results'].outputs).toMatchObject({
      n: 2,
      nps: 0,
      csat: 0.625,
      service_quality: 3.5,
      content_quality: 4,
      atmosphere: 3.5,
      value: 4,
    })
    const md = await readFile(path.join(ws.root, 'out/review-survey-results.md'), 'utf8')
    expect(md).toContain('NPS 0 ± ')
    expect(md).toContain('## By tenure')

    const third = await run(ws, playbook)
    expect(third.record.status).toBe('ok')
  })
})
