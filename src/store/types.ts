import type {CalendarItem, RemovedItem} from '../calendar/types.js'
import type {EventBatch, Person} from '../events/types.js'
import type {CsvMapping} from '../events/import/csv.js'
import type {MemberRecordsIndex} from '../members/records.js'
import type {Incident} from '../rules/types.js'
import type {Scorecard} from '../scorecard/types.js'
import type {ResponseBatch, StoredSurvey} from '../survey/types.js'
/** The shape of `.commops/db.json`: plain data, serialisable as JSON. */

/** A generated thing (rule set, calendar, survey, scorecard…), keyed by a stable id. */
export interface Artifact {
  id: string
  kind: string
  stepType?: string
  playbook?: string
  step?: string
  inputHash: string
  title?: string
  data: unknown
  createdAt: string
  updatedAt: string
}

/** A follow-up for a person, created by hand or by a playbook step. */
export interface Task {
  /** 'T1', 'T2', … from `nextId(db, 'T')`. */
  id: string
  /** Stable key of a playbook-created task, so reruns update it instead of adding another. */
  key?: string
  title: string
  /** Who it is for: a role (`版主 / moderator`) or a person. */
  owner?: string
  /** The person it was given to (`task assign`), when not left to whoever holds the role. */
  assignee?: string
  /** ISO date, `YYYY-MM-DD`. */
  due?: string
  note?: string
  /** `obsolete`: its playbook step no longer asks for it; `removed`: a person removed a playbook task (kept so reruns do not bring it back). */
  status: 'open' | 'done' | 'obsolete' | 'removed'
  source?: {playbook: string; run: string; step: string}
  /** Fields a person changed by hand (src/tasks), which playbook runs leave as they are. */
  edited?: TaskField[]
  createdAt: string
  doneAt?: string
  /** When it became obsolete or was removed. */
  closedAt?: string
}

/** The fields of a task a person may change by hand; `status` marks a task reopened by hand. */
export type TaskField = 'title' | 'owner' | 'due' | 'note' | 'status'

export type StepStatus = 'ok' | 'changed' | 'skipped' | 'failed'

export interface StepRecord {
  id: string
  uses: string
  status: StepStatus
  durationMs: number
  error?: string
  outputs?: Record<string, unknown>
}

/** One playbook run: who, when, inputs' hashes and every step's result. */
export interface RunRecord {
  id: string
  playbook: string
  phase?: string
  vars: Record<string, unknown>
  inputHashes: Record<string, string>
  /** `running` from the start of the run until it finishes; `interrupted` when its process died first. */
  status: 'ok' | 'changed' | 'failed' | 'running' | 'interrupted'
  steps: StepRecord[]
  user: string
  startedAt: string
  /** Absent while the run runs (and after it was interrupted). */
  finishedAt?: string
  durationMs: number
  /** The process and machine of a `running` record, to tell a live run from a killed one. */
  pid?: number
  host?: string
}

export interface Db {
  version: number
  artifacts: Record<string, Artifact>
  runs: RunRecord[]
  tasks: Task[]
  /** Last number handed out per id prefix, see `nextId`. */
  counters: Record<string, number>
  /** Files commops wrote in the workspace (relative path → content hash), so it never overwrites a file it did not write. */
  files: Record<string, WrittenFile>
  /** Content calendar items (src/calendar). */
  calendar: CalendarItem[]
  /** Generated calendar items a person removed, so regeneration does not bring them back (src/calendar). */
  calendarRemoved: RemovedItem[]
  /** Moderation incidents per member (src/rules). */
  incidents: Incident[]
  /** Surveys by id (src/survey). */
  surveys: Record<string, StoredSurvey>
  /** The index of ingested survey responses: one entry per batch file under `.commops/responses/` (src/survey). */
  responseBatches: ResponseBatch[]
  /** The index of imported activity: one entry per batch file under `.commops/events/` (src/events). */
  eventBatches: EventBatch[]
  /** Identities linked into one person by hand (`members link`); a member record's identities are one person without a link here (members/identity resolvePersons). */
  memberLinks: Person[]
  /** Where the member records are (`.commops/members/<file>.ndjson`) and the anonymizing secret (`members import|export`). */
  memberRecords: MemberRecordsIndex
  /** CSV column mappings saved by `events import --save-preset` (src/events). */
  eventPresets: Record<string, CsvMapping>
  /** Graded periods by key (period label, then filter): computing a period again replaces it (src/scorecard). */
  scorecards: Record<string, Scorecard>
  // members.incentives: begin
  /**
   * The index of the members' incentive files under `.commops/ledger/` (src/members): `computed` (the ledger
   * recomputed from events × rules, named by its hash), `manual` (awards and deductions) and `badges` (awards and
   * revocations), both append-only; only the first `entries` lines (`bytes` bytes) of a file count.
   */
  incentives: Partial<Record<'computed' | 'manual' | 'badges', IncentiveFile>>
  // members.incentives: end
}

// members.incentives: begin
/** One incentive file's index entry. */
export interface IncentiveFile {
  /** File name under `.commops/ledger/`. */
  file: string
  entries: number
  bytes: number
  /** SHA-256 of the file's counted bytes. */
  hash: string
  updatedAt: string
  /** For the computed ledger: hash of the rules and of the inputs it was computed from. */
  rulesHash?: string
  inputsHash?: string
  /** For the computed ledger: the file of its points per month and member (`computed-<hash>.months.json`), read instead of the whole ledger for month-aligned periods. */
  months?: string
}
// members.incentives: end

export interface WrittenFile {
  hash: string
  writtenAt: string
  run?: string
  /** Hash of content commops is about to write: until confirmed, a file holding it is commops' too (see util/owned-file). */
  pending?: string
}
