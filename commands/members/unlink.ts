import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {unlinkMembers} from '../../src/members/service.js'
import {Store} from '../../src/store/index.js'

export default class MembersUnlink extends BaseCommand<typeof MembersUnlink> {
  static override description = 'Take accounts out of the person they were linked to'

  static override examples = [{command: '<%= config.bin %> members unlink qq:10002', description: 'qq:10002 counts as its own person again'}]

  static override args = {
    identities: Args.string({description: 'Accounts as platform:id', required: true}),
  }

  static override strict = false

  async run(): Promise<{unlinked: string[]}> {
    const ws = await this.workspace()
    const unlinked = await unlinkMembers(Store.at(ws.root), this.positional)
    if (!this.jsonEnabled())
      this.log(unlinked.length > 0 ? this.t('members.unlink.done', {members: unlinked.join(' ')}) : this.t('members.unlink.none'))
    return {unlinked}
  }
}
