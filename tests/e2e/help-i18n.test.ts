import {writeFile} from 'node:fs/promises'
import path from 'node:path'
import {Config} from '@oclif/core'
import stringWidth from 'string-width'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {exampleKey} from '../../src/cli/help.js'
import {HELP_ZH} from '../../src/i18n/messages/help-zh.js'
import {assertBuilt, makeTempDir, removeDir, ROOT, runCli} from '../helpers/cli.js'

// --help in both languages: every command, flag, argument, topic and example has its English (in the command file,
// hence the manifest) and its Chinese (src/i18n/messages/help-zh.ts HELP_ZH), and the help shows the chosen one.

let config: Config

beforeAll(async () => {
  assertBuilt()
  config = await Config.load(ROOT)
})

describe('help texts are complete in both languages', () => {
  const visible = () => config.commands.filter((c) => !c.hidden)

  it('every command, argument, flag and example has an English and a Chinese text', () => {
    const missing: string[] = []
    for (const cmd of visible()) {
      const zh = HELP_ZH.commands[cmd.id]
      if (!cmd.description?.trim()) missing.push(`${cmd.id}: English description`)
      if (!zh?.description) missing.push(`${cmd.id}: Chinese description (HELP_ZH.commands['${cmd.id}'])`)
      for (const [name, arg] of Object.entries(cmd.args ?? {})) {
        if (arg.hidden) continue
        if (!arg.description) missing.push(`${cmd.id} <${name}>: English description`)
        if (!zh?.args?.[name]) missing.push(`${cmd.id} <${name}>: Chinese description`)
      }
      for (const [name, flag] of Object.entries(cmd.flags ?? {})) {
        if (flag.hidden) continue
        if (!flag.description && !flag.summary) missing.push(`${cmd.id} --${name}: English description`)
        if (!zh?.flags?.[name] && !HELP_ZH.globalFlags[name]) missing.push(`${cmd.id} --${name}: Chinese description`)
      }
      for (const example of cmd.examples ?? []) {
        if (typeof example === 'string') continue // a bare command line, nothing to translate
        if (!example.description) missing.push(`${cmd.id} example ${example.command}: English description`)
        if (!zh?.examples?.[exampleKey(example.command)]) missing.push(`${cmd.id} example '${exampleKey(example.command)}': Chinese description`)
      }
    }
    expect(missing).toEqual([])
  })

  it('every topic has an English (package.json oclif.topics) and a Chinese description', () => {
    const topics = config.topics.filter((t) => !t.hidden && config.commands.some((c) => !c.hidden && c.id.startsWith(t.name + ':')))
    expect(topics.length).toBeGreaterThan(5)
    const missing = topics.flatMap((t) => [
      ...(t.description ? [] : [`${t.name}: English (package.json oclif.topics)`]),
      ...(HELP_ZH.topics[t.name] ? [] : [`${t.name}: Chinese`]),
    ])
    expect(missing).toEqual([])
  })

  it('no Chinese text is left for a command, flag, argument, example or topic that does not exist', () => {
    const stale: string[] = []
    for (const [id, zh] of Object.entries(HELP_ZH.commands)) {
      const cmd = config.findCommand(id)
      if (!cmd) {
        stale.push(id)
        continue
      }
      for (const name of Object.keys(zh.flags ?? {})) if (!cmd.flags[name]) stale.push(`${id} --${name}`)
      for (const name of Object.keys(zh.args ?? {})) if (!cmd.args[name]) stale.push(`${id} <${name}>`)
      const examples = new Set((cmd.examples ?? []).map((e) => exampleKey(typeof e === 'string' ? e : e.command)))
      for (const key of Object.keys(zh.examples ?? {})) if (!examples.has(key)) stale.push(`${id} example '${key}'`)
    }
    for (const name of Object.keys(HELP_ZH.topics)) if (!config.findTopic(name)) stale.push(`topic ${name}`)
    expect(stale).toEqual([])
  })

  it('every --out states the rule: any path, relative to the current folder; - is stdout', () => {
    const withOut = config.commands.filter((c) => c.flags.out)
    expect(withOut.length).toBeGreaterThan(3)
    for (const cmd of withOut) {
      expect(cmd.flags.out.description, cmd.id).toMatch(/any path, relative to the current folder; - is stdout/)
      expect(HELP_ZH.commands[cmd.id]?.flags?.out, cmd.id).toMatch(/任意路径，相对当前文件夹；- 表示标准输出/)
    }
  })
})

describe('--help speaks the chosen language', () => {
  let zhWorkspace: string
  let tmp: string

  beforeAll(async () => {
    tmp = await makeTempDir()
    zhWorkspace = path.join(tmp, 'zh')
    expect((await runCli(['init', zhWorkspace, '--locale', 'zh-CN', '--yes', '--name', 'Demo'])).code).toBe(0)
  })
  afterAll(() => removeDir(tmp))

  it('--lang zh-CN: description, flags, global flags, the --out rule, examples and headings in Chinese', async () => {
    const r = await runCli(['calendar', 'export', '--help', '--lang', 'zh-CN'])
    expect(r.code).toBe(0)
    for (const text of ['导出日历', '用法', '选项', '全局选项', '示例', '只要这个渠道', '工作区文件夹', '导入 Google 日历']) {
      expect(r.stdout).toContain(text)
    }
    // the one-line description is printed once, above 用法, with no 说明 section repeating it
    const description = HELP_ZH.commands['calendar:export'].description
    expect(r.stdout.startsWith(description)).toBe(true)
    expect(r.stdout.split(description.slice(0, 12)).length - 1).toBe(1)
    expect(r.stdout).not.toContain('说明')
    expect(r.stdout.replace(/\s+/g, '')).toContain(HELP_ZH.commands['calendar:export'].flags!.out.replace(/\s+/g, ''))
    expect(r.stdout).not.toMatch(/USAGE|EXAMPLES|Export the calendar|Only this channel/)
  })

  it('English by default, with oclif headings and the --out rule', async () => {
    const r = await runCli(['calendar', 'export', '--help'])
    expect(r.stdout).toContain('Export the calendar')
    expect(r.stdout.split('Export the calendar').length - 1).toBe(1)
    expect(r.stdout).not.toContain('DESCRIPTION')
    expect(r.stdout).toMatch(/USAGE[\s\S]*FLAGS[\s\S]*GLOBAL FLAGS[\s\S]*EXAMPLES/)
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('any path, relative to the current folder; - is stdout')
    expect(r.stdout).not.toMatch(/[\u4e00-\u9fff]{3}/)
    // texts with an EJS tag still go through oclif's templates (the others are printed as they are)
    expect(r.stdout).toContain('$ commops calendar export')
    expect(r.stdout).not.toContain('<%')
  })

  it('LANG=zh_CN.UTF-8: the root help, its topics and commands in Chinese', async () => {
    const r = await runCli(['--help'], {env: {LANG: 'zh_CN.UTF-8'}})
    expect(r.code).toBe(0)
    expect(r.stdout).toContain(HELP_ZH.root)
    expect(r.stdout).toMatch(/主题[\s\S]*calendar\s+内容日历[\s\S]*命令[\s\S]*validate\s+按 schema 检查/)
  })

  it('a workspace whose locale is zh-CN gets Chinese help; --lang en still wins', async () => {
    const zh = await runCli(['rules', 'incident', 'add', '--help'], {cwd: zhWorkspace})
    expect(zh.stdout).toContain('记录一次违规')
    const en = await runCli(['rules', 'incident', 'add', '--help', '--lang', 'en'], {cwd: zhWorkspace})
    expect(en.stdout).toContain('Record a moderation incident')
    const other = await runCli(['help', 'calendar', '--workspace', zhWorkspace])
    expect(other.stdout).toMatch(/内容日历[\s\S]*calendar export\s+导出日历/)
  })

  it('topics and `help TOPIC` in Chinese', async () => {
    const r = await runCli(['help', 'rules', '--lang', 'zh-CN'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('群规（行为准则）')
    expect(r.stdout).toMatch(/rules incident\s+记录违规事件/)
    expect(r.stdout).toMatch(/rules show\s+显示生效的群规/)
  })

  it('Chinese help wraps between characters: lines fill the width, none starts with a closing mark', async () => {
    for (const args of [
      ['members', '--help'],
      ['survey', 'ingest', '--help'],
      ['metrics', '--help'],
    ]) {
      const r = await runCli([...args, '--lang', 'zh-CN'], {env: {COLUMNS: '80'}})
      expect(r.code).toBe(0)
      // the first line is the one-line description, which oclif does not wrap; lines without Chinese are oclif's
      const lines = r.stdout
        .split('\n')
        .slice(1)
        .filter((line) => /\p{Script=Han}/u.test(line))
      for (const line of lines) {
        expect(stringWidth(line), line).toBeLessThanOrEqual(80)
        expect('，。、；：？！）」』】》').not.toContain(line.trim()[0] ?? 'x')
      }
    }
    // a sentence after a space no longer jumps whole to the next line, leaving a short one behind
    const r = await runCli(['members', '--help', '--lang', 'zh-CN'], {env: {COLUMNS: '80'}})
    expect(r.stdout).toMatch(/--anonymize 把编号/)
  })

  it('an unreadable community.yaml does not break help', async () => {
    const broken = path.join(tmp, 'broken')
    expect((await runCli(['init', broken, '--yes', '--name', 'B'])).code).toBe(0)
    await writeFile(path.join(broken, 'community.yaml'), ': not yaml [')
    const r = await runCli(['--help'], {cwd: broken})
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('USAGE')
  })
})
