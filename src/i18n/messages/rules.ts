import type {Messages} from './types.js'

export const rules: Messages = {
  // loading, composing, checking
  'rules.invalid': {
    en: '{file} is not a valid rule set ({count} problem(s)): {first}',
    'zh-CN': '{file} 不是有效的群规文件（{count} 个问题）：{first}',
  },
  'rules.notRuleSet': {
    en: '{file} should hold one `kind: RuleSet` document, not {count}',
    'zh-CN': '{file} 应包含一个 `kind: RuleSet` 文档，而不是 {count} 个',
  },
  'rules.unknownTemplate': {en: 'Unknown rule-set template `{name}`', 'zh-CN': '没有名为 `{name}` 的群规模板'},
  'rules.unknownTemplate.hint': {en: 'Templates: {names}.', 'zh-CN': '可用模板：{names}。'},
  'rules.unknownTemplate.hint.suggest': {en: 'Did you mean `{value}`? Templates: {names}.', 'zh-CN': '你是不是想写 `{value}`？可用模板：{names}。'},
  'rules.unknownRule': {en: 'No rule `{id}` in the rule set', 'zh-CN': '群规中没有 `{id}` 这条规则'},
  'rules.unknownRule.hint': {en: 'Rule ids: {ids}.', 'zh-CN': '规则编号：{ids}。'},
  'rules.unknownRule.hint.suggest': {en: 'Did you mean `{value}`? Rule ids: {ids}.', 'zh-CN': '你是不是想写 `{value}`？规则编号：{ids}。'},
  'rules.unknownRung': {en: 'No rung `{id}` in the enforcement ladder', 'zh-CN': '处理阶梯中没有 `{id}` 这一级'},
  'rules.unknownRung.hint': {en: 'Rungs: {ids}.', 'zh-CN': '阶梯各级：{ids}。'},
  'rules.unknownRung.hint.suggest': {en: 'Did you mean `{value}`? Rungs: {ids}.', 'zh-CN': '你是不是想写 `{value}`？阶梯各级：{ids}。'},
  'rules.duplicateRule': {en: 'The template already has a rule `{id}`', 'zh-CN': '模板中已有规则 `{id}`'},
  'rules.duplicateRule.hint': {
    en: 'To reword it, use `change: {{id}: {…}}`; to replace it, also list `{id}` under `remove:`; or pick another id.',
    'zh-CN': '要改写它请用 `change: {{id}: {…}}`；要整条替换，请同时把 `{id}` 写进 `remove:`；或者换一个编号。',
  },
  'rules.emptyLadder': {en: 'The enforcement ladder has no rung left', 'zh-CN': '处理阶梯一级都不剩了'},
  'rules.noRules': {en: 'No rule is left once the removed ones are gone', 'zh-CN': '删除之后一条规则都不剩了'},
  'rules.badDuration': {en: '`{value}` is not a duration', 'zh-CN': '`{value}` 不是有效的时长'},
  'rules.badDuration.hint': {
    en: 'Write a duration as ISO 8601 or a number and a unit: {forms}.',
    'zh-CN': '时长可以写成 ISO 8601 或“数字 + 单位”：{forms}。',
  },
  'rules.compose.skipped': {
    en: 'Skipped `{id}` ({path} in community.yaml): it was written for another template',
    'zh-CN': '已跳过 `{id}`（community.yaml 中的 {path}）：它是针对另一个模板写的',
  },
  'rules.check.duplicateRule': {en: 'Rule id `{id}` is used twice (first by rule {first})', 'zh-CN': '规则编号 `{id}` 重复（第 {first} 条已使用）'},
  'rules.check.duplicateRung': {en: 'Rung id `{id}` is used twice (first by rung {first})', 'zh-CN': '阶梯编号 `{id}` 重复（第 {first} 级已使用）'},
  'rules.check.permanentDuration': {
    en: 'Rung `{id}` is permanent and also has a duration; keep one',
    'zh-CN': '阶梯 `{id}` 既是永久的又有时长，请只保留一个',
  },
  'rules.note.placeholderContact': {
    en: 'A reporting contact is still the template placeholder ({contact}): set yours in community.yaml under rules.reporting',
    'zh-CN': '举报渠道的联系方式仍是模板占位（{contact}）：请在 community.yaml 的 rules.reporting 中填写你们自己的',
  },

  // the store
  'rules.none': {en: 'No rule set yet', 'zh-CN': '还没有生成群规'},
  'rules.none.hint': {
    en: 'Run `commops rules generate` (or a playbook with a rules.generate step) first.',
    'zh-CN': '请先运行 `commops rules generate`（或运行含 rules.generate 步骤的剧本）。',
  },

  // words
  'rules.severity.low': {en: 'low', 'zh-CN': '轻微'},
  'rules.severity.medium': {en: 'medium', 'zh-CN': '一般'},
  'rules.severity.high': {en: 'high', 'zh-CN': '严重'},
  'rules.severity.severe': {en: 'severe', 'zh-CN': '极严重'},
  'rules.permanent': {en: 'permanent', 'zh-CN': '永久'},
  'rules.expiry': {
    en: 'Incidents older than {days} days no longer count (permanent removals always do).',
    'zh-CN': '超过 {days} 天的记录不再计入（永久移出始终计入）。',
  },

  // why a rung
  'rules.reason.first': {
    en: 'No incident in the last {days} days: start at the first rung, {rung}.',
    'zh-CN': '近 {days} 天内没有记录：从第一级「{rung}」开始。',
  },
  'rules.reason.start': {
    en: 'No incident in the last {days} days, but a {severity} breach starts at {rung}.',
    'zh-CN': '近 {days} 天内没有记录，但「{severity}」级违规直接从「{rung}」开始。',
  },
  'rules.reason.escalate': {
    en: '{count} incident(s) in the last {days} days, the highest at {previous} ({id}): one rung up, {rung}.',
    'zh-CN': '近 {days} 天内有 {count} 次记录，最高到「{previous}」（{id}）：升一级到「{rung}」。',
  },
  'rules.reason.startAbove': {
    en: '{count} incident(s) in the last {days} days, the highest at {previous} ({id}); a {severity} breach starts higher, at {rung}.',
    'zh-CN': '近 {days} 天内有 {count} 次记录，最高到「{previous}」（{id}）；「{severity}」级违规起点更高，直接到「{rung}」。',
  },
  'rules.reason.top': {
    en: 'Already at the top rung, {previous} ({id}): {rung} again.',
    'zh-CN': '已在最高一级「{previous}」（{id}）：仍为「{rung}」。',
  },
  'rules.reason.expired': {
    en: ' {expired} older incident(s) no longer count (over {days} days).',
    'zh-CN': '另有 {expired} 次较早的记录已超过 {days} 天，不再计入。',
  },

  // exports
  'rules.md.scope': {en: 'Where these rules apply', 'zh-CN': '适用范围'},
  'rules.md.principles': {en: 'Principles', 'zh-CN': '基本原则'},
  'rules.md.rules': {en: 'Rules', 'zh-CN': '规则'},
  'rules.md.ruleMeta': {
    en: 'Rule `{id}` · severity: {severity} · a first breach: {rung}',
    'zh-CN': '规则编号 `{id}` · 严重程度：{severity} · 首次违反：{rung}',
  },
  'rules.md.allowed': {en: 'Fine', 'zh-CN': '可以这样'},
  'rules.md.notAllowed': {en: 'Not OK', 'zh-CN': '不可以这样'},
  'rules.md.ladder': {en: 'Enforcement ladder', 'zh-CN': '违规处理阶梯'},
  'rules.md.ladderIntro': {
    en: 'We go up one rung at a time, and start higher for serious breaches. Each step is recorded privately; incidents older than {days} days no longer count (a permanent removal always does).',
    'zh-CN': '一般逐级处理，严重违规会直接从更高一级开始。每次处理都会私下记录；超过 {days} 天的记录不再计入（永久移出除外）。',
  },
  'rules.md.col.rung': {en: 'Step', 'zh-CN': '处理'},
  'rules.md.col.consequence': {en: 'What happens', 'zh-CN': '具体做法'},
  'rules.md.col.duration': {en: 'How long', 'zh-CN': '时长'},
  'rules.md.col.decidedBy': {en: 'Who decides', 'zh-CN': '谁来决定'},
  'rules.md.col.appeal': {en: 'Appeal or repair', 'zh-CN': '申诉与改正'},
  'rules.md.entry': {en: 'Where a first breach starts', 'zh-CN': '首次违反从哪一级开始'},
  'rules.md.ownEntry': {en: '“{rule}” starts at {rung}.', 'zh-CN': '「{rule}」直接从「{rung}」开始。'},
  'rules.md.reporting': {en: 'How to report', 'zh-CN': '如何举报'},
  'rules.md.responseTime': {en: ' (we answer within {time})', 'zh-CN': '（{time}内答复）'},
  'rules.md.duties': {en: 'What moderators commit to', 'zh-CN': '管理员的承诺'},
  'rules.md.expiry': {en: 'Records older than {days} days no longer count.', 'zh-CN': '记录超过 {days} 天不再计入。'},

  // the step
  'rules.step.describe': {en: 'Generate the rules from the {template} template ({ladder})', 'zh-CN': '用 {template} 模板生成群规（{ladder}）'},
  'rules.step.configured': {en: "community.yaml's", 'zh-CN': 'community.yaml 指定的'},
  'rules.step.fullLadder': {en: 'full ladder', 'zh-CN': '完整处理阶梯'},
  'rules.step.next': {
    en: 'Record incidents with `commops rules incident add --member ID --rule RULE`.',
    'zh-CN': '违规记录请用 `commops rules incident add --member 成员ID --rule 规则编号`。',
  },

  // commands
  'rules.col.id': {en: 'Rule', 'zh-CN': '规则编号'},
  'rules.col.rule': {en: 'Title', 'zh-CN': '规则'},
  'rules.col.severity': {en: 'Severity', 'zh-CN': '严重程度'},
  'rules.col.entry': {en: 'First breach', 'zh-CN': '首次违反'},
  'rules.col.rung': {en: 'Rung', 'zh-CN': '处理'},
  'rules.col.consequence': {en: 'What happens', 'zh-CN': '具体做法'},
  'rules.col.duration': {en: 'Duration', 'zh-CN': '时长'},
  'rules.col.decidedBy': {en: 'Who decides', 'zh-CN': '谁来决定'},
  'rules.col.appeal': {en: 'Appeal or repair', 'zh-CN': '申诉与改正'},
  'rules.col.incident': {en: 'ID', 'zh-CN': '编号'},
  'rules.col.when': {en: 'When', 'zh-CN': '时间'},
  'rules.col.member': {en: 'Member', 'zh-CN': '成员'},
  'rules.col.until': {en: 'Until', 'zh-CN': '截至'},
  'rules.col.status': {en: 'Status', 'zh-CN': '状态'},
  'rules.col.note': {en: 'Note', 'zh-CN': '备注'},
  'rules.gen.done': {
    en: 'Stored the rule set “{title}” ({template} template, {locale}): {rules} rules, a {rungs}-rung ladder.',
    'zh-CN': '已保存群规「{title}」（{template} 模板，{locale}）：{rules} 条规则，{rungs} 级处理阶梯。',
  },
  'rules.gen.same': {
    en: 'The rule set “{title}” ({template} template, {locale}) is unchanged: {rules} rules, a {rungs}-rung ladder.',
    'zh-CN': '群规「{title}」（{template} 模板，{locale}）没有变化：{rules} 条规则，{rungs} 级处理阶梯。',
  },
  'rules.gen.dryRun': {
    en: 'Dry run, nothing stored. The rule set “{title}” ({template} template, {locale}) would have {rules} rules and a {rungs}-rung ladder.',
    'zh-CN': '试运行，未保存。群规「{title}」（{template} 模板，{locale}）将有 {rules} 条规则和 {rungs} 级处理阶梯。',
  },
  'rules.gen.next': {
    en: 'Next: `commops rules export --format md --out CODE_OF_CONDUCT.md`, or `--format txt` for a group announcement.',
    'zh-CN': '下一步：`commops rules export --format md --out CODE_OF_CONDUCT.md`，或用 `--format txt` 得到可直接粘贴的群公告。',
  },
  'rules.show.head': {
    en: '{title} — {template} template · {locale} · {rules} rules · {rungs} rungs ({id})',
    'zh-CN': '{title} — {template} 模板 · {locale} · {rules} 条规则 · {rungs} 级阶梯（{id}）',
  },
  'rules.show.entry': {en: 'A first breach: {rung}', 'zh-CN': '首次违反：{rung}'},
  'rules.export.written': {en: 'Wrote the rule set as {format} ({locale}) to {path}', 'zh-CN': '已将群规以 {format}（{locale}）写入 {path}'},
  'rules.export.notOwned.hint': {
    en: 'commops did not write that file: choose another --out, or add --force to overwrite it.',
    'zh-CN': '该文件不是 commops 写的：请换一个 --out，或加 --force 覆盖。',
  },
  'rules.incident.noMember': {en: '--member is empty', 'zh-CN': '--member 不能为空'},
  'rules.incident.badAt': {en: '--at `{value}` is not a date or a date-time', 'zh-CN': '--at `{value}` 不是日期或日期时间'},
  'rules.incident.badAt.hint': {
    en: 'Write YYYY-MM-DD or an ISO date-time such as 2026-11-02T21:30.',
    'zh-CN': '请写成 YYYY-MM-DD，或 2026-11-02T21:30 这样的 ISO 日期时间。',
  },
  'rules.incident.future': {en: '--at `{value}` is in the future', 'zh-CN': '--at `{value}` 是将来的时间'},
  'rules.incident.future.hint': {
    en: 'Give when it happened (now or earlier), e.g. --at 2026-11-02T21:30, or leave --at out for now.',
    'zh-CN': '请写发生的时间（现在或更早），如 --at 2026-11-02T21:30；省略 --at 即为现在。',
  },
  'rules.incident.recorded': {
    en: 'Recorded {id}: {member} broke `{rule}` “{title}” ({severity}).',
    'zh-CN': '已记录 {id}：{member} 违反了 `{rule}`「{title}」（{severity}）。',
  },
  'rules.incident.dryRun': {
    en: 'Dry run, nothing recorded. {member} broke `{rule}` “{title}” ({severity}); it would be {id}.',
    'zh-CN': '试运行，未记录。{member} 违反了 `{rule}`「{title}」（{severity}），将记为 {id}。',
  },
  'rules.incident.rung': {en: 'Apply now: rung {index} of {total}, {rung} ({id})', 'zh-CN': '现在应采取：第 {index}/{total} 级「{rung}」（{id}）'},
  'rules.incident.manual': {en: 'Chosen by hand; the ladder gives {computed}.', 'zh-CN': '这是手动指定的；按阶梯应为「{computed}」。'},
  'rules.incident.reason': {en: 'Why', 'zh-CN': '依据'},
  'rules.incident.consequence': {en: 'What happens', 'zh-CN': '具体做法'},
  'rules.incident.until': {en: 'until {until}', 'zh-CN': '至 {until}'},
  'rules.incident.message': {en: 'Message to send the member', 'zh-CN': '发给成员的话'},
  'rules.incidents.none': {en: 'No incidents match.', 'zh-CN': '没有符合条件的违规记录。'},
  'rules.incidents.count': {en: '{count} incident(s)', 'zh-CN': '共 {count} 条记录'},
  'rules.incidents.standing': {
    en: '{member}: {count} incident(s) count; the highest rung is {rung} ({id}).',
    'zh-CN': '{member}：{count} 条记录仍计入，最高到「{rung}」（{id}）。',
  },
  'rules.incidents.clean': {en: '{member}: no incident counts now.', 'zh-CN': '{member}：目前没有计入的记录。'},
  'rules.incidents.next': {en: 'A next incident: {next}', 'zh-CN': '如再违规：{next}'},
  'rules.status.in-effect': {en: 'in effect', 'zh-CN': '执行中'},
  'rules.status.counts': {en: 'counts', 'zh-CN': '计入'},
  'rules.status.expired': {en: 'expired', 'zh-CN': '已过期'},
  'rules.status.revoked': {en: 'revoked', 'zh-CN': '已撤销'},
  'rules.status.revokedBy': {en: 'revoked ({by}: {reason})', 'zh-CN': '已撤销（{by}：{reason}）'},
  'rules.incidents.hidden': {
    en: '{count} revoked incident(s) hidden; `--all` shows them.',
    'zh-CN': '另有 {count} 条已撤销的记录未显示；加 `--all` 可查看。',
  },
  // editing and revoking
  'rules.incident.notFound': {en: 'No incident {id}', 'zh-CN': '没有编号为 {id} 的违规记录'},
  'rules.incident.notFound.hint': {
    en: 'See `commops rules incidents --all` for incident ids.',
    'zh-CN': '记录编号见 `commops rules incidents --all`。',
  },
  'rules.incident.notFound.hint.suggest': {
    en: 'Did you mean {value}? See `commops rules incidents --all` for incident ids.',
    'zh-CN': '你是不是想写 {value}？记录编号见 `commops rules incidents --all`。',
  },
  'rules.incident.nothingToEdit': {en: 'Nothing to change', 'zh-CN': '没有指定要修改的内容'},
  'rules.incident.nothingToEdit.hint': {
    en: 'Give at least one of --member, --rule, --severity, --rung, --at, --note, --by.',
    'zh-CN': '请至少给出 --member、--rule、--severity、--rung、--at、--note、--by 中的一项。',
  },
  'rules.incident.noReason': {en: '--reason is empty', 'zh-CN': '--reason 不能为空'},
  'rules.incident.alreadyRevoked': {
    en: '{id} was already revoked on {at} by {by}',
    'zh-CN': '{id} 已于 {at} 由 {by} 撤销',
  },
  'rules.incident.edited': {en: 'Edited {id}:', 'zh-CN': '已修改 {id}：'},
  'rules.incident.editDryRun': {en: 'Dry run, nothing recorded. {id} would change:', 'zh-CN': '试运行，未记录。{id} 将修改：'},
  'rules.incident.unchanged': {en: '{id} is unchanged: every value is already as given.', 'zh-CN': '{id} 没有变化：各项已是所给的值。'},
  'rules.incident.editCount': {
    en: 'Kept in its history ({count} edit(s)); `rules incidents --json` shows them.',
    'zh-CN': '旧值已保留在修改记录中（共 {count} 次修改）；`rules incidents --json` 可查看。',
  },
  'rules.incident.revoked': {
    en: 'Revoked {id} ({member}, `{rule}`): {reason}. It stays in the log and no longer counts on the ladder.',
    'zh-CN': '已撤销 {id}（{member}，`{rule}`）：{reason}。记录仍保留，但不再计入处理阶梯。',
  },
  'rules.incident.revokeDryRun': {
    en: 'Dry run, nothing recorded. {id} ({member}, `{rule}`) would be revoked: {reason}.',
    'zh-CN': '试运行，未记录。{id}（{member}，`{rule}`）将被撤销：{reason}。',
  },
  'rules.incident.revokedNext': {
    en: 'A next breach of `{rule}` by {member} now gets: {rung}.',
    'zh-CN': '{member} 如再违反 `{rule}`，现在应为：「{rung}」。',
  },
  'rules.field.member': {en: 'member', 'zh-CN': '成员'},
  'rules.field.rule': {en: 'rule', 'zh-CN': '规则'},
  'rules.field.severity': {en: 'severity', 'zh-CN': '严重程度'},
  'rules.field.rung': {en: 'rung', 'zh-CN': '处理等级'},
  'rules.field.at': {en: 'when', 'zh-CN': '时间'},
  'rules.field.until': {en: 'until', 'zh-CN': '截至'},
  'rules.field.note': {en: 'note', 'zh-CN': '备注'},
  'rules.field.by': {en: 'handled by', 'zh-CN': '处理人'},
  'rules.incident.noMember.hint': {
    en: 'Name the member by platform id or name, e.g. --member qq:10002.',
    'zh-CN': '请用平台 id 或名称指明成员，例如 --member qq:10002。',
  },
  'rules.incident.noReason.hint': {
    en: 'Say why in quotes, e.g. --reason "recorded by mistake".',
    'zh-CN': '请用引号写明原因，例如 --reason "误记"。',
  },
  'rules.incident.alreadyRevoked.hint': {
    en: 'Nothing to do: `commops rules incidents` shows it as revoked.',
    'zh-CN': '无需操作：`commops rules incidents` 中它已显示为撤销。',
  },
  'rules.emptyLadder.hint': {
    en: 'Keep at least one rung, e.g. ladder: [reminder, warning, mute, removal].',
    'zh-CN': '请至少保留一级，例如 ladder: [reminder, warning, mute, removal]。',
  },
  'rules.notRuleSet.hint': {
    en: 'Keep one document per file, starting with apiVersion: commops/v1 and kind: RuleSet.',
    'zh-CN': '每个文件只放一个文档，以 apiVersion: commops/v1 和 kind: RuleSet 开头。',
  },
}
