import {existsSync} from 'node:fs'
import {importEvents, type ImportRequest, type ImportResult} from '../events/service.js'
import {Store} from '../store/index.js'
import {resolveInside} from '../util/fs.js'
import {eventsImportSpec, type EventsImportInput} from './specs/events-import.js'
import {StepFailure, type StepContext, type StepType} from './types.js'

function request(input: EventsImportInput, ctx: StepContext, dryRun: boolean): ImportRequest {
  const full = resolveInside(ctx.root, input.path) // refuses .., absolute paths and symlinks out: a playbook reads only its workspace
  // said in the workspace's terms (the command's message speaks of the current folder)
  if (!existsSync(full)) throw new StepFailure(ctx.t('events.step.missing', {path: input.path}), ctx.t('events.step.missing.hint', {root: ctx.root}))
  return {
    path: full,
    display: input.path,
    from: input.from,
    map: input.map,
    preset: input.preset,
    platform: input.platform,
    encoding: input.encoding,
    channel: input.channel,
    includeBots: input.includeBots,
    zone: ctx.timezone,
    now: ctx.now,
    dryRun,
  }
}

/** What later steps read: the source's events now in the workspace, the same on every rerun (not what this run added). */
function outputs(r: ImportResult): Record<string, unknown> {
  const skipped = Object.values(r.skipped).reduce((a, b) => a + (b ?? 0), 0)
  return {format: r.format, events: r.added + r.duplicates, rejected: r.rejectedCount, skipped}
}

function counts(r: ImportResult, ctx: StepContext): string {
  return ctx.t('events.step.counts', {added: r.added, duplicates: r.duplicates, rejected: r.rejectedCount, source: r.source, format: r.format})
}

/** `events.import`: imports a file of the workspace like `commops events import`; a rerun adds nothing, a dry run writes nothing. */
export const eventsImport: StepType<EventsImportInput> = {
  ...eventsImportSpec,
  async plan(input, ctx) {
    const preview = await importEvents(Store.at(ctx.root), request(input, ctx, true))
    return {
      outputs: outputs(preview),
      messages: [counts(preview, ctx)],
      diff: preview.added > 0 ? [`+ events ${preview.added} ← ${input.path} (${preview.format})`] : [],
      payload: input,
    }
  },
  async run(state, ctx, store) {
    const result = await importEvents(store, request(state.payload as EventsImportInput, ctx, false))
    return {outputs: outputs(result), messages: [counts(result, ctx), ctx.t('events.step.batch', {batch: result.batch ?? '—'})]}
  },
}
