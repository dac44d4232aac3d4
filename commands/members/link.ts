import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import type {Person} from '../../src/events/types.js'
import {linkMembers} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'

export default class MembersLink extends BaseCommand<typeof MembersLink> {
  static override description = 'Link accounts of one person across platforms, so events count people, not accounts (undo with `members unlink`)'

  static override examples = [
    {command: '<%= config.bin %> members link discord:123 slack:U456 qq:10002', description: 'One person on Discord, Slack and QQ'},
    {command: '<%= config.bin %> members link wechat:wxid_x csv:小王 --json', description: 'As JSON (the person’s id and accounts)'},
  ]

  static override args = {
    identities: Args.string({description: 'Accounts as platform:id (two or more)', required: true}),
  }

  static override strict = false

  async run(): Promise<{person: Person}> {
    const ws = await this.workspace()
    const person = await linkMembers(Store.at(ws.root), this.positional, {now: new Date()})
    if (!this.jsonEnabled()) this.log(this.t('members.link.done', {id: person.id, members: person.members.join(' ')}))
    return {person}
  }
}
