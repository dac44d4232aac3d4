import {Flags} from '@oclif/core'
import {BaseCommand} from '../../src/cli/base-command.js'
import {table} from '../../src/cli/table.js'
import {UsageError} from '../../src/errors.js'
import {pick} from '../../src/i18n/index.js'
import {rungDuration} from '../../src/rules/export.js'
import {startIndex, windowDays} from '../../src/rules/ladder.js'
import {requireTemplateName} from '../../src/rules/templates.js'
import {RULES_ARTIFACT} from '../../src/rules/lookup.js'
import {generateRules} from '../../src/rules/service.js'
import {suggestHint} from '../../src/rules/problems.js'
import {RULE_TEMPLATES, RUNG_IDS, type Severity} from '../../src/rules/types.js'
import {closest} from '../../src/util/suggest.js'
import {Store} from '../../src/store/index.js'

export interface RulesGenerateResult {
  id: string
  template: string
  locale: string
  title: string
  dryRun: boolean
  changed: boolean
  expireAfterDays: number
  rules: Array<{id: string; title: string; severity: Severity; entry: string}>
  ladder: Array<{id: string; name: string; duration: string; decidedBy: string}>
  notes: string[]
}

export default class RulesGenerate extends BaseCommand<typeof RulesGenerate> {
  static override description =
    "Generate the rule set (群规 / code of conduct) from a template and community.yaml's `rules:` section, and keep it in the store"

  static override examples = [
    {
      command: '<%= config.bin %> rules generate',
      description: "community.yaml's rules.template (or the one that fits the community type) with its changes",
    },
    {
      command: '<%= config.bin %> rules generate --template strict --lang zh-CN',
      description: 'A paid or knowledge group: zero tolerance for ads and leaked content',
    },
    {
      command: '<%= config.bin %> rules generate --template open-source --ladder reminder,warning,suspension,removal',
      description: 'A code of conduct with a four-rung ladder',
    },
    {command: '<%= config.bin %> rules generate --template brand --dry-run --json', description: 'What would be stored, as JSON; writes nothing'},
  ]

  static override flags = {
    'dry-run': Flags.boolean({char: 'n', description: 'Show the rule set that would be stored; write nothing'}),
    'expire-after-days': Flags.integer({description: 'Incidents older than this no longer count (default: the template, 180 days)', min: 1}),
    ladder: Flags.string({description: `Keep only these rungs, comma-separated (${RUNG_IDS.join(', ')})`}),
    template: Flags.string({
      char: 't',
      description: `A bundled template: ${RULE_TEMPLATES.join(', ')} (default: community.yaml rules.template, else by community type)`,
    }),
  }

  async run(): Promise<RulesGenerateResult> {
    const {flags} = this
    const template = flags.template === undefined ? undefined : requireTemplateName(flags.template)
    const ladder = flags.ladder?.split(/[\s,>→]+/).filter(Boolean)
    for (const id of ladder ?? []) {
      if (!(RUNG_IDS as readonly string[]).includes(id)) {
        throw new UsageError(
          {key: 'rules.unknownRung', params: {id}},
          {code: 'rules.unknownRung', hint: suggestHint('rules.unknownRung.hint', closest(id, [...RUNG_IDS]), {ids: RUNG_IDS.join(', ')})},
        )
      }
    }
    const ws = await this.workspace()
    const locale = this.locale
    const {data, notes, changed} = await generateRules(Store.at(ws.root), ws.community, {
      template,
      ladder,
      expireAfterDays: flags['expire-after-days'],
      locale,
      now: new Date(),
      dryRun: flags['dry-run'],
    })
    const {ruleset} = data
    const title = pick(ruleset.title, locale)
    const result: RulesGenerateResult = {
      id: RULES_ARTIFACT,
      template: data.template,
      locale,
      title,
      dryRun: flags['dry-run'],
      changed,
      expireAfterDays: windowDays({ladder: ruleset.ladder}),
      rules: ruleset.rules.map((r) => ({
        id: r.id,
        title: pick(r.title, locale),
        severity: r.severity,
        entry: ruleset.ladder.rungs[startIndex(r, ruleset.ladder)].id,
      })),
      ladder: ruleset.ladder.rungs.map((g) => ({
        id: g.id,
        name: pick(g.name, locale),
        duration: rungDuration(g, locale),
        decidedBy: pick(g.decidedBy, locale),
      })),
      notes: notes.map((n) => this.t(n)),
    }
    if (!this.jsonEnabled()) {
      const rungNames = new Map(result.ladder.map((g) => [g.id, g.name]))
      this.log(
        this.t(flags['dry-run'] ? 'rules.gen.dryRun' : changed ? 'rules.gen.done' : 'rules.gen.same', {
          title,
          template: data.template,
          locale,
          rules: result.rules.length,
          rungs: result.ladder.length,
        }),
      )
      this.log('')
      this.log(
        table(
          ['#', this.t('rules.col.id'), this.t('rules.col.rule'), this.t('rules.col.severity'), this.t('rules.col.entry')],
          result.rules.map((r, i) => [i + 1, r.id, r.title, this.t(`rules.severity.${r.severity}`), rungNames.get(r.entry)]),
        ),
      )
      this.log('')
      this.log(
        table(
          ['#', this.t('rules.col.rung'), this.t('rules.col.duration'), this.t('rules.col.decidedBy')],
          result.ladder.map((g, i) => [i + 1, `${g.name} (${g.id})`, g.duration, g.decidedBy]),
        ),
      )
      this.log(this.t('rules.expiry', {days: result.expireAfterDays}))
      for (const note of result.notes) this.note(`⚠ ${note}`)
      if (!flags['dry-run']) this.note(this.t('rules.gen.next'))
    }
    return result
  }
}
