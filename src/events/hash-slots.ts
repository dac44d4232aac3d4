/**
 * An open-addressing hash table of the indexes 0, 1, 2… of a list, by a 53-bit hash of each item (hash53), with the
 * hashes: typed arrays only, no object, Map entry or string per item on the JS heap. A Map<string, number> of the
 * 300 000 topics of a 1M-event batch held ~25 MB of live strings and entries while its column cache was rebuilt, and a
 * growing array of numbers on the heap made V8 double its young generation. Pure.
 *
 * The table knows only hashes: a caller that must tell items with the same hash apart compares them itself, walking the
 * indexes with that hash (`first`, then `next` until -1), and adds a new item (`add`) right after a walk that found
 * none.
 */
import {grown} from '../util/typed-array.js'

export class HashSlots {
  /** Index + 1 of the item in each slot (0: empty); a power of two long, at most 3/4 full. */
  private slots = new Int32Array(1024)
  /** The hash of each item, by index. */
  private hashOf = new Float64Array(512)
  private count = 0
  /** The hash and slot of the walk under way. */
  private hash = 0
  private at = 0

  /** How many items there are. */
  get size(): number {
    return this.count
  }

  /** The hash of each item, by index (a view: valid until the next `add`). */
  hashes(): Float64Array {
    return this.hashOf.subarray(0, this.count)
  }

  /** The first index whose item has hash h, or -1. */
  first(h: number): number {
    this.hash = h
    // `&` takes the low 32 bits of the integer h, which spread the items (hash53's h1 is fully mixed)
    this.at = h & (this.slots.length - 1)
    return this.walk()
  }

  /** The next index whose item has the hash given to `first`, or -1. */
  next(): number {
    this.at = (this.at + 1) & (this.slots.length - 1)
    return this.walk()
  }

  private walk(): number {
    const mask = this.slots.length - 1
    for (;;) {
      const i = this.slots[this.at] - 1
      if (i < 0 || this.hashOf[i] === this.hash) return i
      this.at = (this.at + 1) & mask
    }
  }

  /** Adds an item with the hash of the walk (`first`, `next`) that has just ended at -1; returns its index. */
  add(): number {
    const i = this.count++
    if (i === this.hashOf.length) this.hashOf = grown(this.hashOf)
    this.hashOf[i] = this.hash
    this.slots[this.at] = i + 1
    if (4 * this.count > 3 * this.slots.length) this.rehash()
    return i
  }

  /** Twice the slots, every item put again (a walk under way is over: the next look-up starts with `first`). */
  private rehash(): void {
    const slots = new Int32Array(2 * this.slots.length)
    const mask = slots.length - 1
    for (let i = 0; i < this.count; i++) {
      let at = this.hashOf[i] & mask
      while (slots[at] !== 0) at = (at + 1) & mask
      slots[at] = i + 1
    }
    this.slots = slots
  }
}
