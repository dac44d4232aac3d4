import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {reportContent, reportOutput, type ReportOutput} from '../report/service-output.js'
import {execPathKind} from '../util/exec-paths.js'
import {resolveInside} from '../util/fs.js'
import {contentHash, owns, writeOwnedFiles} from '../util/owned-file.js'
import {reportStepSpec, type ReportInput} from './specs/report.js'
import {StepFailure, type DesiredState, type StepContext, type StepType} from './types.js'

/** Where the report goes: `out` as a file, or a folder (ending in `/`) for the default name; relative to the workspace. */
function reportPath(out: string, name: string): string {
  const rel = out.replace(/\\/g, '/')
  return rel.endsWith('/') ? path.posix.join(rel, name) : rel
}

/** What a PDF's artifact records: the hash of the HTML it was printed from (a PDF's own bytes change with each print). */
interface PdfRecord {
  path: string
  period: string
  html: string
}

/** What `run` needs to print and write the PDF. */
interface PdfPayload {
  output: ReportOutput
  file: string
  full: string
}

/**
 * A PDF's plan: printed (by `run`, never on a dry run) only when its HTML changed, or the file is missing or not the
 * one commops printed last. The runner sees the change as the artifact's (the HTML's hash) plus the file line here.
 */
async function pdfPlan(
  output: ReportOutput,
  file: string,
  full: string,
  ctx: StepContext,
): Promise<Pick<DesiredState, 'artifacts' | 'diff' | 'payload'>> {
  const kind = execPathKind(file)
  if (kind) throw new StepFailure(ctx.t('run.execFile', {path: file, kind: ctx.t(`exec.kind.${kind}`)}), ctx.t('run.execFile.hint'))
  const record: PdfRecord = {path: file, period: output.model.period.label, html: contentHash(output.text)}
  const current = existsSync(full) ? await readFile(full) : undefined
  if (current !== undefined && !ctx.force && !owns(ctx.db.files[file], current)) {
    throw new StepFailure(ctx.t('run.notOwned', {path: file}), ctx.t('run.notOwned.hint'))
  }
  const old = ctx.db.artifacts[ctx.artifactId]?.data as PdfRecord | undefined
  const printed = current !== undefined && ctx.db.files[file]?.hash === contentHash(current)
  const same = printed && old?.path === file && old.html === record.html
  const artifact = {id: ctx.artifactId, kind: 'report', title: ctx.t('report.step.summary', {period: record.period, path: file}), data: record}
  const payload: PdfPayload = {output, file, full}
  return {artifacts: [artifact], diff: same ? [] : [`${current === undefined ? '+' : '~'} file ${file} (PDF)`], payload}
}

/**
 * `report`: the operations summary report of a period, by the same service as `commops report`, from the run's store
 * snapshot (so it sees the scorecard an earlier step computed). Markdown and HTML are files the runner writes (a dry
 * run shows them); a PDF is printed by `run` on a real run only, with the browser the plan found (none: the step fails
 * with how to install one, dry run or not).
 */
export const reportStep: StepType<ReportInput> = {
  ...reportStepSpec,
  async plan(input, ctx) {
    const format = input.format ?? 'md'
    const locale = input.lang ?? ctx.locale
    // a CommopsError (no events, a period it cannot read, no browser for a PDF) fails the step with its message and hint
    const output = await reportOutput(
      {root: ctx.root, community: ctx.community},
      {root: ctx.root, read: async () => ctx.db},
      {period: input.period, from: input.from, to: input.to, format, locale, now: ctx.now},
    )
    const file = reportPath(input.out ?? 'out/', output.name)
    const full = resolveInside(ctx.root, file) // refuses .., absolute paths and symlinks out, before anything is planned
    const {model} = output
    const card = 'data' in model.evaluation.scorecard ? model.evaluation.scorecard.data : undefined
    const shown = {
      outputs: {path: file, period: model.period.label, format, lang: locale, grade: card?.grade ?? null},
      messages: [ctx.t('report.step.summary', {period: model.period.label, path: file})],
    }
    if (format !== 'pdf') return {files: [{path: file, content: output.text}], ...shown}
    return {...(await pdfPlan(output, file, full, ctx)), ...shown}
  },
  async run(state, ctx, store) {
    if (state.payload === undefined) return {} // Markdown and HTML: the runner writes them
    const {output, file, full} = state.payload as PdfPayload
    const content = await reportContent(output)
    await writeOwnedFiles(store, [{rel: file, full, content}], {force: ctx.force, run: ctx.run.id})
    return {outputs: state.outputs, messages: state.messages}
  },
}
