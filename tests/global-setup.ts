import {mkdtempSync, rmSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Every temp folder the tests make (workspaces, fixtures, spawned CLIs' files) goes under one folder, removed at the end.
export function setup(): () => void {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commops-tests-'))
  process.env.TMPDIR = dir
  return () => rmSync(dir, {recursive: true, force: true})
}
