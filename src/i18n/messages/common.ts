import type {Messages} from './types.js'

export const common: Messages = {
  'error.label': {en: 'Error', 'zh-CN': '错误'},
  'error.hint': {en: 'Hint', 'zh-CN': '提示'},
  'error.bug': {
    en: 'Unexpected error, this is a commops bug: {error}',
    'zh-CN': '意外错误，这是 commops 的缺陷：{error}',
  },
  'error.bug.hint': {
    en: 'Please report it at {where} with the versions ({versions}); run again with DEBUG=commops to include the stack trace.',
    'zh-CN': '请到 {where} 反馈，并附上版本信息（{versions}）；加上环境变量 DEBUG=commops 重新运行，可一并附上调用栈。',
  },
  'error.bug.hintDebug': {
    en: 'Please report it at {where} with the versions ({versions}) and the stack trace above.',
    'zh-CN': '请到 {where} 反馈，并附上版本信息（{versions}）和上面的调用栈。',
  },
  'error.bug.tracker': {en: 'the commops issue tracker', 'zh-CN': 'commops 的问题跟踪页'},
  'fs.noSpace': {en: 'No space left on the disk for {path}', 'zh-CN': '磁盘空间不足，无法写入 {path}'},
  'fs.noSpace.hint': {en: 'Free some disk space, then run the command again.', 'zh-CN': '请清理出一些磁盘空间后重新运行该命令。'},
  'fs.denied': {en: 'Permission denied: {path}', 'zh-CN': '没有权限访问：{path}'},
  'fs.denied.hint': {
    en: 'Check the permissions and owner of {path} and of its folder, or use another folder.',
    'zh-CN': '请检查 {path} 及其所在文件夹的权限和所有者，或改用其他文件夹。',
  },
  'fs.readOnly': {en: '{path} is on a read-only file system', 'zh-CN': '{path} 位于只读文件系统上'},
  'fs.readOnly.hint': {en: 'Use a folder on a writable disk.', 'zh-CN': '请改用可写磁盘上的文件夹。'},
  'fs.tooManyFiles': {en: 'Too many open files (at {path})', 'zh-CN': '打开的文件过多（于 {path}）'},
  'fs.tooManyFiles.hint': {
    en: 'Close other programs or raise the limit of open files (e.g. `ulimit -n 4096`), then run again.',
    'zh-CN': '请关闭其他程序或提高打开文件数上限（例如 `ulimit -n 4096`）后重试。',
  },
  'fs.notDir': {en: 'A part of {path} is a file, not a folder', 'zh-CN': '{path} 的某一级是文件而不是文件夹'},
  'fs.notDir.hint': {en: 'Check the path; move or rename the file that is in the way.', 'zh-CN': '请检查路径；移走或重命名挡路的文件。'},
  'fs.inTheWay': {en: '{path} already exists and is in the way', 'zh-CN': '{path} 已存在，挡住了要创建的文件或文件夹'},
  'fs.inTheWay.hint': {en: 'Move or rename it, then run the command again.', 'zh-CN': '请移走或重命名它，然后重新运行该命令。'},
  'fs.isDir': {en: '{path} is a folder, not a file', 'zh-CN': '{path} 是文件夹而不是文件'},
  'fs.isDir.hint': {en: 'Give the path of a file.', 'zh-CN': '请给出文件的路径。'},
  'fs.loop': {en: '{path} is a symlink loop', 'zh-CN': '{path} 是循环的符号链接'},
  'fs.loop.hint': {en: 'Remove or fix the symlink, then run the command again.', 'zh-CN': '请删除或修正该符号链接后重新运行该命令。'},
  'fs.nameTooLong': {en: 'The path {path} is too long for the file system', 'zh-CN': '路径 {path} 超出了文件系统允许的长度'},
  'fs.nameTooLong.hint': {en: 'Use a shorter file or folder name.', 'zh-CN': '请使用更短的文件或文件夹名称。'},
  'fs.busy': {en: '{path} is in use by another program', 'zh-CN': '{path} 正被其他程序占用'},
  'fs.busy.hint': {
    en: 'Close the program that holds it (an editor, a sync client), then run the command again.',
    'zh-CN': '请关闭占用它的程序（编辑器、同步客户端等）后重新运行该命令。',
  },
  'fs.io': {en: 'The disk could not read or write {path} (input/output error)', 'zh-CN': '磁盘无法读写 {path}（输入/输出错误）'},
  'fs.io.hint': {
    en: 'Check the disk or the network share, then run the command again; the store is written atomically, so nothing is half-written.',
    'zh-CN': '请检查磁盘或网络共享后重新运行该命令；存储以原子方式写入，不会留下写了一半的文件。',
  },
  'error.usage': {en: '{message}', 'zh-CN': '{message}'},
  'error.usage.hint': {
    en: 'See `commops {command} --help` for usage and examples.',
    'zh-CN': '用法与示例见 `commops {command} --help`。',
  },
  'file.notFound': {en: 'File or folder not found: {path}', 'zh-CN': '找不到文件或文件夹：{path}'},
  'file.tooLarge': {
    en: '{path} is larger than {max} MB, more than any YAML file commops reads',
    'zh-CN': '{path} 超过 {max} MB，超出了 commops 读取 YAML 文件的上限',
  },
  'file.tooLarge.hint': {
    en: 'Check that this is the file you meant; a community, playbook or template file is far smaller.',
    'zh-CN': '请确认这是你要用的文件；社群、剧本或模板文件都远小于此。',
  },
  'file.notFound.hint': {
    en: 'Check the path; relative paths are resolved from the current folder.',
    'zh-CN': '请检查路径；相对路径以当前文件夹为起点。',
  },
  'file.exists': {en: '{path} already exists', 'zh-CN': '{path} 已存在'},
  'file.exists.hint': {
    en: 'Pass --force to overwrite it.',
    'zh-CN': '如需覆盖，请加上 --force。',
  },
  'file.outside': {
    en: 'Path {path} is outside the workspace {root}',
    'zh-CN': '路径 {path} 超出了工作区 {root}',
  },
  'file.outside.hint': {
    en: 'Use a relative path inside the workspace; `..`, absolute paths and symlinks leading out are refused.',
    'zh-CN': '请使用工作区内的相对路径；不允许 `..`、绝对路径或指向工作区外的符号链接。',
  },
  'file.symlinkOut': {
    en: '{path} is a symlink leading out of the workspace (to {target}); commops will not read or write through it',
    'zh-CN': '{path} 是指向工作区之外的符号链接（指向 {target}），commops 不会经由它读写',
  },
  'file.symlinkOut.hint': {
    en: 'Replace the symlink {path} by a real file or folder inside the workspace (a cloned workspace may have planted it).',
    'zh-CN': '请把符号链接 {path} 换成工作区内真实的文件或文件夹（克隆来的工作区可能故意放置了它）。',
  },
  'out.dangling': {en: '{path} is a symlink to {target}, which does not exist', 'zh-CN': '{path} 是指向 {target} 的符号链接，但目标不存在'},
  'out.dangling.hint': {
    en: 'Create the folder it points to (or mount its disk), or give another --out; nothing was written.',
    'zh-CN': '请创建它指向的文件夹（或挂载相应磁盘），或改用其他 --out；未写入任何内容。',
  },
  'out.empty': {en: '--out is empty', 'zh-CN': '--out 不能为空'},
  'out.inStore': {
    en: '{path} is inside .commops/, the folder of commops’ own data; nothing is written there',
    'zh-CN': '{path} 位于 .commops/ 中，那是 commops 自己的数据文件夹；不会向其中写入任何文件',
  },
  'out.inStore.hint': {
    en: 'Write to another path, e.g. out/ (for playbooks: the export step’s `out`).',
    'zh-CN': '请写到其他路径，例如 out/（playbook 中即 export 步骤的 `out`）。',
  },
  'out.isDir': {en: '--out {path} is a folder, not a file', 'zh-CN': '--out {path} 是文件夹而不是文件'},
  'out.hint': {
    en: 'Give a file path (relative to the current folder, or absolute), a folder to write the default file name into, or - for stdout.',
    'zh-CN': '请给出文件路径（相对当前文件夹，或绝对路径）、一个文件夹（写入默认文件名），或 - 表示输出到标准输出。',
  },
  'out.special': {
    en: '{path} is not a regular file but a device, pipe or socket; commops writes only regular files',
    'zh-CN': '{path} 不是普通文件，而是设备、管道或套接字；commops 只写入普通文件',
  },
  'out.special.hint': {
    en: 'Give the path of a file, or - for stdout (and redirect it in the shell, e.g. > /dev/null); nothing was written.',
    'zh-CN': '请给出文件路径，或用 - 输出到标准输出（再在 shell 中重定向，例如 > /dev/null）；未写入任何内容。',
  },
  'out.notDir': {en: '--out {path} is a file, not a folder', 'zh-CN': '--out {path} 是文件而不是文件夹'},
  'out.dirHint': {
    en: 'Give a folder (relative to the current folder, or absolute; created if missing), or - for stdout.',
    'zh-CN': '请给出一个文件夹（相对当前文件夹，或绝对路径；不存在时会创建），或 - 表示输出到标准输出。',
  },
  'flag.out.file': {
    en: 'File to write (default: stdout): any path, relative to the current folder; - is stdout; a folder gets {name}. Never overwrites a file commops did not write, unless --force',
    'zh-CN':
      '要写入的文件（默认：标准输出）：任意路径，相对当前文件夹；- 表示标准输出；给文件夹则写入 {name}。不会覆盖非 commops 写入的文件，除非加 --force',
  },
  'flag.out.dir': {
    en: 'Folder to write the schema files into instead of printing: any path, relative to the current folder; - is stdout',
    'zh-CN': '把 schema 文件写入该文件夹而不是打印：任意路径，相对当前文件夹；- 表示标准输出',
  },
  'input.isDir.hint': {en: 'Give a file inside it, e.g. {folder}/{example}.', 'zh-CN': '请给出其中的某个文件，例如 {folder}/{example}。'},
  'prompt.cancelled': {en: 'Cancelled, nothing written.', 'zh-CN': '已取消，未写入任何内容。'},
  'cli.unknownCommand': {en: '`{command}` is not a commops command', 'zh-CN': '`{command}` 不是 commops 命令'},
  'cli.unknownCommand.suggest': {en: 'Did you mean `commops {command}`? ', 'zh-CN': '你是不是想运行 `commops {command}`？'},
  'cli.unknownCommand.topic': {en: 'The `{topic}` commands: {commands}. ', 'zh-CN': '`{topic}` 下的命令：{commands}。'},
  'cli.unknownCommand.hint': {en: 'Run `commops help` for the list of commands.', 'zh-CN': '运行 `commops help` 查看所有命令。'},
  'prompt.missing': {
    en: 'Missing value for --{flag}',
    'zh-CN': '缺少 --{flag} 的值',
  },
  'prompt.missing.hint': {
    en: 'Pass --{flag}, or run on a terminal without --yes and without CI set to be asked.',
    'zh-CN': '请传入 --{flag}；或在终端中运行（不带 --yes 且未设置 CI）以交互方式填写。',
  },
}
