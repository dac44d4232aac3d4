/**
 * Property tests of what reads user input: YAML files (problems located inside the file), CSV (records kept, never a
 * throw), cadences (a located error or sorted occurrences inside the range) and the metric invariants over any
 * events. COMMOPS_PROPERTY_RUNS sets the number of cases of each (100 by default; 10000 for a thorough run).
 */
import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {CadenceError, expandCadence, parseCadence} from '../../src/calendar/cadence.js'
import {EVENT_TYPES} from '../../src/events/types.js'
import type {ResolvedEvent} from '../../src/events/stats.js'
import {eventMetrics} from '../../src/metrics/engine.js'
import {resolvePeriods} from '../../src/metrics/period.js'
import {KINDS} from '../../src/schema/all-kinds.js'
import {validateText} from '../../src/schema/validate.js'
import {metricScore, weightedMean} from '../../src/scorecard/score.js'
import {parseCsv, readCsv} from '../../src/survey/csv.js'

const RUNS = {numRuns: Number(process.env.COMMOPS_PROPERTY_RUNS ?? 100)}
/** Long runs of many cases: the budget of one property (vitest's default would stop a 10,000-case run). */
const TIMEOUT = Math.max(60_000, RUNS.numRuns * 50)

const soup = (tokens: string[], max = 12) => fc.array(fc.constantFrom(...tokens), {maxLength: max}).map((t) => t.join(''))

describe('YAML problems point inside the file', () => {
  const VALID = [
    'apiVersion: commops/v1',
    'kind: Community',
    'name: Demo',
    'locale: en',
    'timezone: UTC',
    'platforms:',
    '  - id: discord',
    '    type: discord',
    '    name: Demo Discord',
    '    channels:',
    '      - {id: general, name: "#general"}',
    'pillars:',
    '  - id: p',
    '    name: "P"',
    '    cadence: weekly on mon 10:00',
    '',
  ].join('\n')
  const TOKENS = [
    ': ',
    ':',
    '- ',
    '  ',
    '\t',
    '\n',
    '[',
    ']',
    '{',
    '}',
    ',',
    '"',
    "'",
    '&a ',
    '*a',
    '!!int ',
    '#',
    '? ',
    '|',
    '>',
    'x',
    'kind',
    '__proto__',
    '%',
    '@',
    '\u0000',
    '---\n',
  ]

  it(
    'any edit of a valid file: no throw, every problem at a line and column of the file',
    () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.nat(VALID.length), soup(TOKENS, 4)), {minLength: 1, maxLength: 4}), (edits) => {
          let text = VALID
          for (const [at, insert] of edits) text = text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1))
          const {problems} = validateText(text, 'x.yaml', 'en', KINDS)
          const lines = text.split(/\r\n|\n|\r/)
          for (const p of problems) {
            expect(p.line, `${p.rule} in ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(1)
            expect(p.line, `${p.rule} in ${JSON.stringify(text)}`).toBeLessThanOrEqual(lines.length)
            expect(p.col, `${p.rule} in ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(1)
            expect(p.col, `${p.rule} in ${JSON.stringify(text)}`).toBeLessThanOrEqual(lines[p.line - 1].length + 1)
            expect(p.message).not.toMatch(/commops bug|Maximum call stack|undefined/)
          }
        }),
        RUNS,
      )
    },
    TIMEOUT,
  )
})

describe('CSV', () => {
  const cell = fc.string({unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', '\r', '中', '😀', '=', '1')})
  const quote = (c: string) => (/[",\r\n]/.test(c) || c.trim() !== c ? `"${c.replace(/"/g, '""')}"` : c)
  /** The 1-based line of a character offset: CR LF, LF and a lone CR each end a line. */
  const lineOf = (text: string, offset: number) => text.slice(0, offset).split(/\r\n|\n|\r/).length

  it(
    'a well-formed file: the header and every row, with the line each row starts on, whatever the line ends and empty lines',
    () => {
      fc.assert(
        fc.property(
          fc.integer({min: 2, max: 5}).chain((width) =>
            fc.tuple(
              fc.array(
                cell.filter((c) => c.trim() !== ''),
                {minLength: width, maxLength: width},
              ),
              fc.array(fc.tuple(fc.array(cell, {minLength: width, maxLength: width}), fc.nat(2)), {maxLength: 20}),
            ),
          ),
          fc.constantFrom('\n', '\r\n', '\r'),
          fc.nat(2),
          ([header, rows], eol, leading) => {
            let text = eol.repeat(leading)
            const starts: number[] = []
            for (const [cells, empty] of [[header, 0] as const, ...rows]) {
              text += eol.repeat(empty)
              starts.push(text.length)
              text += cells.map(quote).join(',') + eol
            }
            const parsed = parseCsv(text)
            expect(parsed.problems).toEqual([])
            expect(parsed.header).toEqual(header.map((h) => h.trim()))
            expect(parsed.headerLine).toBe(lineOf(text, starts[0]))
            expect(parsed.rows.map((r) => r.cells)).toEqual(rows.map(([cells]) => cells))
            expect(parsed.rows.map((r) => r.line)).toEqual(starts.slice(1).map((s) => lineOf(text, s)))
          },
        ),
        RUNS,
      )
    },
    TIMEOUT,
  )

  it('a quote never closed is reported on the line its record starts, over any line ends', () => {
    expect(parseCsv('"\r\n\r\na').problems.map((p) => p.line)).toEqual([1])
    expect(parseCsv('q,n\r\n1,2\r\n\r\n"open\r\nstill,open\r\n').problems).toEqual([
      {line: 4, reason: {key: 'survey.ingest.quoteNotClosed', params: {}}},
    ])
    expect(parseCsv('q,n\n1,2\n\n3,"a\r\nb"\n5,"\n').problems.map((p) => p.line)).toEqual([6])
  })

  it(
    'any text: no throw, problems on lines of the file',
    () => {
      fc.assert(
        fc.property(fc.string({unit: fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', ' ', '\u0000', 'é')}), (text) => {
          const parsed = parseCsv(text)
          const lines = text.split(/\r\n|\n|\r/).length
          for (const p of parsed.problems) expect(p.line).toBeGreaterThanOrEqual(1)
          for (const p of parsed.problems) expect(p.line).toBeLessThanOrEqual(lines + 1)
          for (const r of parsed.rows) expect(r.cells.length).toBe(parsed.header.length)
        }),
        RUNS,
      )
    },
    TIMEOUT,
  )
})

/** readCsv's visits gathered into parseCsv's table. */
function readAll(text: string, utf8?: Buffer) {
  const table = {header: [] as string[], headerLine: 1, rows: [] as Array<{line: number; cells: string[]}>}
  const {problems, delimiter} = readCsv(
    text,
    {
      header: (cells, line) => Object.assign(table, {header: cells, headerLine: line}),
      row: (cells, line) => table.rows.push({line, cells}),
    },
    utf8,
  )
  return {...table, problems, delimiter}
}

describe('readCsv (record by record)', () => {
  it(
    'reads any text as parseCsv does: the same header, rows, lines and problems',
    () => {
      fc.assert(
        fc.property(fc.string({unit: fc.constantFrom('a', ',', ';', '\t', '"', '\n', '\r', ' ', 'é', '中', '😀')}), (text) => {
          expect(readAll(text)).toEqual(parseCsv(text))
          // csv-parse reading the file's UTF-8 bytes instead of the text reads the same
          expect(readAll(text, Buffer.from(text))).toEqual(parseCsv(text))
        }),
        RUNS,
      )
    },
    TIMEOUT,
  )
})

describe('cadences', () => {
  const TOKENS = [
    'FREQ=',
    'DAILY',
    'WEEKLY',
    'MONTHLY',
    'YEARLY',
    'SECONDLY',
    ';',
    'INTERVAL=',
    'BYDAY=',
    'MO',
    'TH',
    '-1FR',
    ',',
    'BYHOUR=',
    'BYMINUTE=',
    'COUNT=',
    'UNTIL=',
    '20261231',
    '0',
    '2',
    '13',
    '99999',
    'RRULE:',
    'weekly',
    'daily',
    'monthly',
    ' on ',
    'mon',
    'tue',
    '1st',
    'last',
    ' ',
    '20:00',
    '25:61',
    '/week',
    '/day',
    'every ',
    ' days',
    '每周',
    '一',
    '每天',
    '每月',
    '号',
  ]
  const day = fc.integer({min: 0, max: 400}).map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10))

  it(
    'parse: a cadence or a located CadenceError; expand: sorted occurrences inside the range',
    () => {
      fc.assert(
        fc.property(soup(TOKENS), day, fc.integer({min: 0, max: 120}), (text, from, days) => {
          let cadence
          try {
            cadence = parseCadence(text)
          } catch (error) {
            expect(error).toBeInstanceOf(CadenceError)
            const offset = (error as CadenceError).offset
            expect(offset).toBeGreaterThanOrEqual(0)
            expect(offset).toBeLessThanOrEqual(text.length)
            return
          }
          const to = new Date(Date.parse(from) + days * 86_400_000).toISOString().slice(0, 10)
          const occurrences = expandCadence(cadence, from, to)
          const keys = occurrences.map((o) => `${o.date} ${o.time}`)
          expect(keys).toEqual([...keys].sort())
          for (const o of occurrences) {
            expect(o.date >= from && o.date <= to, `${o.date} outside ${from}..${to} for ${text}`).toBe(true)
            expect(o.time).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/)
          }
        }),
        RUNS,
      )
    },
    TIMEOUT,
  )
})

describe('metric invariants', () => {
  // DESIGN.md, "Metric definitions": `dau` = mean over every calendar day of the period of that day's distinct actives;
  // `mau` = distinct actives in the 30 days ending on the period's last day. DAU ≤ MAU is therefore not an invariant of
  // a period longer than 30 days: in a 31-day month (or a quarter), activity on the 1st alone gives DAU 1/31 and MAU 0.
  // What the definitions do imply, and what is tested here, for every period:
  // - DAU ≤ active_members (each day's actives are actives of the period), and WAU ≤ MAU (7 days inside the 30);
  // - the mean daily actives over MAU's own 30 days ≤ MAU, i.e. stickiness ≤ 1;
  // - a period of at most 30 days lies inside MAU's window, so there DAU ≤ MAU.
  const PERIODS = ['2026-02', '2026-10', '2026-11', '2026-12', '2026-W44', '2026-Q4', '2026-11-15'].map(
    (p) => resolvePeriods({period: p}, '2030-01-01', 'Asia/Shanghai')[0],
  )
  const custom = fc
    .tuple(fc.integer({min: 0, max: 20}), fc.integer({min: 0, max: 45}))
    .map(([start, length]) => resolvePeriods({from: dayOf(start), to: dayOf(start + length)}, '2030-01-01', 'Asia/Shanghai')[0])
  const period = fc.oneof(fc.constantFrom(...PERIODS), custom)
  const event = fc.record({
    day: fc.integer({min: -100, max: 60}),
    minute: fc.integer({min: 0, max: 24 * 60 - 1}),
    type: fc.constantFrom(...EVENT_TYPES),
    member: fc.constantFrom('discord:a', 'discord:b', 'qq:1', 'qq:2', 'slack:U1', 'csv:小王'),
  })
  /** Day `n` after 2026-11-01 (UTC), `YYYY-MM-DD`. */
  function dayOf(n: number): string {
    return new Date(Date.UTC(2026, 10, 1) + n * 86_400_000).toISOString().slice(0, 10)
  }
  const ts = (day: number, minute: number) =>
    new Date(Date.UTC(2026, 10, 1) + day * 86_400_000 + minute * 60_000).toISOString().replace('Z', '+00:00')
  const lengthOf = (p: {from: string; to: string}) => (Date.parse(p.to) - Date.parse(p.from)) / 86_400_000 + 1

  it('in a 31-day month DAU may exceed MAU, exactly as DESIGN.md defines them', async () => {
    const october = resolvePeriods({period: '2026-10'}, '2030-01-01', 'Asia/Shanghai')[0]
    const events: ResolvedEvent[] = [{ts: '2026-10-01T10:00:00+08:00', type: 'post', member: 'qq:1', person: 'qq:1', src: 's1'}]
    const v = Object.fromEntries((await eventMetrics(events, {period: october})).map((m) => [m.id, m.value]))
    expect(v.dau).toBeCloseTo(1 / 31)
    expect(v.mau).toBe(0)
    expect(v.active_members).toBe(1)
  })

  it(
    'DAU ≤ active members, WAU ≤ MAU, stickiness ≤ 1, DAU ≤ MAU for periods of at most 30 days; ratios in 0–1, counts not negative',
    async () => {
      await fc.assert(
        fc.asyncProperty(period, fc.array(event, {maxLength: 60}), async (p, generated) => {
          const events: ResolvedEvent[] = generated
            .map((e, i) => ({ts: ts(e.day, e.minute), type: e.type, member: e.member, person: e.member, src: `s${i}`}))
            .sort((a, b) => a.ts.localeCompare(b.ts))
          const v = Object.fromEntries((await eventMetrics(events, {period: p})).map((m) => [m.id, m.value]))
          const has = (id: string) => typeof v[id] === 'number'
          if (has('dau') && has('active_members')) expect(v.dau).toBeLessThanOrEqual(v.active_members!)
          if (has('wau') && has('mau')) expect(v.wau).toBeLessThanOrEqual(v.mau!)
          if (has('dau') && has('mau') && lengthOf(p) <= 30) expect(v.dau, `${p.label}, ${lengthOf(p)} days`).toBeLessThanOrEqual(v.mau!)
          for (const id of ['stickiness', 'retention_d7', 'retention_d30', 'response_rate_24h']) {
            if (v[id] === null || v[id] === undefined) continue
            expect(v[id], id).toBeGreaterThanOrEqual(0)
            expect(v[id], id).toBeLessThanOrEqual(1)
          }
          for (const id of ['members_total', 'new_members', 'active_members', 'dau', 'wau', 'mau'])
            if (v[id] !== null && v[id] !== undefined) expect(v[id], id).toBeGreaterThanOrEqual(0)
        }),
        RUNS,
      )
    },
    TIMEOUT,
  )

  it(
    'scores are between 0 and 100, their weighted mean too',
    () => {
      const num = fc.double({min: -1e6, max: 1e6, noNaN: true})
      fc.assert(
        fc.property(
          fc.array(
            fc.tuple(
              num,
              num,
              fc.option(num, {nil: undefined}),
              fc.constantFrom('up' as const, 'down' as const),
              fc.double({min: -1, max: 10, noNaN: true}),
            ),
            {
              maxLength: 8,
            },
          ),
          (metrics) => {
            const scores = metrics.map(([value, target, zeroAt, direction, weight]) => ({
              score: metricScore(value, {target, direction, zeroAt}),
              weight,
            }))
            for (const {score} of scores) {
              expect(score).toBeGreaterThanOrEqual(0)
              expect(score).toBeLessThanOrEqual(100)
            }
            const mean = weightedMean(scores)
            if (mean !== null) {
              expect(mean).toBeGreaterThanOrEqual(0)
              expect(mean).toBeLessThanOrEqual(100)
            }
          },
        ),
        RUNS,
      )
    },
    TIMEOUT,
  )
})
