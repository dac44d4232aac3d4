import path from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {hasStackTrace, makeTempDir, removeDir, runCli, runCliOnTty, runInProcess, SCRIPT} from '../helpers/cli.js'

// Usage errors (what oclif's parser rejects, and unknown commands) are one message in the chosen language, exit 2,
// with a hint; never oclif's English inside a Chinese sentence.

/** oclif's own English wording, which must not reach a Chinese user. */
const OCLIF_ENGLISH = /Nonexistent|Expected|Missing|Unexpected|expects|cannot also|The following|See more help|Parsing --|required arg/

let tmp: string
let zhWorkspace: string

beforeAll(async () => {
  tmp = await makeTempDir()
  zhWorkspace = path.join(tmp, 'zh')
  expect((await runCli(['init', zhWorkspace, '--locale', 'zh-CN', '--yes', '--name', 'Demo'])).code).toBe(0)
})
afterAll(() => removeDir(tmp))

describe('parse errors in both languages', () => {
  // [command line, code, English message, Chinese message, Chinese hint]
  const cases: Array<[string[], string, RegExp, RegExp, RegExp]> = [
    [
      ['calendar', 'export', '--form', '2026-12-01'],
      'usage.flag.unknown',
      /^Error: Unknown flag --form$/m,
      /没有选项 --form/,
      /你是不是想用 --from？/,
    ],
    [
      ['schema', '--bogus', '--wat'],
      'usage.flag.unknown',
      /Unknown flag --bogus, --wat/,
      /没有选项 --bogus, --wat/,
      /全部选项见 `commops schema --help`/,
    ],
    [['survey', 'export'], 'usage.arg.missing', /Missing argument SURVEY/, /缺少参数 SURVEY/, /用法与示例见 `commops survey export --help`/],
    [['survey', 'show', 'S1', 'extra'], 'usage.arg.unexpected', /Unexpected argument extra/, /多余的参数 extra/, /用法与示例/],
    [
      ['calendar', 'set', 'C1', '--status', 'done'],
      'usage.flag.option',
      /--status does not accept `done`; one of: idea, planned/,
      /--status 不接受 `done`；可选：idea, planned/,
      /用法与示例/,
    ],
    [
      ['calendar', 'export', '--format', 'mdd'],
      'usage.flag.option',
      /--format does not accept `mdd`/,
      /--format 不接受 `mdd`/,
      /你是不是想用 `--format md`？/,
    ],
    [
      ['validate', '--format'],
      'usage.flag.needsValue',
      /--format needs a value, one of: text, json/,
      /--format 需要一个值，可选：text, json/,
      /用法与示例/,
    ],
    [['calendar', 'export', '--weeks'], 'usage.flag.needsValue', /--weeks needs a value/, /--weeks 需要一个值/, /用法与示例/],
    [
      ['rules', 'incident', 'add'],
      'usage.flag.required',
      /Missing required flag --member, --rule/,
      /缺少必需的选项 --member, --rule/,
      /rules incident add --help/,
    ],
    [
      ['calendar', 'export', '--to', '2026-12-31', '--weeks', '2'],
      'usage.flag.exclusive',
      /--to cannot be used together with --weeks/,
      /--to 不能与 --weeks 同时使用/,
      /用法与示例/,
    ],
    [
      ['calendar', 'export', '--weeks', 'abc'],
      'usage.flag.integer',
      /--weeks needs a whole number, not `abc`/,
      /--weeks 需要一个整数，而不是 `abc`/,
      /用法与示例/,
    ],
    [['runs', '--limit', '0'], 'usage.flag.min', /--limit must be at least 1, not 0/, /--limit 至少为 1，而不是 0/, /用法与示例/],
    [['validate', '--format', 'json', '--format', 'text'], 'usage.flag.once', /--format can be given only once/, /--format 只能给一次/, /用法与示例/],
  ]

  it.each(cases)('%j', async (args, code, en, zh, zhHint) => {
    const english = await runInProcess(args, {cwd: tmp})
    expect(english.code).toBe(2)
    expect(english.stderr).toMatch(en)
    expect(english.stderr).toMatch(/\n {2}Hint: .+/)
    expect(english.stderr.trim().split('\n')).toHaveLength(2)
    expect(hasStackTrace(english.stderr + english.stdout)).toBe(false)

    const chinese = await runInProcess([...args, '--lang', 'zh-CN'], {cwd: tmp})
    expect(chinese.code).toBe(2)
    expect(chinese.stderr).toMatch(/^错误: /)
    expect(chinese.stderr).toMatch(zh)
    expect(chinese.stderr).toMatch(/\n {2}提示: /)
    expect(chinese.stderr).toMatch(zhHint)
    expect(chinese.stderr).not.toMatch(OCLIF_ENGLISH)

    const json = await runInProcess([...args, '--json'], {cwd: zhWorkspace})
    expect(json.code).toBe(2)
    const {error} = JSON.parse(json.stdout) as {error: {code: string; message: string; hint: string; exitCode: number}}
    expect(error.code).toBe(code)
    expect(error.exitCode).toBe(2)
    expect(error.message).toMatch(zh) // the workspace's locale chooses the language
    expect(error.message + error.hint).not.toMatch(OCLIF_ENGLISH)
  })

  it('LANG=zh_CN.UTF-8 chooses Chinese too, in a spawned CLI', async () => {
    const r = await runCli(['calendar', 'export', '--form', 'x'], {cwd: tmp, env: {LANG: 'zh_CN.UTF-8'}})
    expect(r.code).toBe(2)
    expect(r.stderr).toBe('错误: 没有选项 --form\n  提示: 你是不是想用 --from？全部选项见 `commops calendar export --help`。\n')
  })
})

describe('unknown commands in both languages', () => {
  it('--lang and the workspace locale choose the language of the message', async () => {
    const flag = await runCli(['calender', 'show', '--lang', 'zh-CN'], {cwd: tmp})
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain('`calender show` 不是 commops 命令')
    expect(flag.stderr).toContain('你是不是想运行 `commops calendar show`')
    const ws = await runCli(['playbok', 'list'], {cwd: zhWorkspace})
    expect(ws.code).toBe(2)
    expect(ws.stderr).toContain('你是不是想运行 `commops playbook list`')
    const en = await runCli(['playbok', 'list', '--lang', 'en'], {cwd: zhWorkspace})
    expect(en.stderr).toContain('Did you mean `commops playbook list`?')
  })

  it('a command a topic does not have names the commands it has, in the chosen language', async () => {
    const [zh, en] = await Promise.all([
      runCli(['survey', 'list', '--lang', 'zh-CN'], {cwd: tmp}),
      runCli(['survey', 'list', '--help', '--lang', 'en'], {cwd: tmp}),
    ])
    expect(zh.code).toBe(2)
    expect(zh.stderr).toBe(
      '错误: `survey list` 不是 commops 命令\n  提示: `survey` 下的命令：create, export, ingest, results, show。运行 `commops help` 查看所有命令。\n',
    )
    expect(en.code).toBe(2)
    expect(en.stderr).toContain('Hint: The `survey` commands: create, export, ingest, results, show. Run `commops help`')
  })

  it('help about an unknown command, and a bad flag of help, are usage errors in the chosen language', async () => {
    const [asked, viaHelp, badFlag] = await Promise.all([
      runCli(['calender', '--help'], {cwd: zhWorkspace}),
      runCli(['help', 'calender', 'show', '--lang', 'zh-CN'], {cwd: tmp}),
      runCli(['help', '--bogus'], {cwd: tmp}),
    ])
    expect(asked.code).toBe(2)
    expect(asked.stderr).toBe('错误: `calender` 不是 commops 命令\n  提示: 你是不是想运行 `commops calendar`？运行 `commops help` 查看所有命令。\n')
    expect(viaHelp.code).toBe(2)
    expect(viaHelp.stderr).toContain('你是不是想运行 `commops calendar show`')
    expect(badFlag.code).toBe(2)
    expect(badFlag.stderr).toBe('Error: Unknown flag --bogus\n  Hint: See `commops help --help` for the flags.\n')
    expect(badFlag.stdout).toBe('')
  })

  it.skipIf(!SCRIPT)('on a terminal, asks in the chosen language whether to run the closest command', async () => {
    const yes = await runCliOnTty(['calender', 'show', '--weeks', '1'], {
      cwd: zhWorkspace,
      env: {CI: undefined},
      reply: {when: /\(y\/N\)/, text: 'y\r'},
    })
    expect(yes.output).toContain('`calender show` 不是 commops 命令；改为运行 `commops calendar show` 吗？')
    expect(yes.output).toContain('没有日历条目')
    expect(yes.code).toBe(0)
    const no = await runCliOnTty(['calender', 'show', '--lang', 'en'], {
      cwd: zhWorkspace,
      env: {CI: undefined},
      reply: {when: /\(y\/N\)/, text: '\r'},
    })
    expect(no.output).toContain('`calender show` is not a commops command; run `commops calendar show` instead?')
    expect(no.output).toContain('Did you mean `commops calendar show`?')
    expect(no.code).toBe(2)
  })
})
