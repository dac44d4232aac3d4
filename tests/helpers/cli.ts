/**
 * Running the commops CLI from tests; every test goes through one of these:
 * - `runCli(args)` spawns `node bin/run.js …` as a user would (needs the compiled dist/ and oclif.manifest.json);
 * - `runCliOnTty(args)` does the same on a pseudo-terminal, for prompts and the live run view;
 * - `runInProcess(args)` runs the same compiled commands inside the test process with `runCommand` from @oclif/test;
 * - `runCommandClass(Command, argv)` runs one command class from the TypeScript sources inside the test process.
 * All give `{code, stdout, stderr}` with a deterministic environment: CI=1, English LANG, no colours, no
 * COMMOPS_WORKSPACE or DEBUG inherited from the caller.
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdtemp, realpath, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Console} from 'node:console'
import {fileURLToPath} from 'node:url'
import {vi} from 'vitest'

/** The project folder (holds package.json, bin/, dist/). */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url))
export const BIN = path.join(ROOT, 'bin', 'run.js')

export interface CliResult {
  /** Exit code (0 ok, 1 validation/domain failure, 2 usage error). */
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  cwd?: string
  /** The CLI entry to run; defaults to this project's bin/run.js (e.g. a copy of the package's). */
  bin?: string
  /** Options for node itself, before the entry (`--require probe.cjs`). */
  nodeArgs?: string[]
  /** Added to the base environment; `undefined` removes a variable. */
  env?: Record<string, string | undefined>
  /** Written to stdin, which is then closed. */
  input?: string
  timeoutMs?: number
}

/** The environment every CLI run starts from: never prompts, English, no colour, nothing leaking in from the caller. */
export function baseEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {...process.env, CI: '1', LANG: 'en_US.UTF-8', NO_COLOR: '1', FORCE_COLOR: '0'}
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'COMMOPS_WORKSPACE', 'DEBUG', 'COMMOPS_CONTENT_TYPE', 'COLUMNS']) delete env[name]
  for (const [name, value] of Object.entries(extra)) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return env
}

/** Throws a clear error when the compiled CLI is missing (`npm test` builds it; or run `node scripts/build.mjs`). */
export function assertBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist', 'commands', 'validate.js')) || !existsSync(path.join(ROOT, 'oclif.manifest.json'))) {
    throw new Error('dist/ or oclif.manifest.json is missing: run `npm run build` (npm test does it) before these tests')
  }
}

/** Spawns `node bin/run.js ...args` and resolves with its exit code and output; never rejects on a non-zero exit. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  assertBuilt()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.bin ?? BIN, ...args], {
      cwd: options.cwd ?? process.cwd(),
      env: baseEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`commops ${args.join(' ')} did not finish within ${options.timeoutMs ?? 45_000} ms\n${stdout}\n${stderr}`))
    }, options.timeoutMs ?? 45_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({code: code ?? (signal ? 128 : 1), stdout, stderr})
    })
    child.stdin.end(options.input ?? '')
  })
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;?]*[A-Za-z]/g

/** The util-linux `script` program, which runs a command on a pseudo-terminal; undefined when not installed. */
export const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p))

export interface TtyResult {
  /** Exit code, or undefined when the run was stopped because `stopWhen` matched. */
  code?: number
  /** stdout and stderr together, as the terminal showed them, without colour codes. */
  output: string
  stopped: boolean
}

/**
 * Runs `node bin/run.js ...args` on a pseudo-terminal (via `script`), so stdin and stdout are TTYs as for a person
 * at a terminal. Stops the run (by its pid) as soon as the output matches `stopWhen`, e.g. a prompt.
 */
export function runCliOnTty(
  args: string[],
  options: Omit<CliOptions, 'input'> & {stopWhen?: RegExp; reply?: {when: RegExp; text: string}} = {},
): Promise<TtyResult> {
  assertBuilt()
  if (!SCRIPT) throw new Error('`script` is not installed')
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  const command = [process.execPath, options.bin ?? BIN, ...args].map(quote).join(' ')
  return new Promise((resolve, reject) => {
    const child = spawn(SCRIPT, ['-qec', command, '/dev/null'], {
      cwd: options.cwd ?? process.cwd(),
      env: baseEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let output = ''
    let stopped = false
    const stop = () => {
      stopped = true
      child.kill('SIGTERM') // script ends its command when it is terminated
    }
    let replied = false
    const onData = (d: string) => {
      output += d.replace(ANSI, '')
      if (!stopped && options.stopWhen?.test(output)) stop()
      if (!replied && options.reply?.when.test(output)) {
        replied = true
        child.stdin.write(options.reply.text) // typed at the prompt, as a person would
      }
    }
    child.stdout.setEncoding('utf8').on('data', onData)
    child.stderr.setEncoding('utf8').on('data', onData)
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`commops ${args.join(' ')} on a TTY did not finish within ${options.timeoutMs ?? 45_000} ms:\n${output}`))
    }, options.timeoutMs ?? 45_000)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code: stopped ? undefined : (code ?? 1), output, stopped})
    })
  })
}

export interface InProcessResult extends CliResult {
  /** What the command's run() returned, when it succeeded. */
  result?: unknown
  error?: Error & {oclif?: {exit?: number}}
}

/**
 * Runs a command in this process with `runCommand` from @oclif/test, loading the compiled commands of ROOT.
 * Vitest intercepts `console`, and oclif writes with console.log, so output would be lost (oclif/test#655, fixed in
 * vitest.config with `disableConsoleIntercept: true`); until then a plain Console on the real streams is swapped in
 * while the command runs. Also switches cwd and environment for the run and restores them afterwards.
 */
export async function runInProcess(args: string[], options: Omit<CliOptions, 'input' | 'timeoutMs'> = {}): Promise<InProcessResult> {
  assertBuilt()
  const {runCommand} = await import('@oclif/test')
  // runCommand joins and re-splits its arguments; quote those with spaces so they survive.
  const quoted = args.map((a) => {
    if (/"/.test(a)) throw new Error(`runInProcess cannot pass an argument containing a double quote: ${a}`)
    return /\s/.test(a) ? `"${a}"` : a
  })
  const savedEnv = {...process.env}
  const savedCwd = process.cwd()
  const savedConsole = globalThis.console
  const savedExitCode = process.exitCode
  const env = baseEnv(options.env)
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name]
  Object.assign(process.env, env)
  if (options.cwd) process.chdir(options.cwd)
  globalThis.console = new Console({stdout: process.stdout, stderr: process.stderr})
  try {
    const {stdout, stderr, error, result} = await runCommand(quoted, {root: ROOT})
    const exit = (error as {oclif?: {exit?: number}} | undefined)?.oclif?.exit
    return {code: error ? (exit ?? 1) : 0, stdout, stderr, result, error}
  } finally {
    globalThis.console = savedConsole
    process.chdir(savedCwd)
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name]
    Object.assign(process.env, savedEnv)
    process.exitCode = savedExitCode
  }
}

/** A command class, as `commands/…/*.ts` exports it by default. */
export interface CommandClass {
  run(argv: string[], root: string): Promise<unknown>
}

/**
 * Runs a command class from the TypeScript sources in this process, as `commops …` would in `cwd`: fast, and needs
 * no build. stdout and stderr are captured; an oclif exit becomes the exit code, any other error is thrown.
 */
export async function runCommandClass(cmd: CommandClass, argv: string[], options: Pick<CliOptions, 'cwd' | 'env'> = {}): Promise<CliResult> {
  const out: string[] = []
  const err: string[] = []
  const saved = {cwd: process.cwd(), env: {...process.env}}
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => (out.push(String(chunk)), true))
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => (err.push(String(chunk)), true))
  process.env = baseEnv(options.env)
  if (options.cwd) process.chdir(options.cwd)
  let code = 0
  try {
    await cmd.run(argv, ROOT)
  } catch (error) {
    const exit = (error as {oclif?: {exit?: number}}).oclif?.exit
    if (exit === undefined) throw error
    code = exit
  } finally {
    vi.restoreAllMocks()
    process.chdir(saved.cwd)
    process.env = saved.env
  }
  return {code, stdout: out.join(''), stderr: err.join('')}
}

/** True when the text holds a stack-trace frame (`    at fn (file:1:2)`): a bug, never shown to users. */
export function hasStackTrace(text: string): boolean {
  return /^\s+at /m.test(text)
}

/** A fresh temporary folder (real path, so it compares equal to what the CLI prints); remove it with `removeDir`. */
export async function makeTempDir(prefix = 'commops-test-'): Promise<string> {
  return realpath(await mkdtemp(path.join(tmpdir(), prefix)))
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, {recursive: true, force: true})
}
