/** Typed, expected failures. Each becomes one message with a location and a hint, never a stack trace. */
import path from 'node:path'

export interface SourceLocation {
  file: string
  line?: number
  col?: number
}

/** A message that is translated when it is shown: a key in the i18n catalogue and its parameters. */
export interface Msg {
  key: string
  params?: Record<string, unknown>
}

export interface CommopsErrorOptions {
  code?: string
  hint?: Msg
  location?: SourceLocation
  exitCode?: 1 | 2
  details?: unknown
}

export class CommopsError extends Error {
  readonly msg: Msg
  readonly code: string
  readonly hint?: Msg
  readonly location?: SourceLocation
  readonly exitCode: 1 | 2
  readonly details?: unknown

  constructor(msg: Msg, options: CommopsErrorOptions = {}) {
    super(msg.key)
    this.name = new.target.name
    this.msg = msg
    this.code = options.code ?? msg.key
    this.hint = options.hint
    this.location = options.location
    this.exitCode = options.exitCode ?? 1
    this.details = options.details
  }
}

/** Input that is well-formed as a command line but wrong as data (exit 1). */
export class ValidationError extends CommopsError {
  constructor(msg: Msg, options: CommopsErrorOptions = {}) {
    super(msg, {exitCode: 1, ...options})
  }
}

/** The command line itself is wrong (exit 2). */
export class UsageError extends CommopsError {
  constructor(msg: Msg, options: CommopsErrorOptions = {}) {
    super(msg, {...options, exitCode: 2})
  }
}

/** The store cannot be read or written safely (exit 1). */
export class StoreError extends CommopsError {
  constructor(msg: Msg, options: CommopsErrorOptions = {}) {
    super(msg, {exitCode: 1, ...options})
  }
}

/** `file:line:col`, or as much of it as is known. */
export function formatLocation(location: SourceLocation | undefined): string {
  if (!location) return ''
  let out = location.file
  if (location.line !== undefined) out += `:${location.line}`
  if (location.line !== undefined && location.col !== undefined) out += `:${location.col}`
  return out
}

/** Node system error codes that come from the machine or the user's paths, not from a bug, with their message key. */
const SYSTEM_ERRORS: Record<string, string> = {
  ENOSPC: 'fs.noSpace',
  EDQUOT: 'fs.noSpace',
  EACCES: 'fs.denied',
  EPERM: 'fs.denied',
  ENOENT: 'file.notFound',
  EROFS: 'fs.readOnly',
  EMFILE: 'fs.tooManyFiles',
  ENFILE: 'fs.tooManyFiles',
  ENOTDIR: 'fs.notDir',
  EISDIR: 'fs.isDir',
  EEXIST: 'fs.inTheWay',
  ELOOP: 'fs.loop',
  ENAMETOOLONG: 'fs.nameTooLong',
  EBUSY: 'fs.busy',
  EIO: 'fs.io',
}

/**
 * A Node system error (disk full, permission denied, a missing path…) as an expected error naming the path, or
 * undefined when it is none. A missing file inside `ownRoot` (commops' own package) stays a bug: a broken install.
 */
export function fromSystemError(error: unknown, ownRoot?: string): CommopsError | undefined {
  if (!(error instanceof Error)) return undefined
  const {code, path: file, syscall} = error as NodeJS.ErrnoException
  const key = code ? SYSTEM_ERRORS[code] : undefined
  if (!key) return undefined
  const inside = file && ownRoot ? !path.relative(ownRoot, file).startsWith('..') && !path.isAbsolute(path.relative(ownRoot, file)) : false
  if (code === 'ENOENT' && (!file || inside)) return undefined
  const shown = file ?? syscall ?? code
  return new CommopsError(
    {key, params: {path: shown}},
    {code: `fs.${code}`, hint: {key: `${key}.hint`, params: {path: shown}}, details: {code, syscall, path: file}},
  )
}
