import type {Locale, Translate} from '../i18n/index.js'
import type {Playbook} from '../playbook/types.js'
import type {Db, Store} from '../store/index.js'
import type {Community} from '../workspace/community.js'

/** An artifact a step wants to exist, keyed by a stable id. */
export interface DesiredArtifact {
  id: string
  kind: string
  title: string
  data: unknown
}

/** A manual task a step wants on the list; `key` is stable across runs so reruns do not duplicate it. */
export interface DesiredTask {
  key: string
  /** Keys older commops gave the same task (they depended on the language of the run). */
  aliases?: string[]
  title: string
  owner?: string
  due?: string
}

/** A file a step wants in the workspace (path relative to the workspace root). */
export interface DesiredFile {
  path: string
  content: string
}

/** What a step's plan returns: the state it wants, its outputs for later steps, and lines to show. */
export interface DesiredState {
  artifacts?: DesiredArtifact[]
  tasks?: DesiredTask[]
  files?: DesiredFile[]
  outputs?: Record<string, unknown>
  messages?: string[]
  /** Diff lines the step computed itself, for changes the runner cannot see (e.g. calendar items); non-empty means changed. */
  diff?: string[]
  /** Step-private data for the step type's `apply` hook. */
  payload?: unknown
}

/** Everything a step may read; it never writes: the runner applies the desired state. */
export interface StepContext {
  root: string
  community: Community
  locale: Locale
  timezone: string
  t: Translate
  now: Date
  run: {id: string; date: string; playbook: string}
  playbook: Playbook
  step: {id: string; uses: string}
  /** A snapshot of the store, read-only. */
  db: Db
  /** Stable id for this step's artifact: playbook, step id and resolved inputs. */
  artifactId: string
  inputHash: string
  /** Artifacts planned by earlier steps of this run, by step id. */
  produced: Record<string, DesiredArtifact[]>
  /** `--force`: files commops did not write may be replaced (for a step that writes its own, through `run`). */
  force?: boolean
}

/** A step failed for a reason the user can act on. */
export class StepFailure extends Error {
  constructor(
    message: string,
    readonly hint?: string,
    /** The place in community.yaml to fix, as a JSON pointer, when the user's profile (not the playbook) is at fault. */
    readonly communityPointer?: string,
  ) {
    super(message)
    this.name = 'StepFailure'
  }
}

/**
 * What checking and describing a step needs, without its behaviour: the type, its `with:` schema, a one-line
 * description. The specs alone are the catalogue (src/steps/catalogue.ts) that `validate` checks playbooks against.
 */
export interface StepSpec<I = Record<string, unknown>> {
  type: string
  schema: Record<string, unknown>
  /** What a step of this type produces, for `playbook show`. */
  produces: {en: string; 'zh-CN': string}
  describe(input: I, t: Translate, locale: Locale): string
  /** Earlier steps this step reads besides `needs` and `${{ steps.* }}` references (e.g. export's `artifacts`). */
  needs?(input: I): string[]
  /** Of those, the ones whose failure or skip does not block this step (it copes with their absence). */
  softNeeds?(input: I): string[]
}

/** One step type: its spec and a pure plan of the state it wants. */
export interface StepType<I = Record<string, unknown>> extends StepSpec<I> {
  plan(input: I, ctx: StepContext): DesiredState | Promise<DesiredState>
  /** Extra writes of a changed step: mutates the store inside the runner's one update (pure, no I/O); skipped on dry runs. */
  apply?(state: DesiredState, db: Db): void
  /**
   * For a step whose change is a service that writes on its own (an import writes its batch, then takes the lock):
   * called on a real run when the plan shows a change, before the runner applies the rest; its outputs and messages
   * replace the plan's.
   */
  run?(state: DesiredState, ctx: StepContext, store: Store): Promise<Pick<DesiredState, 'outputs' | 'messages'>>
}
