/**
 * Generated bad YAML documents for `commops validate`, all checked in one process: each case is one file, the
 * rule (or part of it) of the error it must produce, and why it is there.
 */

export interface YamlCase {
  /** The file name inside the corpus folder. */
  file: string
  text: string
  /** A fragment of the `rule` of one of the file's errors. */
  rule: string
}

const HEAD = {
  Community: 'apiVersion: commops/v1\nkind: Community\nname: Demo\nlocale: en\ntimezone: UTC\n',
  Playbook: 'apiVersion: commops/v1\nkind: Playbook\nname: p\nphase: maintain\n',
  Survey: 'apiVersion: commops/v1\nkind: Survey\nkey: s\ntitle: S\n',
  RuleSet: 'apiVersion: commops/v1\nkind: RuleSet\nname: r\n',
}

const note = (message: string) => `steps:\n  - id: a\n    uses: note\n    with: {message: ${JSON.stringify(message)}}\n`

const cases: YamlCase[] = []
const add = (file: string, text: string, rule: string) => cases.push({file: `${file}.yaml`, text, rule})

// YAML syntax: unclosed collections and quotes, bad indentation, tabs, stray characters
const SYNTAX = [
  'a: [1, 2\n',
  'a: {b: 1\n',
  'a: "open\n',
  "a: 'open\n",
  'a:\n  b: 1\n c: 2\n',
  'a:\n\tb: 1\n',
  'a: b: c\n',
  '- a\nb: c\n',
  'a: @x\n',
  'a: `x`\n',
  'a: |\n b\nc\n  d: [\n',
  '? [a\n',
  '&a a: *b\n',
  'a: *nowhere\n',
  '{a: 1}}\n',
  'a: [1]]\n',
  '"a": "b" "c"\n',
  'a: !!binary "%%%"\nb: !!int x\n',
  // (`key: value\n  - item` is valid YAML: the item continues the plain scalar, `value - item`)
  'key: value\n- item\n',
  '%YAML 9.9\n---\na: 1\n',
  '--- !<tag:x> a\n--- [\n',
]
SYNTAX.forEach((text, i) => add(`syntax-${String(i).padStart(2, '0')}`, text, 'yaml.'))
// a NUL first: read as UTF-16 (a NUL beside each ASCII byte), which commops does not read
add('syntax-21', '\u0000a: 1\n', 'encoding.notUtf8')

// duplicate keys, at the top and nested, in every kind
for (const [kind, head] of Object.entries(HEAD)) {
  add(`dup-top-${kind}`, `${head}name: again\nname: thrice\n`, 'duplicateKey')
  add(`dup-nested-${kind}`, `${head}x:\n  a: 1\n  a: 2\n`, 'duplicateKey')
}
add('dup-flow', 'apiVersion: commops/v1\nkind: Community\n{a: 1, a: 2}: x\n', 'yaml.')
add('dup-quoted', 'apiVersion: commops/v1\nkind: Community\n"name": a\nname: b\n', 'duplicateKey')

// wrong types of well-known fields
const WRONG: Array<[keyof typeof HEAD, string, string]> = [
  ['Community', 'timezone', '5'],
  ['Community', 'timezone', '[UTC]'],
  ['Community', 'locale', 'fr'],
  ['Community', 'locale', '{}'],
  ['Community', 'platforms', '"discord"'],
  ['Community', 'platforms', '[{id: 1}]'],
  ['Community', 'goals', '"grow"'],
  ['Community', 'pillars', '7'],
  ['Community', 'founded', 'yesterday'],
  ['Community', 'type', 'rocket'],
  ['Playbook', 'phase', 'someday'],
  ['Playbook', 'steps', '{}'],
  ['Playbook', 'steps', '[1, 2]'],
  ['Playbook', 'steps', '[{id: a}]'],
  ['Playbook', 'steps', '[{id: "a b", uses: note, with: {message: x}}]'],
  ['Playbook', 'steps', '[{id: a, uses: note, with: "x"}]'],
  ['Playbook', 'steps', '[{id: a, uses: note, with: {message: x}, needs: a}]'],
  ['Playbook', 'steps', '[{id: a, uses: note, with: {message: x}, when: [1]}]'],
  ['Playbook', 'vars', '[a, b]'],
  ['Playbook', 'vars', '{start: {type: date, default: 2026-02-30}}'],
  ['Playbook', 'vars', '{n: {type: number, default: many}}'],
  ['Playbook', 'vars', '{n: {type: kitten}}'],
  ['Survey', 'questions', '"q"'],
  ['Survey', 'questions', '[{id: q1, type: telepathy}]'],
  ['Survey', 'questions', '[{id: q1, type: likert, scale: -3}]'],
  ['RuleSet', 'ladder', '"mute"'],
  ['RuleSet', 'rules', '5'],
]
WRONG.forEach(([kind, field, value], i) => add(`type-${kind}-${field}-${i}`, `${HEAD[kind]}${field}: ${value}\n`, ''))

// unknown or missing kinds and versions
const KINDS = [
  'kind: Nope',
  'kind: 5',
  'kind: [Community]',
  'kind: community',
  'kind: ""',
  'kind: __proto__',
  'kind: constructor',
  'kind: Playbook\nkind: Community',
]
KINDS.forEach((k, i) => add(`kind-${i}`, `apiVersion: commops/v1\n${k}\nname: x\n`, ''))
const VERSIONS = ['apiVersion: commops/v2', 'apiVersion: 1', 'apiVersion: ""', '']
VERSIONS.forEach((v, i) => add(`apiversion-${i}`, `${v}\nkind: Community\nname: Demo\nlocale: en\ntimezone: UTC\n`, ''))

// unknown step types
const STEPS = ['nosuch', 'Note', 'note ', '__proto__', 'constructor', 'toString', '../note', 'calendar.generate.x', '', '5']
STEPS.forEach((uses, i) => add(`step-${i}`, `${HEAD.Playbook}steps:\n  - id: a\n    uses: ${JSON.stringify(uses)}\n`, ''))

// prototype keys where a mapping is expected
const PROTO = ['__proto__', 'constructor', 'prototype', '"__proto__"']
PROTO.forEach((k, i) => {
  add(`proto-community-${i}`, `${HEAD.Community}${k}: {polluted: true}\n`, '')
  add(`proto-with-${i}`, `${HEAD.Playbook}steps:\n  - id: a\n    uses: note\n    with: {message: x, ${k}: {polluted: true}}\n`, '')
  add(`proto-vars-${i}`, `${HEAD.Playbook}vars: {${k}: 1}\n${note('x')}`, '')
})

// expression injection and bad expressions
const EXPRS = [
  "${{ constructor.constructor('return 1')() }}",
  '${{ vars.__proto__ }}',
  "${{ vars['__proto__'] }}",
  '${{ vars.constructor }}',
  '${{ process.env.HOME }}',
  "${{ require('fs') }}",
  "${{ eval('1') }}",
  "${{ import('fs') }}",
  '${{ this }}',
  '${{ globalThis }}',
  // (`${{ steps }}` is valid: every step's outputs, as text)
  '${{ a = 1 }}',
  '${{ 1 + 1 }}',
  '${{ `x` }}',
  '${{ vars.x; 1 }}',
  '${{ ',
  '${{ "unclosed }}',
  '${{ (((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))) }}',
  `\${{ '${'x'.repeat(2100)}' }}`,
  '${{ nosuch(1) }}',
  '${{ addDays() }}',
  '${{ steps.later.outputs.x }}',
  '${{ env.SECRET }}',
  '${{ run.__proto__ }}',
]
EXPRS.forEach((e, i) => add(`expr-${String(i).padStart(2, '0')}`, `${HEAD.Playbook}${note(e)}`, ''))

// dates and timezones
const ZONES = ['Mars/Phobos', 'UTC+25', 'Asia/Shanghai ', 'GMT+8:00:00', '../../etc/localtime', 'Etc/GMT+99']
ZONES.forEach((z, i) => add(`timezone-${i}`, `apiVersion: commops/v1\nkind: Community\nname: Demo\nlocale: en\ntimezone: ${JSON.stringify(z)}\n`, ''))
// (0000-01-01 is a valid ISO date: year 0 is 1 BC)
const DATES = ['2026-02-30', '2026-13-01', '99999-01-01', '2026-1-1', 'tomorrow']
DATES.forEach((d, i) => add(`date-${i}`, `${HEAD.Playbook}vars:\n  start: {type: date, default: ${JSON.stringify(d)}}\n${note('x')}`, ''))

// runaway or malformed cadences
const CADENCES = [
  'FREQ=SECONDLY',
  'FREQ=MINUTELY',
  'FREQ=HOURLY;INTERVAL=0',
  'FREQ=DAILY;INTERVAL=-1',
  'FREQ=DAILY;COUNT=999999999',
  'FREQ=YEARLY;BYMONTH=13',
  'FREQ=WEEKLY;BYDAY=XX',
  'RRULE:FREQ=DAILY;UNTIL=99999999T000000Z',
  '1000/day',
  'every 0 days',
  'weekly on funday',
  '每周八 20:00',
]
CADENCES.forEach((c, i) =>
  add(`cadence-${String(i).padStart(2, '0')}`, `${HEAD.Community}pillars:\n  - id: p\n    name: P\n    cadence: ${JSON.stringify(c)}\n`, ''),
)

// deep nesting, alias bombs, big and odd files
add('deep-flow', `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`, 'yaml.')
add('deep-block', `${Array.from({length: 2000}, (_, i) => `${' '.repeat(i)}a:`).join('\n')} 1\n`, 'yaml.')
const laughs = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
for (let i = 1; i < 12; i++)
  laughs.push(
    `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
      .fill(`*${String.fromCharCode(96 + i)}`)
      .join(',')}]`,
  )
add('alias-bomb', `apiVersion: commops/v1\nkind: Community\n${laughs.join('\n')}\n`, 'yaml.')
add('alias-self', 'apiVersion: commops/v1\nkind: Community\na: &x\n  b: *x\n', '')
add('big', `apiVersion: commops/v1\nkind: Community\nname: ${'x'.repeat(12_000_000)}\n`, '')
add('many-keys', `apiVersion: commops/v1\nkind: Community\n${Array.from({length: 60_000}, (_, i) => `k${i}: ${i}`).join('\n')}\n`, '')
add('bom-utf16', '\uFEFFapiVersion: commops/v1\nkind: Nope\n', '')
add('only-comment', '# nothing here\n', '')
add('scalar', 'just a string\n', '')
add('list', '- apiVersion: commops/v1\n- kind: Community\n', '')
add('null-doc', '~\n', '')

// the sections the members commands read: incentives (points, limits, multipliers, levels, badges, honours,
// deductions), engagement levels and goals, hostile or contradictory
const SECTIONS: Array<[string, string, string]> = [
  ['levels-negative', 'incentives:\n  levels:\n    - {level: 1, threshold: -5, title: a}\n', 'schema.minimum'],
  [
    'levels-1e9',
    'incentives:\n  levels:\n    - {level: 1, threshold: 0, title: a}\n    - {level: 2, threshold: 1e9, title: b}\n    - {level: 3, threshold: 5, title: c}\n',
    'levelOrder',
  ],
  ['levels-dup', 'incentives:\n  levels:\n    - {level: 1, threshold: 0, title: a}\n    - {level: 1, threshold: 5, title: b}\n', 'duplicateId'],
  ['points-nan', 'incentives:\n  points: {post: .nan}\n', 'notFinite'],
  ['points-huge', 'incentives:\n  points: {post: 1e308}\n', 'schema.maximum'],
  ['points-proto', 'incentives:\n  points: {__proto__: 5}\n', 'additionalProperties'],
  ['limits-negative', 'incentives:\n  limits:\n    post: {dailyCap: -1, cooldown: -60}\n', 'schema.'],
  ['multiplier-factor', 'incentives:\n  multipliers:\n    - {id: m, name: M, from: 2026-11-09, to: 2026-11-15, factor: 1e9}\n', 'schema.maximum'],
  [
    'multipliers-dup',
    'incentives:\n  multipliers:\n    - {id: m, name: M, from: 2026-11-09, to: 2026-11-15, factor: 2}\n    - {id: m, name: N, from: 2026-12-09, to: 2026-12-15, factor: 3}\n',
    'duplicateId',
  ],
  ['multiplier-reversed', 'incentives:\n  multipliers:\n    - {id: m, name: M, from: 2026-11-15, to: 2026-11-09, factor: 2}\n', 'dateOrder'],
  ['honours-dup', 'incentives:\n  honours:\n    - {id: h, title: H}\n    - {id: h, title: I}\n', 'duplicateId'],
  ['badge-criteria', 'incentives:\n  badges:\n    - {id: b, name: B, criteria: {event: nosuch, count: -1}}\n', 'schema.'],
  [
    'badges-dup',
    'incentives:\n  badges:\n    - {id: b, name: B, criteria: {event: post, count: 1}}\n    - {id: b, name: C, criteria: {event: post, count: 2}}\n',
    'duplicateId',
  ],
  ['deduction-positive', 'incentives:\n  incidentDeductions: {warning: 1e9}\n', 'schema.maximum'],
  [
    'engagement-dup-id',
    'engagement:\n  windowDays: 28\n  levels:\n    - {id: core, name: A, minScore: 30, weight: 4}\n    - {id: core, name: B, weight: 0}\n',
    'duplicateId',
  ],
  [
    'engagement-dup-name',
    'engagement:\n  windowDays: 28\n  levels:\n    - {id: core, name: A, minScore: 30, weight: 4}\n    - {id: rest, name: A, weight: 0}\n',
    'duplicateId',
  ],
  ['engagement-window', 'engagement:\n  windowDays: 1000000000\n  levels:\n    - {id: core, name: A, weight: 4}\n', 'schema.maximum'],
  ['engagement-min-score', 'engagement:\n  windowDays: 28\n  levels:\n    - {id: core, name: A, minScore: -1, weight: 4}\n', 'schema.minimum'],
  [
    'engagement-weights',
    'engagement:\n  windowDays: 28\n  weights: {post: -1, nosuch: 2}\n  levels:\n    - {id: core, name: A, weight: 4}\n',
    'schema.',
  ],
  ['engagement-weight-huge', 'engagement:\n  windowDays: 28\n  levels:\n    - {id: core, name: A, weight: 1e300}\n', 'schema.maximum'],
  ['goals', 'goals:\n  - {metric: nosuch, target: 5}\n  - {metric: dau, target: .inf}\n', 'schema.'],
  ['goal-weight', 'goals:\n  - {metric: dau, target: 5, weight: -1}\n', 'schema.minimum'],
]
for (const [name, body, rule] of SECTIONS) add(`section-${name}`, `${HEAD.Community}${body}`, rule)

export const YAML_CASES: readonly YamlCase[] = cases
