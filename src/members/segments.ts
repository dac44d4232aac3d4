/**
 * Persona tables: members grouped by one or more attributes (region, occupation, any sheet column, or an extras
 * field such as a level), each group with its size, share, activity in a period, D30 retention and the latest
 * survey's NPS and CSAT. Pure.
 */
import {dayNumber} from '../metrics/period.js'
import {computeCsat, computeNps} from '../survey/results.js'
import type {SurveyDoc, SurveyResponse} from '../survey/types.js'
import {fieldValues, type MemberRow} from './records-view.js'

/** Groups smaller than this carry a sample-size warning. */
export const SMALL_SEGMENT = 5

export interface SegmentRow {
  /** The group's value per field; null: not known for these members. */
  values: Record<string, string | null>
  /** Why these members have no value for a field, when known (`{level: 'left'}`: they left); absent when none. */
  absent?: Record<string, string>
  count: number
  /** Of all members. */
  share: number
  /** Members with an interaction in the period, and their share of the group. */
  active: number
  activeShare: number
  /** D30: of the group's members who started 30 days or more before the period's end, those who interacted on day 30 or later. */
  retention: {eligible: number; retained: number; rate: number | null}
  /** The latest survey's NPS (−100…100) and CSAT (0–1) over the group's respondents. */
  nps: number | null
  csat: number | null
  respondents: number
  /** Fewer than SMALL_SEGMENT members: read its figures with care. */
  small: boolean
}

export interface SegmentTable {
  by: string[]
  total: number
  segments: SegmentRow[]
}

export interface SurveyJoin {
  doc: SurveyDoc
  /** The survey's responses by member key. */
  byKey: Map<string, SurveyResponse[]>
}

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits

/** Why a member has no value for a field (MemberExtras.absent), by the member's row. */
export type AbsentReason = (r: MemberRow, field: string) => string | undefined

/**
 * Every combination of a member's values for the fields (a member with two tags is in both tags' groups); a field
 * the member has no value for is null, or `{absent: reason}` when `absent` gives one.
 */
function combos(r: MemberRow, by: string[], absent?: AbsentReason): Array<Array<string | null | {absent: string}>> {
  let out: Array<Array<string | null | {absent: string}>> = [[]]
  for (const f of by) {
    const known = fieldValues(r, f)
    const reason = known === undefined ? absent?.(r, f) : undefined
    const values: Array<string | null | {absent: string}> = known ?? [reason === undefined ? null : {absent: reason}]
    out = out.flatMap((c) => values.map((v) => [...c, v]))
  }
  return out
}

/**
 * Groups members by `by`, largest first (unknown values last). `period` is `[first, last]` day numbers; a member's
 * activity must have been tallied over that window (`recent`). `joined` days come from the record, else the tally.
 */
export function buildSegments(
  rows: MemberRow[],
  by: string[],
  o: {period: [number, number]; survey?: SurveyJoin; absent?: AbsentReason},
): SegmentTable {
  const groups = new Map<string, {values: Array<string | null | {absent: string}>; members: MemberRow[]}>()
  for (const r of rows) {
    for (const values of combos(r, by, o.absent)) {
      const key = JSON.stringify(values)
      let g = groups.get(key)
      if (!g) groups.set(key, (g = {values, members: []}))
      g.members.push(r)
    }
  }
  const end = o.period[1]
  const npsQuestion = o.survey?.doc.questions.find((q) => q.type === 'nps')
  const segments = [...groups.values()].map((g): SegmentRow => {
    const active = g.members.filter((m) => m.activity.recent > 0).length
    let eligible = 0
    let retained = 0
    for (const m of g.members) {
      const start = m.record?.joined ? dayNumber(m.record.joined) : m.activity.startDay
      if (start === undefined || start + 30 > end) continue
      eligible++
      if (m.activity.lastInteractionDay !== undefined && m.activity.lastInteractionDay >= start + 30) retained++
    }
    const responses = o.survey ? g.members.flatMap((m) => o.survey!.byKey.get(m.key) ?? []) : []
    const npsValues = npsQuestion
      ? responses.map((r) => r.answers[npsQuestion.id]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
      : []
    const absent = by.flatMap((f, i) => {
      const v = g.values[i]
      return v !== null && typeof v === 'object' ? [[f, v.absent] as const] : []
    })
    return {
      values: Object.fromEntries(by.map((f, i) => [f, typeof g.values[i] === 'string' ? g.values[i] : null])),
      ...(absent.length ? {absent: Object.fromEntries(absent)} : {}),
      count: g.members.length,
      share: rows.length ? round(g.members.length / rows.length) : 0,
      active,
      activeShare: round(active / g.members.length),
      retention: {eligible, retained, rate: eligible ? round(retained / eligible) : null},
      nps: computeNps(npsValues)?.score ?? null,
      csat: o.survey && responses.length ? (computeCsat(o.survey.doc, responses)?.score ?? null) : null,
      respondents: responses.length,
      small: g.members.length < SMALL_SEGMENT,
    }
  })
  // groups whose values are all known first, then those missing one for a known reason (members who left), then unknown
  const place = (s: SegmentRow) => (Object.entries(s.values).some(([f, v]) => v === null && s.absent?.[f] === undefined) ? 2 : s.absent ? 1 : 0)
  const text = (s: SegmentRow) => JSON.stringify(Object.values(s.values)) + (s.absent ? JSON.stringify(s.absent) : '')
  segments.sort((a, b) => place(a) - place(b) || b.count - a.count || text(a).localeCompare(text(b)))
  return {by, total: rows.length, segments}
}
