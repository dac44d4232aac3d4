/**
 * The cheap paths that keep start-up short give what the costly ones gave: shared subschemas (schema/ajv.ts) report the
 * same errors, dates and timezones without a date library agree with luxon, and a valid file never loads `yaml`.
 */
import {createRequire} from 'node:module'
import {Ajv2020} from 'ajv/dist/2020.js'
import type {ErrorObject} from 'ajv'
import {DateTime} from 'luxon'
import {describe, expect, it} from 'vitest'
import {AJV_OPTIONS, getAjv, shareRepeated} from '../../src/schema/ajv.js'
import {KINDS} from '../../src/schema/all-kinds.js'
import {isTimezone} from '../../src/util/timezone.js'
import {parseYaml} from '../../src/schema/yaml-source.js'
import {dateIn, isIsoDate, relativeDate} from '../../src/util/dates.js'
import {readFixture} from '../fixtures/index.js'

/** What validate.ts reads of an error; of the parent schema, its hint, description and property names. */
const summary = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? [])
    .map((e) => {
      const parent = (e.parentSchema ?? {}) as {'x-hint'?: unknown; description?: string; properties?: object}
      const {instancePath, keyword, params, data} = e
      return {
        instancePath,
        keyword,
        params,
        data,
        hint: parent['x-hint'],
        description: parent.description,
        properties: Object.keys(parent.properties ?? {}),
      }
    })
    .map((s) => JSON.stringify(s))
    .sort()

describe('shareRepeated', () => {
  const community = KINDS.find((k) => k.kind === 'Community')!.schema

  it('writes a subschema used many times once, under $defs', () => {
    const shared = shareRepeated(community) as {$defs?: object}
    expect(Object.keys(shared.$defs ?? {}).length).toBeGreaterThan(3)
    expect(JSON.stringify(shared).length).toBeLessThan(JSON.stringify(community).length * 0.6)
    expect(shareRepeated({type: 'string'})).toEqual({type: 'string'})
  })

  it('leaves the errors as they were: paths, keywords, params and parent schemas, for every kind', () => {
    const inline = new Ajv2020({...AJV_OPTIONS, inlineRefs: true})
    inline.addFormat('iana-timezone', {type: 'string', validate: isTimezone})
    inline.addKeyword({keyword: 'x-hint', schemaType: 'object'})
    for (const f of ['date', 'date-time', 'uri', 'email', 'time', 'uri-reference']) inline.addFormat(f, true)
    const bad = (value: unknown): unknown =>
      Array.isArray(value)
        ? [...value.map(bad), 7]
        : value && typeof value === 'object'
          ? {...Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bad(v)])), stray: 1}
          : 5
    const docs = [readFixture('community/valid.en.yaml'), readFixture('community/nested-errors.yaml')].map((t) => parseYaml(t, 'x').docs[0].value)
    for (const kind of KINDS) {
      const before = inline.compile(kind.schema)
      const after = getAjv().compile(shareRepeated(kind.schema))
      for (const doc of [...docs, ...docs.map(bad), {}, {kind: kind.kind, stray: [{}]}]) {
        expect(after(doc), kind.kind).toBe(before(doc))
        expect(summary(after.errors), kind.kind).toEqual(summary(before.errors))
      }
    }
  })
})

describe('dates without a date library', () => {
  const old = (spec: string, base: string) => {
    const rel = /^([+-])(\d{1,4})([dw])$/.exec(spec.trim())
    if (rel) {
      const n = Number(rel[2]) * (rel[1] === '-' ? -1 : 1)
      return (
        DateTime.fromISO(base, {zone: 'utc'})
          .plus(rel[3] === 'w' ? {weeks: n} : {days: n})
          .toISODate() ?? undefined
      )
    }
    const d = DateTime.fromISO(spec.trim(), {zone: 'utc'})
    return /^\d{4}-\d{2}-\d{2}$/.test(spec.trim()) && d.isValid ? d.toISODate() : undefined
  }

  it('relativeDate agrees with luxon', () => {
    for (const base of ['2026-12-01', '2024-02-28', '2025-12-31', '2000-01-01', '2024-03-10'])
      for (const spec of ['+1d', '-1d', '+9999d', '-9999w', '+52w', ' +3d ', '2024-02-29', '2023-02-29', '2026-13-01', 'x', '+1m', '2026-1-1'])
        expect(relativeDate(spec, base), `${spec} from ${base}`).toBe(old(spec, base))
  })

  it('isIsoDate agrees with luxon on which YYYY-MM-DD dates exist', () => {
    const dates = [
      '2024-02-29',
      '2023-02-29',
      '2026-12-31',
      '2026-13-01',
      '2026-00-10',
      '2026-04-31',
      '0000-01-01',
      '9999-12-31',
      '2026-1-1',
      '20260101',
      ' 2026-01-01',
      '',
    ]
    for (let m = 1; m <= 12; m++)
      for (const d of [0, 1, 28, 29, 30, 31, 32]) dates.push(`2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`)
    for (const text of dates) expect(isIsoDate(text), text).toBe(/^\d{4}-\d{2}-\d{2}$/.test(text) && DateTime.fromISO(text, {zone: 'utc'}).isValid)
  })

  it('dateIn agrees with luxon across zones and years', () => {
    for (const zone of ['Asia/Shanghai', 'America/New_York', 'UTC', 'Pacific/Kiritimati', 'Pacific/Pago_Pago'])
      for (let t = 0; t < 2e12; t += 3.3e10) expect(dateIn(new Date(t), zone)).toBe(DateTime.fromMillis(t).setZone(zone).toISODate())
  })

  it('dateIn leaves TZ as it found it, set or not, and reads an unknown zone as UTC', () => {
    const saved = process.env.TZ
    try {
      process.env.TZ = 'America/New_York'
      expect(dateIn(new Date(Date.UTC(2026, 0, 1, 3)), 'Asia/Shanghai')).toBe('2026-01-01')
      expect(process.env.TZ).toBe('America/New_York')
      expect(new Date(Date.UTC(2026, 0, 1, 3)).getDate()).toBe(31)
      delete process.env.TZ
      expect(dateIn(new Date(Date.UTC(2026, 0, 1, 23)), 'Mars/Base')).toBe('2026-01-01')
      expect('TZ' in process.env).toBe(false)
    } finally {
      if (saved === undefined) delete process.env.TZ
      else process.env.TZ = saved
    }
  })

  it('isTimezone: canonical names, aliases and UTC yes; unknown names no', () => {
    for (const yes of ['Asia/Shanghai', 'US/Eastern', 'UTC', 'Etc/GMT+5']) expect(isTimezone(yes), yes).toBe(true)
    for (const no of ['Mars/Base', '', 'Asia/Shang hai', 'local']) expect(isTimezone(no), no).toBe(false)
  })
})

describe('yaml, the parser with positions', () => {
  it('is not loaded for a valid file nor to place a problem in it, and is for a file js-yaml cannot read', () => {
    const require = createRequire(import.meta.url)
    const loaded = () => Object.keys(require.cache).some((f) => /[\\/]node_modules[\\/]yaml[\\/]dist[\\/]index\.js$/.test(f))
    for (const f of Object.keys(require.cache)) if (/[\\/]node_modules[\\/]yaml[\\/]/.test(f)) delete require.cache[f]
    const parsed = parseYaml(readFixture('community/valid.en.yaml'), 'c.yaml')
    expect(parsed.docs).toHaveLength(1)
    expect(loaded()).toBe(false)
    // problems are placed from the positions js-yaml's parse recorded
    expect(parsed.docs[0].locate('/name')).toMatchObject({line: expect.any(Number)})
    expect(loaded()).toBe(false)
    const broken = parseYaml('name: [1, 2\nother: x\n', 'bad.yaml')
    expect(broken.problems.length + broken.docs.length).toBeGreaterThan(0)
    expect(loaded()).toBe(true)
  })
})
