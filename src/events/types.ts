/** Canonical activity events (DESIGN.md "Canonical event") and what importers yield. */
import type {Msg} from '../errors.js'

export const EVENT_TYPES = [
  'join',
  'leave',
  'post',
  'reply',
  'reaction',
  'question',
  'answer',
  'event_register',
  'event_attend',
  'content_publish',
  'content_view',
  'conversion',
] as const

export type EventType = (typeof EVENT_TYPES)[number]

/** One line of `.commops/events/*.ndjson`. */
export interface CanonicalEvent {
  /** ISO 8601 with an offset, in the community's timezone. */
  ts: string
  type: EventType
  /** A platform identity, `platform:id`; `platform:*` for reactions counted without their members. */
  member: string
  channel?: string
  /** The thread or topic the event belongs to. */
  topic?: string
  /** The event's identity in its source (platform + message id, or a stable hash): the key of de-duplication. */
  src: string
  /** The `src` of the message a reply or reaction answers. */
  parent?: string
  /** For a reaction counted without its members: how many there were. */
  count?: number
}

/** A row or message that could not become an event: where it is (`file:line` or a JSON path) and why. */
export interface Rejected {
  at: string
  reason: Msg
}

/**
 * What a parser yields: an event, a rejected row, or a record left out on purpose (a bot, a system notice), by reason.
 * `ms`, when the parser has it, is the instant of `event.ts` as `tsMillis` reads it (the chat exports: then the ts is
 * not read back, twice, for every event). `memberRef`, when the parser has it, is the ref its memberCache gave
 * `event.member` (one number for one member string in the process): the batch's member table finds it by that.
 */
export type ImportItem = {event: CanonicalEvent; ms?: number; memberRef?: number} | {reject: Rejected} | {skip: SkipReason}

/**
 * What a parser yields: items one by one, or (the chat exports, hundreds of thousands of messages) the items of one
 * chunk of the source together, so each item does not cost an asynchronous hand-over.
 */
export type ImportItems = AsyncIterable<ImportItem | ImportItem[]>

export const SKIP_REASONS = ['bot', 'system', 'recall', 'deleted'] as const
export type SkipReason = (typeof SKIP_REASONS)[number]

/** What every parser is told. */
export interface ParseContext {
  /** The community's IANA timezone, for times written without a zone. */
  zone: string
  /** The source as shown in locations (`data/general.json`). */
  display: string
  /** Channel id to record instead of the source's own channel name. */
  channel?: string
  includeBots?: boolean
}

/**
 * A file's bytes, streamed: parsers never open files. A chunk is valid until the next one is asked for (a file is
 * read into one reused buffer): a parser that keeps bytes across chunks copies them.
 */
export type ByteStream = AsyncIterable<Uint8Array>

export const FORMATS = ['discord', 'slack', 'discourse', 'telegram', 'qq', 'csv', 'ndjson'] as const
export type Format = (typeof FORMATS)[number]

/** The index entry of one import batch, in `db.eventBatches`. */
export interface EventBatch {
  /** `B1`, `B2`…; the batch's events are in `.commops/events/<id>.ndjson`, their src hashes in `<id>.srcs`. */
  id: string
  format: Format
  /** The source as the user named it. */
  source: string
  /** SHA-256 of the source's bytes (of every entry, for a Slack export). */
  hash: string
  importedAt: string
  /** Events written to the batch file. */
  events: number
  /** Events already in the workspace (or twice in the source), not written again. */
  duplicates: number
  skipped: Partial<Record<SkipReason, number>>
  rejectedCount: number
  /** The first rejected rows; every one is in `<id>.rejects.ndjson`. */
  rejected: Rejected[]
  /** Earliest and latest event time of the batch. */
  from?: string
  to?: string
}

/** The first and last local day (`YYYY-MM-DD`) of the events imported (batch times are in the community's timezone). */
export function importedDays(batches: readonly EventBatch[]): {first: string; last: string} | undefined {
  let first = ''
  let last = ''
  for (const b of batches) {
    if (b.from !== undefined && (first === '' || b.from < first)) first = b.from
    if (b.to !== undefined && b.to > last) last = b.to
  }
  return first === '' || last === '' ? undefined : {first: first.slice(0, 10), last: last.slice(0, 10)}
}

/** One person behind several platform identities (`members link`). */
export interface Person {
  /** `P1`, `P2`… */
  id: string
  members: string[]
  linkedAt: string
}
