type RunViewModule = typeof import('./run-view.js')

/** The live run view (Ink, React) is loaded only when a terminal shows a live run. */
export async function loadRunView(): Promise<RunViewModule> {
  return import('./run-view.js')
}

type DashboardViewModule = typeof import('./dashboard.js')

/** The dashboard (Ink, React) is loaded only by `commops dashboard`. */
export async function loadDashboardView(): Promise<DashboardViewModule> {
  return import('./dashboard.js')
}
