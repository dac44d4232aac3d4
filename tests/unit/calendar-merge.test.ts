import {describe, expect, it} from 'vitest'
import {checkCalendar} from '../../src/calendar/check.js'
import {draftCalendar} from '../../src/calendar/generate.js'
import {isEdited, mergeCalendar} from '../../src/calendar/merge.js'
import type {CalendarItem} from '../../src/calendar/types.js'
import type {Community} from '../../src/workspace/community.js'
import {community} from './calendar-helpers.js'

const RANGE = {from: '2026-12-01', to: '2026-12-14'}

function store(c: Community, existing: CalendarItem[] = [], counter = {n: 0}, range = RANGE, now = '2026-11-30T00:00:00.000Z') {
  const g = draftCalendar(c, {...range, locale: 'en'})
  return mergeCalendar(existing, g.drafts, range, {nextId: () => `C${++counter.n}`, now})
}

describe('regenerating a period', () => {
  it('keeps items a person edited, refreshes the others, removes what is no longer planned, and says so', () => {
    const counter = {n: 0}
    const first = store(community(), [], counter)
    expect(first.added).toHaveLength(14 + 2 + 2)
    expect(first.kept.length + first.updated.length + first.removed.length).toBe(0)
    const items = first.items
    const byKey = (key: string) => items.find((i) => i.key === key)!
    // A person's edits: status past planned, a new owner, a new title.
    byKey('pillar:topic@2026-12-01T10:00').status = 'published'
    byKey('pillar:topic@2026-12-02T10:00').owner = '小王'
    byKey('pillar:tips@2026-12-08T20:00').title = 'Hand-written tips'
    expect(items.filter(isEdited)).toHaveLength(3)

    // Same inputs: nothing changes.
    const again = store(community(), items, counter)
    expect([again.added.length, again.updated.length, again.removed.length, again.kept.length]).toEqual([0, 0, 0, 18])
    expect(again.items).toEqual(items)

    // community.yaml changes: tips move to Thursday with a new owner, Q&A gets a new owner.
    const changed = community()
    changed.content!.pillars![1] = {...changed.content!.pillars![1], cadence: 'weekly on thu 20:00', owner: 'Lin'}
    changed.activities![0].owner = 'Lin'
    const r = store(changed, items, counter)
    expect(r.added.map((i) => [i.id, i.key])).toEqual([
      ['C19', 'pillar:tips@2026-12-03T20:00'],
      ['C20', 'pillar:tips@2026-12-10T20:00'],
    ])
    expect(r.removed.map((i) => i.key)).toEqual(['pillar:tips@2026-12-01T20:00'])
    expect(r.updated.map((i) => [i.key, i.owner, i.rev])).toEqual([
      ['activity:qa@2026-12-02T20:00', 'Lin', 1],
      ['activity:qa@2026-12-09T20:00', 'Lin', 1],
    ])
    const kept = r.kept.filter(isEdited).map((i) => [i.id, i.status, i.owner, i.title])
    expect(kept).toEqual([
      ['C1', 'published', 'Xiaoman', 'Question #335: Dec 1'],
      ['C3', 'planned', '小王', 'Week 49 chat'],
      [byKey('pillar:tips@2026-12-08T20:00').id, 'planned', 'Ajie', 'Hand-written tips'],
    ])
    // Ids are never reused; store order is kept and new items come last.
    expect(r.items.map((i) => i.id)).toEqual([
      ...items.map((i) => i.id).filter((id) => id !== byKey('pillar:tips@2026-12-01T20:00').id),
      'C19',
      'C20',
    ])
  })

  it('a cancelled item stays cancelled, and items outside the period or filter are untouched', () => {
    const counter = {n: 0}
    const december = store(community(), [], counter, {from: '2026-12-01', to: '2026-12-31'}).items
    december.find((i) => i.date === '2026-12-05' && i.pillar === 'topic')!.status = 'cancelled'
    const g = draftCalendar(community({content: {pillars: []}}), {...RANGE, locale: 'en', pillars: ['qa']})
    const r = mergeCalendar(december, g.drafts, {...RANGE, pillars: ['qa']}, {nextId: () => `C${++counter.n}`, now: 'x'})
    expect(r.removed).toEqual([])
    expect(r.items.find((i) => i.date === '2026-12-05' && i.pillar === 'topic')!.status).toBe('cancelled')
    expect(r.items).toHaveLength(december.length)
  })
})

describe('checkCalendar', () => {
  const c = community({holidays: 'zh-CN', blackouts: ['2026-12-10']})
  const base = () => store(c, [], {n: 0}, RANGE).items

  it('a freshly generated calendar has no problems', () => {
    expect(checkCalendar(base(), c, {...RANGE, locale: 'en'})).toEqual([])
  })

  it('finds a gap: a channel silent for longer than its cadence', () => {
    const items = base()
    for (const i of items) if (i.channel === 'main' && (i.date === '2026-12-04' || i.date === '2026-12-05')) i.status = 'cancelled'
    const problems = checkCalendar(items, c, {...RANGE, locale: 'en'})
    expect(problems).toEqual([{type: 'gap', date: '2026-12-04', until: '2026-12-05', channel: 'main', items: [], count: 2, limit: 1}])
  })

  it('blackout dates and holidays do not count as silence', () => {
    const items = base()
    expect(items.some((i) => i.date === '2026-12-10')).toBe(false)
    expect(checkCalendar(items, c, {...RANGE, locale: 'en'}).filter((p) => p.type === 'gap')).toEqual([])
  })

  it('finds overload per channel and per owner', () => {
    const items = base()
    const dec3 = items.filter((i) => i.date === '2026-12-03')
    const extra = (n: number): CalendarItem => ({...dec3[0], id: `X${n}`, key: `extra:${n}`, owner: 'Ajie'})
    const problems = checkCalendar([...items, extra(1), extra(2), extra(3)], c, {...RANGE, locale: 'en', maxPerChannel: 3, maxPerOwner: 2})
    expect(problems.map((p) => [p.type, p.date, p.channel ?? p.owner, p.count, p.limit])).toEqual([
      ['overload', '2026-12-03', 'Ajie', 3, 2],
      ['overload', '2026-12-03', 'main', 4, 3],
    ])
  })

  it('finds items on blackout dates and public holidays', () => {
    const items = base()
    const moved = items.find((i) => i.pillar === 'tips')!
    moved.date = '2026-12-10'
    const holiday: CalendarItem = {...items[0], id: 'H1', key: 'h', date: '2027-01-01'}
    const problems = checkCalendar([...items, holiday], c, {from: '2026-12-01', to: '2027-01-01', locale: 'zh-CN'}).filter((p) => p.type !== 'gap')
    expect(problems.map((p) => [p.type, p.date, p.items, p.holiday])).toEqual([
      ['blackout', '2026-12-10', [moved.id], undefined],
      ['holiday', '2027-01-01', ['H1'], '元旦'],
    ])
  })
})
