/** Interactive init offers the same platforms and community types as its flags, in both languages, and asks the type. */
import {readFileSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {COMMUNITY_TYPES, PLATFORM_TYPES} from '../../src/schema/kinds/community.js'
import {makeTempDir, ROOT, runCliOnTty, SCRIPT} from '../helpers/cli.js'

/** The values a flag of `init` takes, as oclif shows them (from the manifest the build wrote). */
function flagOptions(flag: string): string[] {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'oclif.manifest.json'), 'utf8')) as {
    commands: Record<string, {flags: Record<string, {options?: string[]}>}>
  }
  return manifest.commands.init.flags[flag].options ?? []
}

/** The values listed by a question: each choice ends with its value in brackets. */
const listed = (output: string): string[] => [...new Set([...output.matchAll(/\(([a-z][a-z-]*)\)/g)].map((m) => m[1]))]

describe('init choices', () => {
  it('the flags take every platform and community type the community.yaml schema knows', () => {
    expect(flagOptions('platform')).toEqual([...PLATFORM_TYPES])
    expect(flagOptions('type')).toEqual([...COMMUNITY_TYPES])
  })
})

describe.skipIf(!SCRIPT)('interactive init on a terminal', {timeout: 60_000}, () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`lists every platform --platform takes, on one page (${lang})`, async () => {
      const tmp = await makeTempDir()
      const args = ['init', 'acme', '--name', 'Acme', '--locale', lang, '--timezone', 'Asia/Shanghai', '--description', 'd', '--sample']
      const r = await runCliOnTty(args, {cwd: tmp, env: {CI: undefined}, stopWhen: /\(other\)/})
      expect(r.stopped, r.output).toBe(true)
      expect(r.output).toContain(lang === 'zh-CN' ? '平台' : 'Platforms')
      expect(listed(r.output)).toEqual(flagOptions('platform'))
      if (lang === 'zh-CN') for (const name of ['飞书', '钉钉', '微博', '小红书']) expect(r.output).toContain(name)
    })
  }

  it('asks the community type with every --type value, and what each decides; the answer lands in community.yaml', async () => {
    const tmp = await makeTempDir()
    const args = ['init', 'acme', '--name', 'Acme', '--locale', 'en', '--timezone', 'UTC', '--description', 'd', '--platform', 'feishu', '--sample']
    // one arrow down from the default (interest) is open-source
    const r = await runCliOnTty(args, {cwd: tmp, env: {CI: undefined}, reply: {when: /Kind of community[\s\S]*\(other\)/, text: '\u001b[B\r'}})
    expect(r.code, r.output).toBe(0)
    expect(r.output).toContain('Rules template')
    expect(listed(r.output.slice(r.output.indexOf('Kind of community')))).toEqual(expect.arrayContaining(flagOptions('type')))
    expect(await readFile(path.join(tmp, 'acme', 'community.yaml'), 'utf8')).toMatch(/^type: open-source$/m)
  })
})
