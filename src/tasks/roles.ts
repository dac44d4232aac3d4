/** The roles task owners name (`版主 / moderator`), and who in the team holds them: plain data in, plain data out. */
import type {LocalizedText} from '../i18n/index.js'

export interface Role {
  /** A short English key a person can type: `lead`, `moderator`. */
  key: string
  'zh-CN': string
  en: string
  /** Other spellings people type (`organizer`, `mod`). */
  aliases?: string[]
}

/** The roles the built-in playbooks give tasks to, in both languages. */
export const ROLES: readonly Role[] = [
  {key: 'lead', 'zh-CN': '运营负责人', en: 'community lead', aliases: ['社群负责人', 'community manager']},
  {key: 'moderator', 'zh-CN': '版主', en: 'moderator', aliases: ['mod', 'moderators', '版主们']},
  {key: 'content', 'zh-CN': '内容运营', en: 'content lead'},
  {key: 'events', 'zh-CN': '活动运营', en: 'events lead'},
  {key: 'members', 'zh-CN': '用户运营', en: 'member lead'},
  {key: 'data', 'zh-CN': '数据分析', en: 'data analyst'},
  {key: 'qa', 'zh-CN': '答疑负责人', en: 'Q&A lead'},
  {key: 'organiser', 'zh-CN': '群主', en: 'organiser', aliases: ['organizer']},
  {key: 'maintainer', 'zh-CN': '维护者', en: 'maintainer'},
  {key: 'brand', 'zh-CN': '品牌经理', en: 'brand manager'},
  {key: 'support', 'zh-CN': '客服主管', en: 'support lead'},
  {key: 'admin', 'zh-CN': '管理员', en: 'admin'},
]

/** A team member as community.yaml `team:` lists them; `roles` are the task owners they take. */
export interface TeamMember {
  name: string
  role?: LocalizedText
  roles?: string[]
  contact?: string
}

const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase()

/**
 * Every way to write each role, normalised once (validate looks up every team role of every community.yaml it reads):
 * `exact` its key, labels and `zh / en`; `all` those and its aliases.
 */
const SPELLED = ROLES.map((role) => {
  const exact = [role.key, role['zh-CN'], role.en, `${role['zh-CN']} / ${role.en}`].map(norm)
  return {role, exact, all: [...exact, ...(role.aliases ?? []).map(norm)]}
})

/** The known role a text names (`moderator`, `版主`, `版主 / moderator`, `mod`); exact spellings win over aliases. */
export function findRole(text: string): Role | undefined {
  const n = norm(text)
  if (!n) return undefined
  return (SPELLED.find((s) => s.exact.includes(n)) ?? SPELLED.find((s) => s.all.includes(n)))?.role
}

/** How a role is written on a task: `版主 / moderator`. */
export function roleLabel(role: Role): string {
  return `${role['zh-CN']} / ${role.en}`
}

/**
 * The names an owner text answers to: for a known role all its spellings, for `A / B` both halves, otherwise
 * the text itself (a person's name, or a role of the workspace's own).
 */
export function ownerNames(owner: string): string[] {
  const role = findRole(owner)
  const parts = owner.includes(' / ') ? owner.split(' / ') : [owner]
  const names = new Set([norm(owner), ...parts.map(norm).filter(Boolean)])
  for (const part of [owner, ...parts]) {
    const r = role ?? findRole(part)
    if (r) for (const s of SPELLED.find((x) => x.role === r)!.all) names.add(s)
  }
  return [...names]
}

/** Whether an owner text and a role (as a team member lists it) name the same role. */
export function sameRole(owner: string, role: string): boolean {
  const names = ownerNames(owner)
  return ownerNames(role).some((n) => names.includes(n))
}

/** The team members who take an owner role, by name; none when the owner is not a role anyone holds. */
export function peopleFor(owner: string | undefined, team: readonly TeamMember[]): string[] {
  if (!owner) return []
  return team.filter((m) => (m.roles ?? []).some((r) => typeof r === 'string' && sameRole(owner, r))).map((m) => m.name)
}

/** The team member a text names (name or contact), if any. */
export function findPerson(text: string, team: readonly TeamMember[]): TeamMember | undefined {
  const n = norm(text)
  return team.find((m) => norm(m.name) === n || (m.contact !== undefined && norm(m.contact) === n))
}

/** The fields of a task who it belongs to depends on. */
export interface Owned {
  owner?: string
  assignee?: string
}

/**
 * Whether a task belongs to `who`: a person (its assignee, or — unassigned — a team member holding its role)
 * or a role in either language (`moderator`, `版主`, `mod`).
 */
export function ownedBy(task: Owned, who: string, team: readonly TeamMember[]): boolean {
  const n = norm(who)
  if (!n) return false
  if (task.assignee !== undefined && norm(task.assignee) === n) return true
  if (task.owner !== undefined && ownerNames(task.owner).includes(n)) return true
  const person = findPerson(who, team)
  if (!person) return false
  if (task.assignee !== undefined) return norm(task.assignee) === norm(person.name)
  return task.owner !== undefined && (person.roles ?? []).some((r) => typeof r === 'string' && sameRole(task.owner!, r))
}

/** Who a task is for, as one cell: `小王 (版主 / moderator)`, the role with the people who hold it, or just one of them. */
export function ownerCell(task: Owned, team: readonly TeamMember[]): string {
  if (task.assignee) return task.owner ? `${task.assignee} (${task.owner})` : task.assignee
  if (!task.owner) return ''
  const people = peopleFor(task.owner, team)
  return people.length > 0 ? `${people.join(', ')} (${task.owner})` : task.owner
}
