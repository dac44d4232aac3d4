import {CommopsError} from '../errors.js'
import {formatValue} from '../metrics/format.js'
import {computeMetrics} from '../metrics/service.js'
import {metricsSpec, type MetricsInput} from './specs/metrics.js'
import {StepFailure, type StepType} from './types.js'

/** `metrics`: the same metric set as `commops metrics`, from the run's store snapshot; each figure an output by id. */
export const metricsStep: StepType<MetricsInput> = {
  ...metricsSpec,
  async plan(input, ctx) {
    let set
    try {
      set = await computeMetrics(
        {root: ctx.root, community: ctx.community},
        {read: async () => ctx.db},
        {period: input.period, from: input.from, to: input.to, filter: {channel: input.channel, platform: input.platform}, now: ctx.now},
      )
    } catch (error) {
      if (error instanceof CommopsError) throw new StepFailure(ctx.t(error.msg), error.hint ? ctx.t(error.hint) : undefined)
      throw error
    }
    const known = set.values.filter((v) => v.value !== null)
    return {
      artifacts: [{id: ctx.artifactId, kind: 'metrics', title: ctx.t('metrics.step.title', {period: set.period.label}), data: set}],
      outputs: {
        period: set.period.label,
        from: set.period.from,
        to: set.period.to,
        inputsHash: set.inputsHash,
        ...Object.fromEntries(set.values.map((v) => [v.id, v.value])),
      },
      messages: [
        ctx.t('metrics.step.summary', {
          period: set.period.label,
          known: known.length,
          total: set.values.length,
          figures: known
            .filter((v) => ['active_members', 'dau', 'stickiness'].includes(v.id))
            .map((v) => `${v.id} ${formatValue(v.value, v.unit)}`)
            .join(', '),
        }),
      ],
    }
  },
}
