import type {Messages} from './types.js'

/** `commops suggest`: optimisation suggestions (优化建议) and their rule files. */
export const suggest: Messages = {
  'suggest.heading': {
    en: 'Suggestions for {period} (scorecard {key}), largest score gap first',
    'zh-CN': '{period} 的优化建议（评分卡 {key}），按分差从大到小',
  },
  'suggest.none': {
    en: 'No suggestion: none of the {rules} rules fired on the scorecard of {key}.',
    'zh-CN': '没有建议：{rules} 条规则在 {key} 的评分卡上都没有触发。',
  },
  'suggest.more': {en: '{count} more: --limit {total} shows them all', 'zh-CN': '还有 {count} 条：用 --limit {total} 可全部显示'},
  'suggest.noScorecard': {
    en: 'No scorecard yet, so there is nothing to suggest from. Compute one first: {command}',
    'zh-CN': '还没有评分卡，无从给出建议。请先计算一份：{command}',
  },
  'suggest.col.rank': {en: '#', 'zh-CN': '#'},
  'suggest.col.gap': {en: 'Gap', 'zh-CN': '分差'},
  'suggest.col.suggestion': {en: 'Suggestion', 'zh-CN': '建议'},
  'suggest.col.playbook': {en: 'Playbook', 'zh-CN': '剧本'},
  'suggest.why': {en: 'Why', 'zh-CN': '原因'},
  'suggest.action': {en: 'Do', 'zh-CN': '做法'},
  'suggest.effect': {en: 'Expect', 'zh-CN': '预期'},
  'suggest.run': {en: 'Run', 'zh-CN': '执行'},
  'suggest.channelSince': {en: '{channel} (last item {last})', 'zh-CN': '{channel}（最后一条 {last}）'},
  'suggest.gapNote': {
    en: 'Gap: overall-score points the condition leaves on the table.',
    'zh-CN': '分差：该条件让总分丢掉的分数（对应指标达到满分时总分能提高多少）。',
  },

  // rule files
  'suggest.rules.invalid': {
    en: '{file} is not a valid suggestion rules file ({count} problems): {first}',
    'zh-CN': '{file} 不是有效的建议规则文件（{count} 处问题）：{first}',
  },
  'suggest.rules.invalid.hint': {
    en: 'See `commops schema suggestions` for the format, and `commops validate {file}` for every problem.',
    'zh-CN': '格式见 `commops schema suggestions`；用 `commops validate {file}` 查看全部问题。',
  },
  'suggest.rules.notRules': {
    en: '{file} holds a {kind} document; suggestions/ holds SuggestionRules files only',
    'zh-CN': '{file} 是 {kind} 文档；suggestions/ 只放 SuggestionRules 文件',
  },
  'suggest.rules.duplicate': {en: 'Rule {id} is also defined in {first}', 'zh-CN': '规则 {id} 已在 {first} 中定义'},
  'suggest.rules.duplicate.hint': {
    en: 'Give each workspace rule its own id (an id of a built-in rule replaces that rule).',
    'zh-CN': '每条工作区规则使用不同的 id（与内置规则同 id 时会替换该内置规则）。',
  },
  'suggest.check.duplicateRule': {en: 'Rule {id} is already defined (rule {first} of this file)', 'zh-CN': '规则 {id} 已定义（本文件第 {first} 条）'},
  'suggest.check.unknownPlaceholder': {
    en: '{{name}} is not filled by this rule’s condition and will be shown as written',
    'zh-CN': '{{name}} 不由本条规则的条件填充，会原样显示',
  },
  'suggest.check.unknownPlaceholder.hint': {en: 'This condition fills: {known}', 'zh-CN': '此条件可用的占位符：{known}'},
}
