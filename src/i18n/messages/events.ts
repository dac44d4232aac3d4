import type {Messages} from './types.js'

export const events: Messages = {
  // rejected rows
  'events.reject.notObject': {en: 'not a JSON object', 'zh-CN': '不是 JSON 对象'},
  'events.reject.notJson': {en: 'not valid JSON', 'zh-CN': '不是有效的 JSON'},
  'events.reject.noId': {en: 'no message id', 'zh-CN': '缺少消息 id'},
  'events.reject.noMember': {en: 'no sender (member id)', 'zh-CN': '缺少发送者（成员 id）'},
  'events.reject.badTime': {
    en: 'time `{value}` cannot be read (or does not exist in the timezone)',
    'zh-CN': '时间 `{value}` 无法识别（或在该时区不存在）',
  },
  'events.reject.noTime': {en: 'no time (`{field}` is missing)', 'zh-CN': '缺少时间（没有 `{field}`）'},
  'events.reject.badType': {
    en: 'unknown event type `{value}` (expected one of {types}, or 发言/回复/加入/…)',
    'zh-CN': '未知的事件类型 `{value}`（应为 {types}，或 发言/回复/加入/…）',
  },
  'events.reject.badMember': {en: 'member `{value}` is not `platform:id`', 'zh-CN': '成员 `{value}` 不是 `平台:id` 形式'},
  'events.reject.csvWidth': {en: 'row has {got} cells, the header {expected}', 'zh-CN': '该行有 {got} 列，表头有 {expected} 列'},
  'events.reject.qqNickUnknown': {
    en: '{type} of “{nick}”: this nickname never posts in the file, so its QQ number is unknown',
    'zh-CN': '“{nick}”的{type}：该昵称在文件中没有发言，无法得知其 QQ 号',
  },
  'events.reject.telegramNameOnly': {
    en: '“{name}” is named without an id (Telegram exports give only the name of invited or removed members)',
    'zh-CN': '“{name}”只有名字没有 id（Telegram 导出只给出被邀请或被移除成员的名字）',
  },
  // import
  'events.detect.unknown': {en: 'Cannot tell which export this is: it looks like {looksLike}', 'zh-CN': '无法识别导出格式：看起来是 {looksLike}'},
  'events.detect.hint': {
    en: 'Name the format with --from discord|slack|discourse|telegram|qq|csv|ndjson',
    'zh-CN': '用 --from discord|slack|discourse|telegram|qq|csv|ndjson 指定格式',
  },
  'events.csv.needMap': {
    en: 'This looks like a CSV file (columns: {columns}); say which column is which',
    'zh-CN': '这看起来是 CSV 文件（列：{columns}）；请说明各列的含义',
  },
  'events.csv.missingColumns': {
    en: 'The mapping names columns the file does not have: {missing} (it has: {columns})',
    'zh-CN': '映射中的列在文件中不存在：{missing}（文件的列：{columns}）',
  },
  'events.csv.quoteNotClosed': {
    en: 'A quoted cell starts in the record on this line and is never closed; nothing was imported',
    'zh-CN': '此行开始的记录中有一个带引号的单元格没有结束引号；未导入任何内容',
  },
  'events.csv.quoteNotClosed.hint': {
    en: 'Close the quote (a quote inside a quoted cell is written twice: "") or export the file again, then import it again.',
    'zh-CN': '请补上结束引号（带引号的单元格中的引号要写两次：""），或重新导出文件后再导入。',
  },
  'events.csv.syntax': {en: 'The CSV cannot be read: {reason}', 'zh-CN': 'CSV 无法解析：{reason}'},
  'events.csv.syntax.hint': {
    en: 'Export the file again as CSV (UTF-8 or GBK), then import it again.',
    'zh-CN': '请将文件重新导出为 CSV（UTF-8 或 GBK）后再导入。',
  },
  'events.csv.unmapped': {en: 'No column is mapped to {fields} (columns: {columns})', 'zh-CN': '没有列映射到 {fields}（文件的列：{columns}）'},
  'events.map.bad': {en: '`{pair}` is not COLUMN=FIELD with a field among {fields}', 'zh-CN': '`{pair}` 不是 列名=字段 形式（字段为 {fields} 之一）'},
  'events.map.hint': {
    en: 'e.g. --map "时间=ts,昵称=member,类型=type,群=channel", or --preset memotrace|sheet-zh|sheet-en',
    'zh-CN': '例如 --map "时间=ts,昵称=member,类型=type,群=channel"，或 --preset memotrace|sheet-zh|sheet-en',
  },
  'events.preset.unknown': {en: 'No preset named `{name}` (presets: {names})', 'zh-CN': '没有名为 `{name}` 的预设（可用：{names}）'},
  'events.preset.badName': {
    en: 'Cannot save a preset named `{name}`: a name is letters and digits, with `-`, `_` or `.` inside (at most 64)',
    'zh-CN': '无法以 `{name}` 为名保存预设：名称由字母和数字组成，中间可有 `-`、`_` 或 `.`（最多 64 个字符）',
  },
  'events.preset.saveNeedsMap': {en: '--save-preset needs --map (the mapping to save)', 'zh-CN': '--save-preset 需要同时给出 --map（要保存的映射）'},
  'events.json.syntax': {en: 'The JSON cannot be read: {reason}', 'zh-CN': 'JSON 无法解析：{reason}'},
  'events.json.shape': {en: 'At `{path}`: expected {expected}, found {found}', 'zh-CN': '`{path}` 处应为{expected}，实际是{found}'},
  'events.json.shapeTop': {en: 'The file holds {found}, not {expected}', 'zh-CN': '文件内容是{found}，而不是{expected}'},
  'events.json.kind.object': {en: 'a JSON object', 'zh-CN': ' JSON 对象'},
  'events.json.kind.array': {en: 'an array', 'zh-CN': '数组'},
  'events.json.kind.string': {en: 'a string', 'zh-CN': '字符串'},
  'events.json.kind.number': {en: 'a number', 'zh-CN': '数字'},
  'events.json.kind.boolean': {en: 'true/false', 'zh-CN': '布尔值'},
  'events.json.kind.null': {en: 'null', 'zh-CN': ' null'},
  'events.json.kind.missing': {en: 'nothing (missing)', 'zh-CN': '空（缺失）'},
  'events.discourse.none': {
    en: 'No `latest_posts`, `post_stream` or `topic_list` in the file: it is not a Discourse posts, topic or latest response',
    'zh-CN': '文件中没有 `latest_posts`、`post_stream` 或 `topic_list`：不是 Discourse 的帖子、主题或最新列表响应',
  },
  'events.slack.none': {
    en: 'No Slack export here: no users.json or channels.json, and no CHANNEL/YYYY-MM-DD.json files',
    'zh-CN': '这里没有 Slack 导出：既没有 users.json 或 channels.json，也没有 频道/YYYY-MM-DD.json 文件',
  },
  'events.zip.refused': {en: 'The zip archive is refused ({reason}) {entry}', 'zh-CN': '拒绝读取该 zip 压缩包（{reason}）{entry}'},
  'events.zip.hint': {
    en: 'Unzip the Slack export yourself and import the folder, after checking its contents',
    'zh-CN': '请自行解压 Slack 导出、检查内容后导入该文件夹',
  },
  'events.import.concurrent': {
    en: 'Another import finished while this one ran; nothing was recorded',
    'zh-CN': '本次导入期间另一次导入已完成；本次没有记录任何内容',
  },
  'events.import.rerun': {
    en: 'Run the same import again: events already imported are skipped',
    'zh-CN': '再运行一次同样的导入即可：已导入的事件会被跳过',
  },
  'events.import.done': {
    en: 'Imported {added} events from {source} ({format}) as batch {batch}',
    'zh-CN': '已从 {source}（{format}）导入 {added} 条事件，批次 {batch}',
  },
  'events.import.dry': {
    en: 'Dry run: {added} new events from {source} ({format}); nothing written',
    'zh-CN': '试运行：{source}（{format}）中有 {added} 条新事件；未写入任何内容',
  },
  'events.import.nothing': {
    en: 'Nothing new in {source} ({format}): every event is already imported',
    'zh-CN': '{source}（{format}）中没有新事件：全部已导入过',
  },
  'events.import.none': {
    en: 'No events in {source} ({format})',
    'zh-CN': '{source}（{format}）中没有事件',
  },
  'events.import.counts': {
    en: '  {duplicates} already imported, {skipped} left out ({reasons}), {rejected} rejected',
    'zh-CN': '  已存在 {duplicates} 条，略过 {skipped} 条（{reasons}），拒收 {rejected} 条',
  },
  'events.import.range': {en: '  from {from} to {to}', 'zh-CN': '  时间范围 {from} 至 {to}'},
  'events.import.rejected': {en: 'Rejected rows:', 'zh-CN': '拒收的行：'},
  'events.import.more': {en: '  … {more} more in {file}', 'zh-CN': '  … 另有 {more} 行，见 {file}'},
  'events.import.moreNoFile': {
    en: '  … {more} more (see --json, or fix the rows above and run again)',
    'zh-CN': '  … 另有 {more} 行（见 --json，或修正上面的行后重新导入）',
  },
  'events.import.samples': {en: 'Sample events:', 'zh-CN': '事件示例：'},
  'events.import.progress': {en: 'Reading {file}: {percent}%', 'zh-CN': '正在读取 {file}：{percent}%'},
  'events.skip.bot': {en: 'bots', 'zh-CN': '机器人'},
  'events.skip.system': {en: 'system notices', 'zh-CN': '系统通知'},
  'events.skip.recall': {en: 'recalls', 'zh-CN': '撤回'},
  'events.skip.deleted': {en: 'deleted users or messages', 'zh-CN': '已删除的用户或消息'},
  'events.skip.none': {en: 'none', 'zh-CN': '无'},
  // list and stats
  'events.list.none': {en: 'No events match.', 'zh-CN': '没有符合条件的事件。'},
  'events.list.shown': {
    en: '{shown} of {matched} matching events (the latest by time)',
    'zh-CN': '共 {matched} 条符合条件的事件，显示最近的 {shown} 条',
  },
  'events.list.badDate': {en: '`{value}` is not a date (YYYY-MM-DD)', 'zh-CN': '`{value}` 不是日期（YYYY-MM-DD）'},
  'events.stats.empty': {
    en: 'No events yet: import some with `commops events import FILE`',
    'zh-CN': '还没有事件：用 `commops events import 文件` 导入',
  },
  'events.stats.summary': {
    en: '{events} events in {batches} batches, {from} to {to}; {members} member accounts, {people} people',
    'zh-CN': '{batches} 个批次共 {events} 条事件，{from} 至 {to}；成员账号 {members} 个，合计 {people} 人',
  },
  'events.stats.byType': {en: 'By type', 'zh-CN': '按类型'},
  'events.stats.byChannel': {en: 'By channel', 'zh-CN': '按频道'},
  'events.stats.byMonth': {en: 'By month', 'zh-CN': '按月份'},
  'events.col.ts': {en: 'Time', 'zh-CN': '时间'},
  'events.col.type': {en: 'Type', 'zh-CN': '类型'},
  'events.col.member': {en: 'Member', 'zh-CN': '成员'},
  'events.col.channel': {en: 'Channel', 'zh-CN': '频道'},
  'events.col.topic': {en: 'Topic', 'zh-CN': '话题'},
  'events.col.count': {en: 'Events', 'zh-CN': '事件数'},
  // members link
  'members.link.badIdentity': {en: '`{id}` is not an identity `platform:id`', 'zh-CN': '`{id}` 不是 `平台:id` 形式的身份'},
  'members.link.identityHint': {
    en: 'e.g. discord:123 slack:U456 qq:10002 wechat:wxid_x csv:小王',
    'zh-CN': '例如 discord:123 slack:U456 qq:10002 wechat:wxid_x csv:小王',
  },
  'members.link.tooFew': {en: 'Give at least two different identities to link', 'zh-CN': '请给出至少两个不同的身份来关联'},
  'members.link.done': {en: '{id}: {members}', 'zh-CN': '{id}：{members}'},
  'members.unlink.done': {en: 'Unlinked: {members}', 'zh-CN': '已取消关联：{members}'},
  'members.unlink.none': {en: 'None of these identities was linked', 'zh-CN': '这些身份都没有关联'},
  // the events.import step
  'events.step.describe': {en: 'Import activity from {path}', 'zh-CN': '从 {path} 导入活动数据'},
  'events.step.counts': {
    en: '{source} ({format}): {added} new, {duplicates} already imported, {rejected} rejected',
    'zh-CN': '{source}（{format}）：新增 {added} 条，已导入过 {duplicates} 条，拒绝 {rejected} 条',
  },
  'events.step.batch': {en: 'Written as batch {batch}', 'zh-CN': '已写入批次 {batch}'},
  'events.step.missing': {
    en: 'No {path} in the workspace: put the activity export there (DiscordChatExporter JSON, Slack, Discourse, Telegram, QQ, CSV or NDJSON)',
    'zh-CN': '工作区里没有 {path}：请把活动数据导出文件放在这里（DiscordChatExporter JSON、Slack、Discourse、Telegram、QQ、CSV 或 NDJSON）',
  },
  'events.step.missing.hint': {
    en: 'The path is relative to the workspace ({root}); `commops init --sample` writes an example as data/activity.ndjson. A playbook with a path variable takes another file with --var NAME=FILE.',
    'zh-CN':
      '路径相对于工作区（{root}）；`commops init --sample` 会写一份示例 data/activity.ndjson。路径来自变量的剧本可用 --var 变量名=文件 换一个文件。',
  },
  'events.preset.unknown.hint': {
    en: 'Use one of those names, or save a mapping first: --map "时间=ts,昵称=member" --save-preset NAME.',
    'zh-CN': '请使用上面列出的名称之一，或先保存一个映射：--map "时间=ts,昵称=member" --save-preset 名称。',
  },
  'events.preset.badName.hint': {en: 'e.g. --save-preset my-sheet', 'zh-CN': '例如 --save-preset 我的表格'},
  'events.preset.saveNeedsMap.hint': {
    en: 'Add the mapping to save, e.g. --map "时间=ts,昵称=member,类型=type" --save-preset NAME.',
    'zh-CN': '请加上要保存的映射，例如 --map "时间=ts,昵称=member,类型=type" --save-preset 名称。',
  },
  'events.shape.hint.discord': {
    en: 'A DiscordChatExporter export is one JSON object: {"guild": {…}, "channel": {…}, "messages": [{"id", "timestamp", "author": {"id"}, …}, …]}. Export the channel again with --format Json, or name another format with --from.',
    'zh-CN':
      'DiscordChatExporter 导出是一个 JSON 对象：{"guild": {…}, "channel": {…}, "messages": [{"id", "timestamp", "author": {"id"}, …}, …]}。请用 --format Json 重新导出该频道，或用 --from 指定其他格式。',
  },
  'events.shape.hint.telegram': {
    en: 'A Telegram Desktop export of one chat (result.json) is one JSON object: {"name", "type", "id", "messages": [{"id", "type", "date", "from_id", …}, …]}. Export a single chat in JSON ("Export chat history"), or name another format with --from.',
    'zh-CN':
      'Telegram Desktop 单个聊天的导出（result.json）是一个 JSON 对象：{"name", "type", "id", "messages": [{"id", "type", "date", "from_id", …}, …]}。请以 JSON 导出单个聊天（“导出聊天记录”），或用 --from 指定其他格式。',
  },
  'events.shape.hint.discourse': {
    en: 'Give a Discourse API response: /posts.json ({"latest_posts": […]}), /t/ID.json ({"post_stream": {"posts": […]}}) or /latest.json ({"users": […], "topic_list": {"topics": […]}}).',
    'zh-CN':
      '请提供 Discourse API 响应：/posts.json（{"latest_posts": […]}）、/t/ID.json（{"post_stream": {"posts": […]}}）或 /latest.json（{"users": […], "topic_list": {"topics": […]}}）。',
  },
  'events.shape.hint.slack': {
    en: 'An official Slack export (zip or folder) holds users.json, channels.json and one CHANNEL/YYYY-MM-DD.json per channel per day, each a JSON array.',
    'zh-CN': 'Slack 官方导出（zip 或文件夹）包含 users.json、channels.json，以及每个频道每天一个 频道/YYYY-MM-DD.json，每个都是 JSON 数组。',
  },
  'events.json.syntax.hint': {
    en: 'Give the whole JSON file the platform exported (an interrupted download or a hand edit breaks it), or a CSV with --map.',
    'zh-CN': '请提供平台导出的完整 JSON 文件（下载中断或手工修改都会破坏它），或改用 CSV 加 --map。',
  },
  'events.list.badDate.hint': {
    en: 'Write dates as YYYY-MM-DD, e.g. --since 2026-11-01 --until 2026-11-30.',
    'zh-CN': '日期请写成 YYYY-MM-DD，例如 --since 2026-11-01 --until 2026-11-30。',
  },
  'members.link.tooFew.hint': {
    en: 'Give two or more identities of one person: commops members link qq:10002 wechat:wxid_x',
    'zh-CN': '请给出同一个人的两个或更多身份：commops members link qq:10002 wechat:wxid_x',
  },
}
