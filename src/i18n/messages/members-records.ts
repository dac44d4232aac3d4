import type {Messages} from './types.js'

/** Member records: `members import|list|show|segments|export`. */
export const membersRecords: Messages = {
  // import
  'members.records.map.bad': {
    en: '`{pair}` is not COLUMN=FIELD with a field of {fields}, a platform (qq, wechat…) or ignore',
    'zh-CN': '`{pair}` 不是 列名=字段 的形式；字段可以是 {fields}、平台名（qq、wechat……）或 ignore',
  },
  'members.records.map.hint': {
    en: 'For example: --map "昵称=name,QQ号码=qq,备注=ignore"',
    'zh-CN': '例如：--map "昵称=name,QQ号码=qq,备注=ignore"',
  },
  'members.records.unknownColumn': {en: 'No column named {columns} in the sheet', 'zh-CN': '表格中没有名为 {columns} 的列'},
  'members.records.unknownColumn.hint': {en: 'The sheet’s columns: {columns}', 'zh-CN': '表格的列：{columns}'},
  'members.records.noKeyColumn': {
    en: '{file} has no column that identifies a member (an id, ids, or a platform column such as qq or 微信)',
    'zh-CN': '{file} 没有能识别成员的列（编号、账号，或 QQ、微信 等平台列）',
  },
  'members.records.noKeyColumn.hint': {
    en: 'Its columns: {columns}. Name one with --map, e.g. --map "会员号=id" or --map "飞书=feishu"',
    'zh-CN': '它的列：{columns}。用 --map 指定一列，例如 --map "会员号=id" 或 --map "飞书=feishu"',
  },
  'members.records.notTable': {
    en: '{file} is not a member sheet commops can read (a CSV or an .xlsx workbook)',
    'zh-CN': '{file} 不是 commops 能读取的成员表（CSV 或 .xlsx 工作簿）',
  },
  'members.records.notTable.hint': {
    en: 'Save the sheet as CSV (UTF-8 or GBK) or .xlsx; an .xls workbook must be saved as .xlsx first',
    'zh-CN': '把表格另存为 CSV（UTF-8 或 GBK）或 .xlsx；.xls 工作簿需先另存为 .xlsx',
  },
  'members.records.reject.badIdentity': {
    en: '`{value}` in column {column} is not an identity platform:id',
    'zh-CN': '{column} 列的 `{value}` 不是 平台:id 形式的身份',
  },
  'members.records.reject.badDate': {
    en: 'join date `{value}` in column {column} cannot be read (YYYY-MM-DD, 2026/6/1 or 2026年6月1日)',
    'zh-CN': '{column} 列的加入时间 `{value}` 无法识别（应为 YYYY-MM-DD、2026/6/1 或 2026年6月1日）',
  },
  'members.records.reject.badAge': {
    en: 'age `{value}` in column {column} is not between 1 and 120',
    'zh-CN': '{column} 列的年龄 `{value}` 不在 1 到 120 之间',
  },
  'members.records.reject.noKey': {en: 'no id and no platform id: the row names nobody', 'zh-CN': '没有编号也没有平台账号：无法确定是哪位成员'},
  'members.records.reject.duplicate': {en: 'member {id} is already on line {line}', 'zh-CN': '成员 {id} 已在第 {line} 行出现'},
  'members.records.reject.identityTaken': {en: '{identity} belongs to member {id}', 'zh-CN': '{identity} 已属于成员 {id}'},
  'members.records.import.more': {
    en: '…and {count} more rejected rows (--json lists them all)',
    'zh-CN': '……另有 {count} 行被拒绝（--json 会全部列出）',
  },
  'members.records.import.columns': {en: 'Columns: {columns}', 'zh-CN': '列：{columns}'},
  'members.records.import.done': {
    en: '{file} ({encoding}): {rows} rows, {added} added, {updated} updated, {unchanged} unchanged, {rejected} rejected; {links} linked; {total} member records',
    'zh-CN':
      '{file}（{encoding}）：共 {rows} 行，新增 {added}，更新 {updated}，未变 {unchanged}，拒绝 {rejected}；关联账号 {links} 人；现有成员档案 {total} 条',
  },
  'members.records.import.dryRun': {
    en: 'Dry run, nothing stored. {file} ({encoding}): {rows} rows, {added} to add, {updated} to update, {unchanged} unchanged, {rejected} rejected; {links} to link',
    'zh-CN':
      '试运行，未保存。{file}（{encoding}）：共 {rows} 行，将新增 {added}，将更新 {updated}，未变 {unchanged}，拒绝 {rejected}；将关联账号 {links} 人',
  },
  'members.records.concurrent': {
    en: 'Another member import finished while this one ran',
    'zh-CN': '本次导入进行期间，另一次成员导入已完成',
  },
  'members.records.rerun': {en: 'Run the import again: it merges into the records now kept', 'zh-CN': '请重新运行导入：它会合并到现有的成员档案中'},
  // list, show, segments, export
  'members.records.where.bad': {en: '`{value}` is not attr=value', 'zh-CN': '`{value}` 不是 属性=值 的形式'},
  'members.records.where.hint': {en: 'For example: --where occupation=设计师', 'zh-CN': '例如：--where occupation=设计师'},
  'members.records.unknownField': {en: 'No member field named {fields}', 'zh-CN': '成员没有名为 {fields} 的字段'},
  'members.records.unknownField.hint': {en: 'Fields: {fields}', 'zh-CN': '可用字段：{fields}'},
  'members.records.badSort': {en: 'Cannot sort by {sort}', 'zh-CN': '无法按 {sort} 排序'},
  'members.records.badSort.hint': {en: 'Sort by one of: {sorts}', 'zh-CN': '可选排序：{sorts}'},
  'members.records.ambiguous': {en: 'Several members are named {ref}: {ids}', 'zh-CN': '有多位成员名为 {ref}：{ids}'},
  'members.records.ambiguous.hint': {
    en: 'Name one by its id or an identity, e.g. commops members show qq:10002',
    'zh-CN': '请用编号或账号指定，例如 commops members show qq:10002',
  },
  'members.records.notFound': {en: 'No member {ref}: no record and no events', 'zh-CN': '没有成员 {ref}：既没有档案也没有活动记录'},
  'members.records.notFound.hint': {
    en: 'Give an identity (qq:10002), a person id (P1), a record id or an exact name; see commops members list',
    'zh-CN': '请给出账号（qq:10002）、人员编号（P1）、档案编号或准确的名字；可先运行 commops members list',
  },
  'members.records.col.id': {en: 'id', 'zh-CN': '编号'},
  'members.records.col.name': {en: 'name', 'zh-CN': '姓名'},
  'members.records.col.region': {en: 'region', 'zh-CN': '地区'},
  'members.records.col.joined': {en: 'joined', 'zh-CN': '加入'},
  'members.records.col.lastSeen': {en: 'last seen', 'zh-CN': '最近活动'},
  'members.records.col.interactions30d': {en: 'interactions (30 d)', 'zh-CN': '近 30 天互动'},
  'members.records.col.level': {en: 'level', 'zh-CN': '等级'},
  'members.records.col.points': {en: 'points', 'zh-CN': '积分'},
  'members.records.list.none': {en: 'No members match.', 'zh-CN': '没有符合条件的成员。'},
  'members.records.list.shown': {
    en: '{shown} shown of {matched} matching ({total} members)',
    'zh-CN': '显示 {shown} 位，符合条件 {matched} 位（共 {total} 位成员）',
  },
  'members.records.show.identities': {en: 'Identities', 'zh-CN': '账号'},
  'members.records.show.joined': {en: 'Joined', 'zh-CN': '加入时间'},
  'members.records.show.standing': {en: 'Standing', 'zh-CN': '积分与等级'},
  'members.records.show.ledger': {
    en: 'Points ledger (latest {shown} of {count}; all: commops members points --member {key})',
    'zh-CN': '积分明细（最近 {shown} 条，共 {count} 条；全部：commops members points --member {key}）',
  },
  'members.records.show.points': {en: 'Points', 'zh-CN': '积分'},
  'members.records.show.title': {en: 'Title', 'zh-CN': '头衔'},
  'members.records.show.level': {en: 'Engagement level', 'zh-CN': '参与等级'},
  'members.records.show.badges': {en: 'Badges', 'zh-CN': '勋章'},
  'members.records.show.age': {en: 'Age', 'zh-CN': '年龄'},
  'members.records.show.gender': {en: 'Gender', 'zh-CN': '性别'},
  'members.records.show.region': {en: 'Region', 'zh-CN': '地区'},
  'members.records.show.occupation': {en: 'Occupation', 'zh-CN': '职业'},
  'members.records.show.interests': {en: 'Interests', 'zh-CN': '兴趣'},
  'members.records.show.tags': {en: 'Tags', 'zh-CN': '标签'},
  'members.records.show.activity': {en: 'Activity', 'zh-CN': '活动'},
  'members.records.show.noEvents': {en: 'No events yet', 'zh-CN': '还没有活动记录'},
  'members.records.show.firstSeen': {en: 'First seen', 'zh-CN': '首次出现'},
  'members.records.show.lastSeen': {en: 'Last seen', 'zh-CN': '最近出现'},
  'members.records.show.interactions': {en: 'Interactions', 'zh-CN': '互动'},
  'members.records.show.interactionsValue': {en: '{all} ({recent} in the last 30 days)', 'zh-CN': '{all} 次（近 30 天 {recent} 次）'},
  'members.records.show.byType': {en: 'By type', 'zh-CN': '按类型'},
  'members.records.show.activeDays': {en: 'Active days', 'zh-CN': '活跃天数'},
  'members.records.show.streak': {en: 'Weekly streak', 'zh-CN': '连续活跃周数'},
  'members.records.show.streakValue': {en: '{current} now, {longest} longest', 'zh-CN': '当前 {current} 周，最长 {longest} 周'},
  'members.records.show.incidents': {en: 'Incidents: {count}', 'zh-CN': '违规记录：{count} 条'},
  'members.records.show.revoked': {en: 'revoked', 'zh-CN': '已撤销'},
  'members.records.show.tasks': {en: 'Tasks owned: {count}', 'zh-CN': '负责的任务：{count} 个'},
  'members.records.segments.col.count': {en: 'members', 'zh-CN': '人数'},
  'members.records.segments.col.share': {en: 'share', 'zh-CN': '占比'},
  'members.records.segments.col.active': {en: 'active', 'zh-CN': '活跃率'},
  'members.records.segments.col.d30': {en: 'D30', 'zh-CN': '30 日留存'},
  'members.records.segments.col.nps': {en: 'NPS', 'zh-CN': 'NPS'},
  'members.records.segments.col.csat': {en: 'CSAT', 'zh-CN': 'CSAT'},
  'members.records.segments.col.note': {en: 'note', 'zh-CN': '备注'},
  'members.records.segments.unknown': {en: '(unknown)', 'zh-CN': '（未填）'},
  'members.records.segments.small': {en: 'fewer than {n}: small sample', 'zh-CN': '少于 {n} 人：样本太小'},
  'members.records.segments.footer': {
    en: '{total} members; active: an interaction {from} to {to}; D30: of those who joined 30+ days before {to}, those still interacting 30 days on',
    'zh-CN': '共 {total} 位成员；活跃：{from} 至 {to} 有互动；30 日留存：{to} 前至少 30 天加入的成员中，加入 30 天后仍有互动的比例',
  },
  'members.records.segments.survey': {
    en: 'NPS and CSAT: survey {survey} (respondents joined by their member column)',
    'zh-CN': 'NPS 和 CSAT：问卷 {survey}（按成员列关联答卷）',
  },
  'members.records.segments.noSurvey': {
    en: 'No NPS or CSAT: no survey’s responses carry a member column',
    'zh-CN': '没有 NPS 或 CSAT：没有问卷的答卷带有成员列',
  },
  'members.records.export.wrote': {en: 'Wrote {count} members to {file} ({format})', 'zh-CN': '已把 {count} 位成员写入 {file}（{format}）'},
}
