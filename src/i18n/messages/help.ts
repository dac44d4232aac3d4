/**
 * The headings of oclif's help in both languages, and the usage errors of the command line. The Chinese texts of each
 * command's help are in help-zh.ts (loaded only when help is shown in Chinese).
 */
import type {Messages} from './types.js'

export const help: Messages = {
  // section headers of oclif's help, by their English heading
  'help.section.USAGE': {en: 'USAGE', 'zh-CN': '用法'},
  'help.section.ARGUMENTS': {en: 'ARGUMENTS', 'zh-CN': '参数'},
  'help.section.FLAGS': {en: 'FLAGS', 'zh-CN': '选项'},
  'help.section.GLOBAL FLAGS': {en: 'GLOBAL FLAGS', 'zh-CN': '全局选项'},
  'help.section.DESCRIPTION': {en: 'DESCRIPTION', 'zh-CN': '说明'},
  'help.section.ALIASES': {en: 'ALIASES', 'zh-CN': '别名'},
  'help.section.EXAMPLES': {en: 'EXAMPLES', 'zh-CN': '示例'},
  'help.section.FLAG DESCRIPTIONS': {en: 'FLAG DESCRIPTIONS', 'zh-CN': '选项说明'},
  'help.section.TOPICS': {en: 'TOPICS', 'zh-CN': '主题'},
  'help.section.COMMANDS': {en: 'COMMANDS', 'zh-CN': '命令'},
  'help.section.VERSION': {en: 'VERSION', 'zh-CN': '版本'},

  // usage errors: what oclif's parser rejected, in the chosen language (src/cli/usage-errors.ts)
  'usage.flag.unknown': {en: 'Unknown flag {flags}', 'zh-CN': '没有选项 {flags}'},
  'usage.flag.unknown.hint': {
    en: 'Did you mean {suggestion}? See `commops {command} --help` for the flags.',
    'zh-CN': '你是不是想用 {suggestion}？全部选项见 `commops {command} --help`。',
  },
  'usage.flag.unknown.noSuggestion': {
    en: 'See `commops {command} --help` for the flags.',
    'zh-CN': '全部选项见 `commops {command} --help`。',
  },
  'usage.flag.needsValue': {en: '--{flag} needs a value', 'zh-CN': '--{flag} 需要一个值'},
  'usage.flag.needsOption': {en: '--{flag} needs a value, one of: {options}', 'zh-CN': '--{flag} 需要一个值，可选：{options}'},
  'usage.flag.once': {en: '--{flag} can be given only once', 'zh-CN': '--{flag} 只能给一次'},
  'usage.flag.option': {
    en: '--{flag} does not accept `{value}`; one of: {options}',
    'zh-CN': '--{flag} 不接受 `{value}`；可选：{options}',
  },
  'usage.flag.option.hint': {
    en: 'Did you mean `--{flag} {suggestion}`? See `commops {command} --help` for usage and examples.',
    'zh-CN': '你是不是想用 `--{flag} {suggestion}`？用法与示例见 `commops {command} --help`。',
  },
  'usage.flag.integer': {en: '--{flag} needs a whole number, not `{value}`', 'zh-CN': '--{flag} 需要一个整数，而不是 `{value}`'},
  'usage.flag.min': {en: '--{flag} must be at least {min}, not {value}', 'zh-CN': '--{flag} 至少为 {min}，而不是 {value}'},
  'usage.flag.max': {en: '--{flag} must be at most {max}, not {value}', 'zh-CN': '--{flag} 至多为 {max}，而不是 {value}'},
  'usage.flag.invalid': {en: '--{flag} does not accept `{value}`', 'zh-CN': '--{flag} 不接受 `{value}`'},
  'usage.flag.required': {en: 'Missing required flag {flags}', 'zh-CN': '缺少必需的选项 {flags}'},
  'usage.flag.exclusive': {en: '--{flag} cannot be used together with --{other}', 'zh-CN': '--{flag} 不能与 --{other} 同时使用'},
  'usage.flag.dependsOn': {en: '--{flag} also needs {others}', 'zh-CN': '使用 --{flag} 时还需要 {others}'},
  'usage.flag.exactlyOne': {en: 'Give exactly one of {flags}', 'zh-CN': '{flags} 必须且只能给一个'},
  'usage.flag.atLeastOne': {en: 'Give at least one of {flags}', 'zh-CN': '{flags} 至少要给一个'},
  'usage.flag.combination': {en: 'These flags cannot be combined: {detail}', 'zh-CN': '这些选项不能这样组合：{detail}'},
  'usage.arg.missing': {en: 'Missing argument {names}', 'zh-CN': '缺少参数 {names}'},
  'usage.arg.unexpected': {en: 'Unexpected argument {args}', 'zh-CN': '多余的参数 {args}'},
  'usage.arg.option': {en: '{arg} cannot be `{value}`; one of: {options}', 'zh-CN': '{arg} 不能是 `{value}`；可选：{options}'},
  'usage.arg.option.hint': {
    en: 'Did you mean `{suggestion}`? See `commops {command} --help` for usage and examples.',
    'zh-CN': '你是不是想用 `{suggestion}`？用法与示例见 `commops {command} --help`。',
  },
  'usage.other': {en: 'Invalid command line: {detail}', 'zh-CN': '命令行有误：{detail}'},
  'cli.unknownCommand.ask': {
    en: '`{typed}` is not a commops command; run `commops {command}` instead?',
    'zh-CN': '`{typed}` 不是 commops 命令；改为运行 `commops {command}` 吗？',
  },
}
