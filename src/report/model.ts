/** The pure parts of the report model: plain data from the store and community.yaml in, report parts out. */
import type {CalendarItem} from '../calendar/types.js'
import {pick, type Locale} from '../i18n/index.js'
import type {MetricId, MetricSet, MetricValue, Period} from '../metrics/types.js'
import type {ScorecardView} from '../scorecard/types.js'
import type {Suggestion} from '../suggest/types.js'
import type {RunRecord, Task} from '../store/types.js'
import type {Community} from '../workspace/community.js'
import type {
  ContentPlan,
  Figure,
  HighlightView,
  Missing,
  Part,
  PlanCount,
  RunView,
  ScorecardSummary,
  SuggestionView,
  TargetView,
  TaskSummary,
} from './types.js'

/** A part with data, or missing when the data is empty. */
export function part<T>(data: T | undefined | null, missing: Missing, empty?: (d: T) => boolean): Part<T> {
  if (data === undefined || data === null || (Array.isArray(data) && data.length === 0) || (empty && empty(data))) return {missing}
  return {data}
}

/** A missing part: its reason's message key (under `report.missing.`) and the command that fills it. */
export const missing = (reason: string, command: string, params?: Record<string, unknown>): Missing => ({
  reason: {key: `report.missing.${reason}`, ...(params ? {params} : {})},
  command,
})

export const POSITIONING_FIELDS = ['theme', 'mission', 'valueProposition', 'targetUsers', 'differentiation'] as const

export const ACTIVITY_METRICS: MetricId[] = [
  'active_members',
  'dau',
  'wau',
  'mau',
  'stickiness',
  'interactions_per_active',
  'topic_participation',
  'event_participation',
  'response_rate_24h',
  'median_first_response_h',
]
export const GROWTH_METRICS: MetricId[] = [
  'members_total',
  'new_members',
  'growth_rate',
  'churn_rate',
  'retention_d7',
  'retention_d30',
  'conversion_rate',
]
export const SATISFACTION_METRICS: MetricId[] = ['service_quality', 'content_quality', 'atmosphere', 'csat', 'nps']
export const VALUE_METRICS: MetricId[] = ['answered_share', 'content_reach', 'reciprocity', 'conversion_rate']
export const TREND_METRICS: MetricId[] = ['active_members', 'new_members']

/** The figures of `ids` in this period and the previous one, with the community's goals as targets. */
export function figures(ids: MetricId[], current: MetricSet, previous: MetricSet | undefined, community: Pick<Community, 'goals'>): Figure[] {
  const find = (set: MetricSet | undefined, id: MetricId): MetricValue | undefined => set?.values.find((v) => v.id === id)
  return ids.flatMap((id) => {
    const v = find(current, id)
    if (!v) return []
    const goal = community.goals?.find((g) => g.metric === id)
    return [
      {
        id,
        unit: v.unit,
        value: v.value,
        previous: find(previous, id)?.value ?? null,
        ...(v.value === null && v.reason ? {reason: v.reason} : {}),
        ...(goal ? {target: goal.target, direction: goal.direction ?? 'up'} : {}),
      },
    ]
  })
}

/** True when none of the figures has a value. */
export const allNa = (figs: Figure[]): boolean => figs.every((f) => f.value === null)

/** The community's goals against this period's figures. */
export function targets(community: Pick<Community, 'goals'>, current: MetricSet | undefined): TargetView[] {
  return (community.goals ?? []).flatMap((g) => {
    const v = current?.values.find((x) => x.id === g.metric)
    const direction = g.direction ?? 'up'
    const value = v?.value ?? null
    return [
      {
        metric: g.metric as MetricId,
        unit: v?.unit ?? 'count',
        current: value,
        target: g.target,
        direction,
        ...(value === null ? {} : {met: direction === 'down' ? value <= g.target : value >= g.target}),
      },
    ]
  })
}

const inPeriod = (date: string | undefined, p: Pick<Period, 'from' | 'to'>): boolean => date !== undefined && date >= p.from && date <= p.to

/** Counts planned (not cancelled) and published items by a key. */
function countBy(items: CalendarItem[], key: (i: CalendarItem) => string, name: (k: string) => string): PlanCount[] {
  const out = new Map<string, PlanCount>()
  for (const i of items) {
    const k = key(i)
    let c = out.get(k)
    if (!c) out.set(k, (c = {key: k, name: name(k), planned: 0, published: 0}))
    c.planned++
    if (i.status === 'published') c.published++
  }
  return [...out.values()].sort((a, b) => b.planned - a.planned || a.key.localeCompare(b.key))
}

/** The channel's name from the platforms, else its id. */
export function channelName(community: Pick<Community, 'platforms'>, id: string, locale: Locale): string {
  for (const p of community.platforms ?? []) {
    const c = p.channels?.find((x) => x.id === id)
    if (c) return c.name ? pick(c.name, locale) : id
  }
  return id
}

/** The period's content plan: calendar items (not cancelled) by pillar, channel and format. */
export function contentPlan(calendar: CalendarItem[], period: Period, community: Community, locale: Locale): ContentPlan | undefined {
  const items = calendar.filter((i) => i.status !== 'cancelled' && inPeriod(i.date, period))
  if (items.length === 0) return undefined
  const pillarName = (id: string) => {
    const p = community.content?.pillars?.find((x) => x.id === id)
    const a = community.activities?.find((x) => x.id === id)
    return p ? pick(p.name, locale) : a?.name ? pick(a.name, locale) : id
  }
  return {
    items: items.length,
    byPillar: countBy(items, (i) => i.pillar ?? i.activity ?? '—', pillarName),
    byChannel: countBy(
      items,
      (i) => i.channel ?? '—',
      (k) => channelName(community, k, locale),
    ),
    byFormat: countBy(
      items,
      (i) => i.format ?? i.activityType ?? '—',
      (k) => k,
    ),
  }
}

/**
 * The practice of the period: finished launch and maintain runs started in it (local dates), oldest first. Evaluate runs
 * are the evaluation itself (the one writing the report among them), so its rerun leaves the report as it was.
 */
export function runsIn(runs: RunRecord[], period: Period, localDate: (iso: string) => string): RunView[] {
  return runs
    .filter((r) => r.phase !== 'evaluate' && r.status !== 'running' && inPeriod(localDate(r.startedAt), period))
    .map((r) => ({
      id: r.id,
      playbook: r.playbook,
      status: r.status,
      date: localDate(r.startedAt),
      steps: r.steps.length,
      failed: r.steps.filter((s) => s.status === 'failed').length,
    }))
}

/** Tasks: done in the period, still open, overdue (open with a due date before `today`, or before the period's end when that is earlier). */
export function taskSummary(tasks: Task[], period: Period, today: string, localDate: (iso: string) => string): TaskSummary | undefined {
  const live = tasks.filter((t) => t.status === 'open' || t.status === 'done')
  if (live.length === 0) return undefined
  const cutoff = today < period.to ? today : period.to
  return {
    total: live.length,
    doneInPeriod: live.filter((t) => t.status === 'done' && t.doneAt !== undefined && inPeriod(localDate(t.doneAt), period)).length,
    open: live.filter((t) => t.status === 'open').length,
    overdue: live
      .filter((t) => t.status === 'open' && t.due !== undefined && t.due < cutoff)
      .sort((a, b) => a.due!.localeCompare(b.due!))
      .map((t) => ({id: t.id, title: t.title, due: t.due!, ...(t.owner ? {owner: t.owner} : {})})),
  }
}

/** The stored scorecard as the report shows it. */
export function scorecardSummary(view: ScorecardView): ScorecardSummary {
  const {card, previous, changes} = view
  return {
    key: card.key,
    score: card.score,
    grade: card.grade,
    ...(previous ? {previous: {period: previous.period, score: previous.score, grade: previous.grade, delta: changes?.score.delta ?? null}} : {}),
    dimensions: card.dimensions.map((d) => ({
      id: d.id,
      score: d.score,
      grade: d.grade,
      delta: changes?.dimensions.find((x) => x.id === d.id)?.score.delta ?? null,
    })),
    metrics: card.dimensions.flatMap((d) =>
      d.metrics.map((m) => ({id: m.id, dimension: d.id, unit: m.unit, value: m.value, target: m.target, direction: m.direction, score: m.score})),
    ),
  }
}

/** Suggestions in the report's language. */
export const suggestionViews = (list: Suggestion[], locale: Locale): SuggestionView[] =>
  list.map((s) => ({
    title: pick(s.title, locale),
    why: pick(s.why, locale),
    action: pick(s.action, locale),
    effect: pick(s.effect, locale),
    gap: s.gap,
    ...(s.playbook ? {playbook: s.step ? `${s.playbook} → ${s.step}` : s.playbook} : {}),
  }))

/** The next period's calendar: activities first, then content, each by date; at most `limit`. */
export function highlights(calendar: CalendarItem[], next: Period, community: Community, locale: Locale, limit = 12): HighlightView[] {
  return calendar
    .filter((i) => i.status !== 'cancelled' && inPeriod(i.date, next))
    .sort((a, b) => (a.source === b.source ? 0 : a.source === 'activity' ? -1 : 1) || a.date.localeCompare(b.date) || a.time.localeCompare(b.time))
    .slice(0, limit)
    .sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time))
    .map((i) => ({
      date: i.date,
      time: i.time,
      title: i.title,
      kind: i.source,
      ...(i.channel ? {channel: channelName(community, i.channel, locale)} : {}),
    }))
}
