/** Rule-set and moderation data as kept in the store (owned by the rules module; extend freely). */

export interface Incident {
  id: string
  member: string
  rule: string
  [key: string]: unknown
}
