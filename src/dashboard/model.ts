/**
 * The dashboard's model from stored data: the latest scorecard and the ones before it (KPI tiles, grades, trends,
 * level movement, survey figures), the next 14 days of the calendar, open tasks, recent runs. Pure: the service reads
 * the store and the ledger and hands them in.
 */
import type {Suggestion} from '../suggest/types.js'
import type {MetricId} from '../metrics/types.js'
import {engagementModel} from '../members/engagement.js'
import {latestScorecard, previousOf} from '../scorecard/diff.js'
import type {MetricScore, Scorecard} from '../scorecard/types.js'
import type {Db} from '../store/types.js'
import {relativeDate} from '../util/dates.js'
import type {Community} from '../workspace/community.js'
import type {DashboardHint, DashboardMembers, DashboardModel, DashboardScorecard, Kpi, Trend} from './types.js'

/** The tiles shown when community.yaml names no goals (goals come first when it does). */
export const DEFAULT_KPIS: MetricId[] = [
  'active_members',
  'stickiness',
  'retention_d30',
  'response_rate_24h',
  'nps',
  'csat',
  'growth_rate',
  'conversion_rate',
]
const MAX_KPIS = 8
const HISTORY = 12
const CALENDAR_DAYS = 14
const RUNS = 10

export interface DashboardInput {
  db: Pick<Db, 'scorecards' | 'calendar' | 'tasks' | 'runs' | 'surveys' | 'responseBatches' | 'incentives'>
  community: Pick<Community, 'name' | 'goals' | 'engagement' | 'timezone'>
  today: string
  /** The members' points in a period, read from the stored ledger (absent: never computed). */
  top?: {period: string; rows: NonNullable<DashboardMembers['top']>; computedAt?: string}
  /** The period the member panel is of when there is no scorecard (this month). */
  fallbackPeriod: string
  suggestions?: Suggestion[]
}

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  a === null || a === undefined || b === null || b === undefined ? null : Number((b - a).toPrecision(12))

const trendOf = (d: number | null): Trend => (d === null ? null : d > 0 ? 'up' : d < 0 ? 'down' : 'flat')

const metricsOf = (card: Scorecard): MetricScore[] => card.dimensions.flatMap((d) => d.metrics)

/** The stored scorecards a card's trend is read from: same spec and filter, ending by its end, oldest first. */
function seriesOf(card: Scorecard, stored: readonly Scorecard[]): Scorecard[] {
  const chain: Scorecard[] = [card]
  for (let prev = previousOf(card, stored); prev && chain.length < HISTORY; prev = previousOf(prev, stored)) chain.unshift(prev)
  return chain
}

function kpisOf(card: Scorecard, series: Scorecard[], goals: Community['goals']): Kpi[] {
  const rows = new Map(metricsOf(card).map((m) => [m.id, m]))
  const ids = [...new Set([...(goals ?? []).map((g) => g.metric as MetricId), ...DEFAULT_KPIS])].filter((id) => rows.has(id)).slice(0, MAX_KPIS)
  const before = series.length > 1 ? series[series.length - 2] : undefined
  return ids.map((id) => {
    const m = rows.get(id)!
    const prev = before && metricsOf(before).find((x) => x.id === id)
    const trend = trendOf(delta(prev?.value, m.value))
    const good = trend === null || trend === 'flat' ? undefined : (trend === 'up') === (m.direction === 'up')
    return {
      id,
      value: m.value,
      unit: m.unit,
      target: m.target,
      direction: m.direction,
      score: m.score,
      trend,
      ...(good === undefined ? {} : {good}),
      history: series.map((c) => metricsOf(c).find((x) => x.id === id)?.value ?? null),
      periods: series.map((c) => c.period.label),
    }
  })
}

function scorecardOf(card: Scorecard, prev: Scorecard | undefined): DashboardScorecard {
  return {
    key: card.key,
    period: card.period.label,
    score: card.score,
    grade: card.grade,
    computedAt: card.computedAt,
    ...(prev ? {previous: {key: prev.key, period: prev.period.label, score: prev.score, grade: prev.grade}} : {}),
    delta: delta(prev?.score, card.score),
    dimensions: card.dimensions.map((d) => ({
      id: d.id,
      ...(d.title ? {title: d.title} : {}),
      score: d.score,
      grade: d.grade,
      delta: delta(prev?.dimensions.find((x) => x.id === d.id)?.score, d.score),
    })),
  }
}

/** Members per level at the period's end, as the scorecard's engagement_score counted them. */
function levelsOf(card: Scorecard, prev: Scorecard | undefined, community: DashboardInput['community']): DashboardMembers['levels'] {
  const inputs = (c: Scorecard | undefined) => (c ? metricsOf(c).find((m) => m.id === 'engagement_score' && m.value !== null)?.inputs : undefined)
  const now = inputs(card)
  if (!now) return null
  const before = inputs(prev)
  return engagementModel(community).levels.map((l) => ({
    id: l.id,
    name: l.name ?? l.id,
    members: now[l.id] ?? 0,
    change: before ? (now[l.id] ?? 0) - (before[l.id] ?? 0) : null,
  }))
}

/** The dashboard of a workspace from its stored data, as of `today`. */
export function buildDashboard(input: DashboardInput): DashboardModel {
  const {db, community, today} = input
  const stored = Object.values(db.scorecards)
  const card = latestScorecard(stored)
  const prev = card && previousOf(card, stored)
  const hints: DashboardHint[] = []
  if (!card) hints.push({panel: 'scorecard', msg: {key: 'dashboard.hint.scorecard'}})

  const to = relativeDate(`+${CALENDAR_DAYS - 1}d`, today) ?? today
  const items = db.calendar
    .filter((i) => i.date >= today && i.date <= to && i.status !== 'cancelled')
    .sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id))
    .map((i) => ({id: i.id, date: i.date, time: i.time, title: i.title, status: i.status, ...(i.channel ? {channel: i.channel} : {})}))
  if (db.calendar.length === 0) hints.push({panel: 'calendar', msg: {key: 'dashboard.hint.calendar'}})

  const num = (id: string) => Number(id.replace(/\D/g, '')) || 0
  const open = db.tasks
    .filter((t) => t.status === 'open')
    .map((t) => ({
      id: t.id,
      title: t.title,
      ...(t.assignee || t.owner ? {owner: t.assignee ?? t.owner} : {}),
      ...(t.due ? {due: t.due} : {}),
      overdue: t.due !== undefined && t.due < today,
    }))
    .sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.due ?? '9999').localeCompare(b.due ?? '9999') || num(a.id) - num(b.id))

  const runs = [...db.runs]
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .slice(0, RUNS)
    .map((r) => {
      const failed = r.steps.find((s) => s.status === 'failed')
      return {
        id: r.id,
        playbook: r.playbook,
        status: r.status,
        startedAt: r.startedAt,
        durationMs: r.durationMs,
        ...(failed ? {failedStep: failed.id} : {}),
      }
    })
  if (runs.length === 0) hints.push({panel: 'runs', msg: {key: 'dashboard.hint.runs'}})

  const members: DashboardMembers = {
    period: input.top?.period ?? card?.period.label ?? input.fallbackPeriod,
    top: input.top?.rows ?? null,
    ...(input.top?.computedAt ? {ledgerAt: input.top.computedAt} : {}),
    levels: card ? levelsOf(card, prev, community) : null,
  }
  if (!input.top) hints.push({panel: 'members', msg: {key: 'dashboard.hint.points'}})

  const lastBatch = db.responseBatches.reduce<(typeof db.responseBatches)[number] | undefined>(
    (a, b) => (!a || b.ingestedAt > a.ingestedAt ? b : a),
    undefined,
  )
  const figureOf = (id: MetricId) => {
    const m = card && metricsOf(card).find((x) => x.id === id)
    return m && card ? {value: m.value, target: m.target, period: card.period.label} : undefined
  }
  const nps = figureOf('nps')
  const csat = figureOf('csat')
  // every survey with its responses, the latest answered first (the detail view lists them)
  const answered = new Map<string, {responses: number; at: string}>()
  for (const b of db.responseBatches) {
    const got = answered.get(b.survey) ?? {responses: 0, at: ''}
    answered.set(b.survey, {responses: got.responses + b.responses, at: b.ingestedAt > got.at ? b.ingestedAt : got.at})
  }
  const list = Object.entries(db.surveys)
    .map(([id, s]) => ({id, name: s.name, responses: answered.get(id)?.responses ?? 0, ...(answered.get(id) ? {at: answered.get(id)!.at} : {})}))
    .sort((a, b) => (b.at ?? '').localeCompare(a.at ?? '') || a.id.localeCompare(b.id))
  const survey = {
    surveys: list.length,
    list,
    ...(lastBatch
      ? {
          latest: {
            id: lastBatch.survey,
            name: db.surveys[lastBatch.survey]?.name ?? lastBatch.survey,
            responses: db.responseBatches.filter((b) => b.survey === lastBatch.survey).reduce((n, b) => n + b.responses, 0),
            at: lastBatch.ingestedAt,
          },
        }
      : {}),
    ...(nps ? {nps} : {}),
    ...(csat ? {csat} : {}),
  }
  if (!lastBatch) hints.push({panel: 'survey', msg: {key: 'dashboard.hint.survey'}})

  const suggestions = input.suggestions ?? []
  if (suggestions.length === 0) hints.push({panel: 'suggestion', msg: {key: card ? 'dashboard.hint.noSuggestion' : 'dashboard.hint.scorecard'}})

  return {
    community: community.name,
    today,
    timezone: community.timezone,
    scorecard: card ? scorecardOf(card, prev) : null,
    kpis: card ? kpisOf(card, seriesOf(card, stored), community.goals) : [],
    calendar: {from: today, to, items},
    tasks: {open: open.length, overdue: open.filter((t) => t.overdue).length, items: open},
    runs,
    members,
    survey,
    suggestion: suggestions[0] ?? null,
    suggestions: suggestions.length,
    ranked: suggestions,
    hints,
  }
}
