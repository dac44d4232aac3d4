// Types of gen-events.mjs, for the tests that import it.
export interface GeneratedEvent {
  ts: string
  type: string
  member: string
  channel?: string
  topic?: string
  src: string
  parent?: string
}

export interface GenerateOptions {
  seed?: number
  from: string
  to: string
  members: number
  activity?: number
  offsetMinutes?: number
  names?: 'zh' | 'en' | 'id'
  platform?: string
  channels?: {talk: string[]; welcome: string; content: string; events: string}
}

export function generateEvents(options: GenerateOptions): Generator<GeneratedEvent>
export function eventLine(e: GeneratedEvent): string
export function addDays(date: string, days: number): string
