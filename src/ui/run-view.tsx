import {formatLocation} from '../errors.js'
import {Box, render, Static, Text} from 'ink'
import {useEffect, useState} from 'react'
import type {Translate} from '../i18n/index.js'
import type {StepEvent, StepStart} from '../playbook/runner.js'

const ICON: Record<string, {icon: string; color: string}> = {
  ok: {icon: '✔', color: 'green'},
  changed: {icon: '✚', color: 'yellow'},
  skipped: {icon: '↷', color: 'gray'},
  failed: {icon: '✖', color: 'red'},
}
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏']

/** Live state of a run, fed by the runner's events. */
export class RunFeed {
  done: StepEvent[] = []
  current?: StepStart
  private listeners = new Set<() => void>()

  push(event: StepEvent | StepStart): void {
    if ('starting' in event) this.current = event
    else {
      this.done = [...this.done, event]
      this.current = undefined
    }
    for (const l of this.listeners) l()
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

/** One finished step: icon, id, status, description, messages and diff. */
export function StepLine({event, t, showDiff}: {event: StepEvent; t: Translate; showDiff: boolean}) {
  const {icon, color} = ICON[event.status]
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={color}>{icon} </Text>
        <Text bold>{event.id}</Text>
        <Text color={color}> {t(`status.${event.status}`)}</Text>
        {event.description ? <Text dimColor> {event.description}</Text> : null}
        <Text dimColor> {event.durationMs}ms</Text>
      </Text>
      {(event.messages ?? []).map((m, i) => (
        <Text key={`m${i}`} dimColor>{`    ${m}`}</Text>
      ))}
      {event.error ? (
        <Text color="red">{`    ${event.error.location ? `${formatLocation(event.error.location)}: ` : ''}${event.error.message}`}</Text>
      ) : null}
      {event.error?.hint ? <Text color="red" dimColor>{`    ${event.error.hint}`}</Text> : null}
      {showDiff
        ? (event.diff ?? []).map((d, i) => (
            <Text
              key={`d${i}`}
              color={d.trimStart().startsWith('+') ? 'green' : d.trimStart().startsWith('-') ? 'red' : undefined}
            >{`    ${d}`}</Text>
          ))
        : null}
    </Box>
  )
}

function Spinner() {
  const [frame, setFrame] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), 80)
    return () => clearInterval(timer)
  }, [])
  return <Text color="cyan">{FRAMES[frame]}</Text>
}

/** Finished steps stay put (Static); the running one has a spinner. */
export function RunView({feed, t, showDiff}: {feed: RunFeed; t: Translate; showDiff: boolean}) {
  const [, setTick] = useState(0)
  useEffect(() => feed.subscribe(() => setTick((n) => n + 1)), [feed])
  return (
    <>
      <Static items={feed.done}>{(event) => <StepLine key={event.id} event={event} t={t} showDiff={showDiff} />}</Static>
      {feed.current ? (
        <Text>
          <Spinner /> <Text bold>{feed.current.id}</Text> <Text dimColor>{feed.current.description}</Text>
        </Text>
      ) : null}
    </>
  )
}

/** Mounts the live view on stderr; returns the feed and a function that waits for the last frame. */
export function startRunView(t: Translate, showDiff: boolean): {feed: RunFeed; finish: () => Promise<void>} {
  const feed = new RunFeed()
  const app = render(<RunView feed={feed} t={t} showDiff={showDiff} />, {stdout: process.stderr, patchConsole: false})
  return {
    feed,
    finish: async () => {
      app.unmount()
      await app.waitUntilExit()
    },
  }
}
