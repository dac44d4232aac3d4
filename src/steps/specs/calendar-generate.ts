import type {StepSpec} from '../types.js'

export interface CalendarInput {
  from: string
  weeks?: number
  to?: string
  pillars?: string[]
  channels?: string[]
}

/** The spec of `calendar.generate`: content items from the community's pillars and activities for a period, kept in the store. */
export const calendarGenerateSpec: StepSpec<CalendarInput> = {
  type: 'calendar.generate',
  schema: {
    type: 'object',
    required: ['from'],
    additionalProperties: false,
    properties: {
      from: {type: 'string', description: 'First day, YYYY-MM-DD (in the community timezone)'},
      weeks: {type: 'integer', minimum: 1, maximum: 53, description: 'Number of weeks (default 4); or give `to`'},
      to: {type: 'string', description: 'Last day, YYYY-MM-DD, inclusive; instead of `weeks`'},
      pillars: {type: 'array', items: {type: 'string'}, description: 'Only these pillars or activities (ids)'},
      channels: {type: 'array', items: {type: 'string'}, description: 'Only these channels (ids)'},
    },
  },
  produces: {
    en: 'a content calendar: items in `commops calendar show`, exportable as md, csv, ics, json',
    'zh-CN': '内容日历：写入 `commops calendar show`，可导出为 md、csv、ics、json',
  },
  describe: (input, t) =>
    t('step.calendar.describe', {
      from: input.from,
      until: input.to ?? t('cal.weeks', {weeks: input.weeks ?? 4}),
      filter:
        input.pillars?.length || input.channels?.length
          ? t('step.calendar.only', {ids: [...(input.pillars ?? []), ...(input.channels ?? [])].join(', ')})
          : '',
    }),
}
