/** validate loads a kind's definition only when a document declares it: the loaders must give what the static table holds. */
import {mkdtempSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {KINDS} from '../../src/schema/all-kinds.js'
import {KIND_NAMES} from '../../src/schema/kind-def.js'
import {loadKinds} from '../../src/schema/kind-loaders.js'
import {validateFile} from '../../src/schema/validate.js'

describe('loadKinds', () => {
  it('gives every kind of the static table, the same definition, and nothing for an unknown name', async () => {
    const loaded = await loadKinds([...KIND_NAMES, 'Nope', 'Community'])
    expect(loaded).toEqual([...KINDS])
    for (const def of loaded) expect(def).toBe(KINDS.find((k) => k.kind === def.kind))
    expect(await loadKinds(['Nope'])).toEqual([])
  })

  it('validates a file of several kinds as the full table does', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'commops-kinds-'))
    const file = path.join(dir, 'mixed.yaml')
    writeFileSync(file, 'kind: Playbook\nname: x\n---\nkind: RuleSet\nrules: 3\n---\nkind: Comunity\n')
    const lazy = await validateFile(file, 'mixed.yaml', 'en', loadKinds)
    const full = await validateFile(file, 'mixed.yaml', 'en', KINDS)
    expect(lazy.problems).toEqual(full.problems)
    expect(lazy.problems.map((p) => p.rule)).toContain('kind.unknown')
    expect(lazy.problems.length).toBeGreaterThan(2)
  })
})
