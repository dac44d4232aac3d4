/** The check of community.yaml `team:` the schema cannot express: roles that no built-in playbook gives tasks to. */
import type {RawProblem} from '../schema/kind-def.js'
import {closest} from '../util/suggest.js'
import {findRole, ROLES} from './roles.js'

/**
 * Whether each role text met is known, by its text: validate reads the same few roles in every community.yaml of a
 * folder, and normalising one and looking it up cost more than the rest of the check.
 */
const knownRoles = new Map<string, boolean>()
function isKnownRole(role: string): boolean {
  let known = knownRoles.get(role)
  if (known === undefined) {
    known = role.trim() === '' || findRole(role) !== undefined || role.split(' / ').some((part) => findRole(part))
    if (knownRoles.size < 10_000) knownRoles.set(role, known)
  }
  return known
}

/** A warning per team role that is not a known role (a workspace's own playbooks may still use it); located at the role. */
export function checkTeam(value: Record<string, unknown>): RawProblem[] {
  if (!Array.isArray(value.team)) return []
  const problems: RawProblem[] = []
  value.team.forEach((member: unknown, i) => {
    const roles = member && typeof member === 'object' ? (member as {roles?: unknown}).roles : undefined
    if (!Array.isArray(roles)) return
    roles.forEach((role: unknown, j) => {
      if (typeof role !== 'string' || isKnownRole(role)) return
      const best = closest(
        role,
        ROLES.flatMap((r) => [r.key, r['zh-CN'], r.en]),
      )
      problems.push({
        path: `/team/${i}/roles/${j}`,
        rule: 'community.team.unknownRole',
        severity: 'warning',
        msg: {key: 'community.team.unknownRole', params: {role}},
        hint: {
          key: 'community.team.unknownRole.hint',
          params: {roles: ROLES.map((r) => r.key).join(', '), suggest: best ? {$msg: {key: 'suggest.didYouMean', params: {value: best}}} : ''},
        },
      })
    })
  })
  return problems
}
