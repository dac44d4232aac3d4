/** A playbook file's entry in a listing: read and validated without failing on its errors. */
import {statSync} from 'node:fs'
import path from 'node:path'
import {ValidationError} from '../errors.js'
import type {LocalizedText} from '../i18n/index.js'
import {validateText} from '../schema/validate.js'
import {readYamlFile} from '../util/text-file.js'
import {playbookKind} from './kind.js'
import type {Playbook} from './types.js'

/** What a listing needs of a playbook file, in both languages; `size` tells whether an index entry is still current. */
export interface IndexedPlaybook {
  size: number
  name: string
  phase?: string
  description?: LocalizedText
  valid: boolean
}

/** Reads and validates a playbook file for a listing; undefined when it is another kind of document. */
export async function indexPlaybook(file: string): Promise<IndexedPlaybook | undefined> {
  let text: string
  try {
    text = readYamlFile(file)
  } catch (error) {
    // not UTF-8: listed as invalid; running it says why
    if (!(error instanceof ValidationError)) throw error
    return {size: statSync(file).size, name: path.basename(file).replace(/\.ya?ml$/i, ''), valid: false}
  }
  const {docs, problems} = validateText(text, file, 'en', [playbookKind])
  const doc = docs.find((d) => d.kind === 'Playbook')
  if (!doc && docs.length > 0) return undefined
  const value = (doc?.value ?? {}) as Partial<Playbook>
  return {
    size: Buffer.byteLength(text),
    name: typeof value.name === 'string' ? value.name : path.basename(file).replace(/\.ya?ml$/i, ''),
    phase: value.phase,
    description: value.description,
    valid: problems.every((p) => p.severity !== 'error'),
  }
}
