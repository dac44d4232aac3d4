import path from 'node:path'
import {CommopsError} from '../errors.js'
import {workspaceMetrics} from '../scorecard/load-metrics.js'
import {applyScorecard, planScorecard} from '../scorecard/service.js'
import type {Scorecard} from '../scorecard/types.js'
import {scorecardComputeSpec, type ScorecardComputeInput} from './specs/scorecard-compute.js'
import {StepFailure, type StepType} from './types.js'

/** `scorecard.compute`: grades a period with the same service as `commops scorecard compute`, kept in the store. */
export const scorecardCompute: StepType<ScorecardComputeInput> = {
  ...scorecardComputeSpec,
  async plan(input, ctx) {
    const ws = {
      root: ctx.root,
      communityFile: path.join(ctx.root, 'community.yaml'),
      community: ctx.community,
      locale: ctx.locale,
      timezone: ctx.timezone,
    }
    const filter = {...(input.channels?.length ? {channel: input.channels} : {}), ...(input.platforms?.length ? {platform: input.platforms} : {})}
    let card: Scorecard
    try {
      ;({card} = await planScorecard(
        ws,
        {read: async () => ctx.db},
        {period: input.period, from: input.from, to: input.to, filter, specFile: input.spec, confined: true, now: ctx.now},
        workspaceMetrics,
      ))
    } catch (error) {
      if (error instanceof CommopsError) throw new StepFailure(ctx.t(error.msg), error.hint ? ctx.t(error.hint) : undefined)
      throw error
    }
    const before = ctx.db.scorecards[card.key]
    const same = before !== undefined && before.inputsHash === card.inputsHash && before.spec.hash === card.spec.hash
    return {
      outputs: {
        key: card.key,
        period: card.period.label,
        score: card.score,
        grade: card.grade,
        ...Object.fromEntries(card.dimensions.map((d) => [d.id, d.score])),
      },
      messages: [ctx.t('scorecard.step.summary', {key: card.key, score: card.score ?? 'n/a', grade: card.grade ?? 'n/a'})],
      diff: same ? [] : [`${before ? '~' : '+'} scorecard ${card.key}: ${card.score ?? 'n/a'} (${card.grade ?? 'n/a'})`],
      payload: card,
    }
  },
  apply(state, db) {
    applyScorecard(db, state.payload as Scorecard)
  },
}
