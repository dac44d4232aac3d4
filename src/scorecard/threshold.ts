/** `--fail-under GRADE|SCORE`: reading the threshold and judging a scorecard against it. Pure. */
import {UsageError} from '../errors.js'
import type {GradeBand, Scorecard} from './types.js'

/** A threshold as the user wrote it and the lowest passing score it means. */
export interface Threshold {
  text: string
  min: number
  grade?: string
}

/** `B` (a grade of the spec's bands, any case) or a score 0–100; anything else is a usage error (exit 2). */
export function parseThreshold(text: string, bands: readonly GradeBand[]): Threshold {
  const t = text.trim()
  if (/^\d+(\.\d+)?$/.test(t)) {
    const min = Number(t)
    if (min <= 100) return {text: t, min}
  }
  const band = bands.find((b) => b.grade.toLowerCase() === t.toLowerCase())
  if (band) return {text: t, min: band.min, grade: band.grade}
  throw new UsageError(
    {key: 'scorecard.failUnder.bad', params: {value: text}},
    {code: 'scorecard.failUnder.bad', hint: {key: 'scorecard.failUnder.bad.hint', params: {grades: bands.map((b) => b.grade).join(', ')}}},
  )
}

/** Whether a scorecard passes: its overall score reaches the threshold (an n/a overall never does). */
export function passes(card: Pick<Scorecard, 'score'>, threshold: Threshold): boolean {
  return card.score !== null && card.score >= threshold.min
}
