/** The figures a scorecard grades: every metric of a period, from the metrics service. */
import {computeMetrics} from '../metrics/service.js'
import type {MetricSource} from './service.js'

/** The metrics service's figures for a period (computeMetrics in src/metrics/service.ts). */
export const workspaceMetrics: MetricSource = (ws, store, request) => computeMetrics(ws, store, request)
