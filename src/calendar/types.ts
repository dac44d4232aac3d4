/** Content calendar data as kept in the store (owned by the calendar module; extend freely). */

export type CalendarStatus = 'idea' | 'planned' | 'drafted' | 'scheduled' | 'published' | 'cancelled'

export interface CalendarItem {
  /** Stable id, e.g. C17 (short, for commands) */
  id: string
  [key: string]: unknown
}
