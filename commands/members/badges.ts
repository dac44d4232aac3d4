import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {pick} from '../../src/i18n/index.js'
import {UsageError} from '../../src/errors.js'
import type {BadgeRecord} from '../../src/members/badges.js'
import {giveBadge, revokeBadge, runBadges, type BadgesResult} from '../../src/members/incentives-service.js'
import {Store} from '../../src/store/index.js'

type Output = BadgesResult | {record: BadgeRecord}

export default class MembersBadges extends BaseCommand<typeof MembersBadges> {
  static override description =
    'Badges: award those the rules of community.yaml give (once each, dated when earned), list holders or one member’s badges; give a badge by hand or revoke one with a reason (the rules never award it to them again)'

  static override examples = [
    {command: '<%= config.bin %> members badges', description: 'Award what the rules give, then list each badge’s holders'},
    {command: '<%= config.bin %> members badges --member qq:10002', description: 'One member’s badges'},
    {command: '<%= config.bin %> members badges --dry-run', description: 'Which badges the rules would award; write nothing'},
    {command: '<%= config.bin %> members badges --award mentor --member qq:10002 --reason "带新人"', description: 'Give a manual badge'},
    {
      command: '<%= config.bin %> members badges --revoke first-post --member qq:10002 --reason "Spam post"',
      description: 'Take a badge back, with the reason',
    },
  ]

  static override flags = {
    member: Flags.string({
      description: 'The member (an identity, a person id P1, a record id or exact name): list their badges, or the one to award or revoke',
    }),
    award: Flags.string({description: 'Give this badge by hand (needs --member)', exclusive: ['revoke', 'dry-run'], dependsOn: ['member']}),
    revoke: Flags.string({
      description: 'Revoke this badge (needs --member and --reason)',
      exclusive: ['award', 'dry-run'],
      dependsOn: ['member', 'reason'],
    }),
    reason: Flags.string({description: 'Why (with --award or --revoke)'}),
    'dry-run': Flags.boolean({char: 'n', description: 'Show which badges the rules would award; write nothing'}),
  }

  async run(): Promise<Output> {
    const ws = await this.workspace()
    const store = Store.at(ws.root)
    const now = new Date()
    if (this.flags.award || this.flags.revoke) {
      const member = this.flags.member!
      const record = this.flags.award
        ? await giveBadge(ws, store, {badge: this.flags.award, member, reason: this.flags.reason, now})
        : await revokeBadge(ws, store, {badge: this.flags.revoke!, member, reason: this.flags.reason ?? '', now})
      if (!this.jsonEnabled()) this.log(this.t(`members.incentives.badges.${record.op}`, {badge: record.badge, member: record.member}))
      return {record}
    }
    if (this.flags.reason) throw new UsageError({key: 'members.incentives.reasonAlone'}, {hint: {key: 'members.incentives.reasonAlone.hint'}})
    const r = await runBadges(ws, store, {member: this.flags.member, dryRun: this.flags['dry-run'], now})
    if (this.jsonEnabled()) return r
    const news = r.dryRun ? r.pending : r.awarded
    // the rules run for everyone, also when one member's badges are asked for: say so then
    const scope = r.member ? 'All' : ''
    this.log(this.t(r.dryRun ? `members.incentives.badges.pending${scope}` : `members.incentives.badges.awarded${scope}`, {n: news.length}))
    if (news.length > 0 && news.length <= 50)
      this.log(
        table(
          [this.t('members.incentives.col.badge'), this.t('members.incentives.col.member'), this.t('members.incentives.col.when')],
          news.map((b) => [b.badge, b.member, b.date]),
        ),
      )
    if (r.member) {
      this.log(`\n${this.t('members.incentives.badges.of', {member: r.member.member, n: r.member.badges.length})}`)
      if (r.member.badges.length > 0)
        this.log(
          table(
            [this.t('members.incentives.col.badge'), this.t('members.incentives.col.name'), this.t('members.incentives.col.when')],
            r.member.badges.map((b) => [b.id, pick(b.name, this.locale), b.awardedAt]),
          ),
        )
      return r
    }
    if (r.badges.length === 0) this.log(this.t('members.incentives.badges.none'))
    else
      this.log(
        `\n${table(
          [
            this.t('members.incentives.col.badge'),
            this.t('members.incentives.col.name'),
            this.t('members.incentives.col.kind'),
            this.t('members.incentives.col.holders'),
          ],
          r.badges.map((b) => [b.id, pick(b.name, this.locale), b.kind, b.holders]),
        )}`,
      )
    return r
  }
}
