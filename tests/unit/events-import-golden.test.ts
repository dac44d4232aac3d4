/**
 * The bytes an import writes, pinned: a generated Discord and Telegram export (thousands of messages over many 64 KiB
 * chunks, with replies, reactions, joins, bots, escapes, CJK and emoji) give batch files whose SHA-256 is fixed. A
 * change to the scanner, the importers, the times, the hashes or the writer that alters a single byte of the events,
 * their src hashes or the column cache fails here (the cache's pins changed with its version 4, which keeps each
 * event's ts and src).
 */
import {createHash} from 'node:crypto'
import {mkdtemp, readFile, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {describe, expect, it} from 'vitest'
import {importEvents} from '../../src/events/service.js'
import {Store} from '../../src/store/index.js'

/** A small seeded generator (LCG), so the exports are the same on every run. */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0
    return s / 2 ** 32
  }
}

const TEXTS = ['你好，社群运营', 'a "quoted" {brace} [bracket] \\ back\\slash', 'emoji 🎉👍 and tabs\there', 'line\nbreak', '']

function discordExport(n: number): string {
  const r = random(7)
  const messages: unknown[] = []
  let t = Date.parse('2026-03-01T00:00:00Z')
  for (let i = 0; i < n; i++) {
    t += Math.floor(r() * 3_600_000)
    const user = String(100 + Math.floor(r() * 40))
    const kind = r()
    const iso = new Date(t).toISOString()
    // the forms exports write: an offset with milliseconds, Z, another offset
    const timestamp = i % 3 === 0 ? iso.replace('Z', '+00:00') : i % 3 === 1 ? iso.replace(/\.\d+Z$/, 'Z') : iso.slice(0, 19) + '-05:30'
    messages.push({
      id: String(900_000_000_000_000_000n + BigInt(i)),
      type: kind < 0.03 ? 'GuildMemberJoin' : kind < 0.04 ? 'ChannelPinnedMessage' : i > 0 && kind < 0.35 ? 'Reply' : 'Default',
      timestamp,
      timestampEdited: null,
      isPinned: false,
      content: `${TEXTS[i % TEXTS.length]} #${i}`,
      author: {
        id: i % 97 === 5 ? '456226577798135808' : user,
        name: i % 97 === 5 ? 'Deleted User' : `user${user}`,
        discriminator: '0000',
        nickname: `U${user}`,
        isBot: i % 53 === 7,
      },
      attachments: [],
      embeds: [{title: 'x', fields: [{name: ']}', value: '{['}]}],
      reactions:
        i % 5 === 0
          ? [
              {
                emoji: {id: '', name: '👍'},
                count: 3,
                users: [
                  {id: '101', name: 'a'},
                  {id: '102', name: 'b', isBot: i % 2 === 0},
                ],
              },
              {emoji: {id: '12345', name: 'custom'}, count: 2},
            ]
          : [],
      mentions: [],
      ...(i > 0 && kind >= 0.04 && kind < 0.35 ? {reference: {messageId: String(900_000_000_000_000_000n + BigInt(i - 1)), channelId: '7'}} : {}),
    })
  }
  const doc = {guild: {id: '9', name: 'G'}, channel: {id: '7', type: 'GuildTextChat', name: 'general'}, messages, messageCount: n}
  return JSON.stringify(doc, null, 2)
}

function telegramExport(n: number): string {
  const r = random(8)
  const messages: unknown[] = []
  let t = Date.parse('2026-03-01T00:00:00Z') / 1000
  for (let i = 1; i <= n; i++) {
    t += Math.floor(r() * 3600)
    const user = 200 + Math.floor(r() * 40)
    const date = new Date((t + 8 * 3600) * 1000).toISOString().slice(0, 19)
    const time = i % 11 === 0 ? {date} : {date, date_unixtime: String(t)}
    if (i % 41 === 0) {
      messages.push({id: i, type: 'service', ...time, actor: `User ${user}`, actor_id: `user${user}`, action: 'join_group_by_link'})
      continue
    }
    if (i % 43 === 0) {
      messages.push({
        id: i,
        type: 'service',
        ...time,
        actor: `User ${user}`,
        actor_id: `user${user}`,
        action: 'invite_members',
        members: [`User ${user}`, 'Someone'],
      })
      continue
    }
    const text = TEXTS[i % TEXTS.length]
    messages.push({
      id: i,
      type: 'message',
      ...time,
      from: `User ${user}`,
      from_id: i % 29 === 0 ? `channel${user}` : `user${user}`,
      ...(i > 1 && r() < 0.3 ? {reply_to_message_id: i - 1} : {}),
      text: i % 4 === 0 ? [text, {type: 'bold', text: 'b'}] : text,
      text_entities: [{type: 'plain', text}],
      ...(i % 6 === 0
        ? {
            reactions: [
              {
                type: 'emoji',
                count: 4,
                emoji: '❤',
                recent: [
                  {from: 'A', from_id: 'user201', date: '2026-03-02T10:00:00'},
                  {from: 'B', from_id: 'user202'},
                ],
              },
              {type: 'custom_emoji', count: 1, document_id: 'doc1'},
            ],
          }
        : {}),
    })
  }
  return JSON.stringify({name: 'Bench', type: 'private_supergroup', id: 1234567890, messages}, null, 1)
}

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16)

async function importedFiles(name: string, text: string): Promise<Record<string, string>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'commops-golden-'))
  const file = path.join(root, name)
  await writeFile(file, text)
  const store = Store.at(root)
  const result = await importEvents(store, {path: file, display: name, zone: 'Asia/Shanghai', now: new Date('2026-12-02T00:00:00Z')})
  const dir = path.join(root, '.commops', 'events')
  const out: Record<string, string> = {summary: `${result.added} added, ${result.rejectedCount} rejected, ${result.from} – ${result.to}`}
  for (const ext of ['ndjson', 'srcs', 'cols', 'rejects.ndjson']) out[ext] = sha(await readFile(path.join(dir, `B1.${ext}`)))
  return out
}

describe('import output, byte for byte', () => {
  it('a Discord export gives the same batch files as before', async () => {
    const text = discordExport(4000)
    expect(text.length).toBeGreaterThan(20 * 64 * 1024)
    expect(await importedFiles('discord.json', text)).toEqual({
      summary: '6495 added, 0 rejected, 2026-03-01T08:47:54.700+08:00 – 2026-05-24T19:20:56+08:00',
      ndjson: '9ca5896935410efd',
      srcs: '5feea74e3c0271ac',
      cols: 'a9708eadaab68d08',
      'rejects.ndjson': 'e3b0c44298fc1c14',
    })
  })

  it('a Telegram export gives the same batch files as before', async () => {
    const text = telegramExport(6000)
    expect(text.length).toBeGreaterThan(20 * 64 * 1024)
    expect(await importedFiles('result.json', text)).toEqual({
      summary: '9812 added, 136 rejected, 2026-03-01T08:03:19+08:00 – 2026-07-02T04:35:05+08:00',
      ndjson: '9bc3e632d0dc0ef4',
      srcs: 'a628c5704e3a9aae',
      cols: '1f03ea386e6f1c6f',
      'rejects.ndjson': '1df3726b5ae863b4',
    })
  })
})
