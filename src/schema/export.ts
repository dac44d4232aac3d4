import {mkdir, writeFile} from 'node:fs/promises'
import path from 'node:path'
import type {KindDef} from './kind-def.js'

/** The schema as editors want it: pretty JSON with a trailing newline. */
export function schemaText(def: KindDef): string {
  return JSON.stringify(def.schema, null, 2) + '\n'
}

/** The file name a kind's schema is written to, e.g. community.schema.json. */
export function schemaFileName(def: KindDef): string {
  return `${def.stem}.schema.json`
}

/** Writes the schemas of the given kinds into a folder; returns the written paths. */
export async function writeSchemas(defs: KindDef[], dir: string): Promise<string[]> {
  await mkdir(dir, {recursive: true})
  const written: string[] = []
  for (const def of defs) {
    const file = path.join(dir, schemaFileName(def))
    await writeFile(file, schemaText(def))
    written.push(file)
  }
  return written
}
