import {CommopsError} from '../errors.js'
import {engagementLevels} from '../members/incentives-service.js'
import {membersLevelsSpec, type MembersLevelsInput} from './specs/members.js'
import {StepFailure, type StepType} from './types.js'

/** `members.levels`: members per engagement level and the movement, from the run's store snapshot; an artifact and outputs. */
export const membersLevels: StepType<MembersLevelsInput> = {
  ...membersLevelsSpec,
  async plan(input, ctx) {
    let r
    try {
      r = await engagementLevels({root: ctx.root, community: ctx.community}, {read: async () => ctx.db}, {period: input.period, now: ctx.now})
    } catch (error) {
      if (error instanceof CommopsError) throw new StepFailure(ctx.t(error.msg), error.hint ? ctx.t(error.hint) : undefined)
      throw error
    }
    return {
      artifacts: [
        {id: ctx.artifactId, kind: 'members-levels', title: ctx.t('members.incentives.step.levels.title', {period: r.period.label}), data: r},
      ],
      outputs: {
        period: r.period.label,
        ...Object.fromEntries(r.levels.map((l) => [l.id, l.members])),
        up: r.movement.totals.up,
        held: r.movement.totals.held,
        down: r.movement.totals.down,
        gravity: r.gravity.now,
        gravityChange: r.gravity.change,
      },
      messages: [ctx.t('members.incentives.levels.movement', {...r.movement.totals})],
    }
  },
}
