/**
 * The dashboard's data: one snapshot of the store and what is stored beside it (the computed points ledger), never the
 * events, so the first frame costs the same with 1M events as with none. Figures come from the stored scorecards;
 * a panel whose data was never computed says which command computes it.
 */
import {topMembers, type IncentivesWorkspace} from '../members/incentives-service.js'
import {latestScorecard} from '../scorecard/diff.js'
import type {Store} from '../store/index.js'
import {suggest} from '../suggest/service.js'
import type {Suggestion} from '../suggest/types.js'
import {dateIn} from '../util/dates.js'
import type {Workspace} from '../workspace/index.js'
import {buildDashboard, type DashboardInput} from './model.js'
import type {DashboardModel} from './types.js'

export interface DashboardOptions {
  now: Date
  /** Top members shown (default 10). */
  top?: number
}

/** Reads the workspace's stored data into the dashboard's model. */
export async function loadDashboard(ws: Workspace, store: Pick<Store, 'read'>, o: DashboardOptions): Promise<DashboardModel> {
  const db = await store.read()
  const snapshot = {read: async () => db}
  const today = dateIn(o.now, ws.timezone)
  const fallbackPeriod = today.slice(0, 7)
  // the latest scorecard's period as it stored it (no date arithmetic before the first frame)
  const period = latestScorecard(Object.values(db.scorecards))?.period ?? fallbackPeriod
  let top: DashboardInput['top']
  if (db.incentives.computed || db.incentives.manual) {
    const iws: IncentivesWorkspace = {root: ws.root, community: ws.community}
    const r = await topMembers(iws, snapshot, {period, limit: o.top ?? 10, now: o.now}).catch(() =>
      topMembers(iws, snapshot, {period: fallbackPeriod, limit: o.top ?? 10, now: o.now}),
    )
    top = {
      period: r.period.label,
      rows: r.rows.map((row) => ({
        rank: row.rank,
        member: row.member,
        ...(row.name ? {name: row.name} : {}),
        points: row.points,
        total: row.total,
        ...(row.title ? {title: row.title.title} : {}),
      })),
      ...(r.computedAt ? {computedAt: r.computedAt} : {}),
    }
  }
  // all of them (the detail view lists them); no scorecard to read suggestions from yet: the panel says how to get one
  const suggestions: Suggestion[] = await suggest({root: ws.root, community: ws.community}, snapshot, {now: o.now, members: false}).then(
    (r) => r.suggestions,
    () => [],
  )
  return buildDashboard({db, community: ws.community, today, top, fallbackPeriod, suggestions})
}
