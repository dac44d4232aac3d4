/**
 * The engine's per-event lists and the joins over them, in typed arrays: a list grows by chunks (no copy, at most one
 * chunk unused, where a doubled array may leave half of itself unused and holds both copies while it grows), and rows
 * are grouped by a numeric key by sorting the keys (no hash map: a Map of arrays costs ~100 bytes a row, a hash table
 * of typed arrays twice the keys' size).
 */

const SHIFT = 16
const CHUNK = 1 << SHIFT
const MASK = CHUNK - 1

type Numbers = Float64Array | Int32Array

/** A list of numbers (doubles, or int32 with `int32List`) that grows by chunks of 65 536. */
export class NumberList<A extends Numbers = Float64Array> {
  private readonly parts: A[] = []
  length = 0

  constructor(private readonly make: (n: number) => A = (n) => new Float64Array(n) as A) {}

  push(value: number): void {
    const k = this.length & MASK
    if (k === 0) this.parts.push(this.make(CHUNK))
    this.parts[this.parts.length - 1][k] = value
    this.length++
  }

  at(i: number): number {
    return this.parts[i >>> SHIFT][i & MASK]
  }

  set(i: number, value: number): void {
    this.parts[i >>> SHIFT][i & MASK] = value
  }

  /** The values in a new array. */
  copy(): A {
    const out = this.make(this.length)
    for (let c = 0; c < this.parts.length; c++) out.set(this.parts[c].subarray(0, Math.min(CHUNK, this.length - c * CHUNK)), c * CHUNK)
    return out
  }

  /**
   * The list's values, chunk by chunk (views, not copies: writing to them changes the list). Loops over these need no
   * call per value: a double passed to or returned from a call that is not inlined is a heap allocation.
   */
  chunks(): A[] {
    return this.parts.map((chunk, c) => chunk.subarray(0, Math.min(CHUNK, this.length - c * CHUNK)) as A)
  }

  /** How many distinct finite values the list holds, without a copy: its chunks are sorted in place and merged. */
  countDistinct(): number {
    const runs = this.chunks().map((chunk) => chunk.sort())
    const at = new Int32Array(runs.length)
    let last = Number.NaN
    let count = 0
    for (;;) {
      let best = -1
      let min = Infinity
      for (let r = 0; r < runs.length; r++) {
        if (at[r] < runs[r].length && runs[r][at[r]] < min) {
          min = runs[r][at[r]]
          best = r
        }
      }
      if (best < 0) return count
      at[best]++
      if (min !== last) {
        count++
        last = min
      }
    }
  }

  /** Empties the list. */
  clear(): void {
    this.parts.length = 0
    this.length = 0
  }
}

/** An int32 list (people, topics, rows). */
export const int32List = (): NumberList<Int32Array> => new NumberList((n) => new Int32Array(n))

/**
 * The distinct values of a list, ascending, and the position of a value among them. A lookup first takes the range of
 * positions its value falls in when the values are spread evenly between the smallest and the largest (as hashes and
 * dense ids are: one or two values a range), then searches that range by halves (so uneven values cost no more than
 * a plain binary search).
 */
export class SortedKeys {
  readonly keys: Float64Array
  private readonly start: Int32Array
  private readonly low: number
  private readonly scale: number

  constructor(list: NumberList) {
    const sorted = list.copy().sort()
    let n = 0
    for (let i = 0; i < sorted.length; i++) {
      const v = sorted[i]
      if (Number.isNaN(v)) break
      if (n === 0 || v !== sorted[n - 1]) sorted[n++] = v
    }
    const keys = (this.keys = sorted.subarray(0, n))
    const ranges = Math.max(1, n >>> 1)
    this.low = n > 0 ? keys[0] : 0
    this.scale = n > 1 ? ranges / (keys[n - 1] - keys[0]) : 0
    // start[r]: the first position whose value falls in range r or a later one (n when none does)
    this.start = new Int32Array(ranges + 1).fill(n)
    for (let i = n - 1; i >= 0; i--) this.start[this.range(keys[i])] = i
    for (let r = ranges - 1; r >= 0; r--) this.start[r] = Math.min(this.start[r], this.start[r + 1])
  }

  /** The range of a value in the keys' span (monotonic in the value). */
  private range(key: number): number {
    return Math.min(this.start.length - 2, Math.floor((key - this.low) * this.scale))
  }

  /** The position of `key` among the keys, or -1. */
  indexOf(key: number): number {
    const n = this.keys.length
    if (n === 0 || !(key >= this.keys[0] && key <= this.keys[n - 1])) return -1
    const r = this.range(key)
    let lo = this.start[r]
    let hi = this.start[r + 1] - 1
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1
      const v = this.keys[mid]
      if (v < key) lo = mid + 1
      else if (v > key) hi = mid - 1
      else return mid
    }
    return -1
  }
}

/** Rows 0..n−1 of a list grouped by their value: `first(key)` and `next(row)` walk the rows of one key (-1 at the end). */
export class Groups {
  private readonly keys: SortedKeys
  private readonly head: Int32Array
  private readonly after: Int32Array

  constructor(rowKeys: NumberList) {
    this.keys = new SortedKeys(rowKeys)
    this.head = new Int32Array(this.keys.keys.length).fill(-1)
    this.after = new Int32Array(rowKeys.length)
    // from the last row back, so a key's rows are walked in row order
    for (let row = rowKeys.length - 1; row >= 0; row--) {
      const k = this.keys.indexOf(rowKeys.at(row))
      if (k < 0) continue
      this.after[row] = this.head[k]
      this.head[k] = row
    }
  }

  first(key: number): number {
    const k = this.keys.indexOf(key)
    return k < 0 ? -1 : this.head[k]
  }

  next(row: number): number {
    return this.after[row]
  }
}
