/**
 * Points per month and member as typed arrays: one column of points per month, indexed by member, NaN where the
 * member has none that month. What a recompute adds up while it writes the ledger, and what the month totals' JSON
 * and the stored leaderboard are made from, without a Map per month (at 1M events, ~45k members in each month). Pure.
 */
import {round2, type MonthTotals} from './points.js'
import {compare, type MemberKey} from './timeline.js'

/** A column of `n` members with no points. */
const none = (n: number): Float64Array => new Float64Array(n).fill(Number.NaN)

export class MonthColumns {
  readonly members: MemberKey[] = []
  private readonly index = new Map<MemberKey, number>()
  /** How many of `members` are in `index`. */
  private indexed = 0
  /** Whether `members` are in code-point order, each after the one before (as a recompute appends them). */
  private ordered = true
  private readonly columns = new Map<string, Float64Array>()
  private size = 1024

  /** A member's index, added when new. */
  indexOf(member: MemberKey): number {
    if (this.ordered) {
      // found by halving: the leaderboard looks up a few members (manual entries') among a recompute's 47k, for which
      // the Map took ~10 ms to fill
      let lo = 0
      let hi = this.members.length
      while (lo < hi) {
        const mid = (lo + hi) >>> 1
        if (this.members[mid] < member) lo = mid + 1
        else hi = mid
      }
      return this.members[lo] === member ? lo : this.append(member)
    }
    // the members appended since the last call
    for (; this.indexed < this.members.length; this.indexed++) this.index.set(this.members[this.indexed], this.indexed)
    const k = this.index.get(member)
    if (k !== undefined) return k
    this.index.set(member, this.indexed++)
    return this.append(member)
  }

  /**
   * Adds a member that is not here yet (a recompute meets each member once), without looking it up: its index. A
   * Map of 47k members took 35 ms of a recompute; it is made when indexOf is first called.
   */
  append(member: MemberKey): number {
    const k = this.members.length
    if (k > 0 && !(this.members[k - 1] < member)) this.ordered = false
    this.members.push(member)
    if (k === this.size) {
      this.size *= 2
      for (const [month, column] of this.columns) {
        const wider = none(this.size)
        wider.set(column)
        this.columns.set(month, wider)
      }
    }
    return k
  }

  /** Adds points to member k's month (as MonthTally adds them). */
  add(month: string, k: number, points: number): void {
    let column = this.columns.get(month)
    if (!column) this.columns.set(month, (column = none(this.size)))
    const before = column[k]
    column[k] = round2((Number.isNaN(before) ? 0 : before) + points)
  }

  /** The months with points, in order. */
  months(): string[] {
    return [...this.columns.keys()].sort()
  }

  /** A copy of a month's points per member index (every member, NaN for none). */
  column(month: string): Float64Array {
    const column = this.columns.get(month)
    return column ? column.slice(0, this.members.length) : none(this.members.length)
  }

  /** The month totals as read from their JSON, each member taken as `key(member)` (members that share a key added up). */
  static of(months: MonthTotals, key: (member: MemberKey) => MemberKey = (m) => m): MonthColumns {
    const out = new MonthColumns()
    for (const [month, rows] of Object.entries(months)) {
      if (rows.length === 0) out.columns.set(month, none(out.size))
      for (const [member, points] of rows) out.add(month, out.indexOf(key(member)), points)
    }
    return out
  }

  /** These months with each member taken as `key(member)`: this table itself when no member changes. */
  keyed(key: (member: MemberKey) => MemberKey): MonthColumns {
    if (this.members.every((m) => key(m) === m)) return this
    return MonthColumns.of(JSON.parse(this.json().toString('utf8')) as MonthTotals, key)
  }

  /** The members' indexes in code-point order. */
  private byName(): Uint32Array {
    const n = this.members.length
    const byName = Uint32Array.from({length: n}, (_, k) => k)
    // a recompute adds its members in code-point order: nothing to sort
    if (!this.ordered) byName.sort((a, b) => compare(this.members[a], this.members[b]))
    return byName
  }

  /**
   * The month totals' JSON as bytes, byte for byte `JSON.stringify(tally.totals())` of a MonthTally given the same
   * points, written straight into a buffer: no string per entry (160k at 1M events) to hold until the end.
   */
  json(): Buffer {
    const byName = this.byName()
    const {nameBytes, starts, ends} = jsonStrings(this.members)
    const out = new Bytes()
    out.ascii('{')
    this.months().forEach((month, m) => {
      const column = this.columns.get(month)!
      const members = byPoints(column, byName)
      out.ascii(`${m > 0 ? ',' : ''}${JSON.stringify(month)}:[`)
      for (let i = 0; i < members.length; i++) {
        const k = members[i]
        out.entry(i > 0, nameBytes, starts[k], ends[k], column[k])
      }
      out.ascii(']')
    })
    out.ascii('}')
    return out.bytes()
  }
}

/**
 * Each member's JSON string once, not once per month it has points in: string k is bytes [starts[k], ends[k]) of
 * nameBytes. When every name is ASCII that JSON.stringify writes as it is (the JSON array of them is then exactly as
 * long as the names with their quotes and commas), the strings are read in place in that array: one call where a
 * character loop took ~25 ms for 47k members.
 */
function jsonStrings(members: readonly MemberKey[]): {nameBytes: Uint8Array; starts: Uint32Array; ends: Uint32Array} {
  const starts = new Uint32Array(members.length)
  const ends = new Uint32Array(members.length)
  const array = Buffer.from(JSON.stringify(members))
  // after `[`, each string and a comma (`]` after the last)
  let at = 1
  for (let k = 0; k < members.length; k++) {
    starts[k] = at
    ends[k] = at += members[k].length + 2
    at++
  }
  if (array.length === Math.max(at, 2)) return {nameBytes: array, starts, ends}
  const names = new Bytes()
  members.forEach((m, k) => {
    starts[k] = names.length
    names.jsonString(m)
    ends[k] = names.length
  })
  return {nameBytes: names.bytes(), starts, ends}
}

/** Ranks up to 2^21 and points of up to 2^31 hundredths either way make sort keys below 2^53: exact in a double. */
const RANK_BITS = 2 ** 21
const CENTS = 2 ** 31

/**
 * The members with points in a column (indexes), highest points first, equal points in code-point order (`byName`).
 * Each member is one number, (CENTS - hundredths of its points) × RANK_BITS + its rank, sorted as numbers (no compare
 * function: the month totals of 47k members were sorted in 60 ms, now in a few); beyond those bounds, by comparing.
 */
function byPoints(column: Float64Array, byName: Uint32Array): Uint32Array | number[] {
  const n = byName.length
  const keys = new Float64Array(n)
  let used = 0
  let exact = n <= RANK_BITS
  for (let rank = 0; rank < n && exact; rank++) {
    const points = column[byName[rank]]
    if (Number.isNaN(points)) continue
    // the points are round2's: two decimals at most, so their hundredths are whole and in the same order
    const cents = Math.round(points * 100)
    exact = Math.abs(cents) < CENTS
    keys[used++] = (CENTS - cents) * RANK_BITS + rank
  }
  if (!exact) {
    const ranks = new Uint32Array(n)
    byName.forEach((k, rank) => (ranks[k] = rank))
    const members = [...byName].filter((k) => !Number.isNaN(column[k]))
    return members.sort((a, b) => column[b] - column[a] || ranks[a] - ranks[b])
  }
  const sorted = keys.subarray(0, used).sort()
  const out = new Uint32Array(used)
  for (let i = 0; i < used; i++) out[i] = byName[sorted[i] % RANK_BITS]
  return out
}

/** A growing byte buffer for JSON text. */
class Bytes {
  private buf = Buffer.allocUnsafe(1 << 16)
  private used = 0

  private room(n: number): void {
    if (this.used + n <= this.buf.length) return
    const buf = Buffer.allocUnsafe(Math.max(2 * this.buf.length, this.used + n))
    this.buf.copy(buf, 0, 0, this.used)
    this.buf = buf
  }

  get length(): number {
    return this.used
  }

  /** `[name,points]` (`,` before it when not first), the name's JSON string bytes [s, e) of `names`. */
  entry(comma: boolean, names: Uint8Array, s: number, e: number, points: number): void {
    this.room(e - s + 3)
    const buf = this.buf
    let o = this.used
    if (comma) buf[o++] = 44
    buf[o++] = 91
    while (s < e) buf[o++] = names[s++]
    buf[o++] = 44
    this.used = o
    this.number(points)
    this.room(1)
    this.buf[this.used++] = 93
  }

  /** ASCII text as it is. */
  ascii(text: string): void {
    this.room(text.length)
    for (let k = 0; k < text.length; k++) this.buf[this.used++] = text.charCodeAt(k)
  }

  /** A string as JSON.stringify writes it: printable ASCII without `"` or `\\` copied, anything else through JSON.stringify. */
  jsonString(text: string): void {
    for (let k = 0; k < text.length; k++) {
      const c = text.charCodeAt(k)
      if (c < 32 || c > 126 || c === 34 || c === 92) {
        const bytes = Buffer.from(JSON.stringify(text))
        this.room(bytes.length)
        this.used += bytes.copy(this.buf, this.used)
        return
      }
    }
    this.room(text.length + 2)
    this.buf[this.used++] = 34
    for (let k = 0; k < text.length; k++) this.buf[this.used++] = text.charCodeAt(k)
    this.buf[this.used++] = 34
  }

  /** A number as JSON.stringify writes it (the digits of a whole number written here, with no string made). */
  number(x: number): void {
    if (!Number.isInteger(x) || Math.abs(x) >= 2 ** 31) return this.ascii(JSON.stringify(x))
    this.room(12)
    if (x < 0) {
      this.buf[this.used++] = 45
      x = -x
    }
    let end = this.used
    for (let y = x; y >= 10; y = Math.floor(y / 10)) end++
    this.used = end + 1
    do {
      this.buf[end--] = 48 + (x % 10)
      x = Math.floor(x / 10)
    } while (x > 0)
  }

  bytes(): Buffer {
    return this.buf.subarray(0, this.used)
  }
}
