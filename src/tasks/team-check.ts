/** The check of community.yaml `team:` the schema cannot express: roles that no built-in playbook gives tasks to. */
import type {RawProblem} from '../schema/kind-def.js'
import {closest} from '../util/suggest.js'
import {findRole, ROLES} from './roles.js'

/** A warning per team role that is not a known role (a workspace's own playbooks may still use it); located at the role. */
export function checkTeam(value: Record<string, unknown>): RawProblem[] {
  if (!Array.isArray(value.team)) return []
  const names = ROLES.flatMap((r) => [r.key, r['zh-CN'], r.en])
  const problems: RawProblem[] = []
  value.team.forEach((member: unknown, i) => {
    const roles = member && typeof member === 'object' ? (member as {roles?: unknown}).roles : undefined
    if (!Array.isArray(roles)) return
    roles.forEach((role: unknown, j) => {
      if (typeof role !== 'string' || role.trim() === '' || findRole(role) || role.split(' / ').some((part) => findRole(part))) return
      const best = closest(role, names)
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
