import {formatLocation} from '../errors.js'
import type {Translate} from '../i18n/index.js'
import type {RunRecord} from '../store/index.js'
import type {StepEvent} from './runner.js'

const ICON = {ok: '✔', changed: '✚', skipped: '↷', failed: '✖'} as const

/** One plain line per step (plus its messages, error and optional diff), for logs and non-TTY output. */
export function formatStepPlain(event: StepEvent, t: Translate, showDiff: boolean): string {
  const lines = [
    `${ICON[event.status]} ${event.id}  ${t(`status.${event.status}`)}${event.description ? `  ${event.description}` : ''}  (${event.durationMs} ms)`,
  ]
  for (const m of event.messages ?? [])
    lines.push(
      m
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    )
  if (event.error)
    lines.push(
      `    ${event.error.location ? `${formatLocation(event.error.location)}: ` : ''}${event.error.message}`,
      ...(event.error.hint ? [`    ${event.error.hint}`] : []),
    )
  if (showDiff) for (const d of event.diff ?? []) lines.push(`    ${d}`)
  return lines.join('\n')
}

/** The closing line of a run: counts per status and the run id. */
export function formatRunSummary(record: RunRecord, t: Translate): string {
  const count = (s: string) => record.steps.filter((x) => x.status === s).length
  return t('run.summary', {
    playbook: record.playbook,
    ok: count('ok'),
    changed: count('changed'),
    skipped: count('skipped'),
    failed: count('failed'),
    ms: record.durationMs,
    id: record.id,
  })
}
