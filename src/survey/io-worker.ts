/** survey ingest's worker thread, started from the built package (ingest-part.ts says what it reads). */
import {existsSync} from 'node:fs'
import path from 'node:path'
import {Worker} from 'node:worker_threads'
import {packageRoot} from '../util/paths.js'
import type {PartInput, PartOutput} from './ingest-part.js'

/** The worker's script in the built package; undefined before a build (tests run the sources): the part is then read here. */
function workerScript(): string | undefined {
  const file = path.join(packageRoot(), 'dist', 'survey', 'ingest-worker.js')
  return existsSync(file) ? file : undefined
}

/** A part being read by a worker: its output (undefined when the worker failed), or `stop` when it is not wanted. */
export interface PartReading {
  output: Promise<PartOutput | undefined>
  stop(): void
}

/** Starts a worker reading the part; its bytes are handed over, not copied. */
export function readPartElsewhere(input: PartInput): PartReading {
  const script = workerScript()
  if (!script) return {output: Promise.resolve(undefined), stop: () => {}}
  const worker = new Worker(script, {workerData: input, transferList: [input.bytes.buffer as ArrayBuffer]})
  const output = new Promise<PartOutput | undefined>((resolve) => {
    worker.once('message', (out: PartOutput) => resolve(out))
    worker.once('error', () => resolve(undefined))
    worker.once('exit', () => resolve(undefined))
  })
  return {output, stop: () => void worker.terminate()}
}
