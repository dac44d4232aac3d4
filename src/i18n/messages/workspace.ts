import type {Messages} from './types.js'

export const workspace: Messages = {
  'workspace.notFound': {
    en: 'No community.yaml found in {dir} or any folder above it',
    'zh-CN': '在 {dir} 及其上级文件夹中都没有找到 community.yaml',
  },
  'workspace.notFound.hint': {
    en: 'Run `commops init NAME` to create a workspace, or pass --workspace DIR (or set COMMOPS_WORKSPACE).',
    'zh-CN': '请运行 `commops init 名称` 创建工作区，或传入 --workspace 目录（或设置环境变量 COMMOPS_WORKSPACE）。',
  },
  'workspace.overrideMissing': {
    en: 'The workspace {dir} has no community.yaml',
    'zh-CN': '工作区 {dir} 中没有 community.yaml',
  },
  'workspace.invalid': {
    en: '{file} has {count} problem(s); the first: {first}',
    'zh-CN': '{file} 有 {count} 处问题，第一处：{first}',
  },
  'workspace.invalid.hint': {
    en: 'Run `commops validate` to see every problem with its location.',
    'zh-CN': '运行 `commops validate` 查看所有问题及其位置。',
  },
  'init.exists': {
    en: '{dir} already holds a workspace (community.yaml)',
    'zh-CN': '{dir} 已经是一个工作区（存在 community.yaml）',
  },
  'init.exists.hint': {
    en: 'Pass --force to overwrite community.yaml; the store and your data are kept.',
    'zh-CN': '加上 --force 可覆盖 community.yaml；存储与数据文件会保留。',
  },
  'init.notDir': {en: '{path} is a file, not a folder', 'zh-CN': '{path} 是文件，不是文件夹'},
  'init.notDir.hint': {en: 'Give a new or existing folder for the workspace.', 'zh-CN': '请为工作区指定一个新的或已有的文件夹。'},
  'init.created': {en: 'Created workspace {dir}', 'zh-CN': '已创建工作区 {dir}'},
  'init.next': {
    en: 'Next: cd {dir} && commops validate',
    'zh-CN': '下一步：cd {dir} && commops validate',
  },
  'init.q.name': {en: 'Community name', 'zh-CN': '社群名称'},
  'init.q.description': {en: 'One-line description', 'zh-CN': '一句话介绍'},
  'init.q.locale': {en: 'Language', 'zh-CN': '语言'},
  'init.q.timezone': {en: 'Timezone (IANA, e.g. Asia/Shanghai)', 'zh-CN': '时区（IANA 名称，如 Asia/Shanghai）'},
  'init.q.platforms': {en: 'Platforms', 'zh-CN': '平台'},
  'init.q.sample': {
    en: 'Start from the full sample (personas, pillars, incentives)?',
    'zh-CN': '是否从完整示例开始（含用户画像、内容支柱、激励规则）？',
  },
  'init.badTimezone': {en: 'Unknown timezone: {tz}', 'zh-CN': '未知时区：{tz}'},
  'init.badTimezone.hint': {
    en: 'Use an IANA name such as Asia/Shanghai, Europe/Berlin or America/New_York.',
    'zh-CN': '请使用 IANA 时区名，例如 Asia/Shanghai、Europe/Berlin、America/New_York。',
  },
  'community.unknownChannel': {
    en: 'Channel `{channel}` is not defined under platforms[].channels',
    'zh-CN': '频道 `{channel}` 没有在 platforms[].channels 中定义',
  },
  'community.unknownChannel.hint': {en: 'Channels: {channels}.{suggest}', 'zh-CN': '已定义的频道：{channels}。{suggest}'},
  'community.duplicateId': {en: 'Id `{id}` is used twice', 'zh-CN': 'id `{id}` 重复'},
  'community.levelOrder': {
    en: 'Level {level} needs {threshold} points, not more than the level before it ({previous})',
    'zh-CN': '等级 {level} 的门槛 {threshold} 没有高于上一级（{previous}）',
  },
  'community.shares': {en: 'Persona shares add up to {total}, more than 1', 'zh-CN': '用户画像占比之和为 {total}，超过了 1'},
  'community.placeholder': {en: 'Still a placeholder from the starter file', 'zh-CN': '这里还是模板的占位内容'},
  'community.placeholder.hint': {
    en: 'Replace the "(to fill in)" text with your own words (or delete the entry); the launch playbook counts it as empty.',
    'zh-CN': '把「（待填写）」这段换成你自己的内容（或删掉这一项）；启动剧本会把它当作未填写。',
  },
}
