import type {Messages} from './types.js'

/** `overview`: one row per client workspace under a folder. */
export const overview: Messages = {
  'overview.col.dir': {en: 'Folder', 'zh-CN': '文件夹'},
  'overview.col.name': {en: 'Client', 'zh-CN': '客户'},
  'overview.col.period': {en: 'Period', 'zh-CN': '周期'},
  'overview.col.score': {en: 'Score', 'zh-CN': '得分'},
  'overview.col.grade': {en: 'Grade', 'zh-CN': '评级'},
  'overview.col.trend': {en: 'Trend', 'zh-CN': '趋势'},
  'overview.col.open': {en: 'Open', 'zh-CN': '待办'},
  'overview.col.overdue': {en: 'Overdue', 'zh-CN': '逾期'},
  'overview.col.lastRun': {en: 'Last run', 'zh-CN': '最近运行'},
  'overview.col.events': {en: 'Events', 'zh-CN': '事件'},
  'overview.failed': {en: '✗ {dir}', 'zh-CN': '✗ {dir}'},
  'overview.failedNamed': {en: '✗ {dir} ({name})', 'zh-CN': '✗ {dir}（{name}）'},
  'overview.na': {en: 'n/a', 'zh-CN': '无数据'},
  'overview.none': {
    en: 'No workspace (a folder with community.yaml) in {dir} or directly under it.',
    'zh-CN': '{dir} 及其下一级文件夹中没有工作区（含 community.yaml 的文件夹）。',
  },
  'overview.count': {
    en: '{count} workspaces, {failed} could not be read.',
    'zh-CN': '共 {count} 个工作区，其中 {failed} 个无法读取。',
  },
  'overview.skipped': {
    en: 'Not followed: {dir} links out of the folder ({target}).',
    'zh-CN': '未跟随：{dir} 是指向文件夹外（{target}）的符号链接。',
  },
  'overview.dirMissing': {en: 'There is no folder {dir}', 'zh-CN': '文件夹 {dir} 不存在'},
  'overview.notDir': {en: '{dir} is not a folder', 'zh-CN': '{dir} 不是文件夹'},
  'overview.dirMissing.hint': {
    en: 'Give the folder that holds the client workspaces, e.g. `commops overview clients/`.',
    'zh-CN': '请给出存放各客户工作区的文件夹，例如 `commops overview clients/`。',
  },
}
