/**
 * The figures that do not come from events: satisfaction from the latest survey results (csat, nps, the service,
 * content and atmosphere dimension means, 1–5) and calendar adherence (published / planned items in the period).
 */
import type {Msg} from '../errors.js'
import type {CalendarItem} from '../calendar/types.js'
import {gravity, type EngagementCollector} from '../members/engagement.js'
import {computeCsat, computeDimensions, computeNps} from '../survey/results.js'
import type {SurveyDoc, SurveyResponse} from '../survey/types.js'
import {outsideDays} from './period.js'
import type {MetricId, MetricValue, Period} from './types.js'
import {figure, notAvailable, ratio} from './values.js'

export const SURVEY_METRICS = ['csat', 'nps', 'service_quality', 'content_quality', 'atmosphere'] as const satisfies readonly MetricId[]

export interface SurveyInput {
  id: string
  doc: SurveyDoc
  responses: SurveyResponse[]
}

/** The local date a response was given: its submittedAt when that reads as a date, else when it was ingested. */
function answeredOn(r: SurveyResponse): string {
  const s = typeof r.submittedAt === 'string' ? r.submittedAt.trim() : ''
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})/.exec(s)
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  return r.ingestedAt.slice(0, 10)
}

/**
 * csat, nps and the dimension means, each from the latest survey (by its latest response up to the period's last
 * day) that measures it; n/a when no survey does.
 */
export function surveyMetrics(surveys: SurveyInput[], period: Period): MetricValue[] {
  const scored = surveys
    .map((s) => {
      const responses = s.responses.filter((r) => answeredOn(r) <= period.to)
      const last = responses.reduce((a, r) => (answeredOn(r) > a ? answeredOn(r) : a), '')
      return {s, responses, last}
    })
    .filter((x) => x.responses.length > 0)
    .sort((a, b) => b.last.localeCompare(a.last) || b.s.id.localeCompare(a.s.id))
  const note = (x: (typeof scored)[number]): Msg => ({key: 'metrics.note.survey', params: {survey: x.s.id, n: x.responses.length, last: x.last}})
  const out: MetricValue[] = []
  const none = surveys.length === 0 ? 'noSurvey' : scored.length === 0 ? 'noResponses' : undefined

  const csat = scored.map((x) => ({x, r: computeCsat(x.s.doc, x.responses)})).find((y) => y.r !== null)
  out.push(
    csat
      ? figure('csat', csat.r!.score, {answers: csat.r!.n, top_two: Math.round(csat.r!.score * csat.r!.n)}, {notes: [note(csat.x)]})
      : notAvailable('csat', none ?? 'noSurveyItem'),
  )
  const nps = scored
    .map((x) => {
      const q = x.s.doc.questions.find((q) => q.type === 'nps')
      const values = q ? x.responses.map((r) => r.answers[q.id]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v)) : []
      return {x, r: q ? computeNps(values, q.id) : null}
    })
    .find((y) => y.r !== null)
  out.push(
    nps
      ? figure('nps', nps.r!.score, {answers: nps.r!.n, promoters: nps.r!.promoters, detractors: nps.r!.detractors}, {notes: [note(nps.x)]})
      : notAvailable('nps', none ?? 'noSurveyItem'),
  )
  for (const dim of ['service_quality', 'content_quality', 'atmosphere'] as const) {
    const found = scored.map((x) => ({x, r: computeDimensions(x.s.doc, x.responses)[dim]})).find((y) => y.r?.mean !== null && y.r?.mean !== undefined)
    out.push(found ? figure(dim, found.r.mean!, {answers: found.r.n}, {notes: [note(found.x)]}) : notAvailable(dim, none ?? 'noSurveyItem'))
  }
  return out
}

/** Published items / planned items dated in the period (ideas are not planned yet; cancelled ones were). */
export function calendarAdherence(items: CalendarItem[], period: Period): MetricValue {
  const planned = items.filter((i) => i.date >= period.from && i.date <= period.to && i.status !== 'idea')
  const published = planned.filter((i) => i.status === 'published').length
  return ratio('calendar_adherence', published, planned.length, {planned: planned.length, published}, items.length ? 'noPlannedItems' : 'noCalendar')
}

/**
 * The engagement score (gravity) at the period's last day: Σ weight² × members per engagement level, from the
 * members model (community.yaml `engagement`); the whole community, whatever the filter. n/a with no members, and
 * when the window the levels are measured over holds none of the days imported (everyone would seem dormant).
 */
export function engagementScore(collector: EngagementCollector, index: number, to: string, imported?: {first: string; last: string}): MetricValue {
  if (imported && outsideDays(to, collector.model.windowDays, imported)) return notAvailable('engagement_score', 'noData', {}, {params: imported})
  const {members, counts} = collector.countsAt(index)
  if (members === 0) return notAvailable('engagement_score', 'noMembers')
  return figure(
    'engagement_score',
    gravity(collector.model, counts),
    {members, ...counts},
    {
      notes: [{key: 'metrics.note.engagement', params: {window: collector.model.windowDays}}],
    },
  )
}
