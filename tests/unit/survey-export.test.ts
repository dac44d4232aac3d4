import {existsSync, readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {Ajv} from 'ajv'
import {Model} from 'survey-core'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'
import type {Locale} from '../../src/i18n/index.js'
import {exportSurvey} from '../../src/survey/export.js'
import {surveyJsModel} from '../../src/survey/export-surveyjs.js'
import {loadSurveyTemplate, parseSurveyText, SURVEY_TEMPLATES} from '../../src/survey/load.js'
import type {SurveyDoc} from '../../src/survey/types.js'

const ROOT = path.join(import.meta.dirname, '..', '..')
const ISSUE_FORMS_SCHEMA = path.resolve(ROOT, '..', 'shared', 'samples', 'schemas', 'github-issue-forms.json')
const q4 = async (): Promise<SurveyDoc> => parseSurveyText(await readFile(path.join(ROOT, 'tests/fixtures/survey/q4.yaml'), 'utf8'), 'q4.yaml', 'en')

async function allSurveys(): Promise<Array<[string, SurveyDoc]>> {
  const out: Array<[string, SurveyDoc]> = [['q4 fixture', await q4()]]
  for (const name of SURVEY_TEMPLATES) out.push([name, await loadSurveyTemplate(name, 'en')])
  return out
}

/** SchemaStore's issue-form schema, read at test time from ../shared/samples (never copied into the project). */
function issueFormValidator() {
  if (!existsSync(ISSUE_FORMS_SCHEMA)) {
    throw new Error(
      `The SchemaStore issue-forms schema is missing: ${ISSUE_FORMS_SCHEMA} (../shared/samples/schemas/github-issue-forms.json). This test validates exports against it and cannot pass without it.`,
    )
  }
  const schema = JSON.parse(readFileSync(ISSUE_FORMS_SCHEMA, 'utf8')) as {$schema?: string}
  expect(schema.$schema).toMatch(/draft-07/)
  // The schema is draft-07, which ajv's default class (Ajv, not Ajv2020) handles; strict off because SchemaStore uses annotations ajv does not know.
  const ajv = new Ajv({allErrors: true, strict: false})
  return ajv.compile(schema)
}

describe('GitHub issue form export', () => {
  it('is valid against the SchemaStore schema for every template and the fixture, in both languages', async () => {
    const validate = issueFormValidator()
    // The schema really is strict: validations on checkboxes, or a missing label, are refused.
    expect(
      validate({
        name: 'x',
        description: 'y',
        body: [{type: 'checkboxes', id: 'a', attributes: {label: 'l', options: [{label: 'a'}]}, validations: {required: true}}],
      }),
    ).toBe(false)
    expect(validate({name: 'x', description: 'y', body: [{type: 'dropdown', id: 'a', attributes: {options: ['1']}}]})).toBe(false)
    for (const [name, doc] of await allSurveys()) {
      for (const locale of ['zh-CN', 'en'] as Locale[]) {
        const form = parse(exportSurvey(doc, 'github-issue-form', locale))
        const ok = validate(form)
        expect(ok, `${name} ${locale}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true)
      }
    }
  })

  it('keeps ids, maps likert and nps to dropdowns, multi to checkboxes, text to textarea, required to validations', async () => {
    const doc = await q4()
    const form = parse(exportSurvey(doc, 'github-issue-form', 'en')) as {
      body: Array<{type: string; id?: string; attributes: Record<string, unknown>; validations?: {required: boolean}}>
    }
    const byId = Object.fromEntries(form.body.filter((b) => b.id).map((b) => [b.id!, b]))
    for (const q of doc.questions) expect(byId[q.id], q.id).toBeDefined()
    expect(byId.overall).toMatchObject({type: 'dropdown', validations: {required: true}})
    expect(byId.overall.attributes.options).toEqual([
      '1 - Very dissatisfied',
      '2 - Dissatisfied',
      '3 - Neutral',
      '4 - Satisfied',
      '5 - Very satisfied',
    ])
    expect(byId.nps.type).toBe('dropdown')
    expect(byId.nps.attributes.options).toHaveLength(11)
    expect(byId.topics.type).toBe('checkboxes')
    expect(byId.topics_other.type).toBe('input')
    expect(byId.why_low.type).toBe('textarea')
    expect(byId.why_low.validations).toBeUndefined()
    expect(byId.why_low.attributes.description).toMatch(/Only if you answered 6 or less/)
    expect(byId.hours.type).toBe('input')
    const ids = form.body.filter((b) => b.id).map((b) => b.id)
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('SurveyJS export', () => {
  const EXPECTED_TYPE: Record<string, string> = {
    likert: 'rating',
    nps: 'rating',
    rating: 'rating',
    single: 'radiogroup',
    multi: 'checkbox',
    number: 'text',
  }

  it('loads in survey-core with the same questions: names, types, required and visibleIf', async () => {
    for (const [name, doc] of await allSurveys()) {
      for (const locale of ['zh-CN', 'en'] as Locale[]) {
        const json = JSON.parse(exportSurvey(doc, 'surveyjs', locale))
        const model = new Model(json)
        const questions = model.getAllQuestions()
        expect(
          questions.map((q) => q.name),
          name,
        ).toEqual(doc.questions.map((q) => q.id))
        doc.questions.forEach((q, i) => {
          const sq = questions[i]
          const type = q.type === 'text' ? (q.multiline === false ? 'text' : 'comment') : EXPECTED_TYPE[q.type]
          expect(sq.getType(), `${name} ${q.id}`).toBe(type)
          expect(sq.isRequired, `${name} ${q.id}`).toBe(Boolean(q.required))
          expect(Boolean(sq.visibleIf), `${name} ${q.id} visibleIf`).toBe(Boolean(q.showIf))
          if (q.type === 'likert') expect((sq as unknown as {visibleRateValues: unknown[]}).visibleRateValues).toHaveLength(q.scale!)
          if (q.type === 'nps')
            expect((sq as unknown as {visibleRateValues: Array<{value: number}>}).visibleRateValues.map((v) => v.value)).toEqual([
              0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
            ])
        })
        if (locale === 'zh-CN') expect(model.locale).toBe('zh-cn')
      }
    }
  })

  it('shows conditional questions exactly when their showIf holds', async () => {
    const model = new Model(surveyJsModel(await q4(), 'en'))
    const visible = (name: string) => model.getQuestionByName(name).isVisible
    expect(model.getQuestionByName('why_low').visibleIf).toBe('{nps} <= 6')
    model.setValue('nps', 3)
    expect(visible('why_low')).toBe(true)
    model.setValue('nps', 9)
    expect(visible('why_low')).toBe(false)
    model.setValue('topics', ['tips'])
    expect(visible('photo_gear')).toBe(false)
    model.setValue('topics', ['tips', 'photo'])
    expect(visible('photo_gear')).toBe(true)
    model.setValue('region', 'south')
    expect(visible('north_only')).toBe(false)
    model.setValue('region', 'north')
    expect(visible('north_only')).toBe(true)
  })

  it('carries both languages: the title switches with the survey locale', async () => {
    const model = new Model(surveyJsModel(await q4(), 'en'))
    expect(model.title).toBe('Q4 pulse')
    model.locale = 'zh-cn'
    expect(model.title).toBe('第四季度脉搏调查')
    expect(model.getQuestionByName('overall').title).toBe('总体满意度')
  })
})

describe('GitHub issue form: answers are public and signed', () => {
  it('never calls itself anonymous, says answers are public and show the account, in both languages', async () => {
    for (const [name, doc] of await allSurveys()) {
      for (const locale of ['zh-CN', 'en'] as Locale[]) {
        const form = parse(exportSurvey(doc, 'github-issue-form', locale)) as {body: Array<{type: string; attributes: {value?: string}}>}
        const text = JSON.stringify(form)
        expect(text, `${name} ${locale}`).not.toMatch(/survey is anonymous|Anonymous:|问卷匿名|匿名填写/i)
        expect(form.body[0].type).toBe('markdown')
        expect(form.body[0].attributes.value, `${name} ${locale}`).toMatch(locale === 'en' ? /public.*GitHub account/s : /公开.*GitHub 账号/s)
        if (doc.anonymous) expect(form.body[0].attributes.value).toMatch(locale === 'en' ? /not anonymous|are not/ : /并不匿名/)
      }
    }
  })
})

describe('HTML export', () => {
  it('is one self-contained, labelled page in the chosen language, with everything escaped', async () => {
    const doc = await q4()
    doc.title = {en: 'Q4 <script>alert(1)</script> & "friends"', 'zh-CN': '四季度'}
    for (const locale of ['zh-CN', 'en'] as Locale[]) {
      const html = exportSurvey(doc, 'html', locale)
      expect(html).toMatch(new RegExp(`<html lang="${locale}">`))
      expect(html).not.toMatch(/\b(src|href|action)="(https?:)?\/\//i)
      expect(html.match(/<style>([\s\S]*?)<\/style>/)![1]).not.toMatch(/@import|url\(/i)
      expect(html).not.toContain('<script>alert(1)')
      expect(html).not.toContain('<b>Thanks</b>')
      const ids = [...html.matchAll(/<(?:input|textarea|select)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1])
      const labelled = new Set([...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]))
      expect(ids.length).toBeGreaterThan(20)
      for (const id of ids) expect(labelled.has(id), `no <label for="${id}">`).toBe(true)
      expect((html.match(/<fieldset/g) ?? []).length).toBe((html.match(/<legend>/g) ?? []).length)
    }
    const en = exportSurvey(doc, 'html', 'en')
    expect(en).toContain('Q4 &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;friends&quot;')
    // The page data block cannot be closed by a survey text: no "<" at all inside it.
    doc.name = 'x</script><script>alert(2)</script>'
    const block = /<script type="application\/json" id="survey-data">([\s\S]*?)<\/script>/.exec(exportSurvey(doc, 'html', 'en'))![1]
    expect(block).not.toContain('<')
    expect((JSON.parse(block) as {name: string}).name).toBe(doc.name)
    expect(en).toContain('Download my answers (CSV)')
    expect(exportSurvey(doc, 'html', 'zh-CN')).toContain('下载我的答案（CSV）')
  })
})

describe('Markdown and JSON exports', () => {
  it('md lists every question with its scale or options', async () => {
    const doc = await q4()
    const md = exportSurvey(doc, 'md', 'zh-CN')
    expect(md).toMatch(/^# 第四季度脉搏调查/)
    doc.questions.forEach((q, i) => expect(md).toContain(`**${i + 1}. `))
    expect(md).toContain('1 非常不满意')
    expect(md).toContain('○ A. 北方')
    expect(md).toContain('□ C. 新品资讯')
    expect(md).toContain('仅当「4. 推荐意愿」回答为 6 及以下 时作答')
  })

  it('json is our own form and reads back as the same survey', async () => {
    const doc = await q4()
    expect(parseSurveyText(exportSurvey(doc, 'json', 'en'), 'q4.json', 'en')).toEqual(doc)
  })
})
