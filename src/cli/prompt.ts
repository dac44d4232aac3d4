/** Prompts are flags: a flag's value wins, then the default under --yes or CI, then a question on a TTY. */

export interface PromptContext {
  yes?: boolean
  /** --json: the output is for a program, which cannot answer a question. */
  json?: boolean
}

/** True when we may ask: a terminal on both ends, no --yes, no --json, no CI. */
export function canPrompt(ctx: PromptContext, env: NodeJS.ProcessEnv = process.env): boolean {
  return !ctx.yes && !ctx.json && !env.CI && Boolean(process.stdin.isTTY) && Boolean(process.stdout.isTTY)
}

type Prompts = typeof import('@inquirer/prompts')

let prompts: Prompts | undefined

/** Loads inquirer on first use only, so commands that never ask stay fast. */
export async function loadPrompts(): Promise<Prompts> {
  prompts ??= await import('@inquirer/prompts')
  return prompts
}

/** True for the error inquirer throws when the person presses Ctrl-C at a question (ExitPromptError). */
export function isPromptCancel(err: unknown): boolean {
  return err instanceof Error && err.name === 'ExitPromptError'
}
