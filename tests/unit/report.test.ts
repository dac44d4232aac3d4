import {Ajv} from 'ajv'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import type {Problem} from '../../src/schema/problem.js'
import {hangingWrap} from '../../src/cli/wrap.js'
import {formatGithub, formatJson, formatJunit, formatSarif, formatText, type Report} from '../../src/schema/report.js'
import {checkXml, sarifSubset} from '../helpers/report-checks.js'
import {validateText} from '../helpers/validate.js'
import {positionOf, readFixture} from '../fixtures/index.js'

/** A real report: the nested-errors fixture (3 problems) plus a clean file. */
function realReport(): Report {
  const text = readFixture('community/nested-errors.yaml')
  const {problems} = validateText(text, 'community.yaml', 'en')
  return {files: ['community.yaml', 'playbooks/ok.yaml'], problems, valid: false}
}

/** Problems with every character the formats must escape. */
const nasty: Problem[] = [
  {
    file: 'dir, with comma/a:b.yaml',
    line: 3,
    col: 5,
    path: '/x',
    rule: 'schema.type',
    message: 'line one\nline two, 100% <b>&"\'',
    hint: 'use <this> & "that"',
    severity: 'error',
  },
  {file: 'ok.yaml', line: 1, col: 1, path: '', rule: 'yaml.syntax', message: 'plain', severity: 'warning'},
]

describe('formatText', () => {
  it('starts each problem with file:line:col and puts the hint beneath', () => {
    const report = realReport()
    const out = formatText(report, {hint: 'Hint'})
    const heads = out.split('\n').filter((l) => !l.startsWith(' '))
    expect(heads).toHaveLength(3)
    for (const p of report.problems) {
      expect(out).toContain(`${p.file}:${p.line}:${p.col}  error  ${p.message} (${p.path})  [${p.rule}]\n    Hint: ${p.hint}`)
    }
  })
})

describe('formatText on a terminal', () => {
  it('wraps a long hint to the width, its later lines under its text; the problem line stays whole', () => {
    const hint = `Allowed here: ${Array.from({length: 20}, (_, i) => `property${i}`).join(', ')}.`
    const report: Report = {
      files: ['community.yaml'],
      problems: [
        {
          file: 'community.yaml',
          line: 8,
          col: 1,
          path: '/colour',
          rule: 'schema.additionalProperties',
          message: 'Unknown property',
          hint,
          severity: 'error',
        },
      ],
      valid: false,
    }
    const lines = formatText(report, {hint: 'Hint', wrapHint: hangingWrap(60)}).split('\n')
    expect(lines[0]).toBe('community.yaml:8:1  error  Unknown property (/colour)  [schema.additionalProperties]')
    expect(lines[1].startsWith('    Hint: Allowed here: property0,')).toBe(true)
    for (const line of lines.slice(1)) expect(line.length).toBeLessThanOrEqual(60)
    for (const line of lines.slice(2)) expect(line).toMatch(/^ {10}\S/)
    expect(
      lines
        .slice(1)
        .map((l) => l.trim())
        .join(' '),
    ).toBe(`Hint: ${hint}`)
    // a pipe (no width): one line, as before
    expect(formatText(report, {hint: 'Hint', wrapHint: hangingWrap(undefined)}).split('\n')).toHaveLength(2)
  })
})

describe('formatJson', () => {
  it('parses, and every problem carries file, line, col, path, rule, message and hint', () => {
    const report = realReport()
    const parsed = JSON.parse(formatJson(report)) as {valid: boolean; files: string[]; problems: Problem[]}
    expect(parsed.valid).toBe(false)
    expect(parsed.files).toEqual(report.files)
    expect(parsed.problems).toHaveLength(3)
    const text = readFixture('community/nested-errors.yaml')
    const age = parsed.problems.find((p) => p.path === '/audience/personas/1/ageRange')
    expect(age).toMatchObject({file: 'community.yaml', ...positionOf(text, '18-65'), rule: 'schema.type', severity: 'error'})
    for (const p of parsed.problems) {
      expect(Object.keys(p)).toEqual(expect.arrayContaining(['file', 'line', 'col', 'path', 'rule', 'message', 'hint', 'severity']))
    }
  })
})

describe('formatGithub', () => {
  it('prints one workflow command per problem with its location', () => {
    const report = realReport()
    const lines = formatGithub(report).split('\n')
    expect(lines).toHaveLength(3)
    for (const [i, line] of lines.entries()) {
      const p = report.problems[i]
      expect(line).toMatch(/^::error file=.+,line=\d+,col=\d+/)
      expect(line.startsWith(`::error file=community.yaml,line=${p.line},col=${p.col},title=${p.rule}::${p.message}`)).toBe(true)
    }
  })

  it('escapes newlines, percent signs, and commas and colons in properties, keeping one line per problem', () => {
    const lines = formatGithub({files: ['ok.yaml'], problems: nasty, valid: false}).split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^::error file=dir%2C with comma\/a%3Ab\.yaml,line=3,col=5,title=schema\.type::/)
    const data = lines[0].slice(lines[0].indexOf('::', 2) + 2)
    expect(data).toContain('line one%0Aline two, 100%25')
    expect(data).not.toMatch(/[\r\n]/)
    expect(lines[1]).toMatch(/^::warning file=ok\.yaml,line=1,col=1/)
  })
})

describe('formatJunit', () => {
  it('is well-formed XML with one test case per file and one failure per error', () => {
    const report = realReport()
    const {root, elements} = checkXml(formatJunit(report))
    expect(root).toBe('testsuites')
    const cases = elements.filter((e) => e.name === 'testcase')
    expect(cases.map((c) => c.attrs.name)).toEqual(report.files)
    const failures = elements.filter((e) => e.name === 'failure')
    expect(failures).toHaveLength(3)
    for (const p of report.problems) {
      expect(failures.some((f) => f.text.includes(`${p.file}:${p.line}:${p.col}`) && f.attrs.type === p.rule)).toBe(true)
    }
    expect(elements.find((e) => e.name === 'testsuite')?.attrs).toMatchObject({tests: '2', failures: '1'})
  })

  it('escapes markup in messages, hints and file names; warnings are not failures', () => {
    const {elements} = checkXml(formatJunit({files: ['dir, with comma/a:b.yaml', 'ok.yaml'], problems: nasty, valid: false}))
    const failures = elements.filter((e) => e.name === 'failure')
    expect(failures).toHaveLength(1)
    expect(failures[0].attrs.message).toBe('line one\nline two, 100% &lt;b&gt;&amp;&quot;&apos;')
  })
})

interface SarifResult {
  ruleId: string
  ruleIndex: number
  level: string
  message: {text: string}
  locations: Array<{
    physicalLocation: {artifactLocation: {uri: string; uriBaseId: string}; region: {startLine: number; startColumn: number}}
    logicalLocations?: Array<{fullyQualifiedName: string}>
  }>
}
interface Sarif {
  version: string
  runs: Array<{tool: {driver: {name: string; rules: Array<{id: string}>}}; originalUriBaseIds: Record<string, {uri: string}>; results: SarifResult[]}>
}

describe('formatSarif', () => {
  const baseDir = path.join(path.sep, 'work', 'repo')

  it('is SARIF 2.1.0 whose results carry the problems’ locations', async () => {
    const addFormats = (await import('ajv-formats')).default as unknown as (ajv: Ajv) => Ajv
    const ajv = addFormats(new Ajv({allErrors: true, strict: false}))
    const report = realReport()
    const sarif = JSON.parse(formatSarif(report, {version: '0.1.0', baseDir})) as Sarif
    const validate = ajv.compile(sarifSubset)
    expect(validate(sarif), JSON.stringify(validate.errors)).toBe(true)

    const run = sarif.runs[0]
    expect(run.tool.driver.name).toBe('commops')
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe('file:///work/repo/')
    expect(run.results).toHaveLength(report.problems.length)
    for (const [i, result] of run.results.entries()) {
      const p = report.problems[i]
      const loc = result.locations[0]
      expect(loc.physicalLocation.region).toEqual({startLine: p.line, startColumn: p.col})
      expect(loc.physicalLocation.artifactLocation).toEqual({uri: 'community.yaml', uriBaseId: 'SRCROOT'})
      expect(loc.logicalLocations?.[0].fullyQualifiedName).toBe(p.path)
      expect(result.ruleId).toBe(p.rule)
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(p.rule)
      expect(result.level).toBe('error')
      expect(result.message.text).toContain(p.message)
    }
  })

  it('makes absolute file paths relative to the base folder and percent-encodes URIs', () => {
    const report: Report = {
      files: [path.join(baseDir, 'configs', '米粉 club.yaml')],
      problems: [{...nasty[1], file: path.join(baseDir, 'configs', '米粉 club.yaml')}],
      valid: true,
    }
    const sarif = JSON.parse(formatSarif(report, {version: '0.1.0', baseDir})) as Sarif
    const result = sarif.runs[0].results[0]
    expect(result.level).toBe('warning')
    expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe(`configs/${encodeURIComponent('米粉 club.yaml')}`)
    expect(result.locations[0].logicalLocations).toBeUndefined()
  })
})
