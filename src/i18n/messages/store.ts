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
  'store.newer': {
    en: 'The store {file} was written by a newer commops (store version {version}; this one reads up to {current})',
    'zh-CN': '存储文件 {file} 由更新版本的 commops 写入（存储版本 {version}，当前版本最高支持 {current}）',
  },
  'store.newer.hint': {
    en: 'Upgrade commops. The file is left untouched; a copy is kept at {backup}.',
    'zh-CN': '请升级 commops。该文件未被改动，已备份到 {backup}。',
  },
  'store.locked': {
    en: 'The store {file} is locked by another commops process',
    'zh-CN': '存储文件 {file} 正被另一个 commops 进程锁定',
  },
  'store.locked.hint': {
    en: 'Wait for the other command to finish. If none is running, remove {lock}.',
    'zh-CN': '请等待另一个命令结束；若没有其他命令在运行，可删除 {lock}。',
  },
  'store.lockLost': {
    en: 'The lock on the store {file} was taken over by another process while this one was stalled; nothing was written',
    'zh-CN': '本进程停顿期间，存储文件 {file} 的锁被另一个进程接管；未写入任何内容',
  },
  'store.lockLost.hint': {
    en: 'Run the command again.',
    'zh-CN': '请重新运行该命令。',
  },
}
