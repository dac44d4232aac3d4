import type {Messages} from './types.js'

export const calendar: Messages = {
  // cadences
  'cal.cadence.hint': {
    en: 'Write daily, weekly on tue 20:00, 2/week, monthly on 1st, monthly on last thu, every 2 weeks on mon, or an RRULE such as FREQ=WEEKLY;BYDAY=TU;BYHOUR=20.',
    'zh-CN':
      '可写 daily、weekly on tue 20:00、2/week、monthly on 1st、monthly on last thu、every 2 weeks on mon、每周二 20:00，或 RRULE，例如 FREQ=WEEKLY;BYDAY=TU;BYHOUR=20。',
  },
  'cal.cadence.empty': {en: 'The cadence is empty', 'zh-CN': '发布频率（cadence）为空'},
  'cal.cadence.unknown': {en: 'Cannot read the cadence `{cadence}` at `{token}`', 'zh-CN': '无法识别发布频率 `{cadence}`：`{token}` 处有误'},
  'cal.cadence.unexpected': {en: 'Cadence `{cadence}`: `{token}` does not fit here', 'zh-CN': '发布频率 `{cadence}`：`{token}` 放在这里不合适'},
  'cal.cadence.badTime': {
    en: 'Cadence `{cadence}`: `{token}` is not a time of day HH:MM (00:00–23:59)',
    'zh-CN': '发布频率 `{cadence}`：`{token}` 不是 HH:MM 格式的时间（00:00–23:59）',
  },
  'cal.cadence.oneTime': {en: 'Cadence `{cadence}` gives more than one time of day', 'zh-CN': '发布频率 `{cadence}` 写了不止一个时间'},
  'cal.cadence.oneTime.hint': {
    en: 'For several times a day use an RRULE, e.g. FREQ=DAILY;BYHOUR=9,20.',
    'zh-CN': '一天多次请用 RRULE，例如 FREQ=DAILY;BYHOUR=9,20。',
  },
  'cal.cadence.badCount': {
    en: 'Cadence `{cadence}`: {count} is not between 1 and {max}',
    'zh-CN': '发布频率 `{cadence}`：{count} 不在 1 到 {max} 之间',
  },
  'cal.cadence.perDay': {
    en: 'Cadence `{cadence}`: several posts a day need their times',
    'zh-CN': '发布频率 `{cadence}`：一天多次需要写明各自的时间',
  },
  'cal.cadence.perDay.hint': {en: 'Use an RRULE such as FREQ=DAILY;BYHOUR=9,20.', 'zh-CN': '请用 RRULE，例如 FREQ=DAILY;BYHOUR=9,20。'},
  'cal.cadence.perMonth.hint': {
    en: 'For more than 4 a month use a weekly cadence, e.g. 2/week.',
    'zh-CN': '每月超过 4 次请改用按周的频率，例如 2/week。',
  },
  'cal.cadence.dayCount': {
    en: 'Cadence `{cadence}` says {count} a week but names {days} day(s)',
    'zh-CN': '发布频率 `{cadence}` 写的是每周 {count} 次，却列了 {days} 天',
  },
  'cal.cadence.badOrdinal': {
    en: 'Cadence `{cadence}`: `{token}` — a weekday of the month is 1st…5th or last',
    'zh-CN': '发布频率 `{cadence}`：`{token}` 有误，每月第几个周几只能是第 1–5 个或最后一个',
  },
  'cal.cadence.badMonthDay': {
    en: 'Cadence `{cadence}`: `{token}` is not a day of the month (1–31, or last)',
    'zh-CN': '发布频率 `{cadence}`：`{token}` 不是有效的日期（1–31 或 last）',
  },
  'cal.rrule.hint': {
    en: 'An RRULE is KEY=VALUE parts joined by ;, e.g. FREQ=MONTHLY;BYDAY=-1TH;BYHOUR=20 (RFC 5545; DTSTART=YYYYMMDD sets where INTERVAL counts from).',
    'zh-CN': 'RRULE 由分号连接的 KEY=VALUE 组成，例如 FREQ=MONTHLY;BYDAY=-1TH;BYHOUR=20（RFC 5545；可用 DTSTART=YYYYMMDD 指定 INTERVAL 的起算日）。',
  },
  'cal.rrule.badPart': {en: 'RRULE `{cadence}`: `{part}` is not KEY=VALUE', 'zh-CN': 'RRULE `{cadence}`：`{part}` 不是 KEY=VALUE 形式'},
  'cal.rrule.unknownKey': {en: 'RRULE `{cadence}`: unknown part {key}', 'zh-CN': 'RRULE `{cadence}`：未知的规则项 {key}'},
  'cal.rrule.duplicate': {en: 'RRULE `{cadence}`: {key} is given twice', 'zh-CN': 'RRULE `{cadence}`：{key} 重复出现'},
  'cal.rrule.missingFreq': {en: 'RRULE `{cadence}` has no FREQ', 'zh-CN': 'RRULE `{cadence}` 缺少 FREQ'},
  'cal.rrule.badValue': {
    en: 'RRULE `{cadence}`: {key}={value} is not valid (expected {expected})',
    'zh-CN': 'RRULE `{cadence}`：{key}={value} 无效（应为 {expected}）',
  },
  'cal.rrule.tooFine': {
    en: 'RRULE `{cadence}`: FREQ={freq} is more often than a content calendar plans',
    'zh-CN': 'RRULE `{cadence}`：FREQ={freq} 过于频繁，内容日历不按此排期',
  },
  'cal.rrule.tooFine.hint': {en: 'Use FREQ=DAILY with BYHOUR for several times a day.', 'zh-CN': '一天多次请用 FREQ=DAILY 加 BYHOUR。'},
  'cal.rrule.count': {en: 'RRULE `{cadence}`: COUNT is not supported', 'zh-CN': 'RRULE `{cadence}`：不支持 COUNT'},
  'cal.rrule.count.hint': {en: 'Use UNTIL=YYYYMMDD to end a cadence.', 'zh-CN': '请用 UNTIL=YYYYMMDD 指定结束日期。'},
  'cal.rrule.ordinal': {
    en: 'RRULE `{cadence}`: BYDAY={value} has an ordinal, which needs FREQ=MONTHLY or YEARLY',
    'zh-CN': 'RRULE `{cadence}`：BYDAY={value} 带序号，需要 FREQ=MONTHLY 或 YEARLY',
  },
  'cal.titleField': {en: 'Unknown field {field} in a title template', 'zh-CN': '标题模板中有未知字段 {field}'},
  'cal.titleField.hint': {
    en: 'Title templates know {n} (number), {date} and {week}.',
    'zh-CN': '标题模板支持 {n}（期数）、{date}（日期）和 {week}（周数）。',
  },

  // periods and inputs
  'cal.badDate': {en: '--{flag} `{value}` is not a date YYYY-MM-DD', 'zh-CN': '--{flag} `{value}` 不是 YYYY-MM-DD 格式的日期'},
  'cal.badDate.hint': {en: 'Write dates as YYYY-MM-DD, e.g. 2026-12-01.', 'zh-CN': '日期格式为 YYYY-MM-DD，例如 2026-12-01。'},
  'cal.dateOutOfRange': {en: '--{flag} {value} is out of range ({min}–{max})', 'zh-CN': '--{flag} {value} 超出范围（{min}–{max} 年）'},
  'cal.toAndWeeks': {en: 'Give either --to or --weeks, not both', 'zh-CN': '--to 和 --weeks 只能二选一'},
  'cal.badWeeks': {en: '--weeks {value} must be between 1 and 53', 'zh-CN': '--weeks {value} 必须在 1 到 53 之间'},
  'cal.rangeOrder': {en: 'The period ends ({to}) before it starts ({from})', 'zh-CN': '结束日期（{to}）早于开始日期（{from}）'},
  'cal.rangeTooLong': {
    en: 'The period {from} – {to} is {days} days; generating or checking covers at most {max} days at once (every occurrence is made and checked)',
    'zh-CN': '时间段 {from} – {to} 共 {days} 天；生成或检查一次最多覆盖 {max} 天（每一次发布都要逐条生成、检查）',
  },
  'cal.rangeTooLong.hint': {
    en: 'Plan a year at a time or less; calendar show reads any period.',
    'zh-CN': '请一次最多规划一年；calendar show 查看不限时长。',
  },
  'cal.badTimezone': {en: 'Unknown timezone {timezone}', 'zh-CN': '未知时区 {timezone}'},
  'cal.badTimezone.hint': {
    en: 'Use an IANA timezone name such as Asia/Shanghai or America/New_York.',
    'zh-CN': '请使用 IANA 时区名，例如 Asia/Shanghai 或 America/New_York。',
  },
  'cal.unknownPillar': {en: 'No pillar or activity `{id}` in community.yaml', 'zh-CN': 'community.yaml 中没有内容支柱或活动 `{id}`'},
  'cal.unknownPillar.hint': {en: 'Pillars and activities: {ids}{suggest}', 'zh-CN': '现有支柱与活动：{ids}{suggest}'},
  'cal.unknownChannel': {en: 'No channel `{id}` in community.yaml', 'zh-CN': 'community.yaml 中没有频道 `{id}`'},
  'cal.unknownChannel.hint': {en: 'Channels: {ids}{suggest}', 'zh-CN': '现有频道：{ids}{suggest}'},
  'cal.badTime': {en: '--time `{value}` is not a time HH:MM', 'zh-CN': '--time `{value}` 不是 HH:MM 格式的时间'},
  'cal.holidays.missing': {
    en: 'No zh-CN holiday data for {years}: public holidays are not skipped that year',
    'zh-CN': '没有 {years} 年的节假日数据：当年的法定节假日不会自动避开',
  },
  'cal.holidays.projected': {
    en: 'The zh-CN holidays of {years} are projected; check them against the State Council notice',
    'zh-CN': '{years} 年的节假日为推算，请以国务院办公厅通知为准',
  },
  'cal.weeks': {en: '{weeks} week(s)', 'zh-CN': '{weeks} 周'},

  // items
  'cal.title.default': {en: '{name} #{n}', 'zh-CN': '{name} 第 {n} 期'},
  'cal.doc.title': {en: '{community} — content calendar', 'zh-CN': '{community} · 内容日历'},
  'cal.activity.qa': {en: 'Q&A', 'zh-CN': '答疑'},
  'cal.activity.discussion': {en: 'Themed discussion', 'zh-CN': '主题讨论'},
  'cal.activity.contest': {en: 'Contest', 'zh-CN': '比赛'},
  'cal.activity.lottery': {en: 'Lottery', 'zh-CN': '抽奖'},
  'cal.activity.meetup': {en: 'Meetup', 'zh-CN': '线下见面'},
  'cal.activity.course': {en: 'Course', 'zh-CN': '课程'},
  'cal.activity.expert-talk': {en: 'Expert talk', 'zh-CN': '专家分享'},
  'cal.status.idea': {en: 'idea', 'zh-CN': '创意'},
  'cal.status.planned': {en: 'planned', 'zh-CN': '已计划'},
  'cal.status.drafted': {en: 'drafted', 'zh-CN': '已成稿'},
  'cal.status.scheduled': {en: 'scheduled', 'zh-CN': '已排期'},
  'cal.status.published': {en: 'published', 'zh-CN': '已发布'},
  'cal.status.cancelled': {en: 'cancelled', 'zh-CN': '已取消'},
  'cal.format.text': {en: 'text', 'zh-CN': '文字'},
  'cal.format.image': {en: 'image', 'zh-CN': '图片'},
  'cal.format.video': {en: 'video', 'zh-CN': '视频'},
  'cal.format.audio': {en: 'audio', 'zh-CN': '音频'},
  'cal.format.live': {en: 'live', 'zh-CN': '直播'},
  'cal.format.event': {en: 'event', 'zh-CN': '活动'},
  'cal.format.article': {en: 'article', 'zh-CN': '图文'},
  'cal.format.poll': {en: 'poll', 'zh-CN': '投票'},
  'cal.col.id': {en: 'ID', 'zh-CN': '编号'},
  'cal.col.date': {en: 'Date', 'zh-CN': '日期'},
  'cal.col.time': {en: 'Time', 'zh-CN': '时间'},
  'cal.col.title': {en: 'Title', 'zh-CN': '标题'},
  'cal.col.source': {en: 'Pillar / activity', 'zh-CN': '支柱/活动'},
  'cal.col.format': {en: 'Format', 'zh-CN': '形式'},
  'cal.col.channel': {en: 'Channel', 'zh-CN': '频道'},
  'cal.col.owner': {en: 'Owner', 'zh-CN': '负责人'},
  'cal.col.status': {en: 'Status', 'zh-CN': '状态'},
  'cal.col.notes': {en: 'Notes', 'zh-CN': '备注'},
  'cal.col.action': {en: 'Change', 'zh-CN': '变更'},
  'cal.col.items': {en: 'Items', 'zh-CN': '条目'},
  'cal.col.type': {en: 'Problem', 'zh-CN': '问题'},
  'cal.col.detail': {en: 'Detail', 'zh-CN': '说明'},
  'cal.none': {en: 'No calendar items.', 'zh-CN': '没有日历条目。'},
  'cal.md.timezone': {en: 'times in {timezone}', 'zh-CN': '时间为 {timezone}'},
  'cal.md.count': {en: '{count} item(s)', 'zh-CN': '共 {count} 条'},
  'cal.md.week': {en: 'Week {week}, {year} ({from} – {to})', 'zh-CN': '{year} 年第 {week} 周（{from} – {to}）'},

  // calendar generate
  'cal.gen.summary': {
    en: '{from} – {to}: {added} added, {updated} updated, {kept} kept, {removed} removed; {skipped} skipped on blackout dates or holidays',
    'zh-CN': '{from} – {to}：新增 {added}，更新 {updated}，保留 {kept}，移除 {removed}；因停更日或节假日跳过 {skipped}',
  },
  'cal.gen.dryRun': {en: 'Dry run: nothing was written.', 'zh-CN': '演练模式：没有写入任何内容。'},
  'cal.gen.next': {
    en: 'See the items with `commops calendar show --from {from} --to {to}`.',
    'zh-CN': '查看条目：`commops calendar show --from {from} --to {to}`。',
  },
  'cal.action.added': {en: '+ added', 'zh-CN': '+ 新增'},
  'cal.action.updated': {en: '~ updated', 'zh-CN': '~ 更新'},
  'cal.action.removed': {en: '- removed', 'zh-CN': '- 移除'},
  'cal.action.kept': {en: '= kept (edited)', 'zh-CN': '= 保留（已编辑）'},
  'step.calendar.describe': {en: 'Content calendar from {from} for {until}{filter}', 'zh-CN': '内容日历：自 {from} 起 {until}{filter}'},
  'step.calendar.only': {en: ' (only {ids})', 'zh-CN': '（仅 {ids}）'},

  // calendar show
  'cal.show.count': {en: '{count} item(s), {from} – {to}, times in {timezone}', 'zh-CN': '共 {count} 条，{from} – {to}，时间为 {timezone}'},
  'cal.show.countAll': {en: '{count} item(s), times in {timezone}', 'zh-CN': '共 {count} 条，时间为 {timezone}'},
  'cal.show.elsewhere': {
    en: 'The calendar has {count} item(s) from {first} to {last}.',
    'zh-CN': '日历中共有 {count} 条，日期从 {first} 到 {last}。',
  },
  'cal.show.generate': {
    en: 'Create items with `commops calendar generate --from {from} --weeks 4`.',
    'zh-CN': '可用 `commops calendar generate --from {from} --weeks 4` 生成条目。',
  },

  // calendar check
  'cal.check.ok': {en: 'No problems in {from} – {to} ({count} item(s) checked).', 'zh-CN': '{from} – {to} 没有发现问题（检查了 {count} 条）。'},
  'cal.check.found': {en: '{count} problem(s) in {from} – {to}.', 'zh-CN': '{from} – {to} 发现 {count} 个问题。'},
  'cal.type.gap': {en: 'gap', 'zh-CN': '断更'},
  'cal.type.overload': {en: 'overload', 'zh-CN': '过载'},
  'cal.type.blackout': {en: 'blackout', 'zh-CN': '停更日'},
  'cal.type.holiday': {en: 'holiday', 'zh-CN': '节假日'},
  'cal.problem.gap': {
    en: '{channel} is silent for {count} day(s) until {until}; its cadence leaves at most {limit}',
    'zh-CN': '{channel} 连续 {count} 天没有内容（至 {until}）；按发布频率最多间隔 {limit} 天',
  },
  'cal.problem.overloadChannel': {
    en: '{count} items on {channel} in one day (at most {limit})',
    'zh-CN': '{channel} 一天安排了 {count} 条（上限 {limit}）',
  },
  'cal.problem.overloadOwner': {en: '{owner} has {count} items in one day (at most {limit})', 'zh-CN': '{owner} 一天负责 {count} 条（上限 {limit}）'},
  'cal.problem.blackout': {en: 'Planned on a blackout date', 'zh-CN': '排在了停更日'},
  'cal.problem.holiday': {en: 'Planned on a public holiday: {holiday}', 'zh-CN': '排在了法定节假日：{holiday}'},
  'cal.check.hint': {
    en: 'Move or cancel items with `commops calendar set ID --status cancelled`, or regenerate the period.',
    'zh-CN': '可用 `commops calendar set 编号 --status cancelled` 调整或取消条目，或重新生成该时间段。',
  },

  // calendar set
  'cal.notFound': {en: 'No calendar item {id}', 'zh-CN': '没有编号为 {id} 的日历条目'},
  'cal.notFound.hint': {en: 'See `commops calendar show` for item ids.', 'zh-CN': '条目编号见 `commops calendar show`。'},
  'cal.set.nothing': {en: 'Nothing to change', 'zh-CN': '没有要修改的内容'},
  'cal.set.nothing.hint': {
    en: 'Pass --status, --owner, --title, --notes, --date or --time.',
    'zh-CN': '请传入 --status、--owner、--title、--notes、--date 或 --time。',
  },
  'cal.set.changed': {en: '{id} {title}: {changes}', 'zh-CN': '{id} {title}：{changes}'},
  'cal.set.same': {en: '{id} {title}: already so', 'zh-CN': '{id} {title}：无需修改'},
  'cal.notFound.suggest': {
    en: 'Did you mean {id}? See `commops calendar show` for item ids.',
    'zh-CN': '是不是 {id}？条目编号见 `commops calendar show`。',
  },

  // calendar add, rm
  'cal.add.noTitle': {en: 'The title is empty', 'zh-CN': '标题为空'},
  'cal.add.noTitle.hint': {
    en: 'Give the entry a title, e.g. --title "Weekly AMA".',
    'zh-CN': '请为该条目写一个标题，例如 --title "每周答疑"。',
  },
  'cal.add.added': {
    en: 'Added {id}: {date} {time} {title} (kept when the period is generated again)',
    'zh-CN': '已添加 {id}：{date} {time} {title}（重新生成该时间段时会保留）',
  },
  'cal.rm.removed': {en: 'Removed {id} {date} {title}', 'zh-CN': '已删除 {id} {date} {title}'},
  'cal.rm.stays': {
    en: 'Generated items removed here stay removed when the period is generated again.',
    'zh-CN': '删除的自动生成条目在重新生成该时间段时不会再出现。',
  },

  // calendar export
  'cal.export.wrote': {en: 'Wrote {count} item(s) to {file} ({format})', 'zh-CN': '已将 {count} 条写入 {file}（{format}）'},
  'cal.dateOutOfRange.hint': {
    en: 'Write a date between the years {min} and {max} as YYYY-MM-DD, e.g. 2026-12-01.',
    'zh-CN': '请写 {min} 到 {max} 年之间的日期，格式 YYYY-MM-DD，例如 2026-12-01。',
  },
  'cal.toAndWeeks.hint': {
    en: 'Keep one: --from 2026-12-01 --weeks 4, or --from 2026-12-01 --to 2026-12-28.',
    'zh-CN': '二选一：--from 2026-12-01 --weeks 4，或 --from 2026-12-01 --to 2026-12-28。',
  },
  'cal.badWeeks.hint': {
    en: 'For example --weeks 4; for a longer plan, use --to or run again from a later --from.',
    'zh-CN': '例如 --weeks 4；计划更长时请用 --to，或从更晚的 --from 再运行一次。',
  },
  'cal.rangeOrder.hint': {en: 'Swap them: --from is the first day, --to the last.', 'zh-CN': '请交换两者：--from 是第一天，--to 是最后一天。'},
  'cal.badTime.hint': {en: 'Write a 24-hour time, e.g. --time 20:00.', 'zh-CN': '请写 24 小时制时间，例如 --time 20:00。'},
}
