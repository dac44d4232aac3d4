/** The flags that pick a period and filter events, shared by `metrics`, `retention` and `funnel`. */
import {Flags} from '@oclif/core'
import type {MetricFilter} from '../metrics/types.js'
import type {PeriodRequest} from '../metrics/period.js'

export const periodFlags = {
  from: Flags.string({description: 'First day of a custom period, YYYY-MM-DD (community timezone)'}),
  last: Flags.integer({description: 'How many periods, ending with the one --period names (or the last full one)', min: 1, max: 1000}),
  period: Flags.string({
    description:
      'A month 2026-10, quarter 2026-Q4, ISO week 2026-W44, day 2026-10-05, or day|week|month|quarter for the last full one (default: the last full month)',
  }),
  to: Flags.string({description: 'Last day of a custom period, YYYY-MM-DD, included (default: today)'}),
}

export const filterFlags = {
  channel: Flags.string({description: 'Only events of this channel (repeatable)', multiple: true}),
  platform: Flags.string({description: 'Only members of this platform, e.g. qq, discord (repeatable)', multiple: true}),
}

/** The period request and filter the flags name. */
export function periodRequest(flags: {
  period?: string
  from?: string
  to?: string
  last?: number
  channel?: string[]
  platform?: string[]
}): PeriodRequest & {
  filter: MetricFilter
} {
  const filter: MetricFilter = {}
  if (flags.channel?.length) filter.channel = flags.channel
  if (flags.platform?.length) filter.platform = flags.platform
  return {period: flags.period, from: flags.from, to: flags.to, last: flags.last, filter}
}
