/**
 * The joins behind the metrics that relate events to each other (answers to questions, replies to the messages they
 * reply to, people to topics), over the lists the engine keeps (lists.ts). Pure but for the lists: each is read
 * once, and may be left reordered or changed.
 */
import {Groups, NumberList, SortedKeys} from './lists.js'

const HOUR_MS = 3_600_000
/** People per topic key: (topic, person) pairs are `topic * PERSON_SPAN + person`, exact below 2^53. */
export const PERSON_SPAN = 2 ** 26

/** The engine's topic ids (`ids` of them) joined into topics: `of(id)` is the topic of an id, 0…count−1. */
export interface Topics {
  ids: number
  count: number
  of: (id: number) => number
}

/**
 * Topics as the engine numbers them: the topics of each batch's tables (their hash53), one after the other, so a topic
 * found in two batches has two ids. Each id is joined to the index of its hash among the distinct hashes: one number
 * per topic. The topics of one table are distinct already (the table has each once): their ids are the topics.
 */
export function canonicalTopics(sets: ReadonlyArray<ArrayLike<number>>): Topics {
  let ids = 0
  for (const set of sets) ids += set.length
  if (sets.length <= 1) return {ids, count: ids, of: (id) => id}
  const hashes = new NumberList()
  for (const set of sets) for (let i = 0; i < set.length; i++) hashes.push(set[i])
  const keys = new SortedKeys(hashes)
  const canonical = new Int32Array(ids)
  for (let i = 0; i < ids; i++) canonical[i] = keys.indexOf(hashes.at(i))
  return {ids, count: keys.keys.length, of: (id) => canonical[id]}
}

/** Questions of the period: instant, asker, hash53 of src, topic id (-1 when none). */
export interface Questions {
  ms: NumberList
  person: NumberList<Int32Array>
  src: NumberList
  topic: NumberList<Int32Array>
}

/** Answers: instant, person, and the key they are joined on (hash53 of the parent, or a topic id). */
export interface Answers {
  key: NumberList
  ms: NumberList
  person: NumberList<Int32Array>
}

/**
 * The first answer to each question, by someone other than its asker: among the answers whose parent is the
 * question, and those without a parent in its topic from its time on. How many are answered within 24 hours, and
 * the delays (hours, ascending) of the answered ones.
 */
export function firstResponses(
  q: Questions,
  byParent: Answers,
  byTopic: Answers,
  topics: Topics,
): {questions: number; within24h: number; delays: Float64Array} {
  const n = q.ms.length
  const first = new Float64Array(n).fill(Infinity)
  const bySrc = new Groups(q.src)
  for (let a = 0; a < byParent.key.length; a++) {
    const ms = byParent.ms.at(a)
    const person = byParent.person.at(a)
    for (let i = bySrc.first(byParent.key.at(a)); i >= 0; i = bySrc.next(i)) if (person !== q.person.at(i) && ms < first[i]) first[i] = ms
  }
  const topicOf = new NumberList()
  for (let i = 0; i < n; i++) topicOf.push(q.topic.at(i) < 0 ? Number.NaN : topics.of(q.topic.at(i)))
  const byTopicOf = new Groups(topicOf)
  for (let a = 0; a < byTopic.key.length; a++) {
    const ms = byTopic.ms.at(a)
    const person = byTopic.person.at(a)
    for (let i = byTopicOf.first(topics.of(byTopic.key.at(a))); i >= 0; i = byTopicOf.next(i))
      if (person !== q.person.at(i) && ms >= q.ms.at(i) && ms < first[i]) first[i] = ms
  }
  let answered = 0
  for (let i = 0; i < n; i++) if (first[i] !== Infinity) answered++
  const delays = new Float64Array(answered)
  let within24h = 0
  let k = 0
  for (let i = 0; i < n; i++) {
    if (first[i] === Infinity) continue
    const delay = Math.max(0, first[i] - q.ms.at(i))
    if (delay <= 24 * HOUR_MS) within24h++
    delays[k++] = delay / HOUR_MS
  }
  return {questions: n, within24h, delays: delays.sort()}
}

/**
 * The (topic, person) pairs of interactions in topics, as `topic * PERSON_SPAN + person` with the engine's topic ids
 * (rewritten in place with the joined ones): how many topics had a reply, and how many distinct (topic, person) pairs
 * fall in those.
 */
export function topicParticipation(pairs: NumberList, repliedIds: Uint8Array, topics: Topics): {replied: number; participants: number} {
  const replied = new Uint8Array(topics.count)
  for (let id = 0; id < topics.ids; id++) if (repliedIds[id] === 1) replied[topics.of(id)] = 1
  let repliedTopics = 0
  for (let t = 0; t < topics.count; t++) repliedTopics += replied[t]
  // each pair rewritten with its topic, or NaN (left out) when the topic had no reply
  for (const chunk of pairs.chunks()) {
    for (let i = 0; i < chunk.length; i++) {
      const id = Math.floor(chunk[i] / PERSON_SPAN)
      const topic = topics.of(id)
      chunk[i] = replied[topic] === 1 ? topic * PERSON_SPAN + (chunk[i] - id * PERSON_SPAN) : Number.NaN
    }
  }
  const participants = pairs.countDistinct()
  return {replied: repliedTopics, participants}
}

/** Reply links: hash53 of the parent, and the replier. */
export interface Links {
  key: NumberList
  person: NumberList<Int32Array>
}

/**
 * Reply links resolved to the authors of the messages they name, the messages coming after the links (a second read
 * of the events): only the links are kept, with the distinct messages they name, and each message read is looked up
 * among those (the last message read with a src is its author). `result`: how many links resolve, and per person
 * whether they replied to someone else (bit 1) and were replied to by someone else (bit 2).
 */
export class ReplyJoin {
  private readonly parents: SortedKeys
  /** The author of each of `parents`, -1 until a message names it. */
  private readonly author: Int32Array

  constructor(private readonly links: Links) {
    this.parents = new SortedKeys(links.key)
    this.author = new Int32Array(this.parents.keys.length).fill(-1)
  }

  /** A message: hash53 of its src, and its author. */
  message(key: number, person: number): void {
    const k = this.parents.indexOf(key)
    if (k >= 0) this.author[k] = person
  }

  result(people: number): {linked: number; flags: Uint8Array} {
    let linked = 0
    const flags = new Uint8Array(people)
    for (let e = 0; e < this.links.key.length; e++) {
      const author = this.author[this.parents.indexOf(this.links.key.at(e))] ?? -1
      if (author < 0) continue
      linked++
      const replier = this.links.person.at(e)
      if (author === replier) continue
      flags[replier] |= 1
      flags[author] |= 2
    }
    return {linked, flags}
  }
}
