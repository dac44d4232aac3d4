import {Args, Flags} from '@oclif/core'
import path from 'node:path'
import {BaseCommand} from '../src/cli/base-command.js'
import {canPrompt, loadPrompts} from '../src/cli/prompt.js'
import {UsageError} from '../src/errors.js'
import {isLocale, LOCALES, type Locale, translator} from '../src/i18n/index.js'
import {isTimezone} from '../src/util/timezone.js'
import {closest} from '../src/util/suggest.js'
import {DEFAULT_COMMUNITY_TYPE, INIT_PLATFORMS, INIT_TYPES, platformChoices, typeChoices} from '../src/workspace/choices.js'
import {initWorkspace, type InitResult} from '../src/workspace/init.js'

export default class Init extends BaseCommand<typeof Init> {
  static override description = 'Create a workspace: community.yaml, playbooks/, data/ and the store folder'

  static override examples = [
    {
      command:
        '<%= config.bin %> init acme --name "Acme 米粉俱乐部" --locale zh-CN --timezone Asia/Shanghai --platform wechat --platform discord --yes',
      description: 'Non-interactive, as in a script or CI',
    },
    {command: '<%= config.bin %> init', description: 'In the current folder; asks on a terminal'},
    {command: '<%= config.bin %> init demo --sample --locale en --yes', description: 'Start from the full bundled sample community'},
  ]

  static override args = {
    dir: Args.string({description: 'Folder to create the workspace in', default: '.'}),
  }

  static override flags = {
    description: Flags.string({char: 'd', description: 'One-line description of the community'}),
    force: Flags.boolean({description: 'Overwrite an existing community.yaml (the store and data are kept)'}),
    locale: Flags.option({char: 'l', description: 'Language of the community (messages, templates, reports)', options: LOCALES})(),
    name: Flags.string({char: 'n', description: 'Community name (default: the folder name)'}),
    platform: Flags.option({char: 'p', description: 'Platform the community runs on (repeatable)', multiple: true, options: INIT_PLATFORMS})(),
    sample: Flags.boolean({description: 'Start from the full bundled sample (personas, pillars, incentives) instead of the starter'}),
    timezone: Flags.string({char: 't', description: 'IANA timezone of the community, e.g. Asia/Shanghai'}),
    type: Flags.option({
      description: `Kind of community; decides the rules template and the playbooks to start with (default: ${DEFAULT_COMMUNITY_TYPE})`,
      options: INIT_TYPES,
    })(),
    yes: Flags.boolean({char: 'y', description: 'Never ask; use defaults for anything not given'}),
  }

  async run(): Promise<InitResult> {
    const {flags} = this
    const dir = path.resolve(this.args.dir)
    const ask = canPrompt({yes: flags.yes, json: this.jsonEnabled()})
    const defaultLocale: Locale = flags.lang && isLocale(flags.lang) ? flags.lang : this.locale
    const defaultTz = defaultLocale === 'zh-CN' ? 'Asia/Shanghai' : Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
    let {name, description, locale, timezone, sample, type} = flags
    let platforms: string[] | undefined = flags.platform
    if (ask) {
      const {input, select, checkbox, confirm} = await loadPrompts()
      locale ??= await select<Locale>({
        message: this.t('init.q.locale'),
        choices: LOCALES.map((l) => ({value: l, name: l === 'zh-CN' ? '简体中文 (zh-CN)' : 'English (en)'})),
        default: defaultLocale,
      })
      this.t = translator(locale) // the rest of the questions in the chosen language
      name ??= await input({message: this.t('init.q.name'), default: path.basename(dir), required: true})
      description ??= await input({message: this.t('init.q.description')})
      timezone ??= await input({
        message: this.t('init.q.timezone'),
        default: defaultTz,
        validate: (v) => isTimezone(v) || this.t('init.badTimezone', {tz: v}),
      })
      platforms ??= (await checkbox({
        message: this.t('init.q.platforms'),
        choices: platformChoices(this.t),
        pageSize: INIT_PLATFORMS.length,
        required: true,
      })) as string[]
      type ??= await select({
        message: this.t('init.q.type'),
        choices: typeChoices(this.t),
        default: DEFAULT_COMMUNITY_TYPE,
        pageSize: INIT_TYPES.length,
      })
      if (!flags.sample) sample = await confirm({message: this.t('init.q.sample'), default: false})
    }
    locale ??= defaultLocale
    timezone ??= defaultTz
    if (!isTimezone(timezone)) {
      const best = closest(timezone, Intl.supportedValuesOf('timeZone'))
      throw new UsageError(
        {key: 'init.badTimezone', params: {tz: timezone}},
        {
          hint: best ? {key: 'suggest.didYouMean', params: {value: best}} : {key: 'init.badTimezone.hint'},
        },
      )
    }
    this.locale = locale
    const result = await initWorkspace({
      dir,
      name: name ?? path.basename(dir),
      description,
      locale,
      timezone,
      platforms: [...new Set(platforms ?? [locale === 'zh-CN' ? 'wechat' : 'discord'])],
      type: type ?? DEFAULT_COMMUNITY_TYPE,
      sample,
      force: flags.force,
    })
    if (!this.jsonEnabled()) {
      const t = translator(locale)
      const shown = path.relative(process.cwd(), dir)
      const where = shown === '' ? '.' : shown.startsWith('..') ? dir : shown
      this.log(t('init.created', {dir: where}))
      for (const f of result.created) this.log(`  + ${f}`)
      for (const f of result.kept) this.log(`  = ${f}`)
      this.log(t('init.next', {dir: where}))
    }
    return result
  }
}
