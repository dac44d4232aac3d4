/** The lines of a file read as byte ranges of one buffer, a chunk at a time: no string per line unless the reader makes one. */
import type {FileHandle} from 'node:fs/promises'

/** Bytes read at once. */
const CHUNK = 1 << 20

/**
 * Calls `line(buf, s, e)` for each line of a file in order, bytes [s, e) of `buf` without the '\n' (the last line too
 * when it has none), reading at most `until` bytes (default: the whole file). `line` returns false to stop. `buf` is
 * read over for the next chunk and grows for a line longer than it: valid during the call only.
 */
export async function forEachLine(
  handle: FileHandle,
  line: (buf: Buffer, s: number, e: number) => boolean | void,
  o: {until?: number} = {},
): Promise<void> {
  const until = o.until ?? Infinity
  let buf = Buffer.allocUnsafe(CHUNK)
  let kept = 0
  for (let at = 0; at < until;) {
    if (kept === buf.length) {
      const bigger = Buffer.allocUnsafe(2 * buf.length)
      buf.copy(bigger, 0, 0, kept)
      buf = bigger
    }
    const {bytesRead} = await handle.read(buf, kept, Math.min(buf.length - kept, until - at), at)
    if (bytesRead === 0) break
    at += bytesRead
    const end = kept + bytesRead
    let s = 0
    for (let nl = buf.indexOf(10, s); nl !== -1 && nl < end; nl = buf.indexOf(10, s)) {
      if (line(buf, s, nl) === false) return
      s = nl + 1
    }
    kept = end - s
    buf.copy(buf, 0, s, end)
  }
  if (kept > 0) line(buf, 0, kept)
}
