import {CommopsError} from '../errors.js'
import {runBadges} from '../members/incentives-service.js'
import {Store} from '../store/index.js'
import {membersBadgesSpec, type MembersBadgesInput} from './specs/members.js'
import {StepFailure, type StepContext, type StepType} from './types.js'

function fail(error: unknown, ctx: StepContext): never {
  if (error instanceof CommopsError) throw new StepFailure(ctx.t(error.msg), error.hint ? ctx.t(error.hint) : undefined)
  throw error
}

/** `members.badges`: awards the badges the rules give, like `members badges`; each once, revocations stick. */
export const membersBadges: StepType<MembersBadgesInput> = {
  ...membersBadgesSpec,
  async plan(_input, ctx) {
    const ws = {root: ctx.root, community: ctx.community}
    const r = await runBadges(ws, Store.at(ctx.root), {dryRun: true, now: ctx.now}).catch((e: unknown) => fail(e, ctx))
    const holders = Object.fromEntries(r.badges.map((b) => [b.id, b.holders]))
    return {
      outputs: {awarded: r.pending.length, holders},
      messages: [ctx.t('members.incentives.badges.pending', {n: r.pending.length})],
      diff: r.pending.map((b) => `+ badge ${b.badge} → ${b.member} (${b.date})`),
    }
  },
  async run(_state, ctx, store) {
    const r = await runBadges({root: ctx.root, community: ctx.community}, store, {now: ctx.now}).catch((e: unknown) => fail(e, ctx))
    return {
      outputs: {awarded: r.awarded.length, holders: Object.fromEntries(r.badges.map((b) => [b.id, b.holders]))},
      messages: [ctx.t('members.incentives.badges.awarded', {n: r.awarded.length})],
    }
  },
}
