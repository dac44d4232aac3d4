import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {findKind} from '../../src/schema/all-kinds.js'
import {validateText} from '../helpers/validate.js'
import {loadSurveyTemplate, parseSurveyText, SURVEY_TEMPLATES, templateFile} from '../../src/survey/load.js'
import {resolveSurvey} from '../../src/survey/resolve.js'
import {bothTexts} from '../../src/survey/text.js'
import {sampleWorkspace} from '../helpers/workspace.js'

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'survey')

describe('kind: Survey', () => {
  it('is registered for validate and schema', () => {
    const def = findKind('survey')
    expect(def?.kind).toBe('Survey')
    expect((def!.schema as {properties: Record<string, unknown>}).properties.questions).toBeDefined()
  })

  it.each(SURVEY_TEMPLATES)('template %s is a valid survey with every text in both languages', async (name) => {
    const text = await readFile(templateFile(name), 'utf8')
    const {problems, docs} = validateText(text, `${name}.yaml`, 'en')
    expect(problems).toEqual([])
    expect(docs[0].kind).toBe('Survey')
    const doc = await loadSurveyTemplate(name, 'en')
    expect(doc.name).toBe(name)
    const texts = [
      doc.title,
      doc.intro,
      ...doc.questions.flatMap((q) =>
        [q.text, ...(q.labels ?? []), ...(q.options ?? []).map((o) => o.label), q.anchors?.low, q.anchors?.high].filter((x) => x !== undefined),
      ),
    ]
    for (const t of texts) {
      expect(typeof t, JSON.stringify(t)).toBe('object')
      expect(bothTexts(t).length, JSON.stringify(t)).toBe(2)
    }
  })

  it('satisfaction covers the three seed dimensions, value, NPS and open comments', async () => {
    const doc = await loadSurveyTemplate('satisfaction', 'en')
    const dims = new Set(doc.questions.map((q) => q.dimension).filter(Boolean))
    expect([...dims].sort()).toEqual(['atmosphere', 'content_quality', 'service_quality', 'value'])
    expect(doc.questions.some((q) => q.type === 'nps')).toBe(true)
    expect(doc.questions.filter((q) => q.type === 'text').length).toBeGreaterThanOrEqual(2)
    for (const q of doc.questions.filter((x) => x.type === 'likert')) expect(q.labels).toHaveLength(q.scale!)
  })

  it('locates semantic problems: showIf on a later or unknown question, duplicate ids, likert label count, impossible showIf values', async () => {
    const text = await readFile(path.join(FIXTURES, 'bad.yaml'), 'utf8')
    const {problems} = validateText(text, 'bad.yaml', 'en')
    const byRule = Object.fromEntries(problems.map((p) => [p.rule, p]))
    expect(byRule['survey.showIfLater']).toMatchObject({line: 9, path: '/questions/0/showIf/question'})
    expect(byRule['survey.showIfUnknown']).toMatchObject({line: 26, path: '/questions/4/showIf/question'})
    expect(byRule['survey.duplicateId']).toMatchObject({line: 15, col: 9, path: '/questions/2/id'})
    expect(byRule['survey.likertLabels']).toMatchObject({line: 14, message: 'A 5-point likert needs 5 labels; it has 4'})
    expect(byRule['survey.showIfValue']).toMatchObject({line: 22, path: '/questions/3/showIf/equals'})
    expect(() => parseSurveyText(text, 'bad.yaml', 'en')).toThrowError(
      expect.objectContaining({code: 'survey.invalid', location: expect.objectContaining({file: 'bad.yaml', line: 9})}),
    )
  })

  it('the hand-written fixture with every question type is valid', async () => {
    const text = await readFile(path.join(FIXTURES, 'q4.yaml'), 'utf8')
    expect(validateText(text, 'q4.yaml', 'zh-CN').problems).toEqual([])
  })

  it('fills optionsFrom from community.yaml and keeps the written options when the community has none', async () => {
    const ws = await sampleWorkspace('zh-CN')
    const doc = await loadSurveyTemplate('onboarding', 'zh-CN')
    const {doc: resolved, notes} = resolveSurvey(doc, ws.community)
    const goals = resolved.questions.find((q) => q.id === 'goals')!
    expect(goals.optionsFrom).toBeUndefined()
    expect(goals.options!.map((o) => o.id)).toEqual(ws.community.content!.pillars!.map((p) => p.id))
    expect(notes).toEqual([])
    const bare = resolveSurvey(doc, {...ws.community, content: {}, activities: []})
    expect(bare.notes.map((n) => n.question)).toEqual(['goals', 'activities'])
    expect(bare.doc.questions.find((q) => q.id === 'goals')!.options!.map((o) => o.id)).toContain('learn')
  })
})
