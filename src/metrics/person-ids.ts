/**
 * People as integers, numbered in the order they are first met: one numbering shared by every reader of one pass over
 * the events (the engines of each period and the engagement collector), so a person's string is hashed into one map,
 * not one per reader (47 000 people: ~2 MB of hash table each).
 */
export class PersonIds {
  private readonly ids = new Map<string, number>()

  /** The number of a person, a new one when first met. */
  intern(person: string): number {
    let p = this.ids.get(person)
    if (p === undefined) {
      p = this.ids.size
      this.ids.set(person, p)
    }
    return p
  }

  get size(): number {
    return this.ids.size
  }

  /** Every person's string, by number (made when asked: only the readers that name people need it). */
  names(): string[] {
    return [...this.ids.keys()]
  }
}
