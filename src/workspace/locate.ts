/** Locations in a workspace's community.yaml, found by parsing it again with positions (only when one is needed). */
import {readFileSync} from 'node:fs'
import type {SourceLocation} from '../errors.js'
import {parseWithPositions} from '../schema/yaml-source.js'
import type {Workspace} from './index.js'

/** Where a JSON pointer sits in the workspace's community.yaml (the nearest existing node for a missing field). */
export function locateInCommunity(ws: Pick<Workspace, 'communityFile'>, pointer: string): SourceLocation {
  try {
    const doc = parseWithPositions(readFileSync(ws.communityFile, 'utf8'), ws.communityFile).docs[0]
    return doc ? {file: ws.communityFile, ...doc.locate(pointer)} : {file: ws.communityFile}
  } catch {
    return {file: ws.communityFile}
  }
}
