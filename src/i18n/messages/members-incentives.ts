import type {Messages} from './types.js'

/** Members' incentives: points, awards, engagement levels, gravity, badges, the leaderboard (src/members). */
export const membersIncentives: Messages = {
  // errors
  'members.incentives.badPoints': {
    en: '`{value}` is not a number of points (a non-zero number, ±1000000)',
    'zh-CN': '`{value}` 不是有效的积分（非零数字，±1000000 以内）',
  },
  'members.incentives.badPoints.hint': {
    en: 'Write --points 50, or --points=-20 for a deduction',
    'zh-CN': '请写 --points 50；扣分写 --points=-20',
  },
  'members.incentives.unknownLevel': {en: 'There is no engagement level {level}', 'zh-CN': '没有参与等级 {level}'},
  'members.incentives.unknownLevel.hint': {
    en: 'Levels (by id or name): {levels}; community.yaml `engagement.levels` declares them',
    'zh-CN': '等级（用编号或名称）：{levels}；在 community.yaml 的 `engagement.levels` 中定义',
  },
  'members.incentives.memberHint': {
    en: 'Name a member by an identity (discord:123, qq:10002), a person (P3), or a record id or exact name as members list shows them (M004)',
    'zh-CN': '用账号（discord:123、qq:10002）、人员编号（P3），或 members list 显示的档案编号或准确的名字（M004）指定成员',
  },
  'members.incentives.noReason': {en: 'A reason is required', 'zh-CN': '必须写明原因'},
  'members.incentives.noReason.hint': {
    en: 'Say why with --reason "…"; it is kept in the ledger',
    'zh-CN': '请用 --reason "……" 写明原因，它会记入积分账本',
  },
  'members.incentives.unknownPerson': {en: 'There is no person {id} (see `members link`)', 'zh-CN': '没有编号为 {id} 的人（见 `members link`）'},
  'members.incentives.unknownBadge': {
    en: 'No badge `{badge}` in community.yaml (badges: {badges})',
    'zh-CN': 'community.yaml 中没有勋章 `{badge}`（已有：{badges}）',
  },
  'members.incentives.unknownBadge.hint': {
    en: 'Badges are declared in community.yaml under incentives.badges',
    'zh-CN': '勋章在 community.yaml 的 incentives.badges 下声明',
  },
  'members.incentives.badgeHeld': {en: '{member} already holds badge `{badge}`', 'zh-CN': '{member} 已经持有勋章 `{badge}`'},
  'members.incentives.badgeHeld.hint': {en: 'Nothing to do; list it with --member', 'zh-CN': '无需操作；可用 --member 查看'},
  'members.incentives.badgeNotHeld': {en: '{member} does not hold badge `{badge}`', 'zh-CN': '{member} 没有持有勋章 `{badge}`'},
  'members.incentives.badgeNotHeld.hint': {
    en: 'List the member’s badges: commops members badges --member MEMBER',
    'zh-CN': '查看该成员的勋章：commops members badges --member 成员',
  },
  'members.incentives.reasonAlone': {en: '--reason goes with --award or --revoke', 'zh-CN': '--reason 需与 --award 或 --revoke 一起使用'},
  'members.incentives.reasonAlone.hint': {
    en: 'commops members badges --revoke BADGE --member MEMBER --reason "…"',
    'zh-CN': 'commops members badges --revoke 勋章 --member 成员 --reason "……"',
  },

  // points
  'members.incentives.points.done': {
    en: 'Ledger recomputed: {entries} entries from events, {manual} manual; {members} members, {total} points in all ({file})',
    'zh-CN': '积分账本已重新计算：事件积分 {entries} 条，手动 {manual} 条；共 {members} 位成员、{total} 分（{file}）',
  },
  'members.incentives.points.same': {
    en: 'Ledger unchanged: {entries} entries from events, {manual} manual; {members} members, {total} points in all ({file})',
    'zh-CN': '积分账本没有变化：事件积分 {entries} 条，手动 {manual} 条；共 {members} 位成员、{total} 分（{file}）',
  },
  'members.incentives.points.dryRun': {
    en: 'Dry run, nothing written: {entries} entries from events, {manual} manual; {members} members, {total} points in all',
    'zh-CN': '试运行，未写入：事件积分 {entries} 条，手动 {manual} 条；共 {members} 位成员、{total} 分',
  },
  'members.incentives.points.summary': {
    en: 'Ledger: {computed} entries from events (computed {computedAt}), {manual} manual; {members} members, {total} points in all',
    'zh-CN': '积分账本：事件积分 {computed} 条（计算于 {computedAt}），手动 {manual} 条；共 {members} 位成员、{total} 分',
  },
  'members.incentives.points.never': {
    en: 'The ledger has not been computed yet: run commops members points --recompute',
    'zh-CN': '积分账本尚未计算：请运行 commops members points --recompute',
  },
  'members.incentives.points.member': {en: '{member}: {points} points, title {title}', 'zh-CN': '{member}：{points} 分，称号 {title}'},
  'members.incentives.capped': {en: 'daily cap', 'zh-CN': '达到每日上限'},
  'members.incentives.source.incident': {en: 'incident {id} ({rung})', 'zh-CN': '违规记录 {id}（{rung}）'},
  'members.incentives.source.manual': {en: '{id} by hand: {reason}', 'zh-CN': '{id} 手动：{reason}'},
  'members.incentives.award.done': {en: '{id}: {points} points to {member} ({reason})', 'zh-CN': '{id}：给 {member} 记 {points} 分（{reason}）'},

  // levels and gravity
  'members.incentives.levels.header': {
    en: 'Engagement levels on {at} (activity over {window} days), against {before}',
    'zh-CN': '{at} 的参与度等级（按 {window} 天内的活跃度），对比 {before}',
  },
  'members.incentives.levels.movement': {
    en: 'Movement: {up} up, {held} held, {down} down, {joined} new, {left} left',
    'zh-CN': '变动：上升 {up}，持平 {held}，下降 {down}，新出现 {joined}，离开 {left}',
  },
  'members.incentives.direction.up': {en: 'up', 'zh-CN': '上升'},
  'members.incentives.direction.held': {en: 'held', 'zh-CN': '持平'},
  'members.incentives.direction.down': {en: 'down', 'zh-CN': '下降'},
  'members.incentives.direction.joined': {en: 'new', 'zh-CN': '新出现'},
  'members.incentives.direction.left': {en: 'left', 'zh-CN': '离开'},
  'members.incentives.gravity.header': {
    en: 'Engagement score on {at}: {now} ({change} since {beforeAt}: {before})',
    'zh-CN': '{at} 的参与度得分：{now}（较 {beforeAt} 的 {before} 变化 {change}）',
  },
  'members.incentives.gravity.up': {en: 'Moved up most', 'zh-CN': '上升最多'},
  'members.incentives.gravity.down': {en: 'Moved down most', 'zh-CN': '下降最多'},

  // badges
  'members.incentives.badges.awarded': {en: '{n} badge(s) awarded', 'zh-CN': '新颁发 {n} 枚勋章'},
  'members.incentives.badges.pending': {en: 'Dry run: {n} badge(s) would be awarded', 'zh-CN': '试运行：将颁发 {n} 枚勋章'},
  'members.incentives.badges.awardedAll': {en: '{n} badge(s) awarded across the community', 'zh-CN': '全体成员新颁发 {n} 枚勋章'},
  'members.incentives.badges.pendingAll': {
    en: 'Dry run: {n} badge(s) would be awarded across the community',
    'zh-CN': '试运行：全体成员将新颁发 {n} 枚勋章',
  },
  'members.incentives.badges.award': {en: 'Badge `{badge}` given to {member}', 'zh-CN': '已向 {member} 颁发勋章 `{badge}`'},
  'members.incentives.badges.revoke': {en: 'Badge `{badge}` revoked from {member}', 'zh-CN': '已收回 {member} 的勋章 `{badge}`'},
  'members.incentives.badges.of': {en: '{member} holds {n} badge(s)', 'zh-CN': '{member} 持有 {n} 枚勋章'},
  'members.incentives.badges.none': {
    en: 'No badges declared: add them to community.yaml under incentives.badges',
    'zh-CN': '尚未声明勋章：请在 community.yaml 的 incentives.badges 下添加',
  },

  // leaderboard
  'members.incentives.top.header': {en: 'Leaderboard {label} ({from} – {to})', 'zh-CN': '积分榜 {label}（{from} – {to}）'},
  'members.incentives.top.empty': {en: 'Nobody earned points in this period', 'zh-CN': '本周期没有人获得积分'},
  'members.incentives.level.left': {en: 'left', 'zh-CN': '已离开'},
  'members.incentives.latest': {
    en: 'The latest events imported are from {month}: commops members {command} --period {month}',
    'zh-CN': '最近导入的事件在 {month}：commops members {command} --period {month}',
  },

  // columns
  'members.incentives.col.badge': {en: 'Badge', 'zh-CN': '勋章'},
  'members.incentives.col.before': {en: 'Before', 'zh-CN': '上期'},
  'members.incentives.col.change': {en: 'Change', 'zh-CN': '变化'},
  'members.incentives.col.direction': {en: 'Direction', 'zh-CN': '方向'},
  'members.incentives.col.from': {en: 'From', 'zh-CN': '从'},
  'members.incentives.col.to': {en: 'To', 'zh-CN': '到'},
  'members.incentives.col.gravity': {en: 'Weight² × members', 'zh-CN': '权重² × 人数'},
  'members.incentives.col.holders': {en: 'Holders', 'zh-CN': '持有人数'},
  'members.incentives.col.kind': {en: 'Rule', 'zh-CN': '规则'},
  'members.incentives.col.level': {en: 'Level', 'zh-CN': '等级'},
  'members.incentives.col.member': {en: 'Member', 'zh-CN': '成员'},
  'members.incentives.col.members': {en: 'Members', 'zh-CN': '人数'},
  'members.incentives.col.name': {en: 'Name', 'zh-CN': '名称'},
  'members.incentives.col.points': {en: 'Points', 'zh-CN': '积分'},
  'members.incentives.col.score': {en: 'Activity score', 'zh-CN': '活跃度'},
  'members.incentives.col.source': {en: 'Source', 'zh-CN': '来源'},
  'members.incentives.col.title': {en: 'Title', 'zh-CN': '称号'},
  'members.incentives.col.total': {en: 'Total', 'zh-CN': '累计'},
  'members.incentives.col.type': {en: 'Event type', 'zh-CN': '事件类型'},
  'members.incentives.col.weight': {en: 'Weight', 'zh-CN': '权重'},
  'members.incentives.col.when': {en: 'When', 'zh-CN': '时间'},

  // steps
  'members.incentives.step.points.describe': {en: 'Recompute the points ledger', 'zh-CN': '重新计算积分账本'},
  'members.incentives.step.points.produces': {en: 'the points ledger and its totals', 'zh-CN': '积分账本及其合计'},
  'members.incentives.step.levels.describe': {en: 'Engagement levels and movement ({period})', 'zh-CN': '参与度等级与变动（{period}）'},
  'members.incentives.step.levels.title': {en: 'Engagement levels {period}', 'zh-CN': '参与度等级 {period}'},
  'members.incentives.step.badges.describe': {en: 'Award the badges the rules give', 'zh-CN': '颁发规则给出的勋章'},
  'members.incentives.step.lastMonth': {en: 'the last full month', 'zh-CN': '上一个完整月'},
}
