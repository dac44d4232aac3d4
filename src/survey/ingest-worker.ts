/** The worker thread of survey ingest (ingest-part.ts): reads the second half of a big response file. */
import {parentPort, workerData} from 'node:worker_threads'
import {readPart, type PartInput} from './ingest-part.js'

const output = readPart(workerData as PartInput)
parentPort!.postMessage(output, [output.lines.buffer as ArrayBuffer])
