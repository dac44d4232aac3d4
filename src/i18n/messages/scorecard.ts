import type {Messages} from './types.js'

export const scorecard: Messages = {
  'scorecard.title': {en: 'Scorecard', 'zh-CN': '评分卡'},
  'scorecard.dim.activity': {en: 'Activity', 'zh-CN': '活跃度'},
  'scorecard.dim.growth': {en: 'Growth', 'zh-CN': '增长'},
  'scorecard.dim.retention': {en: 'Retention', 'zh-CN': '留存'},
  'scorecard.dim.satisfaction': {en: 'Satisfaction', 'zh-CN': '满意度'},
  'scorecard.dim.value': {en: 'Value', 'zh-CN': '价值'},
  'scorecard.dim.content': {en: 'Content', 'zh-CN': '内容'},

  // why a row is n/a
  'scorecard.na.notComputed': {en: '{metric} was not computed for this period', 'zh-CN': '本期未计算 {metric}'},
  'scorecard.na.noValue': {en: '{metric} has no figure for this period', 'zh-CN': '{metric} 本期没有数值'},
  'scorecard.na.noTarget': {
    en: '{metric} has no target: add one to the spec or a goal in community.yaml',
    'zh-CN': '{metric} 没有目标：请在评分卡规格中或 community.yaml 的 goals 中设定',
  },
  'scorecard.naNote': {
    en: 'Rows shown n/a have no figure (or no target) and are left out of the means; a dimension with none is n/a.',
    'zh-CN': '显示为“无数据”的行没有数值（或没有目标），不计入均值；没有任何数值的维度显示为“无数据”。',
  },
  'scorecard.dimension.empty': {en: 'No metric in this dimension.', 'zh-CN': '此维度没有指标。'},

  // columns
  'scorecard.col.dimension': {en: 'Dimension', 'zh-CN': '维度'},
  'scorecard.col.metric': {en: 'Metric', 'zh-CN': '指标'},
  'scorecard.col.value': {en: 'Value', 'zh-CN': '数值'},
  'scorecard.col.target': {en: 'Target', 'zh-CN': '目标'},
  'scorecard.col.weight': {en: 'Weight', 'zh-CN': '权重'},
  'scorecard.col.score': {en: 'Score', 'zh-CN': '得分'},
  'scorecard.col.grade': {en: 'Grade', 'zh-CN': '等级'},
  'scorecard.col.change': {en: 'Change', 'zh-CN': '变化'},
  'scorecard.col.scoreChange': {en: 'Score change', 'zh-CN': '得分变化'},
  'scorecard.col.how': {en: 'How', 'zh-CN': '计算方式'},
  'scorecard.col.period': {en: 'Period', 'zh-CN': '周期'},
  'scorecard.col.computed': {en: 'Computed', 'zh-CN': '计算时间'},

  // headlines
  'scorecard.md.overall': {en: 'Overall: **{score}** (grade **{grade}**)', 'zh-CN': '总分：**{score}**（等级 **{grade}**）'},
  'scorecard.md.previous': {en: 'Since {period}: {from} → {to} ({delta})', 'zh-CN': '与 {period} 相比：{from} → {to}（{delta}）'},
  'scorecard.md.noPrevious': {en: 'No earlier scorecard of this spec to compare with.', 'zh-CN': '没有同一规格的更早评分卡可供比较。'},
  'scorecard.md.meta': {
    en: 'Period {from} … {to} · spec {spec} ({source}, {hash}) · inputs {inputs}',
    'zh-CN': '周期 {from} … {to} · 规格 {spec}（{source}，{hash}）· 输入 {inputs}',
  },
  'scorecard.text.overall': {en: '{key}  overall {score}  grade {grade}', 'zh-CN': '{key}  总分 {score}  等级 {grade}'},
  'scorecard.text.saved': {en: 'Saved the scorecard of {key}', 'zh-CN': '已保存 {key} 的评分卡'},
  'scorecard.text.replaced': {
    en: 'Saved the scorecard of {key}, replacing the one computed before',
    'zh-CN': '已保存 {key} 的评分卡，替换了之前计算的那份',
  },
  'scorecard.text.dryRun': {en: 'Dry run: nothing was saved', 'zh-CN': '试运行：未保存任何内容'},

  // diff
  'scorecard.diff.title': {en: 'Scorecard {from} → {to}', 'zh-CN': '评分卡 {from} → {to}'},
  'scorecard.md.diffOverall': {
    en: 'Overall: {from} → {to} ({delta}), grade {gradeFrom} → {gradeTo}',
    'zh-CN': '总分：{from} → {to}（{delta}），等级 {gradeFrom} → {gradeTo}',
  },
  'scorecard.diff.specChanged': {
    en: 'The two were graded against different specs (targets, weights or grade bands changed): scores are not strictly comparable.',
    'zh-CN': '两份评分卡使用的规格不同（目标、权重或等级分数线有变化）：得分不能严格比较。',
  },
  'scorecard.diff.targetChanged': {en: '* the target of this metric changed between the two.', 'zh-CN': '* 该指标的目标在两期之间有变化。'},

  // CI reports
  'scorecard.ci.na': {en: '{metric} is n/a: {reason}', 'zh-CN': '{metric} 无数据：{reason}'},
  'scorecard.ci.below': {
    en: '{metric} ({dimension}) is {value}, short of its target {target}: score {score}',
    'zh-CN': '{metric}（{dimension}）为 {value}，未达到目标 {target}：得分 {score}',
  },
  'scorecard.ci.setGoal': {
    en: 'This target is the default one; set your own with a goal for {metric} in community.yaml.',
    'zh-CN': '这是默认目标；可在 community.yaml 的 goals 中为 {metric} 设定自己的目标。',
  },

  // --fail-under
  'scorecard.failUnder.bad': {
    en: '--fail-under {value} is neither a grade nor a score 0–100',
    'zh-CN': '--fail-under {value} 既不是等级，也不是 0–100 的分数',
  },
  'scorecard.failUnder.bad.hint': {
    en: 'Give a grade ({grades}) or a score, e.g. --fail-under B or --fail-under 75.',
    'zh-CN': '请给出等级（{grades}）或分数，例如 --fail-under B 或 --fail-under 75。',
  },
  'scorecard.failUnder.failed': {
    en: 'Scorecard {period} is below {threshold}: overall {score}, grade {grade}',
    'zh-CN': '评分卡 {period} 低于 {threshold}：总分 {score}，等级 {grade}',
  },
  'scorecard.failUnder.passed': {en: 'Scorecard {period} reaches {threshold}', 'zh-CN': '评分卡 {period} 达到 {threshold}'},

  // lookups
  'scorecard.none': {en: 'No scorecard has been computed yet', 'zh-CN': '还没有计算过评分卡'},
  'scorecard.none.hint': {
    en: 'Compute one: commops scorecard compute --period 2026-10',
    'zh-CN': '先计算一份：commops scorecard compute --period 2026-10',
  },
  'scorecard.notFound': {en: 'No stored scorecard for {period}', 'zh-CN': '没有 {period} 的评分卡'},
  'scorecard.notFound.hint': {
    en: 'Stored scorecards: {known}. Compute it with: commops scorecard compute --period {period}',
    'zh-CN': '已保存的评分卡：{known}。可用以下命令计算：commops scorecard compute --period {period}',
  },
  'scorecard.ambiguous': {en: '{period} matches several stored scorecards: {keys}', 'zh-CN': '{period} 对应多份已保存的评分卡：{keys}'},
  'scorecard.ambiguous.hint': {en: 'Give the whole key, in quotes, e.g. "{first}".', 'zh-CN': '请给出完整的键并加引号，例如 "{first}"。'},

  // the spec file
  'scorecard.spec.invalid': {
    en: '{file} is not a valid ScorecardSpec ({count} problems); first: {first}',
    'zh-CN': '{file} 不是有效的 ScorecardSpec（{count} 个问题）；第一个：{first}',
  },
  'scorecard.spec.notSpec': {en: '{file} should hold one `kind: ScorecardSpec` document', 'zh-CN': '{file} 应包含一个 `kind: ScorecardSpec` 文档'},
  'scorecard.check.duplicateDimension': {en: 'Dimension `{id}` is listed twice', 'zh-CN': '维度 `{id}` 重复列出'},
  'scorecard.check.duplicateMetric': {
    en: 'Metric `{metric}` is already graded in dimension {first}',
    'zh-CN': '指标 `{metric}` 已在维度 {first} 中评分',
  },
  'scorecard.check.gradesFloor': {
    en: 'No grade starts at 0: scores below {lowest} get the lowest grade',
    'zh-CN': '没有从 0 分开始的等级：低于 {lowest} 的得分将得到最低等级',
  },
  'scorecard.check.gradesFloor.hint': {en: 'Add a grade for the rest, e.g. F: 0.', 'zh-CN': '为其余分数加一个等级，例如 F: 0。'},

  // the playbook step
  'scorecard.step.describe': {en: 'grade the period {period}', 'zh-CN': '为 {period} 评分'},
  'scorecard.step.summary': {en: 'scorecard {key}: {score} ({grade})', 'zh-CN': '评分卡 {key}：{score}（{grade}）'},
}
