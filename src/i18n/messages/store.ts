import type {Messages} from './types.js'

export const store: Messages = {
  'store.corrupt': {
    en: 'The store {file} cannot be read: {reason}',
    'zh-CN': '无法读取存储文件 {file}：{reason}',
  },
  'store.corrupt.hint': {
    en: 'commops will not overwrite it. A copy is kept at {backup}; fix or move the file, then run again.',
    'zh-CN': 'commops 不会覆盖该文件，已备份到 {backup}；请修复或移走该文件后重试。',
  },
  'store.foreign': {
    en: 'The store {file} was not written by commops: {reason}',
    'zh-CN': '存储文件 {file} 不是 commops 写入的：{reason}',
  },
  'store.foreign.hint': {
    en: 'commops will not overwrite it. A copy is kept at {backup}; move the file away, then run again.',
    'zh-CN': 'commops 不会覆盖该文件，已备份到 {backup}；请移走该文件后重试。',
  },
  'store.badItem': {
    en: '{file}: {item} must be an object with {fields} (got {got})',
    'zh-CN': '{file}：{item} 应为包含 {fields} 的对象（实际为 {got}）',
  },
  'store.badCounter': {
    en: '{file}: {item} must be a whole number ≥ 0 (got {got})',
    'zh-CN': '{file}：{item} 应为大于等于 0 的整数（实际为 {got}）',
  },
  'store.badItem.hint': {
    en: 'commops will not overwrite it. A copy is kept at {backup}; fix or remove that item (or restore an earlier copy of the file), then run again.',
    'zh-CN': 'commops 不会覆盖该文件，已备份到 {backup}；请修正或删除该条目（或恢复该文件的早先副本）后重试。',
  },
  'store.batchMissing': {
    en: 'The data file {file} of batch {id} is missing: the store names it but it is not there',
    'zh-CN': '批次 {id} 的数据文件 {file} 不见了：存储索引引用了它，但文件不存在',
  },
  'store.batchMissing.hint': {
    en: 'Restore .commops/ from a backup, or copy the file back. commops never deletes a file the store names.',
    'zh-CN': '请从备份恢复 .commops/，或把该文件放回原处。commops 不会删除存储索引引用的文件。',
  },
  'store.damaged': {
    en: 'This data file of the store is damaged and cannot be read: {reason}',
    'zh-CN': '存储的这个数据文件已损坏，无法读取：{reason}',
  },
  'store.damaged.hint': {
    en: 'commops changed nothing. Restore .commops/ from a backup (or this file from a copy of the workspace), then run again; a copy cut short or a hand edit is the usual cause.',
    'zh-CN': 'commops 未做任何改动。请从备份恢复 .commops/（或从工作区副本恢复该文件）后重试；常见原因是复制中断或手动编辑。',
  },
  'store.srcsSize': {
    en: 'This duplicate index of the store holds {bytes} bytes where its batch’s {events} events need {expected}: an import now would take events already imported as new',
    'zh-CN': '存储的这个去重索引有 {bytes} 字节，而该批次的 {events} 个事件应有 {expected} 字节：现在导入会把已导入的事件当作新事件再导入一次',
  },
  'store.newer': {
    en: 'The store {file} was written by a newer commops (store version {version}; this one reads up to {current})',
    'zh-CN': '存储文件 {file} 由更新版本的 commops 写入（存储版本 {version}，当前版本最高支持 {current}）',
  },
  'store.newer.hint': {
    en: 'Upgrade commops. The file is left untouched; a copy is kept at {backup}.',
    'zh-CN': '请升级 commops。该文件未被改动，已备份到 {backup}。',
  },
  'store.locked': {
    en: 'The store {file} is locked by another commops process (pid {pid} on {host}), still running',
    'zh-CN': '存储文件 {file} 正被另一个仍在运行的 commops 进程锁定（{host} 上的进程 {pid}）',
  },
  'store.locked.hint': {
    en: 'Wait for the other command to finish, then run this one again. A lock left by a process that is gone is taken over by itself; remove {lock} only if you are sure no commops runs on it.',
    'zh-CN': '请等待另一个命令结束后重新运行本命令。已退出进程留下的锁会被自动接管；只有确定没有 commops 在使用它时才删除 {lock}。',
  },
  'store.lockSymlink': {
    en: 'The store lock {lock} is a symlink; commops will not lock or write through it',
    'zh-CN': '存储锁文件 {lock} 是一个符号链接，commops 不会经由它加锁或写入',
  },
  'store.lockSymlink.hint': {
    en: 'Remove the symlink {lock} (no commops command leaves one), then run again.',
    'zh-CN': '请删除符号链接 {lock}（commops 从不留下这种文件）后重试。',
  },
  'store.lockLost': {
    en: 'The lock on the store {file} is no longer held by this process (it was removed or taken over); nothing was written',
    'zh-CN': '存储文件 {file} 的锁已不属于本进程（被删除或被接管）；未写入任何内容',
  },
  'store.lockLost.hint': {
    en: 'Run the command again.',
    'zh-CN': '请重新运行该命令。',
  },
}
