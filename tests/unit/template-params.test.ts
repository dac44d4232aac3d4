import {describe, expect, it} from 'vitest'
import {UsageError} from '../../src/errors.js'
import {validateText} from '../helpers/validate.js'
import {completeParams, parseParamValue, parseSets} from '../../src/template/params.js'
import type {TemplateDoc, TemplateParam} from '../../src/template/schema.js'
import {thrown} from '../helpers/errors.js'

const prompt = {'zh-CN': '问', en: 'Ask'}
const doc: TemplateDoc = {
  apiVersion: 'commops/v1',
  kind: 'Template',
  name: 'demo',
  communityType: 'interest',
  parameters: {
    name: {type: 'string', required: true, prompt},
    locale: {type: 'locale', default: 'zh-CN', prompt},
    timezone: {type: 'timezone', default: 'Asia/Shanghai', prompt},
    count: {type: 'integer', default: 5, prompt},
    ratio: {type: 'number', default: 0.5, prompt},
    beta: {type: 'boolean', default: true, prompt},
    start: {type: 'date', prompt},
    chat: {type: 'enum', options: ['wechat', 'discord'], default: 'wechat', prompt},
    repo: {type: 'string', pattern: '^[a-z]+/[a-z]+$', default: 'org/repo', prompt},
    note: {type: 'string', prompt},
  },
}

const p = (name: string): TemplateParam => doc.parameters[name]

describe('parseParamValue', () => {
  it('types values', () => {
    expect(parseParamValue('count', p('count'), '12')).toEqual({ok: true, value: 12})
    expect(parseParamValue('ratio', p('ratio'), '0.25')).toEqual({ok: true, value: 0.25})
    expect(parseParamValue('beta', p('beta'), 'no')).toEqual({ok: true, value: false})
    expect(parseParamValue('beta', p('beta'), 'TRUE')).toEqual({ok: true, value: true})
    expect(parseParamValue('start', p('start'), '2026-12-01')).toEqual({ok: true, value: '2026-12-01'})
    expect(parseParamValue('timezone', p('timezone'), 'America/New_York')).toEqual({ok: true, value: 'America/New_York'})
    expect(parseParamValue('locale', p('locale'), 'en')).toEqual({ok: true, value: 'en'})
    expect(parseParamValue('chat', p('chat'), 'discord')).toEqual({ok: true, value: 'discord'})
    expect(parseParamValue('name', p('name'), 'Acme "x": #1')).toEqual({ok: true, value: 'Acme "x": #1'})
  })

  it('refuses bad values with a message per type', () => {
    expect(parseParamValue('count', p('count'), '1.5')).toMatchObject({ok: false, msg: {key: 'template.value.integer'}})
    expect(parseParamValue('ratio', p('ratio'), 'abc')).toMatchObject({ok: false, msg: {key: 'template.value.number'}})
    expect(parseParamValue('beta', p('beta'), 'maybe')).toMatchObject({ok: false, msg: {key: 'template.value.boolean'}})
    expect(parseParamValue('start', p('start'), '2026-02-30')).toMatchObject({ok: false, msg: {key: 'template.value.date'}})
    expect(parseParamValue('start', p('start'), '1/12/2026')).toMatchObject({ok: false, msg: {key: 'template.value.date'}})
    expect(parseParamValue('locale', p('locale'), 'fr')).toMatchObject({ok: false, msg: {key: 'template.value.locale'}})
    expect(parseParamValue('repo', p('repo'), '../etc')).toMatchObject({ok: false, msg: {key: 'template.value.pattern'}})
    expect(parseParamValue('name', p('name'), '  ')).toMatchObject({ok: false, msg: {key: 'template.value.empty'}})
  })

  it('suggests the closest timezone and enum option', () => {
    expect(parseParamValue('timezone', p('timezone'), 'Asia/Shangai')).toMatchObject({
      ok: false,
      msg: {key: 'template.value.timezone'},
      hint: {key: 'suggest.didYouMean', params: {value: 'Asia/Shanghai'}},
    })
    expect(parseParamValue('chat', p('chat'), 'dicsord')).toMatchObject({ok: false, hint: {params: {value: 'discord'}}})
  })
})

describe('parseSets and completeParams', () => {
  it('parses --set values, splitting at the first =', () => {
    expect(parseSets(doc, ['name=a=b', 'count=7', 'beta=false'])).toEqual({name: 'a=b', count: 7, beta: false})
  })

  it('an unknown --set name is a usage error with did-you-mean', () => {
    const err = thrown(() => parseSets(doc, ['nme=Acme']))
    expect(err).toBeInstanceOf(UsageError)
    expect(err.exitCode).toBe(2)
    expect(err.msg).toEqual({key: 'template.set.unknown', params: {name: 'nme', template: 'demo'}})
    expect(JSON.stringify(err.hint)).toContain('--set name=')
  })

  it('--set without = and --set with a bad value are usage errors', () => {
    expect(thrown(() => parseSets(doc, ['name'])).msg.key).toBe('template.set.format')
    const bad = thrown(() => parseSets(doc, ['timezone=Mars/Olympus']))
    expect(bad.exitCode).toBe(2)
    expect(bad.msg.key).toBe('template.value.timezone')
  })

  it('own properties only: --set __proto__=x and constructor=x are unknown', () => {
    expect(thrown(() => parseSets(doc, ['__proto__=x'])).msg.key).toBe('template.set.unknown')
    expect(thrown(() => parseSets(doc, ['constructor=x'])).msg.key).toBe('template.set.unknown')
  })

  it('fills defaults, leaves optional values empty, and names every missing --set', () => {
    expect(completeParams(doc, {name: 'Acme'})).toEqual({
      name: 'Acme',
      locale: 'zh-CN',
      timezone: 'Asia/Shanghai',
      count: 5,
      ratio: 0.5,
      beta: true,
      start: '',
      chat: 'wechat',
      repo: 'org/repo',
      note: '',
    })
    const err = thrown(() => completeParams(doc, {}))
    expect(err.exitCode).toBe(2)
    expect(err.msg).toMatchObject({key: 'template.missing', params: {names: 'name'}})
    expect(JSON.stringify(err.hint)).toContain('--set name=')
  })
})

describe('kind Template', () => {
  const base = `apiVersion: commops/v1
kind: Template
name: demo
communityType: brand
parameters:
  name: {type: string, required: true, prompt: {zh-CN: 名称, en: Name}}
`
  it('a well-formed template.yaml validates', () => {
    expect(validateText(base, 'template.yaml', 'en').problems).toEqual([])
  })

  it('reports bad defaults, enums without options, undeclared when names and prototype names, with locations', () => {
    const text = `${base}  size: {type: integer, default: many, prompt: {zh-CN: 数, en: Count}}
  chat: {type: enum, prompt: {zh-CN: 平台, en: Chat}}
  __proto__: {type: string, prompt: {zh-CN: x, en: x}}
files:
  - {from: a.yaml, when: {lang: en}}
`
    const {problems} = validateText(text, 'template.yaml', 'en')
    const rules = problems.map((p) => `${p.rule}@${p.line}`)
    expect(rules).toContain('template.badDefault@7')
    expect(rules).toContain('template.enumOptions@8')
    expect(rules).toContain('template.whenUnknown@11')
    expect(problems.some((p) => p.rule === 'schema.pattern' || p.rule === 'schema.propertyNames' || p.message.includes('__proto__'))).toBe(true)
  })

  it('requires prompts in both languages', () => {
    const text = base.replace('prompt: {zh-CN: 名称, en: Name}', 'prompt: {en: Name}')
    expect(validateText(text, 'template.yaml', 'en').problems.map((p) => p.rule)).toContain('schema.required')
  })
})
