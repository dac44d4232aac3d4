/** Saved CSV column mappings: the ones commops ships (a static table) and a workspace's own (in the store). */
import type {CsvMapping} from './import/csv.js'

/** Built-in presets by name. */
export const BUILTIN_PRESETS: Readonly<Record<string, CsvMapping & {description: string}>> = {
  /** 留痕 (MemoTrace), a common WeChat chat exporter: its CSV of a group chat. */
  memotrace: {
    description: '留痕 MemoTrace WeChat export CSV (localId, TalkerId, Type, CreateTime, Sender…)',
    platform: 'wechat',
    map: {CreateTime: 'ts', Sender: 'member', Type: 'type', TalkerId: 'channel', localId: 'src', StrContent: 'text'},
    types: {
      '1': 'post',
      '3': 'post',
      '34': 'post',
      '43': 'post',
      '47': 'post',
      '48': 'post',
      '49': 'post',
      '50': 'skip',
      '10000': 'skip',
      '10002': 'skip',
    },
  },
  /** A hand-kept sheet with Chinese headers. */
  'sheet-zh': {
    description: '表格：时间, 成员, 类型, 频道, 话题',
    platform: 'csv',
    map: {时间: 'ts', 成员: 'member', 类型: 'type', 频道: 'channel', 话题: 'topic'},
  },
  /** A hand-kept sheet with English headers. */
  'sheet-en': {
    description: 'Sheet: time, member, type, channel, topic',
    platform: 'csv',
    map: {time: 'ts', member: 'member', type: 'type', channel: 'channel', topic: 'topic'},
  },
}
