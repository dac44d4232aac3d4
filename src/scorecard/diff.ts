/** Comparing two scorecards metric by metric and dimension by dimension, and picking the one to compare with. Pure. */
import type {MetricChange, Scorecard, ScorecardDiff, ScorecardView, ScoreChange} from './types.js'

const change = (from: number | null | undefined, to: number | null | undefined): ScoreChange => {
  const a = from ?? null
  const b = to ?? null
  // values keep their own precision (a ratio 0.0123); the rounding only drops floating-point noise
  return {from: a, to: b, delta: a === null || b === null ? null : Number((b - a).toPrecision(12))}
}

/** What changed from scorecard `a` to scorecard `b`: the whole, each dimension, each metric either of them grades. */
export function diffScorecards(a: Scorecard, b: Scorecard): ScorecardDiff {
  const dimIds = [...new Set([...b.dimensions.map((d) => d.id), ...a.dimensions.map((d) => d.id)])]
  const dims = dimIds.map((id) => {
    const da = a.dimensions.find((d) => d.id === id)
    const db = b.dimensions.find((d) => d.id === id)
    return {id, score: change(da?.score, db?.score), grade: {from: da?.grade ?? null, to: db?.grade ?? null}}
  })
  const metrics: MetricChange[] = []
  const rowsOf = (card: Scorecard) => card.dimensions.flatMap((d) => d.metrics.map((m) => ({dimension: d.id, m})))
  const rowsA = new Map(rowsOf(a).map((r) => [r.m.id, r]))
  const seen = new Set<string>()
  for (const {dimension, m} of [...rowsOf(b), ...rowsOf(a)]) {
    if (seen.has(m.id)) continue
    seen.add(m.id)
    const before = rowsA.get(m.id)?.m
    const after = rowsOf(b).find((r) => r.m.id === m.id)?.m
    metrics.push({
      id: m.id,
      dimension,
      unit: (after ?? m).unit,
      value: change(before?.value, after?.value),
      score: change(before?.score, after?.score),
      ...(before && after && before.target !== after.target ? {targetChanged: true} : {}),
    })
  }
  return {
    from: {key: a.key, period: a.period.label},
    to: {key: b.key, period: b.period.label},
    score: change(a.score, b.score),
    grade: {from: a.grade, to: b.grade},
    specChanged: a.spec.hash !== b.spec.hash,
    dimensions: dims,
    metrics,
  }
}

const sameFilter = (a: Scorecard, b: Scorecard) => JSON.stringify(a.filter ?? {}) === JSON.stringify(b.filter ?? {})

/** The scorecard a card is compared with: the latest stored one of the same spec and filter that ends before it starts. */
export function previousOf(card: Scorecard, stored: readonly Scorecard[]): Scorecard | undefined {
  let best: Scorecard | undefined
  for (const s of stored) {
    if (s.key === card.key || s.spec.name !== card.spec.name || !sameFilter(s, card)) continue
    if (s.period.to >= card.period.from) continue
    if (!best || s.period.to > best.period.to || (s.period.to === best.period.to && s.period.from > best.period.from)) best = s
  }
  return best
}

/** The latest stored scorecard: by period end, then by time computed; undefined when none is stored. */
export function latestScorecard(stored: readonly Scorecard[]): Scorecard | undefined {
  let best: Scorecard | undefined
  for (const s of stored) if (!best || s.period.to > best.period.to || (s.period.to === best.period.to && s.computedAt > best.computedAt)) best = s
  return best
}

/** A scorecard with its change since the previous one, if there is one. */
export function viewOf(card: Scorecard, stored: readonly Scorecard[]): ScorecardView {
  const prev = previousOf(card, stored)
  if (!prev) return {card}
  return {
    card,
    previous: {key: prev.key, period: prev.period.label, score: prev.score, grade: prev.grade},
    changes: diffScorecards(prev, card),
  }
}
