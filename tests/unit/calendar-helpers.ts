/** Shared fixtures of the calendar tests. */
import type {Community} from '../../src/workspace/community.js'

/** A small community: one platform with two channels, the given pillars and activities. */
export function community(
  over: Partial<Community> & {pillars?: NonNullable<Community['content']>['pillars']; blackouts?: string[]; holidays?: 'zh-CN' | 'none'} = {},
): Community {
  const {pillars, blackouts, holidays, ...rest} = over
  return {
    apiVersion: 'commops/v1',
    kind: 'Community',
    name: 'Test',
    locale: 'en',
    timezone: 'Asia/Shanghai',
    platforms: [
      {
        id: 'wechat',
        type: 'wechat',
        channels: [
          {id: 'main', name: '主群'},
          {id: 'notice', name: 'Notices'},
        ],
      },
    ],
    content: {
      pillars: pillars ?? [
        {
          id: 'topic',
          name: {en: 'Daily topic', 'zh-CN': '每日话题'},
          cadence: 'daily',
          channel: 'main',
          owner: 'Xiaoman',
          formats: ['text', 'poll'],
          titles: [{en: 'Question #{n}: {date}', 'zh-CN': '每日一问 #{n}：{date}'}, 'Week {week} chat'],
        },
        {id: 'tips', name: 'Tips', cadence: 'weekly on tue 20:00', channel: 'notice', owner: 'Ajie'},
      ],
      blackouts,
      holidays,
    },
    activities: [{id: 'qa', type: 'qa', name: 'Q&A night', cadence: 'weekly on wed 20:00', channel: 'main', owner: 'Ajie', durationMinutes: 60}],
    ...rest,
  }
}
