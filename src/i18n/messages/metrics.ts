import type {Messages} from './types.js'

export const metrics: Messages = {
  // periods
  'metrics.period.bad': {
    en: 'Cannot read the period `{value}`',
    'zh-CN': '无法识别周期 `{value}`',
  },
  'metrics.period.hint': {
    en: 'Write a month 2026-10, a quarter 2026-Q4, an ISO week 2026-W44, a day 2026-10-05, or a unit (day, week, month, quarter) with --last N; or --from 2026-10-01 --to 2026-10-31',
    'zh-CN':
      '写成月份 2026-10、季度 2026-Q4、ISO 周 2026-W44、日期 2026-10-05，或单位（day、week、month、quarter）配合 --last N；或 --from 2026-10-01 --to 2026-10-31',
  },
  'metrics.period.both': {
    en: '--from/--to cannot be combined with --period or --last',
    'zh-CN': '--from/--to 不能与 --period 或 --last 同时使用',
  },
  'metrics.period.needFrom': {en: '--to needs --from', 'zh-CN': '--to 需要同时给出 --from'},
  'metrics.period.reversed': {en: 'The period ends ({to}) before it starts ({from})', 'zh-CN': '周期的结束日（{to}）早于开始日（{from}）'},
  'metrics.last.bad': {en: '--last must be a whole number from 1 to 1000, not {value}', 'zh-CN': '--last 必须是 1 到 1000 的整数，而不是 {value}'},
  'metrics.unknown': {en: 'Unknown metric `{id}`', 'zh-CN': '未知的指标 `{id}`'},
  'metrics.unknown.hint': {en: 'Metrics: {ids}', 'zh-CN': '可用指标：{ids}'},
  'metrics.unknown.closest': {en: 'Did you mean {best}? Metrics: {ids}', 'zh-CN': '你是想写 {best} 吗？可用指标：{ids}'},

  // names
  'metrics.name.members_total': {en: 'Members', 'zh-CN': '成员总数'},
  'metrics.name.new_members': {en: 'New members', 'zh-CN': '新成员'},
  'metrics.name.growth_rate': {en: 'Growth rate', 'zh-CN': '增长率'},
  'metrics.name.active_members': {en: 'Active members', 'zh-CN': '活跃成员'},
  'metrics.name.dau': {en: 'DAU (daily actives)', 'zh-CN': '日活（DAU）'},
  'metrics.name.wau': {en: 'WAU (7-day actives)', 'zh-CN': '周活（WAU）'},
  'metrics.name.mau': {en: 'MAU (30-day actives)', 'zh-CN': '月活（MAU）'},
  'metrics.name.stickiness': {en: 'Stickiness (DAU/MAU)', 'zh-CN': '黏性（DAU/MAU）'},
  'metrics.name.interactions_per_active': {en: 'Interactions per active', 'zh-CN': '人均互动'},
  'metrics.name.topic_participation': {en: 'Participants per topic', 'zh-CN': '话题参与人数'},
  'metrics.name.response_rate_24h': {en: 'Answered within 24 h', 'zh-CN': '24 小时响应率'},
  'metrics.name.median_first_response_h': {en: 'Median first response', 'zh-CN': '首次响应中位时长'},
  'metrics.name.event_participation': {en: 'Event attendance', 'zh-CN': '活动到场率'},
  'metrics.name.retention_d7': {en: 'Retention D7', 'zh-CN': '7 日留存'},
  'metrics.name.retention_d30': {en: 'Retention D30', 'zh-CN': '30 日留存'},
  'metrics.name.churn_rate': {en: 'Churn rate', 'zh-CN': '流失率'},
  'metrics.name.conversion_rate': {en: 'Conversion rate', 'zh-CN': '转化率'},
  'metrics.name.csat': {en: 'CSAT', 'zh-CN': '满意度（CSAT）'},
  'metrics.name.nps': {en: 'NPS', 'zh-CN': '净推荐值（NPS）'},
  'metrics.name.service_quality': {en: 'Service quality', 'zh-CN': '服务质量'},
  'metrics.name.content_quality': {en: 'Content quality', 'zh-CN': '内容质量'},
  'metrics.name.atmosphere': {en: 'Atmosphere', 'zh-CN': '社群氛围'},
  'metrics.name.calendar_adherence': {en: 'Calendar adherence', 'zh-CN': '内容日历执行率'},
  'metrics.name.answered_share': {en: 'Questions answered', 'zh-CN': '问题解答率'},
  'metrics.name.content_reach': {en: 'Views per content', 'zh-CN': '内容触达（篇均浏览）'},
  'metrics.name.reciprocity': {en: 'Reciprocity', 'zh-CN': '互惠度'},
  'metrics.name.engagement_score': {en: 'Engagement score', 'zh-CN': '参与度得分'},

  // formulas
  'metrics.formula.members_total': {
    en: 'people who joined (or were first active) by the last day and have not left since',
    'zh-CN': '截至最后一天已加入（或已有活动）且此后未退出的人数',
  },
  'metrics.formula.new_members': {
    en: 'people whose first join (or first activity, when no join is recorded) is in the period',
    'zh-CN': '首次加入（无加入记录时以首次活动计）在本周期内的人数',
  },
  'metrics.formula.growth_rate': {en: 'new members ÷ members at the period start', 'zh-CN': '新成员 ÷ 周期开始时的成员数'},
  'metrics.formula.active_members': {
    en: 'distinct people with a post, reply, reaction, question, answer or event attendance in the period',
    'zh-CN': '本周期内有发帖、回复、表情回应、提问、回答或参加活动的不同人数',
  },
  'metrics.formula.dau': {
    en: 'mean over every day of the period of that day’s distinct actives (a silent day counts as 0)',
    'zh-CN': '本周期每一天的活跃人数的平均值（无人活跃的日子计为 0）',
  },
  'metrics.formula.wau': {en: 'distinct actives in the 7 days ending on the last day', 'zh-CN': '截至最后一天的 7 天内的活跃人数'},
  'metrics.formula.mau': {en: 'distinct actives in the 30 days ending on the last day', 'zh-CN': '截至最后一天的 30 天内的活跃人数'},
  'metrics.formula.stickiness': {
    en: 'mean daily actives over the 30 days ending on the last day ÷ MAU',
    'zh-CN': '截至最后一天的 30 天内日均活跃人数 ÷ 月活',
  },
  'metrics.formula.interactions_per_active': {en: 'interactions ÷ active members', 'zh-CN': '互动次数 ÷ 活跃成员数'},
  'metrics.formula.topic_participation': {
    en: 'mean distinct participants per topic with at least one reply',
    'zh-CN': '有回复的话题的平均参与人数',
  },
  'metrics.formula.response_rate_24h': {
    en: 'questions answered (by someone else) within 24 h ÷ questions',
    'zh-CN': '24 小时内得到他人回答的问题数 ÷ 问题数',
  },
  'metrics.formula.median_first_response_h': {
    en: 'median hours from a question to its first answer by someone else',
    'zh-CN': '从提问到他人首次回答的时长（小时）的中位数',
  },
  'metrics.formula.event_participation': {en: 'event_attend events ÷ event_register events', 'zh-CN': '参加活动次数 ÷ 报名次数'},
  'metrics.formula.retention_d7': {
    en: 'of the people who joined in the period (and for whom day 7 has come), the share active on or after day 7',
    'zh-CN': '本周期加入（且已满 7 天）的人中，第 7 天及以后仍有活动的比例',
  },
  'metrics.formula.retention_d30': {
    en: 'of the people who joined in the period (and for whom day 30 has come), the share active on or after day 30',
    'zh-CN': '本周期加入（且已满 30 天）的人中，第 30 天及以后仍有活动的比例',
  },
  'metrics.formula.churn_rate': {en: 'people who left in the period ÷ members at the period start', 'zh-CN': '本周期退出的人数 ÷ 周期开始时的成员数'},
  'metrics.formula.conversion_rate': {
    en: 'people with a conversion event in the period ÷ active members',
    'zh-CN': '本周期有转化事件的人数 ÷ 活跃成员数',
  },
  'metrics.formula.csat': {
    en: 'share of 4–5 answers on 5-point satisfaction items (top two boxes), latest survey',
    'zh-CN': '最近一次问卷中 5 分制满意度题选 4–5 分的比例',
  },
  'metrics.formula.nps': {
    en: '% promoters (9–10) − % detractors (0–6), latest survey',
    'zh-CN': '推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，最近一次问卷',
  },
  'metrics.formula.service_quality': {
    en: 'mean of the service_quality items on 1–5, latest survey',
    'zh-CN': '最近一次问卷中服务质量题的平均分（1–5）',
  },
  'metrics.formula.content_quality': {
    en: 'mean of the content_quality items on 1–5, latest survey',
    'zh-CN': '最近一次问卷中内容质量题的平均分（1–5）',
  },
  'metrics.formula.atmosphere': {en: 'mean of the atmosphere items on 1–5, latest survey', 'zh-CN': '最近一次问卷中氛围题的平均分（1–5）'},
  'metrics.formula.calendar_adherence': {
    en: 'published calendar items ÷ planned items dated in the period (ideas not counted)',
    'zh-CN': '已发布的日历条目 ÷ 本周期计划的条目（不含创意）',
  },
  'metrics.formula.answered_share': {en: 'questions with at least one answer ÷ questions', 'zh-CN': '至少有一个回答的问题数 ÷ 问题数'},
  'metrics.formula.content_reach': {en: 'content_view events ÷ content_publish events', 'zh-CN': '内容浏览次数 ÷ 内容发布次数'},
  'metrics.formula.reciprocity': {
    en: 'share of active members who both replied to someone and were replied to in the period',
    'zh-CN': '本周期既回复过别人又被别人回复过的活跃成员比例',
  },
  'metrics.formula.engagement_score': {
    en: 'Σ level weight² × members per engagement level on the period’s last day (community.yaml engagement)',
    'zh-CN': '周期最后一天各参与度等级的 权重² × 人数 之和（community.yaml engagement）',
  },

  // n/a reasons
  'metrics.na.noEvents': {en: 'no events imported (commops events import FILE)', 'zh-CN': '尚未导入事件（commops events import 文件）'},
  'metrics.na.noData': {
    en: 'the period is outside the imported events ({first} – {last})',
    'zh-CN': '该周期不在已导入事件的范围内（{first} – {last}）',
  },
  'metrics.na.noMembersAtStart': {en: 'no members at the period start', 'zh-CN': '周期开始时没有成员'},
  'metrics.na.noActive': {en: 'no active members in the period', 'zh-CN': '本周期没有活跃成员'},
  'metrics.na.noTopics': {en: 'no topic with a reply in the period', 'zh-CN': '本周期没有带回复的话题'},
  'metrics.na.noQuestions': {en: 'no question events in the period', 'zh-CN': '本周期没有提问事件'},
  'metrics.na.noAnswers': {en: 'no question in the period has been answered yet', 'zh-CN': '本周期的问题都还没有人回答'},
  'metrics.na.noRegistrations': {en: 'no event registrations in the period', 'zh-CN': '本周期没有活动报名'},
  'metrics.na.noJoins': {en: 'nobody joined in the period', 'zh-CN': '本周期没有新加入的人'},
  'metrics.na.tooRecent': {
    en: 'nobody who joined in the period has reached day {days} yet (events end {last})',
    'zh-CN': '本周期加入的人都还没满 {days} 天（事件截至 {last}）',
  },
  'metrics.na.noConversionEvents': {en: 'no conversion events imported', 'zh-CN': '没有导入任何转化事件'},
  'metrics.na.noContent': {en: 'no content_publish events in the period', 'zh-CN': '本周期没有内容发布事件'},
  'metrics.na.noReplyLinks': {
    en: 'no reply in the period names the message it answers (parent)',
    'zh-CN': '本周期没有回复标明所回复的消息（parent）',
  },
  'metrics.na.noSurvey': {en: 'no survey yet (commops survey create)', 'zh-CN': '还没有问卷（commops survey create）'},
  'metrics.na.noResponses': {
    en: 'no survey responses up to the period end (commops survey ingest)',
    'zh-CN': '截至周期结束没有问卷答卷（commops survey ingest）',
  },
  'metrics.na.noSurveyItem': {en: 'no survey with responses asks this', 'zh-CN': '有答卷的问卷中没有对应的题目'},
  'metrics.na.noCalendar': {en: 'no content calendar (commops calendar generate)', 'zh-CN': '没有内容日历（commops calendar generate）'},
  'metrics.na.noMembers': {en: 'no members with events by the period end', 'zh-CN': '截至周期结束没有任何有事件的成员'},
  'metrics.na.noPlannedItems': {en: 'no calendar items planned in the period', 'zh-CN': '本周期没有计划的日历条目'},

  // notes
  'metrics.note.partial': {
    en: 'the imported events cover only {first} – {last}',
    'zh-CN': '已导入的事件只覆盖 {first} – {last}',
  },
  'metrics.note.inferredJoins': {
    en: '{n} member(s) have no join event: their first activity is taken as their join',
    'zh-CN': '{n} 位成员没有加入事件：以其首次活动作为加入时间',
  },
  'metrics.note.tooRecent': {
    en: '{n} member(s) joined less than {days} days before the last event and are not counted',
    'zh-CN': '{n} 位成员加入距最后一个事件不足 {days} 天，未计入',
  },
  'metrics.note.survey': {
    en: 'from survey {survey}: {n} responses, the latest on {last}',
    'zh-CN': '来自问卷 {survey}：{n} 份答卷，最近一份在 {last}',
  },
  'metrics.note.engagement': {
    en: 'levels by weighted activity over the last {window} days; the whole community, whatever the filter',
    'zh-CN': '按最近 {window} 天的加权活跃度分级；按整个社区计算，不受筛选条件影响',
  },
  // the metrics command
  'metrics.header': {en: 'Metrics {label} ({from} – {to}, {zone}{filter})', 'zh-CN': '指标 {label}（{from} – {to}，{zone}{filter}）'},
  'metrics.na': {en: 'n/a', 'zh-CN': '无数据'},
  'metrics.col.metric': {en: 'Metric', 'zh-CN': '指标'},
  'metrics.col.value': {en: 'Value', 'zh-CN': '数值'},
  'metrics.col.target': {en: 'Target', 'zh-CN': '目标'},
  'metrics.col.note': {en: 'Note', 'zh-CN': '说明'},
  'metrics.seeNote': {en: '(see note {n})', 'zh-CN': '（见注 {n}）'},
  'metrics.explainHint': {
    en: 'How a figure was computed: commops metrics --explain ID (e.g. --explain stickiness)',
    'zh-CN': '查看某项指标的算法：commops metrics --explain 指标（如 --explain stickiness）',
  },
  'metrics.chart.gaps': {en: 'n/a, line held at the value before:', 'zh-CN': '无数据（沿用前一个值）：'},
  'metrics.chart.empty': {en: 'n/a in every period', 'zh-CN': '各周期均无数据'},
  'metrics.explain.reason': {en: 'Why n/a', 'zh-CN': '无数据的原因'},
  'metrics.explain.formula': {en: 'Formula', 'zh-CN': '公式'},
  'metrics.explain.input': {en: 'Input', 'zh-CN': '输入'},
  'metrics.explain.count': {en: 'Count', 'zh-CN': '数量'},
  'metrics.explain.days': {
    en: 'Daily actives over the {n} days ({silent} silent, counted as 0):',
    'zh-CN': '这 {n} 天每天的活跃人数（{silent} 天无人活跃，计为 0）：',
  },
  'metrics.explain.busiest': {en: 'Busiest days: {days}', 'zh-CN': '最活跃的日子：{days}'},
  'metrics.explain.quietest': {en: 'Quietest days: {days}', 'zh-CN': '最冷清的日子：{days}'},
  // retention and funnel
  'metrics.retention.headerWeek': {
    en: 'Weekly cohorts: share of each week’s joiners active in each week since ({zone}; events up to {last})',
    'zh-CN': '按周分组：每周新加入的人在之后各周仍活跃的比例（{zone}；事件截至 {last}）',
  },
  'metrics.retention.headerMonth': {
    en: 'Monthly cohorts: share of each month’s joiners active in each month since ({zone}; events up to {last})',
    'zh-CN': '按月分组：每月新加入的人在之后各月仍活跃的比例（{zone}；事件截至 {last}）',
  },
  'metrics.retention.cohort': {en: 'Cohort', 'zh-CN': '加入批次'},
  'metrics.retention.size': {en: 'Joined', 'zh-CN': '人数'},
  'metrics.retention.legend': {
    en: '{unit}0 = the unit they joined in, {unit}1 = the next…; D7/D30 = active on or after day 7/30 (of those who have reached it); — = not known yet',
    'zh-CN': '{unit}0 = 加入当期，{unit}1 = 下一期……；D7/D30 = 第 7/30 天及以后仍有活动（只算已满天数的人）；— = 尚无数据',
  },
  'metrics.funnel.header': {
    en: 'Funnel of the people who joined in {label} ({from} – {to}, {zone})',
    'zh-CN': '{label}（{from} – {to}，{zone}）加入者的转化漏斗',
  },
  'metrics.funnel.step': {en: 'Step', 'zh-CN': '步骤'},
  'metrics.funnel.people': {en: 'People', 'zh-CN': '人数'},
  'metrics.funnel.stepRate': {en: 'Of the step before', 'zh-CN': '占上一步'},
  'metrics.funnel.overall': {en: 'Of joiners', 'zh-CN': '占加入者'},
  'metrics.funnel.joined': {en: 'Joined', 'zh-CN': '加入'},
  'metrics.funnel.interacted': {en: 'First interaction', 'zh-CN': '首次互动'},
  'metrics.funnel.active_4_of_8': {en: 'Active in 4 of their first 8 weeks', 'zh-CN': '前 8 周中有 4 周活跃'},
  'metrics.funnel.converted': {en: 'Converted', 'zh-CN': '转化'},
  'metrics.funnel.within': {
    en: '{n} of them joined less than 8 weeks before the last event and may still become regulars',
    'zh-CN': '其中 {n} 人加入距最后一个事件不足 8 周，之后仍可能成为常客',
  },
  // the metrics step
  'metrics.step.describe': {en: 'compute the metrics of {period}', 'zh-CN': '计算 {period} 的指标'},
  'metrics.step.lastMonth': {en: 'the last full month', 'zh-CN': '上一个完整的月份'},
  'metrics.step.title': {en: 'Metrics {period}', 'zh-CN': '指标 {period}'},
  'metrics.step.summary': {
    en: 'metrics {period}: {known} of {total} known; {figures}',
    'zh-CN': '指标 {period}：{total} 项中 {known} 项有数据；{figures}',
  },
}
