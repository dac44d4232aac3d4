/** Edit distance for "did you mean" hints: Levenshtein, with a swap of two neighbours (`form` → `from`) counting as one edit. */
export function editDistance(a: string, b: string): number {
  let before: number[] = []
  let prev = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j], before[j - 2] + 1)
    }
    before = prev
    prev = row
  }
  return prev[b.length]
}

/**
 * The closest candidate within a small distance, if any (the first of equally close ones). A candidate whose length
 * differs by more than the limit, or by at least the best distance so far, cannot win (the distance is at least the
 * length difference) and is not compared: every unknown key of a file is compared with every key allowed there.
 */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const v = value.toLowerCase()
  const limit = Math.max(1, Math.floor(value.length / 3))
  for (const c of candidates) {
    const lower = c.toLowerCase()
    const gap = Math.abs(lower.length - v.length)
    if (gap > limit || gap >= bestDistance) continue
    const d = editDistance(v, lower)
    if (d < bestDistance) {
      best = c
      bestDistance = d
    }
  }
  return bestDistance <= limit ? best : undefined
}
