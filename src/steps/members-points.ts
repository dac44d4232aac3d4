import {CommopsError} from '../errors.js'
import {recomputePoints, type RecomputeResult} from '../members/incentives-service.js'
import {Store} from '../store/index.js'
import {membersPointsSpec, type MembersPointsInput} from './specs/members.js'
import {StepFailure, type StepContext, type StepType} from './types.js'

const outputs = (r: RecomputeResult) => ({entries: r.entries, manual: r.manual, members: r.members, total: r.total, hash: r.hash})

function fail(error: unknown, ctx: StepContext): never {
  if (error instanceof CommopsError) throw new StepFailure(ctx.t(error.msg), error.hint ? ctx.t(error.hint) : undefined)
  throw error
}

/** `members.points`: recomputes the ledger like `members points --recompute`; a rerun over the same events changes nothing. */
export const membersPoints: StepType<MembersPointsInput> = {
  ...membersPointsSpec,
  async plan(_input, ctx) {
    const ws = {root: ctx.root, community: ctx.community}
    const preview = await recomputePoints(ws, Store.at(ctx.root), {now: ctx.now, dryRun: true}).catch((e: unknown) => fail(e, ctx))
    return {
      outputs: outputs(preview),
      messages: [ctx.t('members.incentives.points.dryRun', {...preview})],
      diff: preview.changed ? [`~ ledger ${preview.entries} entries, ${preview.total} points`] : [],
    }
  },
  async run(_state, ctx, store) {
    const r = await recomputePoints({root: ctx.root, community: ctx.community}, store, {now: ctx.now}).catch((e: unknown) => fail(e, ctx))
    return {outputs: outputs(r), messages: [ctx.t(r.changed ? 'members.incentives.points.done' : 'members.incentives.points.same', {...r})]}
  },
}
