import type {Messages} from './types.js'

export const common: Messages = {
  'error.label': {en: 'Error', 'zh-CN': '错误'},
  'error.hint': {en: 'Hint', 'zh-CN': '提示'},
  'error.unexpected': {
    en: 'Unexpected error: {message}',
    'zh-CN': '意外错误：{message}',
  },
  'error.unexpected.hint': {
    en: 'This is a bug in commops. Run again with DEBUG=commops to see the stack trace and report it.',
    'zh-CN': '这是 commops 的缺陷。请加上环境变量 DEBUG=commops 重新运行以查看调用栈，并反馈给我们。',
  },
  'error.usage': {en: '{message}', 'zh-CN': '{message}'},
  'error.usage.hint': {
    en: 'See `commops {command} --help` for usage and examples.',
    'zh-CN': '用法与示例见 `commops {command} --help`。',
  },
  'file.notFound': {en: 'File or folder not found: {path}', 'zh-CN': '找不到文件或文件夹：{path}'},
  'file.notFound.hint': {
    en: 'Check the path; relative paths are resolved from the current folder.',
    'zh-CN': '请检查路径；相对路径以当前文件夹为起点。',
  },
  'file.exists': {en: '{path} already exists', 'zh-CN': '{path} 已存在'},
  'file.exists.hint': {
    en: 'Pass --force to overwrite it.',
    'zh-CN': '如需覆盖，请加上 --force。',
  },
  'file.outside': {
    en: 'Path {path} is outside the workspace {root}',
    'zh-CN': '路径 {path} 超出了工作区 {root}',
  },
  'file.outside.hint': {
    en: 'Use a relative path inside the workspace; `..`, absolute paths and symlinks leading out are refused.',
    'zh-CN': '请使用工作区内的相对路径；不允许 `..`、绝对路径或指向工作区外的符号链接。',
  },
  'cli.unknownCommand': {en: '`{command}` is not a commops command', 'zh-CN': '`{command}` 不是 commops 命令'},
  'cli.unknownCommand.suggest': {en: 'Did you mean `commops {command}`? ', 'zh-CN': '你是不是想运行 `commops {command}`？'},
  'cli.unknownCommand.hint': {en: 'Run `commops help` for the list of commands.', 'zh-CN': '运行 `commops help` 查看所有命令。'},
  'prompt.missing': {
    en: 'Missing value for --{flag}',
    'zh-CN': '缺少 --{flag} 的值',
  },
  'prompt.missing.hint': {
    en: 'Pass --{flag}, or run on a terminal without --yes and without CI set to be asked.',
    'zh-CN': '请传入 --{flag}；或在终端中运行（不带 --yes 且未设置 CI）以交互方式填写。',
  },
}
