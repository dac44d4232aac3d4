import {Args, Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../../src/cli/base-command.js'
import {canPrompt, loadPrompts} from '../../src/cli/prompt.js'
import {pick} from '../../src/i18n/index.js'
import {applyTemplate, type ApplyResult} from '../../src/template/apply.js'
import {loadTemplate, type LoadedTemplate} from '../../src/template/load.js'
import {completeParams, defaultOf, parseParamValue, parseSets} from '../../src/template/params.js'
import type {ParamValue} from '../../src/template/schema.js'

const MARK = {create: '+', overwrite: '!', update: '~', same: '='} as const

export default class TemplateApply extends BaseCommand<typeof TemplateApply> {
  static override description =
    'Create a client workspace from a template: community.yaml, playbooks, data/ and schemas, tailored by --set parameters'

  static override examples = [
    {
      command: '<%= config.bin %> template apply brand-community --into clients/acme --set name="Acme" --set timezone=Asia/Shanghai --yes',
      description: 'Non-interactive: defaults for every parameter not given',
    },
    {
      command: '<%= config.bin %> template apply knowledge-community --into clients/dataclub',
      description: 'On a terminal: asks for each parameter, defaults preselected',
    },
    {
      command: '<%= config.bin %> template apply open-source --into . --set name="Fluxion" --set repo=fluxion/fluxion --set locale=en --dry-run',
      description: 'Show what would be written, write nothing',
    },
    {
      command: '<%= config.bin %> template apply ./my-templates/retail --into clients/shop --set name="Shop" --yes --force',
      description: 'A template from a folder; overwrite files that differ',
    },
  ]

  static override args = {
    template: Args.string({
      description: 'A bundled template name (see `commops template list`) or the path of a folder holding template.yaml',
      required: true,
    }),
  }

  static override flags = {
    'allow-exec-files': Flags.boolean({
      description: 'Also write files other tools run or load on their own (CI workflows, .vscode/, package.json, scripts…)',
    }),
    'dry-run': Flags.boolean({description: 'Print the plan and write nothing'}),
    force: Flags.boolean({description: 'Overwrite files in --into whose content differs'}),
    into: Flags.string({char: 'i', default: '.', description: 'Folder to create the workspace in; nothing is written outside it'}),
    set: Flags.string({
      char: 's',
      description: 'A parameter value, NAME=VALUE (repeatable); every prompt has one',
      multiple: true,
      multipleNonGreedy: true,
    }),
    yes: Flags.boolean({char: 'y', description: 'Never ask; use defaults for anything not given'}),
  }

  async run(): Promise<ApplyResult> {
    const {flags} = this
    const tpl = await loadTemplate(this.args.template, {locale: this.locale})
    const given = parseSets(tpl.doc, flags.set ?? [])
    if (canPrompt({yes: flags.yes || this.jsonEnabled()})) Object.assign(given, await this.ask(tpl, given))
    const values = completeParams(tpl.doc, given)
    const result = await applyTemplate(tpl, values, {
      into: flags.into,
      force: flags.force,
      dryRun: flags['dry-run'],
      allowExecFiles: flags['allow-exec-files'],
      locale: this.locale,
    })
    if (!this.jsonEnabled()) {
      const shown = path.relative(process.cwd(), result.into)
      const dir = shown === '' ? '.' : shown.startsWith('..') ? result.into : shown
      this.log(this.t(result.dryRun ? 'template.dryRun' : 'template.applied', {template: result.template, dir}))
      for (const f of result.files) this.log(`  ${MARK[f.action]} ${f.path}`)
      const count = (a: string) => result.files.filter((f) => f.action === a).length
      this.log(this.t('template.summary', {create: count('create'), overwrite: count('overwrite'), update: count('update'), same: count('same')}))
      if (!result.dryRun) this.log(this.t('template.next', {dir}))
    }
    return result
  }

  /** Asks for every parameter not given with --set, the default preselected; answers are checked like --set values. */
  private async ask(tpl: LoadedTemplate, given: Record<string, ParamValue>): Promise<Record<string, ParamValue>> {
    const {input, select, confirm} = await loadPrompts()
    const answers: Record<string, ParamValue> = {}
    for (const [name, param] of Object.entries(tpl.doc.parameters)) {
      if (Object.hasOwn(given, name)) continue
      const message = pick(param.prompt, this.locale)
      const fallback = defaultOf(name, param)
      if (param.type === 'boolean') {
        answers[name] = await confirm({message, default: fallback === true})
      } else if (param.type === 'enum' || param.type === 'locale') {
        const options = param.type === 'enum' ? (param.options ?? []) : ['zh-CN', 'en']
        answers[name] = await select({
          message,
          choices: options.map((o) => ({value: o, name: o})),
          default: fallback === undefined ? undefined : String(fallback),
        })
      } else {
        const check = (v: string) => {
          if (v === '' && !param.required) return true
          const parsed = parseParamValue(name, param, v)
          return parsed.ok || this.t(parsed.msg)
        }
        const raw = await input({
          message,
          default: fallback === undefined ? undefined : String(fallback),
          required: Boolean(param.required),
          validate: check,
        })
        if (raw === '' && !param.required) continue
        const parsed = parseParamValue(name, param, raw)
        if (parsed.ok) answers[name] = parsed.value
      }
    }
    return answers
  }
}
