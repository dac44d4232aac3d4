/** Content calendar data as kept in the store (owned by the calendar module). */

/** The life of an item: idea → planned → drafted → scheduled → published, or cancelled at any point. */
export const CALENDAR_STATUSES = ['idea', 'planned', 'drafted', 'scheduled', 'published', 'cancelled'] as const
export type CalendarStatus = (typeof CALENDAR_STATUSES)[number]

/** What an item is: a post of a content pillar, or a session of an activity. */
export type ItemSource = 'pillar' | 'activity'

/** The generated values of an item, kept to tell a person's edits from generated ones. */
export interface GeneratedBaseline {
  title: string
  owner?: string
  status: CalendarStatus
  date: string
  time: string
}

/** One planned piece of content or activity session, in the community's timezone. */
export interface CalendarItem {
  /** Short id for commands, e.g. C17, handed out in store order and never reused. */
  id: string
  /** Stable match key across regenerations: `pillar:daily-topic@2026-12-01T10:00` (source, id, nominal local time). */
  key: string
  source: ItemSource
  /** Pillar id (source pillar). */
  pillar?: string
  /** Activity id (source activity). */
  activity?: string
  /** Activity type: qa, discussion, contest, lottery, meetup, course, expert-talk. */
  activityType?: string
  /** Local date, YYYY-MM-DD. */
  date: string
  /** Local time, HH:mm. */
  time: string
  /** ISO 8601 instant with the zone's UTC offset at that moment, e.g. 2026-12-01T20:00:00+08:00. */
  start: string
  /** IANA timezone the date and time are in. */
  timezone: string
  durationMinutes: number
  title: string
  /** text, image, video, audio, live, event, article, poll. */
  format?: string
  /** A channel id from community.yaml platforms. */
  channel?: string
  owner?: string
  status: CalendarStatus
  notes?: string
  /** Occurrence number of its pillar or activity (the `{n}` of title templates). */
  n: number
  generated: GeneratedBaseline
  /** Added by hand (`calendar add`): regeneration never touches it. */
  manual?: boolean
  /** Revision, bumped on every change; the ICS SEQUENCE. */
  rev: number
  createdAt: string
  updatedAt: string
}

/** An item as the generator proposes it, before it has an id or a history. */
export type CalendarDraft = Omit<CalendarItem, 'id' | 'generated' | 'rev' | 'createdAt' | 'updatedAt' | 'notes' | 'manual'>

/** A generated item a person removed (`calendar rm`): regeneration does not bring its key back. */
export interface RemovedItem {
  key: string
  id: string
  removedAt: string
}

/** A period, both ends inclusive, as local dates YYYY-MM-DD. */
export interface DateRange {
  from: string
  to: string
}

/** Which pillars (or activities) and channels a generation or a view covers; empty means all. */
export interface CalendarFilter {
  pillars?: string[]
  channels?: string[]
}

/** Everything an exporter needs: the items and the names to show for ids. */
export interface CalendarDoc {
  title: string
  community: string
  timezone: string
  from?: string
  to?: string
  items: CalendarItem[]
  /** Display names by id, in the export's language. */
  names: {pillars: Record<string, string>; activities: Record<string, string>; channels: Record<string, string>}
}
