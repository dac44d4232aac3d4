import path from 'node:path'
import type {Problem} from './problem.js'

export const REPORT_FORMATS = ['text', 'json', 'github', 'junit', 'sarif'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

export interface Report {
  files: string[]
  problems: Problem[]
  valid: boolean
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;')

/** GitHub workflow commands escape %, CR and LF in data, and also : and , in properties. */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C')

/**
 * `file:line:col  message` lines with the hint beneath, for people. `wrapHint` (on a terminal) fits a hint to it,
 * its lines after the first indented under its text; without it, each hint is one line.
 */
export function formatText(report: Report, labels: {hint: string; wrapHint?: (prefix: string, text: string) => string}): string {
  return report.problems
    .map((p) => {
      const where = `${p.file}:${p.line}:${p.col}`
      const at = p.path ? ` (${p.path})` : ''
      const head = `${where}  ${p.severity}  ${p.message}${at}  [${p.rule}]`
      const prefix = `    ${labels.hint}: `
      return p.hint ? `${head}\n${labels.wrapHint ? labels.wrapHint(prefix, p.hint) : prefix + p.hint}` : head
    })
    .join('\n')
}

/** The report as one JSON document. */
export function formatJson(report: Report): string {
  return JSON.stringify({valid: report.valid, files: report.files, problems: report.problems}, null, 2)
}

/** GitHub Actions annotations: `::error file=,line=,col=,title=::message`. */
export function formatGithub(report: Report): string {
  return report.problems
    .map((p) => {
      const message = p.hint ? `${p.message} — ${p.hint}` : p.message
      return `::${p.severity === 'warning' ? 'warning' : 'error'} file=${ghProp(p.file)},line=${p.line},col=${p.col},title=${ghProp(p.rule)}::${ghData(message)}`
    })
    .join('\n')
}

/** Options of the JUnit writer: `cases` names the test cases instead of the files, a problem going to the case of its `path`. */
export interface JunitOptions {
  strict?: boolean
  /** The suite's name (default `commops validate`). */
  name?: string
  cases?: string[]
}

/** JUnit XML: one test case per file (or per name of `cases`), one failure per error; warnings in the case's output (failures too with `strict`). */
export function formatJunit(report: Report, options: JunitOptions = {}): string {
  const name = options.name ?? 'commops validate'
  const classname = name.replace(/\s+/g, '.')
  const caseOf = (p: Problem) => (options.cases ? p.path : p.file)
  const byFile = new Map<string, Problem[]>((options.cases ?? report.files).map((f) => [f, []]))
  for (const p of report.problems) byFile.set(caseOf(p), [...(byFile.get(caseOf(p)) ?? []), p])
  const fails = (p: Problem) => p.severity === 'error' || Boolean(options.strict)
  const failures = [...byFile.values()].filter((ps) => ps.some(fails)).length
  const describe = (p: Problem) => `${p.file}:${p.line}:${p.col} ${p.severity} ${p.message}${p.hint ? `\nHint: ${p.hint}` : ''}`
  const cases = [...byFile.entries()].map(([file, ps]) => {
    const failed = ps.filter(fails).map((p) => `      <failure message="${xml(p.message)}" type="${xml(p.rule)}">${xml(describe(p))}</failure>`)
    const warnings = ps.filter((p) => p.severity === 'warning').map(describe)
    const out = warnings.length ? [`      <system-out>${xml(warnings.join('\n'))}</system-out>`] : []
    const body = [...failed, ...out].join('\n')
    const where = options.cases ? ps[0]?.file : file
    const attrs = `classname="${xml(classname)}" name="${xml(file)}"${where ? ` file="${xml(where)}"` : ''}`
    return body ? `    <testcase ${attrs}>\n${body}\n    </testcase>` : `    <testcase ${attrs}/>`
  })
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(name)}" tests="${byFile.size}" failures="${failures}">`,
    `  <testsuite name="${xml(name)}" tests="${byFile.size}" failures="${failures}" errors="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
  ].join('\n')
}

/** SARIF 2.1.0 with one run, rules from the problems' rule ids, and physical locations relative to the base folder. */
export function formatSarif(report: Report, options: {version: string; baseDir: string}): string {
  const ruleIds = [...new Set(report.problems.map((p) => p.rule))].sort()
  const toUri = (file: string) => {
    const rel = path.isAbsolute(file) ? path.relative(options.baseDir, file) : file
    return rel.split(path.sep).map(encodeURIComponent).join('/')
  }
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'commops',
            version: options.version,
            informationUri: 'https://www.npmjs.com/package/commops',
            rules: ruleIds.map((id) => ({id, shortDescription: {text: id}})),
          },
        },
        originalUriBaseIds: {SRCROOT: {uri: 'file://' + encodeURI(options.baseDir.replace(/\\/g, '/').replace(/\/?$/, '/'))}},
        artifacts: report.files.map((f) => ({location: {uri: toUri(f), uriBaseId: 'SRCROOT'}})),
        results: report.problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: ruleIds.indexOf(p.rule),
          level: p.severity === 'warning' ? 'warning' : 'error',
          message: {text: p.hint ? `${p.message}. ${p.hint}` : p.message},
          locations: [
            {
              physicalLocation: {
                artifactLocation: {uri: toUri(p.file), uriBaseId: 'SRCROOT'},
                region: {startLine: p.line, startColumn: p.col},
              },
              ...(p.path ? {logicalLocations: [{fullyQualifiedName: p.path, kind: 'member'}]} : {}),
            },
          ],
        })),
      },
    ],
  }
  return JSON.stringify(sarif, null, 2)
}
