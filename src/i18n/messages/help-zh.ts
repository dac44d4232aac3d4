/**
 * --help in Chinese (src/cli/help.ts loads this module only when it shows help in Chinese).
 *
 * HOW A COMMAND GETS ITS CHINESE HELP: the English help stays where oclif reads it (the command file's static
 * `description`, `examples`, `args` and `flags` descriptions, hence oclif.manifest.json and the README; topics in
 * package.json `oclif.topics`); its Chinese lives here, in HELP_ZH, under the same names: `commands['calendar:export']`
 * holds the description, `args` and `flags` by name, and `examples` by command line without `<%= config.bin %> `.
 * src/cli/help.ts shows one or the other, chosen like every message (--lang, the workspace's locale, LANG).
 * tests/e2e/help-i18n.test.ts fails when a command, flag, argument, topic or example has no Chinese here (or no
 * English there), and when an entry here names nothing: a new command brings its texts in both places.
 */
import {common} from './common.js'

/** The Chinese --help of one command; the English is in the command file (see the comment at the top). */
export interface CommandHelpZh {
  description: string
  args?: Record<string, string>
  flags?: Record<string, string>
  /** By the example's command line without `<%= config.bin %> ` (examples without a description need none). */
  examples?: Record<string, string>
}

const zh = (key: string, params: Record<string, string> = {}) =>
  common[key]['zh-CN'].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole)

/** The --out rule, word for word the same in every --help that has --out. */
const OUT_FILE = (name: string) => zh('flag.out.file', {name})
const OUT_DIR = zh('flag.out.dir')

const FORCE_FILE = '覆盖非 commops 写入的文件'

export const HELP_ZH: {
  /** The first line of `commops --help` (package.json `description`). */
  root: string
  /** package.json `oclif.topics`, by topic. */
  topics: Record<string, string>
  /** Flags every command has (BaseCommand.baseFlags and oclif's --json). */
  globalFlags: Record<string, string>
  commands: Record<string, CommandHelpZh>
} = {
  root: '在终端里运营线上社群：YAML 剧本、内容日历、群规与问卷（社群运营工具箱）',
  topics: {
    playbook: '运行 YAML 剧本：建群启动、日常维护与效果评估',
    task: '剧本生成的手动任务（邀请种子用户、置顶群规……）',
    template: '给顾问用的客户模板：每种社群类型一个现成的工作区',
    calendar: '内容日历：按内容支柱生成、检查、导出（md、csv、ics、json）',
    rules: '群规（行为准则），带处罚阶梯与违规记录',
    'rules:incident': '记录违规事件，并给出应采取的处罚档位；之后可以更正或撤销',
    survey: '问卷：创建、导出到表单工具、导入回收结果、计算得分',
    events: '导入社群活动：把各平台的导出文件转成统一的事件，再列出和统计',
    members: '成员：档案导入、列表、详情、用户画像与导出；积分、等级、勋章与积分榜；把同一个人在各平台上的账号关联起来',
    scorecard: '评分卡：按目标给一个周期打分、评级，与上一期比较，可在 CI 中设置及格线',
  },
  globalFlags: {
    json: '以 JSON 输出（标准输出上只有 JSON）',
    lang: '消息与输出的语言（默认：工作区的 locale，其次是 LANG）',
    workspace: '工作区文件夹（默认：最近的含 community.yaml 的文件夹）',
  },
  commands: {
    autocomplete: {
      description: '显示命令行自动补全的安装说明。',
      args: {shell: 'Shell 类型'},
      flags: {'refresh-cache': '刷新补全缓存（不显示安装说明）'},
    },
    help: {
      description: '显示 commops 的帮助。',
      args: {command: '要查看帮助的命令。'},
      flags: {'nested-commands': '同时列出所有子命令。'},
    },
    dashboard: {
      description:
        '每天早上看的总览：带趋势的关键指标卡片、评分卡、未来 14 天的日历、任务、剧本运行、积分榜与等级变化、最近的问卷和首要建议（在终端中全屏、可用键盘操作；--once 只画一帧）',
      flags: {
        height: '--once 时画面的行数（默认：$LINES、终端的行数或 24）',
        once: '向标准输出画一帧后退出（不含光标控制码；设置了 NO_COLOR 或标准输出不是终端时不带颜色）',
        width: '--once 时画面的列数（默认：$COLUMNS、终端的列数或 80）',
      },
      examples: {
        dashboard: '全屏：tab 切换面板，enter 查看详情，r 刷新，? 帮助，q 退出',
        'dashboard --once --width 100': '一帧纯文本，用于 CI 日志和截图',
        'dashboard --json': '各面板显示的内容，JSON 格式',
      },
    },
    init: {
      description: '创建工作区：community.yaml、playbooks/、data/ 和存储文件夹',
      args: {dir: '在哪个文件夹里创建工作区'},
      flags: {
        description: '社群的一句话简介',
        force: '覆盖已有的 community.yaml（存储和数据保留）',
        locale: '社群的语言（消息、模板、报告）',
        name: '社群名称（默认：文件夹名）',
        platform: '社群所在的平台（可重复）',
        sample: '从完整的内置示例（用户画像、内容支柱、激励）开始，而不是从入门模板开始',
        timezone: '社群的 IANA 时区，例如 Asia/Shanghai',
        type: '社群类型',
        yes: '不提问；没给出的都用默认值',
      },
      examples: {
        'init acme --name "Acme 米粉俱乐部" --locale zh-CN --timezone Asia/Shanghai --platform wechat --platform discord --yes':
          '非交互方式，适合脚本或 CI',
        init: '在当前文件夹创建；在终端中会逐项询问',
        'init demo --sample --locale en --yes': '从完整的内置示例社群开始',
      },
    },
    overview: {
      description:
        '给顾问用：一个文件夹下每个客户工作区一行（最新评级与趋势、待办与逾期任务、最近一次剧本运行、已导入事件数），从各自的存储中读取，不做任何改动',
      args: {dir: '存放客户工作区的文件夹（它本身也可以是工作区）'},
      flags: {sort: '行的排序：按名称、评级最高、得分最高，或逾期任务最多的在前'},
      examples: {
        'overview clients/': 'clients/ 下的每个客户工作区，按名称排序',
        'overview clients/ --sort overdue': '逾期任务最多的客户排在前面',
        'overview --sort grade --json': '当前文件夹下的工作区，评级最高的在前，JSON 格式',
      },
    },
    runs: {
      description: '剧本运行历史及结果；给出运行编号可查看其中每一步',
      args: {id: '运行编号，例如 R3'},
      flags: {limit: '显示多少次运行，最新的在前', playbook: '只看这个剧本的运行'},
      examples: {runs: '最近的运行', 'runs R3': '一次运行，逐步查看', 'runs --playbook launch --json': '某个剧本的运行记录，JSON 格式'},
    },
    schema: {
      description: '打印某种文档的 JSON Schema，或把所有 schema 写入文件夹，供编辑器和 CI 使用',
      args: {kind: '文档种类（Community、Playbook……），不区分大小写'},
      flags: {out: OUT_DIR},
      examples: {
        schema: '列出所有种类',
        'schema Community': '打印 community.yaml 的 schema',
        'schema --out schemas/': '把每种文档写成 schemas/<kind>.schema.json',
      },
    },
    validate: {
      description: '按 schema 检查 community.yaml、剧本和其他 commops 文件，每个问题都标出 文件:行:列',
      args: {paths: '要检查的文件或文件夹（在文件夹中查找 *.yaml / *.yml）；默认：整个工作区'},
      flags: {format: '输出格式', strict: '有警告（如尚未填写的占位符）也以退出码 1 结束，适合 CI'},
      examples: {
        validate: '检查当前工作区（community.yaml、playbooks/ 及其中所有 *.yaml）',
        'validate configs/ --format sarif > results.sarif': '在 CI 中检查一整个文件夹的社群配置，并上传 SARIF 报告',
        'validate community.yaml playbooks/launch.yaml --format github': '在拉取请求上显示 GitHub Actions 注解',
        'validate --format junit > junit.xml': '给 CI 看板用的 JUnit 报告',
        'validate --strict': '在 CI 中连警告也算失败，例如 community.yaml 里还留着占位符',
      },
    },
    'calendar:add': {
      description: '往日历里加一条一次性条目（一次活动、一篇发布帖、双十一直播），并打印它的编号。手动添加的条目在重新生成时会保留',
      flags: {
        channel: 'community.yaml 中的渠道编号',
        date: '日期，YYYY-MM-DD（社群时区）',
        duration: '时长，分钟（默认 60）',
        format: '形式',
        notes: '备注',
        owner: '负责人',
        pillar: '内容支柱或活动编号，也可以是自己为一次性条目起的标签（例如 promo）',
        status: '状态（默认 planned）',
        time: '时间，HH:MM（社群时区）',
        title: '标题',
      },
      examples: {
        'calendar add --date 2026-11-11 --time 20:00 --title "双十一直播" --channel wechat-main --pillar promo --format live --owner 小王':
          '一场双十一直播（一次性活动）',
        'calendar add --date 2026-12-15 --time 10:00 --title "Launch post: v2.0" --channel forum-tips --owner Sam --json':
          '一篇发布帖，JSON 格式（新编号在 item.id 中）',
      },
    },
    'calendar:check': {
      description: '检查日历：沉默超过发布节奏的渠道、排得过满的日子、落在禁发日或节假日的条目（有任何问题时退出码为 1）',
      flags: {
        from: '第一天，YYYY-MM-DD（默认：第一条条目）',
        'max-per-day': '一个渠道一天最多承载的条目数',
        'max-per-owner': '一个负责人一天最多的条目数',
        to: '最后一天，YYYY-MM-DD，包含当天（默认：最后一条条目）',
        weeks: '从 --from 起的周数',
      },
      examples: {
        'calendar check': '整个日历（最多最近一年）',
        'calendar check --from 2026-12-01 --weeks 4 --json': '在 CI 中检查一段时间，问题以 JSON 输出，有问题时退出码为 1',
        'calendar check --max-per-day 2 --max-per-owner 3': '更严格的上限',
      },
    },
    'calendar:export': {
      description: '导出日历：Markdown（每周一张表）、CSV（带 BOM 的 UTF-8，方便 Excel）、JSON 或 ICS（每条一个日程，UID 稳定）',
      flags: {
        channel: '只要这个渠道（可重复）',
        force: FORCE_FILE,
        format: '输出格式（默认：按 --out 的扩展名，否则 md）',
        from: '第一天，YYYY-MM-DD（默认：所有条目）',
        out: OUT_FILE('calendar.<format>'),
        pillar: '只要这个内容支柱或活动编号（可重复）',
        to: '最后一天，YYYY-MM-DD，包含当天',
        weeks: '从 --from 起的周数',
      },
      examples: {
        'calendar export --format ics --out out/calendar.ics': '导入 Google 日历、Outlook 或苹果日历；再次导入会更新这些日程',
        'calendar export --out out/calendar.csv --from 2026-12-01 --weeks 4': '四周的表格（格式取自文件扩展名）',
        'calendar export --format md': 'Markdown 输出到标准输出',
      },
    },
    'calendar:generate': {
      description: '按 community.yaml 的内容支柱和活动规划一段时间的内容；重新生成时保留人工改过的条目',
      flags: {
        channel: '只要这个渠道上的内容支柱和活动（可重复）',
        'dry-run': '显示将新增、保留和删除的条目；不写入任何内容',
        from: '第一天，YYYY-MM-DD（默认：社群时区的今天）',
        pillar: '只要这个内容支柱或活动编号（可重复）',
        to: '最后一天，YYYY-MM-DD，包含当天（代替 --weeks）',
        weeks: '周数（默认 4）',
      },
      examples: {
        'calendar generate --from 2026-12-01 --weeks 4': '从 12 月 1 日起的四周',
        'calendar generate --from 2026-12-01 --to 2026-12-31 --dry-run': '将新增、保留和删除哪些条目；不写入任何内容',
        'calendar generate --from 2027-01-01 --weeks 2 --pillar daily-topic --channel wechat-main': '只生成一个渠道上的一个内容支柱',
      },
    },
    'calendar:rm': {
      description: '按编号删除日历条目。删除的生成条目在同一时段重新生成时不会再出现；如需留下记录，请改用 `calendar set ID --status cancelled`',
      args: {ids: '条目编号，例如 C17'},
      examples: {'calendar rm C17': '删除一条', 'calendar rm C17 C18 C19 --json': '删除三条，JSON 格式'},
    },
    'calendar:set': {
      description:
        '修改日历条目：状态（idea → planned → drafted → scheduled → published | cancelled）、负责人、标题、备注、日期或时间。改过的条目在重新生成时会保留',
      args: {ids: '条目编号，例如 C17'},
      flags: {
        date: '新日期，YYYY-MM-DD',
        notes: '备注（替换原有备注）',
        owner: '新负责人',
        status: '新状态',
        time: '新时间，HH:MM',
        title: '新标题',
      },
      examples: {
        'calendar set C17 --status published --owner 小王': '标记为已发布，并记下是谁发的',
        'calendar set C3 C4 --status cancelled --notes "Moved to the launch week"': '取消两条并附上备注',
        'calendar set C9 --date 2026-12-10 --time 19:30': '改期（社群时区）',
      },
    },
    'calendar:show': {
      description: '以表格显示内容日历，使用社群的时区和语言',
      flags: {
        all: '所有条目，不论日期',
        channel: '只要这个渠道（可重复）',
        from: '第一天，YYYY-MM-DD（默认：今天）',
        owner: '只要这个负责人的条目',
        pillar: '只要这个内容支柱或活动编号（可重复）',
        status: '只要这个状态的条目（可重复）',
        to: '最后一天，YYYY-MM-DD，包含当天',
        weeks: '从 --from 起的周数（默认 4）',
      },
      examples: {
        'calendar show --from 2026-12-01 --to 2026-12-31': '12 月',
        'calendar show': '接下来四周',
        'calendar show --owner 小王 --status planned --status drafted': '某个人尚未完成的条目',
        'calendar show --all --json': '所有条目，JSON 格式',
      },
    },
    'events:import': {
      description:
        '把社群活动导入为统一的事件：DiscordChatExporter JSON、Slack 导出（zip 或文件夹）、Discourse API JSON、Telegram Desktop JSON、QQ 消息管理器文本、CSV、NDJSON。格式自动识别；再次导入相同或有重叠的导出文件时，只添加新的部分',
      args: {file: '导出文件，或 Slack 导出文件夹'},
      flags: {
        channel: '把所有事件记在这个频道编号下（默认：来源自带的频道名）',
        'dry-run': '只读取并报告数量和样例；不写入任何内容',
        encoding: '文本或 CSV 文件的编码（utf8、gbk、gb18030、utf16le……）；默认：自动识别',
        from: '文件格式，在自动识别不够用时指定',
        'include-bots': '保留机器人的消息（默认略过）',
        map: 'CSV 的列："列名=字段"，字段为 ts、member、type、channel、topic、src、parent、text（可重复）',
        platform: 'CSV 中未带平台前缀的成员所用的前缀（默认 csv：csv:小王）',
        preset: '已保存的 CSV 映射：memotrace（留痕导出的微信记录）、sheet-zh、sheet-en，或用 --save-preset 保存的映射',
        'save-preset': '把 --map（和 --platform）以这个名称保存，供以后导入使用',
      },
      examples: {
        'events import data/general.json': '一个 DiscordChatExporter 导出的频道（略过机器人；--include-bots 可保留）',
        'events import data/export.zip': 'Slack 官方导出，压缩或已解压均可',
        'events import "data/摄影爱好者交流群.txt" --channel qq-main': 'QQ 群导出，记为频道 qq-main',
        'events import data/wechat.csv --map "时间=ts,昵称=member,类型=type,群=channel" --save-preset my-sheet':
          '按列映射导入 CSV，并把映射存为预设，下个月直接用',
        'events import data/memotrace.csv --preset memotrace --dry-run': '用预设导入微信导出（留痕）；只显示将添加的内容',
      },
    },
    'events:list': {
      description: '列出已导入的事件，按时间最新的在前；关联过账号的成员会显示其所有账号的事件',
      flags: {
        channel: '只看这个频道',
        last: '显示最近的多少条事件',
        member: '只看这个成员（平台:id）及与之关联的账号',
        since: '起始日期，YYYY-MM-DD（社群时区）',
        type: '只看这种类型',
        until: '截止日期，YYYY-MM-DD，包含当天（社群时区）',
      },
      examples: {
        'events list --member qq:10002 --type reply --last 20': '某个成员（及其关联账号）最近的 20 条回复',
        'events list --channel general --since 2026-11-01 --until 2026-11-30 --json': '一个频道 11 月的事件，JSON 格式',
      },
    },
    'events:stats': {
      description: '按类型、频道和月份统计已导入的事件，并给出时间范围、成员账号数和人数（关联的账号只算一人）',
      examples: {'events stats': '以表格显示统计', 'events stats --json': '同样的统计，JSON 格式'},
    },
    metrics: {
      description:
        '某个周期的社群指标（日活、月活、黏性、留存、响应率、满意度、NPS……），每项对照 community.yaml 中 goals 的目标；无数据的指标会说明原因。默认周期：上一个完整的月份',
      flags: {
        channel: '只统计这个频道的事件（可重复）',
        chart: '在终端画出各指标在各周期的走势（配合 --last；默认画设了目标的指标）',
        explain: '解释一项指标：输入、计数、公式、说明，以及背后的每日数据',
        from: '自定义周期的第一天，YYYY-MM-DD（社群时区）',
        last: '周期个数，以 --period 指定的（或上一个完整的）周期结尾',
        metric: '只看这项指标（可重复）',
        period:
          '月份 2026-10、季度 2026-Q4、ISO 周 2026-W44、日期 2026-10-05，或 day|week|month|quarter 表示上一个完整的该单位（默认：上一个完整的月份）',
        platform: '只统计这个平台的成员，如 qq、discord（可重复）',
        sql: '不计算，改为输出事件指标的 DuckDB 查询语句（读取本工作区的事件文件），定义与本工具一致',
        to: '自定义周期的最后一天，YYYY-MM-DD，包含当天（默认：今天）',
      },
      examples: {
        'metrics --period 2026-10': '2026 年 10 月的全部指标及目标',
        'metrics --period 2026-10 --sql > metrics.sql && duckdb < metrics.sql': '同样的定义写成 DuckDB 查询，直接读取工作区的事件文件',
        'metrics --period week --last 12 --chart': '最近 12 个完整周的走势图',
        'metrics --explain stickiness': '某项指标是怎么算出来的：输入、计数、公式和背后的每日数据',
        'metrics --from 2026-11-01 --to 2026-11-15 --channel wechat-main --platform qq': '自定义时间段，只看一个频道的 QQ 成员',
        'metrics --period 2026-Q4 --json': '指标集的 JSON（评分卡读取的就是它）',
      },
    },
    report: {
      description:
        '一个周期的社群运营总结报告：概述、策略、实践、效果评估、优化建议与未来展望，全部取自工作区数据；可输出 Markdown、带图表的单个 HTML 文件，或用本机的 Chromium 打印成 PDF',
      flags: {
        force: FORCE_FILE,
        from: '自定义周期的第一天，YYYY-MM-DD（社群时区）',
        format: 'md、html 或 pdf（pdf 需要 --out 和本机的 Chromium）',
        out: OUT_FILE('report-<period>.<format>'),
        period: '季度 2026-Q4、月份 2026-10 或 ISO 周 2026-W44，或 quarter|month|week 表示上一个完整周期（默认：上一个完整季度）',
        to: '自定义周期的最后一天，YYYY-MM-DD，包含当天（默认：今天）',
      },
      examples: {
        'report --period 2026-Q4': '第四季度报告，Markdown 输出到终端',
        'report --period 2026-Q4 --format html --out ~/deliverables/acme-2026Q4.html': '交给客户的单个 HTML 文件（可按 A4 打印）',
        'report --period 2026-10 --format pdf --out out/report-2026-10.pdf --lang zh-CN': '10 月的中文报告，PDF 格式',
        'report --from 2026-07-01 --to 2026-09-30 --format html --out out/': '自定义时间段，带上评估剧本为这一段计算的评分卡',
        'report --period 2026-Q4 --json': '汇总的数据，JSON 格式',
      },
    },
    retention: {
      description:
        '留存分析：每周（或每月）新加入的人，在之后每一周仍活跃的比例，以及 7 日、30 日留存。没有加入事件的成员以首次活动作为加入时间（会注明）。默认：最近 8 个完整周',
      flags: {
        channel: '只统计这个频道的事件（可重复）',
        cohort: '按周或按月给加入者分组',
        last: '分组个数，以上一个完整的周或月结尾',
        platform: '只统计这个平台的成员，如 qq、discord（可重复）',
        to: '以这一天（YYYY-MM-DD）当天或之前最后一个完整的周或月结尾（默认：今天之前）',
      },
      examples: {
        'retention --cohort week --last 8': '最近 8 个按周分组',
        'retention --cohort month --last 6 --platform qq': 'QQ 成员的 6 个按月分组',
        'retention --cohort month --last 3 --to 2026-09-30': '截至 2026 年 9 月的 3 个按月分组',
        'retention --json': '留存表的 JSON',
      },
    },
    funnel: {
      description: '某个周期内加入者的转化漏斗：加入 → 首次互动 → 前 8 周中有 4 周活跃 → 转化，并给出各步转化率。默认周期：上一个完整的季度',
      flags: {
        channel: '只统计这个频道的事件（可重复）',
        from: '自定义周期的第一天，YYYY-MM-DD（社群时区）',
        period:
          '哪个周期的加入者：月份 2026-10、季度 2026-Q4、ISO 周 2026-W44、日期 2026-10-05，或 day|week|month|quarter 表示上一个完整的该单位（默认：上一个完整的季度）',
        platform: '只统计这个平台的成员，如 qq、discord（可重复）',
        to: '自定义周期的最后一天，YYYY-MM-DD，包含当天（默认：今天）',
      },
      examples: {
        funnel: '上一个完整季度的加入者',
        'funnel --period 2026-09 --channel wechat-main': '9 月的加入者，只看一个频道',
        'funnel --from 2026-01-01 --to 2026-06-30 --json': '半年的漏斗，JSON 格式',
      },
    },
    'members:link': {
      description: '把同一个人在各平台上的账号关联起来，让事件按人而不是按账号统计（用 `members unlink` 撤销）',
      args: {identities: '账号，写成 平台:id（两个或更多）'},
      examples: {
        'members link discord:123 slack:U456 qq:10002': '同一个人的 Discord、Slack 和 QQ 账号',
        'members link wechat:wxid_x csv:小王 --json': 'JSON 格式（这个人的编号和账号）',
      },
    },
    'members:unlink': {
      description: '把账号从所关联的人中移出',
      args: {identities: '账号，写成 平台:id'},
      examples: {'members unlink qq:10002': 'qq:10002 重新单独算作一个人'},
    },
    'members:import': {
      description:
        '从 CSV（UTF-8、带 BOM 的 UTF-8、GBK）或 .xlsx 表格导入成员档案：编号、姓名、各平台账号、加入时间、年龄、性别、地区、职业、兴趣、标签（中英文表头均可；其他列作为属性保留）。再次导入时按编号（或账号）更新档案，其余保持不变；有多个账号的档案会把这些账号关联为同一个人',
      args: {file: 'CSV 或 .xlsx 成员表'},
      flags: {
        'dry-run': '只读取并报告，不保存',
        encoding: '文件编码（utf8、gbk、gb18030、utf16le……）；默认自动识别',
        map: '手动对应列："列名=字段"，字段可以是 id、name、ids、joined、age、gender、region、occupation、interests、tags、平台名（qq、wechat……）或 ignore（可重复，可用逗号分隔）',
      },
      examples: {
        'members import data/members.csv': '能识别 姓名、微信、QQ、地区、职业、兴趣、标签、加入时间 等表头',
        'members import data/名单.xlsx --map "昵称=name,QQ号码=qq" --dry-run': '手动对应列（字段、平台或 ignore），只报告将发生的变化',
      },
    },
    'members:list': {
      description: '列出成员：所有导入的档案，以及活动中出现过的每个人，附最近活动时间和近 30 天互动次数',
      flags: {
        level: '只看处于这个参与等级的成员（编号或名称：core、active、new、casual、dormant、核心……或自定义的）',
        limit: '显示多少位成员',
        region: '只看这个地区的成员',
        sort: '排序：name（姓名）、last-seen（最近活动在前）、interactions（近 30 天互动多的在前）、joined（最早加入在前）、points（积分高的在前）',
        tag: '只看带这个标签的成员（可重复：须全部满足）',
        where: '只看某属性等于某值的成员：属性=值（可重复：须全部满足）',
      },
      examples: {
        'members list --sort last-seen --limit 20': '最近活动的 20 位成员',
        'members list --region 上海 --tag 摄影 --json': '上海地区、带“摄影”标签的成员，JSON 格式',
        'members list --where occupation=设计师 --sort interactions': '按任意属性筛选，最活跃的在前',
        'members list --level core --sort points': '核心成员，积分高的在前',
      },
    },
    'members:show': {
      description:
        '查看一位成员：属性和账号、根据活动得出的概况（首次和最近出现、各类互动次数、活跃天数、连续活跃周数）、涉及他的违规记录和他负责的任务',
      args: {member: '账号（qq:10002）、人员编号（P1）、档案编号或准确的名字'},
      examples: {
        'members show qq:10002': '用成员的任一账号（或人员编号 P1）',
        'members show 王芳 --json': '用档案编号或准确的名字，JSON 格式',
      },
    },
    'members:segments': {
      description:
        '用户画像表：按一个或多个属性给成员分组，每组给出占比、周期内活跃的比例、30 日留存，以及最近一次问卷的 NPS 和 CSAT（按答卷的成员列关联）；不足 5 人的组会标出',
      flags: {
        by: '分组属性，用逗号分隔：region、occupation、gender、age、interests、tags、level（参与等级）、title（头衔）或表格中的任意列',
        period: '“活跃”的统计周期：月份 2026-10、季度 2026-Q4、ISO 周 2026-W44 或日期（默认：截至今天的 30 天）',
      },
      examples: {
        'members segments --by region': '按地区，统计近 30 天活跃',
        'members segments --by region,occupation --period 2026-09 --json': '两个属性，统计 9 月活跃，JSON 格式',
      },
    },
    'members:export': {
      description:
        '导出成员，只包含指定的字段，格式为 CSV、JSON 或 .all-contributorsrc；--anonymize 把编号、姓名和账号换成化名，同一工作区内每次导出都相同',
      flags: {
        anonymize: '把编号、姓名和账号换成稳定的化名（由保存在工作区中的密钥生成）',
        fields:
          '字段，用逗号分隔（默认：id,name）：id、name、identities、joined、age、gender、region、occupation、interests、tags、first_seen、last_seen、interactions、interactions_30d、points、title、level、badges 或表格中的任意列',
        force: '覆盖不是 commops 写的文件',
        format: '输出格式',
        out: OUT_FILE('members.<format>'),
      },
      examples: {
        'members export --fields id,name,region,interactions_30d --out out/members.csv': '四个字段，CSV 格式',
        'members export --format json --fields id,region,occupation --anonymize': '给客户看：用化名代替编号，JSON 输出到标准输出',
        'members export --format all-contributors --out .all-contributorsrc': '按活动和标签得出的贡献者',
      },
    },
    // members.incentives: begin
    'members:points': {
      description:
        '积分账本：按 community.yaml 的激励规则（各类事件的积分、每日上限、冷却时间、活动倍数）从事件重新计算，保留手动加减分；或查看某位成员的明细',
      flags: {
        recompute: '从事件 × 规则重新计算账本（同样的事件得到同样的账本）',
        'dry-run': '与 --recompute 一起：只显示合计，不写入',
        member: '查看这位成员的账本（账号、人员编号 P1、档案编号或准确的名字）',
      },
      examples: {
        'members points --recompute': '重新计算账本并显示合计',
        'members points --recompute --dry-run': '重新计算会得到什么；不写入',
        'members points --member qq:10002': '某位成员的积分、称号和账本明细',
        'members points --json': '已存账本的合计，JSON 格式',
      },
    },
    'members:award': {
      description: '手动给成员加分，或用负数扣分；原因记入账本，重新计算不会丢失',
      args: {member: '成员：账号（qq:10002）、人员编号（P1），或 members list 显示的档案编号或准确的名字'},
      flags: {points: '加的分数（负数为扣分）', reason: '原因（记入账本）', by: '由谁发放'},
      examples: {
        'members award qq:10002 --points 50 --reason "线下活动志愿者"': '线下活动志愿者加 50 分',
        'members award P3 --points -20 --reason "Reaction farming"': '给人员 P3 扣 20 分',
      },
    },
    'members:levels': {
      description:
        '某个周期结束时各参与度等级的人数（默认：核心 / 活跃 / 新人 / 一般 / 沉睡，按 28 天内的加权活跃度），以及与上一周期相比的变动（每对等级之间的上升 / 持平 / 下降）',
      flags: {period: '月份 2026-10、季度 2026-Q4、ISO 周 2026-W44，或 day|week|month|quarter 表示上一个完整的该单位（默认：month）'},
      examples: {
        'members levels': '上一个完整月的月末，对比再上一个月',
        'members levels --period 2026-10': '2026 年 10 月末，对比 9 月',
        'members levels --period week --json': '按周，JSON 格式',
      },
    },
    'members:gravity': {
      description: '社群的参与度得分（各等级 权重² × 人数 之和）、与上一周期相比的变化，以及上升和下降最多的成员',
      flags: {
        period: '月份 2026-10、季度 2026-Q4、ISO 周 2026-W44，或 day|week|month|quarter 表示上一个完整的该单位（默认：month）',
        limit: '每个方向显示多少位成员',
      },
      examples: {
        'members gravity': '上一个完整月对比再上一个月',
        'members gravity --period 2026-Q4 --limit 5': '一个季度，每个方向变化最多的 5 位',
        'members gravity --json': 'JSON 格式',
      },
    },
    'members:badges': {
      description:
        '勋章：按 community.yaml 的规则颁发（每人每枚只颁发一次，记下获得日期），列出持有人或某位成员的勋章；也可手动颁发，或写明原因收回（之后规则不会再颁给此人）',
      flags: {
        member: '成员（账号、人员编号 P1、档案编号或准确的名字）：查看其勋章，或要颁发、收回的对象',
        award: '手动颁发这枚勋章（需要 --member）',
        revoke: '收回这枚勋章（需要 --member 和 --reason）',
        reason: '原因（与 --award 或 --revoke 一起使用）',
        'dry-run': '显示规则将会颁发哪些勋章；不写入',
      },
      examples: {
        'members badges': '颁发规则给出的勋章，再列出每枚勋章的持有人数',
        'members badges --member qq:10002': '某位成员的勋章',
        'members badges --dry-run': '规则将会颁发哪些勋章；不写入',
        'members badges --award mentor --member qq:10002 --reason "带新人"': '手动颁发一枚勋章',
        'members badges --revoke first-post --member qq:10002 --reason "Spam post"': '收回一枚勋章并写明原因',
      },
    },
    'members:top': {
      description: '积分榜：某个周期内获得的积分，从高到低，附每人按累计积分获得的称号',
      flags: {
        period: '月份 2026-10、季度 2026-Q4、ISO 周 2026-W44、日期，或 day|week|month|quarter 表示上一个完整的该单位（默认：month）',
        limit: '显示多少行',
      },
      examples: {
        'members top --period month --limit 20': '上一个完整月的前 20 名',
        'members top --period 2026-Q4 --lang zh-CN': '一个季度，中文显示',
        'members top --json': 'JSON 格式',
      },
    },
    // members.incentives: end
    'playbook:list': {
      description: '列出内置剧本和工作区剧本，以及它们的阶段和说明',
      examples: {'playbook list': '这里能运行哪些剧本？', 'playbook list --json': '给脚本用'},
    },
    'playbook:new': {
      description: '在工作区的 playbooks/ 文件夹中新建剧本：复制另一个剧本，或从入门模板开始',
      args: {name: '新剧本的名称（小写字母、数字、-）'},
      flags: {force: '覆盖已有的剧本文件', from: '复制这个剧本（名称或路径）', phase: '入门剧本的阶段'},
      examples: {
        'playbook new my-launch --from launch': '复制内置的 launch 剧本，再按需修改',
        'playbook new weekly --phase maintain': '一个小的入门剧本',
      },
    },
    'playbook:run': {
      description: '运行剧本：规划每一步，显示将改变什么，并记录这次运行（--dry-run 不写入任何内容）',
      args: {playbook: '剧本名称（见 `commops playbook list`）或 .yaml 文件路径'},
      flags: {
        diff: '显示有改动的步骤的差异（--dry-run 时总会显示）',
        'dry-run': '只规划并显示差异；不写入任何内容（不动存储、不写文件、不加锁）',
        force: '覆盖工作区中非 commops 写入的文件',
        only: '只运行这一步及其依赖的步骤（可重复）',
        var: '设置剧本变量，NAME=VALUE（可重复；类型由剧本决定）',
        yes: '写入前不再询问（在终端中 commops 会先显示改动并询问）',
      },
      examples: {
        'playbook run launch --var start=2026-12-01 --dry-run': '规划和差异；不写入任何内容',
        'playbook run launch --var start=2026-12-01': '运行；每一步报告 ok、changed、skipped 或 failed',
        'playbook run playbooks/weekly.yaml --only calendar --json': '只运行一步（及其所需步骤），运行记录以 JSON 输出',
      },
    },
    'playbook:show': {
      description: '显示剧本：输入变量（vars）、步骤，以及每一步产出什么',
      args: {playbook: '剧本名称或 .yaml 文件路径'},
      examples: {'playbook show launch': '一个内置剧本', 'playbook show playbooks/weekly.yaml --json': '一个剧本文件，JSON 格式'},
    },
    'rules:export': {
      description: '导出群规：Markdown（用作 CODE_OF_CONDUCT.md 或群规页面）、纯文本（用作群公告）或 JSON',
      flags: {force: FORCE_FILE, format: '导出格式', out: OUT_FILE('rules.<format>')},
      examples: {
        'rules export --format md --out CODE_OF_CONDUCT.md': '给代码仓库用的行为准则',
        'rules export --format txt --lang zh-CN': '纯文本输出到标准输出，可直接粘贴为微信群公告',
        'rules export --format json --out out/rules.json': '单一语言的 RuleSet 文档，供其他工具使用',
      },
    },
    'rules:generate': {
      description: '按模板和 community.yaml 的 `rules:` 部分生成群规（行为准则），并保存到存储中',
      flags: {
        'dry-run': '显示将保存的群规；不写入任何内容',
        'expire-after-days': '超过这么多天的违规不再计入（默认：模板的设置，180 天）',
        ladder: '只保留这些处罚档位，逗号分隔（reminder、warning、mute、suspension、removal）',
        template: '内置模板：standard、strict、open-source、brand（默认：community.yaml 的 rules.template，否则按社群类型）',
      },
      examples: {
        'rules generate': 'community.yaml 的 rules.template（或适合该社群类型的模板）及其改动',
        'rules generate --template strict --lang zh-CN': '付费群或知识群：对广告和泄露内容零容忍',
        'rules generate --template open-source --ladder reminder,warning,suspension,removal': '四档处罚阶梯的行为准则',
        'rules generate --template brand --dry-run --json': '将保存什么，JSON 格式；不写入任何内容',
      },
    },
    'rules:incidents': {
      description: '列出违规记录，最新的在前，并标明是否仍计入；针对某个成员时，显示其在处罚阶梯上的位置',
      flags: {all: '包括已过期、不再计入的记录和已撤销的记录（带标记）', member: '只看这个成员的记录', rule: '只看这条规则的记录'},
      examples: {
        'rules incidents': '仍计入的违规记录',
        'rules incidents --member u42': '某个成员的历史，以及下一次违规会落在哪一档',
        'rules incidents --rule no-ads --all --json': '某条规则的全部记录（含已过期和已撤销的，附修改记录），JSON 格式',
      },
    },
    'rules:show': {
      description: '显示生效的群规：原则、规则、处罚阶梯和举报渠道；或者只显示一条规则及其示例',
      args: {rule: '规则编号，只显示这一条'},
      examples: {
        'rules show': '整套群规',
        'rules show no-ads': '一条规则：要求什么、示例、首次违反从哪一档开始',
        'rules show --lang en --json': '完整的 RuleSet 文档（两种语言），JSON 格式',
      },
    },
    'rules:incident:add': {
      description: '记录一次违规，并根据成员近期的记录和规则的严重程度，给出现在应采取的处罚档位',
      flags: {
        at: '发生时间：YYYY-MM-DD 或 ISO 日期时间（默认：现在；社群时区）',
        by: '处理此事的管理员',
        'dry-run': '只显示适用的档位；不记录任何内容',
        member: '成员：一个不透明的编号（例如平台上的 ID）',
        note: '发生了什么；只留在本地存储中，从不导出',
        rule: '规则编号（见 `commops rules show`）',
        rung: '采用这一档，而不是计算出的档位',
      },
      examples: {
        'rules incident add --member u42 --rule no-ads --note "广告刷屏"': '打印处罚档位、后果和要发送的消息，并记录这次违规',
        'rules incident add --member u42 --rule privacy --dry-run': '会是哪一档；不记录任何内容',
        'rules incident add --member u42 --rule be-kind --at 2026-11-02 --by 小王': '补记之前的一次违规及处理人',
        'rules incident add --member u42 --rule no-ads --rung warning': '采用与计算结果不同的档位（记为人工选择）',
      },
    },
    'rules:incident:edit': {
      description: '更正一条违规记录（备注、规则、严重程度、处罚档位、时间、成员、处理人）；旧值保留在它的修改记录中',
      args: {id: '记录编号，例如 I3（见 `commops rules incidents --all`）'},
      flags: {
        at: '发生时间：YYYY-MM-DD 或 ISO 日期时间（社群时区）',
        by: '处理此事的管理员（"" 表示去掉）',
        'dry-run': '显示将改变什么；不记录任何内容',
        editor: '谁做的这次修改，记入修改记录（默认：$COMMOPS_USER 或你的登录名）',
        member: '成员',
        note: '发生了什么（"" 表示去掉）',
        reason: '为什么修改，保留在修改记录中',
        rule: '规则编号；没给 --severity 时采用该规则的严重程度',
        rung: '采用的处罚档位',
        severity: '严重程度',
      },
      examples: {
        'rules incident edit I3 --note "刷屏 5 条广告"': '改写备注',
        'rules incident edit I3 --rule spam --reason "wrong rule picked"': '换一条规则（严重程度随之改变），并写明原因，记入修改记录',
        'rules incident edit I3 --at 2026-11-02T21:30 --rung warning --dry-run': '将改变什么；不记录任何内容',
        'rules incident edit I3 --note ""': '去掉备注',
      },
    },
    'rules:incident:revoke': {
      description: '申诉成立时撤销一条违规记录：记录仍保留，并写明由谁、何时、为何撤销，但不再计入处罚阶梯',
      args: {id: '记录编号，例如 I3（见 `commops rules incidents`）'},
      flags: {
        by: '谁裁定了这次申诉（默认：$COMMOPS_USER 或你的登录名）',
        'dry-run': '显示将改变什么；不记录任何内容',
        reason: '撤销的原因，例如成立的申诉',
      },
      examples: {
        'rules incident revoke I3 --reason "申诉成立：截图是伪造的" --by 小王': '该成员下一次违规的处理，就像 I3 从未发生过',
        'rules incident revoke I3 --reason "wrong member" --dry-run --json': '将改变什么；不记录任何内容',
        'rules incidents --all': '已撤销的记录只在加 --all 时列出（带标记）',
      },
    },
    'scorecard:compute': {
      description:
        '为一个周期评分：每个指标对照目标打分（0–100），各维度与总分为加权平均，给出等级及与上一份评分卡相比的变化。结果保存在存储中；同一周期再次计算会替换原有结果',
      flags: {
        channel: '只统计这个频道的事件（可重复）',
        'dry-run': '评分并显示；不保存任何内容',
        'fail-under': '总分低于某个等级（B）或分数（75）时以退出码 1 结束',
        force: FORCE_FILE,
        from: '自定义周期的第一天，YYYY-MM-DD（社群时区）',
        format: '把评分卡写成 md、json、sarif 或 junit（默认：表格）',
        out: OUT_FILE('scorecard.<format>'),
        period: '周期：2026-10、2026-Q4、2026-W44、2026-10-05（默认：上一个完整的月）',
        platform: '只统计这个平台的成员（可重复）',
        spec: 'ScorecardSpec 文件（默认：工作区的 scorecard.yaml，没有则用默认规格）',
        to: '自定义周期的最后一天，YYYY-MM-DD，包含当天（默认：今天）',
      },
      examples: {
        'scorecard compute --period 2026-10': '为 10 月评分，并与 9 月比较',
        'scorecard compute --period 2026-10 --fail-under B': '在 CI 中：总评低于 B 时以退出码 1 结束',
        'scorecard compute --period 2026-Q4 --format sarif --out out/scorecard.sarif': '按季度评分，输出 SARIF 供代码扫描使用',
        'scorecard compute --period 2026-10 --channel wechat-main --dry-run': '只看一个频道，不保存',
        'scorecard compute --from 2026-07-01 --to 2026-09-30': '自定义时间段，与评估剧本的评分方式相同',
      },
    },
    'scorecard:diff': {
      description: '比较两份已保存的评分卡：总分、各维度和各指标',
      args: {from: '较早的周期（2026-09）或已保存的键', to: '较晚的周期（2026-10）或已保存的键'},
      flags: {force: FORCE_FILE, format: '把比较结果写成 md 或 json（默认：表格）', out: OUT_FILE('scorecard-diff.<format>')},
      examples: {
        'scorecard diff 2026-09 2026-10': '9 月与 10 月对比',
        'scorecard diff 2026-Q3 2026-Q4 --format md --out out/q4-vs-q3.md': '两个季度对比，Markdown 格式',
      },
    },
    'scorecard:show': {
      description: '显示一份已保存的评分卡（最新的，或某个周期的）：得分、等级、每个指标的数值、目标和计算方式，以及与上一份相比的变化',
      flags: {
        'fail-under': '总分低于某个等级（B）或分数（75）时以退出码 1 结束',
        force: FORCE_FILE,
        format: '把评分卡写成 md、json、sarif 或 junit（默认：表格）',
        out: OUT_FILE('scorecard.<format>'),
        period: '周期（2026-10）或已保存的键（默认：最新的）',
      },
      examples: {
        'scorecard show': '最新的评分卡',
        'scorecard show --period 2026-10 --format md --out out/scorecard-2026-10.md': '10 月的评分卡，Markdown 格式，供报告使用',
        'scorecard show --format junit --fail-under 75': '在 CI 中：JUnit XML，总分低于 75 时以退出码 1 结束',
      },
    },
    suggest: {
      description:
        '根据最新的评分卡给出优化建议：规则读取指标、趋势、内容日历、问卷与成员等级，每条给出做法、执行它的剧本步骤与预期效果，按分差从大到小排列。工作区可在 suggestions/*.yaml 中添加自己的规则',
      flags: {limit: '最多显示多少条建议', period: '评分卡的周期（2026-10）或已保存的键（默认：最新的）'},
      examples: {
        suggest: '先改进什么：根据最新的评分卡',
        'suggest --period 2026-10 --limit 3': '10 月分差最大的三条',
        'suggest --json': '以 JSON 输出全部建议（中英文都有）',
        'suggest --lang zh-CN': '用中文显示',
      },
    },
    'survey:create': {
      description: '用内置模板（satisfaction、nps、onboarding、event-feedback、exit）或 kind: Survey 文件创建问卷，并保存到存储中',
      flags: {'dry-run': '显示将创建的问卷；不写入任何内容', from: '问卷文件（kind: Survey，YAML 或 JSON）', template: '内置问卷模板'},
      examples: {
        'survey create --template satisfaction': '满意度问卷：服务、内容、氛围、价值、NPS 和开放式意见',
        'survey create --template onboarding --lang en': '新成员问卷，默认以英文导出',
        'survey create --from surveys/q4.yaml': '手写的问卷（kind: Survey；可用 `commops validate` 检查）',
        'survey create --template nps --dry-run --json': '将创建什么，JSON 格式；不写入任何内容',
      },
    },
    'survey:export': {
      description: '导出问卷：GitHub issue 表单、SurveyJS JSON、独立的 HTML 页面、Markdown 或 commops 自己的 JSON',
      args: {survey: '问卷编号（S3），或剧本中的问卷键（launch.onboarding-survey）'},
      flags: {force: FORCE_FILE, format: '导出格式', out: OUT_FILE('<survey id>.<format>')},
      examples: {
        'survey export S3 --format github-issue-form --out .github/ISSUE_TEMPLATE/feedback.yml':
          'GitHub issue 表单（量表题和 NPS 为下拉框，保留题目编号）',
        'survey export S3 --format surveyjs --out out/q4.json': '给 survey-core / SurveyJS 表单库用的 SurveyJS JSON',
        'survey export S3 --format html --out out/q4.html': '一个可离线打开或打印的页面；不发任何外部请求',
        'survey export S3 --format md': 'Markdown 输出到标准输出，可贴到群聊或文档里',
      },
    },
    'survey:ingest': {
      description:
        '从 CSV 或 .xlsx 导出文件（Google 表单、问卷星、腾讯问卷、HTML 问卷页保存的答卷……）读取问卷答卷：CSV 可为 UTF-8、带 BOM 的 UTF-8 或 GBK/GB18030，工作簿读取第一张表。对不上任何选项的回答留空，并警告其行和列；读不了的行会报告行号',
      args: {survey: '问卷编号（S3），或剧本中的问卷键（launch.onboarding-survey）', file: '答卷的 CSV 或 .xlsx 文件'},
      flags: {
        'dry-run': '只读取并报告；不保存任何内容',
        encoding: '文件编码（utf8、gbk、gb18030、utf16le、big5……）；默认：自动识别',
        map: '把某一列对应到某道题："列名=question_id"（可重复）',
        'map-value': '把某个回答文字当作另一个读取："旧文本=新文本"，例如旧的选项文字（可重复）',
        strict: '有任何一行读不了或任何回答被留空时，什么都不保存，并以退出码 1 结束',
      },
      examples: {
        'survey ingest S3 data/responses.csv': '按题目编号或题目文字（任一语言）把列与题目对应',
        'survey ingest S3 data/wjx.csv --map "1、您的整体满意度=overall" --map "用户ID=@member"':
          '手动对应列；@member、@submittedAt 和 @ignore 表示元数据',
        'survey ingest S3 data/问卷星.xlsx --map-value "1-6个月=1–6 个月" --map-value "说不清=一般"':
          '下载的 .xlsx 文件；--map-value 把回答文字读作某个选项（破折号、全半角和空格的差异已自动统一）',
        'survey ingest S3 data/old.csv --encoding gbk --dry-run': '指定编码，只显示将要添加的内容',
        'survey ingest launch.onboarding-survey data/onboarding.csv --strict': '剧本创建的问卷；有读不了的行时 --strict 什么都不添加',
      },
    },
    'survey:results': {
      description: '计算问卷得分：样本量 n、NPS 及其误差范围、CSAT（前两档占比）、各维度均值、每题分布和文字回答',
      args: {survey: '问卷编号（S3），或剧本中的问卷键（launch.onboarding-survey）'},
      flags: {segment: '按答卷中的某一列、某道选择题编号或成员属性分组计算'},
      examples: {
        'survey results S3': '得分和每一道题',
        'survey results S3 --segment region --json': '按答卷列、选择题或成员属性分组，JSON 格式',
      },
    },
    'survey:show': {
      description: '列出问卷，或显示一份问卷：题目、量表、显示条件以及已回收的答卷数',
      args: {survey: '问卷编号（S3），或剧本中的问卷键（launch.onboarding-survey）'},
      examples: {
        'survey show': '所有问卷：存储中的（S1、S2……）和剧本创建的',
        'survey show S3': 'S3 的题目',
        'survey show launch.onboarding-survey --json': '剧本创建的问卷，JSON 格式（完整的 kind: Survey 文档）',
      },
    },
    'task:add': {
      description: '手动添加一项任务，交给一个人或一个角色，可带截止日期和备注',
      args: {title: '要做什么'},
      flags: {
        'dry-run': '显示将添加的任务；不写入任何内容',
        due: '在一段时间内（7d、2w、today）或某日期（YYYY-MM-DD）前到期',
        note: '备注，显示在 task list 中',
        owner: '一个人（例如 community.yaml 的 team: 中的人）或一个角色（moderator、版主、lead……）',
      },
      examples: {
        'task add "Book the meetup venue" --owner 小王 --due 7d': '交给一个人，一周内到期',
        'task add "Reply to the partner" --owner moderator --due 2026-12-20': '交给一个角色，某日期前完成',
        'task add "Order stickers" --note "200 pcs" --dry-run': '显示这项任务；不写入任何内容',
      },
    },
    'task:assign': {
      description:
        '把任务交给一个人或一个角色。交给一个人时，任务原有的角色仍然保留；交给一个角色（moderator、版主……）时则替换原有的角色。再次运行剧本会保留这个分配',
      args: {ids: '任务编号，例如 T3', who: '一个人或一个角色（最后一个参数）'},
      flags: {'dry-run': '显示改动；不写入任何内容'},
      examples: {'task assign T3 小王': 'T3 交给小王', 'task assign T3 T4 moderator': '两项任务交给担任版主的人'},
    },
    'task:done': {
      description: '把任务标记为完成（或用 --undo 重新打开）',
      args: {ids: '任务编号，例如 T12'},
      flags: {'dry-run': '显示改动；不写入任何内容', undo: '改为重新打开这些任务（已完成或已作废的）；之后运行剧本时它们保持打开'},
      examples: {'task done T12': '一个任务', 'task done T3 T4 T5': '一次完成多个', 'task done T12 --undo': '重新打开一个任务'},
    },
    'task:list': {
      description:
        '按截止日期列出任务：剧本生成的手动工作（邀请种子用户、置顶群规……）和手动添加的任务。--owner 可以找一个人（通过 community.yaml 的 team: 角色），也可以找一个角色，中英文均可',
      flags: {
        all: '包括已完成和已作废的任务',
        due: '只看某段时间内（7d、2w、today）或某日期（YYYY-MM-DD）前到期的任务',
        owner: '只看这个人或这个角色的任务（中文或英文）',
        playbook: '只看这个剧本创建的任务',
      },
      examples: {
        'task list': '未完成的任务',
        'task list --due 7d': '一周内到期（以及已逾期）的未完成任务',
        'task list --owner 小王 --json': '某个人的任务（他本人的和他所担任角色的），JSON 格式',
        'task list --owner moderator': '某个角色的任务（moderator、版主和 mod 都可以）',
        'task list --all': '也包括已完成和已作废的任务',
      },
    },
    'task:edit': {
      description: '手动修改任务：标题、截止日期、负责人（一个人或一个角色）或备注；给空值可清除截止日期、负责人和备注。再次运行剧本会保留你的修改',
      args: {ids: '任务编号，例如 T3'},
      flags: {
        'dry-run': '显示改动；不写入任何内容',
        due: '在一段时间内（7d、2w、today）或某日期（YYYY-MM-DD）前到期；"" 表示清除',
        note: '备注，显示在 task list 中；"" 表示清除',
        owner: '一个人或一个角色（moderator、版主、lead……）；"" 表示清除',
        title: '新标题',
      },
      examples: {
        'task edit T3 --due 2026-12-20': '新的截止日期',
        'task edit T3 --due 3d --note "waiting for the venue"': '三天内到期，并附上备注',
        'task edit T3 T4 --owner 版主': '两项任务交给版主',
        'task edit T5 --title "Pin the rules in both groups" --json': '改成更清楚的标题，JSON 格式',
      },
    },
    'task:rm': {
      description: '删除任务。手动添加的任务直接删除；剧本生成的任务会记为已删除，再次运行剧本也不会重新出现。如需留下记录，请改用 `task done`',
      args: {ids: '任务编号，例如 T7'},
      flags: {'dry-run': '显示将删除什么；不写入任何内容'},
      examples: {'task rm T7': '删除一项任务', 'task rm T7 T8 --dry-run': '显示将删除什么；不写入任何内容'},
    },
    'template:apply': {
      description: '用模板创建客户工作区：community.yaml、剧本、data/ 和 schema，按 --set 参数定制',
      args: {template: '内置模板名称（见 `commops template list`）或含 template.yaml 的文件夹路径'},
      flags: {
        'allow-exec-files': '也写入会被其他工具自动运行或加载的文件（CI 工作流、.vscode/、package.json、脚本……）',
        'dry-run': '打印计划，不写入任何内容',
        force: '覆盖 --into 中内容不同的文件',
        into: '在哪个文件夹里创建工作区；不会写到它外面',
        set: '参数值，NAME=VALUE（可重复）；每个提问都有对应的参数',
        yes: '不提问；没给出的都用默认值',
      },
      examples: {
        'template apply brand-community --into clients/acme --set name="Acme" --set timezone=Asia/Shanghai --yes':
          '非交互方式：没给出的参数都用默认值',
        'template apply knowledge-community --into clients/dataclub': '在终端中：逐个询问参数，默认值已预选',
        'template apply open-source --into . --set name="Fluxion" --set repo=fluxion/fluxion --set locale=en --dry-run':
          '显示将写入什么，不写入任何内容',
        'template apply ./my-templates/retail --into clients/shop --set name="Shop" --yes --force': '使用文件夹中的模板；覆盖内容不同的文件',
      },
    },
    'template:list': {
      description: '列出客户模板：社群类型、说明以及每个模板接受的参数',
      args: {dir: '模板文件夹（每个子文件夹含一个 template.yaml）；默认：内置模板'},
      examples: {
        'template list': '内置模板（品牌、知识问答、兴趣小组、开源）',
        'template list --lang en': '英文的说明和提问',
        'template list ./my-templates': '放在自己文件夹里的模板',
        'template list --json': '给脚本用：每个参数的类型、默认值和可选项',
      },
    },
  },
}
