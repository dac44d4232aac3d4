/** The facts suggestion rules read, made from plain data: a scorecard and its predecessors, the calendar, the levels. Pure. */
import type {CalendarItem} from '../calendar/types.js'
import type {LocalizedText} from '../i18n/index.js'
import type {MetricId} from '../metrics/types.js'
import {previousOf} from '../scorecard/diff.js'
import type {Scorecard} from '../scorecard/types.js'
import type {Community} from '../workspace/community.js'
import type {ChannelFact, LevelFact, MetricFact, SuggestFacts, SurveyFigure} from './types.js'

const round1 = (x: number): number => Math.round(x * 10) / 10

/**
 * Every graded metric of a scorecard with its gap: the points of the overall score it leaves on the table, i.e. how
 * much the overall score would rise were this metric to score 100 with everything else unchanged. The overall score is
 * the weighted mean of the dimensions, each the weighted mean of its metrics (n/a rows and weights ≤ 0 left out), so
 * gap = (dimension weight ÷ Σ dimension weights) × (metric weight ÷ Σ metric weights in its dimension) × (100 − score).
 * An n/a row, or one that does not count, has gap 0.
 */
export function metricFacts(card: Scorecard): Partial<Record<MetricId, MetricFact>> {
  const counts = (x: {score: number | null; weight: number}) => x.score !== null && x.weight > 0
  const dimTotal = card.dimensions.filter(counts).reduce((a, d) => a + d.weight, 0)
  const out: Partial<Record<MetricId, MetricFact>> = {}
  for (const d of card.dimensions) {
    const metricTotal = d.metrics.filter(counts).reduce((a, m) => a + m.weight, 0)
    for (const m of d.metrics) {
      const share = counts(d) && counts(m) && dimTotal > 0 && metricTotal > 0 ? (d.weight / dimTotal) * (m.weight / metricTotal) : 0
      out[m.id] = {
        value: m.value,
        unit: m.unit,
        target: m.target,
        direction: m.direction,
        score: m.score,
        dimension: d.id,
        gap: m.score === null ? 0 : round1(share * (100 - m.score)),
      }
    }
  }
  return out
}

/** The scorecards before `card` (same spec and filter, one before the other), newest first, as metric values. */
export function historyOf(card: Scorecard, stored: readonly Scorecard[], depth = 12): SuggestFacts['history'] {
  const out: SuggestFacts['history'] = []
  let at = card
  for (let i = 0; i < depth; i++) {
    const prev = previousOf(at, stored)
    if (!prev) break
    const values: Partial<Record<MetricId, number | null>> = {}
    for (const d of prev.dimensions) for (const m of d.metrics) values[m.id] = m.value
    out.push({key: prev.key, values})
    at = prev
  }
  return out
}

/** Days from local date `a` to local date `b` (both YYYY-MM-DD). */
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000)

/**
 * The channels of the content plan (those its pillars and activities name, and those of calendar items), each with its
 * last item up to `end` that is neither an idea nor cancelled, and its usual rhythm (mean days between the dates of
 * those items); a channel with no such item yet is left out (it has not started, it did not fall silent). Undefined
 * when the calendar is empty: nothing to read silence from.
 */
export function channelFacts(
  community: Pick<Community, 'platforms' | 'content' | 'activities'>,
  calendar: readonly CalendarItem[],
  end: string,
): ChannelFact[] | undefined {
  if (calendar.length === 0) return undefined
  const names = new Map<string, LocalizedText>()
  for (const p of community.platforms ?? []) for (const c of p.channels ?? []) names.set(c.id, c.name ?? c.id)
  const planned = new Set<string>()
  for (const p of community.content?.pillars ?? []) if (p.channel) planned.add(p.channel)
  for (const a of community.activities ?? []) if (a.channel) planned.add(a.channel)
  const dates = new Map<string, Set<string>>()
  for (const item of calendar) {
    if (!item.channel) continue
    planned.add(item.channel)
    if (item.status === 'idea' || item.status === 'cancelled' || item.date > end) continue
    if (!dates.has(item.channel)) dates.set(item.channel, new Set())
    dates.get(item.channel)!.add(item.date)
  }
  return [...planned]
    .sort()
    .filter((id) => dates.has(id))
    .map((id) => {
      const sorted = [...dates.get(id)!].sort()
      const first = sorted[0]
      const last = sorted[sorted.length - 1]
      const usualGap = sorted.length > 1 ? Math.round((daysBetween(first, last) / (sorted.length - 1)) * 10) / 10 : null
      return {id, name: names.get(id) ?? id, last, silentDays: daysBetween(last, end), usualGap}
    })
}

/** What `members levels` gives (src/members/incentives-service.ts LevelsResult), as far as the facts need it. */
export interface LevelsInput {
  levels: Array<{id: string; name: LocalizedText; members: number; before: number}>
  movement: {moves: Array<{from?: string; to?: string; members: number; direction: string}>}
}

/** Each engagement level with the members who moved down out of it (or left) and up into it over the period. */
export function levelFacts(input: LevelsInput): LevelFact[] {
  return input.levels.map((l) => {
    let down = 0
    let up = 0
    for (const m of input.movement.moves) {
      if (m.from === l.id && (m.direction === 'down' || m.direction === 'left')) down += m.members
      if (m.to === l.id && m.direction === 'up') up += m.members
    }
    return {id: l.id, name: l.name, before: l.before, now: l.members, down, up}
  })
}

/** The survey figures a scorecard holds (the rest, if asked for, the service reads from the responses). */
export function surveyFromCard(metrics: SuggestFacts['metrics'], figures: readonly SurveyFigure[]): Partial<Record<SurveyFigure, number | null>> {
  const out: Partial<Record<SurveyFigure, number | null>> = {}
  for (const f of figures) if (metrics[f] && metrics[f].value !== null) out[f] = metrics[f].value
  return out
}
