/**
 * Ink's layout engine (yoga-layout) reads its WebAssembly, inlined as a data: URL, through fetch() when there is one,
 * and Node's fetch loads its whole HTTP client first (~30–60 ms of the dashboard's first frame) just to decode it;
 * without fetch yoga decodes the same bytes itself. commops makes no requests: fetch is hidden while Ink loads.
 */
async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
  const fetch = Object.getOwnPropertyDescriptor(globalThis, 'fetch')
  if (!fetch?.configurable) return load()
  Reflect.deleteProperty(globalThis, 'fetch')
  try {
    return await load()
  } finally {
    Object.defineProperty(globalThis, 'fetch', fetch)
  }
}

type RunViewModule = typeof import('./run-view.js')

/** The live run view (Ink, React) is loaded only when a terminal shows a live run. */
export async function loadRunView(): Promise<RunViewModule> {
  return withoutFetch(() => import('./run-view.js'))
}

type DashboardViewModule = typeof import('./dashboard.js')

/** The dashboard (Ink, React) is loaded only by `commops dashboard`. */
export async function loadDashboardView(): Promise<DashboardViewModule> {
  return withoutFetch(() => import('./dashboard.js'))
}
