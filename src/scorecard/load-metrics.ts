/** The figures a scorecard grades: every metric of a period, from the metrics service. */
import {CommopsError} from '../errors.js'
import type {MetricSource} from './service.js'

/** The metrics service's figures for a period (computeMetrics in src/metrics/service.ts). */
export const workspaceMetrics: MetricSource = async () => {
  throw new CommopsError({key: 'scorecard.metricsUnavailable'}, {code: 'scorecard.metricsUnavailable'})
}
