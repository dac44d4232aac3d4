import {CommopsError} from '../errors.js'
import {resolveRange} from '../calendar/dates.js'
import {calendarDoc} from '../calendar/doc.js'
import {calendarCounts, itemsIn, type MergeResult} from '../calendar/merge.js'
import {applyCalendar, previewCalendar, planCalendar, type CalendarPlan} from '../calendar/service.js'
import type {DateRange} from '../calendar/types.js'
import {calendarGenerateSpec, type CalendarInput} from './specs/calendar-generate.js'
import {StepFailure, type StepType} from './types.js'

const DIFF_LINES = 12

function diffLines(r: MergeResult, range: DateRange): string[] {
  if (r.added.length + r.updated.length + r.removed.length === 0) return []
  const lines = [
    ...r.added.map((i) => `+ calendar ${i.id} ${i.date} ${i.time} ${i.title}`),
    ...r.updated.map((i) => `~ calendar ${i.id} ${i.date} ${i.time} ${i.title}`),
    ...r.removed.map((i) => `- calendar ${i.id} ${i.date} ${i.time} ${i.title}`),
  ]
  const head = `~ calendar ${range.from}…${range.to}: +${r.added.length} ~${r.updated.length} -${r.removed.length} =${r.kept.length}`
  return [head, ...lines.slice(0, DIFF_LINES), ...(lines.length > DIFF_LINES ? [`  … (${lines.length - DIFF_LINES} more)`] : [])]
}

/** `calendar.generate`: content items from the community's pillars and activities for a period, kept in the store. */
export const calendarGenerate: StepType<CalendarInput> = {
  ...calendarGenerateSpec,
  plan(input, ctx) {
    let range: DateRange
    let plan: CalendarPlan
    try {
      range = resolveRange({from: input.from, to: input.to, weeks: input.to === undefined ? (input.weeks ?? 4) : input.weeks}, ctx.run.date)
      plan = planCalendar(ctx.community, {...range, pillars: input.pillars, channels: input.channels}, ctx.now)
    } catch (error) {
      if (error instanceof CommopsError) throw new StepFailure(ctx.t(error.msg), error.hint ? ctx.t(error.hint) : undefined)
      throw error
    }
    const {generated, scope} = plan
    const merged = previewCalendar(ctx.db, plan)
    const items = itemsIn(merged.items, scope)
    const doc = calendarDoc(items, ctx.community, ctx.locale, range)
    const counts = calendarCounts(items)
    return {
      artifacts: [{id: ctx.artifactId, kind: 'calendar', title: doc.title, data: doc}],
      // Only what the period holds, not what this run changed: later steps' input hashes read these outputs.
      outputs: {items: items.length, skipped: generated.skipped.length, ...counts},
      messages: [
        ctx.t('cal.gen.summary', {
          added: merged.added.length,
          updated: merged.updated.length,
          kept: merged.kept.length,
          removed: merged.removed.length,
          skipped: generated.skipped.length,
          from: range.from,
          to: range.to,
        }),
        ...generated.warnings.map((w) => ctx.t(w)),
      ],
      diff: diffLines(merged, range),
      payload: plan,
    }
  },
  apply(state, db) {
    applyCalendar(db, state.payload as CalendarPlan)
  },
}
