/** A hand-made store snapshot for the dashboard's model and view tests: two monthly scorecards, a calendar, tasks, runs. */
import type {CalendarItem} from '../../src/calendar/types.js'
import type {DashboardInput} from '../../src/dashboard/model.js'
import type {MetricId, MetricUnit} from '../../src/metrics/types.js'
import type {DimensionId, Scorecard} from '../../src/scorecard/types.js'

const UNITS: Partial<Record<MetricId, MetricUnit>> = {active_members: 'count', nps: 'score', engagement_score: 'score'}

/** A graded month: each metric scores its value ÷ target (capped), all in one dimension per metric group. */
export function card(
  month: string,
  values: Partial<Record<MetricId, number | null>>,
  score: number,
  grade: string,
  levels?: Record<string, number>,
): Scorecard {
  const targets: Partial<Record<MetricId, number>> = {
    active_members: 900,
    stickiness: 0.2,
    retention_d30: 0.2,
    nps: 30,
    csat: 0.8,
    engagement_score: 500,
  }
  const metric = (id: MetricId) => ({
    id,
    value: values[id] ?? null,
    unit: UNITS[id] ?? 'ratio',
    target: targets[id] ?? null,
    direction: 'up' as const,
    weight: 1,
    score: values[id] == null || !targets[id] ? null : Math.min(100, (100 * values[id]) / targets[id]),
    inputs: id === 'engagement_score' && levels ? {members: Object.values(levels).reduce((a, b) => a + b, 0), ...levels} : {},
    formula: {key: `metrics.formula.${id}`},
    source: 'default' as const,
  })
  const dim = (id: DimensionId, ids: MetricId[], s: number) => ({id, weight: 1, score: s, grade: s >= 75 ? 'B' : 'C', metrics: ids.map(metric)})
  const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()
  return {
    key: month,
    period: {label: month, from: `${month}-01`, to: `${month}-${last}`, unit: 'month', zone: 'Asia/Shanghai'},
    filter: {},
    spec: {name: 'default', hash: 'h', source: 'default', grades: []},
    inputsHash: 'x',
    computedAt: `${month}-28T00:00:00Z`,
    score,
    grade,
    dimensions: [
      dim('activity', ['active_members', 'stickiness', 'engagement_score'], score + 4),
      dim('retention', ['retention_d30'], score - 10),
      dim('satisfaction', ['nps', 'csat'], score),
    ],
  }
}

const item = (id: string, date: string, title: string, extra: Partial<CalendarItem> = {}): CalendarItem =>
  ({
    id,
    key: id,
    source: 'pillar',
    date,
    time: '20:00',
    start: `${date}T20:00:00+08:00`,
    timezone: 'Asia/Shanghai',
    title,
    status: 'planned',
    channel: 'wechat-main',
    ...extra,
  }) as CalendarItem

/** A workspace's stored data as of 2026-12-03. */
export function dashboardInput(o: {empty?: boolean} = {}): DashboardInput {
  const empty = {scorecards: {}, calendar: [], tasks: [], runs: [], surveys: {}, responseBatches: [], incentives: {}}
  if (o.empty) return {db: empty, community: {name: 'Empty', timezone: 'Asia/Shanghai'}, today: '2026-12-03', fallbackPeriod: '2026-12'}
  return {
    db: {
      ...empty,
      scorecards: {
        '2026-09': card(
          '2026-09',
          {active_members: 300, stickiness: 0.12, retention_d30: 0.1, nps: 10, csat: 0.7, engagement_score: 400},
          61.5,
          'C',
          {core: 10, active: 40, new: 20, casual: 90, dormant: 140},
        ),
        '2026-10': card(
          '2026-10',
          {active_members: 420, stickiness: 0.15, retention_d30: 0.08, nps: 24, csat: 0.82, engagement_score: 480},
          70.2,
          'C',
          {core: 14, active: 52, new: 25, casual: 80, dormant: 129},
        ),
        '2026-11': card(
          '2026-11',
          {active_members: 510, stickiness: 0.18, retention_d30: null, nps: 31, csat: 0.85, engagement_score: 560},
          78.4,
          'B',
          {core: 18, active: 60, new: 30, casual: 75, dormant: 117},
        ),
      },
      calendar: [
        item('C1', '2026-12-01', 'Past item'),
        item('C2', '2026-12-03', '每日话题：你最喜欢的摄影器材'),
        item('C3', '2026-12-05', 'Weekly Q&A with the moderators'),
        item('C4', '2026-12-16', '月度精华回顾'),
        item('C5', '2026-12-17', 'Beyond 14 days'),
        item('C6', '2026-12-04', 'Cancelled one', {status: 'cancelled'}),
      ],
      tasks: [
        {id: 'T1', title: '邀请 20 位种子用户', owner: '运营负责人', due: '2026-12-01', status: 'open', createdAt: '2026-11-20T00:00:00Z'},
        {id: 'T2', title: 'Pin the rules in every channel', owner: 'moderator', due: '2026-12-08', status: 'open', createdAt: '2026-11-20T00:00:00Z'},
        {id: 'T3', title: 'Done already', status: 'done', createdAt: '2026-11-20T00:00:00Z'},
        {id: 'T4', title: 'No due date', status: 'open', createdAt: '2026-11-20T00:00:00Z'},
      ],
      runs: [
        {
          id: 'R1',
          playbook: 'launch',
          vars: {},
          inputHashes: {},
          status: 'changed',
          steps: [],
          user: 'me',
          startedAt: '2026-11-01T10:00:00Z',
          finishedAt: '2026-11-01T10:00:02Z',
          durationMs: 2100,
        },
        {
          id: 'R2',
          playbook: 'evaluate',
          vars: {},
          inputHashes: {},
          status: 'failed',
          steps: [{id: 'gate', uses: 'assert', status: 'failed', durationMs: 1}],
          user: 'me',
          startedAt: '2026-12-01T10:00:00Z',
          durationMs: 800,
        },
      ],
      surveys: {S1: {id: 'S1', name: '满意度调查', locale: 'zh-CN', doc: {} as never, createdAt: '2026-11-01T00:00:00Z'}},
      responseBatches: [{id: 'RB1', survey: 'S1', source: 'data/s1.csv', responses: 128, ingestedAt: '2026-11-30T00:00:00Z'}],
      incentives: {computed: {file: 'c.ndjson', entries: 10, bytes: 100, hash: 'h', updatedAt: '2026-12-01T00:00:00Z'}},
    },
    community: {name: '摄影爱好者俱乐部', timezone: 'Asia/Shanghai', goals: [{metric: 'nps', target: 30}]},
    today: '2026-12-03',
    fallbackPeriod: '2026-12',
    top: {
      period: '2026-11',
      rows: [
        {rank: 1, member: 'qq:小王', points: 320, total: 900, title: {'zh-CN': '达人', en: 'Expert'}},
        {rank: 2, member: 'discord:123456789', points: 210, total: 240, title: {'zh-CN': '活跃成员', en: 'Active member'}},
        {rank: 3, member: 'wechat:wxid_阿明', points: 55, total: 55},
      ],
      computedAt: '2026-12-01T00:00:00Z',
    },
    suggestions: [
      {
        rule: 'retention-d30-falling',
        source: 'builtin',
        title: {'zh-CN': '30 日留存连续下降', en: 'D30 retention falling'},
        why: {'zh-CN': '30 日留存 8%，目标 20%', en: 'retention D30 8% against a target of 20%'},
        action: {'zh-CN': '为新成员安排第一周的引导任务', en: 'Give newcomers a first-week onboarding path'},
        playbook: 'maintain',
        effect: {'zh-CN': '提高 30 日留存', en: 'Higher D30 retention'},
        gap: 12,
      },
    ],
  }
}
