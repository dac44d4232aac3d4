import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {CommopsError, fromSystemError, type SourceLocation} from '../errors.js'
import {pick, type Locale, translator} from '../i18n/index.js'
import {compile} from '../schema/ajv.js'
import {finishRun, reserveRun, type Db, type RunRecord, type Store} from '../store/index.js'
import {getStepType} from '../steps/registry.js'
import {applyTaskSync, planTaskSync, syncChanges, syncDiff, type TaskSource, type TaskSync} from '../tasks/sync.js'
import {StepFailure, type DesiredArtifact, type DesiredState, type StepContext} from '../steps/types.js'
import {dateIn} from '../util/dates.js'
import {canonicalJson, stableHash} from '../util/json.js'
import {debugStack, describeBug, productInfo} from '../util/bug-report.js'
import {execPathKind} from '../util/exec-paths.js'
import {resolveInside} from '../util/fs.js'
import {currentUser} from '../util/user.js'
import {contentHash, owns, writeOwnedFiles} from '../util/owned-file.js'
import type {Workspace} from '../workspace/index.js'
import {locateInCommunity} from '../workspace/locate.js'
import {lineDiff, summarize} from './diff.js'
import {ExprError, isTruthy, referencesIn, resolveDeep} from './expr.js'
import {jsonBytes, MAX_ARTIFACT, MAX_STEP_OUTPUT} from './limits.js'
import type {Playbook, PlaybookStep} from './types.js'

export type EventStatus = 'ok' | 'changed' | 'skipped' | 'failed'

/** One step's result, as the runner yields it. */
export interface StepEvent {
  id: string
  uses: string
  name: string
  description: string
  status: EventStatus
  diff?: string[]
  outputs: Record<string, unknown>
  messages?: string[]
  /** `bug`: an unexpected error (a programming error in commops), not something the user can fix. */
  error?: {message: string; hint?: string; location?: SourceLocation; bug?: boolean}
  durationMs: number
}

/** Emitted just before a step starts, so a live view can show it as running. */
export interface StepStart {
  id: string
  uses: string
  name: string
  description: string
  starting: true
}

export interface RunOptions {
  playbook: Playbook
  ws: Workspace
  store: Store
  vars: Record<string, unknown>
  only?: string[]
  dryRun?: boolean
  force?: boolean
  now?: Date
  user?: string
  locale?: Locale
  /** Maps a JSON pointer in the playbook to `file:line:col`, so run-time failures are located. */
  locate?: (pointer: string) => SourceLocation
}

/** Ids of the steps a step depends on: its `needs` and the steps its expressions read. */
export function dependencies(step: PlaybookStep): string[] {
  const deps = new Set([...(step.needs ?? []), ...(getStepType(step.uses)?.needs?.(step.with ?? {}) ?? [])])
  for (const ref of referencesIn({with: step.with, when: step.when, name: step.name}, () => undefined)) {
    if (ref.root === 'steps' && ref.path[0]) deps.add(ref.path[0])
  }
  return [...deps]
}

/** The steps selected by --only plus everything they depend on. */
function selection(playbook: Playbook, only: string[] | undefined): Set<string> | undefined {
  if (!only || only.length === 0) return undefined
  const byId = new Map(playbook.steps.map((s) => [s.id, s]))
  const chosen = new Set<string>()
  const add = (id: string) => {
    if (chosen.has(id) || !byId.has(id)) return
    chosen.add(id)
    for (const dep of dependencies(byId.get(id)!)) add(dep)
  }
  for (const id of only) add(id)
  return chosen
}

/** Compares a step's desired state with the store and the workspace; returns the diff lines and the files to write. */
async function diffState(
  state: DesiredState,
  db: Db,
  root: string,
  force: boolean,
  t: ReturnType<typeof translator>,
  source: TaskSource,
): Promise<{diff: string[]; files: Array<{path: string; full: string; content: string; hash: string}>}> {
  const diff: string[] = []
  for (const a of state.artifacts ?? []) {
    const old = db.artifacts[a.id]
    if (!old) diff.push(`+ ${a.kind} ${a.id} (${summarize(a.data)})`)
    else if (canonicalJson(old.data) !== canonicalJson(a.data)) diff.push(`~ ${a.kind} ${a.id} (${summarize(old.data)} → ${summarize(a.data)})`)
  }
  if (state.tasks) diff.push(...syncDiff(planTaskSync(db.tasks, source, state.tasks), db.tasks))
  diff.push(...(state.diff ?? []))
  const files = []
  for (const f of state.files ?? []) {
    const kind = execPathKind(f.path)
    if (kind) throw new StepFailure(t('run.execFile', {path: f.path, kind: t(`exec.kind.${kind}`)}), t('run.execFile.hint'))
    const full = resolveInside(root, f.path)
    const hash = contentHash(f.content)
    const current = existsSync(full) ? await readFile(full, 'utf8') : undefined
    if (current === f.content) continue
    if (current !== undefined && !force) {
      if (!owns(db.files[f.path], current)) throw new StepFailure(t('run.notOwned', {path: f.path}), t('run.notOwned.hint'))
    }
    if (current === undefined) diff.push(`+ file ${f.path} (${Buffer.byteLength(f.content)} bytes)`)
    else diff.push(`~ file ${f.path}`, ...lineDiff(current, f.content).map((l) => `    ${l}`))
    files.push({path: f.path, full, content: f.content, hash})
  }
  return {diff, files}
}

/** A change of the store a step made, applied under the store's lock to the data as it is then. */
type Change = (db: Db) => void

/** The store changes of a step's desired state: its artifacts, its tasks and its own `apply`. */
function stateChange(
  state: DesiredState,
  meta: {playbook: string; step: string; stepType: string; inputHash: string; run: string},
  hook?: (db: Db) => void,
): Change {
  return (db) => {
    const now = new Date().toISOString()
    for (const a of state.artifacts ?? []) {
      const old = db.artifacts[a.id]
      db.artifacts[a.id] = {
        id: a.id,
        kind: a.kind,
        title: a.title,
        stepType: meta.stepType,
        playbook: meta.playbook,
        step: meta.step,
        inputHash: meta.inputHash,
        data: a.data,
        createdAt: old?.createdAt ?? now,
        updatedAt: old && canonicalJson(old.data) === canonicalJson(a.data) ? old.updatedAt : now,
      }
    }
    if (state.tasks) applyTaskSync(db, {playbook: meta.playbook, step: meta.step}, state.tasks, {run: meta.run, now})
    hook?.(db)
  }
}

/**
 * Writes a step's files, checked and recorded under the store lock (see writeOwnedFiles), with the changes of the
 * steps before it that were kept back and its own in the same update. Returns the store as that update left it, the
 * run's next snapshot.
 */
async function applyFiles(
  files: Array<{path: string; full: string; content: string; hash: string}>,
  store: Store,
  changes: Change[],
  meta: {run: string; force: boolean},
): Promise<Db> {
  const writes = files.map((f) => ({rel: f.path, full: f.full, content: f.content}))
  const after = await writeOwnedFiles(store, writes, {
    force: meta.force,
    run: meta.run,
    record: (db) => {
      for (const change of changes) change(db)
      return db
    },
  })
  return after!
}

/** Runs a playbook step by step, yielding a start and a result event per step; returns the run record. */
export async function* runPlaybook(o: RunOptions): AsyncGenerator<StepEvent | StepStart, RunRecord> {
  const {playbook, ws, store} = o
  const locale = o.locale ?? ws.locale
  const t = translator(locale)
  const now = o.now ?? new Date()
  const started = Date.now()
  const user = o.user ?? currentUser()
  // The id is reserved before any step runs, so what the steps write names a run that exists. The store is read once,
  // by that update; after it, each update that writes returns the store as it left it, the run's next snapshot.
  const reserved = o.dryRun
    ? {id: 'dry-run', db: await store.read()}
    : await reserveRun(store, {playbook: playbook.name, phase: playbook.phase, vars: o.vars, user, startedAt: now.toISOString()})
  const runId = reserved.id
  let db = reserved.db
  // Changes of the store that write no file are kept back, applied at once to the run's snapshot (a copy, so the
  // steps after see them) and to the store by the next update that writes: a step's files, or the run's end.
  let pending: Change[] = []
  const keep = (change: Change) => {
    const next = structuredClone(db)
    change(next)
    db = next
    pending.push(change)
  }
  /** Writes a step's files with the changes kept back and its own in one update; on failure nothing of the step is kept. */
  const flush = async (files: Parameters<typeof applyFiles>[0], change: Change) => {
    db = await applyFiles(files, store, [...pending, change], {run: runId, force: o.force ?? false})
    pending = []
  }
  const run = {id: runId, date: dateIn(now, ws.timezone), playbook: playbook.name}
  const scope: Record<string, unknown> = {vars: o.vars, community: ws.community, run, steps: {}}
  const stepsScope = scope.steps as Record<string, {outputs: Record<string, unknown>; status: EventStatus}>
  const chosen = selection(playbook, o.only)
  const produced: Record<string, DesiredArtifact[]> = {}
  const events: StepEvent[] = []
  const inputHashes: Record<string, string> = {}

  for (const [index, step] of playbook.steps.entries()) {
    const type = getStepType(step.uses)
    const name = pick(step.name, locale) || step.id
    const t0 = Date.now()
    const finish = (status: EventStatus, extra: Partial<StepEvent> = {}): StepEvent => {
      const event: StepEvent = {
        id: step.id,
        uses: step.uses,
        name,
        description: extra.description ?? '',
        status,
        outputs: {},
        durationMs: Date.now() - t0,
        ...extra,
      }
      stepsScope[step.id] = {outputs: event.outputs, status}
      events.push(event)
      return event
    }
    if (chosen && !chosen.has(step.id)) {
      yield finish('skipped', {messages: [t('run.skippedOnly')]})
      continue
    }
    const soft = new Set(type?.softNeeds?.(step.with ?? {}) ?? [])
    const blocked = dependencies(step).find(
      (d) => !soft.has(d) && stepsScope[d] && (stepsScope[d].status === 'failed' || stepsScope[d].status === 'skipped'),
    )
    if (blocked) {
      yield finish('skipped', {messages: [t('run.skippedBecause', {need: blocked, status: t(`status.${stepsScope[blocked].status}`)})]})
      continue
    }
    try {
      if (step.when !== undefined && !isTruthy(resolveDeep(step.when, scope))) {
        // the step no longer applies: the open tasks it made before are closed as obsolete, and the run says so
        const closed = planTaskSync(db.tasks, {playbook: playbook.name, step: step.id}, undefined)
        if (!o.dryRun && syncChanges(closed)) {
          keep((d) => applyTaskSync(d, {playbook: playbook.name, step: step.id}, undefined, {run: runId, now: new Date().toISOString()}))
        }
        const messages = [t('run.skippedWhen'), ...obsoleteMessages(closed, t)]
        yield finish('skipped', {messages, diff: syncDiff(closed, db.tasks)})
        continue
      }
      if (!type) throw new StepFailure(t('playbook.unknownStep', {uses: step.uses}))
      const input = resolveDeep(step.with ?? {}, scope) as Record<string, unknown>
      const validateInput = compile(type.schema, 'step', type.type)
      if (!validateInput(input)) {
        const e = validateInput.errors![0]
        throw new StepFailure(`with${e.instancePath.replace(/\//g, '.')} ${e.message ?? ''}: ${JSON.stringify(e.data)}`)
      }
      const description = type.describe(input, t, locale)
      yield {id: step.id, uses: step.uses, name, description, starting: true}
      const inputHash = stableHash({uses: step.uses, input, deps: dependencies(step).map((d) => stepsScope[d]?.outputs)})
      inputHashes[step.id] = inputHash
      const ctx: StepContext = {
        root: ws.root,
        community: ws.community,
        locale,
        timezone: ws.timezone,
        t,
        now,
        run,
        playbook,
        db,
        step: {id: step.id, uses: step.uses},
        artifactId: `${playbook.name}.${step.id}.${inputHash.slice(0, 8)}`,
        inputHash,
        produced,
        force: o.force ?? false,
      }
      const state = await type.plan(input, ctx)
      checkSizes(state, t)
      const before = db
      produced[step.id] = state.artifacts ?? []
      const {diff, files} = await diffState(state, db, ws.root, o.force ?? false, t, {playbook: playbook.name, step: step.id})
      if (!o.dryRun && diff.length > 0) {
        if (type.run) Object.assign(state, await type.run(state, ctx, store))
        const change = stateChange(
          state,
          {playbook: playbook.name, step: step.id, stepType: step.uses, inputHash, run: runId},
          type.apply ? (d) => type.apply!(state, d) : undefined,
        )
        // files are written with the changes so far; a step that wrote the store itself (run) is read back at once
        if (files.length > 0 || type.run) await flush(files, change)
        else keep(change)
      }
      const closed = state.tasks ? obsoleteMessages(planTaskSync(before.tasks, {playbook: playbook.name, step: step.id}, state.tasks), t) : []
      const messages = state.messages || closed.length > 0 ? [...(state.messages ?? []), ...closed] : undefined
      yield finish(diff.length > 0 ? 'changed' : 'ok', {description, diff, outputs: state.outputs ?? {}, messages})
    } catch (error) {
      const pointer =
        error instanceof ExprError && error.pointer !== undefined
          ? `/steps/${index}/${error.pointer === '' ? 'when' : `with${error.pointer}`}`
          : `/steps/${index}/uses`
      const location =
        error instanceof StepFailure && error.communityPointer !== undefined ? locateInCommunity(ws, error.communityPointer) : o.locate?.(pointer)
      yield finish('failed', {error: {...describeError(error, t), location}})
    }
  }

  const failed = events.some((e) => e.status === 'failed')
  const record: RunRecord = {
    id: runId,
    playbook: playbook.name,
    phase: playbook.phase,
    vars: o.vars,
    inputHashes,
    status: failed ? 'failed' : events.some((e) => e.status === 'changed' || (e.diff?.length ?? 0) > 0) ? 'changed' : 'ok',
    steps: events.map((e) => ({id: e.id, uses: e.uses, status: e.status, durationMs: e.durationMs, error: e.error?.message, outputs: e.outputs})),
    user,
    startedAt: now.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
  }
  if (!o.dryRun) await finishRun(store, record, (d) => pending.forEach((change) => change(d)))
  return record
}

/** Refuses a step whose outputs or artifacts exceed the run's limits, before anything of it is written. */
function checkSizes(state: DesiredState, t: ReturnType<typeof translator>): void {
  const mb = (bytes: number) => (bytes / 1_000_000).toFixed(bytes < 10_000_000 ? 1 : 0)
  const output = jsonBytes({outputs: state.outputs, messages: state.messages, tasks: state.tasks, diff: state.diff})
  if (output > MAX_STEP_OUTPUT) {
    throw new StepFailure(t('run.outputTooBig', {size: mb(output), max: mb(MAX_STEP_OUTPUT)}), t('run.tooBig.hint'))
  }
  const pieces = [
    ...(state.artifacts ?? []).map((a) => ({name: a.id, size: jsonBytes(a.data)})),
    ...(state.files ?? []).map((f) => ({name: f.path, size: Buffer.byteLength(f.content)})),
  ]
  for (const {name, size} of pieces) {
    if (size > MAX_ARTIFACT) throw new StepFailure(t('run.artifactTooBig', {name, size: mb(size), max: mb(MAX_ARTIFACT)}), t('run.tooBig.hint'))
  }
}

/** "Closed as obsolete: T2 …", one line per task a step no longer asks for. */
function obsoleteMessages(plan: TaskSync, t: ReturnType<typeof translator>): string[] {
  return plan.obsolete.map((x) => t('task.closedObsolete', {id: x.id, title: x.title}))
}

/** The message and hint of a step's failure: expected failures as they are, system errors named, anything else a bug. */
function describeError(error: unknown, t: ReturnType<typeof translator>): {message: string; hint?: string; bug?: boolean} {
  if (error instanceof StepFailure) return {message: error.message, hint: error.hint}
  if (error instanceof ExprError)
    return {message: `${t(error.msg)}${error.pointer ? ` (with${error.pointer})` : ''}`, hint: t(error.hint ?? {key: 'playbook.expr.hint'})}
  const expected = error instanceof CommopsError ? error : (fromSystemError(error, productInfo().root) ?? (isCommopsLike(error) ? error : undefined))
  if (expected) return {message: t(expected.msg), hint: expected.hint ? t(expected.hint) : undefined}
  debugStack(error)
  return {...describeBug(error, t), bug: true}
}

/** A CommopsError from another copy of the errors module (same shape, other class). */
function isCommopsLike(
  error: unknown,
): error is {msg: {key: string; params?: Record<string, unknown>}; hint?: {key: string; params?: Record<string, unknown>}} {
  return Boolean(error && typeof error === 'object' && 'msg' in error && 'hint' in error)
}
