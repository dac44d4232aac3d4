/**
 * Bad inputs that need the CLI process (exit code, memory, time): each case prepares its own copy of the base
 * workspace, runs one command in it and names the exit code and a fragment of the one message it must print.
 * Large and binary inputs are made here at test time, in the case's temp folder, never kept in the repository.
 */
import {execFileSync} from 'node:child_process'
import {mkdir, readdir, readFile, rm, symlink, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {makeZip} from './zip.js'

export interface CaseDirs {
  /** The case's own copy of the base workspace (the command's cwd). */
  ws: string
  /** A folder beside the workspace that symlinks point to; it must be left as it was. */
  outside: string
}

export interface CliCase {
  name: string
  args: string[]
  setup?: (dirs: CaseDirs) => Promise<void>
  exit: 1 | 2
  /** A fragment of the message (stdout and stderr together). */
  fragment: string | RegExp
  /**
   * Run in a process of its own, its CPU time and peak memory measured: big or hostile data. The other cases run
   * inside the test process (the same compiled commands, exit code and output), far cheaper than a process each.
   */
  spawn?: boolean
  /**
   * A playbook run that fails is recorded (the run, its failed step and its message) in db.json, as every run is;
   * only that file may change, and nothing else.
   */
  recordsRun?: boolean
  /**
   * Run in a copy of the workspace with data: the sample activity imported (batch B1, its files in
   * `.commops/events/`), the sample member records (`.commops/members/MR1.ndjson`), the points ledger recomputed
   * (`.commops/ledger/computed-*.ndjson`) plus one manual award (`manual.ndjson`) and the scorecard of 2026-09.
   */
  data?: boolean
}

const put =
  (rel: string, data: string | Buffer) =>
  async ({ws}: CaseDirs) => {
    await mkdir(path.dirname(path.join(ws, rel)), {recursive: true})
    await writeFile(path.join(ws, rel), data)
  }
const MB = 1024 * 1024
/** A symlink at `rel` in the workspace pointing into the outside folder (replacing what was there). */
const linkOut =
  (rel: string, target = '.') =>
  async ({ws, outside}: CaseDirs) => {
    await rm(path.join(ws, rel), {recursive: true, force: true})
    await mkdir(path.dirname(path.join(ws, rel)), {recursive: true})
    await symlink(path.join(outside, target), path.join(ws, rel))
  }

/** Rewrites the file of the workspace folder `dir` whose name matches `name` with what `change` makes of its bytes. */
const alter =
  (dir: string, name: RegExp, change: (bytes: Buffer) => string | Buffer) =>
  async ({ws}: CaseDirs) => {
    const found = (await readdir(path.join(ws, dir))).filter((n) => name.test(n))
    if (found.length !== 1) throw new Error(`${dir}: ${found.length} files named ${name}`)
    const file = path.join(ws, dir, found[0])
    await writeFile(file, change(await readFile(file)))
  }
/** The first `n` bytes: a copy cut short. */
const cut = (n: number) => (b: Buffer) => b.subarray(0, n)

const cases: CliCase[] = []
const add = (c: CliCase) => cases.push(c)

// ---- survey ingest: ragged, NUL, wrong-encoding, binary, huge CSV ----
const ingest = (name: string, data: string | Buffer, exit: 1 | 2, fragment: string | RegExp, extra: string[] = []) =>
  add({
    name: `survey-ingest-${name}`,
    args: ['survey', 'ingest', 'S1', `data/${name}.csv`, ...extra],
    setup: put(`data/${name}.csv`, data),
    exit,
    fragment,
  })
const HEAD = 'sq_response,sq_answers\n'
ingest('empty', '', 1, /empty|no rows|header/i)
ingest('ragged', `${HEAD}4,5,extra,more\n3\n`, 1, /the row has 4 cells but the header has 2/, ['--strict'])
ingest('nul', `${HEAD}4,5\u0000\u0000\n`, 1, /NUL|binary|not a text|data\/nul\.csv:2/i, ['--strict'])
ingest('binary-png', Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'), 1, /binary|not a text|CSV/i)
ingest(
  'bad-utf8',
  Buffer.concat([Buffer.from(HEAD), Buffer.from([0x34, 0x2c, 0xff, 0xfe, 0xc3, 0x28, 0x0a])]),
  1,
  /UTF-8|encoding|data\/bad-utf8\.csv:2/i,
  ['--encoding', 'utf8', '--strict'],
)
ingest('unclosed-quote', `${HEAD}4,"5\n3,5\n`, 1, /unclosed-quote\.csv:2.*never closed/, ['--strict'])
ingest('no-question-columns', 'a,b,c\n1,2,3\n', 1, /column|question/i)
add({
  name: 'survey-ingest-unknown-encoding',
  args: ['survey', 'ingest', 'S1', 'data/x.csv', '--encoding', 'klingon'],
  setup: put('data/x.csv', `${HEAD}2026-11-01,4\n`),
  exit: 2,
  fragment: /klingon/,
})
add({name: 'survey-ingest-missing-file', args: ['survey', 'ingest', 'S1', 'data/nope.csv'], exit: 2, fragment: /nope\.csv/})
add({name: 'survey-ingest-folder', args: ['survey', 'ingest', 'S1', 'data'], exit: 2, fragment: /folder|directory/i})
add({
  name: 'survey-ingest-unknown-survey',
  args: ['survey', 'ingest', 'S99', 'data/x.csv'],
  setup: put('data/x.csv', `${HEAD}4,5\n`),
  exit: 2,
  fragment: /S99/,
})
add({
  name: 'survey-ingest-proto-survey',
  args: ['survey', 'ingest', '__proto__', 'data/x.csv'],
  setup: put('data/x.csv', `${HEAD}4,5\n`),
  exit: 2,
  fragment: /__proto__/,
})
add({
  name: 'survey-ingest-bad-map',
  args: ['survey', 'ingest', 'S1', 'data/x.csv', '--map', 'no-equals-sign'],
  setup: put('data/x.csv', `${HEAD}2026-11-01,4\n`),
  exit: 2,
  fragment: /--map/,
})
add({
  name: 'survey-ingest-50mb-one-line',
  args: ['survey', 'ingest', 'S1', 'data/big.csv'],
  setup: put('data/big.csv', Buffer.alloc(50 * MB, 'x')),
  spawn: true,
  exit: 1,
  // one 50 MB record: csv-parse reads nothing after one this long, so the file is refused at its line
  fragment: /data\/big\.csv:1: a record of more than 4,000,000 characters/,
})

// ---- events import: invalid JSON, ragged CSV, zips ----
const imp = (name: string, file: string, data: string | Buffer, from: string | undefined, exit: 1 | 2, fragment: string | RegExp, spawn = false) =>
  add({
    spawn,
    name: `events-import-${name}`,
    args: [
      'events',
      'import',
      `data/${file}`,
      ...(from ? ['--from', from] : []),
      ...(from === 'csv' ? ['--map', 'time=ts,sender=member,text=text'] : []),
    ],
    setup: put(`data/${file}`, data),
    exit,
    fragment,
  })
imp('discord-invalid-json', 'discord.json', '{"guild": {"id": "1"}, "messages": [', 'discord', 1, /JSON/)
imp('telegram-invalid-json', 'result.json', '{"name": "x", "messages": [{"id": 1,,}]}', 'telegram', 1, /JSON/)
imp('discourse-invalid-json', 'posts.json', '{"post_stream": {"posts": [}', 'discourse', 1, /JSON/)
imp(
  'csv-unclosed-quote',
  'chat.csv',
  'time,sender,text\r\n2026-11-01 09:00,a,"hi\r\nthere"\r\n\r\n2026-11-01 09:01,b,"never\r\nclosed\r\n',
  'csv',
  1,
  /chat\.csv:5: A quoted cell starts .* never closed/,
)
imp('binary-garbage', 'x.json', Buffer.alloc(4096, 0xff), undefined, 1, /format|recogni|detect|JSON/i)
imp('50mb-json', 'big.json', Buffer.concat([Buffer.from('{"messages": ['), Buffer.alloc(50 * MB, '[')]), 'discord', 1, /JSON|large|limit|deep/i, true)
imp(
  'slack-truncated-zip',
  'slack.zip',
  makeZip([
    {name: 'channels.json', data: Buffer.from('[]')},
    {name: 'general/2026-06-01.json', data: Buffer.from('[]')},
  ]).subarray(0, 40),
  'slack',
  1,
  /zip archive is refused/,
)
imp('slack-not-a-zip', 'slack.zip', 'PK but not really', 'slack', 1, /zip archive is refused/)
imp(
  'slack-zip-dotdot',
  'slack.zip',
  makeZip([
    {name: 'channels.json', data: Buffer.from('[{"id":"C1","name":"general"}]')},
    {name: '../../escaped.json', data: Buffer.from('[]')},
  ]),
  'slack',
  1,
  /\.\.\/|unsafe|outside/i,
)
imp(
  'slack-zip-absolute',
  'slack.zip',
  makeZip([
    {name: 'channels.json', data: Buffer.from('[{"id":"C1","name":"general"}]')},
    {name: '/tmp/escaped.json', data: Buffer.from('[]')},
  ]),
  'slack',
  1,
  /unsafe|outside|absolute|\/tmp\/escaped/i,
)
imp(
  'slack-zip-bomb',
  'slack.zip',
  makeZip([
    {name: 'channels.json', data: Buffer.from('[{"id":"C1","name":"general"}]')},
    {name: 'general/2026-06-01.json', data: Buffer.alloc(400 * MB, ' '), deflate: true},
  ]),
  'slack',
  1,
  /large|limit|bomb|size/i,
  true,
)
imp(
  'slack-zip-lying-size',
  'slack.zip',
  makeZip([
    {name: 'channels.json', data: Buffer.from('[{"id":"C1","name":"general"}]')},
    {name: 'general/2026-06-01.json', data: Buffer.alloc(20 * MB, ' '), deflate: true, claimedSize: 10},
  ]),
  'slack',
  1,
  /zip|size|large|limit/i,
  true,
)
// well-formed JSON of the wrong shape: refused with the JSON path and the format's shape, never "nothing new"
imp(
  'discord-messages-string',
  'discord.json',
  '{"guild": {"id": "1"}, "messages": "nope"}',
  undefined,
  1,
  /At `messages`: expected an array, found a string/,
)
imp(
  'discord-no-messages',
  'discord.json',
  '{"guild": {"id": "1"}, "channel": {"id": "2"}}',
  'discord',
  1,
  /At `messages`: expected an array.*\n.*DiscordChatExporter/,
)
imp('telegram-array', 'result.json', '[1,2,3]', 'telegram', 1, /result\.json: The file holds an array, not a JSON object\n.*Telegram/)
imp(
  'telegram-messages-object',
  'result.json',
  '{"name": "x", "type": "private_group", "messages": {"0": {}}}',
  undefined,
  1,
  /At `messages`: expected an array, found a JSON object/,
)
imp(
  'discourse-no-posts',
  'posts.json',
  '{"post_stream": {"stream": [1, 2]}}',
  undefined,
  1,
  /At `post_stream\.posts`: expected an array, found nothing/,
)
imp(
  'discourse-user-list',
  'users.json',
  '[{"id": 1, "username": "a"}]',
  'discourse',
  1,
  /The file holds an array, not a JSON object\n.*Discourse API/,
)
imp(
  'slack-day-object',
  'slack.zip',
  makeZip([
    {name: 'channels.json', data: Buffer.from('[{"id":"C1","name":"general"}]')},
    {name: 'general/2026-06-01.json', data: Buffer.from('{"ts":"1"}')},
  ]),
  'slack',
  1,
  /At `general\/2026-06-01\.json`: expected an array, found a JSON object/,
)
imp('slack-zip-of-something-else', 'slack.zip', makeZip([{name: 'notes/a.json', data: Buffer.from('[]')}]), undefined, 1, /No Slack export here/)
add({name: 'events-import-unknown-from', args: ['events', 'import', 'data/activity.ndjson', '--from', 'myspace'], exit: 2, fragment: /myspace/})
add({name: 'events-import-missing', args: ['events', 'import', 'data/nope.json'], exit: 1, fragment: /nope\.json/})
add({
  name: 'events-import-bad-preset',
  args: ['events', 'import', 'data/activity.ndjson', '--preset', '../../etc/passwd'],
  exit: 2,
  fragment: /preset/i,
})

// ---- members link: bad ids ----
const link = (name: string, ids: string[], exit: 1 | 2, fragment: string | RegExp) =>
  add({name: `members-link-${name}`, args: ['members', 'link', ...ids], exit, fragment})
link('one', ['discord:a'], 2, /two|2/)
link('no-platform', ['alice', 'discord:a'], 1, /`alice` is not an identity/)
link('empty-id', ['discord:', 'github:a'], 1, /`discord:` is not an identity/)
link('same-twice', ['discord:a', 'discord:a'], 2, /at least two different identities/)
link('proto', ['__proto__:x', 'discord:a'], 1, /`__proto__:x` is not an identity/)
link('spaces', ['discord:a b', 'github:a'], 1, /`discord:a b` is not an identity/)
link('newline', ['discord:a\nb', 'github:a'], 1, /is not an identity/)

// ---- metrics and scorecard periods ----
const period = (name: string, args: string[], exit: 1 | 2, fragment: string | RegExp) => add({name: `period-${name}`, args, exit, fragment})
period('metrics-month-13', ['metrics', '--period', '2026-13'], 2, /2026-13/)
period('metrics-word', ['metrics', '--period', 'lastmonth'], 2, /lastmonth/)
period('metrics-feb-30', ['metrics', '--from', '2026-02-30', '--to', '2026-03-10'], 2, /2026-02-30/)
period('metrics-reversed', ['metrics', '--from', '2026-03-10', '--to', '2026-03-01'], 2, /2026-03-01|before|after/)
period('metrics-last-0', ['metrics', '--last', '0'], 2, /--last|0/)
period('metrics-last-huge', ['metrics', '--last', '100000000'], 2, /--last|100000000|most|limit/)
period('scorecard-q5', ['scorecard', 'compute', '-p', '2026-Q5'], 2, /2026-Q5/)
period('scorecard-w54', ['scorecard', 'compute', '-p', '2026-W54'], 2, /2026-W54/)
period('scorecard-traversal', ['scorecard', 'compute', '-p', '../../etc'], 2, /\.\.\/\.\.\/etc/)
period('retention-bad-to', ['retention', '--to', '2026-99-99'], 2, /2026-99-99/)

// ---- dates, timezones and cadences given on the command line ----
add({
  name: 'calendar-add-bad-date',
  args: ['calendar', 'add', '--date', '2026-02-30', '--time', '10:00', '--title', 'x'],
  exit: 2,
  fragment: /2026-02-30/,
})
add({name: 'calendar-add-bad-time', args: ['calendar', 'add', '--date', '2026-03-01', '--time', '25:61', '--title', 'x'], exit: 2, fragment: /25:61/})
add({name: 'calendar-export-bad-from', args: ['calendar', 'export', '--from', 'someday'], exit: 2, fragment: /someday/})
add({
  name: 'community-bad-timezone',
  args: ['calendar', 'generate', '--weeks', '1'],
  setup: async ({ws}) => {
    const {readFile} = await import('node:fs/promises')
    const text = await readFile(path.join(ws, 'community.yaml'), 'utf8')
    await writeFile(path.join(ws, 'community.yaml'), text.replace(/^timezone: .*$/m, 'timezone: Mars/Phobos'))
  },
  exit: 1,
  fragment: /Mars\/Phobos/,
})
add({
  name: 'community-runaway-cadence',
  args: ['calendar', 'generate', '--weeks', '4'],
  setup: async ({ws}) => {
    const {readFile} = await import('node:fs/promises')
    const text = await readFile(path.join(ws, 'community.yaml'), 'utf8')
    await writeFile(path.join(ws, 'community.yaml'), text.replace(/^( +)cadence: .*$/m, '$1cadence: "FREQ=SECONDLY"'))
  },
  exit: 1,
  fragment: /SECONDLY|cadence/i,
})

// ---- the workspace's own folders and files symlinked out ----
add({name: 'symlink-commops-dir', args: ['task', 'add', 'x'], setup: linkOut('.commops'), exit: 1, fragment: /\.commops/})
add({
  name: 'symlink-db-json',
  args: ['task', 'list'],
  setup: async (d) => {
    await writeFile(path.join(d.outside, 'secret.txt'), 'TOP SECRET\n')
    await linkOut('.commops/db.json', 'secret.txt')(d)
  },
  exit: 1,
  fragment: /db\.json/,
})
add({name: 'symlink-playbooks-dir', args: ['playbook', 'new', 'mine'], setup: linkOut('playbooks'), exit: 1, fragment: /playbooks/})
add({name: 'symlink-out-dir', args: ['survey', 'export', 'S1', '-o', 'out/s1.md'], setup: linkOut('out'), exit: 1, fragment: /out/})
add({
  name: 'symlink-backups-dir',
  args: ['events', 'import', 'data/activity.ndjson'],
  setup: linkOut('.commops/backups'),
  exit: 1,
  fragment: /\.commops\/backups is a symlink leading out/,
})
add({
  name: 'symlink-schemas-dir',
  args: ['init', '.', '--force', '--yes', '--name', 'x'],
  setup: linkOut('.commops/schemas'),
  exit: 1,
  fragment: /schemas/,
})
const importStep = (file: string) =>
  `apiVersion: commops/v1\nkind: Playbook\nname: imp\nphase: evaluate\nsteps:\n  - id: i\n    uses: events.import\n    with: {path: ${JSON.stringify(file)}}\n`
const EVENT = '{"ts":"2026-06-01T01:00:00Z","type":"post","member":"discord:a","channel":"c","src":"x1"}\n'
add({
  recordsRun: true,
  name: 'symlink-data-file-in-playbook',
  args: ['playbook', 'run', 'playbooks/imp.yaml', '--yes'],
  setup: async (d) => {
    await writeFile(path.join(d.outside, 'events.ndjson'), EVENT)
    await linkOut('data/events.ndjson', 'events.ndjson')(d)
    await put('playbooks/imp.yaml', importStep('data/events.ndjson'))(d)
  },
  exit: 1,
  fragment: /events\.ndjson/,
})
add({
  recordsRun: true,
  name: 'traversal-data-path-in-playbook',
  args: ['playbook', 'run', 'playbooks/imp.yaml', '--yes'],
  setup: async (d) => {
    await writeFile(path.join(d.outside, 'events.ndjson'), EVENT)
    await put('playbooks/imp.yaml', importStep('../outside/events.ndjson'))(d)
  },
  exit: 1,
  fragment: /outside/,
})
add({
  name: 'symlink-community-yaml',
  args: ['validate'],
  setup: async (d) => {
    const {copyFile} = await import('node:fs/promises')
    await copyFile(path.join(d.ws, 'community.yaml'), path.join(d.outside, 'community.yaml'))
    await linkOut('community.yaml', 'community.yaml')(d)
  },
  exit: 1,
  fragment: /community\.yaml/,
})
add({
  name: 'symlink-playbook-file',
  args: ['playbook', 'run', 'evil', '--yes'],
  setup: async (d) => {
    await writeFile(
      path.join(d.outside, 'evil.yaml'),
      'apiVersion: commops/v1\nkind: Playbook\nname: evil\nphase: maintain\nsteps:\n  - id: a\n    uses: note\n    with: {message: hi}\n',
    )
    await linkOut('playbooks/evil.yaml', 'evil.yaml')(d)
  },
  exit: 1,
  fragment: /evil\.yaml/,
})
add({name: 'workspace-flag-traversal', args: ['task', 'list', '--workspace', '../../../../../../nonexistent'], exit: 2, fragment: /nonexistent/})

// ---- playbooks with bad fields, run or dry-run ----
const pb = (name: string, body: string, exit: 1 | 2, fragment: string | RegExp, extra: string[] = ['--yes'], spawn = false) =>
  add({
    spawn,
    recordsRun: true,
    name: `playbook-${name}`,
    args: ['playbook', 'run', `playbooks/${name}.yaml`, ...extra],
    setup: put(`playbooks/${name}.yaml`, `apiVersion: commops/v1\nkind: Playbook\nname: ${name}\nphase: maintain\n${body}`),
    exit,
    fragment,
  })
const exportStep = (out: string) =>
  `steps:\n  - id: r\n    uses: rules.generate\n  - id: e\n    uses: export\n    with: {artifacts: [r], formats: [md], out: ${JSON.stringify(out)}}\n`
pb('out-traversal', exportStep('../../../escaped.md'), 1, /escaped\.md|outside/i)
pb('out-absolute', exportStep('/tmp/escaped.md'), 1, /escaped\.md|outside/i)
pb('out-commops', exportStep('.commops/db.json'), 1, /db\.json|\.commops/)
pb(
  'expr-constructor',
  'steps:\n  - id: a\n    uses: note\n    with: {message: "${{ constructor.constructor(\'return process\')() }}"}\n',
  1,
  /constructor|expression/i,
)
pb('expr-proto', 'steps:\n  - id: a\n    uses: note\n    with: {message: "${{ vars.__proto__ }}"}\n', 1, /__proto__/)
pb('expr-env', 'steps:\n  - id: a\n    uses: note\n    with: {message: "${{ env.HOME }}"}\n', 1, /env/)
pb('unknown-step', 'steps:\n  - id: a\n    uses: shell\n    with: {run: "touch /tmp/pwned"}\n', 1, /shell/)
pb(
  'doubling-notes',
  `vars:\n  s: {type: string, default: "${'x'.repeat(1000)}"}\nsteps:\n  - id: s0\n    uses: note\n    with: {message: "\${{ vars.s }}\${{ vars.s }}"}\n${Array.from(
    {length: 30},
    (_, i) => `  - id: s${i + 1}\n    uses: note\n    with: {message: "\${{ steps.s${i}.outputs.message }}\${{ steps.s${i}.outputs.message }}"}\n`,
  ).join('')}`,
  1,
  /longer than 1000000 characters/,
  ['--yes'],
  true,
)
pb('bad-var', 'vars:\n  start: {type: date}\nsteps:\n  - id: a\n    uses: note\n    with: {message: x}\n', 2, /2026-02-30/, [
  '--var',
  'start=2026-02-30',
  '--yes',
])
pb('unknown-var', 'steps:\n  - id: a\n    uses: note\n    with: {message: x}\n', 2, /nosuch/, ['--var', 'nosuch=1', '--yes'])
pb('proto-var', 'steps:\n  - id: a\n    uses: note\n    with: {message: x}\n', 2, /no variable `__proto__`/, ['--var', '__proto__=1', '--yes'])
add({name: 'playbook-run-traversal-name', args: ['playbook', 'run', '../../../etc/passwd', '--yes'], exit: 2, fragment: /passwd/})
add({name: 'playbook-new-bad-name', args: ['playbook', 'new', '../evil'], exit: 2, fragment: /\.\.\/evil/})
add({name: 'playbook-new-proto', args: ['playbook', 'new', '__proto__'], exit: 2, fragment: /__proto__/})

// ---- validate: a 50 MB file, and a file that is not YAML at all ----
add({
  name: 'validate-50mb',
  args: ['validate', 'big.yaml'],
  setup: put('big.yaml', `apiVersion: commops/v1\nkind: Community\nname: ${'x'.repeat(50 * MB)}\n`),
  spawn: true,
  exit: 1,
  fragment: /Missing required property `locale`/,
})
add({
  name: 'validate-binary',
  args: ['validate', 'x.yaml'],
  setup: put('x.yaml', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46])),
  exit: 1,
  fragment: /UTF-8|encoding/i,
})
add({name: 'validate-missing', args: ['validate', 'nope.yaml'], exit: 2, fragment: /nope\.yaml/})

// ---- tasks and rules with bad ids ----
add({name: 'task-done-unknown', args: ['task', 'done', 'T999999'], exit: 2, fragment: /T999999/})
add({name: 'task-done-proto', args: ['task', 'done', '__proto__'], exit: 2, fragment: /No task __PROTO__/})
add({name: 'survey-export-proto', args: ['survey', 'export', 'constructor'], exit: 2, fragment: /constructor/})
add({
  name: 'survey-export-out-commops',
  args: ['survey', 'export', 'S1', '-o', '.commops/db.json', '--force'],
  exit: 1,
  fragment: /db\.json is inside \.commops/,
})
add({
  name: 'calendar-export-out-commops',
  args: ['calendar', 'export', '-o', '.commops/notes.md'],
  exit: 1,
  fragment: /notes\.md is inside \.commops/,
})

// ---- the store's own data files damaged (a copy cut short, a hand edit, garbage): one message naming file and line ----
const DAMAGED = /B1\.ndjson:\d+: This data file of the store is damaged/
const damaged = (name: string, args: string[], setup: (dirs: CaseDirs) => Promise<void>, fragment: RegExp = DAMAGED) =>
  add({name: `store-damaged-${name}`, data: true, args, setup, exit: 1, fragment})
const events = (change: (bytes: Buffer) => string | Buffer) => alter('.commops/events', /^B1\.ndjson$/, change)
damaged('events-cut-list', ['events', 'list'], events(cut(1000)), /B1\.ndjson:8: This data file of the store is damaged.*\n.*Restore \.commops\//)
damaged('events-cut-metrics', ['metrics', '--period', '2026-09'], events(cut(1000)))
damaged(
  'events-garbage-stats',
  ['events', 'stats'],
  events(() => Buffer.alloc(5000, 0xfe)),
  /B1\.ndjson:1: This data file/,
)
damaged(
  'events-null-line',
  ['events', 'list', '--last', '10000'],
  events((b) => Buffer.concat([b, Buffer.from('null\n')])),
  /not a JSON object: null/,
)
damaged(
  'events-nul-levels',
  ['members', 'levels', '--period', '2026-09'],
  events((b) => Buffer.concat([b.subarray(0, 2000), Buffer.alloc(64), b.subarray(2064)])),
)
damaged('events-cut-report', ['report', '-p', '2026-Q3'], events(cut(1000)))
damaged('events-cut-zh', ['events', 'stats', '--lang', 'zh-CN'], events(cut(1000)), /B1\.ndjson:8: 存储的这个数据文件已损坏/)
damaged('events-cut-no-cache', ['metrics', '--period', '2026-09'], async (d) => {
  await events(cut(1000))(d)
  await rm(path.join(d.ws, '.commops/events/B1.cols'))
})
damaged(
  'ledger-cut',
  ['members', 'points', '--member', 'discord:noah_z'],
  alter('.commops/ledger', /^computed-.*\.ndjson$/, cut(500)),
  /computed-\w+\.ndjson:\d+: This data file/,
)
damaged('records-cut-list', ['members', 'list'], alter('.commops/members', /\.ndjson$/, cut(500)), /MR1\.ndjson:\d+: This data file/)
damaged(
  'records-cut-show',
  ['members', 'show', 'discord:noah_z'],
  alter('.commops/members', /\.ndjson$/, cut(500)),
  /MR1\.ndjson:\d+: This data file/,
)
// the duplicate index of a batch cut short or gone: an import would take the batch's events again as new
const srcs = (name: string, setup: (dirs: CaseDirs) => Promise<void>, fragment: RegExp) =>
  add({name: `store-damaged-srcs-${name}`, data: true, args: ['events', 'import', 'data/activity.ndjson'], setup, exit: 1, fragment})
srcs('cut', alter('.commops/events', /^B1\.srcs$/, cut(1001)), /B1\.srcs: This duplicate index of the store holds 1001 bytes/)
srcs('empty', alter('.commops/events', /^B1\.srcs$/, cut(0)), /B1\.srcs: This duplicate index of the store holds 0 bytes/)
srcs('gone', async ({ws}) => rm(path.join(ws, '.commops/events/B1.srcs')), /B1\.srcs of batch B1 is missing/)
// ---- scorecards named by a key that is an object's own property name ----
const card = (name: string, args: string[], fragment: RegExp) => add({name: `scorecard-key-${name}`, data: true, args, exit: 1, fragment})
card('show-proto', ['scorecard', 'show', '-p', '__proto__'], /No stored scorecard for __proto__\n.*Stored scorecards: .*2026-09/)
card('diff-constructor', ['scorecard', 'diff', 'constructor', '2026-09'], /No stored scorecard for constructor/)
card('diff-proto-json', ['scorecard', 'diff', '2026-09', '__proto__', '--json'], /"code": "scorecard\.notFound"/)
card('suggest-proto', ['suggest', '-p', '__proto__'], /No stored scorecard for __proto__/)
card('show-traversal', ['scorecard', 'show', '-p', '../../etc'], /No stored scorecard for \.\.\/\.\.\/etc/)
// ---- CSV presets named like an object's own properties, or nothing ----
const CHAT = 'time,sender,text\n2026-09-01 10:00,a,hi\n'
const preset = (name: string, flags: string[], fragment: RegExp) =>
  add({
    name: `events-import-preset-${name}`,
    args: ['events', 'import', 'data/chat.csv', ...flags],
    setup: put('data/chat.csv', CHAT),
    exit: 2,
    fragment,
  })
const MAP = ['--map', 'time=ts,sender=member,text=text']
preset('save-proto', [...MAP, '--save-preset', '__proto__'], /Cannot save a preset named `__proto__`/)
// (in this process an empty argument reaches oclif as a missing value; from a shell it reaches the check)
preset('save-empty', [...MAP, '--save-preset', ''], /Cannot save a preset named ``|--save-preset needs a value/)
preset('save-slash', [...MAP, '--save-preset', '../x'], /Cannot save a preset named `\.\.\/x`/)
preset('save-zh', [...MAP, '--save-preset', '__proto__', '--lang', 'zh-CN'], /无法以 `__proto__` 为名保存预设/)
preset('use-constructor', ['--preset', 'constructor'], /No preset named `constructor`/)
preset('use-tostring', ['--preset', 'toString'], /No preset named `toString`/)
// ---- --out naming a device, a named pipe or a socket: read to see who wrote it, it never ends (or hangs) ----
add({
  name: 'out-dev-full',
  args: ['report', '-p', '2026-Q3', '-o', '/dev/full'],
  data: true,
  spawn: true,
  exit: 2,
  // before: the whole of /dev/full read as text, 650 MB and "commops bug: RangeError: Invalid string length"
  fragment: /\/dev\/full is not a regular file but a device, pipe or socket/,
})
add({
  name: 'out-symlink-to-dev-zero',
  args: ['members', 'export', '-o', 'members.csv'],
  setup: async ({ws}) => symlink('/dev/zero', path.join(ws, 'members.csv')),
  spawn: true,
  exit: 2,
  fragment: /members\.csv is not a regular file/,
})
/** A named pipe two folders above the workspace (outside the folders the case compares, which would read it). */
const fifo =
  (name: string) =>
  async ({ws}: CaseDirs) => {
    execFileSync('mkfifo', [path.join(ws, '..', '..', name)])
  }
add({
  name: 'out-fifo',
  args: ['scorecard', 'show', '-o', '../../fifo-scorecard.md'],
  data: true,
  setup: fifo('fifo-scorecard.md'),
  exit: 2,
  fragment: /fifo-scorecard\.md is not a regular file/,
})
add({
  name: 'out-fifo-zh',
  args: ['calendar', 'export', '-o', '../../fifo-calendar.md', '--lang', 'zh-CN'],
  setup: fifo('fifo-calendar.md'),
  exit: 2,
  fragment: /fifo-calendar\.md 不是普通文件/,
})
// ---- --out into a "folder" that is a file: the write fails, and the store does not claim the file ----
const inTheWay = (name: string, args: string[], fragment: RegExp, data = false) =>
  add({name: `out-file-in-the-way-${name}`, args, data, setup: put('notes', 'mine\n'), exit: 1, fragment})
inTheWay('report', ['report', '-p', '2026-Q3', '-o', 'notes/r.md'], /notes already exists and is in the way/, true)
inTheWay('members-export', ['members', 'export', '-o', 'notes/m.csv'], /notes already exists and is in the way/, true)
inTheWay('survey-export', ['survey', 'export', 'S1', '-o', 'notes/deeper/s.md'], /notes\/deeper.*is a file, not a folder|notes\/deeper/)
inTheWay('scorecard-zh', ['scorecard', 'show', '-o', 'notes/deeper/s.md', '--lang', 'zh-CN'], /notes\/deeper 的某一级是文件而不是文件夹/, true)
// ---- a file's text quoted in a message reaches the terminal without its escape sequences ----
const ESC = '\u001b'
add({
  name: 'members-import-escape-header',
  args: ['members', 'import', 'data/e.csv'],
  setup: put('data/e.csv', `a${ESC}[31mRED${ESC}]0;title\u0007${ESC}[2J,b\r\n1,2\n`),
  exit: 1,
  // the header is quoted with each control character as \xNN, none of them raw
  // eslint-disable-next-line no-control-regex
  fragment: /Its columns: a\\x1b\[31mRED\\x1b\]0;title\\x07\\x1b\[2J, b\. [^\u0000-\u0008\u000b-\u001f]*$/m,
})
add({
  name: 'members-import-binary',
  args: ['members', 'import', 'data/m.csv'],
  setup: put('data/m.csv', Buffer.from(Array.from({length: 2048}, (_, i) => (i * 37 + 11) % 256))),
  exit: 1,
  // no ESC anywhere in the output
  // eslint-disable-next-line no-control-regex
  fragment: /^(?![\s\S]*\u001b)[\s\S]*no column that identifies a member/,
})
// ---- the dashboard's frame size: a billion columns took 4.8 GB and 25 s, then aborted ----
add({
  name: 'dashboard-width-huge',
  args: ['dashboard', '--once', '--width', '1000000000'],
  spawn: true,
  exit: 2,
  fragment: /--width must be at most 500, not 1000000000/,
})
add({
  name: 'dashboard-height-huge-zh',
  args: ['dashboard', '--once', '--height', '501', '--lang', 'zh-CN'],
  exit: 2,
  fragment: /--height 至多为 500，而不是 501/,
})
add({name: 'dashboard-width-small', args: ['dashboard', '--once', '--width', '0'], exit: 2, fragment: /--width must be at least 40, not 0/})
// ---- community.yaml's incentives and engagement sections, hostile, read by the members commands ----
const community = (name: string, args: string[], from: RegExp, to: string, fragment: RegExp) =>
  add({
    name: `community-${name}`,
    args,
    data: true,
    setup: async ({ws}) => {
      const file = path.join(ws, 'community.yaml')
      const text = await readFile(file, 'utf8')
      if (!from.test(text)) throw new Error(`community.yaml has no ${from}`)
      await writeFile(file, text.replace(from, to))
    },
    exit: 1,
    fragment,
  })
community(
  'engagement-dup-id',
  ['members', 'levels', '--period', '2026-09'],
  /\{id: active, name: Active,/,
  '{id: core, name: Active,',
  /community\.yaml:\d+:\d+: .*Id `core` is used twice/,
)
community(
  'engagement-dup-name',
  ['members', 'list', '--level', 'Core'],
  /\{id: active, name: Active,/,
  '{id: active, name: Core,',
  /Name `Core` is used twice/,
)
community('engagement-window-huge', ['members', 'gravity', '--period', '2026-09'], /windowDays: 28/, 'windowDays: 1000000000', /Must be <= 366/)
community('level-threshold-negative', ['members', 'top', '--period', '2026-09'], /threshold: 25\b/, 'threshold: -25', /Must be >= 0/)
community(
  'level-threshold-1e9',
  ['members', 'points', '--recompute'],
  /threshold: 25\b/,
  'threshold: 1e9',
  /needs \d+ points, not more than the level before it \(1000000000\)/,
)
community('points-nan', ['members', 'points', '--recompute', '--dry-run'], /^( +)post: \d+$/m, '$1post: .nan', /read as NaN/)
// ---- flags and arguments of the members, events, runs, metrics and report commands ----
const flag = (name: string, args: string[], exit: 1 | 2, fragment: RegExp, data = false) => add({name: `flag-${name}`, args, exit, fragment, data})
flag('members-top-month-13', ['members', 'top', '--period', '2026-13'], 2, /Cannot read the period `2026-13`/)
flag('members-top-limit-negative', ['members', 'top', '--limit', '-1'], 2, /--limit must be at least 1, not -1/)
flag('members-top-limit-exponent', ['members', 'top', '--limit', '1e9'], 2, /--limit needs a whole number, not `1e9`/)
flag('members-top-limit-huge', ['members', 'top', '--limit', '1000000000'], 2, /--limit must be at most 10000/)
flag('members-gravity-vague-period', ['members', 'gravity', '--period', 'yesterday-ish'], 2, /Cannot read the period `yesterday-ish`/)
flag('members-gravity-limit-0', ['members', 'gravity', '--limit', '0'], 2, /--limit must be at least 1, not 0/)
flag('members-levels-week-0', ['members', 'levels', '--period', '2026-W00'], 2, /Cannot read the period `2026-W00`/)
flag('members-segments-proto', ['members', 'segments', '--by', '__proto__'], 2, /No member field named __proto__/, true)
flag('members-segments-object-names', ['members', 'segments', '--by', 'constructor,toString'], 2, /No member field named constructor, toString/, true)
flag('members-segments-feb-30', ['members', 'segments', '--by', 'region', '--period', '2026-02-30'], 2, /Cannot read the period `2026-02-30`/)
flag('members-show-proto', ['members', 'show', '__proto__'], 2, /No member __proto__: no record and no events/, true)
flag('members-show-traversal', ['members', 'show', '../x'], 2, /No member \.\.\/x/, true)
flag('members-award-nan', ['members', 'award', 'discord:noah_z', '--points', 'NaN', '--reason', 'x'], 2, /`NaN` is not a number of points/)
flag('members-award-huge', ['members', 'award', 'discord:noah_z', '--points', '1e308', '--reason', 'x'], 2, /`1e308` is not a number of points/)
flag('members-award-zero', ['members', 'award', 'discord:noah_z', '--points', '0', '--reason', 'x'], 2, /`0` is not a number of points/)
flag('members-award-blank-reason', ['members', 'award', 'discord:noah_z', '--points', '5', '--reason', ' '], 2, /A reason is required/)
flag('members-award-proto', ['members', 'award', '__proto__', '--points', '5', '--reason', 'x'], 2, /`__proto__` is not an identity/, true)
flag(
  'members-badges-award-proto',
  ['members', 'badges', '--award', '__proto__', '--member', 'discord:noah_z', '--reason', 'x'],
  2,
  /No badge `__proto__` in community\.yaml/,
)
flag(
  'members-badges-revoke-unknown',
  ['members', 'badges', '--revoke', 'nosuch', '--member', 'discord:noah_z', '--reason', 'x'],
  2,
  /No badge `nosuch`/,
)
flag('members-badges-award-alone', ['members', 'badges', '--award', 'mentor'], 2, /--award also needs --member/)
flag(
  'members-badges-revoke-no-reason',
  ['members', 'badges', '--revoke', 'first-post', '--member', 'discord:noah_z'],
  2,
  /--revoke also needs --reason/,
)
flag('members-export-proto-field', ['members', 'export', '--fields', '__proto__'], 2, /No member field named __proto__/, true)
flag('members-list-where', ['members', 'list', '--where', 'noequals'], 2, /`noequals` is not attr=value/)
flag('members-list-level', ['members', 'list', '--level', 'nosuch'], 2, /There is no engagement level nosuch/)
flag('members-unlink-proto', ['members', 'unlink', '__proto__'], 1, /`__proto__` is not an identity/)
flag('events-list-vague-since', ['events', 'list', '--since', 'yesterday-ish'], 2, /`yesterday-ish` is not a date \(YYYY-MM-DD\)/)
flag('events-list-feb-30', ['events', 'list', '--until', '2026-02-30'], 2, /`2026-02-30` is not a date/)
flag('events-list-last-negative', ['events', 'list', '--last', '-1'], 2, /--last must be at least 1, not -1/)
flag('events-list-type', ['events', 'list', '--type', 'nosuch'], 2, /--type does not accept `nosuch`/)
flag('runs-unknown', ['runs', 'R999'], 2, /No run R999/)
flag('runs-proto', ['runs', '__proto__'], 2, /No run __proto__/)
flag('runs-limit-word', ['runs', '--limit', 'abc'], 2, /--limit needs a whole number, not `abc`/)
flag('retention-cohort', ['retention', '--cohort', 'year'], 2, /--cohort does not accept `year`/)
flag('retention-to-month-13', ['retention', '--to', '2026-13-01'], 2, /Cannot read the period `2026-13-01`/)
flag('funnel-quarter-0', ['funnel', '--period', '2026-Q0'], 2, /Cannot read the period `2026-Q0`/)
flag('overview-no-folder', ['overview', 'nosuch-dir'], 2, /There is no folder nosuch-dir/)
flag('suggest-limit-negative', ['suggest', '-n', '-1'], 2, /--limit must be at least 1, not -1/)
flag('metrics-unknown-metric', ['metrics', '--metric', 'nosuch'], 2, /--metric does not accept `nosuch`/)
flag('report-quarter-5', ['report', '-p', '2026-Q5'], 2, /Cannot read the period `2026-Q5`/)
flag('report-pdf-to-terminal', ['report', '--format', 'pdf'], 2, /--format pdf needs --out FILE\.pdf/)
flag('report-period-and-to', ['report', '-p', '2026-Q3', '--to', '2026-09-01'], 2, /--from\/--to cannot be combined with --period/)
flag('report-out-commops', ['report', '-p', '2026-Q3', '-o', '.commops/r.md'], 1, /\.commops\/r\.md is inside \.commops/, true)
flag('scorecard-fail-under', ['scorecard', 'compute', '--fail-under', 'A+'], 2, /--fail-under A\+ is neither a grade nor a score 0–100/)
flag('scorecard-spec-missing', ['scorecard', 'compute', '--spec', 'nosuch.yaml'], 1, /nosuch\.yaml/)
flag('scorecard-spec-not-yaml', ['scorecard', 'compute', '--spec', 'data/members.csv'], 1, /members\.csv.*not a valid ScorecardSpec/)
// a YAML input that is no file: a folder is named (not "read is a folder"), a device that never ends is cut off
flag('scorecard-spec-folder', ['scorecard', 'compute', '--spec', 'data'], 1, /\/data is a folder, not a file/)
flag('playbook-run-folder', ['playbook', 'run', './data', '--yes'], 1, /\/data is a folder, not a file/)
add({
  name: 'scorecard-spec-device',
  args: ['scorecard', 'compute', '--spec', '/dev/zero'],
  spawn: true,
  exit: 1,
  fragment: /\/dev\/zero is larger than 64 MB/,
})
add({
  name: 'validate-over-64mb',
  args: ['validate', 'huge.yaml'],
  setup: put('huge.yaml', `name: ${'x'.repeat(65 * MB)}\n`),
  spawn: true,
  exit: 1,
  fragment: /huge\.yaml is larger than 64 MB/,
})
// ---- events list filters that could match nothing: refused, not answered with silence ----
flag('events-list-member-proto', ['events', 'list', '--member', '__proto__'], 2, /`__proto__` is not an identity `platform:id`/, true)
flag('events-list-member-empty-id', ['events', 'list', '--member', 'qq:', '--lang', 'zh-CN'], 2, /`qq:` 不是 `平台:id` 形式的身份/, true)
flag(
  'events-list-reversed',
  ['events', 'list', '--since', '2026-10-01', '--until', '2026-09-01'],
  2,
  /The period ends \(2026-09-01\) before it starts \(2026-10-01\)/,
  true,
)
flag('events-list-month-13-reversed', ['events', 'list', '--since', '2026-13-01', '--until', '2026-09-01'], 2, /`2026-13-01` is not a date/, true)

export const CLI_CASES: readonly CliCase[] = cases
