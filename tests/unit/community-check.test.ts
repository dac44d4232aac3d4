import {describe, expect, it} from 'vitest'
import {checkCommunity} from '../../src/workspace/check.js'

describe('checkCommunity', () => {
  it('reports every cross-reference problem, in the order of its checks', () => {
    const value = {
      platforms: [
        {id: 'wx', channels: [{id: 'main'}, {id: 'main'}, 'not an object']},
        {id: 'wx', channels: [{id: 'qa'}]},
      ],
      content: {
        pillars: [
          {id: 'p', channel: 'mian'},
          {id: 'p', channel: 'qa'},
        ],
      },
      activities: [{id: 'a', channel: 'nope'}, {id: 'a'}],
      audience: {
        personas: [
          {id: 'x', share: 0.7, channels: ['wx', 'qa', 'q']},
          {id: 'x', share: 0.6},
        ],
      },
      incentives: {
        badges: [{id: 'b'}, {id: 'b'}],
        levels: [
          {level: 1, threshold: 10},
          {level: 1, threshold: 5},
        ],
      },
    }
    expect(checkCommunity(value).map((p) => `${p.rule} ${p.path}`)).toEqual([
      'community.unknownChannel /content/pillars/0/channel',
      'community.unknownChannel /activities/0/channel',
      'community.unknownChannel /audience/personas/0/channels/2',
      'community.duplicateId /platforms/1/id',
      'community.duplicateId /platforms/0/channels/1/id',
      'community.duplicateId /content/pillars/1/id',
      'community.duplicateId /activities/1/id',
      'community.duplicateId /audience/personas/1/id',
      'community.duplicateId /incentives/badges/1/id',
      'community.duplicateId /incentives/levels/1/level',
      'community.levelOrder /incentives/levels/1/threshold',
      'community.shares /audience/personas',
    ])
  })

  it('takes any shape without throwing', () => {
    for (const value of [{}, {platforms: 'x', content: 3, audience: null, incentives: []}, {platforms: [null, 1, {channels: {}}]}])
      expect(() => checkCommunity(value as Record<string, unknown>)).not.toThrow()
  })
})
