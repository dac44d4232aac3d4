/**
 * The scorecard's changes a user can make: grade a period (and keep it), show a stored one, compare two. The command
 * and the `scorecard.compute` step call these; the figures come from the metrics service (see load-metrics.ts).
 */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {UsageError, ValidationError, type Msg} from '../errors.js'
import type {Locale, Translate} from '../i18n/index.js'
import type {MetricFilter, MetricSet} from '../metrics/types.js'
import {formatJunit, formatSarif} from '../schema/report.js'
import {validateText} from '../schema/validate.js'
import {parseYaml, type SourceDoc} from '../schema/yaml-source.js'
import type {Db, Store} from '../store/index.js'
import {applyChange} from '../util/change.js'
import {resolveInside} from '../util/fs.js'
import {templatesDir} from '../util/paths.js'
import {readYamlFile} from '../util/text-file.js'
import type {Workspace} from '../workspace/index.js'
import {diffScorecards, latestScorecard, viewOf} from './diff.js'
import {scorecardReport} from './format-ci.js'
import {diffMarkdown, scorecardMarkdown} from './format-md.js'
import {scorecardSpecKind} from './kind.js'
import {gradeMetrics, scorecardKey} from './score.js'
import {resolveSpec, type GoalInput, type ScorecardSpecDoc} from './spec.js'
import {parseThreshold, passes, type Threshold} from './threshold.js'
import type {ResolvedSpec, Scorecard, ScorecardDiff, ScorecardView, SpecLocation} from './types.js'

/** The workspace's own spec, when it has one. */
export const SPEC_FILE = 'scorecard.yaml'

/** Anything that gives a store snapshot (a Store, or a step's snapshot as `{read: async () => db}`). */
export interface StoreReader {
  read(): Promise<Db>
}

/** Where the figures come from: the metrics service (load-metrics.ts), or hand-made sets in tests. */
export type MetricSource = (
  ws: Workspace,
  store: StoreReader,
  request: {period?: string; from?: string; to?: string; filter: MetricFilter; now: Date},
) => Promise<MetricSet>

/** Parses and validates a ScorecardSpec file; the first problem becomes a located ValidationError. */
function parseSpec(text: string, file: string, locale: Locale): {doc: ScorecardSpecDoc; locate: (pointer: string) => SpecLocation} {
  const {problems, docs} = validateText(text, file, locale, [scorecardSpecKind])
  const errors = problems.filter((p) => p.severity === 'error')
  if (errors.length > 0) {
    const first = errors[0]
    throw new ValidationError(
      {key: 'scorecard.spec.invalid', params: {file, count: errors.length, first: first.message}},
      {
        code: 'scorecard.spec.invalid',
        hint: first.hint ? {key: 'error.usage', params: {message: first.hint}} : undefined,
        location: {file: first.file, line: first.line, col: first.col},
        details: {problems: errors},
      },
    )
  }
  const doc = docs.find((d) => d.kind === 'ScorecardSpec')
  if (!doc) throw new ValidationError({key: 'scorecard.spec.notSpec', params: {file}}, {code: 'scorecard.spec.notSpec', location: {file}})
  return {doc: doc.value as ScorecardSpecDoc, locate: (pointer) => ({file, ...doc.source.locate(pointer)})}
}

/** The goals of community.yaml with where each target is written. */
function goalsOf(ws: Workspace): GoalInput[] {
  const goals = ws.community.goals ?? []
  if (goals.length === 0) return []
  let source: SourceDoc | undefined
  try {
    source = parseYaml(readYamlFile(ws.communityFile), 'community.yaml').docs[0]
  } catch {
    source = undefined // the workspace opened, so the file parsed; positions are a nicety
  }
  const locate = source && ((pointer: string) => source.locate(pointer))
  return goals.map((g, i) => ({
    metric: g.metric,
    target: g.target,
    ...(g.direction ? {direction: g.direction} : {}),
    ...(g.weight === undefined ? {} : {weight: g.weight}),
    ...(g.dimension ? {dimension: g.dimension} : {}),
    ...(locate ? {at: {file: 'community.yaml', ...locate(`/goals/${i}/target`)}} : {}),
  }))
}

/** The spec to grade with: `--spec FILE`, else the workspace's scorecard.yaml, else the default; goals fill the targets. */
export function loadScorecardSpec(ws: Workspace, o: {specFile?: string; cwd?: string; confined?: boolean} = {}): ResolvedSpec {
  const fallback = parseSpec(readYamlFile(templatesDir('scorecards', 'default.yaml')), 'default.yaml', ws.locale).doc
  // a path typed on the command line goes where it says; the workspace's own file and a playbook's stay inside it
  const full = o.specFile && !o.confined ? path.resolve(o.cwd ?? process.cwd(), o.specFile) : resolveInside(ws.root, o.specFile ?? SPEC_FILE)
  let spec: Parameters<typeof resolveSpec>[0]['spec']
  if (o.specFile || existsSync(full)) {
    const rel = path.relative(ws.root, full)
    const shown = rel.startsWith('..') || path.isAbsolute(rel) ? full : rel.split(path.sep).join('/')
    const parsed = parseSpec(readYamlFile(full, shown), shown, ws.locale)
    spec = {doc: parsed.doc, file: shown, locate: parsed.locate}
  }
  return resolveSpec({spec, fallback, goals: goalsOf(ws)})
}

export interface ScorecardRequest {
  /** `2026-10`, `2026-Q4`, `2026-W44`… (the metrics service reads it; default the last full month). */
  period?: string
  /** A custom period instead (`YYYY-MM-DD`, both days included), as `metrics --from/--to` reads it. */
  from?: string
  to?: string
  filter?: MetricFilter
  specFile?: string
  cwd?: string
  /** `specFile` is a playbook's: relative to the workspace and confined to it. */
  confined?: boolean
  /** `B` or `75`: checked against the spec's grade bands before anything is computed. */
  failUnder?: string
  now: Date
  dryRun?: boolean
}

/** Grades a period without writing: the spec, the figures, the scores. What compute keeps and a step plans. */
export async function planScorecard(
  ws: Workspace,
  store: StoreReader,
  request: ScorecardRequest,
  metrics: MetricSource,
): Promise<{card: Scorecard; threshold?: Threshold}> {
  const spec = loadScorecardSpec(ws, request)
  const threshold = request.failUnder === undefined ? undefined : parseThreshold(request.failUnder, spec.grades)
  const set = await metrics(ws, store, {period: request.period, from: request.from, to: request.to, filter: request.filter ?? {}, now: request.now})
  const card = gradeMetrics(set, spec, {now: request.now, key: scorecardKey(set.period.label, set.filter)})
  return {card, ...(threshold ? {threshold} : {})}
}

/** Keeps a scorecard in the store, replacing the one of the same period and filter; true when it replaced one. */
export function applyScorecard(db: Pick<Db, 'scorecards'>, card: Scorecard): boolean {
  const replaced = Object.hasOwn(db.scorecards, card.key)
  db.scorecards[card.key] = card
  return replaced
}

export interface ComputedScorecard extends ScorecardView {
  replaced: boolean
  gate?: Gate
}

/** The outcome of `--fail-under`. */
export interface Gate {
  threshold: string
  min: number
  passed: boolean
}

/** The message of a scorecard under its `--fail-under` threshold. */
export function gateFailure(view: ScorecardView & {gate?: Gate}): Msg {
  const {card, gate} = view
  return {
    key: 'scorecard.failUnder.failed',
    params: {period: card.key, score: card.score ?? 'n/a', grade: card.grade ?? 'n/a', threshold: gate?.threshold ?? ''},
  }
}

const gateOf = (card: Scorecard, threshold: Threshold | undefined): Gate | undefined =>
  threshold && {threshold: threshold.text, min: threshold.min, passed: passes(card, threshold)}

/** Grades a period and keeps it (recomputing a period replaces it); returns it with its change since the previous one. */
export async function computeScorecard(store: Store, ws: Workspace, request: ScorecardRequest, metrics: MetricSource): Promise<ComputedScorecard> {
  const {card, threshold} = await planScorecard(ws, store, request, metrics)
  const {replaced, view} = await applyChange(store, request.dryRun, (db) => ({
    replaced: applyScorecard(db, card),
    view: viewOf(card, Object.values(db.scorecards)),
  }))
  const gate = gateOf(card, threshold)
  return {...view, replaced, ...(gate ? {gate} : {})}
}

/** A stored scorecard by period label or key; without one, the latest (by period end, then time computed). */
export function findScorecard(db: Pick<Db, 'scorecards'>, period?: string): Scorecard {
  const all = Object.values(db.scorecards)
  if (all.length === 0) throw new ValidationError({key: 'scorecard.none'}, {code: 'scorecard.none', hint: {key: 'scorecard.none.hint'}})
  if (period === undefined) return latestScorecard(all)!
  // own keys only: `__proto__` or `constructor` names no scorecard
  const exact = (Object.hasOwn(db.scorecards, period) ? db.scorecards[period] : undefined) ?? all.find((c) => c.key === period)
  if (exact) return exact
  const matches = all.filter((c) => c.period.label === period)
  if (matches.length === 1) return matches[0]
  if (matches.length > 1) {
    const keys = matches.map((c) => c.key).sort()
    throw new UsageError(
      {key: 'scorecard.ambiguous', params: {period, keys: keys.join(', ')}},
      {code: 'scorecard.ambiguous', hint: {key: 'scorecard.ambiguous.hint', params: {first: keys[0]}}},
    )
  }
  const known = all.map((c) => c.key).sort()
  throw new ValidationError(
    {key: 'scorecard.notFound', params: {period}},
    {code: 'scorecard.notFound', hint: {key: 'scorecard.notFound.hint', params: {period, known: known.join(', ')}}},
  )
}

/** A stored scorecard (latest, or of a period) with its change since the previous one; `failUnder` judges it. */
export async function showScorecard(store: StoreReader, o: {period?: string; failUnder?: string} = {}): Promise<ScorecardView & {gate?: Gate}> {
  const db = await store.read()
  const card = findScorecard(db, o.period)
  const threshold = o.failUnder === undefined ? undefined : parseThreshold(o.failUnder, card.spec.grades)
  const gate = gateOf(card, threshold)
  return {...viewOf(card, Object.values(db.scorecards)), ...(gate ? {gate} : {})}
}

/** Two stored scorecards compared metric by metric and dimension by dimension. */
export async function diffStoredScorecards(store: StoreReader, from: string, to: string): Promise<ScorecardDiff> {
  const db = await store.read()
  return diffScorecards(findScorecard(db, from), findScorecard(db, to))
}

export const SCORECARD_FORMATS = ['md', 'json', 'sarif', 'junit'] as const
export type ScorecardFormat = (typeof SCORECARD_FORMATS)[number]

/** A scorecard as a document: Markdown, JSON, or validate's SARIF and JUnit writers. */
export function renderScorecard(
  view: ScorecardView & {gate?: Gate},
  format: ScorecardFormat,
  o: {t: Translate; locale: Locale; root: string; version: string},
): string {
  const threshold = view.gate && {text: view.gate.threshold, min: view.gate.min}
  switch (format) {
    case 'md':
      return scorecardMarkdown(view, o.t, o.locale)
    case 'json':
      return JSON.stringify(view, null, 2) + '\n'
    case 'sarif':
      return formatSarif(scorecardReport(view.card, o.t, threshold).report, {version: o.version, baseDir: o.root}) + '\n'
    case 'junit': {
      const {report, cases} = scorecardReport(view.card, o.t, threshold)
      return formatJunit(report, {name: `commops scorecard ${view.card.key}`, cases}) + '\n'
    }
  }
}

/** A diff as a document: Markdown or JSON. */
export function renderDiff(diff: ScorecardDiff, format: 'md' | 'json', t: Translate): string {
  return format === 'md' ? diffMarkdown(diff, t) : JSON.stringify(diff, null, 2) + '\n'
}
