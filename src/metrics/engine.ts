/**
 * The streaming engine: one pass over resolved events (any order) keeps small per-person and per-day state (people
 * interned to integers, day numbers from the ts and the zone), then `result()` turns it into the event metrics of
 * DESIGN.md "Metric definitions". Memory grows with people and the period's days; the metrics that relate events to
 * each other (answers, topics, reciprocity) also keep up to ~30 bytes per message of the period in typed arrays
 * (lists.ts), joined in `result()` (joins.ts). Reciprocity reads the events twice (`wantsAuthors`, `addAuthors`): the
 * first read keeps the period's reply links, the second looks up each message's author in them, where one read would
 * keep every message from 30 days before the period on.
 *
 * Choices the definitions leave open, stated once:
 * - interactions are post, reply, reaction, question, answer, event_attend; "active" means having one;
 * - events of `platform:*` (reactions counted without their members) are nobody's and are left out;
 * - a member's start is their first join, or their first interaction when earlier or when there is no join (noted);
 *   they are a member from then until a leave later than their last join;
 * - an answer belongs to the question its `parent` names, else to the earlier question of its `topic`;
 *   a question's asker answering it does not count;
 * - reciprocity resolves `parent` of replies and answers in the period against messages from 30 days before it on;
 * - a period outside the range of the events there are is n/a (no data), not a row of zeros.
 */
import {dayDate, periodDays} from './period.js'
import {blocksOf, memberCount, TYPE_CODE, type ColumnTables, type PersonBlock} from '../events/columns.js'
import type {ResolvedEvent} from '../events/stats.js'
import type {EventType} from '../events/types.js'
import type {MetricFilter, MetricId, MetricValue, Period} from './types.js'
import {grown} from '../util/typed-array.js'
import {figure, notAvailable, ratio} from './values.js'
import {canonicalTopics, firstResponses, PERSON_SPAN, ReplyJoin, topicParticipation, type Answers, type Links, type Questions} from './joins.js'
import {int32List, NumberList} from './lists.js'
import {PersonIds} from './person-ids.js'
import {ZoneDays} from './zone-day.js'

export {hash53} from '../events/columns.js'

export const INTERACTIONS: readonly EventType[] = ['post', 'reply', 'reaction', 'question', 'answer', 'event_attend']
/** By type code (columns.ts): 1 for an interaction, 2 for a message (post, reply, question, answer) as well. */
const KIND = new Uint8Array(256)
for (const t of INTERACTIONS) KIND[TYPE_CODE[t]] = 1
for (const t of ['post', 'reply', 'question', 'answer']) KIND[TYPE_CODE[t]] = 3
const T = TYPE_CODE as Readonly<Record<EventType, number>>

const NONE = 2 ** 31 - 1
const NEVER = -(2 ** 31)
const HOUR_MS = 3_600_000
const DAY_MS = 86_400_000

/** The event metrics, in METRICS order. */
export const EVENT_METRICS = [
  'members_total',
  'new_members',
  'growth_rate',
  'active_members',
  'dau',
  'wau',
  'mau',
  'stickiness',
  'interactions_per_active',
  'topic_participation',
  'response_rate_24h',
  'median_first_response_h',
  'event_participation',
  'retention_d7',
  'retention_d30',
  'churn_rate',
  'conversion_rate',
  'answered_share',
  'content_reach',
  'reciprocity',
] as const satisfies readonly MetricId[]

/** The platform of a member id (`discord` of `discord:123`). */
export const platformOf = (member: string): string => member.slice(0, Math.max(0, member.indexOf(':')))

/** A filter as a predicate on events, or undefined when it lets everything through. */
export function eventFilter(filter: MetricFilter = {}): ((e: {member: string; channel?: string}) => boolean) | undefined {
  const channels = filter.channel?.length ? new Set(filter.channel) : undefined
  const platforms = filter.platform?.length ? new Set(filter.platform) : undefined
  if (!channels && !platforms) return undefined
  return (e) => (!channels || channels.has(e.channel ?? '')) && (!platforms || platforms.has(platformOf(e.member)))
}

/**
 * What a reader of blocks needs of a batch's tables, in its own numbering: each member's person as an integer (-1
 * when the member's events are left out: `platform:*`, or a platform the filter does not take), whether each channel
 * passes the filter, and the number of the tables' first topic (topic i of the tables is `topicBase + i`: no array
 * per topic). Extended as the tables grow.
 */
export class TableMap {
  private tables?: ColumnTables
  person: Int32Array = new Int32Array(0)
  channelOk: Uint8Array = new Uint8Array(0)
  topicBase = 0
  /** Whether events without a channel pass the filter. */
  readonly noChannelOk: boolean
  private readonly channels?: Set<string>
  private readonly platforms?: Set<string>

  constructor(
    filter: MetricFilter | undefined,
    private readonly people: People,
    /** Called with each new tables (for their topics): returns the number of their first topic. */
    private readonly topicsOf?: (tables: ColumnTables) => number,
  ) {
    this.channels = filter?.channel?.length ? new Set(filter.channel) : undefined
    this.platforms = filter?.platform?.length ? new Set(filter.platform) : undefined
    this.noChannelOk = !this.channels || this.channels.has('')
  }

  /** Brings the map up to the block's tables. */
  sync(b: PersonBlock): void {
    const t = b.tables
    if (this.tables !== t) {
      this.tables = t
      this.person = new Int32Array(0)
      this.channelOk = new Uint8Array(0)
      this.topicBase = this.topicsOf?.(t) ?? 0
    }
    const members = memberCount(t)
    if (this.person.length < members) {
      const next = new Int32Array(members)
      next.set(this.person)
      for (let i = this.person.length; i < members; i++) {
        const key = b.personKeys[i]
        // the platform from the member's string: made only under a platform filter
        const out = Number.isNaN(key) || (this.platforms !== undefined && !this.platforms.has(platformOf(t.members[i])))
        next[i] = out ? -1 : this.people.internKey(key)
      }
      this.people.cover()
      this.person = next
    }
    if (this.channelOk.length < t.channels.length) {
      const next = new Uint8Array(t.channels.length)
      next.set(this.channelOk)
      for (let i = this.channelOk.length; i < t.channels.length; i++) next[i] = !this.channels || this.channels.has(t.channels[i]) ? 1 : 0
      this.channelOk = next
    }
  }

  /** The person row `i` of a synced block counts for, or -1 when the filter leaves its member or channel out. */
  personAt(b: PersonBlock, i: number): number {
    const p = this.person[b.member[i]]
    if (p < 0) return -1
    const c = b.channel[i]
    return (c < 0 ? this.noChannelOk : this.channelOk[c] !== 0) ? p : -1
  }
}

export interface EngineOptions {
  period: Period
  filter?: MetricFilter
  /** Keep the days behind daily figures (`days` of dau and stickiness). */
  days?: boolean
  /** Only these metrics (default: every event metric): the state the others need is not kept. */
  metrics?: readonly MetricId[]
  /** The numbering of people, when other readers of the same events share it. */
  ids?: PersonIds
}

/**
 * People, as integers (their numbers in `ids`, which other readers of the same pass may share), and what is known of
 * each (in typed arrays, grown as people come: no heap numbers).
 */
export class People {
  private count = 0
  /** Days of the first join, the last leave (of `lastLeave`), the first and the last interaction. */
  joinDay = new Int32Array(1024).fill(NONE)
  leaveDay = new Int32Array(1024).fill(NONE)
  firstActive = new Int32Array(1024).fill(NONE)
  lastActive = new Int32Array(1024).fill(NEVER)
  /** Instants (ms) of the last join and the last leave. */
  lastJoin = new Float64Array(1024).fill(NEVER)
  lastLeave = new Float64Array(1024).fill(NEVER)

  constructor(readonly ids = new PersonIds()) {}

  /** The number of the person whose id has the key `key` (stringKey); `cover` makes room for them. */
  internKey(key: number): number {
    return this.ids.internKey(key)
  }

  /**
   * Room for every person numbered so far (some by the other readers sharing `ids`: they have no events here), called
   * once the people of new tables are numbered: the arrays grow once to the size they need.
   */
  cover(): void {
    const size = this.ids.size
    if (size > this.joinDay.length) this.grow(size)
    this.count = size
  }

  private grow(min: number): void {
    const n = this.joinDay.length
    const more = <A extends Int32Array | Float64Array>(a: A, empty: number): A => {
      const b = grown(a, min)
      b.fill(empty, n)
      return b
    }
    this.joinDay = more(this.joinDay, NONE)
    this.leaveDay = more(this.leaveDay, NONE)
    this.firstActive = more(this.firstActive, NONE)
    this.lastActive = more(this.lastActive, NEVER)
    this.lastJoin = more(this.lastJoin, NEVER)
    this.lastLeave = more(this.lastLeave, NEVER)
  }

  get size(): number {
    return this.count
  }

  /** First day as a member: the first join, or the first interaction when earlier or without a join; NONE when neither. */
  start(p: number): number {
    return Math.min(this.joinDay[p], this.firstActive[p])
  }

  /** True when the start was inferred from activity (no join event). */
  inferred(p: number): boolean {
    return this.joinDay[p] === NONE
  }

  /**
   * A member at the end of `day`: started on or before it and no leave later than the last join (compared as instants,
   * so joining at 09:00 and leaving at 23:00 the same day ends the membership that day). A person who left and joined
   * again is judged by the last join and leave only.
   */
  memberAt(p: number, day: number): boolean {
    if (this.start(p) > day) return false
    const left = this.lastLeave[p] > this.lastJoin[p] ? this.leaveDay[p] : NONE
    return left > day
  }

  /** Records one event's effect on membership and activity (`type` its code, `ms` its instant, `day` its day in the zone). */
  note(p: number, type: number, day: number, ms: number): void {
    if (type === T.join) {
      if (day < this.joinDay[p]) this.joinDay[p] = day
      if (ms > this.lastJoin[p]) this.lastJoin[p] = ms
    } else if (type === T.leave) {
      if (ms > this.lastLeave[p]) {
        this.lastLeave[p] = ms
        this.leaveDay[p] = day
      }
    } else if (KIND[type] !== 0) {
      if (day < this.firstActive[p]) this.firstActive[p] = day
      if (day > this.lastActive[p]) this.lastActive[p] = day
    }
  }
}

/** The kind tables by type code, for other readers of blocks (cohorts.ts). */
export const isInteraction = (type: number): boolean => KIND[type] !== 0

/** Empties the lists of records of lists (Questions, Answers, Links). */
const clear = (...records: object[]): void => {
  for (const r of records) for (const list of Object.values(r) as Array<{clear(): void}>) list.clear()
}

/** What the metrics beyond membership and activity need kept, by metric. */
const NEEDS = {
  answers: new Set<MetricId>(['response_rate_24h', 'median_first_response_h', 'answered_share']),
  topics: new Set<MetricId>(['topic_participation']),
  authors: new Set<MetricId>(['reciprocity']),
}

/** The running state of one metric set; `add` each event (or `addBlock` each block of events), then `result`. */
export class MetricsEngine {
  private readonly zone: ZoneDays
  readonly people: People
  private readonly map: TableMap
  private readonly from: number
  private readonly to: number
  /** First day kept per day: the period and the 30 days ending on its last day. */
  private readonly windowFrom: number
  private readonly fromMs: number
  /** Which metrics, and what their state needs (questions and answers, topics, message authors). */
  private readonly wanted: ReadonlySet<MetricId>
  private readonly keepAnswers: boolean
  private readonly keepTopics: boolean
  private readonly keepAuthors: boolean
  /**
   * Active days in the window, a bitset per person: `words` 32-bit words each, person p's from `p * words`
   * (a bit per (person, day) instead of a Set per day: no hashing, and distinct counts are ORs of words).
   */
  private readonly words: number
  private activeBits = new Uint32Array(0)
  private readonly counts = new Float64Array(256)
  private readonly everCounts = new Float64Array(256)
  private interactions = 0
  private minDay = NONE
  private maxDay = NEVER
  private readonly left = new Set<number>()
  private readonly converted = new Set<number>()
  /**
   * Topics: the topics (hash53 of each) of every batch's tables, numbered one after the other (joined in `result`),
   * whether each had a reply in the period, and the (topic, person) of every interaction in a topic (deduplicated by
   * sorting). The tables are kept, not their topics: tables being built (a cache rebuilt as it is read) give their
   * topics as a new array as they grow.
   */
  private readonly topicSets: ColumnTables[] = []
  private topicReplied = new Uint8Array(1024)
  private readonly topicPairs = new NumberList()
  /** Questions of the period, and answers from its start on by their parent, else by their topic. */
  private readonly questions: Questions = {ms: new NumberList(), person: int32List(), src: new NumberList(), topic: int32List()}
  private readonly answersByParent: Answers = {key: new NumberList(), ms: new NumberList(), person: int32List()}
  private readonly answersByTopic: Answers = {key: new NumberList(), ms: new NumberList(), person: int32List()}
  /** The period's replies and answers (parent, replier), joined to their parents' authors by the second read. */
  private readonly replyLinks: Links = {key: new NumberList(), person: int32List()}
  private replies?: {join: ReplyJoin; map: TableMap}
  private joined?: ReturnType<MetricsEngine['joinLists']>
  private values?: MetricValue[]

  constructor(private readonly o: EngineOptions) {
    this.zone = new ZoneDays(o.period.zone)
    this.people = new People(o.ids)
    this.wanted = new Set(o.metrics ?? EVENT_METRICS)
    const wants = (ids: Set<MetricId>) => [...ids].some((id) => this.wanted.has(id))
    this.keepAnswers = wants(NEEDS.answers)
    this.keepTopics = wants(NEEDS.topics)
    this.keepAuthors = wants(NEEDS.authors)
    const topicsOf = (tables: ColumnTables) => {
      // the tables before these are complete: a batch's tables stop growing when the next ones come
      let base = 0
      for (const set of this.topicSets) base += set.topics.length
      this.topicSets.push(tables)
      const topics = tables.topics
      // room for the flags of these topics at once (tables read from a cache come whole)
      if (this.keepTopics && this.topicReplied.length < base + topics.length) this.topicReplied = grown(this.topicReplied, base + topics.length)
      return base
    }
    this.map = new TableMap(o.filter, this.people, this.keepAnswers || this.keepTopics ? topicsOf : undefined)
    ;[this.from, this.to] = periodDays(o.period)
    this.windowFrom = Math.min(this.from, this.to - 29)
    this.words = Math.ceil((this.to - this.windowFrom + 1) / 32)
    // the period's first instant can be no earlier than its first day at UTC+14
    this.fromMs = this.from * DAY_MS - 14 * HOUR_MS
  }

  /** Room in the bitsets for every person interned so far. */
  private growBits(): void {
    const need = this.people.size * this.words
    if (this.activeBits.length < need) this.activeBits = grown(this.activeBits, need)
  }

  /** Every event of a block. */
  addBlock(b: PersonBlock): void {
    const map = this.map
    map.sync(b)
    this.growBits()
    const {ms: msCol, type: typeCol, topic: topicCol, src, parent} = b
    const {zone, people, activeBits: bits, words, windowFrom, from, to, keepAnswers, keepTopics, keepAuthors} = this
    const counts = this.counts
    const everCounts = this.everCounts
    for (let i = 0; i < b.length; i++) {
      const p = map.personAt(b, i)
      if (p < 0) continue
      const ms = msCol[i]
      if (Number.isNaN(ms)) continue
      const day = zone.dayOf(ms)
      const type = typeCol[i]
      const kind = KIND[type]
      people.note(p, type, day, ms)
      everCounts[type]++
      if (day < this.minDay) this.minDay = day
      if (day > this.maxDay) this.maxDay = day
      const interaction = kind !== 0
      if (interaction && day >= windowFrom && day <= to) {
        const d = day - windowFrom
        bits[p * words + (d >>> 5)] |= 1 << (d & 31)
      }
      const par = parent[i]
      if (keepAnswers && type === T.answer && ms >= this.fromMs) {
        const t = topicCol[i]
        const list = !Number.isNaN(par) ? this.answersByParent : t >= 0 ? this.answersByTopic : undefined
        if (list) {
          list.key.push(!Number.isNaN(par) ? par : map.topicBase + t)
          list.ms.push(ms)
          list.person.push(p)
        }
      }
      if (day < from || day > to) continue
      counts[type]++
      if (interaction) {
        this.interactions++
        if (keepTopics && topicCol[i] >= 0) {
          const topic = map.topicBase + topicCol[i]
          this.topicPairs.push(topic * PERSON_SPAN + p)
          if (type === T.reply) {
            if (topic >= this.topicReplied.length) this.topicReplied = grown(this.topicReplied, topic + 1)
            this.topicReplied[topic] = 1
          }
        }
      }
      if (type === T.leave) this.left.add(p)
      else if (type === T.conversion) this.converted.add(p)
      else if (keepAnswers && type === T.question) {
        const t = topicCol[i]
        this.questions.ms.push(ms)
        this.questions.person.push(p)
        this.questions.src.push(src[i])
        this.questions.topic.push(t < 0 ? -1 : map.topicBase + t)
      }
      if (keepAuthors && (type === T.reply || type === T.answer) && !Number.isNaN(par)) {
        this.replyLinks.key.push(par)
        this.replyLinks.person.push(p)
      }
    }
  }

  /**
   * Whether `result` needs a second read of the same events, each block given to `addAuthors`: reciprocity wants the
   * authors of the messages the period's replies name.
   */
  get wantsAuthors(): boolean {
    return this.keepAuthors && this.replyLinks.key.length > 0
  }

  /**
   * Every event of a block, read again after every block went to `addBlock`: the messages from 30 days before the period
   * on give their authors to the reply links that name them. The first call joins and lets go of the other lists.
   */
  addAuthors(b: PersonBlock): void {
    if (!this.replies) {
      this.joined ??= this.joinLists()
      this.replies = {join: new ReplyJoin(this.replyLinks), map: new TableMap(this.o.filter, this.people)}
    }
    const {join, map} = this.replies
    map.sync(b)
    const {ms: msCol, type: typeCol, src} = b
    const {zone, from, to} = this
    for (let i = 0; i < b.length; i++) {
      if (KIND[typeCol[i]] !== 3) continue
      const p = map.personAt(b, i)
      if (p < 0) continue
      const ms = msCol[i]
      if (Number.isNaN(ms)) continue
      const day = zone.dayOf(ms)
      if (day >= from - 30 && day <= to) join.message(src[i], p)
    }
  }

  /** The answers and topics joins of the lists of the first read, which are let go. */
  private joinLists() {
    const topics = canonicalTopics(this.topicSets.map((t) => t.topics))
    const answers = firstResponses(this.questions, this.answersByParent, this.answersByTopic, topics)
    clear(this.questions, this.answersByParent, this.answersByTopic)
    const topicShare = topicParticipation(this.topicPairs, this.topicReplied, topics)
    this.topicPairs.clear()
    this.topicSets.length = 0
    return {answers, topicShare}
  }

  /** The bit masks, one per word of a person's bitset, of days `a..b` (day numbers inside the kept window). */
  private masks(a: number, b: number): Uint32Array {
    const out = new Uint32Array(this.words)
    for (let d = a - this.windowFrom; d <= b - this.windowFrom; d++) out[d >>> 5] |= 1 << (d & 31)
    return out
  }

  /** Whether person p was active on a day of `masks`. */
  private activeIn(p: number, masks: Uint32Array): boolean {
    const base = p * this.words
    for (let k = 0; k < masks.length; k++) if ((this.activeBits[base + k] & masks[k]) !== 0) return true
    return false
  }

  /** Distinct actives per day of the window (index: day − windowFrom). */
  private perDay(): Float64Array {
    const out = new Float64Array(this.words * 32)
    const bits = this.activeBits
    for (let j = 0; j < this.people.size * this.words; j++) {
      let w = bits[j]
      const at = (j % this.words) * 32
      while (w !== 0) {
        const low = w & -w
        out[at + 31 - Math.clz32(low)]++
        w ^= low
      }
    }
    return out
  }

  private daily(perDay: Float64Array, a: number, b: number): {mean: number; sum: number; days: Array<{date: string; value: number}>} {
    const days: Array<{date: string; value: number}> = []
    let sum = 0
    for (let d = a; d <= b; d++) {
      const n = perDay[d - this.windowFrom]
      sum += n
      if (this.o.days === true) days.push({date: dayDate(d), value: n})
    }
    return {mean: sum / (b - a + 1), sum, days}
  }

  /** The event metrics of the period, in EVENT_METRICS order (computed once: the lists behind them are let go). */
  result(): MetricValue[] {
    this.values ??= this.compute()
    return this.values
  }

  private compute(): MetricValue[] {
    const {from, to} = this
    if (this.maxDay === NEVER || to < this.minDay || from > this.maxDay) {
      const reason = this.maxDay === NEVER ? 'noEvents' : 'noData'
      const params = this.maxDay === NEVER ? undefined : {first: dayDate(this.minDay), last: dayDate(this.maxDay)}
      return EVENT_METRICS.filter((id) => this.wanted.has(id)).map((id) => notAvailable(id, reason, {}, params ? {params} : {}))
    }
    const partial =
      from < this.minDay || to > this.maxDay ? [{key: 'metrics.note.partial', params: {first: dayDate(this.minDay), last: dayDate(this.maxDay)}}] : []
    const withDays = this.o.days === true
    const people = this.people
    const count = (id: MetricId, n: number, inputs: Record<string, number> = {}) => figure(id, n, inputs, {notes: partial})

    // membership
    let total = 0
    let atStart = 0
    let joined = 0
    let inferred = 0
    const cohort: number[] = []
    for (let p = 0; p < people.size; p++) {
      if (people.memberAt(p, to)) total++
      if (people.memberAt(p, from - 1)) atStart++
      const start = people.start(p)
      if (start >= from && start <= to) {
        joined++
        cohort.push(p)
        if (people.inferred(p)) inferred++
      }
    }
    const inferredNote = inferred > 0 ? [{key: 'metrics.note.inferredJoins', params: {n: inferred}}] : []

    // activity
    const inPeriod = this.masks(from, to)
    const in30 = this.masks(to - 29, to)
    const in7 = this.masks(to - 6, to)
    const active = new Uint8Array(people.size)
    let activeN = 0
    let mau = 0
    let wau = 0
    for (let p = 0; p < people.size; p++) {
      if (this.activeIn(p, inPeriod)) {
        active[p] = 1
        activeN++
      }
      if (this.activeIn(p, in30)) mau++
      if (this.activeIn(p, in7)) wau++
    }
    const perDay = this.perDay()
    const dau = this.daily(perDay, from, to)
    const month = this.daily(perDay, to - 29, to)

    // the joins: each reads its lists once, then they are let go
    if (this.wantsAuthors && !this.replies) throw new Error('reciprocity needs the events read again (addAuthors)')
    const {answers, topicShare} = (this.joined ??= this.joinLists())
    const questions = answers.questions
    const answered24 = answers.within24h
    const answeredEver = answers.delays.length
    const delays = answers.delays
    const median = delays.length
      ? delays.length % 2
        ? delays[(delays.length - 1) / 2]
        : (delays[delays.length / 2 - 1] + delays[delays.length / 2]) / 2
      : 0
    const topicsReplied = topicShare.replied
    const topicPeople = topicShare.participants
    const links = this.replies?.join.result(people.size) ?? {linked: 0, flags: new Uint8Array(people.size)}
    this.replies = undefined
    clear(this.replyLinks)
    const linked = links.linked
    let replied = 0
    let repliedTo = 0
    let mutual = 0
    for (let p = 0; p < people.size; p++) {
      const f = links.flags[p]
      if ((f & 1) !== 0) replied++
      if ((f & 2) !== 0) repliedTo++
      if (f === 3 && active[p] === 1) mutual++
    }

    // retention
    const retention = (id: MetricId, n: number): MetricValue => {
      let eligible = 0
      let retained = 0
      for (const p of cohort) {
        const start = people.start(p)
        if (start + n > this.maxDay) continue
        eligible++
        if (people.lastActive[p] >= start + n) retained++
      }
      const inputs = {joined, eligible, retained}
      const tooRecent = joined - eligible
      const notes = [...inferredNote, ...(tooRecent > 0 ? [{key: 'metrics.note.tooRecent', params: {n: tooRecent, days: n}}] : [])]
      if (joined === 0) return notAvailable(id, 'noJoins', inputs)
      if (eligible === 0) return notAvailable(id, 'tooRecent', inputs, {notes, params: {days: n, last: dayDate(this.maxDay)}})
      return figure(id, retained / eligible, inputs, {notes})
    }

    const c = (t: EventType) => this.counts[T[t]]
    const values: Record<MetricId, MetricValue> = {
      members_total: count('members_total', total, {members: total}),
      new_members: figure('new_members', joined, {joined, inferred}, {notes: [...inferredNote, ...partial]}),
      growth_rate: ratio('growth_rate', joined, atStart, {joined, members_at_start: atStart}, 'noMembersAtStart', {notes: inferredNote}),
      active_members: count('active_members', activeN, {active: activeN}),
      dau: figure('dau', dau.mean, {days: to - from + 1, active_days_total: dau.sum}, {notes: partial, days: withDays ? dau.days : undefined}),
      wau: count('wau', wau, {active_7d: wau}),
      mau: count('mau', mau, {active_30d: mau}),
      stickiness: ratio('stickiness', month.mean, mau, {mean_daily_30d: Math.round(month.mean * 100) / 100, mau}, 'noActive', {
        notes: partial,
        days: withDays ? month.days : undefined,
      }),
      interactions_per_active: ratio(
        'interactions_per_active',
        this.interactions,
        activeN,
        {interactions: this.interactions, active: activeN},
        'noActive',
      ),
      topic_participation: ratio(
        'topic_participation',
        topicPeople,
        topicsReplied,
        {topics_with_reply: topicsReplied, participants: topicPeople},
        'noTopics',
      ),
      response_rate_24h: ratio('response_rate_24h', answered24, questions, {questions, answered_24h: answered24}, 'noQuestions'),
      median_first_response_h:
        delays.length > 0
          ? figure('median_first_response_h', median, {questions, answered: answeredEver})
          : notAvailable('median_first_response_h', questions ? 'noAnswers' : 'noQuestions', {
              questions,
              answered: 0,
            }),
      event_participation: ratio(
        'event_participation',
        c('event_attend'),
        c('event_register'),
        {attended: c('event_attend'), registered: c('event_register')},
        'noRegistrations',
      ),
      retention_d7: retention('retention_d7', 7),
      retention_d30: retention('retention_d30', 30),
      churn_rate: ratio('churn_rate', this.left.size, atStart, {left: this.left.size, members_at_start: atStart}, 'noMembersAtStart'),
      conversion_rate:
        this.everCounts[T.conversion] === 0
          ? notAvailable('conversion_rate', 'noConversionEvents', {converted: 0, active: activeN})
          : ratio('conversion_rate', this.converted.size, activeN, {converted: this.converted.size, active: activeN}, 'noActive'),
      answered_share: ratio('answered_share', answeredEver, questions, {questions, answered: answeredEver}, 'noQuestions'),
      content_reach: ratio(
        'content_reach',
        c('content_view'),
        c('content_publish'),
        {views: c('content_view'), published: c('content_publish')},
        'noContent',
      ),
      reciprocity:
        linked === 0
          ? notAvailable('reciprocity', activeN ? 'noReplyLinks' : 'noActive', {active: activeN, reciprocal: 0})
          : ratio('reciprocity', mutual, activeN, {active: activeN, reciprocal: mutual, replied, replied_to: repliedTo}, 'noActive'),
    } as Record<MetricId, MetricValue>
    return EVENT_METRICS.filter((id) => this.wanted.has(id)).map((id) => values[id])
  }
}

/** The event metrics of a stream for one period (a convenience over MetricsEngine). */
export async function eventMetrics(events: AsyncIterable<ResolvedEvent> | Iterable<ResolvedEvent>, o: EngineOptions): Promise<MetricValue[]> {
  const engine = new MetricsEngine(o)
  const all: ResolvedEvent[] = []
  for await (const e of events) all.push(e)
  const blocks = [...blocksOf(all)]
  for (const b of blocks) engine.addBlock(b)
  if (engine.wantsAuthors) for (const b of blocks) engine.addAuthors(b)
  return engine.result()
}
