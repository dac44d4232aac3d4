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
  'init.invalid.hint': {
    en: 'Nothing was written. Check the values given to init (--name, --timezone, --platform…): they go into community.yaml as typed.',
    'zh-CN': '未写入任何内容。请检查传给 init 的值（--name、--timezone、--platform……）：它们会原样写入 community.yaml。',
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
  'init.q.platforms': {en: 'Platforms (space to select, enter to confirm)', 'zh-CN': '平台（空格选择，回车确认）'},
  'init.q.type': {
    en: 'Kind of community (decides the rules template and the playbooks to start with)',
    'zh-CN': '社群类型（决定群规模板和建议使用的剧本）',
  },
  'init.platform.wechat': {en: 'WeChat', 'zh-CN': '微信'},
  'init.platform.qq': {en: 'QQ', 'zh-CN': 'QQ'},
  'init.platform.discord': {en: 'Discord', 'zh-CN': 'Discord'},
  'init.platform.slack': {en: 'Slack', 'zh-CN': 'Slack'},
  'init.platform.discourse': {en: 'Discourse forum', 'zh-CN': 'Discourse 论坛'},
  'init.platform.telegram': {en: 'Telegram', 'zh-CN': 'Telegram'},
  'init.platform.github': {en: 'GitHub', 'zh-CN': 'GitHub'},
  'init.platform.feishu': {en: 'Feishu / Lark', 'zh-CN': '飞书'},
  'init.platform.dingtalk': {en: 'DingTalk', 'zh-CN': '钉钉'},
  'init.platform.weibo': {en: 'Weibo', 'zh-CN': '微博'},
  'init.platform.xiaohongshu': {en: 'Xiaohongshu (RED)', 'zh-CN': '小红书'},
  'init.platform.forum': {en: 'Another forum or BBS', 'zh-CN': '其他论坛 / BBS'},
  'init.platform.other': {en: 'Other', 'zh-CN': '其他'},
  'init.type.brand': {en: 'Brand or fan community', 'zh-CN': '品牌 / 粉丝社群'},
  'init.type.knowledge': {en: 'Knowledge or learning (paid groups, courses)', 'zh-CN': '知识 / 学习社群（付费群、课程）'},
  'init.type.interest': {en: 'Interest (photography, running, reading…)', 'zh-CN': '兴趣社群（摄影、跑步、读书……）'},
  'init.type.open-source': {en: 'Open-source project', 'zh-CN': '开源社区'},
  'init.type.other': {en: 'Other', 'zh-CN': '其他'},
  'init.type.brand.means': {
    en: 'Rules template {template}; playbooks launch-brand, maintain-brand, evaluate-brand',
    'zh-CN': '群规模板 {template}；剧本 launch-brand、maintain-brand、evaluate-brand',
  },
  'init.type.knowledge.means': {
    en: 'Rules template {template}; playbooks launch-knowledge, maintain-knowledge, evaluate',
    'zh-CN': '群规模板 {template}；剧本 launch-knowledge、maintain-knowledge、evaluate',
  },
  'init.type.interest.means': {
    en: 'Rules template {template}; playbooks launch-interest, maintain, evaluate',
    'zh-CN': '群规模板 {template}；剧本 launch-interest、maintain、evaluate',
  },
  'init.type.open-source.means': {
    en: 'Rules template {template}; playbooks launch-open-source, maintain-open-source, evaluate-open-source',
    'zh-CN': '群规模板 {template}；剧本 launch-open-source、maintain-open-source、evaluate-open-source',
  },
  'init.type.other.means': {
    en: 'Rules template {template}; playbooks launch, maintain, evaluate',
    'zh-CN': '群规模板 {template}；剧本 launch、maintain、evaluate',
  },
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
  'community.duplicateName': {en: 'Name `{id}` is used twice', 'zh-CN': '名称 `{id}` 重复'},
  'community.dateOrder': {en: 'The campaign ends on {to}, before it starts ({from})', 'zh-CN': '活动的结束日期 {to} 早于开始日期（{from}）'},
  'community.dateOrder.hint': {
    en: '`to` is the last day of the campaign, included: on or after `from`.',
    'zh-CN': '`to` 是活动的最后一天（含当天），不能早于 `from`。',
  },
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
