import {Args} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {pick} from '../../src/i18n/index.js'
import {entryPoints, rungDuration} from '../../src/rules/export.js'
import {requireRule} from '../../src/rules/incident.js'
import {startIndex, windowDays} from '../../src/rules/ladder.js'
import {requireRuleSet} from '../../src/rules/lookup.js'
import {headline} from '../../src/util/text.js'
import {Store} from '../../src/store/index.js'

export default class RulesShow extends BaseCommand<typeof RulesShow> {
  static override description =
    'Show the rule set in force: principles, rules, the enforcement ladder and where to report; or one rule with its examples'

  static override examples = [
    {command: '<%= config.bin %> rules show', description: 'The whole rule set'},
    {command: '<%= config.bin %> rules show no-ads', description: 'One rule: what it asks, examples, where a first breach enters the ladder'},
    {command: '<%= config.bin %> rules show --lang en --json', description: 'The full RuleSet document (both languages), as JSON'},
  ]

  static override args = {
    rule: Args.string({description: 'A rule id, to show that rule only'}),
  }

  async run(): Promise<unknown> {
    const ws = await this.workspace()
    const db = await Store.at(ws.root).read()
    const ref = requireRuleSet(db)
    const {ruleset} = ref.data
    const locale = this.flags.lang ?? ref.data.locale
    const p = (x: Parameters<typeof pick>[0]) => pick(x, locale)
    const colon = locale === 'zh-CN' ? '：' : ': '
    const meta = {id: ref.id, template: ref.data.template, locale, updatedAt: ref.artifact.updatedAt}
    if (this.args.rule) {
      const rule = requireRule(ruleset, this.args.rule)
      const entry = ruleset.ladder.rungs[startIndex(rule, ruleset.ladder)]
      if (!this.jsonEnabled()) {
        this.log(`${rule.id} · ${p(rule.title)} (${this.t(`rules.severity.${rule.severity}`)})`)
        this.log(p(rule.description))
        this.log(this.t('rules.show.entry', {rung: p(entry.name)}))
        if (rule.allowed?.length) this.log(`\n✅ ${this.t('rules.md.allowed')}\n${rule.allowed.map((x) => `  - ${p(x)}`).join('\n')}`)
        if (rule.notAllowed?.length) this.log(`\n❌ ${this.t('rules.md.notAllowed')}\n${rule.notAllowed.map((x) => `  - ${p(x)}`).join('\n')}`)
      }
      return {...meta, rule, entry: entry.id}
    }
    if (!this.jsonEnabled()) {
      this.log(
        this.t('rules.show.head', {
          title: p(ruleset.title),
          template: ref.data.template,
          locale,
          rules: ruleset.rules.length,
          rungs: ruleset.ladder.rungs.length,
          id: ref.id,
        }),
      )
      if (ruleset.summary) this.log(p(ruleset.summary))
      this.log(`${this.t('rules.md.scope')}${colon}${p(ruleset.scope)}\n`)
      this.log(this.t('rules.md.principles'))
      this.log(ruleset.principles.map((x, i) => `  ${i + 1}. ${p(x)}`).join('\n') + '\n')
      this.log(
        table(
          ['#', this.t('rules.col.id'), this.t('rules.col.rule'), this.t('rules.col.severity'), this.t('rules.col.entry')],
          ruleset.rules.map((r, i) => [
            i + 1,
            r.id,
            p(r.title),
            this.t(`rules.severity.${r.severity}`),
            p(ruleset.ladder.rungs[startIndex(r, ruleset.ladder)].name),
          ]),
        ),
      )
      this.log('')
      this.log(
        table(
          ['#', this.t('rules.col.rung'), this.t('rules.col.consequence'), this.t('rules.col.duration'), this.t('rules.col.decidedBy')],
          ruleset.ladder.rungs.map((g, i) => [
            i + 1,
            `${p(g.name)} (${g.id})`,
            headline(p(g.consequence), 50),
            rungDuration(g, locale),
            headline(p(g.decidedBy), 30),
          ]),
        ),
      )
      this.log(`${this.t('rules.md.entry')}${colon}${entryPoints(ruleset, locale)}`)
      this.log(this.t('rules.expiry', {days: windowDays({ladder: ruleset.ladder})}) + '\n')
      this.log(this.t('rules.md.reporting'))
      this.log(ruleset.reporting.map((r) => `  - ${p(r.name)}${r.contact ? ` (${r.contact})` : ''}${colon}${p(r.how)}`).join('\n'))
    }
    return {...meta, ruleset}
  }
}
