type RunViewModule = typeof import('./run-view.js')

/**
 * Ink is an ES module with top-level await, so it cannot be part of the CommonJS bundle (scripts/bundle.mjs): the view
 * is imported from its own file, by URL, only when a terminal shows a live run.
 */
export async function loadRunView(): Promise<RunViewModule> {
  return (await import(new URL('./run-view.js', import.meta.url).href)) as RunViewModule
}
