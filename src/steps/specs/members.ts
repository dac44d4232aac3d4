import type {StepSpec} from '../types.js'

export type MembersPointsInput = Record<string, never>
export interface MembersLevelsInput {
  period?: string
}
export type MembersBadgesInput = Record<string, never>

/** `members.points`: recomputes the points ledger (manual awards kept); outputs its totals. */
export const membersPointsSpec: StepSpec<MembersPointsInput> = {
  type: 'members.points',
  schema: {type: 'object', additionalProperties: false, properties: {}},
  produces: {
    en: 'the recomputed points ledger: outputs.entries, outputs.manual, outputs.members, outputs.total',
    'zh-CN': '重新计算的积分账本：outputs.entries、outputs.manual、outputs.members、outputs.total',
  },
  describe: (_input, t) => t('members.incentives.step.points.describe'),
}

/** `members.levels`: members per engagement level and the movement since the period before, with the engagement score. */
export const membersLevelsSpec: StepSpec<MembersLevelsInput> = {
  type: 'members.levels',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      period: {
        type: 'string',
        description: 'A month 2026-10, quarter 2026-Q4, ISO week 2026-W44, or day|week|month|quarter for the last full one (default: month)',
      },
    },
  },
  produces: {
    en: 'engagement levels and movement: outputs.<level id>, outputs.up / held / down, outputs.gravity, outputs.gravityChange',
    'zh-CN': '参与度等级与变动：outputs.<等级 id>、outputs.up / held / down、outputs.gravity、outputs.gravityChange',
  },
  describe: (input, t) => t('members.incentives.step.levels.describe', {period: input.period ?? t('members.incentives.step.lastMonth')}),
}

/** `members.badges`: awards the badges the rules give (once each; revocations stick). */
export const membersBadgesSpec: StepSpec<MembersBadgesInput> = {
  type: 'members.badges',
  schema: {type: 'object', additionalProperties: false, properties: {}},
  produces: {
    en: 'badges awarded by the rules of community.yaml: outputs.awarded, outputs.holders',
    'zh-CN': '按 community.yaml 规则颁发的勋章：outputs.awarded、outputs.holders',
  },
  describe: (_input, t) => t('members.incentives.step.badges.describe'),
}
