import type {StepSpec} from '../types.js'
import {customPeriodProperties, stepPeriodLabel, type CustomPeriodInput} from './period.js'

export interface MetricsInput extends CustomPeriodInput {
  channel?: string[]
  platform?: string[]
}

/** The spec of `metrics`: every metric for a period; outputs each figure by id (null when n/a) for later steps. */
export const metricsSpec: StepSpec<MetricsInput> = {
  type: 'metrics',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      period: {
        type: 'string',
        description:
          'A month 2026-10, quarter 2026-Q4, ISO week 2026-W44, day, or day|week|month|quarter for the last full one (default: the last full month)',
      },
      ...customPeriodProperties,
      channel: {type: 'array', items: {type: 'string'}, description: 'Only events of these channels'},
      platform: {type: 'array', items: {type: 'string'}, description: 'Only members of these platforms'},
    },
  },
  produces: {
    en: 'the metric set of a period: outputs.<metric id> (null when n/a), outputs.period, outputs.inputsHash',
    'zh-CN': '一个周期的指标集：outputs.<指标 id>（无数据时为 null）、outputs.period、outputs.inputsHash',
  },
  describe: (input, t) => t('metrics.step.describe', {period: stepPeriodLabel(input) ?? t('metrics.step.lastMonth')}),
}
