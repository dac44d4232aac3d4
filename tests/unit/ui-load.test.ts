/**
 * Loading Ink calls no fetch (yoga-layout would otherwise decode its inlined WebAssembly through it, and Node load its
 * HTTP client for that), and fetch is back once Ink is loaded.
 */
import {afterEach, expect, it, vi} from 'vitest'
import {loadDashboardView} from '../../src/ui/load.js'

const fetch = globalThis.fetch

afterEach(() => {
  globalThis.fetch = fetch
})

it('loads the dashboard view without calling fetch, and puts fetch back', async () => {
  const spy = vi.fn(fetch)
  globalThis.fetch = spy
  const view = await loadDashboardView()
  expect(typeof view.renderDashboardOnce).toBe('function')
  expect(spy).not.toHaveBeenCalled()
  expect(globalThis.fetch).toBe(spy)
})
