import {readFile} from 'node:fs/promises'
import {describe, expect, it} from 'vitest'
import {getRenderer} from '../../src/artifacts/render.js'
import {UsageError, ValidationError} from '../../src/errors.js'
import {translator, type Locale} from '../../src/i18n/index.js'
import {allMessages} from '../../src/i18n/messages/index.js'
import {compose} from '../../src/rules/compose.js'
import {addDuration, humanDuration, normalizeDuration, parseDuration} from '../../src/rules/duration.js'
import {exportRuleSet, localizeRuleSet, ruleSetMarkdown, ruleSetText} from '../../src/rules/export.js'
import {parseWhen, planIncident} from '../../src/rules/incident.js'
import {nextRung, standing} from '../../src/rules/ladder.js'
import {loadRuleTemplate, requireTemplateName} from '../../src/rules/load.js'
import {ruleTemplateFile} from '../../src/rules/load.js'
import {defaultTemplateFor} from '../../src/rules/templates.js'
import {RULE_TEMPLATES, RUNG_IDS, SEVERITIES, type Incident, type Ladder, type RuleSetDoc} from '../../src/rules/types.js'
import {findKind} from '../../src/schema/all-kinds.js'
import {validateText} from '../helpers/validate.js'
import {getStepType} from '../../src/steps/registry.js'
import {thrown} from '../helpers/errors.js'

/** Every {zh-CN, en} object in a document, with its JSON pointer. */
function localizedTexts(value: unknown, at = ''): Array<[string, Record<string, unknown>]> {
  if (Array.isArray(value)) return value.flatMap((v, i) => localizedTexts(v, `${at}/${i}`))
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>
    if ('zh-CN' in obj || 'en' in obj) return [[at, obj]]
    return Object.entries(obj).flatMap(([k, v]) => localizedTexts(v, `${at}/${k}`))
  }
  return []
}

const template = (name: string) => loadRuleTemplate(name, 'en')

const incident = (id: string, rung: string, at: string, extra: Partial<Incident> = {}): Incident => ({
  id,
  member: 'u42',
  rule: 'no-ads',
  severity: 'medium',
  rung,
  at,
  recordedAt: at,
  ...extra,
})

const LADDER: Ladder = {
  expireAfterDays: 180,
  start: {low: 'reminder', medium: 'reminder', high: 'warning', severe: 'removal'},
  rungs: RUNG_IDS.map((id) => ({
    id,
    name: id,
    consequence: id,
    decidedBy: 'mods',
    appeal: 'ask',
    ...(id === 'mute' ? {duration: 'P1D'} : id === 'suspension' ? {duration: 'P30D'} : id === 'removal' ? {permanent: true} : {}),
  })),
}

describe('rule-set templates', () => {
  for (const name of RULE_TEMPLATES) {
    it(`${name} validates as a RuleSet, with every text in zh-CN and en`, async () => {
      const text = await readFile(ruleTemplateFile(name), 'utf8')
      const {problems, docs} = validateText(text, `templates/rules/${name}.yaml`, 'en')
      expect(problems).toEqual([])
      expect(docs[0].kind).toBe('RuleSet')
      const doc = docs[0].value as RuleSetDoc
      expect(doc.name).toBe(name)
      const texts = localizedTexts(doc)
      expect(texts.length).toBeGreaterThan(100)
      for (const [at, t] of texts) {
        expect(typeof t['zh-CN'] === 'string' && t['zh-CN'].trim() !== '', `${name}${at} zh-CN`).toBe(true)
        expect(typeof t.en === 'string' && t.en.trim() !== '', `${name}${at} en`).toBe(true)
      }
      expect(doc.rules.length).toBeGreaterThanOrEqual(8)
      expect(doc.rules.length).toBeLessThanOrEqual(12)
      for (const rule of doc.rules) {
        expect(rule.allowed?.length, `${rule.id} allowed`).toBeGreaterThan(0)
        expect(rule.notAllowed?.length, `${rule.id} notAllowed`).toBeGreaterThan(0)
      }
      expect(new Set(doc.rules.map((r) => r.severity)).size).toBeGreaterThanOrEqual(3)
      expect(doc.ladder.rungs.map((r) => r.id)).toEqual([...RUNG_IDS])
    })

    for (const locale of ['zh-CN', 'en'] as Locale[]) {
      it(`${name} in ${locale}: composed and localized, it is still a valid RuleSet with no placeholder left`, async () => {
        const {ruleset} = compose(await template(name), {}, {communityName: 'Fixture Club'})
        const json = exportRuleSet(ruleset, 'json', locale)
        expect(json).not.toContain('{community}')
        const {problems} = validateText(json, `${name}.${locale}.json`, locale)
        expect(problems).toEqual([])
        const doc = JSON.parse(json) as Omit<RuleSetDoc, 'principles'> & {principles: string[]} // rendered: one language
        expect(doc.locale).toBe(locale)
        expect(typeof doc.title).toBe('string')
        expect(doc.title).toContain('Fixture Club')
        if (locale === 'zh-CN') expect(doc.principles.join('')).toMatch(/[\u4e00-\u9fff]/)
        else expect(doc.principles.join('')).not.toMatch(/[\u4e00-\u9fff]/)
      })
    }
  }

  it('the brand template has the no-ads rule the demo records', async () => {
    expect((await template('brand')).rules.map((r) => r.id)).toContain('no-ads')
  })

  it('picks a template per community type, and an unknown name is a usage error with did-you-mean', () => {
    expect([
      defaultTemplateFor('brand'),
      defaultTemplateFor('open-source'),
      defaultTemplateFor('knowledge'),
      defaultTemplateFor('interest'),
      defaultTemplateFor(undefined),
    ]).toEqual(['brand', 'open-source', 'strict', 'standard', 'standard'])
    const error = thrown(() => requireTemplateName('stanard'))
    expect(error).toBeInstanceOf(UsageError)
    expect(error.exitCode).toBe(2)
    expect(translator('en')(error.hint!)).toContain('Did you mean `standard`?')
  })
})

describe('compose', () => {
  it('adds, removes and changes rules, and changes rung durations', async () => {
    const base = await template('standard')
    const {ruleset} = compose(base, {
      remove: ['display-name'],
      change: {'no-ads': {severity: 'high'}},
      add: [{id: 'no-politics', title: {en: 'No politics', 'zh-CN': '不谈政治'}, description: 'Keep it about the hobby.', severity: 'low'}],
      ladder: {mute: {duration: '3d'}, suspension: {duration: 'P14D', name: {en: 'Time out', 'zh-CN': '冷静期'}}},
      expireAfterDays: 90,
    })
    const ids = ruleset.rules.map((r) => r.id)
    expect(ids).not.toContain('display-name')
    expect(ids[ids.length - 1]).toBe('no-politics')
    expect(ruleset.rules.find((r) => r.id === 'no-ads')!.severity).toBe('high')
    expect(ruleset.rules.find((r) => r.id === 'no-ads')!.title).toEqual(base.rules.find((r) => r.id === 'no-ads')!.title)
    expect(ruleset.ladder.rungs.find((r) => r.id === 'mute')!.duration).toBe('P3D')
    expect(ruleset.ladder.rungs.find((r) => r.id === 'suspension')).toMatchObject({duration: 'P14D', name: {en: 'Time out'}})
    expect(ruleset.ladder.expireAfterDays).toBe(90)
    expect(base.rules.map((r) => r.id)).toContain('display-name') // the template is not mutated
  })

  it('drops a disabled rung and moves entry points that pointed at it one rung up', async () => {
    const {ruleset} = compose(await template('standard'), {ladder: {warning: {enabled: false}}})
    expect(ruleset.ladder.rungs.map((r) => r.id)).toEqual(['reminder', 'mute', 'suspension', 'removal'])
    expect(ruleset.ladder.start).toEqual({low: 'reminder', medium: 'reminder', high: 'mute', severe: 'removal'})
  })

  it('keeps only the rungs a step chooses', async () => {
    const {ruleset} = compose(await template('standard'), {}, {ladder: ['reminder', 'warning', 'mute', 'removal']})
    expect(ruleset.ladder.rungs.map((r) => r.id)).toEqual(['reminder', 'warning', 'mute', 'removal'])
    expect(() => compose(ruleset, {}, {ladder: ['reminder', 'warnin']})).toThrow(ValidationError)
  })

  it('an unknown rule id is an error with did-you-mean and the pointer to it', async () => {
    const error = thrown(() => compose(LADDER_DOC, {remove: ['no-adds']}))
    expect(error.code).toBe('rules.unknownRule')
    expect(error.details).toEqual({path: '/rules/remove/0'})
    expect(translator('en')(error.hint!)).toContain('Did you mean `no-ads`?')
    expect(thrown(() => compose(LADDER_DOC, {ladder: {mute: {duration: 'three days'}}})).code).toBe('rules.badDuration')
    expect(thrown(() => compose(LADDER_DOC, {ladder: {mutee: {duration: 'P3D'}}})).code).toBe('rules.unknownRung')
    expect(thrown(() => compose(LADDER_DOC, {add: [{id: 'no-ads', title: 'x', description: 'y', severity: 'low'}]})).code).toBe('rules.duplicateRule')
  })

  it('in lenient mode (overrides written for another template) skips unknown ids with a note', async () => {
    const {ruleset, notes} = compose(await template('brand'), {remove: ['display-name', 'no-ads']}, {lenient: true})
    expect(ruleset.rules.map((r) => r.id)).not.toContain('no-ads')
    expect(notes).toEqual([{key: 'rules.compose.skipped', params: {path: '/rules/remove/0', id: 'display-name'}}])
  })
})

const LADDER_DOC: RuleSetDoc = {
  apiVersion: 'commops/v1',
  kind: 'RuleSet',
  name: 't',
  title: 'T',
  scope: 'here',
  principles: ['be kind'],
  rules: [
    {id: 'no-ads', title: 'No ads', description: 'none', severity: 'medium'},
    {id: 'be-kind', title: 'Be kind', description: 'kind', severity: 'low'},
  ],
  ladder: LADDER,
  reporting: [{name: 'mods', how: 'DM'}],
}

describe('nextRung', () => {
  const now = '2026-12-01T12:00:00Z'
  const medium = {id: 'no-ads', severity: 'medium' as const}

  it('climbs one rung per incident that still counts, and stays at the top', () => {
    const history: Incident[] = []
    const seen: string[] = []
    for (let i = 1; i <= 6; i++) {
      const r = nextRung(history, medium, now, {ladder: LADDER})
      seen.push(r.rung.id)
      history.push(incident(`I${i}`, r.rung.id, `2026-11-${String(i).padStart(2, '0')}T10:00:00Z`))
    }
    expect(seen).toEqual(['reminder', 'warning', 'mute', 'suspension', 'removal', 'removal'])
    expect(nextRung(history, medium, now, {ladder: LADDER}).reason.key).toBe('rules.reason.top')
  })

  it('a severe rule skips rungs; a high one starts at the second', () => {
    expect(nextRung([], {id: 'x', severity: 'severe'}, now, {ladder: LADDER})).toMatchObject({
      rung: {id: 'removal'},
      reason: {key: 'rules.reason.start'},
    })
    expect(nextRung([], {id: 'x', severity: 'high'}, now, {ladder: LADDER}).rung.id).toBe('warning')
    const history = [incident('I1', 'reminder', '2026-11-20T10:00:00Z')]
    expect(nextRung(history, {id: 'x', severity: 'severe'}, now, {ladder: LADDER})).toMatchObject({
      rung: {id: 'removal'},
      reason: {key: 'rules.reason.startAbove'},
    })
    expect(nextRung(history, {id: 'x', severity: 'low', startAt: 'suspension'}, now, {ladder: LADDER}).rung.id).toBe('suspension')
  })

  it('incidents older than the window expire; permanent removals and the order of later incidents do not count against now', () => {
    const old = [incident('I1', 'reminder', '2026-05-01T10:00:00Z'), incident('I2', 'warning', '2026-05-20T10:00:00Z')]
    const r = nextRung(old, medium, now, {ladder: LADDER})
    expect(r.rung.id).toBe('reminder')
    expect(r.expired.map((i) => i.id)).toEqual(['I1', 'I2'])
    expect(r.reason.params).toMatchObject({expired: 2, days: 180})
    expect(nextRung(old, medium, now, {ladder: LADDER, expireAfterDays: 365}).rung.id).toBe('mute')
    expect(nextRung([incident('I1', 'removal', '2020-01-01T00:00:00Z')], medium, now, {ladder: LADDER}).rung.id).toBe('removal')
    expect(nextRung([incident('I9', 'mute', '2026-12-05T00:00:00Z')], medium, now, {ladder: LADDER}).rung.id).toBe('reminder')
  })

  it('standing tells the next rung per severity', () => {
    const s = standing([incident('I1', 'warning', '2026-11-20T10:00:00Z')], now, {ladder: LADDER})
    expect(s.current?.id).toBe('I1')
    expect(s.next).toEqual({low: 'mute', medium: 'mute', high: 'mute', severe: 'removal'})
  })
})

describe('incidents', () => {
  it('plans the rung, its end, and the message to send', async () => {
    const {ruleset} = compose(await template('standard'), {}, {communityName: 'Fixture Club'})
    const history = [
      incident('I1', 'reminder', '2026-11-01T10:00:00Z'),
      incident('I2', 'warning', '2026-11-10T10:00:00Z'),
      incident('I3', 'reminder', '2026-11-10T10:00:00Z', {member: 'u7'}),
    ]
    const plan = planIncident(
      ruleset,
      history,
      {member: 'u42', rule: 'no-ads', at: '2026-11-20T12:00:00Z', note: '广告刷屏'},
      {locale: 'zh-CN', timezone: 'Asia/Shanghai', now: '2026-11-20T12:00:00Z', rulesetId: 'rules'},
    )
    expect(plan.incident).toMatchObject({
      member: 'u42',
      rule: 'no-ads',
      severity: 'medium',
      rung: 'mute',
      until: '2026-11-21T12:00:00Z',
      note: '广告刷屏',
      ruleset: 'rules',
    })
    expect(plan.message).toContain('「不发广告，不拉人」')
    expect(plan.message).toContain('2026-11-21 20:00')
    expect(plan.message).not.toMatch(/\{\w+\}/)
    const manual = planIncident(
      ruleset,
      history,
      {member: 'u42', rule: 'no-ads', at: '2026-11-20T12:00:00Z', rung: 'removal'},
      {locale: 'en', timezone: 'UTC', now: '2026-11-20T12:00:00Z'},
    )
    expect(manual.incident).toMatchObject({rung: 'removal', manual: true})
    expect(manual.decision.rung.id).toBe('mute')
  })

  it('an unknown rule or rung is a usage error with did-you-mean', async () => {
    const ruleset = await template('brand')
    const error = thrown(() =>
      planIncident(
        ruleset,
        [],
        {member: 'u42', rule: 'no-adds', at: '2026-11-20T12:00:00Z'},
        {locale: 'en', timezone: 'UTC', now: '2026-11-20T12:00:00Z'},
      ),
    )
    expect(error).toBeInstanceOf(UsageError)
    expect(error.code).toBe('rules.unknownRule')
    expect(translator('en')(error.hint!)).toMatch(/^Did you mean `no-ads`\? Rule ids: be-respectful, /)
    const rung = thrown(() =>
      planIncident(
        ruleset,
        [],
        {member: 'u42', rule: 'no-ads', at: '2026-11-20T12:00:00Z', rung: 'mutte'},
        {locale: 'en', timezone: 'UTC', now: '2026-11-20T12:00:00Z'},
      ),
    )
    expect(translator('zh-CN')(rung.hint!)).toContain('你是不是想写 `mute`？')
  })

  it('reads --at as a date or a date-time in the community timezone', () => {
    expect(parseWhen('2026-11-02', 'Asia/Shanghai')).toBe('2026-11-01T16:00:00Z')
    expect(parseWhen('2026-11-02T21:30', 'Asia/Shanghai')).toBe('2026-11-02T13:30:00Z')
    expect(parseWhen('2026-11-02T21:30:00Z', 'Asia/Shanghai')).toBe('2026-11-02T21:30:00Z')
    expect(parseWhen('yesterday', 'UTC')).toBeUndefined()
  })
})

describe('durations', () => {
  it('reads ISO 8601 and friendly forms, refuses the rest', () => {
    expect(['P3D', 'PT2H', 'p1w', '3d', '24h', '2w', '1mo', '3天', '30 min'].map(normalizeDuration)).toEqual([
      'P3D',
      'PT2H',
      'P1W',
      'P3D',
      'PT24H',
      'P2W',
      'P1M',
      'P3D',
      'PT30M',
    ])
    for (const bad of ['', 'P', 'P0D', '0d', '3 dayz', 'soon', 'P3X']) expect(parseDuration(bad), bad).toBeUndefined()
    expect(humanDuration('P3D', 'en')).toBe('3 days')
    expect(humanDuration('P3D', 'zh-CN')).toBe('3天')
    expect(addDuration('2026-11-30T23:00:00Z', 'PT2H')).toBe('2026-12-01T01:00:00Z')
  })
})

describe('exports', () => {
  for (const locale of ['zh-CN', 'en'] as Locale[]) {
    it(`Markdown (${locale}) has the principles, every rule with its examples, the ladder table and how to report`, async () => {
      const {ruleset} = compose(await template('open-source'), {}, {communityName: 'Fixture Club'})
      const md = ruleSetMarkdown(ruleset, locale)
      const t = translator(locale)
      const doc = localizeRuleSet(ruleset, locale)
      expect(md.startsWith(`# ${doc.title as string}\n`)).toBe(true)
      for (const rule of doc.rules) {
        expect(md).toContain(`### `)
        expect(md).toContain(rule.title as string)
        expect(md).toContain(`\`${rule.id}\``)
        for (const example of [...(rule.allowed ?? []), ...(rule.notAllowed ?? [])]) expect(md).toContain(`- ${example as string}`)
      }
      expect(md).toContain(
        `| # | ${t('rules.md.col.rung')} | ${t('rules.md.col.consequence')} | ${t('rules.md.col.duration')} | ${t('rules.md.col.decidedBy')} | ${t('rules.md.col.appeal')} |`,
      )
      const table = md.split('\n').filter((l) => /^\| \d \|/.test(l))
      expect(table).toHaveLength(5)
      expect(table.map((l) => l.split(' | ')[1])).toEqual(doc.ladder.rungs.map((r) => r.name))
      expect(md).toContain(`## ${t('rules.md.reporting')}`)
      expect(md).toContain('conduct@example.org')
    })
  }

  it('plain text for a group announcement numbers every rule and shows the ladder in one line', async () => {
    const ruleset = await template('standard')
    const text = ruleSetText(ruleset, 'zh-CN')
    expect(text.startsWith('【')).toBe(true)
    expect(text).not.toMatch(/[#|*]/)
    ruleset.rules.forEach((r, i) => expect(text).toMatch(new RegExp(`^${i + 1}\\. `, 'm')))
    expect(text).toContain('提醒 → 警告 → 临时禁言（1天） → 暂时移出（30天） → 永久移出')
  })
})

describe('registration', () => {
  it('RuleSet is a known kind, rules.generate a step type, and ruleset artifacts render as md, txt and json', () => {
    expect(findKind('ruleset')?.kind).toBe('RuleSet')
    expect(getStepType('rules.generate')?.type).toBe('rules.generate')
    for (const format of ['md', 'txt', 'json']) expect(getRenderer('ruleset', format), format).toBeDefined()
  })

  it('every rules message exists in both languages', () => {
    const catalogue = allMessages()
    const keys = Object.keys(catalogue).filter((k) => k.startsWith('rules.'))
    expect(keys.length).toBeGreaterThan(80)
    for (const key of keys) {
      expect(catalogue[key].en, key).toBeTruthy()
      expect(catalogue[key]['zh-CN'], key).toBeTruthy()
    }
    for (const s of SEVERITIES) expect(catalogue[`rules.severity.${s}`]).toBeDefined()
  })
})
