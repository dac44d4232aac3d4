import type {Messages} from './types.js'

export const expr: Messages = {
  'expr.empty': {en: 'The expression is empty', 'zh-CN': '表达式为空'},
  'expr.empty.hint': {
    en: 'Write a reference such as `${{ vars.start }}` between the braces.',
    'zh-CN': '请在花括号中写入引用，例如 `${{ vars.start }}`。',
  },
  'expr.unterminated': {en: '`${{` is never closed with `}}`', 'zh-CN': '`${{` 缺少对应的 `}}`'},
  'expr.unterminated.hint': {
    en: 'Close the expression with `}}`, e.g. `${{ vars.start }}`.',
    'zh-CN': '请用 `}}` 结束表达式，例如 `${{ vars.start }}`。',
  },
  'expr.unterminatedString': {en: 'A quoted string is never closed', 'zh-CN': '字符串缺少结束引号'},
  'expr.badEscape': {en: 'Unknown escape `{escape}` in a string', 'zh-CN': '字符串中有未知的转义 `{escape}`'},
  'expr.badEscape.hint': {
    en: "Allowed escapes: \\\\ \\' \\\" \\n \\r \\t \\uXXXX; in single quotes, '' is a quote too.",
    'zh-CN': "可用的转义：\\\\ \\' \\\" \\n \\r \\t \\uXXXX；单引号字符串中也可用 '' 表示一个引号。",
  },
  'expr.badNumber': {en: '`{text}` is not a valid number', 'zh-CN': '`{text}` 不是有效的数字'},
  'expr.unexpectedChar': {en: 'Unexpected character `{char}`', 'zh-CN': '意外的字符 `{char}`'},
  'expr.unexpectedChar.hint': {
    en: 'Expressions know references, literals, == != < <= > >= && || ! ( ) and function calls; there is no arithmetic. Use `==`, not `=`.',
    'zh-CN': '表达式只支持引用、字面量、== != < <= > >= && || ! ( ) 和函数调用，不支持算术运算。比较请用 `==`，而不是 `=`。',
  },
  'expr.unexpectedToken': {en: 'Unexpected `{token}` in the expression', 'zh-CN': '表达式中出现了意外的 `{token}`'},
  'expr.unexpectedEnd': {en: 'The expression ends too early', 'zh-CN': '表达式不完整'},
  'expr.expected': {en: 'Expected `{expected}` but found `{token}`', 'zh-CN': '此处应为 `{expected}`，却是 `{token}`'},
  'expr.unclosed': {en: '`{open}` is never closed', 'zh-CN': '`{open}` 缺少对应的 `{close}`'},
  'expr.unclosed.hint': {en: 'Add `{close}`.', 'zh-CN': '请补上 `{close}`。'},
  'expr.propertyName': {
    en: 'Expected a property name after `.`',
    'zh-CN': '`.` 之后应为属性名',
  },
  'expr.propertyName.hint': {
    en: "For names that are not identifiers use brackets: `steps['my step']`, `vars.list[0]`.",
    'zh-CN': "不是标识符的名称请用方括号：`steps['my step']`、`vars.list[0]`。",
  },
  'expr.forbiddenProperty': {en: 'The property `{name}` may not be read', 'zh-CN': '不允许读取属性 `{name}`'},
  'expr.forbiddenProperty.hint': {
    en: '`__proto__`, `constructor` and `prototype` are refused so that playbooks cannot reach code.',
    'zh-CN': '为防止剧本触及代码，`__proto__`、`constructor` 和 `prototype` 均不可访问。',
  },
  'expr.unknownFunction': {en: 'Unknown function `{name}`', 'zh-CN': '未知的函数 `{name}`'},
  'expr.unknownFunction.hint': {en: 'Available functions: {known}.', 'zh-CN': '可用的函数：{known}。'},
  'expr.arity': {
    en: '`{name}` takes {expected} argument(s), not {actual}',
    'zh-CN': '`{name}` 需要 {expected} 个参数，而不是 {actual} 个',
  },
  'expr.tooLong': {
    en: 'The expression is longer than {max} characters',
    'zh-CN': '表达式超过了 {max} 个字符',
  },
  'expr.tooLong.hint': {
    en: 'Move the logic into variables or split it across steps.',
    'zh-CN': '请把逻辑拆分到变量或多个步骤中。',
  },
  'expr.tooDeep': {
    en: 'The expression nests deeper than {max} levels',
    'zh-CN': '表达式嵌套超过了 {max} 层',
  },
  'expr.type': {
    en: 'Argument {arg} of `{fn}` must be {expected}, not {actual}',
    'zh-CN': '`{fn}` 的第 {arg} 个参数应为 {expected}，而不是 {actual}',
  },
  'expr.compare': {
    en: 'Cannot compare {left} with {right} using `{op}`',
    'zh-CN': '无法用 `{op}` 比较 {left} 与 {right}',
  },
  'expr.compare.hint': {
    en: 'Compare numbers with numbers, or strings with strings (ISO dates such as 2026-12-01 compare in calendar order).',
    'zh-CN': '请用数字与数字、字符串与字符串比较（2026-12-01 这类 ISO 日期按日历先后比较）。',
  },
  'expr.date': {
    en: '`{fn}` needs a date (YYYY-MM-DD) or an ISO date-time, not `{value}`',
    'zh-CN': '`{fn}` 需要日期（YYYY-MM-DD）或 ISO 日期时间，而不是 `{value}`',
  },
  'expr.dateRange': {
    en: 'The date computed by `{fn}` falls outside the years 1–9999',
    'zh-CN': '`{fn}` 计算出的日期超出了 1–9999 年的范围',
  },
  'expr.format': {
    en: 'Bad brace at position {position} of the format string',
    'zh-CN': '格式字符串第 {position} 个位置的花括号有误',
  },
  'expr.format.hint': {
    en: 'Use {0}, {1}… for arguments, and {{ or }} for a literal brace.',
    'zh-CN': '参数请写作 {0}、{1}……；字面花括号请写作 {{ 或 }}。',
  },
  'expr.formatIndex': {
    en: 'The format string refers to argument {index}, but only {count} were given',
    'zh-CN': '格式字符串引用了第 {index} 号参数，但只提供了 {count} 个参数',
  },
  'expr.json': {en: 'Invalid JSON: {reason}', 'zh-CN': 'JSON 无效：{reason}'},
  'expr.cycle': {
    en: 'The value at {pointer} refers to itself',
    'zh-CN': '{pointer} 处的值引用了自身',
  },
  'expr.tooBig': {
    en: 'The expression makes a text longer than {max} characters',
    'zh-CN': '表达式生成的文本超过了 {max} 个字符',
  },
  'expr.tooBig.hint': {
    en: 'A playbook value is at most {max} characters: does a step repeat an earlier output (a text doubling each step)? Refer to the output once, or keep long texts in a file.',
    'zh-CN': 'playbook 中的值最多 {max} 个字符：是否有步骤重复引用前一步的输出（每一步翻倍）？请只引用一次，或把长文本放在文件中。',
  },
  'expr.internal': {
    en: 'The expression could not be evaluated: {message}',
    'zh-CN': '无法计算表达式：{message}',
  },
}
