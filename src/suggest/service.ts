/**
 * PLACEHOLDER so that the report and dashboard branches compile against the suggestion service's signature; the
 * `suggest` branch replaces this file with the real rules engine. Never merged to main as is.
 */
import type {Store} from '../store/index.js'
import type {Community} from '../workspace/community.js'
import type {SuggestResult} from './types.js'

export interface SuggestWorkspace {
  root: string
  community: Community
}

/** The ranked suggestions for a period (default: the latest scorecard's). */
export async function suggest(
  _ws: SuggestWorkspace,
  _store: Pick<Store, 'read'>,
  _o: {period?: string; now?: Date; limit?: number} = {},
): Promise<SuggestResult> {
  return {suggestions: []}
}
