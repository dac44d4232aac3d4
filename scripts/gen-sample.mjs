// Writes the bundled activity samples (templates/samples/activity.<locale>.ndjson) that `init --sample` copies to
// data/: run once, commit the output. Seeded: running it again gives the same bytes.
import {mkdirSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {eventLine, generateEvents} from './lib/gen-events.mjs'
import {root} from './lib.mjs'

/** Each sample matches its community (templates/community/sample.<locale>.yaml): its channels, platform and zone. */
const SAMPLES = {
  'zh-CN': {
    names: 'zh',
    platform: 'wechat',
    offsetMinutes: 480, // Asia/Shanghai
    channels: {talk: ['wechat-main', 'forum-tips', 'forum-feedback'], welcome: 'wechat-newbie', content: 'wechat-notice', events: 'forum-events'},
  },
  en: {
    names: 'en',
    platform: 'discord',
    offsetMinutes: 120, // Europe/Berlin in summer (CEST all through June–September)
    channels: {
      talk: ['discord-help', 'forum-help', 'gh-discussions', 'forum-showcase'],
      welcome: 'discord-contributors',
      content: 'discord-announcements',
      events: 'discord-stage',
    },
  },
}

const dir = path.join(root, 'templates', 'samples')
mkdirSync(dir, {recursive: true})
for (const [locale, options] of Object.entries(SAMPLES)) {
  const lines = []
  for (const e of generateEvents({seed: 2026, from: '2026-06-01', to: '2026-09-30', members: 250, activity: 0.4, ...options}))
    lines.push(eventLine(e))
  const file = path.join(dir, `activity.${locale}.ndjson`)
  writeFileSync(file, lines.join('\n') + '\n')
  console.log(`${path.relative(root, file)}: ${lines.length} events`)
}
