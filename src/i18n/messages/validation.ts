import type {Messages} from './types.js'

export const validation: Messages = {
  'yaml.syntax': {en: 'YAML syntax error: {detail}', 'zh-CN': 'YAML 语法错误：{detail}'},
  'yaml.syntax.hint': {
    en: 'Check indentation (spaces, not tabs), colons after keys and closing quotes.',
    'zh-CN': '请检查缩进（用空格而非 Tab）、键后的冒号以及引号是否成对。',
  },
  'yaml.code.BAD_ALIAS': {en: 'an alias (*name) that refers to no anchor', 'zh-CN': '别名（*name）找不到对应的锚点'},
  'yaml.code.BAD_DQ_ESCAPE': {en: 'a bad escape sequence inside a "double-quoted" string', 'zh-CN': '双引号字符串中有无效的转义序列'},
  'yaml.code.BAD_DIRECTIVE': {en: 'a %YAML directive of a version other than 1.x', 'zh-CN': '%YAML 指令的版本不是 1.x'},
  'yaml.code.RESOURCE_EXHAUSTION': {
    en: 'collections nested too deeply to read (hundreds of levels of [ { or indentation)',
    'zh-CN': '集合嵌套过深，无法读取（[、{ 或缩进嵌套了数百层）',
  },
  'yaml.code.BAD_INDENT': {en: 'the indentation does not line up with the lines around it', 'zh-CN': '缩进与上下文不对齐'},
  'yaml.code.UNCLOSED_FLOW_SEQ': {
    en: 'a [ list above is not closed with ]: add the ], or indent the lines that continue it more than its key',
    'zh-CN': '上方的 [ 列表没有用 ] 结束：补上 ]，或把它的续行缩进得比键更深',
  },
  'yaml.code.UNCLOSED_FLOW_MAP': {
    en: 'a { map above is not closed with }: add the }, or indent the lines that continue it more than its key',
    'zh-CN': '上方的 { 映射没有用 } 结束：补上 }，或把它的续行缩进得比键更深',
  },
  'yaml.code.BAD_SCALAR_START': {
    en: 'a plain value cannot start with this character; put the value in quotes',
    'zh-CN': '普通值不能以这个字符开头，请给值加上引号',
  },
  'yaml.code.BLOCK_AS_IMPLICIT_KEY': {
    en: 'a nested block used as a key; is a colon or indentation off?',
    'zh-CN': '把嵌套块当成了键；可能缺少冒号或缩进不对',
  },
  'yaml.code.BLOCK_IN_FLOW': {en: 'a block inside a {…} or […] flow collection', 'zh-CN': '在 {…} 或 […] 中使用了块结构'},
  'yaml.code.MISSING_CHAR': {en: 'a closing character (quote, bracket or brace) is missing', 'zh-CN': '缺少结束字符（引号、方括号或花括号）'},
  'yaml.code.MULTILINE_IMPLICIT_KEY': {
    en: 'a key spans several lines; a colon may be missing on the line before',
    'zh-CN': '键跨越了多行；上一行可能缺少冒号',
  },
  'yaml.code.TAB_AS_INDENT': {en: 'a tab is used for indentation; YAML needs spaces', 'zh-CN': '使用了 Tab 缩进；YAML 只能用空格缩进'},
  'yaml.code.UNEXPECTED_TOKEN': {en: 'unexpected text here', 'zh-CN': '此处出现了意外的内容'},
  'yaml.code.MULTIPLE_ANCHORS': {en: 'a node has more than one anchor (&name)', 'zh-CN': '同一节点有多个锚点（&name）'},
  'yaml.code.MULTIPLE_TAGS': {en: 'a node has more than one tag (!tag)', 'zh-CN': '同一节点有多个标签（!tag）'},
  'yaml.code.NON_STRING_KEY': {en: 'a key that is not a plain string', 'zh-CN': '键不是普通字符串'},
  'yaml.code.TAG_RESOLVE_FAILED': {en: 'a value does not fit its tag', 'zh-CN': '值与其标签不符'},
  'encoding.gb18030': {
    en: 'This file is in GBK/GB18030 (Chinese Windows "ANSI"), not UTF-8; commops reads YAML files only as UTF-8',
    'zh-CN': '此文件是 GBK/GB18030 编码（中文 Windows 的“ANSI”），不是 UTF-8；commops 只按 UTF-8 读取 YAML 文件',
  },
  'encoding.utf16le': {
    en: 'This file is in UTF-16 LE (Windows "Unicode"), not UTF-8; commops reads YAML files only as UTF-8',
    'zh-CN': '此文件是 UTF-16 LE 编码（Windows 的“Unicode”），不是 UTF-8；commops 只按 UTF-8 读取 YAML 文件',
  },
  'encoding.utf16be': {
    en: 'This file is in UTF-16 BE ("Unicode big endian"), not UTF-8; commops reads YAML files only as UTF-8',
    'zh-CN': '此文件是 UTF-16 BE 编码（“Unicode big endian”），不是 UTF-8；commops 只按 UTF-8 读取 YAML 文件',
  },
  'encoding.unknown': {
    en: 'This file is not UTF-8 (the byte here is not valid UTF-8); commops reads YAML files only as UTF-8',
    'zh-CN': '此文件不是 UTF-8 编码（此处的字节不是有效的 UTF-8）；commops 只按 UTF-8 读取 YAML 文件',
  },
  'encoding.hint': {
    en: 'Re-save it as UTF-8: in Notepad, File → Save As → Encoding: UTF-8; in VS Code, click the encoding in the status bar, "Reopen with Encoding" → {reopen}, then "Save with Encoding" → UTF-8. Nothing was written.',
    'zh-CN':
      '请另存为 UTF-8：记事本中“文件 → 另存为 → 编码：UTF-8”；VS Code 中点击状态栏的编码，先“通过编码重新打开”选 {reopen}，再“通过编码保存”选 UTF-8。未写入任何内容。',
  },
  'encoding.reopen.unknown': {en: 'the encoding it was written in', 'zh-CN': '文件原来的编码'},
  'yaml.duplicateKey': {en: 'Duplicate key: {detail}', 'zh-CN': '重复的键：{detail}'},
  'yaml.duplicateKey.hint': {
    en: 'Each key may appear once in a mapping; remove or merge the repeated one.',
    'zh-CN': '同一层级的键只能出现一次；请删除或合并重复的键。',
  },
  'yaml.aliases': {en: 'Too many YAML aliases: {detail}', 'zh-CN': 'YAML 别名过多：{detail}'},
  'yaml.aliases.hint': {
    en: 'Expand the aliases (*name) into plain values; commops limits them to keep validation safe.',
    'zh-CN': '请把别名（*name）展开为普通值；为保证校验安全，commops 限制了别名数量。',
  },
  'kind.missing': {en: 'The document has no `kind`', 'zh-CN': '文档缺少 `kind`'},
  'kind.missing.hint': {
    en: 'Start the file with `apiVersion: commops/v1` and `kind:` one of {kinds}.',
    'zh-CN': '请在文件开头写 `apiVersion: commops/v1`，并将 `kind:` 设为以下之一：{kinds}。',
  },
  'kind.unknown': {en: 'Unknown kind `{kind}`', 'zh-CN': '未知的 kind `{kind}`'},
  'kind.unknown.hint': {en: 'Known kinds: {kinds}.{suggest}', 'zh-CN': '已知的 kind：{kinds}。{suggest}'},
  'kind.notObject': {en: 'The document must be a mapping (key: value)', 'zh-CN': '文档必须是键值映射（key: value）'},
  'suggest.didYouMean': {en: ' Did you mean `{value}`?', 'zh-CN': '你是不是想写 `{value}`？'},
  'schema.required': {en: 'Missing required property `{property}`', 'zh-CN': '缺少必填属性 `{property}`'},
  'schema.required.hint': {en: 'Add `{property}:` here.', 'zh-CN': '请在此处添加 `{property}:`。'},
  'schema.additionalProperties': {en: 'Unknown property `{property}`', 'zh-CN': '未知属性 `{property}`'},
  'schema.additionalProperties.hint': {
    en: 'Allowed here: {allowed}.{suggest}',
    'zh-CN': '此处允许的属性：{allowed}。{suggest}',
  },
  'schema.type': {en: 'Must be {expected}, not {actual}', 'zh-CN': '应为{expected}，而不是{actual}'},
  'schema.notFinite': {
    en: 'Is too large or not a finite number (read as {value})',
    'zh-CN': '数值过大或不是有限的数（被读作 {value}）',
  },
  'schema.notFinite.hint': {
    en: 'Write an ordinary number such as 10 or 2.5; YAML reads 1e400 and .inf as infinity and .nan as not a number.',
    'zh-CN': '请写普通的数字，例如 10 或 2.5；YAML 会把 1e400 和 .inf 读作无穷大，把 .nan 读作非数字。',
  },
  'schema.enum': {en: 'Must be one of: {allowed}', 'zh-CN': '必须是以下之一：{allowed}'},
  'schema.const': {en: 'Must be `{allowed}`', 'zh-CN': '必须为 `{allowed}`'},
  'schema.format': {en: '`{value}` is not a valid {format}', 'zh-CN': '`{value}` 不是有效的 {format}'},
  'schema.pattern': {en: '`{value}` has the wrong form', 'zh-CN': '`{value}` 的格式不正确'},
  'schema.minimum': {en: 'Must be {comparison} {limit}', 'zh-CN': '必须 {comparison} {limit}'},
  'schema.minItems': {en: 'Must have at least {limit} item(s)', 'zh-CN': '至少需要 {limit} 项'},
  'schema.maxItems': {en: 'Must have at most {limit} item(s)', 'zh-CN': '最多只能有 {limit} 项'},
  'schema.minLength': {en: 'Must not be shorter than {limit} character(s)', 'zh-CN': '长度不能少于 {limit} 个字符'},
  'schema.maxLength': {en: 'Must not be longer than {limit} character(s)', 'zh-CN': '长度不能超过 {limit} 个字符'},
  'schema.minProperties': {en: 'Must have at least {limit} propert(ies)', 'zh-CN': '至少需要 {limit} 个属性'},
  'schema.uniqueItems': {
    en: 'Items must be unique (items {i} and {j} are the same)',
    'zh-CN': '各项不能重复（第 {i} 项与第 {j} 项相同）',
  },
  'schema.anyOf': {en: 'Does not match any allowed form', 'zh-CN': '不符合任何允许的写法'},
  'schema.other': {en: '{detail}', 'zh-CN': '{detail}'},
  'schema.hint.see': {
    en: 'See `commops schema {kind}` for the allowed structure.',
    'zh-CN': '允许的结构见 `commops schema {kind}`。',
  },
  'type.string': {en: 'a string', 'zh-CN': '字符串'},
  'type.number': {en: 'a number', 'zh-CN': '数字'},
  'type.integer': {en: 'an integer', 'zh-CN': '整数'},
  'type.boolean': {en: 'true or false', 'zh-CN': '布尔值（true/false）'},
  'type.array': {en: 'a list', 'zh-CN': '列表'},
  'type.object': {en: 'a mapping', 'zh-CN': '映射（key: value）'},
  'type.null': {en: 'empty', 'zh-CN': '空值'},
  'format.date': {en: 'date (YYYY-MM-DD)', 'zh-CN': '日期（YYYY-MM-DD）'},
  'format.date-time': {en: 'date-time', 'zh-CN': '日期时间'},
  'format.iana-timezone': {en: 'IANA timezone', 'zh-CN': 'IANA 时区'},
  'format.email': {en: 'email address', 'zh-CN': '电子邮箱地址'},
  'format.uri': {en: 'URI', 'zh-CN': 'URI'},
  'validate.ok': {en: '{files} file(s) checked, no problems', 'zh-CN': '已检查 {files} 个文件，没有发现问题'},
  'validate.warnings': {
    en: '{files} file(s) checked, no errors, {warnings} warning(s) (--strict makes warnings fail)',
    'zh-CN': '已检查 {files} 个文件，没有错误，有 {warnings} 处警告（加 --strict 时警告也算失败）',
  },
  'validate.warnings.strict': {
    en: '{files} file(s) checked, no errors, {warnings} warning(s): failing because of --strict',
    'zh-CN': '已检查 {files} 个文件，没有错误，有 {warnings} 处警告：因 --strict 按失败处理',
  },
  'validate.summary': {
    en: '{problems} problem(s) in {bad} of {files} file(s)',
    'zh-CN': '{files} 个文件中有 {bad} 个存在问题，共 {problems} 处',
  },
  'yaml.extraDocuments': {
    en: 'This file holds {count} YAML documents; a {kind} file is read as one document, so the others are ignored',
    'zh-CN': '该文件包含 {count} 个 YAML 文档；{kind} 文件只读取一个文档，其余文档会被忽略',
  },
  'yaml.extraDocuments.hint': {
    en: 'Keep one {kind} per file: move the other documents into files of their own, or remove the `---` lines.',
    'zh-CN': '每个文件只放一个 {kind}：请把其他文档移到单独的文件中，或删除 `---` 分隔行。',
  },
  'validate.tooManyProblems': {
    en: 'More than {limit} problems in this document: the first {limit} are shown, the rest are left out',
    'zh-CN': '该文档中的问题超过 {limit} 处：只显示前 {limit} 处，其余未列出',
  },
  'validate.tooManyProblems.hint': {
    en: 'Is this really a commops file? Fix the problems shown (often one wrong indentation or kind causes many) and validate again.',
    'zh-CN': '这真的是 commops 文件吗？请先修正已列出的问题（往往一处缩进或 kind 写错就会引出许多问题），再重新检查。',
  },
  'validate.symlinkDangling': {
    en: '{path} is a symlink to {target}, which does not exist; it was not checked',
    'zh-CN': '{path} 是指向 {target} 的符号链接，但目标不存在；未检查该文件',
  },
  'validate.symlinkDangling.hint': {
    en: 'Replace the symlink {path} by the real file, or remove it.',
    'zh-CN': '请用真实文件替换符号链接 {path}，或将其删除。',
  },
  'validate.noFiles': {en: 'No YAML files found in {path}', 'zh-CN': '在 {path} 中没有找到 YAML 文件'},
  'validate.noFiles.hint': {
    en: 'Pass files or folders holding *.yaml / *.yml documents with a `kind`.',
    'zh-CN': '请传入包含 *.yaml / *.yml 文档（带 `kind`）的文件或文件夹。',
  },
  'schema.unknownKind': {en: 'Unknown kind `{kind}`', 'zh-CN': '未知的 kind `{kind}`'},
  'schema.written': {en: 'Wrote {count} schema(s) to {dir}', 'zh-CN': '已将 {count} 个 schema 写入 {dir}'},
}
