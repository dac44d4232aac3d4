/** Editing and revoking incidents: recorded, never deleted; a revoked incident no longer counts on the ladder. */
import {describe, expect, it} from 'vitest'
import {UsageError, ValidationError} from '../../src/errors.js'
import {translator} from '../../src/i18n/index.js'
import {planIncidentEdit, planIncidentRevoke, requireIncident} from '../../src/rules/incident.js'
import {nextRung, standing} from '../../src/rules/ladder.js'
import {loadRuleTemplate} from '../../src/rules/load.js'
import {addIncident, editIncident, generateRules, revokeIncident} from '../../src/rules/service.js'
import {RUNG_IDS, type Incident, type Ladder} from '../../src/rules/types.js'
import {Store} from '../../src/store/index.js'
import {thrown} from '../helpers/errors.js'
import {sampleWorkspace, treeHash} from '../helpers/workspace.js'

const NOW = new Date('2026-11-30T02:00:00Z')
const LADDER: Ladder = {
  expireAfterDays: 180,
  rungs: RUNG_IDS.map((id) => ({id, name: id, consequence: id, decidedBy: 'mods', appeal: 'ask', ...(id === 'mute' ? {duration: 'P1D'} : {})})),
}
const incident = (id: string, rung: string, at: string, extra: Partial<Incident> = {}): Incident => ({
  id,
  member: 'u42',
  rule: 'no-ads',
  severity: 'medium',
  rung,
  at,
  recordedAt: at,
  ...extra,
})

describe('revoking', () => {
  it('a revoked incident stays in the history but no longer counts toward the next rung', () => {
    const history = [incident('I1', 'reminder', '2026-11-01T10:00:00Z'), incident('I2', 'warning', '2026-11-10T10:00:00Z')]
    expect(nextRung(history, {id: 'no-ads', severity: 'medium'}, NOW, {ladder: LADDER}).rung.id).toBe('mute')
    const revoked = planIncidentRevoke(history[1], {now: NOW.toISOString(), by: '小王', reason: '申诉成立'})
    expect(revoked).toMatchObject({id: 'I2', rung: 'warning', revoked: {at: NOW.toISOString(), by: '小王', reason: '申诉成立'}})
    const after = nextRung([history[0], revoked], {id: 'no-ads', severity: 'medium'}, NOW, {ladder: LADDER})
    expect(after.rung.id).toBe('warning')
    expect(after.counted.map((i) => i.id)).toEqual(['I1'])
    expect(standing([revoked], NOW, {ladder: LADDER}).current).toBeUndefined()
  })

  it('revoking twice is refused (exit 1), and a reason is required', () => {
    const once = planIncidentRevoke(incident('I1', 'reminder', '2026-11-01T10:00:00Z'), {now: NOW.toISOString(), by: 'a', reason: 'x'})
    const again = thrown(() => planIncidentRevoke(once, {now: NOW.toISOString(), by: 'b', reason: 'y'}))
    expect(again).toBeInstanceOf(ValidationError)
    expect(translator('en')(again.msg)).toBe('I1 was already revoked on 2026-11-30 by a')
    expect(thrown(() => planIncidentRevoke(incident('I1', 'reminder', NOW.toISOString()), {now: '', by: 'a', reason: ' '}))).toBeInstanceOf(
      UsageError,
    )
  })

  it('an unknown id is a usage error with did-you-mean; ids are case-insensitive', () => {
    const list = [incident('I5', 'reminder', NOW.toISOString()), incident('I12', 'reminder', NOW.toISOString())]
    expect(requireIncident(list, 'i12').id).toBe('I12')
    const error = thrown(() => requireIncident(list, 'I13'))
    expect(error).toBeInstanceOf(UsageError)
    expect(translator('zh-CN')(error.hint!)).toContain('你是不是想写 I12？')
  })
})

describe('editing', () => {
  it('changes fields, keeps old → new in the history, and moves the end of a temporary rung', async () => {
    const ruleset = await loadRuleTemplate('brand', 'en')
    const first = incident('I1', 'reminder', '2026-11-01T10:00:00Z', {note: 'spam'})
    const a = planIncidentEdit(first, {rung: 'mute', note: 'five ads'}, {ruleset, now: '2026-11-02T00:00:00Z', by: 'ann', reason: 'wrong rung'})
    expect(a.incident).toMatchObject({rung: 'mute', note: 'five ads', manual: true, until: '2026-11-02T10:00:00Z'})
    expect(a.edit).toEqual({
      at: '2026-11-02T00:00:00Z',
      by: 'ann',
      reason: 'wrong rung',
      changes: {rung: {from: 'reminder', to: 'mute'}, until: {to: '2026-11-02T10:00:00Z'}, note: {from: 'spam', to: 'five ads'}},
    })
    const severe = ruleset.rules.find((r) => r.severity !== 'medium')!
    const b = planIncidentEdit(a.incident, {rule: severe.id, note: ''}, {ruleset, now: '2026-11-03T00:00:00Z', by: 'bo'})
    expect(b.incident).toMatchObject({rule: severe.id, severity: severe.severity})
    expect(b.incident.note).toBeUndefined()
    expect(b.incident.edits).toHaveLength(2)
    expect(b.incident.edits![1].changes).toMatchObject({rule: {from: 'no-ads', to: severe.id}, note: {from: 'five ads'}})
    expect(planIncidentEdit(b.incident, {rule: severe.id}, {ruleset, now: '', by: 'x'}).edit).toBeUndefined()
    expect(thrown(() => planIncidentEdit(first, {rung: 'mutte'}, {ruleset, now: '', by: 'x'})).code).toBe('rules.unknownRung')
  })
})

describe('rules service: edit and revoke', () => {
  it('revokeIncident and editIncident change the stored incident in place (nothing deleted); dry runs write nothing', async () => {
    const ws = await sampleWorkspace()
    const store = Store.at(ws.root)
    await generateRules(store, ws.community, {locale: 'en', now: NOW})
    const o = {timezone: ws.timezone, now: NOW}
    await addIncident(store, {member: 'u42', rule: 'no-ads', at: '2026-11-20'}, o)
    await addIncident(store, {member: 'u42', rule: 'no-ads', at: '2026-11-21'}, o)
    const before = await treeHash(ws.root)
    const dry = await revokeIncident(store, 'I2', {reason: 'appeal upheld', by: 'ann'}, {now: NOW, dryRun: true})
    expect(dry.next?.rung.id).toBe('warning')
    await editIncident(store, 'I1', {note: 'x'}, {...o, user: 'ann', dryRun: true})
    expect(await treeHash(ws.root)).toEqual(before)

    const revoked = await revokeIncident(store, 'i2', {reason: 'appeal upheld', by: 'ann'}, {now: NOW})
    expect(revoked.next?.counted.map((i) => i.id)).toEqual(['I1'])
    const next = await addIncident(store, {member: 'u42', rule: 'no-ads'}, o)
    expect(next.plan.rung.id).toBe('warning')
    expect(next.plan.decision.counted.map((i) => i.id)).toEqual(['I1'])

    await editIncident(store, 'I1', {at: '2026-11-19', by: '小王', reason: 'date'}, {...o, user: 'ann'})
    const db = await store.read()
    expect(db.incidents.map((i) => i.id)).toEqual(['I1', 'I2', 'I3'])
    expect(db.incidents[1].revoked).toEqual({at: NOW.toISOString(), by: 'ann', reason: 'appeal upheld'})
    expect(db.incidents[0]).toMatchObject({at: '2026-11-18T16:00:00Z', by: '小王'})
    expect(db.incidents[0].edits).toEqual([
      {at: NOW.toISOString(), by: 'ann', reason: 'date', changes: {at: {from: '2026-11-19T16:00:00Z', to: '2026-11-18T16:00:00Z'}, by: {to: '小王'}}},
    ])
    await expect(editIncident(store, 'I1', {}, {...o, user: 'ann'})).rejects.toMatchObject({code: 'rules.incident.nothingToEdit', exitCode: 2})
  })
})
