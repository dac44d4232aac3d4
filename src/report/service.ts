/**
 * `commops report`: gathers what the workspace knows about a period — community.yaml, the store, the metrics over the
 * events, the stored scorecard, member segments, suggestions — into one plain ReportModel that the renderers print.
 * Reads only; nothing is written.
 */
import {CommopsError} from '../errors.js'
import {pick, type Locale} from '../i18n/index.js'
import {engagementModel} from '../members/engagement.js'
import {segmentsSource, segmentTable, type SegmentsSource} from '../members/service.js'
import {dayNumber, resolvePeriods, unitPeriod} from '../metrics/period.js'
import {funnel, localToday, metricSeries, retentionTable} from '../metrics/service.js'
import type {MetricSet, Period} from '../metrics/types.js'
import {viewOf} from '../scorecard/diff.js'
import {findScorecard} from '../scorecard/service.js'
import type {Store} from '../store/index.js'
import {suggest} from '../suggest/service.js'
import {DateTime} from '../util/luxon.js'
import type {Workspace} from '../workspace/index.js'
import {
  ACTIVITY_METRICS,
  allNa,
  contentPlan,
  figures,
  GROWTH_METRICS,
  highlights,
  missing,
  part,
  POSITIONING_FIELDS,
  runsIn,
  SATISFACTION_METRICS,
  scorecardSummary,
  suggestionViews,
  targets,
  taskSummary,
  TREND_METRICS,
  VALUE_METRICS,
} from './model.js'
import type {LevelMovement, Part, ReportModel, SegmentView, TrendView} from './types.js'

export interface ReportRequest {
  /** `2026-Q4`, `2026-10`, `2026-W44`, or `quarter|month|week` for the last full one (default: the last full quarter). */
  period?: string
  /** A custom period instead (`YYYY-MM-DD`, both days included), as `metrics --from/--to` reads it. */
  from?: string
  to?: string
  locale: Locale
  now: Date
}

const utcDay = (date: string) => DateTime.fromISO(date, {zone: 'UTC'})

/** What a report reads: the workspace's files and a store snapshot (a Store, or a step's snapshot). */
export type ReportStore = Pick<Store, 'root' | 'read'>

/** The workspace a report describes. */
export type ReportWorkspace = Pick<Workspace, 'root' | 'community'>

/** A custom period of as many days as `p`, ending the day before it. */
function customBefore(p: Period): Period {
  const end = utcDay(p.from).minus({days: 1})
  const from = end.minus({days: dayNumber(p.to) - dayNumber(p.from)}).toISODate()!
  const to = end.toISODate()!
  return {label: `${from}..${to}`, from, to, unit: 'custom', zone: p.zone}
}

/** The period a request names and the one before it, to compare with (a custom period: as many days before). */
function reportPeriods(request: ReportRequest, today: string, zone: string): [Period, Period | undefined] {
  if (request.from !== undefined || request.to !== undefined) {
    const [period] = resolvePeriods({period: request.period, from: request.from, to: request.to}, today, zone)
    return [period, customBefore(period)]
  }
  const periods = resolvePeriods({period: request.period ?? 'quarter', last: 2}, today, zone)
  return [periods[periods.length - 1], periods.length > 1 ? periods[0] : undefined]
}

/** The metric sets of the previous period and of this one, from one pass over the events. */
async function periodSets(ws: ReportWorkspace, store: ReportStore, period: Period, previous: Period | undefined, now: Date): Promise<MetricSet[]> {
  if (period.unit !== 'custom') return metricSeries(ws, store, {period: period.label, last: 2, now})
  return metricSeries(ws, store, {windows: previous ? [previous, period] : [period], now})
}

/** The period after `p`, of the same unit (a custom period: as many days again). */
function nextPeriod(p: Period): Period {
  const start = utcDay(p.to).plus({days: 1})
  if (p.unit !== 'custom') return unitPeriod(p.unit, start, p.zone)
  const days = dayNumber(p.to) - dayNumber(p.from)
  const to = start.plus({days}).toISODate()!
  return {label: `${start.toISODate()!}..${to}`, from: start.toISODate()!, to, unit: 'custom', zone: p.zone}
}

/** The sub-periods a trend is drawn over: the weeks of a month or quarter, the days of a week. */
function trendRequest(p: Period): {period: string; last: number} | undefined {
  if (p.unit === 'week') return {period: p.to, last: 7}
  if (p.unit === 'day') return undefined
  const first = unitPeriod('week', utcDay(p.from), p.zone)
  // the last whole week of the period (a week running past its end would show a partial count)
  let last = unitPeriod('week', utcDay(p.to), p.zone)
  if (last.to > p.to && last.from > first.from) last = unitPeriod('week', utcDay(last.from).minus({days: 7}), p.zone)
  const weeks = Math.round((dayNumber(last.from) - dayNumber(first.from)) / 7) + 1
  return {period: last.label, last: Math.min(weeks, 27)}
}

/** A part computed by a function whose expected failures (no records, no such field…) make it missing. */
async function attempt<T>(fn: () => Promise<Part<T>>, onError: Part<T>): Promise<Part<T>> {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof CommopsError) return onError
    throw error
  }
}

/**
 * Members grouped by the first of `fields` the records carry (all of them record fields: no records, no segments).
 * `source` reads the members and their activity over the period once for every table of the report.
 */
async function segmentsBy(fields: string[], source: () => Promise<SegmentsSource> | undefined): Promise<Part<SegmentView>> {
  const none = missing('members', 'commops members import data/members.csv')
  for (const by of fields) {
    const got = await attempt<SegmentView>(
      async () => {
        const from = source()
        if (!from) return {missing: none}
        const t = segmentTable(await from, [by])
        const rows = t.segments.map((s) => ({
          label: s.values[by] ?? null,
          count: s.count,
          share: s.share,
          activeShare: s.activeShare,
          retention: s.retention.rate,
          small: s.small,
        }))
        return rows.length === 0 || rows.every((r) => r.label === null) ? {missing: none} : {data: {by, total: t.total, rows}}
      },
      {missing: none},
    )
    if ('data' in got) return got
  }
  return {missing: none}
}

/** Level counts at the end of the previous period and of this one, from the engagement score's inputs. */
function levelMovement(ws: ReportWorkspace, prev: MetricSet | undefined, cur: MetricSet, locale: Locale): LevelMovement | undefined {
  const inputs = (s: MetricSet | undefined) => s?.values.find((v) => v.id === 'engagement_score')?.inputs ?? {}
  const a = inputs(prev)
  const b = inputs(cur)
  if (!b.members) return undefined
  const model = engagementModel(ws.community)
  return {levels: model.levels.map((l) => ({id: l.id, name: l.name ? pick(l.name, locale) : l.id, before: a[l.id] ?? 0, after: b[l.id] ?? 0}))}
}

/** What gives satisfaction figures: ingesting the responses of a survey there is, or creating one first. */
const surveyCommand = (ids: string[]): string =>
  ids.length > 0 ? `commops survey ingest ${ids.sort()[0]} responses.csv` : 'commops survey create --template satisfaction'

/** Everything the report shows about a period, gathered from the workspace. */
export async function buildReport(ws: ReportWorkspace, store: ReportStore, request: ReportRequest): Promise<ReportModel> {
  const {locale, now} = request
  const c = ws.community
  const zone = c.timezone
  const today = localToday(now, zone)
  const [period, previous] = reportPeriods(request, today, zone)
  const next = nextPeriod(period)
  const localDate = (iso: string) => DateTime.fromISO(iso, {zone}).toISODate() ?? iso.slice(0, 10)
  const db = await store.read()
  const hasEvents = db.eventBatches.some((b) => b.events > 0)
  const records = db.memberRecords.snapshot !== undefined
  // the members and their activity over the period, read once for the segment tables (none without records)
  let loaded: Promise<SegmentsSource> | undefined
  const members = (): Promise<SegmentsSource> | undefined => {
    if (!records) return undefined
    const when = period.unit === 'custom' ? {from: period.from, to: period.to} : {period: period.label}
    return (loaded ??= segmentsSource(store, {zone: ws.community.timezone, now, ...when}))
  }
  const noEvents = missing('events', 'commops events import data/activity.ndjson')

  const [prevSet, curSet] = await periodSets(ws, store, period, previous, now)
  const trendReq = hasEvents ? trendRequest(period) : undefined
  // only the metrics the trend draws: every metric for a dozen weeks costs a 1M-event workspace seconds more
  const trendSets = trendReq ? await metricSeries(ws, store, {...trendReq, now, metrics: TREND_METRICS}) : []
  const pt = (text: Parameters<typeof pick>[0]) => pick(text, locale)

  const activity = figures(ACTIVITY_METRICS, curSet, prevSet, c)
  const growth = figures(GROWTH_METRICS, curSet, prevSet, c)
  const satisfaction = figures(SATISFACTION_METRICS, curSet, prevSet, c)
  const value = figures(VALUE_METRICS, curSet, prevSet, c)
  const adherence = figures(['calendar_adherence'], curSet, prevSet, c)[0]
  const scorecardCmd = `commops scorecard compute ${period.unit === 'custom' ? `--from ${period.from} --to ${period.to}` : `--period ${period.label}`}`

  const trend: TrendView | undefined =
    trendSets.length > 1
      ? {
          labels: trendSets.map((s) => (s.period.unit === 'week' ? s.period.label.slice(5) : s.period.from.slice(5))),
          series: TREND_METRICS.map((id) => ({
            id,
            unit: trendSets[0].values.find((v) => v.id === id)?.unit ?? 'count',
            values: trendSets.map((s) => s.values.find((v) => v.id === id)?.value ?? null),
          })),
        }
      : undefined

  const retention = hasEvents
    ? await retentionTable(ws, store, {
        unit: 'week',
        last: Math.max(1, Math.min(13, Math.round((dayNumber(period.to) - dayNumber(period.from) + 1) / 7))),
        to: period.to,
        now,
      })
    : undefined
  const funnelTable = hasEvents ? await funnel(ws, store, {window: period, now}) : undefined

  const scorecard = await attempt(
    async () => {
      const card = findScorecard(db, period.label)
      return {data: scorecardSummary(viewOf(card, Object.values(db.scorecards)))}
    },
    {missing: missing('scorecard', scorecardCmd, {period: period.label})},
  )

  // suggestions read the period's scorecard: without one, the section says how to compute it
  const suggestions = 'data' in scorecard ? await suggest(ws, store, {period: period.label, now}) : {suggestions: []}

  const positioning = POSITIONING_FIELDS.flatMap((field) => (c.positioning?.[field] ? [{field, text: pt(c.positioning[field])}] : []))
  const levels = hasEvents ? levelMovement(ws, prevSet, curSet, locale) : undefined

  return {
    locale,
    generatedOn: today,
    zone,
    period,
    ...(previous ? {previous} : {}),
    next,
    community: {
      name: c.name,
      description: pt(c.description),
      ...(c.type ? {type: c.type} : {}),
      ...(c.positioning?.stage ? {stage: c.positioning.stage} : {}),
      ...(c.founded ? {founded: String(c.founded)} : {}),
    },
    overview: {
      positioning: part(positioning, missing('positioning', 'commops validate')),
      values: (c.culture?.values ?? []).map(pt),
      platforms: (c.platforms ?? []).map((p) => ({id: p.id, name: p.name ? pt(p.name) : p.id, type: p.type, channels: p.channels?.length ?? 0})),
      goals: part(targets(c, curSet), missing('goals', 'commops validate')),
    },
    strategy: {
      personas: part(
        (c.audience?.personas ?? []).map((p) => ({
          id: p.id,
          name: pt(p.name),
          ...(p.share === undefined ? {} : {share: p.share}),
          needs: (p.needs ?? []).map(pt),
          interests: (p.interests ?? []).map(pt),
          painPoints: (p.painPoints ?? []).map(pt),
          channels: p.channels ?? [],
        })),
        missing('personas', 'commops validate'),
      ),
      segments: await segmentsBy(['occupation', 'interests', 'tags'], members),
      content: part(
        contentPlan(db.calendar, period, c, locale),
        missing(
          'calendar',
          `commops calendar generate --from ${period.from} --weeks ${Math.max(1, Math.round((dayNumber(period.to) - dayNumber(period.from) + 1) / 7))}`,
        ),
      ),
      activities: part(
        (c.activities ?? []).map((a) => ({
          id: a.id,
          type: a.type,
          name: a.name ? pt(a.name) : a.id,
          ...(a.cadence ? {cadence: a.cadence} : {}),
          ...(a.channel ? {channel: a.channel} : {}),
          sessions: db.calendar.filter((i) => i.activity === a.id && i.status !== 'cancelled' && i.date >= period.from && i.date <= period.to).length,
        })),
        missing('activities', 'commops validate'),
      ),
      incentives: part(
        c.incentives
          ? {
              levels: (c.incentives.levels ?? []).map((l) => ({level: l.level, title: pt(l.title), threshold: l.threshold})),
              badges: (c.incentives.badges ?? []).map((b) => ({name: pt(b.name), description: pt(b.description)})),
              points: Object.entries(c.incentives.points ?? {}).flatMap(([event, points]) => (points === undefined ? [] : [{event, points}])),
            }
          : undefined,
        missing('incentives', 'commops validate'),
        (i) => i.levels.length + i.badges.length + i.points.length === 0,
      ),
      promotion: part(
        (c.promotion?.channels ?? []).map((p) => ({name: pt(p.name), notes: pt(p.notes), ...(p.type ? {type: p.type} : {})})),
        missing('promotion', 'commops validate'),
      ),
    },
    practice: {
      runs: part(runsIn(db.runs, period, localDate), missing('runs', 'commops playbook run maintain')),
      tasks: part(taskSummary(db.tasks, period, today, localDate), missing('tasks', 'commops playbook run launch')),
      adherence:
        adherence && adherence.value !== null ? {data: adherence} : {missing: missing('calendar', `commops calendar generate --from ${period.from}`)},
      segments: await segmentsBy(['region', 'gender', 'age'], members),
      growth: hasEvents && !allNa(growth) ? {data: growth} : {missing: noEvents},
      retention:
        retention && retention.rows.some((r) => r.size > 0)
          ? {
              data: {
                unit: retention.unit,
                rows: retention.rows.map((r) => ({cohort: r.cohort, size: r.size, d7: r.d7, d30: r.d30, shares: r.shares})),
              },
            }
          : {missing: noEvents},
      funnel:
        funnelTable && (funnelTable.steps[0]?.count ?? 0) > 0
          ? {data: {steps: funnelTable.steps.map((s) => ({id: s.id, count: s.count, rate: s.overallRate}))}}
          : {missing: noEvents},
    },
    evaluation: {
      activity: hasEvents && !allNa(activity) ? {data: activity} : {missing: noEvents},
      trend: part(trend, noEvents),
      satisfaction: allNa(satisfaction) ? {missing: missing('survey', surveyCommand(Object.keys(db.surveys)))} : {data: satisfaction},
      value: hasEvents && !allNa(value) ? {data: value} : {missing: noEvents},
      scorecard,
      levels: part(levels, noEvents),
    },
    suggestions: part(suggestionViews(suggestions.suggestions, locale), missing('suggestions', `${scorecardCmd} && commops suggest`)),
    outlook: {
      targets: part(targets(c, curSet), missing('goals', 'commops validate')),
      highlights: part(highlights(db.calendar, next, c, locale), missing('nextCalendar', `commops calendar generate --from ${next.from}`)),
    },
  }
}
