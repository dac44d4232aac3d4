/** One row per client workspace, from what its store already holds (no events are read). Pure. */
import {latestScorecard, previousOf} from '../scorecard/diff.js'
import type {Scorecard} from '../scorecard/types.js'
import type {Db, RunRecord} from '../store/types.js'
import {dateIn} from '../util/dates.js'

export const OVERVIEW_SORTS = ['name', 'grade', 'score', 'overdue'] as const
export type OverviewSort = (typeof OVERVIEW_SORTS)[number]

/** A client workspace at a glance; `error` instead of the figures when it could not be read. */
export interface OverviewRow {
  /** The workspace folder, relative to the folder looked in (`.` for that folder itself). */
  dir: string
  /** The community's name (community.yaml), absent when it could not be read. */
  name?: string
  timezone?: string
  scorecard?: {
    key: string
    period: string
    score: number | null
    grade: string | null
    /** The grades of its spec, best first (to rank grades that a spec renamed). */
    grades: string[]
    /** Against the previous scorecard of the same spec and filter; absent when there is none. */
    trend?: {previous: string; from: number | null; delta: number | null}
  }
  tasks?: {open: number; overdue: number}
  lastRun?: {id: string; date: string; playbook: string; status: RunRecord['status']}
  events?: {imported: number; batches: number}
  error?: {code: string; message: string; location?: string}
}

/** What a row is built from: the community's name and timezone and the store's snapshot. */
export interface RowInput {
  dir: string
  name: string
  timezone: string
  db: Pick<Db, 'scorecards' | 'tasks' | 'runs' | 'eventBatches'>
  now: Date
  /** The status to show for a run (a `running` run whose process is gone reads `interrupted`). */
  runStatus?: (run: RunRecord) => RunRecord['status']
}

/** The community's scorecard: the latest without a filter (a channel's is not the community's), else the latest. */
function pickScorecard(all: readonly Scorecard[]): Scorecard | undefined {
  return latestScorecard(all.filter((c) => Object.keys(c.filter ?? {}).length === 0)) ?? latestScorecard(all)
}

/** The row of one workspace. Overdue: open tasks due before today in the workspace's timezone. */
export function overviewRow(input: RowInput): OverviewRow {
  const {db} = input
  const row: OverviewRow = {dir: input.dir, name: input.name, timezone: input.timezone}
  const all = Object.values(db.scorecards)
  const card = pickScorecard(all)
  if (card) {
    const prev = previousOf(card, all)
    row.scorecard = {
      key: card.key,
      period: card.period.label,
      score: card.score,
      grade: card.grade,
      grades: card.spec.grades.map((g) => g.grade),
      ...(prev && {trend: {previous: prev.period.label, from: prev.score, delta: scoreDelta(prev.score, card.score)}}),
    }
  }
  const today = dateIn(input.now, input.timezone)
  const open = db.tasks.filter((t) => t.status === 'open')
  row.tasks = {open: open.length, overdue: open.filter((t) => t.due !== undefined && t.due < today).length}
  const last = db.runs.reduce<RunRecord | undefined>((a, b) => (!a || b.startedAt >= a.startedAt ? b : a), undefined)
  if (last) {
    row.lastRun = {
      id: last.id,
      date: dateIn(new Date(last.startedAt), input.timezone),
      playbook: last.playbook,
      status: input.runStatus ? input.runStatus(last) : last.status,
    }
  }
  row.events = {imported: db.eventBatches.reduce((n, b) => n + (b.events ?? 0), 0), batches: db.eventBatches.length}
  return row
}

/** `to − from` to one decimal (scores are kept to one); null when either is n/a. */
export function scoreDelta(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : Math.round((to - from) * 10) / 10
}

/** ↑ ↓ → for a change, empty when there is nothing to compare. */
export function trendArrow(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return ''
  return delta > 0 ? '↑' : delta < 0 ? '↓' : '→'
}

/**
 * Rows in the order asked for; name order follows the locale (pinyin for zh-CN). Rows without the figure sorted by
 * come after those with it, and rows that could not be read come last; ties keep name order.
 */
export function sortRows(rows: readonly OverviewRow[], by: OverviewSort, locale: string): OverviewRow[] {
  const collator = new Intl.Collator(locale)
  const label = (r: OverviewRow) => r.name ?? r.dir
  const byName = (a: OverviewRow, b: OverviewRow) => collator.compare(label(a), label(b)) || collator.compare(a.dir, b.dir)
  // lower ranks first; undefined: no figure
  const rank = (r: OverviewRow): number | undefined => {
    switch (by) {
      case 'name':
        return 0
      case 'score':
        return r.scorecard?.score === null || r.scorecard === undefined ? undefined : -r.scorecard.score
      case 'grade': {
        const at = r.scorecard?.grade ? r.scorecard.grades.indexOf(r.scorecard.grade) : -1
        // same grade: the higher score first
        return at < 0 ? undefined : at * 1000 - (r.scorecard!.score ?? 0)
      }
      case 'overdue':
        return r.tasks ? -r.tasks.overdue : undefined
    }
  }
  const group = (r: OverviewRow) => (r.error ? 2 : rank(r) === undefined ? 1 : 0)
  return [...rows].sort((a, b) => group(a) - group(b) || (rank(a) ?? 0) - (rank(b) ?? 0) || byName(a, b))
}
