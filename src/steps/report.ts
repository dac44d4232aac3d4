import path from 'node:path'
import {reportOutput} from '../report/service-output.js'
import {resolveInside} from '../util/fs.js'
import {reportStepSpec, type ReportInput} from './specs/report.js'
import type {StepType} from './types.js'

/** Where the report goes: `out` as a file, or a folder (ending in `/`) for the default name; relative to the workspace. */
function reportPath(out: string, name: string): string {
  const rel = out.replace(/\\/g, '/')
  return rel.endsWith('/') ? path.posix.join(rel, name) : rel
}

/**
 * `report`: the operations summary report of a period, by the same service as `commops report`, from the run's store
 * snapshot (so it sees the scorecard an earlier step computed); the runner writes the file, a dry run shows it.
 */
export const reportStep: StepType<ReportInput> = {
  ...reportStepSpec,
  async plan(input, ctx) {
    const format = input.format ?? 'md'
    const locale = input.lang ?? ctx.locale
    // a CommopsError (no events, a period it cannot read) fails the step with its message and hint, as the runner reports any
    const output = await reportOutput(
      {root: ctx.root, community: ctx.community},
      {root: ctx.root, read: async () => ctx.db},
      {period: input.period, from: input.from, to: input.to, format, locale, now: ctx.now},
    )
    const file = reportPath(input.out ?? 'out/', output.name)
    resolveInside(ctx.root, file) // refuses .., absolute paths and symlinks out, before anything is planned
    const {model} = output
    const card = 'data' in model.evaluation.scorecard ? model.evaluation.scorecard.data : undefined
    return {
      files: [{path: file, content: output.text}],
      outputs: {path: file, period: model.period.label, format, lang: locale, grade: card?.grade ?? null},
      messages: [ctx.t('report.step.summary', {period: model.period.label, path: file})],
    }
  },
}
