/** Memory given back at a known point rather than whenever V8 next collects. */
import {MessageChannel} from 'node:worker_threads'

/**
 * Frees big array buffers now, not at V8's next full collection (which may come long after their last use, while
 * the process goes on allocating): each is transferred, so detached here (its views are empty from then on), into a
 * message posted on a closed port, which postMessage serializes and then drops, as HTML's MessagePort steps say.
 * Best effort: buffers that cannot be transferred are left to the collector.
 */
export function freeNow(buffers: ArrayBuffer[]): void {
  if (buffers.length === 0) return
  const {port1} = new MessageChannel()
  port1.close()
  try {
    port1.postMessage(null, buffers)
  } catch {
    // not transferable (a pooled buffer): collected as before
  }
}
