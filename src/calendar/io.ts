/** The calendar's edge: reading community.yaml's text for error positions, today's date and owned-file checks. */
import path from 'node:path'
import {parseYaml} from '../schema/yaml-source.js'
import type {Workspace} from '../workspace/index.js'
import {dateIn} from '../util/dates.js'
import {readYamlFile} from '../util/text-file.js'
import type {Locate} from './generate.js'

/** Maps JSON pointers of the workspace's community.yaml to `community.yaml:line:col` (relative to the current folder). */
export async function communityLocator(ws: Workspace, cwd = process.cwd()): Promise<Locate> {
  const text = readYamlFile(ws.communityFile)
  const doc = parseYaml(text, ws.communityFile).docs[0]
  const file = path.relative(cwd, ws.communityFile) || ws.communityFile
  return (pointer, offset) => {
    if (!doc) return {file}
    const at = offset === undefined ? doc.locate(pointer) : doc.locateInString(pointer, offset)
    return {file, line: at.line, col: at.col}
  }
}

/** Today in the workspace's timezone. */
export function todayIn(ws: Workspace, now = new Date()): string {
  return dateIn(now, ws.timezone)
}
