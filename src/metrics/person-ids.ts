/**
 * People as integers, numbered in the order they are first met: one numbering shared by every reader of one pass over
 * the events (the engines of each period and the engagement collector). A person is known by the stringKey of their
 * id (columns.ts), in a hash table of typed arrays: no string per person, and no map per reader (47 000 people: ~2 MB
 * of Map each). Two ids with the same 53-bit key would be one person: among a million people, odds of about 1 in
 * 20 000 (the same trade as topics and message ids, kept as hash53 too).
 */
import {stringKey} from '../events/columns.js'

const EMPTY = -1

export class PersonIds {
  private keys = new Float64Array(1024)
  private numbers = new Int32Array(1024).fill(EMPTY)
  private count = 0
  /** The ids, by number, when kept (`names`). */
  private readonly kept?: string[]

  /** `names`: keep each person's id, for a reader that names people (levelsAt). */
  constructor(o: {names?: boolean} = {}) {
    if (o.names) this.kept = []
  }

  /** The number of the person whose id has the key `key` (stringKey), a new one when first met; `name` is their id when names are kept. */
  internKey(key: number, name?: string): number {
    const mask = this.numbers.length - 1
    for (let h = key >>> 0; ; h++) {
      const slot = h & mask
      const p = this.numbers[slot]
      if (p === EMPTY) {
        this.numbers[slot] = this.count
        this.keys[slot] = key
        this.kept?.push(name ?? '')
        // at most three quarters full: a few probes a lookup, and 12 bytes a slot
        if (++this.count * 4 > this.numbers.length * 3) this.rehash()
        return this.count - 1
      }
      if (this.keys[slot] === key) return p
    }
  }

  /** The number of a person by their id. */
  intern(person: string): number {
    return this.internKey(stringKey(person), person)
  }

  /** Whether the ids are kept: a reader that adds a person by key passes the id then. */
  get namesKept(): boolean {
    return this.kept !== undefined
  }

  get size(): number {
    return this.count
  }

  /** Every person's id, by number (only when kept). */
  names(): string[] {
    if (!this.kept) throw new Error('PersonIds: the ids are not kept')
    return this.kept
  }

  private rehash(): void {
    const keys = this.keys
    const numbers = this.numbers
    this.keys = new Float64Array(keys.length * 2)
    this.numbers = new Int32Array(numbers.length * 2).fill(EMPTY)
    const mask = this.numbers.length - 1
    for (let s = 0; s < numbers.length; s++) {
      if (numbers[s] === EMPTY) continue
      let h = keys[s] >>> 0
      while (this.numbers[h & mask] !== EMPTY) h++
      this.numbers[h & mask] = numbers[s]
      this.keys[h & mask] = keys[s]
    }
  }
}
