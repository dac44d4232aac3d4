import {FORMATS, type Format} from '../../events/types.js'
import type {StepSpec} from '../types.js'

export interface EventsImportInput {
  path: string
  from?: Format
  map?: string[]
  preset?: string
  platform?: string
  encoding?: string
  channel?: string
  includeBots?: boolean
}

/** The spec of `events.import`: activity from a file in the workspace, as `commops events import` imports it. */
export const eventsImportSpec: StepSpec<EventsImportInput> = {
  type: 'events.import',
  schema: {
    type: 'object',
    required: ['path'],
    additionalProperties: false,
    properties: {
      path: {type: 'string', minLength: 1, description: 'The export file or Slack folder, relative to the workspace (e.g. data/activity.ndjson)'},
      from: {enum: [...FORMATS], description: 'The format, when detection is not enough'},
      map: {type: 'array', items: {type: 'string'}, description: 'CSV columns: "列名=field" (ts, member, type, channel, topic, src, parent, text)'},
      preset: {type: 'string', description: 'A CSV mapping: memotrace, sheet-zh, sheet-en, or one saved with --save-preset'},
      platform: {type: 'string', description: 'Prefix of CSV members written without one (default csv)'},
      encoding: {type: 'string', description: 'Encoding of a text or CSV file (default: detected)'},
      channel: {type: 'string', description: 'Record every event under this channel id'},
      includeBots: {type: 'boolean', description: 'Keep messages of bots (left out by default)'},
    },
  },
  produces: {
    en: 'canonical events in the workspace (`commops events stats`); outputs format, events, rejected, skipped',
    'zh-CN': '工作区中的标准事件（`commops events stats`）；输出 format、events、rejected、skipped',
  },
  describe: (input, t) => t('events.step.describe', {path: input.path}),
}
