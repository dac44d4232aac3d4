/** Starting store-worker.ts processes from tests and following what they report. */
import {spawn, type ChildProcessWithoutNullStreams} from 'node:child_process'
import {createInterface} from 'node:readline'
import {fileURLToPath} from 'node:url'

const WORKER = fileURLToPath(new URL('./store-worker.ts', import.meta.url))

export interface StoreWorker {
  child: ChildProcessWithoutNullStreams
  /** Every line printed so far. */
  lines: string[]
  /** Resolves once the worker is ready; then `go()` starts its updates. */
  ready: Promise<void>
  go(): void
  /** The exit code (null when killed by a signal) and every line it printed. */
  exited: Promise<{code: number | null; lines: string[]}>
  /** The last counter value it reported as committed (0: none yet). */
  committed(): number
}

/** Spawns a worker making `count` updates on the store at `root` (see store-worker.ts). */
export function startWorker(root: string, count: number, tag: string, busyMs = 0): StoreWorker {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, root, String(count), tag, String(busyMs)], {stdio: ['pipe', 'pipe', 'pipe']})
  const lines: string[] = []
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  let onReady!: () => void
  const ready = new Promise<void>((resolve) => (onReady = resolve))
  const reader = createInterface({input: child.stdout})
  reader.on('line', (line) => {
    lines.push(line)
    if (line === 'ready') onReady()
  })
  const exited = new Promise<{code: number | null; lines: string[]}>((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0 && code !== null) reject(new Error(`worker ${tag} exited with ${code}: ${stderr}`))
      else resolve({code, lines})
    })
  })
  const committed = () => {
    for (let i = lines.length - 1; i >= 0; i--) {
      const m = /^committed (\d+)$/.exec(lines[i])
      if (m) return Number(m[1])
    }
    return 0
  }
  return {child, lines, ready, go: () => child.stdin.write('go\n'), exited, committed}
}
