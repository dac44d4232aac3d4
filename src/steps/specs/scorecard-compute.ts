import type {StepSpec} from '../types.js'
import {customPeriodProperties, stepPeriodLabel, type CustomPeriodInput} from './period.js'

export interface ScorecardComputeInput extends CustomPeriodInput {
  channels?: string[]
  platforms?: string[]
  spec?: string
}

/** The spec of `scorecard.compute`: grades a period against the scorecard spec and keeps it in the store. */
export const scorecardComputeSpec: StepSpec<ScorecardComputeInput> = {
  type: 'scorecard.compute',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      period: {type: 'string', description: 'The period: 2026-10, 2026-Q4, 2026-W44 (default: the last full month)'},
      ...customPeriodProperties,
      channels: {type: 'array', items: {type: 'string'}, description: 'Only events of these channels'},
      platforms: {type: 'array', items: {type: 'string'}, description: 'Only members of these platforms'},
      spec: {type: 'string', description: 'A ScorecardSpec file in the workspace (default: scorecard.yaml, else the default spec)'},
    },
  },
  produces: {
    en: 'a scorecard kept in the store (`commops scorecard show`); outputs score, grade and each dimension’s score',
    'zh-CN': '保存在存储中的评分卡（`commops scorecard show`）；输出总分、等级和各维度得分',
  },
  describe: (input, t) => t('scorecard.step.describe', {period: stepPeriodLabel(input) ?? '—'}),
}
