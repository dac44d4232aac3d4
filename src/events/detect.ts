/** Which importer reads a source, from its first bytes; what an unknown file looks like. */
import {QQ_HEADER} from './import/qq.js'
import type {Format} from './types.js'

export type Detected = {format: Format} | {unknown: {looksLike: string}} | {csv: {columns: string[]}}

/** The format of a file from its first 64 KiB decoded (`zip` true for a zip archive). */
export function detectFormat(head: string, o: {zip?: boolean; folder?: {slack: boolean}} = {}): Detected {
  if (o.zip) return {format: 'slack'}
  if (o.folder) return o.folder.slack ? {format: 'slack'} : {unknown: {looksLike: 'a folder without users.json or channels.json'}}
  const text = head.replace(/^\uFEFF/, '')
  const start = text.trimStart()
  if (start.startsWith('{')) {
    const firstLine = start.split('\n', 1)[0]
    if (isEventLine(firstLine)) return {format: 'ndjson'}
    if (/"guild"\s*:/.test(text) && /"messages"\s*:/.test(text)) return {format: 'discord'}
    if (/"(latest_posts|post_stream|topic_list)"\s*:/.test(text)) return {format: 'discourse'}
    if (
      /"messages"\s*:/.test(text) &&
      /"type"\s*:\s*"(personal_chat|private_group|private_supergroup|public_supergroup|public_channel|private_channel|bot_chat|saved_messages)"/.test(
        text,
      )
    ) {
      return {format: 'telegram'}
    }
    if (/"messages"\s*:/.test(text) && /"from_id"\s*:/.test(text)) return {format: 'telegram'}
    const keys = [...new Set([...text.slice(0, 4096).matchAll(/"([^"\\]{1,40})"\s*:/g)].map((m) => m[1]))].slice(0, 6)
    return {unknown: {looksLike: `JSON with keys ${keys.join(', ') || '(none)'}`}}
  }
  if (start.startsWith('[')) return {unknown: {looksLike: 'a JSON array'}}
  const lines = text.split(/\r?\n/).slice(0, 200)
  if (/^消息记录|^消息分组:|^消息对象:/m.test(text.slice(0, 2000)) || lines.some((l) => QQ_HEADER.test(l))) return {format: 'qq'}
  const first = lines.find((l) => l.trim() !== '') ?? ''
  const delimiter = ['\t', ';', ','].find((d) => first.includes(d))
  if (delimiter) return {csv: {columns: first.split(delimiter).map((c) => c.trim().replace(/^"|"$/g, ''))}}
  return {unknown: {looksLike: first ? `text starting “${first.slice(0, 40)}”` : 'an empty file'}}
}

function isEventLine(line: string): boolean {
  try {
    const o = JSON.parse(line) as Record<string, unknown>
    return typeof o === 'object' && o !== null && 'ts' in o && 'type' in o && 'member' in o
  } catch {
    return false
  }
}
