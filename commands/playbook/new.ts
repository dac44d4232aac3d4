import {Args, Flags} from '@oclif/core'
import {existsSync} from 'node:fs'
import path from 'node:path'
import {parseDocument} from 'yaml'
import {BaseCommand} from '../../src/cli/base-command.js'
import {CommopsError, UsageError} from '../../src/errors.js'
import {loadPlaybook} from '../../src/playbook/load.js'
import {PHASES} from '../../src/playbook/types.js'
import {writeFileAtomic} from '../../src/util/fs.js'

const STARTER = (name: string, phase: string) => `apiVersion: commops/v1
kind: Playbook
name: ${name}
phase: ${phase}
description:
  zh-CN: （待填写）这个 playbook 做什么
  en: (to fill in) What this playbook does
vars:
  start:
    type: date
    default: 2026-12-01
    description: {zh-CN: 开始日期, en: Start date}
steps:
  - id: kickoff
    uses: tasks.create
    name: {zh-CN: 启动任务, en: Kickoff tasks}
    with:
      tasks:
        - {title: {zh-CN: 确认目标与负责人, en: Agree goals and owners}, due: +2d}
  - id: export
    uses: export
    with: {artifacts: [kickoff], formats: [md]}
`

export default class PlaybookNew extends BaseCommand<typeof PlaybookNew> {
  static override description = 'Create a playbook in the workspace playbooks/ folder, as a copy of another one or from a starter'

  static override examples = [
    {command: '<%= config.bin %> playbook new my-launch --from launch', description: 'A copy of the built-in launch playbook to edit'},
    {command: '<%= config.bin %> playbook new weekly --phase maintain', description: 'A small starter playbook'},
  ]

  static override args = {
    name: Args.string({description: 'Name of the new playbook (lowercase, digits, -)', required: true}),
  }

  static override flags = {
    force: Flags.boolean({description: 'Overwrite an existing playbook file'}),
    from: Flags.string({description: 'Copy this playbook (name or path)'}),
    phase: Flags.option({default: 'launch' as const, description: 'Phase of a starter playbook', options: PHASES})(),
  }

  async run(): Promise<{name: string; file: string; from?: string}> {
    const ws = await this.workspace()
    const name = this.args.name
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(name)) {
      throw new UsageError({key: 'schema.pattern', params: {value: name}}, {hint: {key: 'error.usage', params: {message: 'my-launch, weekly-2026'}}})
    }
    const file = path.join(ws.root, 'playbooks', `${name}.yaml`)
    const shown = path.relative(process.cwd(), file) || file
    if (existsSync(file) && !this.flags.force) {
      throw new CommopsError({key: 'pb.new.exists', params: {file: shown}}, {hint: {key: 'file.exists.hint'}})
    }
    let text = STARTER(name, this.flags.phase)
    if (this.flags.from) {
      const source = await loadPlaybook(this.flags.from, {root: ws.root, locale: this.locale})
      const doc = parseDocument(source.text)
      doc.set('name', name)
      text = doc.toString({lineWidth: 0})
    }
    await writeFileAtomic(file, text, {root: ws.root})
    await loadPlaybook(file, {root: ws.root, locale: this.locale}) // the copy must validate; a failure here is a bug
    if (!this.jsonEnabled()) this.log(this.t('pb.new.created', {file: shown, from: this.flags.from ?? 'starter', name}))
    return {name, file, from: this.flags.from}
  }
}
