import type {Messages} from './types.js'

export const template: Messages = {
  // renderer
  'template.render.grammar': {
    en: 'Placeholders are {{name}}, {{name | yaml}}, {{name | json}}, {{#name}}…{{/name}} and {{^name}}…{{/name}}; ${{ … }} is left as is.',
    'zh-CN': '占位符只有 {{name}}、{{name | yaml}}、{{name | json}}、{{#name}}…{{/name}} 和 {{^name}}…{{/name}}；${{ … }} 原样保留。',
  },
  'template.render.unclosedTag': {en: 'A placeholder opened with {{ is never closed with }}', 'zh-CN': '占位符以 {{ 开始，但没有以 }} 结束'},
  'template.render.syntax': {en: 'Not a placeholder: {tag}', 'zh-CN': '无法识别的占位符：{tag}'},
  'template.render.unknownParam': {en: 'Unknown parameter {name}', 'zh-CN': '未知参数 {name}'},
  'template.render.unknownParam.hint': {
    en: 'Declare it under parameters: in template.yaml. Known: {params}.{suggest}',
    'zh-CN': '请在 template.yaml 的 parameters: 中声明它。已声明：{params}。{suggest}',
  },
  'template.render.unknownFilter': {en: 'Unknown filter | {filter}', 'zh-CN': '未知过滤器 | {filter}'},
  'template.render.unknownFilter.hint': {en: 'Filters: {filters}.{suggest}', 'zh-CN': '可用过滤器：{filters}。{suggest}'},
  'template.render.raw': {
    en: 'The free-text parameter {name} is inserted raw into a YAML/JSON file',
    'zh-CN': '自由文本参数 {name} 未经转义直接插入了 YAML/JSON 文件',
  },
  'template.render.raw.hint': {
    en: 'Write {{{name} | yaml}} (or | json) so quotes, colons and newlines in the value stay data; or give the parameter a pattern.',
    'zh-CN': '请写成 {{{name} | yaml}}（或 | json），让值中的引号、冒号和换行仍是数据；或为该参数设置 pattern。',
  },
  'template.render.unexpectedClose': {en: '{{/{name}}} closes a section that was never opened', 'zh-CN': '{{/{name}}} 关闭了一个从未打开的区块'},
  'template.render.mismatchedClose': {
    en: '{{/{name}}} found where {{/{expected}}} was expected',
    'zh-CN': '此处应为 {{/{expected}}}，却是 {{/{name}}}',
  },
  'template.render.unclosedSection': {en: 'The section {name} is never closed', 'zh-CN': '区块 {name} 没有关闭'},
  'template.render.unclosedSection.hint': {en: 'Add {{/{name}}} where the section ends.', 'zh-CN': '请在区块结束处加上 {{/{name}}}。'},

  // parameter values
  'template.value.integer': {en: '{name}: expected a whole number, got “{value}”', 'zh-CN': '{name}：应为整数，实际为“{value}”'},
  'template.value.number': {en: '{name}: expected a number, got “{value}”', 'zh-CN': '{name}：应为数字，实际为“{value}”'},
  'template.value.boolean': {en: '{name}: expected true or false, got “{value}”', 'zh-CN': '{name}：应为 true 或 false，实际为“{value}”'},
  'template.value.date': {en: '{name}: expected a date YYYY-MM-DD, got “{value}”', 'zh-CN': '{name}：应为 YYYY-MM-DD 格式的日期，实际为“{value}”'},
  'template.value.timezone': {en: '{name}: unknown timezone “{value}”', 'zh-CN': '{name}：未知时区“{value}”'},
  'template.value.locale': {en: '{name}: expected one of {options}, got “{value}”', 'zh-CN': '{name}：应为 {options} 之一，实际为“{value}”'},
  'template.value.enum': {en: '{name}: expected one of {options}, got “{value}”', 'zh-CN': '{name}：应为 {options} 之一，实际为“{value}”'},
  'template.value.pattern': {en: '{name}: “{value}” does not match {pattern}', 'zh-CN': '{name}：“{value}”不符合格式 {pattern}'},
  'template.value.tooLong': {en: '{name}: the value is longer than {max} characters', 'zh-CN': '{name}：值超过 {max} 个字符'},
  'template.value.empty': {en: '{name}: a value is required', 'zh-CN': '{name}：不能为空'},

  // --set
  'template.set.format': {en: 'Expected --set NAME=VALUE, got “{value}”', 'zh-CN': '应为 --set 名称=值，实际为“{value}”'},
  'template.set.format.hint': {
    en: 'For example: --set name="Acme" --set timezone=Asia/Shanghai',
    'zh-CN': '例如：--set name="Acme" --set timezone=Asia/Shanghai',
  },
  'template.set.unknown': {en: 'The template {template} has no parameter {name}', 'zh-CN': '模板 {template} 没有参数 {name}'},
  'template.set.unknown.hint': {
    en: 'Its parameters: {params}.{suggest} See `commops template list`.',
    'zh-CN': '它的参数有：{params}。{suggest} 详见 `commops template list`。',
  },
  'template.missing': {en: 'Missing value for {names}', 'zh-CN': '缺少参数 {names} 的值'},
  'template.missing.hint': {
    en: 'Pass {sets}, or run on a terminal without --yes and without CI set to be asked.',
    'zh-CN': '请传入 {sets}；或在终端中运行（不带 --yes 且未设置 CI）以交互方式填写。',
  },

  // template.yaml checks
  'template.check.enumOptions': {en: 'The enum parameter {name} has no options', 'zh-CN': '枚举参数 {name} 没有 options'},
  'template.check.enumOptions.hint': {en: 'List the allowed values: options: [a, b, c]', 'zh-CN': '请列出允许的值：options: [a, b, c]'},
  'template.check.optionsNotEnum': {en: 'options only applies to enum parameters ({name})', 'zh-CN': 'options 只用于 enum 类型的参数（{name}）'},
  'template.check.patternNotString': {
    en: 'pattern only applies to string parameters ({name})',
    'zh-CN': 'pattern 只用于 string 类型的参数（{name}）',
  },
  'template.check.badPattern': {en: 'Not a valid regular expression: {pattern}', 'zh-CN': '不是有效的正则表达式：{pattern}'},
  'template.check.badDefault': {en: 'Bad default: {detail}', 'zh-CN': '默认值无效：{detail}'},
  'template.check.whenUnknown': {en: 'when: refers to the undeclared parameter {name}', 'zh-CN': 'when: 引用了未声明的参数 {name}'},
  'template.check.badWhen': {en: 'when: can never match: {detail}', 'zh-CN': 'when: 永远不会成立：{detail}'},

  // loading
  'template.notFound': {en: 'No template named {name}', 'zh-CN': '找不到名为 {name} 的模板'},
  'template.notFound.hint': {
    en: 'Bundled templates: {names}.{suggest} Or give the path of a folder holding template.yaml.',
    'zh-CN': '内置模板：{names}。{suggest} 也可以给出包含 template.yaml 的文件夹路径。',
  },
  'template.invalid': {
    en: '{file} is not a valid template: {count} problem(s); the first: {first}',
    'zh-CN': '{file} 不是有效的模板：共 {count} 处问题，第一处：{first}',
  },
  'template.invalid.hint': {en: 'Run `commops validate {file}` to see every problem.', 'zh-CN': '运行 `commops validate {file}` 查看所有问题。'},
  'template.notTemplate': {en: '{file} is not a Template document', 'zh-CN': '{file} 不是 Template 文档'},
  'template.notTemplate.hint': {
    en: 'template.yaml must hold one document with kind: Template.',
    'zh-CN': 'template.yaml 中应只有一个 kind: Template 的文档。',
  },
  'template.symlink': {en: 'The template contains a symbolic link: {path}', 'zh-CN': '模板中含有符号链接：{path}'},
  'template.symlink.hint': {
    en: 'Templates may not hold symlinks (they could read files outside the template); replace it with a real file.',
    'zh-CN': '模板中不允许符号链接（它可能读取模板以外的文件）；请换成实际文件。',
  },
  'template.notRegular': {en: 'Not a regular file or folder: {path}', 'zh-CN': '不是普通文件或文件夹：{path}'},
  'template.notRegular.hint': {en: 'Templates hold only files and folders.', 'zh-CN': '模板中只能包含普通文件和文件夹。'},
  'template.tooLarge': {en: 'The template is too large at {path}', 'zh-CN': '模板过大：{path}'},
  'template.tooLarge.hint': {en: 'A template holds at most 1000 files of at most 5 MB each.', 'zh-CN': '模板最多包含 1000 个文件，每个不超过 5 MB。'},

  // planning and writing
  'template.fromMissing': {en: 'files: refers to {from}, which is not in {dir}', 'zh-CN': 'files: 引用了 {from}，但 {dir} 中没有该文件'},
  'template.emptyPath': {en: 'The file {from} renders to an empty path', 'zh-CN': '文件 {from} 渲染后的路径为空'},
  'template.duplicateTarget': {en: 'Two template files ({a} and {b}) would both write {path}', 'zh-CN': '两个模板文件（{a} 与 {b}）都会写入 {path}'},
  'template.noCommunity': {en: 'The template {template} does not produce community.yaml', 'zh-CN': '模板 {template} 没有生成 community.yaml'},
  'template.noCommunity.hint': {
    en: 'Add files/community.yaml, or a files: rule with to: community.yaml.',
    'zh-CN': '请添加 files/community.yaml，或在 files: 中写一条 to: community.yaml 的规则。',
  },
  'template.reservedPath': {en: 'The template may not write {path}', 'zh-CN': '模板不允许写入 {path}'},
  'template.reservedPath.hint': {
    en: 'Templates never write into .git/, .hg/, .svn/, .husky/ (hooks there run code), .commops/ or out/ (commops writes those itself).',
    'zh-CN': '模板不能写入 .git/、.hg/、.svn/、.husky/（其中的钩子会执行代码），也不能写入 .commops/ 或 out/（这些由 commops 自己写入）。',
  },
  'template.parentNotDir': {en: 'Cannot write {path}: {parent} is a file, not a folder', 'zh-CN': '无法写入 {path}：{parent} 是文件而不是文件夹'},
  'template.targetIsDir': {en: 'Cannot write {path}: a folder is in the way', 'zh-CN': '无法写入 {path}：该位置已有同名文件夹'},
  'template.intoNotDir': {en: '--into {path} is a file, not a folder', 'zh-CN': '--into {path} 是文件而不是文件夹'},
  'template.invalidOutput': {
    en: 'The template {template} renders invalid files ({source}): {count} problem(s); the first: {first}',
    'zh-CN': '模板 {template} 生成的文件无效（源文件 {source}）：共 {count} 处问题，第一处：{first}',
  },
  'template.invalidOutput.hint': {
    en: 'Nothing was written. This is a bug in the template (or a value it does not handle); run with --json to see every problem.',
    'zh-CN': '未写入任何文件。这是模板的缺陷（或模板未处理的取值）；加上 --json 查看全部问题。',
  },
  'template.execFiles': {
    en: 'Template {template} writes {count} file(s) that other tools run or load on their own:{paths}',
    'zh-CN': '模板 {template} 会写入 {count} 个会被其他工具自动运行或加载的文件：{paths}',
  },
  'template.execFiles.hint': {
    en: 'Nothing was written. Read those files in the template first; if you trust them, run again with --allow-exec-files.',
    'zh-CN': '未写入任何文件。请先阅读模板中的这些文件；确认可信后，加上 --allow-exec-files 重新运行。',
  },
  'exec.kind.ci': {en: 'a CI workflow', 'zh-CN': 'CI 工作流'},
  'exec.kind.editor': {en: 'editor tasks or settings', 'zh-CN': '编辑器任务或设置'},
  'exec.kind.hooks': {en: 'version-control hooks or their settings', 'zh-CN': '版本控制钩子或其设置'},
  'exec.kind.package': {en: 'package-manager scripts or settings', 'zh-CN': '包管理器脚本或设置'},
  'exec.kind.build': {en: 'build commands', 'zh-CN': '构建命令'},
  'exec.kind.shell': {en: 'shell or environment start-up', 'zh-CN': 'shell 或环境启动文件'},
  'exec.kind.home': {en: 'user configuration', 'zh-CN': '用户配置'},
  'exec.kind.code': {en: 'code or a program', 'zh-CN': '代码或程序'},
  'template.conflict': {
    en: '{count} file(s) in {into} already exist with other content: {paths}',
    'zh-CN': '{into} 中已有 {count} 个内容不同的文件：{paths}',
  },
  'template.conflict.hint': {
    en: 'Nothing was written. Pass --force to overwrite them, or --dry-run to see the plan.',
    'zh-CN': '未写入任何文件。加上 --force 可覆盖，或用 --dry-run 查看计划。',
  },

  // commands
  'template.col.name': {en: 'Name', 'zh-CN': '名称'},
  'template.col.type': {en: 'Community type', 'zh-CN': '社群类型'},
  'template.col.description': {en: 'Description', 'zh-CN': '说明'},
  'template.col.parameters': {en: 'Parameters (* = required)', 'zh-CN': '参数（* 为必填）'},
  'template.list.empty': {en: 'No templates in {dir}', 'zh-CN': '{dir} 中没有模板'},
  'template.list.next': {
    en: 'Apply one: commops template apply NAME --into DIR --set name="…"',
    'zh-CN': '使用模板：commops template apply 名称 --into 目录 --set name="…"',
  },
  'template.applied': {en: 'Applied template {template} to {dir}', 'zh-CN': '已将模板 {template} 应用到 {dir}'},
  'template.dryRun': {
    en: 'Dry run: template {template} into {dir}; nothing was written',
    'zh-CN': '试运行：模板 {template} → {dir}；未写入任何文件',
  },
  'template.summary': {
    en: '{create} to create, {overwrite} to overwrite, {update} to update, {same} unchanged',
    'zh-CN': '新建 {create} 个，覆盖 {overwrite} 个，更新 {update} 个，未变 {same} 个',
  },
  'template.next': {en: 'Next: cd {dir} && commops validate', 'zh-CN': '下一步：cd {dir} && commops validate'},
  'template.intoNotDir.hint': {
    en: 'Give a folder (created when missing), e.g. --into clients/acme.',
    'zh-CN': '请给出一个文件夹（不存在时会创建），例如 --into clients/acme。',
  },
  'template.fromMissing.hint': {
    en: 'Put the file under files/, or correct `from:` (it is relative to files/).',
    'zh-CN': '请把文件放到 files/ 下，或改正 `from:`（相对于 files/）。',
  },
  'template.emptyPath.hint': {
    en: 'Give `to:` a path, or make sure the parameters it uses are not empty.',
    'zh-CN': '请为 `to:` 写一个路径，或确保它用到的参数不为空。',
  },
  'template.duplicateTarget.hint': {
    en: 'Give one of them another `to:`, or a `when:` so that only one applies.',
    'zh-CN': '请给其中一个换一个 `to:`，或加上 `when:` 让只有一个生效。',
  },
}
